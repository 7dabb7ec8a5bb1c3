#pragma once

#include <QWidget>

class QLabel;
class QTimer;

namespace Flotilla {

class ServerConnection;

// The first page an operator sees: what Flotilla is, the main button to connect a first device, and a short
// checklist that ticks itself from the server's state (server reachable, a device has polled, software uploaded,
// a first deployment). Each step is one request for a count (limit=1, the page's total), made again when the
// event stream says something of that kind changed and the step is not ticked yet.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    enum Step { ServerReachable, DeviceConnected, SoftwareUploaded, FirstDeployment, StepCount };
    Q_ENUM(Step)

    explicit WelcomePage(ServerConnection &connection, QWidget *parent = nullptr);

    bool isDone(Step step) const { return m_done[step]; }

Q_SIGNALS:
    // Its main button: how to get a first device talking to the server.
    void connectDeviceRequested();
    void checklistChanged();

private:
    // everyStep: a new server (or lost events) asks for all; an event only for the steps not yet ticked.
    void refresh(bool everyStep);
    void check(Step step, const QString &path, const QString &rsql = {});
    void setDone(Step step, bool done);

    ServerConnection &m_connection;
    QLabel *m_steps[StepCount] = {};
    QString m_texts[StepCount];
    bool m_done[StepCount] = {};
    QTimer *m_refresh;
};

} // namespace Flotilla
