// SqlStore: target filters and their auto-assignments; what a set is used by (actions, rollouts).
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <functional>

namespace Flotilla {

namespace {
const QString filterColumns = QStringLiteral("id, name, query, auto_ds, auto_type, auto_weight, auto_confirm");
TargetFilter filterFrom(const QSqlQuery &q)
{
    return { q.value(0).toLongLong(),        q.value(1).toString(), q.value(2).toString(),  q.value(3).toLongLong(),
             ActionType(q.value(4).toInt()), q.value(5).toInt(),    q.value(6).toInt() != 0 };
}
void bindFilter(QSqlQuery &q, const TargetFilter &f)
{
    q.addBindValue(f.name);
    q.addBindValue(f.query);
    q.addBindValue(f.autoAssignSetId ? QVariant(f.autoAssignSetId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(int(f.autoAssignType));
    q.addBindValue(f.autoAssignWeight);
    q.addBindValue(f.autoAssignConfirmationRequired ? 1 : 0);
}
} // namespace

QList<TargetFilter> SqlStore::targetFilters()
{
    QList<TargetFilter> list;
    QSqlQuery &q = prepared(QStringLiteral("SELECT %1 FROM target_filters ORDER BY id").arg(filterColumns));
    if (!q.exec()) {
        setError(QStringLiteral("reading target filters"), q);
        return list;
    }
    while (q.next())
        list.append(filterFrom(q));
    return list;
}

std::optional<TargetFilter> SqlStore::targetFilter(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT %1 FROM target_filters WHERE id = ?").arg(filterColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return filterFrom(q);
}

qint64 SqlStore::insertTargetFilter(const TargetFilter &filter)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO target_filters (name, query, auto_ds, auto_type, auto_weight, "
                                           "auto_confirm) VALUES (?,?,?,?,?,?) RETURNING id"));
    bindFilter(q, filter);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting target filter %1").arg(filter.name), q);
        return 0;
    }
    return q.value(0).toLongLong();
}

bool SqlStore::updateTargetFilter(const TargetFilter &filter)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE target_filters SET name = ?, query = ?, auto_ds = ?, auto_type = ?, "
                                           "auto_weight = ?, auto_confirm = ? WHERE id = ?"));
    bindFilter(q, filter);
    q.addBindValue(filter.id);
    if (!q.exec())
        return setError(QStringLiteral("updating target filter %1").arg(filter.id), q);
    return true;
}

bool SqlStore::deleteTargetFilter(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM target_filters WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return setError(QStringLiteral("deleting target filter %1").arg(id), q);
    return true;
}

QList<qint64> SqlStore::openActionIdsOfSet(qint64 setId)
{
    QList<qint64> ids;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id FROM actions WHERE ds_id = ? AND active = 1 ORDER BY id"));
    q.addBindValue(setId);
    if (!q.exec()) {
        setError(QStringLiteral("reading the open actions of set %1").arg(setId), q);
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

QList<qint64> SqlStore::rolloutIdsOfSet(qint64 setId)
{
    QList<qint64> ids;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id FROM rollouts WHERE ds_id = ? ORDER BY id"));
    q.addBindValue(setId);
    if (!q.exec()) {
        setError(QStringLiteral("reading the rollouts of set %1").arg(setId), q);
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

namespace {
template<typename State>
QMap<State, qint64> countsByState(QSqlQuery &q, qint64 setId, const std::function<void(const QSqlQuery &)> &failed)
{
    QMap<State, qint64> counts;
    q.addBindValue(setId);
    if (!q.exec()) {
        failed(q);
        return counts;
    }
    while (q.next())
        counts.insert(State(q.value(0).toInt()), q.value(1).toLongLong());
    return counts;
}
} // namespace

QMap<ActionState, qint64> SqlStore::actionCountsOfSet(qint64 setId)
{
    return countsByState<ActionState>(
        prepared(QStringLiteral("SELECT state, COUNT(*) FROM actions WHERE ds_id = ? GROUP BY state")), setId,
        [&](const QSqlQuery &q) { setError(QStringLiteral("counting the actions of set %1").arg(setId), q); });
}

QMap<RolloutState, qint64> SqlStore::rolloutCountsOfSet(qint64 setId)
{
    return countsByState<RolloutState>(
        prepared(QStringLiteral("SELECT state, COUNT(*) FROM rollouts WHERE ds_id = ? GROUP BY state")), setId,
        [&](const QSqlQuery &q) { setError(QStringLiteral("counting the rollouts of set %1").arg(setId), q); });
}

QSet<qint64> SqlStore::targetsWithActionFor(qint64 distributionSetId)
{
    QSet<qint64> ids;
    QSqlQuery &q = prepared(QStringLiteral("SELECT DISTINCT target_id FROM actions WHERE ds_id = ?"));
    q.addBindValue(distributionSetId);
    if (!q.exec()) {
        setError(QStringLiteral("reading the targets of set %1").arg(distributionSetId), q);
        return ids;
    }
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

} // namespace Flotilla
