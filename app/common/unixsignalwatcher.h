#pragma once

#include <QObject>

class QSocketNotifier;

namespace Flotilla {

// Turns SIGTERM/SIGINT (or any signals given) into a Qt signal delivered in the event loop, through a
// self-pipe, so a program can shut down cleanly instead of dying in the middle of a write.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void unixSignal(int signalNumber);

private:
    void readSignal();
    static void handler(int signalNumber);

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};

// Quit the application with exit code 0 on SIGTERM or SIGINT.
void quitOnTerminationSignals(QObject *app);

} // namespace Flotilla
