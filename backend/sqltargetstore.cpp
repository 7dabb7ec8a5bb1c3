#include "backend/sqltargetstore.h"

#include "backend/rsqlcompiler.h"
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QSqlQuery>

#include <algorithm>
#include <functional>
#include <variant>

using namespace Qt::StringLiterals;
using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

Result<qint64> SqlTargetStore::insertTarget(const Target &t)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO targets (controller_id, name, description, state, security_token, address, "
                       "last_poll, installed_ds, assigned_ds, auto_confirm, auto_confirm_initiator, "
                       "auto_confirm_remark, created_at, request_attributes, target_type, target_group) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(t.controllerId);
    q.addBindValue(t.name);
    q.addBindValue(t.description);
    q.addBindValue(int(t.state));
    q.addBindValue(t.securityToken);
    q.addBindValue(t.address);
    q.addBindValue(msOrNull(t.lastPoll));
    q.addBindValue(idOrNull(t.installedDistributionSetId));
    q.addBindValue(idOrNull(t.assignedDistributionSetId));
    q.addBindValue(t.autoConfirm ? 1 : 0);
    q.addBindValue(t.autoConfirmInitiator);
    q.addBindValue(t.autoConfirmRemark);
    q.addBindValue(toMs(t.createdAt.isValid() ? t.createdAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(t.requestAttributes ? 1 : 0);
    q.addBindValue(t.targetTypeKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.targetTypeKey));
    q.addBindValue(t.group.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.group));
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting target %1").arg(t.controllerId), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    changed(StoreChange::Kind::TargetCreated, id);
    return id;
}

namespace {
// An update's values after the id, in the order of updateTarget's SET list.
QVariantList updateValues(const Target &t)
{
    return { t.name,
             t.description,
             int(t.state),
             t.address,
             msOrNull(t.lastPoll),
             idOrNull(t.installedDistributionSetId),
             idOrNull(t.assignedDistributionSetId),
             t.autoConfirm ? 1 : 0,
             t.autoConfirmInitiator,
             t.autoConfirmRemark,
             t.requestAttributes ? 1 : 0,
             t.targetTypeKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.targetTypeKey) };
}

void bindUpdate(QSqlQuery &q, const Target &t)
{
    for (const QVariant &v : updateValues(t))
        q.addBindValue(v);
}
} // namespace

Lookup<Target> SqlTargetStore::targetWhere(const QString &sql, const QVariant &value)
{
    QSqlQuery &q = prepared(sql);
    q.addBindValue(value);
    if (!q.exec())
        return failed(QStringLiteral("reading target %1").arg(value.toString()), q);
    if (!q.next())
        return std::nullopt;
    return targetFrom(q);
}

// The statements are built once: a target lookup runs on every DDI request.
Lookup<Target> SqlTargetStore::target(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM targets WHERE id = ?").arg(targetColumns);
    return targetWhere(sql, id);
}

Lookup<Target> SqlTargetStore::targetByControllerId(const QString &controllerId)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM targets WHERE controller_id = ?").arg(targetColumns);
    return targetWhere(sql, controllerId);
}

// QtSql's SQLite driver rebuilds a result's column description on every exec, and that costs more than the
// lookup itself: the device queries read only the columns they need.
Lookup<DeviceTarget> SqlTargetStore::deviceTarget(const QString &controllerId)
{
    static const QString sql
        = QStringLiteral("SELECT %1 FROM targets WHERE controller_id = ?").arg(deviceTargetColumns);
    QSqlQuery &q = prepared(sql);
    q.addBindValue(controllerId);
    if (!q.exec())
        return failed(QStringLiteral("reading target %1").arg(controllerId), q);
    if (!q.next())
        return std::nullopt;
    return deviceTargetFrom(q, 0, controllerId);
}

// Not the group: an indexed column written on every state change would cost every feedback an index update
// (setTargetGroup changes it).
Result<void> SqlTargetStore::updateTarget(const Target &t)
{
    QSqlQuery &q = prepared(
        QStringLiteral("UPDATE targets SET name = ?, description = ?, state = ?, address = ?, last_poll = ?, "
                       "installed_ds = ?, assigned_ds = ?, auto_confirm = ?, auto_confirm_initiator = ?, "
                       "auto_confirm_remark = ?, request_attributes = ?, target_type = ? WHERE id = ?"));
    bindUpdate(q, t);
    q.addBindValue(t.id);
    if (!q.exec())
        return failed(QStringLiteral("updating target %1").arg(t.id), q);
    if (q.numRowsAffected() != 1) // deleted meanwhile
        return noSuch(QStringLiteral("updating target %1").arg(t.id), QStringLiteral("target"));
    changed(StoreChange::Kind::TargetUpdated, t.id);
    return {};
}

