#include "agent/deviceagent.h"

#include "agent/agentlogging.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using Flotilla::Ddi::Execution;
using Flotilla::Ddi::Finished;

namespace Flotilla::Agent {

namespace {

QString chunkLabel(const Flotilla::Ddi::Chunk &c)
{
    return u"%1 \"%2\" %3"_s.arg(c.part, c.name, c.version);
}

} // namespace

DeviceAgent::DeviceAgent(AgentConfig config, QObject *parent)
    : DeviceAgent(std::move(config), nullptr, nullptr, parent)
{ }

DeviceAgent::DeviceAgent(AgentConfig config, QNetworkAccessManager *network, std::unique_ptr<StepHandler> handler,
                         QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_client(m_config, network)
    , m_stateFile(m_config.stateDir)
    , m_handlers(m_config)
{
    if (handler)
        m_handlers.setHandlerForEveryPart(std::move(handler));
    connect(&m_handlers, &StepHandlerRegistry::installProgress, this, &DeviceAgent::installProgress);
    m_feedback = std::make_unique<FeedbackQueue>(m_client, m_config, m_state, [this] { save(); });
    m_downloader = std::make_unique<ArtifactDownloader>(m_client, m_config);
    m_workflow = std::make_unique<UpdateWorkflow>([this](const QString &part) { return m_handlers.handlerFor(part); },
                                                  m_config.healthCommand, m_config.healthTimeoutSeconds);
    m_pollTimer.setSingleShot(true);
    m_pollTimer.setTimerType(Qt::CoarseTimer); // 5 %: the ±10 % jitter survives
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceAgent::poll);
    connect(m_workflow.get(), &UpdateWorkflow::phaseChanged, this, &DeviceAgent::phaseChanged);
    connect(m_workflow.get(), &UpdateWorkflow::downloadRequested, this, &DeviceAgent::downloadRequested);
    connect(m_workflow.get(), &UpdateWorkflow::restartRequested, this, &DeviceAgent::restartRequestedByWorkflow);
    connect(m_workflow.get(), &UpdateWorkflow::ended, this, &DeviceAgent::workflowEnded);
    connect(m_downloader.get(), &ArtifactDownloader::progress, this, &DeviceAgent::downloadProgress);
    connect(m_downloader.get(), &ArtifactDownloader::finished, m_workflow.get(), &UpdateWorkflow::downloadFinished);
}

DeviceAgent::~DeviceAgent() = default;

bool DeviceAgent::isQuiet() const
{
    return !m_state.current && !m_polling && m_feedback->isEmpty() && !m_feedback->isSending() && m_consents.isEmpty()
        && m_consentFetching.isEmpty() && m_client.pendingRequests() == 0 && !m_pendingReplacement;
}

QString DeviceAgent::actionIdIn(const QUrl &href, QLatin1StringView resource)
{
    const QStringList segments = href.path().split(u'/', Qt::SkipEmptyParts);
    const qsizetype i = segments.lastIndexOf(resource);
    return i >= 0 && i + 1 < segments.size() ? segments.at(i + 1) : QString();
}

QString DeviceAgent::bootId() const
{
    if (m_config.bootIdFile.isEmpty())
        return {}; // no boot id to compare (a simulated device)
    QFile f(m_config.bootIdFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll().trimmed());
}

void DeviceAgent::save()
{
    QString error;
    if (!m_stateFile.save(m_state, &error))
        qCCritical(lcAgent, "the agent's state cannot be saved: %s", qUtf8Printable(error));
}

bool DeviceAgent::start(QString *error)
{
    for (const auto &[key, dir] :
         { std::pair { "paths/state", m_config.stateDir }, std::pair { "paths/downloads", m_config.downloadDir } }) {
        if (!QDir().mkpath(dir)) {
            *error = tr("%1: the directory %2 cannot be created").arg(QLatin1StringView(key), dir);
            return false;
        }
    }
    if (!m_client.setUpTls(error))
        return false;
    if (!m_config.umListen.isEmpty()) {
        m_umHub = std::make_unique<UpdateManagerHub>(m_config);
        if (!m_umHub->listen(error)) {
            *error = tr("updateManagers/listen: %1").arg(*error);
            m_umHub.reset();
            return false;
        }
        m_handlers.setUpdateManagerHub(m_umHub.get());
    }
    QString problem;
    m_state = m_stateFile.load(&problem);
    if (!problem.isEmpty())
        qCWarning(lcAgent, "%s", qUtf8Printable(problem));
    QString saveError;
    if (!m_stateFile.save(m_state, &saveError)) {
        *error = tr("paths/state: %1").arg(saveError);
        return false;
    }
    qCInfo(lcAgent, "device %s, server %s, tenant %s", qUtf8Printable(m_config.controllerId),
           qUtf8Printable(m_config.serverUrl.toDisplayString()), qUtf8Printable(m_config.tenant));
    if (!m_state.feedback.isEmpty())
        qCInfo(lcAgent, "%d feedback message(s) from before the restart are queued", int(m_state.feedback.size()));
    if (m_state.current)
        resume();
    m_feedback->flush();
    poll();
    return true;
}

void DeviceAgent::stop()
{
    m_stopping = true;
    m_pollTimer.stop();
    if (m_downloader->isRunning())
        m_downloader->cancel(); // the partial file stays; the download resumes after the restart
    save();
    Q_EMIT stopped();
}

// --- polling -----------------------------------------------------------------------------------------------

void DeviceAgent::scheduleNextPoll(qint64 seconds)
{
    if (m_stopping)
        return;
    // ±10 % jitter, so a fleet that restarted together does not poll together.
    const double factor = 0.9 + 0.2 * QRandomGenerator::global()->generateDouble();
    m_pollTimer.start(
        std::chrono::milliseconds(std::max<qint64>(500, qint64(double(seconds) * 1000 * factor / m_config.clockRate))));
}

void DeviceAgent::poll()
{
    if (m_polling || m_stopping)
        return;
    m_polling = true;
    m_client.get(m_client.baseUrl(), [this](const DdiReply &reply) {
        m_polling = false;
        pollAnswered(reply);
    });
}

void DeviceAgent::serverUnreachable(const QString &why)
{
    ++m_pollFailures;
    const int delay = m_config.retryDelaySeconds(m_pollFailures);
    if (!m_unreachableSince.isValid()) {
        m_unreachableSince = QDateTime::currentDateTimeUtc();
        Q_EMIT statusChanged();
        qCWarning(lcAgent, "the server cannot be reached: %s; trying again with back-off (up to every %d s)",
                  qUtf8Printable(why), m_config.maxRetryIntervalSeconds);
    }
    scheduleNextPoll(delay);
}

void DeviceAgent::pollAnswered(const DdiReply &reply)
{
    if (m_stopping)
        return;
    if (reply.transient())
        return serverUnreachable(reply.describe());
    if (!reply.ok()) {
        // 401/403/404: wrong credentials or an unknown device; this does not pass by retrying faster.
        if (!m_unreachableSince.isValid() || m_pollFailures == 0)
            qCCritical(lcAgent, "the server refuses this device: %s", qUtf8Printable(reply.describe()));
        m_unreachableSince = QDateTime::currentDateTimeUtc();
        m_pollFailures = 1;
        return scheduleNextPoll(std::max<qint64>(m_sleepSeconds, m_config.retryIntervalSeconds));
    }
    if (m_unreachableSince.isValid()) {
        qCInfo(lcAgent, "the server answers again (after %lld s)",
               m_unreachableSince.secsTo(QDateTime::currentDateTimeUtc()));
        m_unreachableSince = {};
    }
    m_pollFailures = 0;
    m_state.lastCheck = QDateTime::currentDateTimeUtc();
    Flotilla::Ddi::DecodeError error;
    const std::optional<Flotilla::Ddi::ControllerBase> base = Flotilla::Ddi::ControllerBase::decode(reply.body, &error);
    if (!base) {
        qCWarning(lcAgent, "the server's poll answer cannot be read: %s", qUtf8Printable(error.message));
        return scheduleNextPoll(m_sleepSeconds);
    }
    m_sleepSeconds = std::max<qint64>(1, base->sleepSeconds);
    qCDebug(lcAgent, "polled; next poll in about %lld s", m_sleepSeconds);
    scheduleNextPoll(m_sleepSeconds);
    m_feedback->flush();

    const auto link = [&base, this](const QString &rel) -> std::optional<QUrl> {
        const auto it = base->links.constFind(rel);
        if (it == base->links.cend())
            return std::nullopt;
        const QUrl url(it.value());
        if (!m_client.isServerLink(url)) {
            qCWarning(lcAgent, "ignoring the server's %s link to %s: not the server this agent talks to",
                      qUtf8Printable(rel), qUtf8Printable(url.toDisplayString()));
            return std::nullopt;
        }
        return url;
    };
    if (const auto href = link(u"configData"_s))
        sendConfigData(*href);
    if (const auto href = link(u"cancelAction"_s))
        handleCancel(*href);
    const auto confirmation = link(u"confirmationBase"_s);
    forgetConsentsBut(confirmation ? actionIdIn(*confirmation, "confirmationBase"_L1) : QString());
    if (confirmation && !actionIdIn(*confirmation, "confirmationBase"_L1).isEmpty())
        handleConfirmation(*confirmation);
    Q_EMIT statusChanged(); // the last check
    if (const auto href = link(u"deploymentBase"_s))
        handleDeployment(*href);
}

// --- what the server presents -------------------------------------------------------------------------------

void DeviceAgent::sendConfigData(const QUrl &href)
{
    const auto put = [this, href](QMap<QString, QString> attributes) {
        Flotilla::Ddi::ConfigData data;
        data.mode = Flotilla::Ddi::ConfigDataMode::Merge;
        data.data = std::move(attributes);
        m_client.put(href, data.encode(), [](const DdiReply &reply) {
            if (reply.ok())
                qCInfo(lcAgent, "sent the device's attributes");
            else
                qCWarning(lcAgent, "the device's attributes were not taken: %s", qUtf8Printable(reply.describe()));
        });
    };
    if (m_config.attributesCommand.isEmpty())
        return put(m_config.attributes);
    QStringList args = QProcess::splitCommand(m_config.attributesCommand);
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, &QProcess::kill);
    connect(process, &QProcess::finished, this, [this, process, put](int code, QProcess::ExitStatus status) {
        QMap<QString, QString> attributes = m_config.attributes;
        if (status != QProcess::NormalExit || code != 0) {
            qCWarning(lcAgent, "device/attributesCommand failed (exit code %d): %s; sending the configured attributes",
                      code, process->readAllStandardError().left(500).constData());
        } else {
            for (const QByteArray &line : process->readAllStandardOutput().split('\n')) {
                const qsizetype eq = line.indexOf('=');
                if (eq <= 0)
                    continue;
                const QString key = QString::fromUtf8(line.left(eq)).trimmed();
                const QString value = QString::fromUtf8(line.mid(eq + 1)).trimmed();
                if (key.size() <= 128 && value.size() <= 128)
                    attributes.insert(key, value);
            }
        }
        process->deleteLater();
        put(attributes);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process, put](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        qCWarning(lcAgent, "device/attributesCommand cannot be started: %s", qUtf8Printable(process->errorString()));
        process->deleteLater();
        put(m_config.attributes);
    });
    timer->start(std::chrono::seconds(30));
    process->start(args.takeFirst(), args);
}

