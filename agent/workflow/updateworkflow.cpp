#include "agent/workflow/updateworkflow.h"

#include "agent/agentlogging.h"
#include "agent/workflow/valuetransition.h"

#include <QFinalState>
#include <QMetaEnum>
#include <QProcess>
#include <QStateMachine>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

QString describe(const WorkItem &item)
{
    return u"%1 \"%2\" %3"_s.arg(item.chunk.part, item.chunk.name, item.chunk.version);
}

bool isReboot(StepResult::Restart r)
{
    return r == StepResult::Restart::ImmediateReboot || r == StepResult::Restart::DeferredReboot;
}

bool isImmediate(StepResult::Restart r)
{
    return r == StepResult::Restart::ImmediateReboot || r == StepResult::Restart::ImmediateAgentRestart;
}

// A reboot outranks an agent restart when both are asked for.
StepResult::Restart stronger(StepResult::Restart a, StepResult::Restart b)
{
    if (a == StepResult::Restart::None)
        return b;
    if (b == StepResult::Restart::None)
        return a;
    return isReboot(a) || !isReboot(b) ? a : b;
}

} // namespace

QString UpdateWorkflow::nameOf(Phase phase)
{
    return QString::fromLatin1(QMetaEnum::fromType<Phase>().valueToKey(int(phase)));
}

std::optional<UpdateWorkflow::Phase> UpdateWorkflow::phaseFromName(const QString &name)
{
    bool ok = false;
    const int v = QMetaEnum::fromType<Phase>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? std::optional<Phase>(Phase(v)) : std::nullopt;
}

bool UpdateWorkflow::isFinal(Phase phase)
{
    return phase == Phase::Succeeded || phase == Phase::Downloaded || phase == Phase::Failed
        || phase == Phase::Canceled;
}

bool UpdateWorkflow::isCancellable(Phase phase)
{
    return phase == Phase::ProcessDeployment || phase == Phase::Download || phase == Phase::WaitForWindow
        || phase == Phase::Backup;
}

UpdateWorkflow::UpdateWorkflow(HandlerLookup handlers, QString healthCommand, int healthTimeoutSeconds, QObject *parent)
    : QObject(parent)
    , m_handlers(std::move(handlers))
    , m_healthCommand(std::move(healthCommand))
    , m_healthTimeoutSeconds(healthTimeoutSeconds)
{ }

UpdateWorkflow::~UpdateWorkflow()
{
    if (m_health) {
        m_health->kill();
        m_health->waitForFinished(1000);
    }
}

QAbstractState *UpdateWorkflow::addPhase(Phase phase)
{
    QAbstractState *state = isFinal(phase) ? static_cast<QAbstractState *>(new QFinalState(m_machine))
                                           : static_cast<QAbstractState *>(new QState(m_machine));
    connect(state, &QState::entered, this, [this, phase] { enter(phase); });
    m_states.insert(phase, state);
    return state;
}

void UpdateWorkflow::addTransition(Phase from, int what, Phase to)
{
    auto *t = new ValueTransition(this, &UpdateWorkflow::outcome, what);
    t->setTargetState(m_states.value(to));
    qobject_cast<QState *>(m_states.value(from))->addTransition(t);
}

bool UpdateWorkflow::isRunning() const
{
    return m_machine && m_machine->isRunning();
}

void UpdateWorkflow::start(const Job &job)
{
    start(job, Resume());
}

