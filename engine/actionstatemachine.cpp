#include "engine/actionstatemachine.h"

#include <QHash>

#include <array>

namespace Flotilla {

namespace {

constexpr std::array<const char *, 20> actionEventNames = { "Start",
                                                            "StartForConfirmation",
                                                            "Confirm",
                                                            "Deny",
                                                            "Cancel",
                                                            "AutoClose",
                                                            "ForceQuit",
                                                            "Retrieved",
                                                            "Proceeding",
                                                            "Download",
                                                            "Downloaded",
                                                            "Warning",
                                                            "ClosedSuccess",
                                                            "ClosedFailure",
                                                            "Canceled",
                                                            "CancelClosed",
                                                            "CancelRejected",
                                                            "CancelFailed",
                                                            "CancelProceeding",
                                                            "CancelWarning" };

HistoryStatus recordedStatus(ActionEvent event, ActionState to)
{
    switch (event) {
    case ActionEvent::Start:
    case ActionEvent::Confirm:
    case ActionEvent::Proceeding:
    case ActionEvent::CancelProceeding:
        return HistoryStatus::Running;
    case ActionEvent::StartForConfirmation:
    case ActionEvent::Deny:
        return HistoryStatus::WaitForConfirmation;
    case ActionEvent::Cancel:
        return to == ActionState::Canceled ? HistoryStatus::Canceled : HistoryStatus::Canceling;
    case ActionEvent::AutoClose:
    case ActionEvent::ForceQuit:
    case ActionEvent::Canceled:
    case ActionEvent::CancelClosed:
        return HistoryStatus::Canceled;
    case ActionEvent::Retrieved:
        return HistoryStatus::Retrieved;
    case ActionEvent::Download:
        return HistoryStatus::Download;
    case ActionEvent::Downloaded:
        return HistoryStatus::Downloaded;
    case ActionEvent::Warning:
    case ActionEvent::CancelWarning:
        return HistoryStatus::Warning;
    case ActionEvent::ClosedSuccess:
        return HistoryStatus::Finished;
    case ActionEvent::ClosedFailure:
    case ActionEvent::CancelFailed:
        return HistoryStatus::Error;
    case ActionEvent::CancelRejected:
        return HistoryStatus::CancelRejected;
    }
    return HistoryStatus::Running;
}

} // namespace

QString nameOf(ActionEvent event)
{
    return QString::fromLatin1(actionEventNames.at(static_cast<std::size_t>(event)));
}

ActionStateMachine::ActionStateMachine(ActionState current, bool downloadOnly, QObject *parent)
    : EnumStateMachine(parent)
{
    build(downloadOnly);
    start(current);
}

void ActionStateMachine::build(bool downloadOnly)
{
    using S = ActionState;
    using E = ActionEvent;
    for (S s : { S::Scheduled, S::WaitForConfirmation, S::Running, S::Canceling, S::Canceled, S::Finished, S::Error,
                 S::Downloaded })
        addState(s);

    // SCHEDULED: waits for its rollout group (or the assignment) to start it.
    addTransition(S::Scheduled, E::Start, S::Running);
    addTransition(S::Scheduled, E::StartForConfirmation, S::WaitForConfirmation);
    addTransition(S::Scheduled, E::Cancel, S::Canceled); // the device never saw it: nothing to confirm
    addTransition(S::Scheduled, E::AutoClose, S::Canceled);

    // WAIT_FOR_CONFIRMATION: "Accepting the action will change the state to RUNNING"; "Rejecting the action will
    // preserve the WAIT_FOR_CONFIRMATION state"; "you could cancel it, which will change the state to cancelled".
    addTransition(S::WaitForConfirmation, E::Confirm, S::Running);
    addTransition(S::WaitForConfirmation, E::Deny, S::WaitForConfirmation);
    addTransition(S::WaitForConfirmation, E::Cancel, S::Canceled);
    addTransition(S::WaitForConfirmation, E::AutoClose, S::Canceled);
    addTransition(S::WaitForConfirmation, E::Retrieved, S::WaitForConfirmation);

    // RUNNING and CANCELING take the same regular feedback: "the update server still accepts regular feedback as
    // if the cancellation never happened in the first place".
    for (S s : { S::Running, S::Canceling }) {
        addTransition(s, E::Retrieved, s);
        addTransition(s, E::Proceeding, s);
        addTransition(s, E::Download, s);
        addTransition(s, E::Warning, s);
        addTransition(s, E::Downloaded, downloadOnly ? S::Downloaded : s);
        addTransition(s, E::ClosedSuccess, S::Finished);
        addTransition(s, E::ClosedFailure, S::Error);
        addTransition(s, E::Canceled, S::Canceled);
        addTransition(s, E::AutoClose, S::Canceled);
    }
    addTransition(S::Running, E::Cancel, S::Canceling);

    // CANCELING: the device confirms ("closed") or rejects the cancellation.
    addTransition(S::Canceling, E::CancelClosed, S::Canceled);
    addTransition(S::Canceling, E::CancelRejected, S::Running);
    addTransition(S::Canceling, E::CancelFailed, S::Running);
    addTransition(S::Canceling, E::CancelProceeding, S::Canceling);
    addTransition(S::Canceling, E::CancelWarning, S::Canceling);
    addTransition(S::Canceling, E::ForceQuit, S::Canceled);

    // CANCELED, FINISHED, ERROR, DOWNLOADED are closed: no transitions out.
}

ActionOutcome ActionStateMachine::apply(ActionEvent event)
{
    ActionOutcome outcome;
    outcome.from = state();
    if (!fire(event)) {
        outcome.refusal = isClosed(outcome.from) ? ActionRefusal::Closed : ActionRefusal::NotApplicable;
        outcome.to = outcome.from;
        return outcome;
    }
    outcome.to = state();
    outcome.recorded = recordedStatus(event, outcome.to);
    return outcome;
}

ActionOutcome ActionStateMachine::apply(const Action &action, ActionEvent event)
{
    // The outcome depends only on (state, event, download-only): the machine computes it once per thread, and
    // later calls reuse it, so hot paths (feedback, bulk assignment) do not build a QStateMachine per event.
    const bool downloadOnly = action.type == ActionType::DownloadOnly;
    const int key = (int(action.state) * 32 + int(event)) * 2 + (downloadOnly ? 1 : 0);
    thread_local QHash<int, ActionOutcome> outcomes;
    if (const auto it = outcomes.constFind(key); it != outcomes.cend())
        return *it;
    ActionStateMachine machine(action.state, downloadOnly);
    const ActionOutcome outcome = machine.apply(event);
    outcomes.insert(key, outcome);
    return outcome;
}

} // namespace Flotilla
