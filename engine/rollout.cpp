#include "engine/rollout.h"

#include <cmath>

namespace Flotilla {

QString nameOf(RolloutState state)
{
    return Vocabulary::nameIn<RolloutState, Vocabulary::Spelling::UpperSnake>(state);
}

QString nameOf(RolloutGroupState state)
{
    return Vocabulary::nameIn<RolloutGroupState, Vocabulary::Spelling::UpperSnake>(state);
}

std::optional<RolloutState> rolloutStateFromString(QStringView name)
{
    return Vocabulary::fromName<RolloutState, Vocabulary::Spelling::UpperSnake>(name);
}

std::optional<RolloutGroupState> rolloutGroupStateFromString(QStringView name)
{
    return Vocabulary::fromName<RolloutGroupState, Vocabulary::Spelling::UpperSnake>(name);
}

void addToCounts(GroupCounts &c, ActionState state, int n)
{
    c.total += n;
    if (state == ActionState::Finished || state == ActionState::Downloaded)
        c.finished += n;
    else if (state == ActionState::Error)
        c.error += n;
    else if (state == ActionState::Canceled)
        c.canceled += n;
    else if (!isClosed(state))
        c.running += n;
    if (state == ActionState::Scheduled)
        c.scheduled += n;
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