void DeviceAgent::handleCancel(const QUrl &href)
{
    m_client.get(href, [this, href](const DdiReply &reply) {
        if (!reply.ok()) {
            qCWarning(lcAgent, "the cancel request cannot be read: %s", qUtf8Printable(reply.describe()));
            return;
        }
        Flotilla::Ddi::DecodeError error;
        const auto cancel = Flotilla::Ddi::CancelAction::decode(reply.body, &error);
        if (!cancel) {
            qCWarning(lcAgent, "the cancel request cannot be read: %s", qUtf8Printable(error.message));
            return;
        }
        if (m_handledCancels.contains(cancel->stopId))
            return;
        // hawkBit: the answer goes to cancelAction/{stopId}/feedback.
        QUrl stop = href;
        QStringList segments = stop.path().split(u'/');
        segments.last() = cancel->stopId;
        stop.setPath(segments.join(u'/'));
        const QUrl feedback = feedbackUrl(stop);
        const bool ours = m_state.current && m_state.current->actionId == cancel->stopId;
        if (!ours) {
            m_handledCancels << cancel->stopId;
            qCInfo(lcAgent, "the server cancels action %s, which is not running here: accepted",
                   qUtf8Printable(cancel->stopId));
            return sendFeedback(cancel->stopId, feedback, Execution::Closed, Finished::Success,
                                { tr("canceled: the action was not running on the device") });
        }
        if (m_workflow->cancel()) {
            m_handledCancels << cancel->stopId;
            m_downloader->cancel();
            m_state.current->cancelRequested = true;
            m_state.current->cancelStopId = cancel->stopId;
            m_state.current->cancelHref = feedback.toString();
            save();
            qCInfo(lcAgent, "the server cancels action %s: canceling (%s)", qUtf8Printable(cancel->stopId),
                   qUtf8Printable(UpdateWorkflow::nameOf(m_workflow->phase())));
            return; // the closed feedback goes when the workflow has ended Canceled
        }
        if (m_workflow->phase() == UpdateWorkflow::Phase::Backup)
            return; // a backup that cannot stop now: asked again on the next poll
        m_handledCancels << cancel->stopId;
        qCInfo(lcAgent, "the server cancels action %s, but it is in %s: rejected, the update finishes",
               qUtf8Printable(cancel->stopId), qUtf8Printable(UpdateWorkflow::nameOf(m_workflow->phase())));
        sendFeedback(cancel->stopId, feedback, Execution::Rejected, Finished::None,
                     { tr("cancel rejected: the update is already being installed (%1) and will finish")
                           .arg(UpdateWorkflow::nameOf(m_workflow->phase())) });
    });
}

