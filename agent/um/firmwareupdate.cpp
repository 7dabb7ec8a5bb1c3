#include "agent/um/firmwareupdate.h"

#include "agent/agentlogging.h"
#include "agent/atomicfile.h"
#include "agent/um/umhandler.h"
#include "agent/um/updatemanagerhub.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

using S = UmHandler::State;

QString describe(const UmPrepareComponent &c)
{
    return u"%1 %2 (%3)"_s.arg(c.componentId, c.version, c.componentType);
}

// The UM's own words on a failure: its ErrorInfo and each component's.
QString failureOf(const UmHandler *h)
{
    const UmStatus &s = h->status();
    QStringList parts;
    if (!s.error.isEmpty())
        parts << s.error.toString();
    for (const UmComponentStatus &c : s.components) {
        if (c.state == UmComponentState::Error)
            parts << u"component %1 %2: %3"_s.arg(c.componentId, c.version, c.error.toString());
    }
    if (parts.isEmpty())
        parts << u"no error information"_s;
    return u"%1 reported FAILED: %2"_s.arg(h->nodeId(), parts.join(u"; "_s));
}

} // namespace

QString FirmwareUpdate::nameOf(Phase phase)
{
    return QString::fromLatin1(QMetaEnum::fromType<Phase>().valueToKey(int(phase)));
}

FirmwareUpdate::FirmwareUpdate(UpdateManagerHub *hub, QList<UmPrepareComponent> components, Options options,
                               QString stateFile, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_components(std::move(components))
    , m_options(std::move(options))
    , m_stateFile(std::move(stateFile))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FirmwareUpdate::timedOut);
    connect(m_hub, &UpdateManagerHub::changed, this, &FirmwareUpdate::drive);
    QFile f(m_stateFile);
    if (f.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        bool ok = false;
        const int v
            = QMetaEnum::fromType<Phase>().keyToValue(o.value("phase"_L1).toString().toLatin1().constData(), &ok);
        if (ok)
            m_phase = Phase(v);
        for (const QJsonValue &e : o.value("errors"_L1).toArray())
            m_errors << e.toString();
    }
}

FirmwareUpdate::~FirmwareUpdate() = default;

void FirmwareUpdate::save()
{
    QJsonObject o;
    o.insert("phase"_L1, nameOf(m_phase));
    o.insert("errors"_L1, QJsonArray::fromStringList(m_errors));
    QString error;
    if (!writeFileAtomically(m_stateFile, QJsonDocument(o).toJson(QJsonDocument::Compact), &error))
        qCWarning(lcAgent, "cannot save the firmware update's state: %s", qUtf8Printable(error));
}

void FirmwareUpdate::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    save();
    note(u"firmware: %1"_s.arg(nameOf(phase)));
}

void FirmwareUpdate::addError(const QString &error)
{
    if (m_errors.contains(error))
        return;
    m_errors << error;
    save();
}

void FirmwareUpdate::note(const QString &line)
{
    qCInfo(lcAgent, "%s", qUtf8Printable(line));
    Q_EMIT progress(line);
}

void FirmwareUpdate::begin(Mode mode)
{
    m_mode = mode;
    m_progressKey.clear();
    m_timer.start(
        std::chrono::seconds(mode == Mode::Route ? m_options.connectTimeoutSeconds : m_options.timeoutSeconds));
    QTimer::singleShot(0, this, &FirmwareUpdate::drive);
}

void FirmwareUpdate::route()
{
    m_phase = Phase::Pending;
    save();
    note(u"firmware: %1"_s.arg(nameOf(m_phase)));
    begin(Mode::Route);
}

void FirmwareUpdate::install()
{
    // A restart during a revert goes on reverting, and still fails.
    m_revertingAfterFailure = m_phase == Phase::Reverting || m_phase == Phase::Failed;
    if (m_revertingAfterFailure) {
        setPhase(Phase::Reverting);
        return begin(Mode::Revert);
    }
    begin(Mode::Install);
}

void FirmwareUpdate::apply()
{
    setPhase(Phase::Finalizing);
    begin(Mode::Apply);
}

