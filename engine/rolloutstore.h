#pragma once

#include "engine/action.h"
#include "engine/result.h"
#include "engine/rollout.h"

#include <QList>

#include <optional>

namespace Flotilla {

// Rollouts, their groups and which targets each group holds.
class RolloutStore
{
public:
    virtual ~RolloutStore() = default;

    virtual Result<qint64> insertRollout(const Rollout &rollout) = 0; // the new id
    virtual Lookup<Rollout> rollout(qint64 id) = 0;
    virtual Result<QList<qint64>> rolloutIdsInStates(const QList<RolloutState> &states) = 0; // oldest first
    virtual Result<void> updateRolloutState(qint64 id, RolloutState state) = 0;
    virtual Result<qint64> insertRolloutGroup(const RolloutGroup &group) = 0; // the new id
    virtual Result<QList<RolloutGroup>> rolloutGroups(qint64 rolloutId) = 0; // by position, with targetCount
    virtual Result<void> updateRolloutGroupState(qint64 groupId, RolloutGroupState state) = 0;
    virtual Result<void> addRolloutGroupTargets(qint64 groupId, const QList<qint64> &targetIds) = 0;
    virtual Result<QList<qint64>> rolloutGroupTargets(qint64 groupId) = 0;
    virtual Result<QList<Action>> rolloutGroupActions(qint64 groupId) = 0;
    virtual Result<GroupCounts> rolloutGroupCounts(qint64 groupId) = 0; // counted by the database
};

} // namespace Flotilla
