#include "engine/autoassignment.h"

#include <array>

namespace Flotilla {

namespace {
constexpr std::array<const char *, 5> autoAssignmentEventNames = { "Approve", "Deny", "Start", "Pause", "Resume" };
} // namespace

QString nameOf(AutoAssignmentStatus status)
{
    return Vocabulary::nameIn<AutoAssignmentStatus, Vocabulary::Spelling::LowerSnake>(status);
}

std::optional<AutoAssignmentStatus> autoAssignmentStatusFromString(const QString &name)
{
    return Vocabulary::fromName<AutoAssignmentStatus, Vocabulary::Spelling::LowerSnake>(name);
}

QString nameOf(AutoAssignmentEvent event)
{
    return QString::fromLatin1(autoAssignmentEventNames.at(static_cast<std::size_t>(event)));
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
