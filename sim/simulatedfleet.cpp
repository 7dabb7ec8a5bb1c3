#include "sim/simulatedfleet.h"

#include "agent/ddi/ddiclient.h"
#include "agent/deviceagent.h"
#include "sim/simlogging.h"
#include "sim/simulatedstephandler.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using Flotilla::Agent::DdiReply;
using Flotilla::Agent::DeviceAgent;
using Flotilla::Agent::UpdateWorkflow;

namespace Flotilla::Sim {

namespace {

qint64 residentBytes()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * ::sysconf(_SC_PAGESIZE) : 0;
}

} // namespace

SimulatedFleet::SimulatedFleet(FleetOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(std::make_unique<FleetNetwork>(m_options.connections))
    , m_random(quint32(m_options.seed))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedFleet::pump);
    m_sweepTimer.setInterval(std::chrono::milliseconds(250));
    connect(&m_sweepTimer, &QTimer::timeout, this, &SimulatedFleet::sweep);
}

SimulatedFleet::~SimulatedFleet()
{
    for (Device &d : m_devices)
        delete std::exchange(d.agent, nullptr);
    m_poller.reset(); // its open requests go before the network
}

bool SimulatedFleet::start(QString *error)
{
    if (!m_options.server.isValid()
        || (m_options.server.scheme() != "http"_L1 && m_options.server.scheme() != "https"_L1)) {
        *error = tr("the server must be an http:// or https:// URL");
        return false;
    }
    if (!(m_options.clockRate >= 1 && m_options.clockRate <= 1000)) {
        *error = tr("the clock rate must be from 1 to 1000");
        return false;
    }
    // The steps' durations in wall-clock time (the poll intervals and offline periods are scaled where used).
    for (DeviceProfile &p : m_options.fleet.profiles) {
        p.installSeconds /= m_options.clockRate;
        p.rebootSeconds /= m_options.clockRate;
        p.consentDelaySeconds /= m_options.clockRate;
        p.bandwidthBytesPerSecond = qint64(double(p.bandwidthBytesPerSecond) * m_options.clockRate);
    }
    if (m_options.devices.isEmpty() && m_options.count <= 0) {
        *error = tr("no devices: give a number of devices or a tokens file");
        return false;
    }
    if (m_options.devices.isEmpty() && m_options.gatewayToken.isEmpty()) {
        *error = tr("devices named by a prefix register through the gateway token: give one");
        return false;
    }
    if (!QDir().mkpath(m_options.stateDir)) {
        *error = tr("the state directory %1 cannot be created").arg(m_options.stateDir);
        return false;
    }
    m_template.serverUrl = m_options.server;
    m_template.tenant = m_options.tenant;
    m_template.gatewayToken = m_options.gatewayToken;
    m_template.caFile = m_options.caFile;
    m_template.bootIdFile.clear(); // simulated devices do not reboot: no boot id to compare
    m_template.rebootCommand = u"/bin/false"_s;
    m_template.maxRetryIntervalSeconds = 60;
    m_poller = std::make_unique<Flotilla::Agent::DdiClient>(m_template, m_network.get());
    if (!m_poller->setUpTls(error))
        return false;

    if (m_options.devices.isEmpty()) {
        const int width = int(QString::number(m_options.count).size());
        for (int n = 1; n <= m_options.count; ++n)
            m_options.devices.append({ m_options.prefix + u"%1"_s.arg(n, width, 10, QChar(u'0')), QString() });
    }
    const QList<int> profiles = m_options.fleet.assign(int(m_options.devices.size()));
    m_devices.resize(m_options.devices.size());
    const int count = int(m_devices.size());
    for (int i = 0; i < count; ++i) {
        Device &d = m_devices[i];
        d.controllerId = m_options.devices.at(i).first;
        d.token = m_options.devices.at(i).second;
        d.number = i + 1;
        d.profile = quint16(profiles.at(i));
        const qint64 due = m_options.rampUpSeconds > 0
            ? qint64(double(m_options.rampUpSeconds) * 1000 / m_options.clockRate) * i / count
            : 0;
        schedule(i, offlineUntilMs(d, due));
    }
    m_options.devices.clear(); // the records hold them now
    m_started = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_sweepTimer.start();
    qCInfo(lcSim, "%d simulated devices against %s (tenant %s)", count,
           qUtf8Printable(m_options.server.toDisplayString()), qUtf8Printable(m_options.tenant));
    pump();
    return true;
}

void SimulatedFleet::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_timer.stop();
    m_sweepTimer.stop();
    for (Device &d : m_devices) {
        if (d.agent)
            d.agent->stop(); // saves its state
    }
    QTimer::singleShot(0, this, &SimulatedFleet::stopped);
}

