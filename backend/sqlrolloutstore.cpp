#include "backend/sqlrolloutstore.h"

#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QSqlQuery>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {

const QString rolloutColumns
    = QStringLiteral("id, name, description, target_filter, ds_id, type, force_time, start_at, "
                     "weight, confirmation_required, dynamic, state, created_at");

Rollout rolloutFrom(const QSqlQuery &q)
{
    Rollout r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.description = q.value(2).toString();
    r.targetFilterQuery = q.value(3).toString();
    r.distributionSetId = q.value(4).toLongLong();
    r.type = ActionType(q.value(5).toInt());
    r.forceTime = fromMs(q.value(6));
    r.startAt = fromMs(q.value(7));
    r.weight = q.value(8).toInt();
    r.confirmationRequired = q.value(9).toInt() != 0;
    r.dynamic = q.value(10).toInt() != 0;
    r.state = RolloutState(q.value(11).toInt());
    r.createdAt = fromMs(q.value(12));
    return r;
}

// Over "rollout_groups g", with the group's target count.
const QString groupColumns
    = QStringLiteral("g.id, g.rollout_id, g.position, g.name, g.state, g.success_pct, g.success_action, g.error_pct, "
                     "g.target_pct, (SELECT COUNT(*) FROM rollout_group_targets t WHERE t.group_id = g.id), "
                     "g.description, g.target_filter, g.confirmation_required");

RolloutGroup groupFrom(const QSqlQuery &q)
{
    RolloutGroup g;
    g.id = q.value(0).toLongLong();
    g.rolloutId = q.value(1).toLongLong();
    g.position = q.value(2).toInt();
    g.name = q.value(3).toString();
    g.state = RolloutGroupState(q.value(4).toInt());
    g.conditions.successThresholdPercent = q.value(5).toInt();
    g.conditions.successAction = SuccessAction(q.value(6).toInt());
    g.conditions.errorThresholdPercent = q.value(7).toInt();
    g.targetPercentage = q.value(8).toDouble();
    g.targetCount = q.value(9).toInt();
    g.description = q.value(10).toString();
    g.targetFilterQuery = q.value(11).toString();
    if (!q.value(12).isNull())
        g.confirmationRequired = q.value(12).toInt() != 0;
    return g;
}

} // namespace

Lookup<Rollout> SqlRolloutStore::rolloutNamed(const QString &name)
{
    Result<QList<Rollout>> named = rolloutsWhere(QStringLiteral("r.name = ?"), { name }, QStringLiteral("r.id"), 0, 1);
    if (!named)
        return named.error();
    if (named->isEmpty())
        return std::nullopt;
    return named->first();
}

Result<void> SqlRolloutStore::updateRolloutText(qint64 id, const QString &name, const QString &description)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE rollouts SET name = ?, description = ? WHERE id = ?"));
    q.addBindValue(name);
    q.addBindValue(description);
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("updating rollout %1").arg(id), q);
    changed(StoreChange::Kind::RolloutChanged, id);
    return {};
}

Result<QList<qint64>> SqlRolloutStore::rolloutIdsOfSet(qint64 setId)
{
    QList<qint64> ids;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id FROM rollouts WHERE ds_id = ? ORDER BY id"));
    q.addBindValue(setId);
    if (!q.exec())
        return failed(QStringLiteral("reading the rollouts of set %1").arg(setId), q);
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<QMap<RolloutState, qint64>> SqlRolloutStore::rolloutCountsOfSet(qint64 setId)
{
    return countsByState<RolloutState>(
        prepared(QStringLiteral("SELECT state, COUNT(*) FROM rollouts WHERE ds_id = ? GROUP BY state")), { setId },
        [&](const QSqlQuery &q) { return failed(QStringLiteral("counting the rollouts of set %1").arg(setId), q); });
}

Result<QMap<RolloutState, qint64>> SqlRolloutStore::rolloutCounts()
{
    return countsByState<RolloutState>(
        prepared(QStringLiteral("SELECT state, COUNT(*) FROM rollouts GROUP BY state")), {},
        [&](const QSqlQuery &q) { return failed(QStringLiteral("counting the rollouts"), q); });
}

Result<int> SqlRolloutStore::countActionsOfRollout(qint64 rolloutId)
{
    return m_sql.countWhere(RsqlCompiler::Entity::Action, QStringLiteral("a.rollout_id = ?"), { rolloutId });
}

Result<void> SqlRolloutStore::deleteRollout(qint64 rolloutId)
{
    StoreTransaction tx(m_sql);
    static const QStringList statements = {
        QStringLiteral("DELETE FROM rollout_group_targets WHERE group_id IN (SELECT id FROM rollout_groups WHERE "
                       "rollout_id = ?)"),
        QStringLiteral("UPDATE actions SET rollout_group_id = NULL WHERE rollout_id = ?"),
        QStringLiteral("DELETE FROM rollout_groups WHERE rollout_id = ?"),
        QStringLiteral("UPDATE actions SET rollout_id = NULL WHERE rollout_id = ?"),
        QStringLiteral("DELETE FROM rollouts WHERE id = ?"),
    };
    for (const QString &sql : statements) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(rolloutId);
        if (!q.exec())
            return failed(QStringLiteral("deleting rollout %1").arg(rolloutId), q);
    }
    changed(StoreChange::Kind::RolloutChanged, rolloutId);
    if (!tx.commit())
        return failed(QStringLiteral("deleting rollout %1").arg(rolloutId));
    return {};
}