Result<QHash<qint64, Target>> SqlTargetStore::targetsById(const QList<qint64> &ids)
{
    QHash<qint64, Target> found;
    for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
        std::optional<QSqlQuery> scratch;
        QSqlQuery &q
            = withIds(scratch, QStringLiteral("SELECT %1 FROM targets WHERE id IN (%2)").arg(targetColumns, u"%1"_s),
                      ids.mid(from, IdsPerStatement));
        if (!q.isActive())
            return failed(QStringLiteral("reading %1 targets").arg(ids.size()), q);
        while (q.next()) {
            Target t = targetFrom(q);
            found.insert(t.id, std::move(t));
        }
    }
    return found;
}

Result<void> SqlTargetStore::updateTargets(const QList<Target> &targets)
{
    if (!isPostgres() || targets.size() < 2)
        return TargetStore::updateTargets(targets);
    // The new values as one array per column (a handful of bound values for PostgreSQL to parse instead of one
    // literal per row and column), unnested into rows and joined to the table.
    QList<PgArray> columns(13);
    for (const Target &t : targets) {
        columns[0].add(t.id);
        const QVariantList values = updateValues(t);
        for (int c = 0; c < 12; ++c)
            columns[c + 1].add(values.at(c));
    }
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral(
            "UPDATE targets SET name = v.name, description = v.description, state = v.state, address = v.address, "
            "last_poll = v.last_poll, installed_ds = v.installed_ds, assigned_ds = v.assigned_ds, auto_confirm = "
            "v.auto_confirm, auto_confirm_initiator = v.auto_confirm_initiator, auto_confirm_remark = "
            "v.auto_confirm_remark, request_attributes = v.request_attributes, target_type = v.target_type FROM "
            "%1 AS v(id, name, description, state, address, last_poll, installed_ds, assigned_ds, auto_confirm, "
            "auto_confirm_initiator, auto_confirm_remark, request_attributes, target_type) WHERE targets.id = v.id")
            .arg(unnestOf({ u"bigint"_s, u"text"_s, u"text"_s, u"smallint"_s, u"text"_s, u"bigint"_s, u"bigint"_s,
                            u"bigint"_s, u"smallint"_s, u"text"_s, u"text"_s, u"smallint"_s, u"text"_s })));
    if (!execArrays(q, columns))
        return failed(QStringLiteral("updating %1 targets").arg(targets.size()), q);
    if (q.numRowsAffected() != targets.size()) // one was deleted meanwhile: the caller's transaction rolls back
        return noSuch(QStringLiteral("updating %1 targets").arg(targets.size()), QStringLiteral("target"));
    for (const Target &t : targets)
        changed(StoreChange::Kind::TargetUpdated, t.id);
    return {};
}

Result<QHash<qint64, QMap<QString, QString>>> SqlTargetStore::targetAttributesWhere(const QString &where,
                                                                                    const QVariantList &binds)
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.target_id, a.key, a.value FROM target_attributes a JOIN targets t ON t.id = "
                             "a.target_id WHERE %1")
                  .arg(where.isEmpty() ? QStringLiteral("1=1") : where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return failed(QStringLiteral("reading target attributes"), q);
    QHash<qint64, QMap<QString, QString>> attributes;
    while (q.next())
        attributes[q.value(0).toLongLong()].insert(q.value(1).toString(), q.value(2).toString());
    return attributes;
}

Result<QList<Target>> SqlTargetStore::targetsWhere(const QString &where, const QVariantList &binds,
                                                   const QString &orderBy, int offset, int limit)
{
    QList<Target> list;
    QSqlQuery q(db());
    if (!execPage(q, qualifiedTargetColumns(), QStringLiteral("targets t"), where, binds, orderBy, offset, limit))
        return failed(QStringLiteral("listing targets"), q);
    while (q.next())
        list.append(targetFrom(q));
    return list;
}

Result<int> SqlTargetStore::countTargetsWhere(const QString &where, const QVariantList &binds)
{
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT COUNT(*) FROM targets t WHERE %1").arg(where.isEmpty() ? QStringLiteral("1=1") : where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting targets"), q);
    return q.value(0).toInt();
}

SqlCondition SqlTargetStore::targetsInGroup(const QString &group, bool withSubgroups)
{
    if (!withSubgroups)
        return { QStringLiteral("t.target_group = ?"), { group } };
    QString below = group; // LIKE's own characters escaped, then everything below the group
    below.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return { QStringLiteral("(t.target_group = ? OR t.target_group LIKE ? ESCAPE '\\')"),
             { group, QString(below + u"/%"_s) } };
}