void SimulatedFleet::schedule(int index, qint64 dueMs)
{
    m_devices[index].dueMs = dueMs;
    m_queue.push({ dueMs, index });
    if (!m_stopping && m_clock.isValid() && (!m_timer.isActive() || m_timer.remainingTime() > dueMs - nowMs()))
        m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, dueMs - nowMs())));
}

void SimulatedFleet::pump()
{
    if (m_stopping)
        return;
    const qint64 now = nowMs();
    while (!m_queue.empty() && m_polling < m_options.maxConcurrentPolls) {
        const auto [due, index] = m_queue.top();
        if (due > now)
            break;
        m_queue.pop();
        const Device &d = m_devices[index];
        if (d.agent || d.polling || d.dueMs != due)
            continue; // awake, or rescheduled since
        poll(index);
    }
    if (!m_queue.empty() && m_polling < m_options.maxConcurrentPolls)
        m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, m_queue.top().first - now)));
}

qint64 SimulatedFleet::offlineUntilMs(const Device &d, qint64 atMs) const
{
    const DeviceProfile &p = m_options.fleet.profiles.at(d.profile);
    if (p.offlineEverySeconds <= 0 || p.offlineForSeconds <= 0)
        return atMs;
    const qint64 every = std::max<qint64>(1, qint64(double(p.offlineEverySeconds) * 1000 / m_options.clockRate));
    const qint64 phase = (qint64(d.number) * 7919 * 1000) % every; // each device its own outage time
    const qint64 t = (atMs + phase) % every;
    const qint64 length = qint64(double(p.offlineForSeconds) * 1000 / m_options.clockRate);
    return t < length ? atMs + (length - t) : atMs;
}

qint64 SimulatedFleet::nextPollDelayMs(const Device &d) const
{
    const DeviceProfile &p = m_options.fleet.profiles.at(d.profile);
    const double base = p.pollSeconds > 0 ? p.pollSeconds : (d.sleepSeconds > 0 ? d.sleepSeconds : 60);
    const double factor = 1.0 + p.pollJitter * (2.0 * const_cast<QRandomGenerator &>(m_random).generateDouble() - 1.0);
    return std::max<qint64>(200, qint64(base * 1000.0 * factor / m_options.clockRate));
}

void SimulatedFleet::poll(int index)
{
    Device &device = m_devices[index];
    device.polling = true;
    ++m_polling;
    m_poller->getAs(m_poller->baseUrlOf(device.controllerId), device.token, [this, index](const DdiReply &reply) {
        Device &d = m_devices[index];
        d.polling = false;
        --m_polling;
        if (m_stopping)
            return;
        const qint64 now = nowMs();
        if (!reply.ok()) {
            d.failures = quint8(std::min(d.failures + 1, 20));
            const qint64 retry = qint64(m_template.retryDelaySeconds(d.failures)) * 1000;
            const qint64 wait = reply.transient() ? retry : std::max<qint64>(retry, nextPollDelayMs(d));
            schedule(index, offlineUntilMs(d, now + wait));
            return pump();
        }
        d.failures = 0;
        d.registered = true;
        Flotilla::Ddi::DecodeError error;
        const std::optional<Flotilla::Ddi::ControllerBase> base
            = Flotilla::Ddi::ControllerBase::decode(reply.body, &error);
        if (!base) {
            qCWarning(lcSim, "%s: the poll answer cannot be read: %s", qUtf8Printable(d.controllerId),
                      qUtf8Printable(error.message));
            schedule(index, offlineUntilMs(d, now + nextPollDelayMs(d)));
            return pump();
        }
        d.sleepSeconds = qint32(std::clamp<qint64>(base->sleepSeconds, 1, 86400 * 7));
        const DeviceProfile &p = m_options.fleet.profiles.at(d.profile);
        const bool work = base->links.contains(u"deploymentBase"_s) || base->links.contains(u"cancelAction"_s)
            || base->links.contains(u"configData"_s)
            || (base->links.contains(u"confirmationBase"_s) && p.consent != DeviceProfile::ConsentAnswer::Never);
        if (work)
            wake(index);
        else
            schedule(index, offlineUntilMs(d, now + nextPollDelayMs(d)));
        pump();
    });
}

