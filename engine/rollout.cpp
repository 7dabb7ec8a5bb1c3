#include "rollout.h"

#include <array>
#include <cmath>

namespace Flotilla {

namespace {
constexpr std::array<const char *, 10> rolloutNames = { "CREATING",        "WAITING_FOR_APPROVAL",
                                                        "APPROVAL_DENIED", "READY",
                                                        "STARTING",        "RUNNING",
                                                        "PAUSED",          "STOPPING",
                                                        "STOPPED",         "FINISHED" };
constexpr std::array<const char *, 6> groupNames = { "CREATING", "READY", "SCHEDULED", "RUNNING", "FINISHED", "ERROR" };

template<typename E, std::size_t N>
std::optional<E> fromName(const std::array<const char *, N> &names, QStringView name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name.compare(QLatin1StringView(names[i]), Qt::CaseInsensitive) == 0)
            return static_cast<E>(i);
    }
    return std::nullopt;
}
} // namespace

QString nameOf(RolloutState state)
{
    return QString::fromLatin1(rolloutNames.at(static_cast<std::size_t>(state)));
}

QString nameOf(RolloutGroupState state)
{
    return QString::fromLatin1(groupNames.at(static_cast<std::size_t>(state)));
}

std::optional<RolloutState> rolloutStateFromString(QStringView name)
{
    return fromName<RolloutState>(rolloutNames, name);
}

std::optional<RolloutGroupState> rolloutGroupStateFromString(QStringView name)
{
    return fromName<RolloutGroupState>(groupNames, name);
}

bool successReached(const GroupCounts &counts, const GroupConditions &conditions)
{
    if (counts.total <= 0)
        return true; // an empty group has nothing to wait for
    return qint64(counts.finished) * 100 >= qint64(conditions.successThresholdPercent) * counts.total;
}

bool errorExceeded(const GroupCounts &counts, const GroupConditions &conditions)
{
    if (counts.total <= 0)
        return false;
    return qint64(counts.error) * 100 > qint64(conditions.errorThresholdPercent) * counts.total;
}

QList<int> RolloutPlanner::splitByCount(int targets, int amountGroups)
{
    QList<int> sizes;
    if (amountGroups <= 0)
        return sizes;
    const int base = targets / amountGroups;
    const int remainder = targets % amountGroups;
    for (int i = 0; i < amountGroups; ++i)
        sizes.append(base + (i < remainder ? 1 : 0));
    return sizes;
}

QList<int> RolloutPlanner::splitByPercentages(int targets, const QList<double> &percentages)
{
    QList<int> sizes;
    int left = targets;
    for (double pct : percentages) {
        const double clamped = std::clamp(pct, 0.0, 100.0);
        const int n = clamped >= 100.0 ? left : std::min(left, int(std::floor(left * clamped / 100.0 + 0.5)));
        sizes.append(n);
        left -= n;
    }
    return sizes;
}

} // namespace Flotilla
