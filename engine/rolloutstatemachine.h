#pragma once

#include "engine/enumstatemachine.h"
#include "engine/rollout.h"

namespace Flotilla {

enum class RolloutEvent : quint8 {
    Created, // groups are filled, no approval needed
    CreatedNeedsApproval, // groups are filled, approval is enabled for the tenant
    Approve,
    Deny,
    Start, // the operator starts it, or its start time has come
    GroupsScheduled, // all groups scheduled and the first one running
    Pause, // the operator pauses it
    ErrorThresholdHit, // a group's error threshold was exceeded (error action: pause)
    SuccessPause, // a group reached its success threshold with success action "pause"
    Resume,
    Stop,
    ActionsStopped, // the open actions of a stopping rollout are canceled
    AllGroupsFinished,
    GroupAppended, // a dynamic rollout added a group for targets that match later
};

enum class RolloutGroupEvent : quint8 {
    Filled, // CREATING -> READY: targets assigned to the group
    RolloutStarted, // READY -> SCHEDULED
    Start, // SCHEDULED -> RUNNING: first group, or the previous group's success threshold
    AllClosed, // RUNNING -> FINISHED: every action of the group is closed
    ErrorThreshold, // RUNNING -> ERROR
};

QString nameOf(RolloutEvent event);
QString nameOf(RolloutGroupEvent event);

// The rollout state machine (hawkBit's Rollout states) on QStateMachine.
class RolloutStateMachine : public EnumStateMachine<RolloutState, RolloutEvent>
{
    Q_OBJECT
public:
    explicit RolloutStateMachine(RolloutState current, QObject *parent = nullptr);
    static std::optional<RolloutState> next(RolloutState current, RolloutEvent event);
    // What the console offers for a rollout in this state.
    static bool allows(RolloutState current, RolloutEvent event) { return next(current, event).has_value(); }
};

class RolloutGroupStateMachine : public EnumStateMachine<RolloutGroupState, RolloutGroupEvent>
{
    Q_OBJECT
public:
    explicit RolloutGroupStateMachine(RolloutGroupState current, QObject *parent = nullptr);
    static std::optional<RolloutGroupState> next(RolloutGroupState current, RolloutGroupEvent event);
};

} // namespace Flotilla