void DeviceAgent::rememberEnded(const QString &actionId)
{
    m_state.endedActions.removeAll(actionId);
    m_state.endedActions << actionId;
    while (m_state.endedActions.size() > 50)
        m_state.endedActions.removeFirst();
}

void DeviceAgent::handleDeployment(const QUrl &href)
{
    const QString actionId = actionIdIn(href, "deploymentBase"_L1);
    if (m_state.endedActions.contains(actionId))
        return; // its final feedback is on its way (or was refused): never run twice
    if (m_state.current && m_state.current->actionId == actionId && !UpdateWorkflow::isFinal(m_workflow->phase())
        && m_workflow->phase() != UpdateWorkflow::Phase::WaitForWindow)
        return; // running: nothing new to learn until it waits for a window
    if (m_state.current && m_state.current->actionId != actionId && !UpdateWorkflow::isCancellable(m_workflow->phase()))
        return; // a newer action waits until this one is installed
    m_client.get(href, [this, href](const DdiReply &reply) { deploymentRead(href, reply); });
}

void DeviceAgent::deploymentRead(const QUrl &href, const DdiReply &reply)
{
    const QString linkId = actionIdIn(href, "deploymentBase"_L1);
    if (!reply.ok()) {
        if (reply.transient())
            return; // asked again on the next poll
        qCWarning(lcAgent, "the deployment of action %s cannot be read: %s", qUtf8Printable(linkId),
                  qUtf8Printable(reply.describe()));
        return;
    }
    Flotilla::Ddi::DecodeError error;
    const std::optional<Flotilla::Ddi::Deployment> deployment = Flotilla::Ddi::Deployment::decode(reply.body, &error);
    if (!deployment)
        return failWithoutWorkflow(linkId, feedbackUrl(href),
                                   tr("the server's deployment cannot be used: %1").arg(error.message));
    if (m_state.current && m_state.current->actionId == deployment->actionId) {
        // The same action: a maintenance window may have opened.
        const bool allowed = deployment->update != Flotilla::Ddi::Handling::Skip
            && (m_installNowGiven == deployment->actionId || !heldForAPerson(*deployment));
        m_state.current->deployment = reply.body;
        save();
        m_workflow->setInstallAllowed(allowed);
        Q_EMIT statusChanged(); // the window's times
        return;
    }
    if (m_state.current) {
        // A newer action replaces this one (AosCore: converge to the newest desired state). It has not been
        // installed; the server still holds it open and presents it again if it is still wanted.
        if (!m_workflow->cancel())
            return;
        m_downloader->cancel();
        qCInfo(lcAgent, "action %s replaces action %s, which had not started installing",
               qUtf8Printable(deployment->actionId), qUtf8Printable(m_state.current->actionId));
        m_state.current->cancelRequested = true; // ended locally, without feedback
        m_state.current->cancelHref.clear();
        m_pendingReplacement = { href, reply.body };
        return;
    }
    startAction(href, reply.body, *deployment);
}