void SimulatedFleet::wake(int index)
{
    Device &d = m_devices[index];
    const DeviceProfile &p = m_options.fleet.profiles.at(d.profile);
    Flotilla::Agent::AgentConfig c = m_template;
    c.controllerId = d.controllerId;
    c.targetToken = d.token;
    c.stateDir = QDir(m_options.stateDir).filePath(d.controllerId);
    c.downloadDir = c.stateDir + u"/downloads"_s;
    c.attributes = p.attributesOf(d.number, d.controllerId);
    c.attributes.insert(u"simulated"_s, u"true"_s);
    c.attributes.insert(u"simProfile"_s, p.name);
    switch (p.consent) {
    case DeviceProfile::ConsentAnswer::Confirm:
        c.consentPolicy = p.consentDelaySeconds > 0 ? Flotilla::Agent::ConsentPolicy::Wait
                                                    : Flotilla::Agent::ConsentPolicy::Confirm;
        break;
    case DeviceProfile::ConsentAnswer::Deny:
        c.consentPolicy = Flotilla::Agent::ConsentPolicy::Deny;
        break;
    case DeviceProfile::ConsentAnswer::Never:
        c.consentPolicy = Flotilla::Agent::ConsentPolicy::Wait;
        break;
    }
    // A device that ignores its maintenance window: a person presses Install now once the download is verified.
    c.localAllowInstallNow = p.ignoresMaintenanceWindow;
    c.clockRate = m_options.clockRate;
    auto *agent = new DeviceAgent(std::move(c), m_network.get(),
                                  std::make_unique<SimulatedStepHandler>(p, m_options.seed, d.number), this);
    const QString controllerId = d.controllerId;
    connect(agent, &DeviceAgent::actionEnded, this,
            [this, controllerId](const QString &actionId, UpdateWorkflow::Phase phase) {
                const QString outcome = UpdateWorkflow::nameOf(phase);
                ++m_outcomes[outcome];
                Q_EMIT actionEnded(controllerId, actionId, outcome);
            });
    if (p.consent == DeviceProfile::ConsentAnswer::Confirm && p.consentDelaySeconds > 0)
        connect(agent, &DeviceAgent::statusChanged, this, [this, index] { answerConsents(index); });
    if (p.ignoresMaintenanceWindow)
        connect(agent, &DeviceAgent::statusChanged, this, [agent] {
            if (!agent->installNowAllowed() || !agent->state().current)
                return;
            // After the agent has told the server "downloaded" (its statusChanged comes first).
            QTimer::singleShot(0, agent, [agent, id = agent->state().current->actionId] {
                QString message;
                if (agent->installNowAllowed())
                    agent->installNow(id, u"flotilla-sim (a device that ignores its maintenance window)"_s, &message);
            });
        });
    QString error;
    if (!agent->start(&error)) {
        qCWarning(lcSim, "%s cannot start: %s", qUtf8Printable(d.controllerId), qUtf8Printable(error));
        delete agent;
        schedule(index, nowMs() + nextPollDelayMs(d));
        return;
    }
    d.agent = agent;
    d.dueMs = -1;
    ++m_awake;
    ++m_wakes;
}

void SimulatedFleet::answerConsents(int index)
{
    DeviceAgent *agent = m_devices[index].agent;
    if (!agent)
        return;
    const DeviceProfile &p = m_options.fleet.profiles.at(m_devices[index].profile);
    QStringList scheduled = agent->property("flotillaSimAnswered").toStringList();
    bool added = false;
    for (const Flotilla::Agent::PendingConsent &c : agent->pendingConsents()) {
        if (scheduled.contains(c.actionId))
            continue;
        scheduled << c.actionId;
        added = true;
        QTimer::singleShot(
            std::chrono::milliseconds(qint64(p.consentDelaySeconds * 1000)), agent, [agent, id = c.actionId] {
                QString message;
                agent->answerConsent(id, true, u"flotilla-sim"_s, u"confirmed by the simulated device"_s, &message);
            });
    }
    if (added)
        agent->setProperty("flotillaSimAnswered", scheduled);
}

void SimulatedFleet::sweep()
{
    if (m_stopping || m_awake == 0)
        return;
    for (int i = 0; i < int(m_devices.size()); ++i) {
        const Device &d = m_devices[i];
        if (!d.agent || !d.agent->isQuiet())
            continue;
        const DeviceProfile &p = m_options.fleet.profiles.at(d.profile);
        // A question it will answer keeps it awake; one it never answers does not.
        if (!d.agent->pendingConsents().isEmpty() && p.consent != DeviceProfile::ConsentAnswer::Never)
            continue;
        putToSleep(i);
    }
#ifdef __GLIBC__
    // Agents that went to sleep leave their memory in malloc's free lists; give it back now and then, so an idle
    // fleet's footprint is what its sleeping devices hold, not what its busiest moment held.
    if (m_sleptSinceTrim > 0 && (!m_lastTrim.isValid() || m_lastTrim.elapsed() > 10000)) {
        ::malloc_trim(0);
        m_sleptSinceTrim = 0;
        m_lastTrim.start();
    }
#endif
}