void UpdateWorkflow::start(const Job &job, const Resume &resume)
{
    ++m_generation;
    if (m_machine) {
        // Possibly called from inside the old machine's last state entry: let it unwind first.
        m_machine->disconnect(this);
        for (QAbstractState *state : std::as_const(m_states))
            state->disconnect(this);
        m_machine->stop();
        m_machine->deleteLater();
    }
    m_states.clear();
    m_job = job;
    m_resume = resume;
    m_result = resume.failure;
    m_cancelRequested = false;
    m_waitingForDownload = false;
    m_restart = m_deferredRestart = StepResult::Restart::None;
    m_restoreFailures.clear();

    m_machine = new QStateMachine(this);
    for (int p = int(Phase::ProcessDeployment); p <= int(Phase::Canceled); ++p)
        addPhase(Phase(p));
    using P = Phase;
    addTransition(P::ProcessDeployment, Installed, P::Verify);
    addTransition(P::ProcessDeployment, NotInstalled, P::Download);
    addTransition(P::ProcessDeployment, Interrupted, P::Restore);
    addTransition(P::ProcessDeployment, Failure, P::Failed);
    addTransition(P::ProcessDeployment, Cancel, P::Canceled);
    for (const P p :
         { P::Download, P::WaitForWindow, P::Backup, P::Install, P::Apply, P::Verify, P::Restore, P::Failed })
        addTransition(P::ProcessDeployment, ResumeAt + int(p), p);
    addTransition(P::Download, Success, P::Backup);
    addTransition(P::Download, WaitForWindow, P::WaitForWindow);
    addTransition(P::Download, DownloadOnly, P::Downloaded);
    addTransition(P::Download, Failure, P::Failed);
    addTransition(P::Download, Cancel, P::Canceled);
    addTransition(P::WaitForWindow, Success, P::Backup);
    addTransition(P::WaitForWindow, Cancel, P::Canceled);
    addTransition(P::Backup, Success, P::Install);
    addTransition(P::Backup, Failure, P::Failed);
    addTransition(P::Backup, Cancel, P::Canceled);
    addTransition(P::Install, Success, P::Apply);
    addTransition(P::Install, Failure, P::Restore);
    addTransition(P::Install, Restart, P::AwaitRestart);
    addTransition(P::Apply, Success, P::Verify);
    addTransition(P::Apply, Failure, P::Restore);
    addTransition(P::Apply, Restart, P::AwaitRestart);
    addTransition(P::Verify, Success, P::Succeeded);
    addTransition(P::Verify, Failure, P::Restore);
    addTransition(P::Restore, Success, P::Failed);
    addTransition(P::Restore, Failure, P::Failed);
    addTransition(P::Restore, Restart, P::AwaitRestart);
    m_machine->setInitialState(m_states.value(P::ProcessDeployment));
    m_machine->start();
}

void UpdateWorkflow::emitOutcome(int what)
{
    // Queued: a transition never fires from inside the entered() handler of the state it leaves.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, what, generation] {
        if (generation == m_generation)
            Q_EMIT outcome(what);
    });
}