void DeviceAgent::failWithoutWorkflow(const QString &actionId, const QUrl &feedbackHref, const QString &message)
{
    qCWarning(lcAgent, "action %s: %s", qUtf8Printable(actionId), qUtf8Printable(message));
    if (actionId.isEmpty())
        return;
    rememberEnded(actionId);
    sendFeedback(actionId, feedbackHref, Execution::Closed, Finished::Failure, { message });
}

// --- the action ---------------------------------------------------------------------------------------------

UpdateWorkflow::Job DeviceAgent::jobFor(const Flotilla::Ddi::Deployment &deployment) const
{
    UpdateWorkflow::Job job;
    job.actionId = deployment.actionId;
    job.downloadOnly = deployment.update == Flotilla::Ddi::Handling::Skip && !deployment.maintenanceWindowAvailable;
    job.installAllowed = deployment.update != Flotilla::Ddi::Handling::Skip && !heldForAPerson(deployment);
    for (qsizetype i = 0; i < deployment.chunks.size(); ++i) {
        WorkItem item;
        item.actionId = deployment.actionId;
        item.index = int(i);
        item.chunk = deployment.chunks.at(i);
        item.workDir = QDir(m_config.stateDir).filePath(u"work/%1/%2"_s.arg(deployment.actionId).arg(i));
        for (const Flotilla::Ddi::Artifact &a : item.chunk.artifacts)
            item.files.append({ a.filename, m_downloader->finalPath(a), a.size, a.sha256 });
        job.items.append(item);
    }
    return job;
}