Result<qint64> SqlRolloutStore::insertRollout(const Rollout &r)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO rollouts (name, description, target_filter, ds_id, type, force_time, start_at, weight, "
        "confirmation_required, dynamic, state, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(r.name);
    q.addBindValue(r.description);
    q.addBindValue(r.targetFilterQuery);
    q.addBindValue(r.distributionSetId);
    q.addBindValue(int(r.type));
    q.addBindValue(msOrNull(r.forceTime));
    q.addBindValue(msOrNull(r.startAt));
    q.addBindValue(r.weight);
    q.addBindValue(r.confirmationRequired ? 1 : 0);
    q.addBindValue(r.dynamic ? 1 : 0);
    q.addBindValue(int(r.state));
    q.addBindValue(toMs(r.createdAt));
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting rollout %1").arg(r.name), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    changed(StoreChange::Kind::RolloutCreated, id);
    return id;
}

Result<QList<qint64>> SqlRolloutStore::rolloutIdsInStates(const QList<RolloutState> &states)
{
    QList<qint64> ids;
    if (states.isEmpty())
        return ids;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id FROM rollouts WHERE state IN (%1) ORDER BY id")
                                .arg(QStringList(states.size(), QStringLiteral("?")).join(u',')));
    for (RolloutState s : states)
        q.addBindValue(int(s));
    if (!q.exec())
        return failed(QStringLiteral("listing rollouts"), q);
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Lookup<Rollout> SqlRolloutStore::rollout(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT %1 FROM rollouts WHERE id = ?").arg(rolloutColumns));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading rollout %1").arg(id), q);
    if (!q.next())
        return std::nullopt;
    return rolloutFrom(q);
}

Result<QList<Rollout>> SqlRolloutStore::rolloutsWhere(const QString &where, const QVariantList &binds,
                                                      const QString &orderBy, int offset, int limit)
{
    QList<Rollout> list;
    QSqlQuery q(db());
    if (!execPage(q, qualified(rolloutColumns, QStringLiteral("r")), QStringLiteral("rollouts r"), where, binds,
                  orderBy, offset, limit))
        return failed(QStringLiteral("listing rollouts"), q);
    while (q.next())
        list.append(rolloutFrom(q));
    return list;
}

Result<void> SqlRolloutStore::updateRolloutState(qint64 id, RolloutState state)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE rollouts SET state = ? WHERE id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("updating rollout %1").arg(id), q);
    if (q.numRowsAffected() != 1) // deleted meanwhile
        return noSuch(QStringLiteral("updating rollout %1").arg(id), QStringLiteral("rollout"));
    changed(StoreChange::Kind::RolloutChanged, id);
    return {};
}

Result<qint64> SqlRolloutStore::insertRolloutGroup(const RolloutGroup &g)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO rollout_groups (rollout_id, position, name, state, "
                                           "success_pct, success_action, error_pct, target_pct, description, "
                                           "target_filter, confirmation_required) "
                                           "VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(g.rolloutId);
    q.addBindValue(g.position);
    q.addBindValue(g.name);
    q.addBindValue(int(g.state));
    q.addBindValue(g.conditions.successThresholdPercent);
    q.addBindValue(int(g.conditions.successAction));
    q.addBindValue(g.conditions.errorThresholdPercent);
    q.addBindValue(g.targetPercentage);
    q.addBindValue(g.description);
    q.addBindValue(g.targetFilterQuery);
    q.addBindValue(g.confirmationRequired ? QVariant(*g.confirmationRequired ? 1 : 0)
                                          : QVariant(QMetaType::fromType<int>()));
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting group %1 of rollout %2").arg(g.name).arg(g.rolloutId), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    return id;
}

Result<QList<RolloutGroup>> SqlRolloutStore::rolloutGroups(qint64 rolloutId)
{
    QList<RolloutGroup> result;
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT %1 FROM rollout_groups g WHERE g.rollout_id = ? ORDER BY g.position").arg(groupColumns));
    q.addBindValue(rolloutId);
    if (!q.exec())
        return failed(QStringLiteral("reading the groups of rollout %1").arg(rolloutId), q);
    while (q.next())
        result.append(groupFrom(q));
    return result;
}

Result<QHash<qint64, QList<RolloutGroup>>> SqlRolloutStore::rolloutGroupsOf(const QList<qint64> &rolloutIds)
{
    QHash<qint64, QList<RolloutGroup>> result;
    if (rolloutIds.isEmpty())
        return result;
    std::optional<QSqlQuery> scratch;
    QSqlQuery &q
        = withIds(scratch,
                  QStringLiteral("SELECT %1 FROM rollout_groups g WHERE g.rollout_id IN (%2) ORDER BY g.position")
                      .arg(groupColumns, QStringLiteral("%1")),
                  rolloutIds);
    if (!q.isActive())
        return failed(QStringLiteral("reading the groups of %1 rollouts").arg(rolloutIds.size()), q);
    while (q.next()) {
        RolloutGroup g = groupFrom(q);
        result[g.rolloutId].append(std::move(g));
    }
    return result;
}

