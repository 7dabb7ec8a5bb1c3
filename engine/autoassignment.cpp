#include "autoassignment.h"

#include <array>

namespace Flotilla {

namespace {
constexpr std::array<const char *, 5> statusNames
    = { "waiting_for_approval", "approval_denied", "ready", "paused", "running" };
constexpr std::array<const char *, 5> eventNames = { "Approve", "Deny", "Start", "Pause", "Resume" };
} // namespace

QString nameOf(AutoAssignmentStatus status)
{
    return QString::fromLatin1(statusNames.at(static_cast<std::size_t>(status)));
}

std::optional<AutoAssignmentStatus> autoAssignmentStatusFromString(const QString &name)
{
    for (std::size_t i = 0; i < statusNames.size(); ++i) {
        if (name.compare(QLatin1StringView(statusNames.at(i)), Qt::CaseInsensitive) == 0)
            return AutoAssignmentStatus(i);
    }
    return std::nullopt;
}

QString nameOf(AutoAssignmentEvent event)
{
    return QString::fromLatin1(eventNames.at(static_cast<std::size_t>(event)));
}

AutoAssignmentStateMachine::AutoAssignmentStateMachine(AutoAssignmentStatus current, QObject *parent)
    : EnumStateMachine(parent)
{
    using S = AutoAssignmentStatus;
    using E = AutoAssignmentEvent;
    for (int s = 0; s <= int(S::Running); ++s)
        addState(S(s));
    addTransition(S::WaitingForApproval, E::Approve, S::Ready);
    addTransition(S::WaitingForApproval, E::Deny, S::ApprovalDenied);
    addTransition(S::Ready, E::Start, S::Running);
    addTransition(S::Running, E::Pause, S::Paused);
    addTransition(S::Paused, E::Resume, S::Running);
    start(current);
}

std::optional<AutoAssignmentStatus> AutoAssignmentStateMachine::next(AutoAssignmentStatus current,
                                                                     AutoAssignmentEvent event)
{
    AutoAssignmentStateMachine machine(current);
    if (!machine.fire(event))
        return std::nullopt;
    return machine.state();
}

} // namespace Flotilla