void UpdateWorkflow::enter(Phase phase)
{
    m_phase = phase;
    m_item = (phase == m_resume.phase && phase != Phase::ProcessDeployment) ? m_resume.item : 0;
    if (phase != Phase::ProcessDeployment && phase == m_resume.phase)
        m_resume.phase = Phase::ProcessDeployment; // resumed once; a later entry starts at the first chunk
    qCInfo(lcAgent, "action %s: %s", qUtf8Printable(m_job.actionId), qUtf8Printable(nameOf(phase)));
    Q_EMIT phaseChanged(phase, m_item);
    switch (phase) {
    case Phase::ProcessDeployment: {
        if (m_job.items.isEmpty()) {
            m_result = StepResult::failure(tr("the deployment has no software modules to install"));
            return emitOutcome(Failure);
        }
        QList<StepHandler *> handlers;
        QList<QList<WorkItem>> itemsOf;
        for (const WorkItem &item : std::as_const(m_job.items)) {
            StepHandler *handler = m_handlers(item.chunk.part);
            if (!handler) {
                m_result = StepResult::failure(
                    tr("no step handler for software module type \"%1\" (set handlers/%1 or handlers/default)")
                        .arg(item.chunk.part));
                return emitOutcome(Failure);
            }
            const qsizetype at = handlers.indexOf(handler);
            if (at < 0) {
                handlers << handler;
                itemsOf << QList<WorkItem> { item };
            } else {
                itemsOf[at] << item;
            }
        }
        for (qsizetype i = 0; i < handlers.size(); ++i)
            handlers.at(i)->jobStarted(m_job.actionId, itemsOf.at(i));
        const Phase at = m_resume.phase;
        if (at == Phase::Restore || at == Phase::Verify || at == Phase::Failed)
            return emitOutcome(ResumeAt + int(at));
        // A handler whose work the restart interrupted may carry on (its own devices kept the state).
        const WorkItem &interruptedItem = m_job.items.at(std::clamp(m_resume.item, 0, int(m_job.items.size()) - 1));
        if (m_resume.interrupted && m_handlers(interruptedItem.chunk.part)->resumesAfterInterruption()) {
            qCInfo(lcAgent, "action %s: the %s handler carries on after the restart", qUtf8Printable(m_job.actionId),
                   qUtf8Printable(m_handlers(interruptedItem.chunk.part)->name()));
            m_resume.interrupted = false;
        }
        if (m_resume.interrupted) {
            m_result = StepResult::failure(
                tr("the device restarted during %1 without a step handler asking for it").arg(nameOf(at)));
            return emitOutcome(Interrupted);
        }
        return runStep(Step::IsInstalled);
    }
    case Phase::Download:
        m_waitingForDownload = true;
        Q_EMIT downloadRequested();
        return;
    case Phase::WaitForWindow:
        if (m_job.installAllowed)
            emitOutcome(Success);
        return;
    case Phase::Backup:
        return runStep(Step::Backup);
    case Phase::Install:
        return runStep(Step::Install);
    case Phase::Apply:
        return runStep(Step::Apply);
    case Phase::Verify:
        return runStep(Step::IsInstalled);
    case Phase::Restore:
        // From the last chunk back to the first; m_item counts the chunks done.
        return runRestore();
    case Phase::AwaitRestart:
        Q_EMIT restartRequested(m_restart);
        return;
    case Phase::Succeeded:
        if (m_result.message.isEmpty())
            m_result.message = tr("installed");
        Q_EMIT ended(phase);
        return;
    case Phase::Downloaded:
        m_result = StepResult::success(tr("downloaded and verified; waiting for an assignment that installs it"));
        Q_EMIT ended(phase);
        return;
    case Phase::Canceled:
        m_result = { StepResult::Code::Cancelled, 0, tr("canceled before installing"), {}, {} };
        Q_EMIT ended(phase);
        return;
    case Phase::Failed:
        Q_EMIT ended(phase);
        return;
    }
}

void UpdateWorkflow::runStep(Step step)
{
    if (m_item >= m_job.items.size()) {
        if (step == Step::IsInstalled) {
            // Every chunk answered Installed.
            if (m_phase == Phase::ProcessDeployment) {
                m_result = StepResult::success(tr("already installed"));
                return emitOutcome(Installed);
            }
            return runHealthCheck();
        }
        if (m_phase == Phase::Download) {
            if (m_job.downloadOnly)
                return emitOutcome(DownloadOnly);
            return emitOutcome(m_job.installAllowed ? Success : WaitForWindow);
        }
        if (m_deferredRestart != StepResult::Restart::None) {
            m_restart = std::exchange(m_deferredRestart, StepResult::Restart::None);
            m_resumeAfterRestart = { m_phase == Phase::Install ? Phase::Apply : Phase::Verify, 0, false, m_result };
            return emitOutcome(Restart);
        }
        return emitOutcome(Success);
    }
    const WorkItem &item = m_job.items.at(m_item);
    StepHandler *handler = m_handlers(item.chunk.part);
    disconnect(m_runningConnection);
    m_running = handler;
    const quint64 generation = m_generation;
    m_runningConnection
        = connect(handler, &StepHandler::finished, this, [this, step, generation](const StepResult &result) {
              disconnect(m_runningConnection);
              m_running = nullptr;
              if (generation == m_generation)
                  stepFinished(step, result);
          });
    handler->run(step, item);
}

