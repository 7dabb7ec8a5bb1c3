#pragma once

// What flotilla-agent persists (AosCore: "state persisted on every transition"): the action in
// progress with its deployment as the server sent it, the workflow phase and chunk, the restart it waits for,
// the loop counter, and the feedback not yet acknowledged by the server, in order. One JSON file in the state
// directory, replaced atomically on every change; a torn or unreadable file is reported and set aside, and the
// agent starts clean.
#include "agent/workflow/updateworkflow.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Flotilla::Agent {

struct PendingFeedback
{
    QString actionId;
    QString href; // where it goes (a link the server handed out, + "/feedback")
    QByteArray body; // carries its own timestamp: a re-sent copy is recognised by the server
    QString summary; // for the log
};

struct CurrentAction
{
    QString actionId;
    QString deploymentHref;
    QByteArray deployment; // the deploymentBase body, decoded again on restart
    UpdateWorkflow::Phase phase = UpdateWorkflow::Phase::ProcessDeployment;
    int item = 0;
    UpdateWorkflow::Phase resumePhase = UpdateWorkflow::Phase::ProcessDeployment; // after AwaitRestart
    int resumeItem = 0;
    StepResult::Restart restart = StepResult::Restart::None;
    QString failure; // the error that sent it to Restore (kept through Restore)
    int failureCode = 0;
    QString bootId; // the boot the last save happened in
    int starts = 0; // agent starts that found this action in progress (the loop guard)
    bool cancelRequested = false;
    QString cancelStopId;
    QString cancelHref;
    bool feedbackStarted = false; // "proceeding" sent
    bool downloadedReported = false;
};

struct AgentState
{
    std::optional<CurrentAction> current;
    QList<PendingFeedback> feedback;
    QString lastActionId; // the last action that ended here, and how
    QString lastOutcome;
    QString installedTitle; // what the last successful action installed ("rootfs 2.0, mcu 3.1")
    QDateTime lastCheck;
    QStringList consentAnswered; // actions whose consent question this agent answered (not asked again)
    QStringList endedActions; // the last actions that ended here: never started again, even if the server
                              // presents one before its final feedback arrived

    QByteArray encode() const;
    static std::optional<AgentState> decode(const QByteArray &json, QString *error);
};

// The file: <state dir>/state.json.
class StateFile
{
public:
    explicit StateFile(const QString &directory);
    QString path() const { return m_path; }
    // The saved state; an empty state when there is none. A torn or unreadable file is renamed to
    // state.json.broken-<time> and reported in *problem; the agent then starts clean.
    AgentState load(QString *problem);
    bool save(const AgentState &state, QString *error);

private:
    QString m_path;
};

} // namespace Flotilla::Agent
