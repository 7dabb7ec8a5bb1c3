#pragma once

#include "backend/rsqlcompiler.h"
#include "backend/sqlaggregate.h"
#include "engine/rolloutstore.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

namespace Flotilla {

// Rollouts and their groups on SQL: the engine's RolloutStore, and the Management API's pages, statistics and
// changes, and the actions of a rollout as spans in time for charts and timelines. Part of one SqlStore.
class SqlRolloutStore final
    : public RolloutStore
    , private SqlAggregate
{
public:
    explicit SqlRolloutStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    Result<qint64> insertRollout(const Rollout &rollout) override;
    Lookup<Rollout> rollout(qint64 id) override;
    Result<QList<qint64>> rolloutIdsInStates(const QList<RolloutState> &states) override;
    Result<void> updateRolloutState(qint64 id, RolloutState state) override;
    Result<qint64> insertRolloutGroup(const RolloutGroup &group) override;
    Result<QList<RolloutGroup>> rolloutGroups(qint64 rolloutId) override;
    Result<void> updateRolloutGroupState(qint64 groupId, RolloutGroupState state) override;
    Result<void> addRolloutGroupTargets(qint64 groupId, const QList<qint64> &targetIds) override;
    Result<QList<qint64>> rolloutGroupTargets(qint64 groupId) override;
    Result<QList<Action>> rolloutGroupActions(qint64 groupId) override;
    Result<GroupCounts> rolloutGroupCounts(qint64 groupId) override;

    // One page of rollouts ("rollouts r") in one query, and what each row shows for a whole page in one more: the
    // rollouts' groups (by position), the groups' action counts. A failed statement is a Failure.
    Result<QList<Rollout>> rolloutsWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                         int offset, int limit);
    Result<QHash<qint64, QList<RolloutGroup>>> rolloutGroupsOf(const QList<qint64> &rolloutIds);
    Result<QHash<qint64, GroupCounts>> rolloutGroupCountsOf(const QList<qint64> &groupIds);
    // The targets of a rollout group as a condition over "targets t" (SqlTargetStore::targetsWhere): a whole list
    // in one query, not one read per target.
    static SqlCondition targetsOfRolloutGroup(qint64 groupId);
    Result<int> countActionsOfRollout(qint64 rolloutId);
    Result<void> deleteRollout(qint64 rolloutId); // groups and their target lists; actions keep their history
    Lookup<Rollout> rolloutNamed(const QString &name); // names are unique
    // hawkBit's MgmtRolloutRestRequestBodyPut.
    Result<void> updateRolloutText(qint64 id, const QString &name, const QString &description);
    Result<QList<qint64>> rolloutIdsOfSet(qint64 setId);
    // hawkBit's set statistics: how many of the set's rollouts are in each state.
    Result<QMap<RolloutState, qint64>> rolloutCountsOfSet(qint64 setId);
    Result<QMap<RolloutState, qint64>> rolloutCounts(); // every rollout, by state

    // A rollout's actions as spans in time, for charts and timelines: created, started (the first history entry
    // that is neither SCHEDULED nor WAIT_FOR_CONFIRMATION; null while it has none) and closed (null while open).
    struct ActionSpan
    {
        qint64 id = 0;
        QString controllerId;
        qint64 groupId = 0;
        ActionState state = ActionState::Scheduled;
        QDateTime createdAt;
        QDateTime startedAt;
        QDateTime closedAt;
    };
    Result<QList<ActionSpan>> rolloutActionSpans(qint64 rolloutId, int offset, int limit);
};

} // namespace Flotilla