void UpdateWorkflow::stepFinished(Step step, const StepResult &result)
{
    // Restore counts its chunks from the last one back.
    const WorkItem &item = m_job.items.at(step == Step::Restore ? m_job.items.size() - 1 - m_item : m_item);
    if (step == Step::Restore) {
        if (!result.succeeded())
            m_restoreFailures << m_item;
        m_result.output = QString(m_result.output + result.output).right(2048);
        if (!result.message.isEmpty())
            m_result.message += u"; restore of %1: %2"_s.arg(describe(item), result.message);
        if (result.restart != StepResult::Restart::None) {
            m_restart = result.restart;
            m_resumeAfterRestart = { Phase::Restore, m_item + 1, false, m_result };
            return emitOutcome(Restart);
        }
        ++m_item;
        Q_EMIT phaseChanged(m_phase, m_item);
        return runRestore();
    }
    if (m_cancelRequested && result.code == StepResult::Code::Cancelled)
        return emitOutcome(Cancel);
    if (step == Step::IsInstalled) {
        if (result.code == StepResult::Code::Installed) {
            ++m_item;
            return runStep(step);
        }
        if (m_phase == Phase::ProcessDeployment) {
            if (result.code == StepResult::Code::NotInstalled) {
                const Phase at = m_resume.phase;
                return emitOutcome(at == Phase::ProcessDeployment ? NotInstalled : ResumeAt + int(at));
            }
            m_result = result;
            m_result.message = tr("checking whether %1 is installed failed: %2").arg(describe(item), result.message);
            return emitOutcome(Failure);
        }
        // Verify: after the whole workflow, the handler must see its chunk in use.
        m_result = result;
        m_result.code = StepResult::Code::Failure;
        m_result.message = result.code == StepResult::Code::NotInstalled
            ? tr("verification failed: %1 is not installed after the update%2")
                  .arg(describe(item), result.message.isEmpty() ? QString() : u" ("_s + result.message + u')')
            : tr("verification of %1 failed: %2").arg(describe(item), result.message);
        return emitOutcome(Failure);
    }
    if (!result.succeeded()) {
        m_result = result;
        m_result.code = StepResult::Code::Failure;
        m_result.message = tr("%1 of %2 failed: %3")
                               .arg(Agent::nameOf(step), describe(item),
                                    result.message.isEmpty() ? tr("no reason given") : result.message);
        return emitOutcome(Failure);
    }
    if (!result.output.isEmpty())
        m_result.output = QString(m_result.output + result.output).right(2048);
    const bool mayRestart = step == Step::Install || step == Step::Apply;
    if (result.restart != StepResult::Restart::None && !mayRestart)
        qCWarning(lcAgent, "the %s handler asked for a restart after %s; only Install, Apply and Restore may",
                  qUtf8Printable(m_running ? m_running->name() : item.chunk.part), qUtf8Printable(Agent::nameOf(step)));
    ++m_item;
    if (mayRestart && isImmediate(result.restart)) {
        m_restart = result.restart;
        // The rest of this step's chunks run after the restart.
        const bool more = m_item < m_job.items.size();
        m_resumeAfterRestart = { more ? m_phase : (m_phase == Phase::Install ? Phase::Apply : Phase::Verify),
                                 more ? m_item : 0, false, m_result };
        Q_EMIT phaseChanged(m_phase, m_item);
        return emitOutcome(Restart);
    }
    if (mayRestart)
        m_deferredRestart = stronger(m_deferredRestart, result.restart);
    Q_EMIT phaseChanged(m_phase, m_item);
    runStep(step);
}