bool DeviceAgent::startAction(const QUrl &href, const QByteArray &body, const Flotilla::Ddi::Deployment &deployment)
{
    const QUrl feedback = feedbackUrl(href);
    if (deployment.download == Flotilla::Ddi::Handling::Skip) {
        qCInfo(lcAgent, "action %s: the server says not to download yet", qUtf8Printable(deployment.actionId));
        return false;
    }
    for (const Flotilla::Ddi::Chunk &c : deployment.chunks) {
        if (c.artifacts.isEmpty()) {
            failWithoutWorkflow(deployment.actionId, feedback,
                                tr("%1 has no artifacts: there is nothing to install").arg(chunkLabel(c)));
            return false;
        }
    }
    CurrentAction current;
    current.actionId = deployment.actionId;
    current.deploymentHref = href.toString();
    current.deployment = body;
    current.bootId = bootId();
    m_state.current = current;
    save();
    const UpdateWorkflow::Job job = jobFor(deployment);
    for (const WorkItem &item : job.items)
        QDir().mkpath(item.workDir);
    m_lastProgressDecile = -1;
    m_workflow->start(job);
    return true;
}

void DeviceAgent::resume()
{
    CurrentAction &c = *m_state.current;
    Flotilla::Ddi::DecodeError error;
    const auto deployment = Flotilla::Ddi::Deployment::decode(c.deployment, &error);
    if (!deployment) {
        qCWarning(lcAgent, "the saved action %s cannot be read (%s); dropping it", qUtf8Printable(c.actionId),
                  qUtf8Printable(error.message));
        m_state.current.reset();
        save();
        return;
    }
    ++c.starts;
    const QString boot = bootId();
    const bool rebooted = !boot.isEmpty() && !c.bootId.isEmpty() && boot != c.bootId;
    UpdateWorkflow::Resume resume;
    resume.phase = c.phase;
    resume.item = c.item;
    resume.failure = StepResult::failure(c.failure, c.failureCode);
    if (c.phase == UpdateWorkflow::Phase::AwaitRestart) {
        const bool wantedReboot
            = c.restart == StepResult::Restart::ImmediateReboot || c.restart == StepResult::Restart::DeferredReboot;
        if (wantedReboot && !rebooted) {
            qCWarning(lcAgent, "action %s waits for a reboot that has not happened; asking again",
                      qUtf8Printable(c.actionId));
            c.bootId = boot;
            save();
            if (c.starts <= m_config.maxResumes)
                return runRebootCommand();
        }
        resume.phase = c.resumePhase;
        resume.item = c.resumeItem;
    } else if (rebooted && (c.phase == UpdateWorkflow::Phase::Install || c.phase == UpdateWorkflow::Phase::Apply)) {
        resume.interrupted = true;
    }
    qCInfo(lcAgent, "resuming action %s at %s (chunk %d; start %d of at most %d)%s", qUtf8Printable(c.actionId),
           qUtf8Printable(UpdateWorkflow::nameOf(resume.phase)), resume.item + 1, c.starts, m_config.maxResumes,
           rebooted ? " after a reboot" : "");
    if (c.starts > m_config.maxResumes + 2) {
        // Even Restore keeps failing: report and give up, so the device does not loop forever.
        const QString message = tr("gave up after %1 starts of the agent during this update").arg(c.starts);
        sendFeedback(c.actionId, feedbackUrl(QUrl(c.deploymentHref)), Execution::Closed, Finished::Failure,
                     { message });
        m_state.lastActionId = c.actionId;
        m_state.lastOutcome = u"Failed"_s;
        rememberEnded(c.actionId);
        m_state.current.reset();
        save();
        return;
    }
    if (c.starts > m_config.maxResumes && resume.phase != UpdateWorkflow::Phase::Restore
        && resume.phase != UpdateWorkflow::Phase::Failed) {
        resume.phase = UpdateWorkflow::Phase::Restore;
        resume.item = 0;
        resume.interrupted = false;
        resume.failure = StepResult::failure(
            tr("the agent started %1 times during this update: stopped a crash or reboot loop").arg(c.starts));
    }
    c.bootId = boot;
    save();
    UpdateWorkflow::Job job = jobFor(*deployment);
    for (const WorkItem &item : job.items)
        QDir().mkpath(item.workDir);
    if (c.cancelRequested && UpdateWorkflow::isCancellable(resume.phase)) {
        // The cancel was accepted before the restart: finish it.
        resume.phase = UpdateWorkflow::Phase::ProcessDeployment;
    }
    m_workflow->start(job, resume);
    if (c.cancelRequested)
        m_workflow->cancel();
}