void SimulatedFleet::putToSleep(int index)
{
    Device &d = m_devices[index];
    delete std::exchange(d.agent, nullptr);
    --m_awake;
    ++m_sleptSinceTrim;
    schedule(index, offlineUntilMs(d, nowMs() + nextPollDelayMs(d)));
}

QMap<QString, int> SimulatedFleet::states() const
{
    QMap<QString, int> out;
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    for (const Device &d : m_devices) {
        if (d.agent)
            ++out[d.agent->isBusy() ? UpdateWorkflow::nameOf(d.agent->phase()) : u"Idle"_s];
        else if (!d.registered)
            ++out[u"registering"_s];
        else if (offlineUntilMs(d, now) != now)
            ++out[u"offline"_s];
        else
            ++out[u"asleep"_s];
    }
    return out;
}

QJsonObject SimulatedFleet::takeReport()
{
    QJsonObject states;
    const QMap<QString, int> counts = this->states();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        states.insert(it.key(), it.value());
    QJsonObject outcomes;
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it)
        outcomes.insert(it.key(), it.value());
    QJsonObject errors;
    for (auto it = m_network->errors().cbegin(); it != m_network->errors().cend(); ++it)
        errors.insert(it.key(), double(it.value()));
    QJsonObject profiles;
    for (const Device &d : m_devices) {
        const QString name = m_options.fleet.profiles.at(d.profile).name;
        profiles.insert(name, profiles.value(name).toInt() + 1);
    }
    const qint64 rss = residentBytes();
    const double seconds = m_clock.isValid() ? m_clock.elapsed() / 1000.0 : 0;
    const auto &polls = m_network->figures(FleetNetwork::Poll);
    const auto &feedback = m_network->figures(FleetNetwork::Feedback);
    QJsonObject report {
        { "server"_L1, m_options.server.toDisplayString() },
        { "tenant"_L1, m_options.tenant },
        { "started"_L1, m_started.toString(Qt::ISODateWithMs) },
        { "seconds"_L1, seconds },
        { "devices"_L1, deviceCount() },
        { "profiles"_L1, profiles },
        { "awake"_L1, m_awake },
        { "wakes"_L1, double(m_wakes) },
        { "states"_L1, states },
        { "outcomes"_L1, outcomes },
        { "polls"_L1, double(polls.count) },
        { "pollsPerSecond"_L1, seconds > 0 ? double(polls.count) / seconds : 0.0 },
        { "feedbackSent"_L1, double(feedback.ok) },
        { "requests"_L1, m_network->requestsJson() },
        { "errors"_L1, errors },
        { "rssBytes"_L1, double(rss) },
        { "rssPerDeviceBytes"_L1, deviceCount() > 0 ? double(rss) / deviceCount() : 0.0 },
        { "window"_L1,
          QJsonObject { { "seconds"_L1, (m_clock.elapsed() - m_windowStartMs) / 1000.0 },
                        { "requests"_L1, m_network->windowJson() } } },
    };
    m_network->resetWindow();
    m_windowStartMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    return report;
}

QString SimulatedFleet::statusLine()
{
    const qint64 now = nowMs();
    const quint64 polls = m_network->figures(FleetNetwork::Poll).count;
    const double rate = now > m_lastLineMs ? double(polls - m_lastPolls) * 1000.0 / double(now - m_lastLineMs) : 0;
    m_lastPolls = polls;
    m_lastLineMs = now;
    QStringList ended;
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it)
        ended << u"%1 %2"_s.arg(it.key().toLower()).arg(it.value());
    return tr("%1 s: %2 devices, %3 awake; %4 polls/s; %5 feedback; %6; %7 errors; poll p50 %8 ms, p99 %9 ms")
        .arg(now / 1000)
        .arg(deviceCount())
        .arg(m_awake)
        .arg(qRound(rate))
        .arg(m_network->figures(FleetNetwork::Feedback).ok)
        .arg(ended.isEmpty() ? tr("no action ended") : ended.join(u", "_s))
        .arg(m_network->errorCount())
        .arg(m_network->percentileMs(FleetNetwork::Poll, 50), 0, 'f', 1)
        .arg(m_network->percentileMs(FleetNetwork::Poll, 99), 0, 'f', 1);
}

} // namespace Flotilla::Sim
