#pragma once

// systemd's service notification protocol through libsystemd (sd_notify), when the program was built with it
// and runs under systemd: READY=1 once started, STATUS= lines, STOPPING=1, and WATCHDOG=1 at half the unit's
// WatchdogSec. Without libsystemd or outside systemd every call does nothing.
#include <QObject>
#include <QTimer>

namespace Flotilla {

class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);
    static bool isAvailable();
    void ready(const QString &status);
    void status(const QString &status);
    void stopping();

private:
    QTimer m_watchdog;
};

} // namespace Flotilla