void DeviceAgent::phaseChanged(UpdateWorkflow::Phase phase, int item)
{
    if (!m_state.current)
        return;
    CurrentAction &c = *m_state.current;
    const bool entered = c.phase != phase;
    c.phase = phase;
    c.item = item;
    c.bootId = bootId();
    if (phase == UpdateWorkflow::Phase::Restore || phase == UpdateWorkflow::Phase::Failed) {
        c.failure = m_workflow->result().message;
        c.failureCode = m_workflow->result().extendedCode;
    }
    if (entered) {
        m_installPercent = -1;
        if (phase == UpdateWorkflow::Phase::Download)
            m_downloadDone = m_downloadTotal = 0;
    }
    Q_EMIT statusChanged();
    if (UpdateWorkflow::isFinal(phase))
        return; // workflowEnded() saves with the final feedback
    save();
    const QUrl feedback = feedbackUrl(QUrl(c.deploymentHref));
    if (!c.feedbackStarted && phase != UpdateWorkflow::Phase::ProcessDeployment) {
        c.feedbackStarted = true;
        sendFeedback(c.actionId, feedback, Execution::Proceeding, Finished::None,
                     { tr("the device started the update") });
    }
    if (!entered)
        return;
    switch (phase) {
    case UpdateWorkflow::Phase::WaitForWindow:
        if (!c.downloadedReported) {
            c.downloadedReported = true;
            sendFeedback(c.actionId, feedback, Execution::Downloaded, Finished::None,
                         { isHeldForAPerson() ? tr("downloaded and verified; waiting for Install now on the device")
                                              : tr("downloaded and verified; waiting for the maintenance window") });
        }
        break;
    case UpdateWorkflow::Phase::Install:
        m_lastInstallDecile = -1;
        [[fallthrough]];
    case UpdateWorkflow::Phase::Apply:
    case UpdateWorkflow::Phase::Restore:
        sendFeedback(c.actionId, feedback, Execution::Proceeding, Finished::None,
                     { tr("%1 started").arg(UpdateWorkflow::nameOf(phase)) });
        break;
    default:
        break;
    }
}

void DeviceAgent::downloadRequested()
{
    QList<ArtifactDownloader::Request> requests;
    for (const WorkItem &item : m_workflow->job().items) {
        for (const Flotilla::Ddi::Artifact &a : item.chunk.artifacts)
            requests.append({ a, chunkLabel(item.chunk) });
    }
    m_lastProgressDecile = -1;
    m_lastProgressSent.invalidate();
    m_downloader->start(requests);
}

