#pragma once

#include "backend/rsqlcompiler.h"
#include "backend/sqlaggregate.h"
#include "engine/targetstore.h"

#include <QHash>

namespace Flotilla {

// Targets on SQL: the engine's TargetStore, and what the Management API and the console's overview read and write
// of them (pages, target groups, deletion, fleet counts). Part of one SqlStore (its connection and session).
class SqlTargetStore final
    : public TargetStore
    , private SqlAggregate
{
public:
    explicit SqlTargetStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    Result<qint64> insertTarget(const Target &target) override;
    Lookup<Target> target(qint64 id) override;
    Lookup<Target> targetByControllerId(const QString &controllerId) override;
    Result<void> updateTarget(const Target &target) override;
    // A statement per thousand targets; updateTargets on PostgreSQL a statement per 500 (UPDATE ... FROM VALUES), on
    // SQLite, where a statement is no round trip, one by one.
    Result<QHash<qint64, Target>> targetsById(const QList<qint64> &ids) override;
    Result<void> updateTargets(const QList<Target> &targets) override;
    Lookup<DeviceTarget> deviceTarget(const QString &controllerId) override;
    Result<QList<qint64>> targetIdsMatching(const QString &rsqlFilter) override;
    Result<void> recordPolls(const QList<PollRecord> &polls) override;
    Result<void> recordPoll(const PollRecord &poll, TargetState state) override;
    Result<QMap<QString, QString>> targetAttributes(qint64 targetId) override;
    Result<void> setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes) override;

    // Listings for the Management API. where is compiled RSQL over "targets t" (placeholders only); orderBy is one
    // of the caller's own column lists, never user text. A failed statement is a Failure (code "flotilla.store"),
    // never an empty page.
    Result<QList<Target>> targetsWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                       int offset, int limit);
    Result<int> countTargetsWhere(const QString &where, const QVariantList &binds);
    // The attributes of the targets matching compiled RSQL over "targets t", by target id, in one query.
    Result<QHash<qint64, QMap<QString, QString>>> targetAttributesWhere(const QString &where,
                                                                        const QVariantList &binds);
    // Conditions over "targets t" for targetsWhere / countTargetsWhere, to combine with compiled RSQL: the targets
    // of a group (with its subgroups: the group and every path below it), and those a set is assigned to or
    // installed on.
    static SqlCondition targetsInGroup(const QString &group, bool withSubgroups);
    static SqlCondition targetsWithSet(qint64 setId, bool installed);
    // Puts targets in a target group (empty: in none), in one transaction; and the groups targets are in, sorted.
    Result<void> setTargetGroup(const QList<qint64> &targetIds, const QString &group);
    Result<QStringList> targetGroups();
    // Removes a target with its actions, their history and its attributes.
    Result<void> deleteTarget(qint64 targetId);

    // The console's overview, one query. Targets by update status (index: TargetState), those that never polled,
    // and those whose last poll is older than overdueBeforeMs.
    struct FleetCounts
    {
        QList<qint64> byState = QList<qint64>(int(TargetState::Error) + 1, 0);
        qint64 total = 0;
        qint64 neverSeen = 0;
        qint64 overdue = 0;
        qint64 oldestFreshPoll = 0; // ms: the oldest last poll not yet overdue (0: none), when the next one turns
    };
    Result<FleetCounts> fleetCounts(qint64 overdueBeforeMs);

private:
    // sql selects targetColumns with one bound value.
    Lookup<Target> targetWhere(const QString &sql, const QVariant &value);
};

} // namespace Flotilla