Result<void> SqlRolloutStore::updateRolloutGroupState(qint64 groupId, RolloutGroupState state)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE rollout_groups SET state = ? WHERE id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(groupId);
    if (!q.exec())
        return failed(QStringLiteral("updating rollout group %1").arg(groupId), q);
    if (q.numRowsAffected() != 1) // deleted meanwhile
        return noSuch(QStringLiteral("updating rollout group %1").arg(groupId), QStringLiteral("group"));
    changed(StoreChange::Kind::RolloutGroupChanged, groupId);
    return {};
}

Result<void> SqlRolloutStore::addRolloutGroupTargets(qint64 groupId, const QList<qint64> &targetIds)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO rollout_group_targets (group_id, target_id) VALUES (?, ?)"));
    for (qint64 t : targetIds) {
        q.addBindValue(groupId);
        q.addBindValue(t);
        if (!q.exec())
            return failed(QStringLiteral("adding target %1 to group %2").arg(t).arg(groupId), q);
    }
    return {};
}

SqlCondition SqlRolloutStore::targetsOfRolloutGroup(qint64 groupId)
{
    return { QStringLiteral("t.id IN (SELECT target_id FROM rollout_group_targets WHERE group_id = ?)"), { groupId } };
}

Result<QList<qint64>> SqlRolloutStore::rolloutGroupTargets(qint64 groupId)
{
    QList<qint64> result;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT target_id FROM rollout_group_targets WHERE group_id = ? ORDER BY target_id"));
    q.addBindValue(groupId);
    if (!q.exec())
        return failed(QStringLiteral("reading the targets of group %1").arg(groupId), q);
    while (q.next())
        result.append(q.value(0).toLongLong());
    return result;
}

Result<QList<SqlRolloutStore::ActionSpan>> SqlRolloutStore::rolloutActionSpans(qint64 rolloutId, int offset, int limit)
{
    QList<ActionSpan> result;
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT a.id, t.controller_id, a.rollout_group_id, a.state, a.created_at, "
                       "(SELECT MIN(s.at) FROM action_status s WHERE s.action_id = a.id AND s.status NOT IN (%1, %2)), "
                       "a.active, a.last_modified FROM actions a JOIN targets t ON t.id = a.target_id "
                       "WHERE a.rollout_id = ? ORDER BY a.id LIMIT ? OFFSET ?")
            .arg(int(HistoryStatus::Scheduled))
            .arg(int(HistoryStatus::WaitForConfirmation)));
    q.addBindValue(rolloutId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return failed(QStringLiteral("listing the actions of rollout %1").arg(rolloutId), q);
    while (q.next()) {
        ActionSpan s;
        s.id = q.value(0).toLongLong();
        s.controllerId = q.value(1).toString();
        s.groupId = q.value(2).toLongLong();
        s.state = ActionState(q.value(3).toInt());
        s.createdAt = fromMs(q.value(4));
        s.startedAt = fromMs(q.value(5));
        if (q.value(6).toInt() == 0)
            s.closedAt = fromMs(q.value(7));
        result.append(s);
    }
    return result;
}

Result<QList<Action>> SqlRolloutStore::rolloutGroupActions(qint64 groupId)
{
    QList<Action> result;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM actions WHERE rollout_group_id = ? ORDER BY id").arg(actionColumns));
    q.addBindValue(groupId);
    if (!q.exec())
        return failed(QStringLiteral("reading the actions of group %1").arg(groupId), q);
    while (q.next())
        result.append(actionFrom(q));
    return result;
}

Result<GroupCounts> SqlRolloutStore::rolloutGroupCounts(qint64 groupId)
{
    GroupCounts c;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT state, COUNT(*) FROM actions WHERE rollout_group_id = ? GROUP BY state"));
    q.addBindValue(groupId);
    if (!q.exec())
        return failed(QStringLiteral("counting the actions of group %1").arg(groupId), q);
    while (q.next())
        addToCounts(c, ActionState(q.value(0).toInt()), q.value(1).toInt());
    return c;
}

Result<QHash<qint64, GroupCounts>> SqlRolloutStore::rolloutGroupCountsOf(const QList<qint64> &groupIds)
{
    QHash<qint64, GroupCounts> result;
    if (groupIds.isEmpty())
        return result;
    std::optional<QSqlQuery> scratch;
    QSqlQuery &q
        = withIds(scratch,
                  QStringLiteral("SELECT rollout_group_id, state, COUNT(*) FROM actions WHERE rollout_group_id "
                                 "IN (%1) GROUP BY rollout_group_id, state"),
                  groupIds);
    if (!q.isActive())
        return failed(QStringLiteral("counting the actions of %1 groups").arg(groupIds.size()), q);
    while (q.next())
        addToCounts(result[q.value(0).toLongLong()], ActionState(q.value(1).toInt()), q.value(2).toInt());
    return result;
}

} // namespace Flotilla