void DeviceAgent::downloadProgress(qint64 done, qint64 total)
{
    if (!m_state.current || total <= 0)
        return;
    m_downloadDone = done;
    m_downloadTotal = total;
    Q_EMIT statusChanged();
    const int percent = int(done * 100 / total);
    const int decile = percent / 10;
    if (decile <= m_lastProgressDecile || (m_lastProgressSent.isValid() && m_lastProgressSent.elapsed() < 5000))
        return;
    m_lastProgressDecile = decile;
    m_lastProgressSent.start();
    sendFeedback(m_state.current->actionId, feedbackUrl(QUrl(m_state.current->deploymentHref)), Execution::Download,
                 Finished::None, { tr("downloading: %1 of %2 bytes (%3 %)").arg(done).arg(total).arg(percent) }, {},
                 std::pair { percent, 100 });
}

void DeviceAgent::installProgress(int percent)
{
    if (!m_state.current)
        return;
    m_installPercent = percent;
    Q_EMIT statusChanged();
    if (percent / 10 <= m_lastInstallDecile || (m_lastProgressSent.isValid() && m_lastProgressSent.elapsed() < 5000))
        return;
    m_lastInstallDecile = percent / 10;
    m_lastProgressSent.start();
    sendFeedback(m_state.current->actionId, feedbackUrl(QUrl(m_state.current->deploymentHref)), Execution::Proceeding,
                 Finished::None, { tr("installing: %1 %").arg(percent) }, {}, std::pair { percent, 100 });
}

void DeviceAgent::restartRequestedByWorkflow(StepResult::Restart restart)
{
    if (!m_state.current)
        return;
    CurrentAction &c = *m_state.current;
    const UpdateWorkflow::Resume next = m_workflow->resumeAfterRestart();
    c.phase = UpdateWorkflow::Phase::AwaitRestart;
    c.restart = restart;
    c.resumePhase = next.phase;
    c.resumeItem = next.item;
    c.bootId = bootId();
    if (!next.failure.message.isEmpty()) {
        c.failure = next.failure.message;
        c.failureCode = next.failure.extendedCode;
    }
    save();
    const bool reboot
        = restart == StepResult::Restart::ImmediateReboot || restart == StepResult::Restart::DeferredReboot;
    m_rebooting = reboot;
    Q_EMIT statusChanged();
    sendFeedback(
        c.actionId, feedbackUrl(QUrl(c.deploymentHref)), Execution::Proceeding, Finished::None,
        { reboot ? tr("rebooting to continue the update") : tr("restarting the agent to continue the update") });
    if (reboot)
        return runRebootCommand();
    qCInfo(lcAgent, "a step handler asked for an agent restart");
    m_stopping = true;
    m_pollTimer.stop();
    Q_EMIT restartRequested();
}

void DeviceAgent::runRebootCommand()
{
    m_pollTimer.stop();
    QStringList args = QProcess::splitCommand(m_config.rebootCommand);
    qCInfo(lcAgent, "rebooting: %s", qUtf8Printable(m_config.rebootCommand));
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        if (status == QProcess::NormalExit && code == 0) {
            qCInfo(lcAgent, "the reboot command returned; waiting for the reboot");
            return;
        }
        qCCritical(lcAgent, "the reboot command failed (exit code %d); trying again in a minute", code);
        QTimer::singleShot(std::chrono::minutes(1), this, &DeviceAgent::runRebootCommand);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        qCCritical(lcAgent, "reboot/command cannot be started: %s; trying again in a minute",
                   qUtf8Printable(process->errorString()));
        process->deleteLater();
        QTimer::singleShot(std::chrono::minutes(1), this, &DeviceAgent::runRebootCommand);
    });
    process->start(args.takeFirst(), args);
}

