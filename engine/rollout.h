#pragma once

#include "engine/action.h"

#include <QList>

#include <optional>

namespace Flotilla {

enum class SuccessAction : quint8 { NextGroup, Pause };

QString nameOf(RolloutState state);
QString nameOf(RolloutGroupState state);
std::optional<RolloutState> rolloutStateFromString(QStringView name);
std::optional<RolloutGroupState> rolloutGroupStateFromString(QStringView name);

// Counts of a group's actions by outcome, as thresholds see them.
struct GroupCounts
{
    int total = 0;
    int finished = 0; // FINISHED, or DOWNLOADED for download-only rollouts
    int error = 0;
    int running = 0; // still open (scheduled ones included)
    int scheduled = 0; // created, the group not started yet
    int canceled = 0;
};

// Thresholds in percent of the group's targets (hawkBit: success if finished/total >= pct; error if
// errors/total > pct).
struct GroupConditions
{
    int successThresholdPercent = 100;
    SuccessAction successAction = SuccessAction::NextGroup;
    int errorThresholdPercent = 100; // > 100 never triggers; 0 triggers on the first error
};

// Counts n actions in this state (the one rule both stores count by).
void addToCounts(GroupCounts &counts, ActionState state, int n = 1);

bool successReached(const GroupCounts &counts, const GroupConditions &conditions);
bool errorExceeded(const GroupCounts &counts, const GroupConditions &conditions);

struct RolloutGroup
{
    qint64 id = 0;
    qint64 rolloutId = 0;
    QString name;
    int position = 0; // 0-based order within the rollout
    RolloutGroupState state = RolloutGroupState::Creating;
    GroupConditions conditions;
    double targetPercentage = 100; // share of the targets still unassigned when the group is filled
    int targetCount = 0;
    QString description;
    QString targetFilterQuery; // narrows the rollout's filter for this group (hawkBit's group filter)
    std::optional<bool> confirmationRequired; // unset: the rollout's
};

struct Rollout
{
    qint64 id = 0;
    QString name;
    QString description;
    QString targetFilterQuery;
    qint64 distributionSetId = 0;
    ActionType type = ActionType::Forced;
    QDateTime forceTime;
    QDateTime startAt; // invalid: start on request
    int weight = DefaultWeight;
    bool confirmationRequired = false;
    bool dynamic = false;
    RolloutState state = RolloutState::Creating;
    QDateTime createdAt;
};

// How targets are split into groups.
namespace RolloutPlanner {
// amountGroups groups of (almost) equal size; the first groups take the remainder.
QList<int> splitByCount(int targets, int amountGroups);
// Each group takes its percentage of the targets still left when it is filled (rounded half up); a last group
// of 100% takes all that remain. Targets a group list does not cover stay out of the rollout.
QList<int> splitByPercentages(int targets, const QList<double> &percentages);
} // namespace RolloutPlanner

} // namespace Flotilla
