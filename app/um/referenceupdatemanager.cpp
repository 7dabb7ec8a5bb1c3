#include "app/um/referenceupdatemanager.h"

#include "app/um/imagedownloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSaveFile>
#include <QThreadPool>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace updatemanager::v2;

namespace Flotilla::Um {

namespace {
Q_LOGGING_CATEGORY(lcUm, "flotilla.um", QtInfoMsg)

QString nameOf(ReferenceUpdateManager::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<ReferenceUpdateManager::State>().valueToKey(int(state))).toUpper();
}
} // namespace

ReferenceUpdateManager::ReferenceUpdateManager(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_slots(m_options.slotDir)
    , m_stateFile(QDir(m_options.slotDir).filePath(u"um-state.json"_s))
{ }

ReferenceUpdateManager::~ReferenceUpdateManager()
{
    if (m_process)
        m_process->kill();
}

bool ReferenceUpdateManager::load(QString *error)
{
    if (!QDir().mkpath(m_options.slotDir)) {
        *error = u"cannot create the slot directory %1"_s.arg(m_options.slotDir);
        return false;
    }
    QFile f(m_stateFile);
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(m_stateFile, f.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"%1 is not valid JSON: %2"_s.arg(m_stateFile, parseError.errorString());
        return false;
    }
    bool ok = false;
    const int v = QMetaEnum::fromType<State>().keyToValue(o.value("state"_L1).toString().toLatin1().constData(), &ok);
    m_state = ok ? State(v) : State::Idle;
    for (const QJsonValue &p : o.value("pending"_L1).toArray()) {
        const QJsonObject c = p.toObject();
        m_pending.append({ c.value("id"_L1).toString(), c.value("type"_L1).toString(), c.value("version"_L1).toString(),
                           c.value("slot"_L1).toString() });
    }
    m_errorMessage = o.value("errorMessage"_L1).toString();
    m_errorExitCode = o.value("errorExitCode"_L1).toInt();
    m_errorComponent = o.value("errorComponent"_L1).toString();
    m_awaitingReboot = o.value("awaitingReboot"_L1).toBool();
    if (m_awaitingReboot) {
        // This start is the reboot StartUpdate asked for: the new slots are what booted.
        qCInfo(lcUm, "started after the reboot of StartUpdate: %s", qUtf8Printable(nameOf(m_state)));
        m_awaitingReboot = false;
        save();
    }
    return true;
}

bool ReferenceUpdateManager::save()
{
    QJsonObject o;
    o.insert("state"_L1, QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(m_state))));
    QJsonArray pending;
    for (const Pending &p : std::as_const(m_pending))
        pending.append(QJsonObject {
            { "id"_L1, p.id }, { "type"_L1, p.type }, { "version"_L1, p.version }, { "slot"_L1, p.slot } });
    o.insert("pending"_L1, pending);
    o.insert("errorMessage"_L1, m_errorMessage);
    o.insert("errorExitCode"_L1, m_errorExitCode);
    o.insert("errorComponent"_L1, m_errorComponent);
    o.insert("awaitingReboot"_L1, m_awaitingReboot);
    QSaveFile f(m_stateFile);
    const QByteArray json = QJsonDocument(o).toJson();
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size() || !f.commit()) {
        qCWarning(lcUm, "cannot save %s: %s", qUtf8Printable(m_stateFile), qUtf8Printable(f.errorString()));
        return false;
    }
    return true;
}

void ReferenceUpdateManager::setState(State state)
{
    if (state != m_state)
        qCInfo(lcUm, "%s -> %s", qUtf8Printable(nameOf(m_state)), qUtf8Printable(nameOf(state)));
    m_state = state;
    save();
    Q_EMIT statusChanged();
}

