#include "action.h"

#include <array>

namespace Flotilla {

namespace {

constexpr std::array<const char *, 8> stateNames
    = { "SCHEDULED", "WAIT_FOR_CONFIRMATION", "RUNNING", "CANCELING", "CANCELED", "FINISHED", "ERROR", "DOWNLOADED" };
constexpr std::array<const char *, 12> historyNames
    = { "FINISHED",  "ERROR",    "WARNING",   "RUNNING",         "CANCELED",   "CANCELING",
        "RETRIEVED", "DOWNLOAD", "SCHEDULED", "CANCEL_REJECTED", "DOWNLOADED", "WAIT_FOR_CONFIRMATION" };
constexpr std::array<const char *, 4> typeNames = { "forced", "soft", "downloadonly", "timeforced" };

template<typename E, std::size_t N>
std::optional<E> fromName(const std::array<const char *, N> &names, QStringView name, Qt::CaseSensitivity cs)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name.compare(QLatin1StringView(names[i]), cs) == 0)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

} // namespace

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
    return QString::fromLatin1(stateNames.at(static_cast<std::size_t>(state)));
}

QString nameOf(HistoryStatus status)
{
    return QString::fromLatin1(historyNames.at(static_cast<std::size_t>(status)));
}

QString nameOf(ActionType type)
{
    return QString::fromLatin1(typeNames.at(static_cast<std::size_t>(type)));
}

std::optional<ActionState> actionStateFromString(QStringView name)
{
    return fromName<ActionState>(stateNames, name, Qt::CaseInsensitive);
}

std::optional<HistoryStatus> historyStatusFromString(QStringView name)
{
    return fromName<HistoryStatus>(historyNames, name, Qt::CaseInsensitive);
}

std::optional<ActionType> actionTypeFromString(QStringView name)
{
    return fromName<ActionType>(typeNames, name, Qt::CaseInsensitive);
}

bool Action::isForcedAt(const QDateTime &now) const
{
    return type == ActionType::Forced || (type == ActionType::TimeForced && forceTime.isValid() && now >= forceTime);
}

} // namespace Flotilla
