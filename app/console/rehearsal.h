#pragma once

// Rehearsal mode: simulated devices against the server the console is connected to, so an operator can try a
// rollout, a consent flow or a maintenance window before touching a real device. Each device is the device agent
// (the fleet simulator, sim/), on a worker thread of its own. The mode is explicit and labelled: the devices are
// targets "rehearsal-<n>" created with their own tokens, tagged "Simulated", and send the attribute
// simulated=true; Remove deletes every one of them and nothing else.
#include "sim/fleetdescription.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace Flotilla {

class ApiReply;
class ServerConnection;

class Rehearsal : public QObject
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView Prefix { "rehearsal-" };
    static constexpr QLatin1StringView TagName { "Simulated" };

    explicit Rehearsal(ServerConnection &connection, QObject *parent = nullptr);
    ~Rehearsal() override;

    // Creates `count` targets with their tokens, tags them and starts their devices, which behave as `profile`
    // says. Refused (failed()) while running or when devices of an earlier rehearsal are still there.
    void start(int count, const Flotilla::Sim::DeviceProfile &profile);
    // Stops the devices (the targets stay until remove()).
    void stop();
    // Stops, then deletes every rehearsal target; removed(n) when done.
    void remove();
    bool isRunning() const { return m_running; }
    int deviceCount() const { return m_count; }

Q_SIGNALS:
    void started(int count);
    void stopped();
    void removed(int count);
    void failed(const QString &why);
    // About once a second while running: the simulator's status line.
    void status(const QString &line);

private:
    void createTargets(int from, QList<std::pair<QString, QString>> devices,
                       const Flotilla::Sim::DeviceProfile &profile);
    void tagTargets(const QList<std::pair<QString, QString>> &devices, const Flotilla::Sim::DeviceProfile &profile);
    void startFleet(const QList<std::pair<QString, QString>> &devices, const Flotilla::Sim::DeviceProfile &profile);
    void removeBatch(int removedSoFar);
    void fail(const QString &why);

    ServerConnection &m_connection;
    QThread m_thread;
    QPointer<QObject> m_context; // lives on m_thread; owns the fleet
    bool m_running = false;
    bool m_busy = false; // creating or removing targets
    int m_count = 0;
};

} // namespace Flotilla