SqlCondition SqlTargetStore::targetsWithSet(qint64 setId, bool installed)
{
    return { installed ? QStringLiteral("t.installed_ds = ?") : QStringLiteral("t.assigned_ds = ?"), { setId } };
}

Result<void> SqlTargetStore::setTargetGroup(const QList<qint64> &targetIds, const QString &group)
{
    StoreTransaction tx(m_sql);
    QSqlQuery &q = prepared(QStringLiteral("UPDATE targets SET target_group = ? WHERE id = ?"));
    for (qint64 id : targetIds) {
        q.addBindValue(group.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(group));
        q.addBindValue(id);
        if (!q.exec())
            return failed(QStringLiteral("putting target %1 in group %2").arg(id).arg(group), q);
        changed(StoreChange::Kind::TargetUpdated, id);
    }
    return committed(tx, QStringLiteral("putting %1 targets in group %2").arg(targetIds.size()).arg(group));
}

Result<QStringList> SqlTargetStore::targetGroups()
{
    QSqlQuery &q = prepared(QStringLiteral(
        "SELECT DISTINCT target_group FROM targets WHERE target_group IS NOT NULL ORDER BY target_group"));
    return column(q, [this](const QSqlQuery &f) { return failed(QStringLiteral("reading the target groups"), f); });
}

Result<void> SqlTargetStore::deleteTarget(qint64 targetId)
{
    StoreTransaction tx(m_sql);
    static const QStringList statements = {
        QStringLiteral("DELETE FROM action_status WHERE action_id IN (SELECT id FROM actions WHERE target_id = ?)"),
        QStringLiteral("DELETE FROM feedback_receipts WHERE action_id IN (SELECT id FROM actions WHERE target_id = ?)"),
        QStringLiteral("DELETE FROM actions WHERE target_id = ?"),
        QStringLiteral("DELETE FROM rollout_group_targets WHERE target_id = ?"),
        QStringLiteral("DELETE FROM target_attributes WHERE target_id = ?"),
        QStringLiteral("DELETE FROM target_tag_assignments WHERE target_id = ?"),
        QStringLiteral("DELETE FROM targets WHERE id = ?"),
    };
    for (const QString &sql : statements) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(targetId);
        if (!q.exec())
            return failed(QStringLiteral("deleting target %1").arg(targetId), q);
    }
    changed(StoreChange::Kind::TargetDeleted, targetId);
    return committed(tx, QStringLiteral("deleting target %1").arg(targetId));
}