UpdateStatus ReferenceUpdateManager::status() const
{
    UpdateStatus s;
    s.setNodeId(m_options.nodeId);
    s.setPriority(m_options.priority);
    s.setUpdateState(UpdateStateGadget::UpdateState(int(m_state)));
    QList<ComponentStatus> components;
    for (const Component &c : m_options.components) {
        ComponentStatus installed;
        installed.setComponentId(c.id);
        installed.setComponentType(c.type);
        installed.setVersion(m_slots.activeVersion(c.id));
        installed.setState(ComponentStateGadget::ComponentState::INSTALLED);
        components << installed;
        // During an update, a second entry with the target version (as the Aos UM reports it).
        for (const Pending &p : m_pending) {
            if (p.id != c.id)
                continue;
            ComponentStatus target;
            target.setComponentId(p.id);
            target.setComponentType(p.type);
            target.setVersion(p.version);
            const bool failed = m_state == State::Failed && (m_errorComponent.isEmpty() || m_errorComponent == p.id);
            target.setState(failed ? ComponentStateGadget::ComponentState::ERROR
                                   : ComponentStateGadget::ComponentState::INSTALLING);
            if (failed) {
                common::v1::ErrorInfo e;
                e.setAosCode(1);
                e.setExitCode(m_errorExitCode);
                e.setMessage(m_errorMessage);
                target.setError(e);
            }
            components << target;
        }
    }
    s.setComponents(components);
    if (m_state == State::Failed) {
        common::v1::ErrorInfo e;
        e.setAosCode(1); // aos::ErrorEnum::eFailed
        e.setExitCode(m_errorExitCode);
        e.setMessage(m_errorMessage);
        s.setError(e);
    }
    return s;
}

void ReferenceUpdateManager::refuse(const QString &command)
{
    qCWarning(lcUm, "%s is not valid in state %s%s; refused", qUtf8Printable(command), qUtf8Printable(nameOf(m_state)),
              m_busy ? " (busy)" : "");
    Q_EMIT statusChanged();
}

void ReferenceUpdateManager::handle(const CMMessages &command)
{
    switch (command.CMMessageField()) {
    case CMMessages::CMMessageFields::PrepareUpdate:
        return prepare(command.prepareUpdate());
    case CMMessages::CMMessageFields::StartUpdate:
        return startUpdate();
    case CMMessages::CMMessageFields::ApplyUpdate:
        return apply();
    case CMMessages::CMMessageFields::RevertUpdate:
        return revert();
    case CMMessages::CMMessageFields::UninitializedField:
        qCWarning(lcUm, "an empty command from the agent; ignored");
        return;
    }
}

void ReferenceUpdateManager::fail(const QString &message, int exitCode, const QString &component)
{
    qCWarning(lcUm, "FAILED: %s", qUtf8Printable(message));
    m_errorMessage = message;
    m_errorExitCode = exitCode;
    m_errorComponent = component;
    setState(State::Failed);
    revertIfAsked();
}

void ReferenceUpdateManager::revertIfAsked()
{
    if (m_revertWhenIdle && !m_busy) {
        m_revertWhenIdle = false;
        revert();
    }
}