void FirmwareUpdate::revert()
{
    m_revertingAfterFailure = m_phase == Phase::Reverting || m_phase == Phase::Failed;
    setPhase(Phase::Reverting);
    begin(Mode::Revert);
}

bool FirmwareUpdate::cancel()
{
    if (m_mode != Mode::Route)
        return false;
    m_mode = Mode::None;
    m_timer.stop();
    return true;
}

void FirmwareUpdate::end(bool ok, const QString &message)
{
    m_mode = Mode::None;
    m_timer.stop();
    QTimer::singleShot(0, this, [this, ok, message] { Q_EMIT finished(ok, message); });
}

QList<UmHandler *> FirmwareUpdate::involved() const
{
    QList<UmHandler *> list;
    for (const QString &node : m_order) {
        if (UmHandler *h = m_hub->handler(node))
            list << h;
    }
    return list;
}

bool FirmwareUpdate::routeComponents(QString *problem)
{
    const QStringList missing = m_hub->missingExpected();
    if (!missing.isEmpty()) {
        *problem = tr("expected Update Manager(s) not connected: %1").arg(missing.join(u", "_s));
        return false;
    }
    QMap<QString, QList<UmPrepareComponent>> routes;
    QStringList unknown;
    for (const UmPrepareComponent &c : std::as_const(m_components)) {
        QStringList owners;
        for (UmHandler *h : m_hub->handlers()) {
            if (h->isConnected() && h->status().reports(c.componentId))
                owners << h->nodeId();
        }
        if (owners.size() == 1)
            routes[owners.first()] << c;
        else if (owners.isEmpty())
            unknown << describe(c);
        else
            unknown << tr("%1 (reported by more than one Update Manager: %2)").arg(describe(c), owners.join(u", "_s));
    }
    if (!unknown.isEmpty()) {
        QStringList known;
        for (UmHandler *h : m_hub->handlers()) {
            if (!h->isConnected())
                continue;
            QStringList ids;
            for (const UmComponentStatus &s : h->status().components) {
                if (!ids.contains(s.componentId))
                    ids << s.componentId;
            }
            known << u"%1 [%2]"_s.arg(h->nodeId(), ids.join(u", "_s));
        }
        *problem = tr("no Update Manager reports firmware component %1 (connected: %2)")
                       .arg(unknown.join(u", "_s), known.isEmpty() ? tr("none") : known.join(u"; "_s));
        return false;
    }
    m_routes = routes;
    QList<UmHandler *> umList;
    for (auto it = routes.cbegin(); it != routes.cend(); ++it)
        umList << m_hub->handler(it.key());
    std::sort(umList.begin(), umList.end(), [this](const UmHandler *a, const UmHandler *b) {
        if (a->status().priority != b->status().priority)
            return m_options.descending ? a->status().priority > b->status().priority
                                        : a->status().priority < b->status().priority;
        return a->nodeId() < b->nodeId();
    });
    m_order.clear();
    for (const UmHandler *h : umList)
        m_order << h->nodeId();
    return true;
}

void FirmwareUpdate::drive()
{
    // Commands change the UMs' states synchronously, which calls drive() again: run again instead of nesting.
    if (m_driving) {
        m_driveAgain = true;
        return;
    }
    m_driving = true;
    do {
        m_driveAgain = false;
        driveOnce();
    } while (m_driveAgain && m_mode != Mode::None);
    m_driving = false;
}

