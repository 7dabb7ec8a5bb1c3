#pragma once

// The update workflow of one action, on QStateMachine, as Azure Device Update's goal-state workflow
// describes it, with the AosCore/Mender rules for reboots and crashes (AosCore's update flow; Azure Device Update and
// Mender on restarts):
//
//   ProcessDeployment --installed--> Verify          (isInstalled for every chunk: nothing to do)
//   ProcessDeployment --not installed--> Download     (or the persisted phase when resuming)
//   ProcessDeployment --interrupted--> Restore        (the device restarted during Install/Apply on its own)
//   Download --success--> Backup | WaitForWindow (update skipped) | Downloaded (download only); --failure--> Failed
//   WaitForWindow --window opens--> Backup
//   Backup --success--> Install; --failure--> Failed
//   Install --success--> Apply; --failure--> Restore; --reboot/restart--> AwaitRestart
//   Apply --success--> Verify; --failure--> Restore; --reboot/restart--> AwaitRestart
//   Verify (isInstalled, then the health command) --success--> Succeeded; --failure--> Restore
//   Restore --success or failure--> Failed (the original error is kept)
//   ProcessDeployment, Download, WaitForWindow, Backup --cancel--> Canceled
//
// A step runs the chunks in order through the StepHandler of each chunk's part. The workflow never touches
// the network: the agent downloads and verifies (downloadRequested / downloadFinished) and persists each
// phaseChanged(), so a restart resumes where it stopped.
#include "agent/handlers/stephandler.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QStateMachine;
class QState;
class QAbstractState;
class QProcess;

namespace Flotilla::Agent {

class UpdateWorkflow : public QObject
{
    Q_OBJECT
public:
    enum class Phase : quint8 {
        ProcessDeployment,
        Download,
        WaitForWindow,
        Backup,
        Install,
        Apply,
        Verify,
        Restore,
        AwaitRestart,
        Succeeded,
        Downloaded,
        Failed,
        Canceled,
    };
    Q_ENUM(Phase)
    static QString nameOf(Phase phase);
    static std::optional<Phase> phaseFromName(const QString &name);
    static bool isFinal(Phase phase);

    struct Job
    {
        QString actionId;
        QList<WorkItem> items;
        bool downloadOnly = false; // ends at Downloaded
        bool installAllowed = true; // false: a maintenance window is closed; wait after Download
    };

    // Where a restarted agent picks up (from the persisted state).
    struct Resume
    {
        Phase phase = Phase::ProcessDeployment;
        int item = 0; // the first chunk of that phase not yet done
        bool interrupted = false; // the device restarted during Install/Apply without a handler asking
        StepResult failure; // the error that sent the workflow to Restore, if it was there
    };

    using HandlerLookup = std::function<StepHandler *(const QString &part)>;

    UpdateWorkflow(HandlerLookup handlers, QString healthCommand, int healthTimeoutSeconds, QObject *parent = nullptr);
    ~UpdateWorkflow() override;

    void start(const Job &job);
    void start(const Job &job, const Resume &resume);
    Phase phase() const { return m_phase; }
    int item() const { return m_item; }
    const Job &job() const { return m_job; }
    bool isRunning() const;
    // The result that ends (or will end) the workflow: the first failure, or the success details.
    const StepResult &result() const { return m_result; }
    // The restart the workflow is waiting for in AwaitRestart.
    StepResult::Restart pendingRestart() const { return m_restart; }
    Resume resumeAfterRestart() const { return m_resumeAfterRestart; }

    // The agent's download of every artifact ended (success: all present and verified).
    void downloadFinished(const StepResult &result);
    // A closed maintenance window opened (or the operator's instruction changed to install).
    void setInstallAllowed(bool allowed);
    // Cancels if the phase allows it (before Install); true when the workflow will end Canceled.
    bool cancel();
    static bool isCancellable(Phase phase);

Q_SIGNALS:
    void phaseChanged(Flotilla::Agent::UpdateWorkflow::Phase phase, int item);
    void downloadRequested();
    // Entered AwaitRestart: the state is to be saved, then the device rebooted or the agent restarted.
    void restartRequested(Flotilla::Agent::StepResult::Restart restart);
    void ended(Flotilla::Agent::UpdateWorkflow::Phase phase);
    // Internal: what the running phase came to. Drives the state machine's transitions.
    void outcome(int what);

private:
    enum Outcome : int {
        Success,
        Failure,
        Restart,
        Cancel,
        Installed,
        NotInstalled,
        Interrupted,
        WaitForWindow,
        DownloadOnly,
        ResumeAt, // + Phase
    };

    QAbstractState *addPhase(Phase phase);
    void addTransition(Phase from, int what, Phase to);
    void enter(Phase phase);
    void runStep(Step step);
    void stepFinished(Step step, const StepResult &result);
    void runHealthCheck();
    void runRestore();
    void emitOutcome(int what);

    HandlerLookup m_handlers;
    QString m_healthCommand;
    int m_healthTimeoutSeconds;
    QStateMachine *m_machine = nullptr;
    QMap<Phase, QAbstractState *> m_states;
    Job m_job;
    Resume m_resume;
    Phase m_phase = Phase::ProcessDeployment;
    int m_item = 0;
    bool m_cancelRequested = false;
    bool m_waitingForDownload = false;
    StepResult m_result;
    StepResult::Restart m_restart = StepResult::Restart::None;
    StepResult::Restart m_deferredRestart = StepResult::Restart::None;
    Resume m_resumeAfterRestart;
    QList<int> m_restoreFailures;
    QPointer<StepHandler> m_running;
    QMetaObject::Connection m_runningConnection;
    QProcess *m_health = nullptr;
    quint64 m_generation = 0;
};

} // namespace Flotilla::Agent