void ReferenceUpdateManager::prepare(const PrepareUpdate &prepare)
{
    QList<Pending> wanted;
    for (const PrepareComponentInfo &c : prepare.components())
        wanted.append({ c.componentId(), c.componentType(), c.version(), {} });
    const auto sameAsPending = [&] {
        if (wanted.size() != m_pending.size())
            return false;
        for (qsizetype i = 0; i < wanted.size(); ++i) {
            if (wanted.at(i).id != m_pending.at(i).id || wanted.at(i).version != m_pending.at(i).version)
                return false;
        }
        return true;
    };
    if (m_state == State::Prepared && !m_busy && sameAsPending())
        return Q_EMIT statusChanged(); // the controller re-sent it: already done
    if (m_state != State::Idle || m_busy)
        return refuse(u"PrepareUpdate"_s);
    if (prepare.components().isEmpty())
        return fail(u"PrepareUpdate names no component"_s);

    // Check everything before touching a slot.
    QList<StageJob> jobs;
    m_pending.clear();
    for (const PrepareComponentInfo &c : prepare.components()) {
        const bool mine = std::any_of(m_options.components.cbegin(), m_options.components.cend(),
                                      [&](const Component &own) { return own.id == c.componentId(); });
        m_pending.append({ c.componentId(), c.componentType(), c.version(), {} });
        if (!mine)
            return fail(u"component %1 is not managed by this Update Manager (node %2)"_s.arg(c.componentId(),
                                                                                              m_options.nodeId),
                        0, c.componentId());
        if (c.version() == m_slots.activeVersion(c.componentId()))
            return fail(u"component %1 is already at version %2"_s.arg(c.componentId(), c.version()), 0,
                        c.componentId());
        const QUrl url(c.url());
        const bool http = url.scheme() == "http"_L1 || url.scheme() == "https"_L1;
        if (!url.isLocalFile() && !http)
            return fail(
                u"component %1: the image URL \"%2\" is neither file:// nor http(s)://"_s.arg(c.componentId(), c.url()),
                0, c.componentId());
        if (c.sha256().size() != 32)
            return fail(u"component %1: the sha256 has %2 bytes, not 32"_s.arg(c.componentId()).arg(c.sha256().size()),
                        0, c.componentId());
        jobs.append({ c.componentId(), http ? QString() : url.toLocalFile(), c.version(), c.sha256(), c.size(),
                      http ? url : QUrl() });
    }
    for (Pending &p : m_pending)
        p.slot = FirmwareSlots::other(m_slots.bootSlot(p.id));
    m_busy = true;
    qCInfo(lcUm, "PrepareUpdate: staging %lld component(s)", qlonglong(jobs.size()));
    fetchNext(jobs, 0);
}

void ReferenceUpdateManager::fetchNext(QList<StageJob> jobs, int index)
{
    // Images behind http(s) are fetched into the slot directory first, then staged like local files.
    if (index < jobs.size() && jobs.at(index).url.isValid()) {
        StageJob &job = jobs[index];
        job.source = QDir(m_options.slotDir).filePath(job.id + u"/download.part"_s);
        QDir().mkpath(QFileInfo(job.source).absolutePath());
        if (!m_network)
            m_network = new QNetworkAccessManager(this);
        auto *download = new ImageDownloader(m_network, job.url, job.source, qint64(job.size), this);
        connect(download, &ImageDownloader::finished, this, [this, jobs, index, download](const QString &error) {
            download->deleteLater();
            if (!error.isEmpty()) {
                m_busy = false;
                QFile::remove(jobs.at(index).source);
                return fail(u"component %1: the image cannot be fetched: %2"_s.arg(jobs.at(index).id, error), 0,
                            jobs.at(index).id);
            }
            fetchNext(jobs, index + 1);
        });
        download->start();
        return;
    }
    if (index < jobs.size())
        return fetchNext(jobs, index + 1);
    // Copying and hashing images is slow: off the event loop, so the stream stays alive.
    const FirmwareSlots slots = m_slots;
    QPointer<ReferenceUpdateManager> self(this);
    QThreadPool::globalInstance()->start([slots, jobs, self] {
        QString error, failedComponent;
        for (const StageJob &job : jobs) {
            error = slots.stage(job.id, job.source, job.sha256, job.size, job.version);
            if (job.url.isValid())
                QFile::remove(job.source);
            if (!error.isEmpty()) {
                failedComponent = job.id;
                break;
            }
        }
        QMetaObject::invokeMethod(
            self.get(),
            [self, error, failedComponent] {
                if (!self)
                    return;
                self->m_busy = false;
                if (!error.isEmpty())
                    return self->fail(error, 0, failedComponent);
                self->m_errorMessage.clear();
                self->setState(State::Prepared);
                self->revertIfAsked();
            },
            Qt::QueuedConnection);
    });
}

void ReferenceUpdateManager::startUpdate()
{
    if (m_state == State::Updated && !m_busy)
        return Q_EMIT statusChanged(); // already done (re-sent after a reboot)
    if (m_state != State::Prepared || m_busy)
        return refuse(u"StartUpdate"_s);
    m_busy = true;
    runUpdateCommand(0);
}