void UpdateWorkflow::runRestore()
{
    const int count = int(m_job.items.size());
    if (m_item >= count) {
        if (m_restoreFailures.isEmpty())
            m_result.message += tr(" (restored)");
        return emitOutcome(m_restoreFailures.isEmpty() ? Success : Failure);
    }
    // m_item counts the chunks restored; restore runs from the last chunk back to the first.
    const WorkItem &item = m_job.items.at(count - 1 - m_item);
    StepHandler *handler = m_handlers(item.chunk.part);
    disconnect(m_runningConnection);
    m_running = handler;
    const quint64 generation = m_generation;
    m_runningConnection = connect(handler, &StepHandler::finished, this, [this, generation](const StepResult &result) {
        disconnect(m_runningConnection);
        m_running = nullptr;
        if (generation == m_generation)
            stepFinished(Step::Restore, result);
    });
    handler->run(Step::Restore, item);
}

void UpdateWorkflow::runHealthCheck()
{
    if (m_healthCommand.isEmpty())
        return emitOutcome(Success);
    QStringList args = QProcess::splitCommand(m_healthCommand);
    const QString program = args.takeFirst();
    m_health = new QProcess(this);
    m_health->setProcessChannelMode(QProcess::MergedChannels);
    auto *timer = new QTimer(m_health);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, m_health, [this] { m_health->kill(); });
    const quint64 generation = m_generation;
    connect(m_health, &QProcess::finished, this, [this, generation, timer](int code, QProcess::ExitStatus status) {
        timer->stop();
        const QString output = QString::fromUtf8(m_health->readAll()).right(2048);
        m_health->deleteLater();
        m_health = nullptr;
        if (generation != m_generation)
            return;
        if (status == QProcess::NormalExit && code == 0) {
            m_result.output = QString(m_result.output + output).right(2048);
            return emitOutcome(Success);
        }
        m_result = StepResult::failure(
            status == QProcess::NormalExit
                ? tr("the health check failed (exit code %1)").arg(code)
                : tr("the health check did not finish within %1 s or crashed").arg(m_healthTimeoutSeconds),
            code);
        m_result.output = output;
        emitOutcome(Failure);
    });
    connect(m_health, &QProcess::errorOccurred, this, [this, generation](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || generation != m_generation)
            return;
        m_result = StepResult::failure(
            tr("the health check %1 cannot be started: %2").arg(m_healthCommand, m_health->errorString()));
        m_health->deleteLater();
        m_health = nullptr;
        emitOutcome(Failure);
    });
    timer->start(std::chrono::seconds(m_healthTimeoutSeconds));
    m_health->start(program, args);
}

void UpdateWorkflow::downloadFinished(const StepResult &result)
{
    if (!m_waitingForDownload || m_phase != Phase::Download)
        return;
    m_waitingForDownload = false;
    if (m_cancelRequested)
        return emitOutcome(Cancel);
    if (!result.succeeded()) {
        m_result = result;
        m_result.code = StepResult::Code::Failure;
        return emitOutcome(Failure);
    }
    runStep(Step::Download);
}

void UpdateWorkflow::setInstallAllowed(bool allowed)
{
    m_job.installAllowed = allowed;
    if (allowed && m_phase == Phase::WaitForWindow && isRunning())
        emitOutcome(Success);
}

bool UpdateWorkflow::cancel()
{
    if (!isRunning() || !isCancellable(m_phase))
        return false;
    if (m_cancelRequested)
        return true;
    // A running handler step (Download's check, Backup) must agree; isInstalled is free of side effects and
    // is simply abandoned, as is the agent's own download (the agent stops it).
    const bool handlerStep = m_running && !(m_phase == Phase::ProcessDeployment) && !m_waitingForDownload;
    if (handlerStep) {
        if (!m_running->cancel())
            return false;
        m_cancelRequested = true; // the handler's Cancelled result ends it
        return true;
    }
    m_cancelRequested = true;
    ++m_generation; // nothing running may move the machine any more
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            Q_EMIT outcome(Cancel);
    });
    return true;
}

} // namespace Flotilla::Agent
