#pragma once

#include "engine/action.h"
#include "engine/enumstatemachine.h"

namespace Flotilla {

// What can happen to an action: decisions of the server and the operator, and the device's feedback as the
// DDI API maps it (deploymentBase feedback and cancelAction feedback are different events).
enum class ActionEvent : quint8 {
    // server and operator
    Start, // a scheduled action becomes active
    StartForConfirmation, // ... and must first be confirmed on the device (consent flow)
    Confirm, // consent given (by the device, auto-confirm or the operator)
    Deny, // consent refused by the device: the action stays waiting (Bosch IoT Rollouts' consent flow)
    Cancel, // operator cancel or a new assignment without auto-close
    AutoClose, // a new assignment with auto-close: closed without asking the device
    ForceQuit, // operator force-quits a canceling action
    // deploymentBase: server-side marker and device feedback
    Retrieved, // the device fetched the action
    Proceeding, // execution proceeding | scheduled | resumed
    Download, // execution download
    Downloaded, // execution downloaded
    Warning, // execution rejected
    ClosedSuccess, // execution closed, finished success | none
    ClosedFailure, // execution closed, finished failure
    Canceled, // execution canceled
    // cancelAction feedback
    CancelClosed, // closed success | none: the cancellation is accepted
    CancelRejected, // rejected: back to RUNNING
    CancelFailed, // closed failure: the cancellation failed, back to RUNNING
    CancelProceeding, // anything else: logged
    CancelWarning, // canceled (not how a device accepts a cancel): logged as a warning
};

QString nameOf(ActionEvent event);

enum class ActionRefusal : quint8 {
    None,
    Closed, // the action is closed: no event changes it any more (DDI: 410 Gone)
    NotApplicable // not an event for the action's current state (DDI: 404 or 405, depending on the resource)
};

struct ActionOutcome
{
    ActionRefusal refusal = ActionRefusal::None;
    ActionState from = ActionState::Running;
    ActionState to = ActionState::Running;
    HistoryStatus recorded = HistoryStatus::Running; // the status history entry the event adds

    bool accepted() const { return refusal == ActionRefusal::None; }
    bool closedAction() const { return accepted() && !isClosed(from) && isClosed(to); }
};

// The action state machine of seeds 000 and 001 on QStateMachine, built from an action's stored state for the
// event at hand. Download-only actions close on DOWNLOADED; others log it.
class ActionStateMachine : public EnumStateMachine<ActionState, ActionEvent>
{
    Q_OBJECT
public:
    explicit ActionStateMachine(ActionState current, bool downloadOnly = false, QObject *parent = nullptr);

    ActionOutcome apply(ActionEvent event);

    // Builds a machine for the action, applies the event, and drops the machine.
    static ActionOutcome apply(const Action &action, ActionEvent event);

private:
    void build(bool downloadOnly);
};

} // namespace Flotilla
