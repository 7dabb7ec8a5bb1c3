#include "engine/action.h"

namespace Flotilla {

bool isClosed(ActionState state)
{
    switch (state) {
    case ActionState::Canceled:
    case ActionState::Finished:
    case ActionState::Error:
    case ActionState::Downloaded:
        return true;
    case ActionState::Scheduled:
    case ActionState::WaitForConfirmation:
    case ActionState::Running:
    case ActionState::Canceling:
        return false;
    }
    return false;
}

QString nameOf(ActionState state)
{
    return Vocabulary::nameIn<ActionState, Vocabulary::Spelling::UpperSnake>(state);
}

QString nameOf(HistoryStatus status)
{
    return Vocabulary::nameIn<HistoryStatus, Vocabulary::Spelling::UpperSnake>(status);
}

QString nameOf(ActionType type)
{
    return Vocabulary::nameIn<ActionType, Vocabulary::Spelling::LowerRun>(type);
}

std::optional<ActionState> actionStateFromString(QStringView name)
{
    return Vocabulary::fromName<ActionState, Vocabulary::Spelling::UpperSnake>(name);
}

std::optional<HistoryStatus> historyStatusFromString(QStringView name)
{
    return Vocabulary::fromName<HistoryStatus, Vocabulary::Spelling::UpperSnake>(name);
}

std::optional<ActionType> actionTypeFromString(QStringView name)
{
    return Vocabulary::fromName<ActionType, Vocabulary::Spelling::LowerRun>(name);
}

bool Action::isForcedAt(const QDateTime &now) const
{
    return type == ActionType::Forced || (type == ActionType::TimeForced && forceTime.isValid() && now >= forceTime);
}

} // namespace Flotilla
