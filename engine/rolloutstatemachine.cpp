#include "engine/rolloutstatemachine.h"

#include <array>

namespace Flotilla {

namespace {
constexpr std::array<const char *, 14> rolloutEventNames = { "Created",
                                                             "CreatedNeedsApproval",
                                                             "Approve",
                                                             "Deny",
                                                             "Start",
                                                             "GroupsScheduled",
                                                             "Pause",
                                                             "ErrorThresholdHit",
                                                             "SuccessPause",
                                                             "Resume",
                                                             "Stop",
                                                             "ActionsStopped",
                                                             "AllGroupsFinished",
                                                             "GroupAppended" };
constexpr std::array<const char *, 5> groupEventNames
    = { "Filled", "RolloutStarted", "Start", "AllClosed", "ErrorThreshold" };
} // namespace

QString nameOf(RolloutEvent event)
{
    return QString::fromLatin1(rolloutEventNames.at(static_cast<std::size_t>(event)));
}

QString nameOf(RolloutGroupEvent event)
{
    return QString::fromLatin1(groupEventNames.at(static_cast<std::size_t>(event)));
}

RolloutStateMachine::RolloutStateMachine(RolloutState current, QObject *parent)
    : EnumStateMachine(parent)
{
    using S = RolloutState;
    using E = RolloutEvent;
    for (int s = 0; s <= int(S::Finished); ++s)
        addState(S(s));
    addTransition(S::Creating, E::Created, S::Ready);
    addTransition(S::Creating, E::CreatedNeedsApproval, S::WaitingForApproval);
    addTransition(S::WaitingForApproval, E::Approve, S::Ready);
    addTransition(S::WaitingForApproval, E::Deny, S::ApprovalDenied);
    addTransition(S::Ready, E::Start, S::Starting);
    addTransition(S::Starting, E::GroupsScheduled, S::Running);
    addTransition(S::Running, E::Pause, S::Paused);
    addTransition(S::Running, E::ErrorThresholdHit, S::Paused);
    addTransition(S::Running, E::SuccessPause, S::Paused);
    addTransition(S::Paused, E::Resume, S::Running);
    addTransition(S::Running, E::AllGroupsFinished, S::Finished);
    addTransition(S::Running, E::GroupAppended, S::Running);
    addTransition(S::Paused, E::GroupAppended, S::Paused);
    for (S s : { S::Ready, S::Starting, S::Running, S::Paused })
        addTransition(s, E::Stop, S::Stopping);
    addTransition(S::Stopping, E::ActionsStopped, S::Stopped);
    start(current);
}

std::optional<RolloutState> RolloutStateMachine::next(RolloutState current, RolloutEvent event)
{
    RolloutStateMachine machine(current);
    if (!machine.fire(event))
        return std::nullopt;
    return machine.state();
}

RolloutGroupStateMachine::RolloutGroupStateMachine(RolloutGroupState current, QObject *parent)
    : EnumStateMachine(parent)
{
    using S = RolloutGroupState;
    using E = RolloutGroupEvent;
    for (int s = 0; s <= int(S::Error); ++s)
        addState(S(s));
    addTransition(S::Creating, E::Filled, S::Ready);
    addTransition(S::Ready, E::RolloutStarted, S::Scheduled);
    addTransition(S::Scheduled, E::Start, S::Running);
    addTransition(S::Running, E::AllClosed, S::Finished);
    addTransition(S::Running, E::ErrorThreshold, S::Error);
    start(current);
}

std::optional<RolloutGroupState> RolloutGroupStateMachine::next(RolloutGroupState current, RolloutGroupEvent event)
{
    RolloutGroupStateMachine machine(current);
    if (!machine.fire(event))
        return std::nullopt;
    return machine.state();
}

} // namespace Flotilla