void ReferenceUpdateManager::runUpdateCommand(int index)
{
    if (m_options.updateCommand.isEmpty() || index >= m_pending.size())
        return finishStartUpdate();
    const Pending &p = m_pending.at(index);
    QStringList args = QProcess::splitCommand(m_options.updateCommand);
    const QString program = args.takeFirst();
    args << p.id << QDir(m_options.slotDir).filePath(p.id + u'/' + p.slot + u"/image"_s) << p.version;
    auto *process = new QProcess(this);
    m_process = process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::finished, this, [this, process, index](int code, QProcess::ExitStatus exitStatus) {
        process->deleteLater();
        const QString output = QString::fromUtf8(process->readAll()).trimmed().right(512);
        if (exitStatus != QProcess::NormalExit || code != 0) {
            m_busy = false;
            const QString id = m_pending.at(index).id;
            return fail(u"component %1: the update command failed (exit code %2)%3"_s.arg(id).arg(code).arg(
                            output.isEmpty() ? QString() : u": "_s + output),
                        exitStatus == QProcess::NormalExit ? code : -1, id);
        }
        runUpdateCommand(index + 1);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, index](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        m_busy = false;
        fail(u"the update command cannot be started: %1"_s.arg(process->errorString()), 0, m_pending.at(index).id);
    });
    process->start(program, args);
}

void ReferenceUpdateManager::finishStartUpdate()
{
    m_busy = false;
    for (const Pending &p : std::as_const(m_pending)) {
        QString error;
        if (!m_slots.setBootSlot(p.id, p.slot, &error))
            return fail(u"component %1: cannot switch the boot slot: %2"_s.arg(p.id, error), 0, p.id);
    }
    if (m_options.rebootCommand.isEmpty()) {
        setState(State::Updated);
        return revertIfAsked();
    }
    // Persisted before the reboot: after it, the UM registers UPDATED.
    m_awaitingReboot = true;
    m_rebooting = true;
    m_state = State::Updated;
    save();
    qCInfo(lcUm, "StartUpdate switched the slots; rebooting: %s", qUtf8Printable(m_options.rebootCommand));
    QStringList args = QProcess::splitCommand(m_options.rebootCommand);
    const QString program = args.takeFirst();
    if (!QProcess::startDetached(program, args))
        qCWarning(lcUm, "the reboot command %s cannot be started", qUtf8Printable(m_options.rebootCommand));
}

void ReferenceUpdateManager::apply()
{
    if (m_state == State::Idle && !m_busy)
        return Q_EMIT statusChanged(); // already committed
    if (m_state != State::Updated || m_busy)
        return refuse(u"ApplyUpdate"_s);
    for (const Pending &p : std::as_const(m_pending))
        m_slots.clear(p.id, FirmwareSlots::other(p.slot));
    qCInfo(lcUm, "ApplyUpdate: committed");
    m_pending.clear();
    setState(State::Idle);
}

void ReferenceUpdateManager::revert()
{
    if (m_state == State::Idle && !m_busy)
        return Q_EMIT statusChanged(); // nothing to revert (or already reverted)
    if (m_busy) {
        // A PrepareUpdate copy or an update command is running: stop what can be stopped, revert when it ends.
        qCInfo(lcUm, "RevertUpdate while busy: reverting once the running step ends");
        m_revertWhenIdle = true;
        if (m_process)
            m_process->kill();
        return;
    }
    for (const Pending &p : std::as_const(m_pending)) {
        QString error;
        if (p.slot.isEmpty())
            continue;
        if (m_slots.bootSlot(p.id) == p.slot && !m_slots.setBootSlot(p.id, FirmwareSlots::other(p.slot), &error))
            return fail(u"component %1: cannot switch back: %2"_s.arg(p.id, error), 0, p.id);
        m_slots.clear(p.id, p.slot);
    }
    qCInfo(lcUm, "RevertUpdate: back to the previous firmware");
    m_pending.clear();
    m_errorMessage.clear();
    m_errorExitCode = 0;
    m_errorComponent.clear();
    setState(State::Idle);
}

} // namespace Flotilla::Um