void FirmwareUpdate::driveOnce()
{
    if (m_mode == Mode::None)
        return;
    // Any change in an involved UM's state is progress: the wait starts again.
    QString key;
    for (const UmHandler *h : involved())
        key += h->nodeId() + u'=' + UmHandler::nameOf(h->state()) + u';';
    if (m_mode != Mode::Route && key != m_progressKey) {
        m_progressKey = key;
        m_timer.start(std::chrono::seconds(m_options.timeoutSeconds));
    }
    QString problem;
    if (!routeComponents(&problem)) {
        // Every expected UM is here and a component is still unknown: that will not change.
        const bool hopeless = !m_options.expected.isEmpty() && m_hub->missingExpected().isEmpty();
        if (m_mode == Mode::Route) {
            if (hopeless)
                return end(false, problem);
            return; // wait for the UMs (timer)
        }
        if (m_order.isEmpty()) {
            if (!hopeless)
                return; // wait for the UMs (timer)
            if (m_mode == Mode::Revert)
                return end(true, tr("nothing to revert: %1").arg(problem));
            addError(problem);
            if (m_mode != Mode::Route)
                setPhase(Phase::Failed);
            return end(false, problem);
        }
        // Routed before; a UM is away now: wait for it below (its handler is Disconnected).
    }
    switch (m_mode) {
    case Mode::Route:
        note(tr("firmware: components routed, StartUpdate order %1").arg(m_order.join(u", "_s)));
        return end(true, tr("%n Update Manager(s) ready", nullptr, int(m_order.size())));
    case Mode::Install:
        return driveInstall();
    case Mode::Apply:
        return driveApply();
    case Mode::Revert:
        return driveRevert();
    case Mode::None:
        return;
    }
}

void FirmwareUpdate::driveInstall()
{
    const QList<UmHandler *> ums = involved();
    for (UmHandler *h : ums) {
        if (!h->isConnected())
            return; // waiting for it to come back (timer)
    }
    // Any FAILED: revert everything.
    bool failed = false;
    for (UmHandler *h : ums) {
        if (h->state() == S::WaitForRevert) {
            addError(failureOf(h));
            failed = true;
        }
    }
    if (failed) {
        m_revertingAfterFailure = true;
        setPhase(Phase::Reverting);
        m_mode = Mode::Revert;
        return driveRevert();
    }
    // PrepareUpdate to every UM that has not prepared yet (all at once), and wait for all of them.
    bool preparing = false;
    for (UmHandler *h : ums) {
        if (h->state() == S::Idle) {
            setPhase(Phase::Installing);
            if (h->prepareUpdate(m_routes.value(h->nodeId())))
                note(tr("%1: PrepareUpdate (%n component(s))", nullptr, int(m_routes.value(h->nodeId()).size()))
                         .arg(h->nodeId()));
        }
        if (h->state() == S::WaitForPrepareResp)
            preparing = true;
    }
    if (preparing)
        return;
    // StartUpdate one at a time, in order.
    for (UmHandler *h : ums) {
        switch (h->state()) {
        case S::WaitForApply:
            continue;
        case S::WaitForStartUpdate:
            setPhase(Phase::Launching);
            if (h->startUpdate())
                note(tr("%1: StartUpdate").arg(h->nodeId()));
            setPhase(Phase::WaitingActive);
            return;
        case S::WaitForUpdateStatus:
            setPhase(Phase::WaitingActive);
            return;
        default:
            return; // in a state the coordinator did not lead it to: wait for its next status
        }
    }
    setPhase(Phase::Updated);
    end(true, tr("firmware updated on %1 (revertible until applied)").arg(m_order.join(u", "_s)));
}

void FirmwareUpdate::driveApply()
{
    const QList<UmHandler *> ums = involved();
    QStringList problems;
    bool waiting = false;
    for (UmHandler *h : ums) {
        if (!h->isConnected()) {
            waiting = true;
            continue;
        }
        switch (h->state()) {
        case S::WaitForApply:
            if (h->startApply())
                note(tr("%1: ApplyUpdate").arg(h->nodeId()));
            waiting = true;
            break;
        case S::WaitForApplyStatus:
            if (h->status().state == UmState::Failed)
                problems << failureOf(h);
            else
                waiting = true;
            break;
        case S::Idle:
            for (const UmPrepareComponent &c : m_routes.value(h->nodeId())) {
                const QString installed = h->status().installedVersion(c.componentId);
                if (installed != c.version)
                    problems << tr("%1 is idle with %2 at version \"%3\" instead of %4")
                                    .arg(h->nodeId(), c.componentId, installed, c.version);
            }
            break;
        case S::WaitForRevert:
            problems << failureOf(h);
            break;
        default:
            waiting = true;
            break;
        }
    }
    if (!problems.isEmpty()) {
        for (const QString &p : std::as_const(problems))
            addError(p);
        setPhase(Phase::Failed);
        return end(false, tr("applying the firmware failed: %1").arg(m_errors.join(u"; "_s)));
    }
    if (waiting)
        return;
    setPhase(Phase::Done);
    end(true, tr("firmware applied on %1").arg(m_order.join(u", "_s)));
}