void DeviceAgent::workflowEnded(UpdateWorkflow::Phase phase)
{
    if (!m_state.current)
        return;
    const CurrentAction c = *m_state.current;
    const StepResult &result = m_workflow->result();
    const QUrl feedback = feedbackUrl(QUrl(c.deploymentHref));
    QStringList details;
    if (!result.message.isEmpty())
        details << result.message;
    if (!result.output.isEmpty())
        details << result.output;
    m_state.lastActionId = c.actionId;
    m_state.lastOutcome = UpdateWorkflow::nameOf(phase);
    if (phase == UpdateWorkflow::Phase::Succeeded || phase == UpdateWorkflow::Phase::Failed) {
        m_lastResultMessage = result.message;
        m_lastResultAt = QDateTime::currentDateTimeUtc();
        if (phase == UpdateWorkflow::Phase::Succeeded) {
            Flotilla::Ddi::DecodeError ignored;
            if (const auto d = Flotilla::Ddi::Deployment::decode(c.deployment, &ignored))
                m_state.installedTitle = titleOf(*d);
        }
    }
    m_state.current.reset();
    // A replaced action (canceled here, without the server asking) is still open there and may come back.
    if (!(phase == UpdateWorkflow::Phase::Canceled && c.cancelHref.isEmpty()))
        rememberEnded(c.actionId);
    const bool keepDownloads = phase == UpdateWorkflow::Phase::Downloaded;
    switch (phase) {
    case UpdateWorkflow::Phase::Succeeded:
        sendFeedback(c.actionId, feedback, Execution::Closed, Finished::Success, details);
        break;
    case UpdateWorkflow::Phase::Failed:
        sendFeedback(c.actionId, feedback, Execution::Closed, Finished::Failure, details,
                     result.extendedCode != 0 ? std::optional<int>(result.extendedCode) : std::nullopt);
        break;
    case UpdateWorkflow::Phase::Downloaded:
        sendFeedback(c.actionId, feedback, Execution::Downloaded, Finished::None, details);
        break;
    case UpdateWorkflow::Phase::Canceled:
        if (!c.cancelHref.isEmpty())
            sendFeedback(c.cancelStopId, QUrl(c.cancelHref), Execution::Closed, Finished::Success,
                         { tr("canceled on the device before installing") });
        else
            save();
        break;
    default:
        save();
        break;
    }
    qCInfo(lcAgent, "action %s ended: %s%s", qUtf8Printable(c.actionId), qUtf8Printable(UpdateWorkflow::nameOf(phase)),
           result.message.isEmpty() ? "" : qPrintable(u" (%1)"_s.arg(result.message)));
    QDir(QDir(m_config.stateDir).filePath(u"work/"_s + c.actionId)).removeRecursively();
    if (!keepDownloads) {
        for (const WorkItem &item : m_workflow->job().items) {
            for (const LocalArtifact &f : item.files) {
                QFile::remove(f.path);
                QFile::remove(f.path + u".part"_s);
            }
        }
    }
    Q_EMIT actionEnded(c.actionId, phase);
    Q_EMIT statusChanged();
    if (m_pendingReplacement) {
        // From the event loop: this runs inside the old workflow's last state entry.
        QTimer::singleShot(0, this, [this, replacement = *std::exchange(m_pendingReplacement, std::nullopt)] {
            Flotilla::Ddi::DecodeError error;
            if (const auto d = Flotilla::Ddi::Deployment::decode(replacement.second, &error); d && !m_state.current)
                startAction(replacement.first, replacement.second, *d);
        });
        return;
    }
    if (!m_stopping)
        scheduleNextPoll(1); // the next action, if any, without waiting a whole sleep
}

// --- feedback -----------------------------------------------------------------------------------------------

QUrl DeviceAgent::feedbackUrl(const QUrl &resource)
{
    QUrl url = resource;
    url.setQuery(QString());
    url.setFragment(QString());
    url.setPath(url.path() + u"/feedback"_s);
    return url;
}

void DeviceAgent::sendFeedback(const QString &actionId, const QUrl &href, Execution execution, Finished finished,
                               const QStringList &details, std::optional<int> code,
                               std::optional<std::pair<int, int>> progress)
{
    Flotilla::Ddi::ActionFeedback f;
    f.execution = execution;
    f.finished = finished;
    f.details = details;
    f.code = code;
    if (progress) {
        f.progressCount = progress->first;
        f.progressOf = progress->second;
    }
    // The timestamp makes a re-sent copy recognisable to the server (it applies it once).
    f.timestampMs = QDateTime::currentMSecsSinceEpoch();
    const QString summary = Flotilla::Ddi::nameOf(execution)
        + (finished == Finished::None ? QString() : u'/' + Flotilla::Ddi::nameOf(finished))
        + (details.isEmpty() ? QString() : u": "_s + details.constFirst().left(120));
    m_feedback->enqueue({ actionId, href.toString(), f.encode(), summary });
}

} // namespace Flotilla::Agent
