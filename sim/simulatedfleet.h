#pragma once

// N simulated devices in one event loop, each a real flotilla-agent (DeviceAgent: the DDI client, feedback queue,
// downloader and update workflow) while it has something to do, and a small record while it sleeps.
//
// A sleeping device costs about a hundred bytes: the fleet polls the base resource for it (with its own
// credentials, at the server's interval with the profile's jitter) and wakes it — a DeviceAgent with a
// SimulatedStepHandler, its state in its own directory — as soon as the server presents anything (deploymentBase,
// cancelAction, configData, or confirmationBase unless the device never answers). A device whose agent has
// nothing left to do (no action, no feedback owed, no consent question it will answer, nothing on the wire) goes
// back to sleep. So 10,000 idle devices cost little, and the devices in a rollout run the same code as a device.
#include "agent/agentconfig.h"
#include "sim/fleetdescription.h"
#include "sim/fleetnetwork.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>
#include <queue>
#include <vector>

namespace Flotilla::Agent {
class DdiClient;
class DeviceAgent;
} // namespace Flotilla::Agent

namespace Flotilla::Sim {

struct FleetOptions
{
    QUrl server; // scheme://host:port
    QString tenant = QStringLiteral("DEFAULT");
    QString gatewayToken; // every device polls with it (and so registers on its first poll)
    QList<std::pair<QString, QString>> devices; // controllerId and TargetToken, when not named by prefix
    int count = 0; // devices <prefix><n>, n = 1..count zero-padded to count's width
    QString prefix = QStringLiteral("sim-");
    FleetDescription fleet;
    QString stateDir; // each awake device keeps its agent state in <stateDir>/<controllerId>
    QString caFile;
    quint64 seed = 1;
    int maxConcurrentPolls = 64;
    int connections = 64; // HTTP/1.1 connections to the server
    int rampUpSeconds = 0; // the first polls spread over this long
    // The server's clock runs this many times faster than the wall clock (flotillad --clock-rate): the server's
    // poll sleep and every time in the profiles (and the ramp-up) are in its seconds, so each is this much shorter.
    double clockRate = 1.0;
};

class SimulatedFleet : public QObject
{
    Q_OBJECT
public:
    explicit SimulatedFleet(FleetOptions options, QObject *parent = nullptr);
    ~SimulatedFleet() override;

    // False with *error when the options cannot work (no devices, an unusable CA file, a state directory that
    // cannot be made).
    bool start(QString *error);
    // Stops every awake device (each saves its state) and the polls; emits stopped().
    void stop();

    int deviceCount() const { return int(m_devices.size()); }
    int awakeCount() const { return m_awake; }
    // Ended actions by the workflow's final phase ("Succeeded", "Failed", "Canceled", "Downloaded").
    const QMap<QString, int> &outcomes() const { return m_outcomes; }
    // Devices per state: "asleep", "offline", "registering", or the awake agent's phase ("Download", ...; "Idle").
    QMap<QString, int> states() const;
    const FleetNetwork &network() const { return *m_network; }
    // The report: devices, seconds, states, outcomes, requests with latency percentiles (the whole run, and
    // "window": since the previous report), errors, RSS. Starts the next window.
    QJsonObject takeReport();
    // One line for a terminal: time, devices awake, polls/s, feedback, outcomes, errors, poll p50/p99.
    QString statusLine();

Q_SIGNALS:
    void stopped();
    void actionEnded(const QString &controllerId, const QString &actionId, const QString &outcome);

private:
    struct Device
    {
        QString controllerId;
        QString token;
        qint64 dueMs = 0; // the next poll while asleep (on m_clock)
        qint32 sleepSeconds = 0; // the server's last config.polling.sleep (0: not yet known)
        qint32 number = 0;
        quint16 profile = 0;
        quint8 failures = 0; // polls in a row that failed
        bool polling = false;
        bool registered = false;
        Flotilla::Agent::DeviceAgent *agent = nullptr;
    };

    void schedule(int index, qint64 dueMs);
    void pump();
    void poll(int index);
    void wake(int index);
    void sweep();
    void putToSleep(int index);
    void answerConsents(int index);
    qint64 nextPollDelayMs(const Device &d) const;
    qint64 offlineUntilMs(const Device &d, qint64 atMs) const;
    qint64 nowMs() const { return m_clock.elapsed(); }

    FleetOptions m_options;
    std::unique_ptr<FleetNetwork> m_network;
    Flotilla::Agent::AgentConfig m_template;
    std::unique_ptr<Flotilla::Agent::DdiClient> m_poller;
    std::vector<Device> m_devices;
    using Due = std::pair<qint64, int>;
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> m_queue;
    QTimer m_timer;
    QTimer m_sweepTimer;
    QElapsedTimer m_clock;
    int m_polling = 0;
    int m_awake = 0;
    quint64 m_wakes = 0;
    int m_sleptSinceTrim = 0;
    QElapsedTimer m_lastTrim;
    quint64 m_lastPolls = 0;
    qint64 m_lastLineMs = 0;
    qint64 m_windowStartMs = 0;
    bool m_stopping = false;
    QMap<QString, int> m_outcomes;
    QDateTime m_started;
    QRandomGenerator m_random;
};

} // namespace Flotilla::Sim