Result<QList<qint64>> SqlTargetStore::targetIdsMatching(const QString &rsqlFilter)
{
    const auto compiled = RsqlCompiler::targets(rsqlFilter);
    if (const auto *error = std::get_if<Rsql::ParseError>(&compiled)) {
        const QString message = QStringLiteral("target filter %1").arg(error->toString());
        setError(message);
        return Failure { QStringLiteral("flotilla.rsql"), message };
    }
    const SqlCondition &condition = std::get<SqlCondition>(compiled);
    // The condition has only placeholders; values are bound.
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT t.id FROM targets t WHERE %1 ORDER BY t.id").arg(condition.sql)))
        return failed(QStringLiteral("preparing a target filter"), q);
    for (const QVariant &v : condition.binds)
        q.addBindValue(v);
    if (!q.exec())
        return failed(QStringLiteral("running a target filter"), q);
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<void> SqlTargetStore::recordPolls(const QList<PollRecord> &polls)
{
    StoreTransaction tx(m_sql);
    if (isPostgres()) {
        // One statement for a flush of many targets: one UPDATE a target was one round trip each, and a flush of a
        // large fleet's polls (thousands every interval) held its HTTP thread for a second. Sorted by id: the
        // nested loop PostgreSQL plans over the unnested rows then locks them in id order, so two nodes flushing
        // overlapping targets seldom deadlock (a flush a deadlock aborts loses only poll times, which the targets'
        // next polls bring again).
        QList<PollRecord> sorted = polls;
        std::sort(sorted.begin(), sorted.end(),
                  [](const PollRecord &a, const PollRecord &b) { return a.targetId < b.targetId; });
        constexpr qsizetype Chunk = 10000;
        for (qsizetype from = 0; from < sorted.size(); from += Chunk) {
            QList<PgArray> columns(3);
            for (const PollRecord &p : sorted.mid(from, Chunk)) {
                columns[0].add(p.targetId);
                columns[1].add(toMs(p.at));
                columns[2].add(p.address);
            }
            QSqlQuery q(db());
            q.prepare(QStringLiteral("UPDATE targets SET last_poll = v.last_poll, address = v.address FROM %1 AS "
                                     "v(id, last_poll, address) WHERE targets.id = v.id")
                          .arg(unnestOf({ u"bigint"_s, u"bigint"_s, u"text"_s })));
            if (!execArrays(q, columns))
                return failed(polls.size() == 1
                                  ? QStringLiteral("recording the poll of target %1").arg(polls.first().targetId)
                                  : QStringLiteral("recording the polls of %1 targets").arg(polls.size()),
                              q);
        }
        return committed(tx, QStringLiteral("recording %1 polls").arg(polls.size()));
    }
    QSqlQuery &q = prepared(QStringLiteral("UPDATE targets SET last_poll = ?, address = ? WHERE id = ?"));
    for (const PollRecord &p : polls) {
        q.addBindValue(toMs(p.at));
        q.addBindValue(p.address);
        q.addBindValue(p.targetId);
        if (!q.exec())
            return failed(QStringLiteral("recording the poll of target %1").arg(p.targetId), q);
    }
    return committed(tx, QStringLiteral("recording %1 polls").arg(polls.size()));
}

Result<void> SqlTargetStore::recordPoll(const PollRecord &poll, TargetState state)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE targets SET state = ?, last_poll = ?, address = ? WHERE id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(toMs(poll.at));
    q.addBindValue(poll.address);
    q.addBindValue(poll.targetId);
    if (!q.exec())
        return failed(QStringLiteral("recording the poll of target %1").arg(poll.targetId), q);
    if (q.numRowsAffected() != 1) // deleted meanwhile
        return noSuch(QStringLiteral("recording the poll of target %1").arg(poll.targetId), QStringLiteral("target"));
    changed(StoreChange::Kind::TargetUpdated, poll.targetId);
    return {};
}

Result<QMap<QString, QString>> SqlTargetStore::targetAttributes(qint64 targetId)
{
    QMap<QString, QString> result;
    QSqlQuery &q = prepared(QStringLiteral("SELECT key, value FROM target_attributes WHERE target_id = ?"));
    q.addBindValue(targetId);
    if (!q.exec())
        return failed(QStringLiteral("reading the attributes of target %1").arg(targetId), q);
    while (q.next())
        result.insert(q.value(0).toString(), q.value(1).toString());
    return result;
}

Result<void> SqlTargetStore::setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes)
{
    StoreTransaction tx(m_sql);
    QSqlQuery &del = prepared(QStringLiteral("DELETE FROM target_attributes WHERE target_id = ?"));
    del.addBindValue(targetId);
    if (!del.exec())
        return failed(QStringLiteral("clearing the attributes of target %1").arg(targetId), del);
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO target_attributes (target_id, key, value) VALUES (?, ?, ?)"));
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        q.addBindValue(targetId);
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        if (!q.exec())
            return failed(QStringLiteral("saving the attributes of target %1").arg(targetId), q);
    }
    changed(StoreChange::Kind::TargetUpdated, targetId);
    return committed(tx, QStringLiteral("saving the attributes of target %1").arg(targetId));
}

Result<SqlTargetStore::FleetCounts> SqlTargetStore::fleetCounts(qint64 overdueBeforeMs)
{
    // One pass over the targets: by state, with the never-seen and overdue ones counted on the way.
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT state, COUNT(*), SUM(CASE WHEN last_poll IS NULL THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN last_poll < ? THEN 1 ELSE 0 END), "
                             "MIN(CASE WHEN last_poll >= ? THEN last_poll END) FROM targets GROUP BY state"));
    q.addBindValue(overdueBeforeMs);
    q.addBindValue(overdueBeforeMs);
    if (!q.exec())
        return failed(QStringLiteral("counting targets by state"), q);
    FleetCounts counts;
    while (q.next()) {
        const int state = q.value(0).toInt();
        const qint64 n = q.value(1).toLongLong();
        if (state >= 0 && state < counts.byState.size())
            counts.byState[state] += n;
        counts.total += n;
        counts.neverSeen += q.value(2).toLongLong();
        counts.overdue += q.value(3).toLongLong();
        if (!q.value(4).isNull() && (counts.oldestFreshPoll == 0 || q.value(4).toLongLong() < counts.oldestFreshPoll))
            counts.oldestFreshPoll = q.value(4).toLongLong();
    }
    return counts;
}

} // namespace Flotilla
