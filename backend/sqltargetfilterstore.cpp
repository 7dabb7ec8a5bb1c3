#include "backend/sqltargetfilterstore.h"

#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <limits>

using namespace Flotilla::SqlStoreDetail;
using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
const QString autoAssignmentColumns
    = QStringLiteral("aa.id, aa.name, aa.description, aa.query, aa.ds_id, aa.status, aa.start_at, aa.action_type, "
                     "aa.weight, aa.confirmation_required, aa.decided_by, aa.remark");
AutoAssignment autoAssignmentFrom(const QSqlQuery &q)
{
    AutoAssignment a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.description = q.value(2).toString();
    a.query = q.value(3).toString();
    a.distributionSetId = q.value(4).toLongLong();
    a.status = AutoAssignmentStatus(q.value(5).toInt());
    a.startAt = fromMs(q.value(6));
    a.actionType = ActionType(q.value(7).toInt());
    a.weight = q.value(8).toInt();
    a.confirmationRequired = q.value(9).toInt() != 0;
    a.approvalDecidedBy = q.value(10).toString();
    a.approvalRemark = q.value(11).toString();
    return a;
}
// Every column but the id, in the order of the INSERT and UPDATE statements.
void bindAutoAssignment(QSqlQuery &q, const AutoAssignment &a)
{
    q.addBindValue(a.name);
    q.addBindValue(a.description);
    q.addBindValue(a.query);
    q.addBindValue(a.distributionSetId);
    q.addBindValue(int(a.status));
    q.addBindValue(msOrNull(a.startAt));
    q.addBindValue(int(a.actionType));
    q.addBindValue(a.weight);
    q.addBindValue(a.confirmationRequired ? 1 : 0);
    q.addBindValue(a.approvalDecidedBy);
    q.addBindValue(a.approvalRemark);
}
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

Result<QList<AutoAssignment>> SqlTargetFilterStore::autoAssignments()
{
    return autoAssignmentsWhere(QString(), {}, QStringLiteral("aa.id"), 0, std::numeric_limits<int>::max());
}

Result<QList<AutoAssignment>> SqlTargetFilterStore::autoAssignmentsWhere(const QString &where,
                                                                         const QVariantList &binds,
                                                                         const QString &orderBy, int offset, int limit)
{
    QList<AutoAssignment> list;
    QSqlQuery q(db());
    if (!execPage(q, autoAssignmentColumns, QStringLiteral("auto_assignments aa"), where, binds, orderBy, offset,
                  limit))
        return failed(QStringLiteral("reading auto-assignments"), q);
    while (q.next())
        list.append(autoAssignmentFrom(q));
    return list;
}

namespace {
Lookup<AutoAssignment> firstOf(const Result<QList<AutoAssignment>> &one)
{
    if (!one)
        return one.error();
    return one->isEmpty() ? std::nullopt : Lookup<AutoAssignment>(one->first());
}
} // namespace

Lookup<AutoAssignment> SqlTargetFilterStore::autoAssignment(qint64 id)
{
    return firstOf(autoAssignmentsWhere(QStringLiteral("aa.id = ?"), { id }, QStringLiteral("aa.id"), 0, 1));
}

Lookup<AutoAssignment> SqlTargetFilterStore::autoAssignmentByName(const QString &name)
{
    return firstOf(autoAssignmentsWhere(QStringLiteral("aa.name = ?"), { name }, QStringLiteral("aa.id"), 0, 1));
}

Result<qint64> SqlTargetFilterStore::insertAutoAssignment(const AutoAssignment &a)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO auto_assignments (name, description, query, ds_id, status, start_at, action_type, "
        "weight, confirmation_required, decided_by, remark) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    bindAutoAssignment(q, a);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting auto-assignment %1").arg(a.name), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    return id;
}

Result<void> SqlTargetFilterStore::updateAutoAssignment(const AutoAssignment &a)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "UPDATE auto_assignments SET name = ?, description = ?, query = ?, ds_id = ?, status = ?, start_at = ?, "
        "action_type = ?, weight = ?, confirmation_required = ?, decided_by = ?, remark = ? WHERE id = ?"));
    bindAutoAssignment(q, a);
    q.addBindValue(a.id);
    if (!q.exec())
        return failed(QStringLiteral("updating auto-assignment %1").arg(a.id), q);
    if (q.numRowsAffected() != 1) // deleted meanwhile: before, false with a stale lastError()
        return noSuch(QStringLiteral("updating auto-assignment %1").arg(a.id), QStringLiteral("auto-assignment"));
    return {};
}

Result<void> SqlTargetFilterStore::deleteAutoAssignment(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM auto_assignments WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("deleting auto-assignment %1").arg(id), q);
    return {};
}

Result<void> SqlTargetFilterStore::deleteAutoAssignmentsOfSet(qint64 setId)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM auto_assignments WHERE ds_id = ?"));
    q.addBindValue(setId);
    if (!q.exec())
        return failed(QStringLiteral("dropping the auto-assignments of distribution set %1").arg(setId), q);
    return {};
}

Result<QList<TargetFilter>> SqlTargetFilterStore::targetFilters()
{
    QList<TargetFilter> list;
    QSqlQuery &q = prepared(QStringLiteral("SELECT %1 FROM target_filters ORDER BY id").arg(filterColumns));
    if (!q.exec())
        return failed(QStringLiteral("reading target filters"), q);
    while (q.next())
        list.append(filterFrom(q));
    return list;
}

Lookup<TargetFilter> SqlTargetFilterStore::targetFilter(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT %1 FROM target_filters WHERE id = ?").arg(filterColumns));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading target filter %1").arg(id), q);
    if (!q.next())
        return std::nullopt;
    return filterFrom(q);
}

Result<qint64> SqlTargetFilterStore::insertTargetFilter(const TargetFilter &filter)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO target_filters (name, query, auto_ds, auto_type, auto_weight, "
                                           "auto_confirm) VALUES (?,?,?,?,?,?) RETURNING id"));
    bindFilter(q, filter);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting target filter %1").arg(filter.name), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    return id;
}

Result<void> SqlTargetFilterStore::updateTargetFilter(const TargetFilter &filter)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE target_filters SET name = ?, query = ?, auto_ds = ?, auto_type = ?, "
                                           "auto_weight = ?, auto_confirm = ? WHERE id = ?"));
    bindFilter(q, filter);
    q.addBindValue(filter.id);
    if (!q.exec())
        return failed(QStringLiteral("updating target filter %1").arg(filter.id), q);
    return {};
}

Result<void> SqlTargetFilterStore::deleteTargetFilter(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM target_filters WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("deleting target filter %1").arg(id), q);
    return {};
}

Result<int> SqlTargetFilterStore::countAutoAssignmentsOfSet(qint64 setId)
{
    return m_sql.countWhere(RsqlCompiler::Entity::AutoAssignment, QStringLiteral("aa.ds_id = ?"), { setId });
}

} // namespace Flotilla
