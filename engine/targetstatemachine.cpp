#include "engine/targetstatemachine.h"

#include <QHash>

#include <array>

namespace Flotilla {

namespace {
constexpr std::array<const char *, 8> targetEventNames = { "Polled",
                                                           "Assigned",
                                                           "ActionFinished",
                                                           "ActionFinishedOthersPending",
                                                           "ActionFailed",
                                                           "ActionCanceled",
                                                           "ActionCanceledOthersPending",
                                                           "InstalledDeclared" };
} // namespace

QString nameOf(TargetState state)
{
    return Vocabulary::nameIn<TargetState, Vocabulary::Spelling::UpperSnake>(state);
}

std::optional<TargetState> targetStateFromString(QStringView name)
{
    return Vocabulary::fromName<TargetState, Vocabulary::Spelling::UpperSnake>(name);
}

QString nameOf(TargetEvent event)
{
    return QString::fromLatin1(targetEventNames.at(static_cast<std::size_t>(event)));
}

TargetStateMachine::TargetStateMachine(TargetState current, QObject *parent)
    : EnumStateMachine(parent)
{
    using S = TargetState;
    using E = TargetEvent;
    for (S s : { S::Unknown, S::Registered, S::Pending, S::InSync, S::Error })
        addState(s);

    // UNKNOWN "until first status update received from the target"; with nothing assigned it is REGISTERED.
    addTransition(S::Unknown, E::Polled, S::Registered);
    for (S s : { S::Registered, S::Pending, S::InSync, S::Error })
        addTransition(s, E::Polled, s);

    // Any assignment makes the target PENDING until the device confirms it.
    for (S s : { S::Unknown, S::Registered, S::Pending, S::InSync, S::Error })
        addTransition(s, E::Assigned, S::Pending);

    // Action outcomes reach a target that has an open action: PENDING, or ERROR while others are still open.
    for (S s : { S::Pending, S::Error }) {
        // FINISHED: "Target will switch to IN_SYNC if no further actions are pending".
        addTransition(s, E::ActionFinished, S::InSync);
        addTransition(s, E::ActionFinishedOthersPending, S::Pending);
        // ERROR: "Target will switch to ERROR and assigned distribution set field will reset".
        addTransition(s, E::ActionFailed, S::Error);
        // CANCELED: "Target will switch to IN_SYNC if no further actions are pending".
        addTransition(s, E::ActionCanceled, S::InSync);
        addTransition(s, E::ActionCanceledOthersPending, S::Pending);
    }
    // A set installed outside Flotilla (installedBase): the target runs what it declares.
    for (S s : { S::Unknown, S::Registered, S::InSync, S::Error })
        addTransition(s, E::InstalledDeclared, S::InSync);
    start(current);
}

std::optional<TargetState> TargetStateMachine::next(TargetState current, TargetEvent event)
{
    // A pure function of (state, event): computed by the machine once per thread, then reused.
    const int key = int(current) * 16 + int(event);
    thread_local QHash<int, std::optional<TargetState>> results;
    if (const auto it = results.constFind(key); it != results.cend())
        return *it;
    TargetStateMachine machine(current);
    const std::optional<TargetState> result
        = machine.fire(event) ? std::optional<TargetState>(machine.state()) : std::nullopt;
    results.insert(key, result);
    return result;
}

} // namespace Flotilla