void FirmwareUpdate::driveRevert()
{
    const QList<UmHandler *> ums = involved();
    bool waiting = false;
    for (UmHandler *h : ums) {
        if (!h->isConnected()) {
            waiting = true;
            continue;
        }
        switch (h->state()) {
        case S::WaitForRevert:
        case S::WaitForStartUpdate:
        case S::WaitForApply:
            if (h->startRevert())
                note(tr("%1: RevertUpdate").arg(h->nodeId()));
            waiting = true;
            break;
        case S::Idle:
            break;
        default:
            waiting = true; // an answer is on its way (a late PREPARED or UPDATED is reverted next)
            break;
        }
    }
    if (waiting)
        return;
    setPhase(Phase::Failed);
    if (m_revertingAfterFailure)
        return end(false, tr("%1 (every Update Manager reverted)").arg(m_errors.join(u"; "_s)));
    end(true, tr("firmware reverted on %1").arg(m_order.join(u", "_s)));
}

void FirmwareUpdate::timedOut()
{
    QStringList stuck;
    for (UmHandler *h : involved()) {
        if (!h->isConnected() || h->state() == S::WaitForPrepareResp || h->state() == S::WaitForUpdateStatus
            || h->state() == S::WaitForApplyStatus || h->state() == S::WaitForRevertStatus)
            stuck << h->nodeId();
    }
    if (m_mode != Mode::None && m_mode != Mode::Route && m_order.isEmpty()) {
        // The UMs of this update never came back after a restart.
        QString problem;
        routeComponents(&problem);
        addError(tr("%1 after %2 s").arg(problem).arg(m_options.timeoutSeconds));
        setPhase(Phase::Failed);
        return end(false, m_errors.join(u"; "_s));
    }
    switch (m_mode) {
    case Mode::None:
        return;
    case Mode::Route: {
        QString problem;
        routeComponents(&problem);
        return end(false,
                   tr("%1 after %2 s (updateManagers/connectTimeout)")
                       .arg(problem.isEmpty() ? tr("Update Managers not ready") : problem)
                       .arg(m_options.connectTimeoutSeconds));
    }
    case Mode::Install: {
        for (UmHandler *h : involved()) {
            if (!h->isConnected() || h->state() == S::WaitForPrepareResp || h->state() == S::WaitForUpdateStatus) {
                addError(tr("%1 did not answer within %2 s (%3)")
                             .arg(h->nodeId())
                             .arg(m_options.timeoutSeconds)
                             .arg(h->isConnected() ? UmHandler::nameOf(h->state()) : tr("not connected")));
                h->timeout();
            }
        }
        m_revertingAfterFailure = true;
        setPhase(Phase::Reverting);
        m_mode = Mode::Revert;
        m_progressKey.clear();
        m_timer.start(std::chrono::seconds(m_options.timeoutSeconds));
        return driveRevert();
    }
    case Mode::Apply:
        addError(
            tr("ApplyUpdate not confirmed within %1 s by %2").arg(m_options.timeoutSeconds).arg(stuck.join(u", "_s)));
        setPhase(Phase::Failed);
        return end(false, m_errors.join(u"; "_s));
    case Mode::Revert:
        addError(tr("RevertUpdate not confirmed within %1 s by %2; the device may need maintenance")
                     .arg(m_options.timeoutSeconds)
                     .arg(stuck.join(u", "_s)));
        setPhase(Phase::Failed);
        return end(false, m_errors.join(u"; "_s));
    }
}

} // namespace Flotilla::Agent
