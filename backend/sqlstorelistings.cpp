// SqlStore: paged listings for the Management API.
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <functional>

using namespace Flotilla::SqlStoreDetail;
using namespace Qt::StringLiterals;

namespace Flotilla {

Result<QList<Target>> SqlStore::targetsWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                             int offset, int limit)
{
    QList<Target> list;
    QSqlQuery q(m_db);
    if (!execPage(q, qualifiedTargetColumns(), QStringLiteral("targets t"), where, binds, orderBy, offset, limit))
        return failed(QStringLiteral("listing targets"), q);
    while (q.next())
        list.append(targetFrom(q));
    return list;
}

Result<int> SqlStore::countTargetsWhere(const QString &where, const QVariantList &binds)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT COUNT(*) FROM targets t WHERE %1").arg(where.isEmpty() ? QStringLiteral("1=1") : where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting targets"), q);
    return q.value(0).toInt();
}

Result<QList<DistributionSet>> SqlStore::distributionSetsWhere(const QString &where, const QVariantList &binds,
                                                               const QString &orderBy, int offset, int limit)
{
    QList<DistributionSet> list;
    QSqlQuery q(m_db);
    if (!execPage(q, qualified(distributionSetColumns, u"s"_s), QStringLiteral("distribution_sets s"), where, binds,
                  orderBy, offset, limit))
        return failed(QStringLiteral("listing distribution sets"), q);
    while (q.next())
        list.append(distributionSetFrom(q));
    return list;
}

Result<QList<std::pair<Action, QString>>> SqlStore::actionsWhere(const QString &where, const QVariantList &binds,
                                                                 const QString &orderBy, int offset, int limit)
{
    QList<std::pair<Action, QString>> list;
    QSqlQuery q(m_db);
    // The target's controllerId comes with the row (alias tt: the RSQL compiler's subqueries use x).
    if (!execPage(q, qualified(actionColumns, u"a"_s) + QStringLiteral(", tt.controller_id"),
                  QStringLiteral("actions a JOIN targets tt ON tt.id = a.target_id"), where, binds, orderBy, offset,
                  limit))
        return failed(QStringLiteral("listing actions"), q);
    const int controllerId = actionColumns.count(u',') + 1;
    while (q.next())
        list.append({ actionFrom(q), q.value(controllerId).toString() });
    return list;
}

QList<Action> SqlStore::actionsOfTarget(qint64 targetId, int offset, int limit)
{
    QList<Action> list;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM actions WHERE target_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                       .arg(actionColumns));
    q.addBindValue(targetId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        setError(QStringLiteral("listing the actions of target %1").arg(targetId), q);
        return list;
    }
    while (q.next())
        list.append(actionFrom(q));
    return list;
}

int SqlStore::countRows(const QString &table)
{
    static const QStringList tables = { QStringLiteral("software_modules"), QStringLiteral("distribution_sets"),
                                        QStringLiteral("rollouts"), QStringLiteral("targets") };
    if (!tables.contains(table))
        return 0;
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next() ? q.value(0).toInt() : 0;
}

namespace {
// An entity's table and the alias the RSQL compiler writes its conditions over.
std::pair<QString, QString> tableOf(RsqlCompiler::Entity entity)
{
    using E = RsqlCompiler::Entity;
    switch (entity) {
    case E::Target:
        return { QStringLiteral("targets"), QStringLiteral("t") };
    case E::SoftwareModule:
        return { QStringLiteral("software_modules"), QStringLiteral("m") };
    case E::DistributionSet:
        return { QStringLiteral("distribution_sets"), QStringLiteral("s") };
    case E::Rollout:
        return { QStringLiteral("rollouts"), QStringLiteral("r") };
    case E::Action:
        return { QStringLiteral("actions"), QStringLiteral("a") };
    case E::Audit:
        return { QStringLiteral("audit_log"), QStringLiteral("au") };
    case E::AutoAssignment:
        break;
    }
    return { QStringLiteral("auto_assignments"), QStringLiteral("aa") };
}
} // namespace

QString SqlStore::typeTable(TypeKind kind)
{
    switch (kind) {
    case TypeKind::SoftwareModule:
        return QStringLiteral("software_module_types");
    case TypeKind::DistributionSet:
        return QStringLiteral("ds_types");
    case TypeKind::Target:
        break;
    }
    return QStringLiteral("target_types");
}

QList<qint64> SqlStore::idsWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds,
                                 const QString &orderBy, int offset, int limit)
{
    QList<qint64> ids;
    const auto [table, alias] = tableOf(entity);
    QSqlQuery q(m_db);
    if (!execPage(q, alias + QStringLiteral(".id"), table + u' ' + alias, where, binds, orderBy, offset, limit)) {
        setError(QStringLiteral("listing %1").arg(table), q);
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<int> SqlStore::countWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds)
{
    const auto [table, alias] = tableOf(entity);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 %2 WHERE %3")
                  .arg(table, alias, where.isEmpty() ? QStringLiteral("1=1") : where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting %1").arg(table), q);
    return q.value(0).toInt();
}

Result<int> SqlStore::countSetsOfType(const QString &setTypeKey)
{
    return countWhere(RsqlCompiler::Entity::DistributionSet, QStringLiteral("s.type_key = ?"), { setTypeKey });
}

Result<int> SqlStore::countAutoAssignmentsOfSet(qint64 setId)
{
    return countWhere(RsqlCompiler::Entity::AutoAssignment, QStringLiteral("aa.ds_id = ?"), { setId });
}

Result<int> SqlStore::countActionsOfRollout(qint64 rolloutId)
{
    return countWhere(RsqlCompiler::Entity::Action, QStringLiteral("a.rollout_id = ?"), { rolloutId });
}

QStringList SqlStore::typeKeys(TypeKind kind)
{
    QStringList keys;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT key FROM %1 ORDER BY id").arg(typeTable(kind)))) {
        setError(QStringLiteral("reading %1").arg(typeTable(kind)), q);
        return keys;
    }
    while (q.next())
        keys << q.value(0).toString();
    return keys;
}

bool SqlStore::updateActionType(qint64 actionId, ActionType type)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE actions SET type = ? WHERE id = ?"));
    q.addBindValue(int(type));
    q.addBindValue(actionId);
    if (!q.exec())
        return setError(QStringLiteral("updating action %1").arg(actionId), q);
    changed(StoreChange::Kind::ActionChanged, actionId);
    return q.numRowsAffected() == 1;
}

bool SqlStore::deleteArtifact(qint64 artifactId)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM artifacts WHERE id = ?"));
    q.addBindValue(artifactId);
    if (!q.exec())
        return setError(QStringLiteral("deleting artifact %1").arg(artifactId), q);
    changed(StoreChange::Kind::RepositoryChanged, artifactId);
    return q.numRowsAffected() == 1;
}

int SqlStore::countArtifactsWithContent(const QString &sha256)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT COUNT(*) FROM artifacts WHERE sha256 = ?"));
    q.addBindValue(sha256);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool SqlStore::deleteRollout(qint64 rolloutId)
{
    StoreTransaction tx(*this);
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
            return setError(QStringLiteral("deleting rollout %1").arg(rolloutId), q);
    }
    changed(StoreChange::Kind::RolloutChanged, rolloutId);
    return tx.commit();
}

namespace {
// The first column of every row; a failed statement is reported through failed (the store's lastError()).
QStringList column(QSqlQuery &q, const std::function<void(const QSqlQuery &)> &failed)
{
    QStringList values;
    if (!q.exec()) {
        failed(q);
        return values;
    }
    while (q.next())
        values << q.value(0).toString();
    return values;
}
} // namespace

QStringList SqlStore::dependentsOfModule(qint64 moduleId)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT s.name || ' ' || s.version FROM distribution_sets s JOIN ds_modules "
                                           "m ON m.ds_id = s.id WHERE m.module_id = ? ORDER BY s.id"));
    q.addBindValue(moduleId);
    QStringList sets = column(q, [this](const QSqlQuery &f) { setError(QStringLiteral("reading a list"), f); });
    for (QString &s : sets)
        s.prepend(QStringLiteral("distribution set "));
    return sets;
}

QStringList SqlStore::dependentsOfSet(qint64 setId)
{
    QStringList result;
    QSqlQuery &a = prepared(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT target_id) FROM actions WHERE ds_id = ?"));
    a.addBindValue(setId);
    if (a.exec() && a.next() && a.value(0).toInt() > 0)
        result << QStringLiteral("%1 action(s) on %2 target(s)").arg(a.value(0).toInt()).arg(a.value(1).toInt());
    QSqlQuery &t = prepared(QStringLiteral("SELECT COUNT(*) FROM targets WHERE installed_ds = ? OR assigned_ds = ?"));
    t.addBindValue(setId);
    t.addBindValue(setId);
    if (t.exec() && t.next() && t.value(0).toInt() > 0)
        result << QStringLiteral("%1 target(s) that have it assigned or installed").arg(t.value(0).toInt());
    QSqlQuery &r = prepared(QStringLiteral("SELECT name FROM rollouts WHERE ds_id = ? ORDER BY id"));
    r.addBindValue(setId);
    for (const QString &name : column(r, [this](const QSqlQuery &f) { setError(QStringLiteral("reading a list"), f); }))
        result << QStringLiteral("rollout %1").arg(name);
    return result;
}

QStringList SqlStore::dependentsOfType(TypeKind kind, const QString &key)
{
    const QString table = typeTable(kind);
    QString sql;
    if (table == QLatin1String("software_module_types"))
        sql = QStringLiteral(
            "SELECT 'software module ' || name || ' ' || version FROM software_modules WHERE type_key = ? "
            "UNION ALL SELECT 'distribution set type ' || t.key FROM ds_type_module_types m JOIN ds_types t "
            "ON t.id = m.ds_type_id WHERE m.module_type_key = ?");
    else if (table == QLatin1String("ds_types"))
        sql = QStringLiteral(
            "SELECT 'distribution set ' || name || ' ' || version FROM distribution_sets WHERE type_key = ? "
            "UNION ALL SELECT 'target type ' || t.key FROM target_type_ds_types c JOIN target_types t "
            "ON t.id = c.target_type_id WHERE c.ds_type_key = ?");
    else if (table == QLatin1String("target_types"))
        sql = QStringLiteral("SELECT 'target ' || controller_id FROM targets WHERE target_type = ? AND ? IS NOT NULL");
    else
        return {};
    QSqlQuery &q = prepared(sql);
    q.addBindValue(key);
    q.addBindValue(key);
    return column(q, [this](const QSqlQuery &f) { setError(QStringLiteral("reading a list"), f); });
}

bool SqlStore::deleteSoftwareModule(qint64 moduleId)
{
    StoreTransaction tx(*this);
    for (const QString &sql : { QStringLiteral("DELETE FROM artifacts WHERE module_id = ?"),
                                QStringLiteral("DELETE FROM software_modules WHERE id = ?") }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(moduleId);
        if (!q.exec())
            return setError(QStringLiteral("deleting software module %1").arg(moduleId), q);
    }
    changed(StoreChange::Kind::RepositoryChanged, moduleId);
    return tx.commit();
}

bool SqlStore::deleteDistributionSet(qint64 setId)
{
    StoreTransaction tx(*this);
    for (const QString &sql : { QStringLiteral("DELETE FROM ds_modules WHERE ds_id = ?"),
                                QStringLiteral("DELETE FROM ds_tag_assignments WHERE ds_id = ?"),
                                QStringLiteral("UPDATE target_filters SET auto_ds = NULL WHERE auto_ds = ?"),
                                QStringLiteral("DELETE FROM auto_assignments WHERE ds_id = ?"),
                                QStringLiteral("DELETE FROM distribution_sets WHERE id = ?") }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(setId);
        if (!q.exec())
            return setError(QStringLiteral("deleting distribution set %1").arg(setId), q);
    }
    changed(StoreChange::Kind::RepositoryChanged, setId);
    return tx.commit();
}

bool SqlStore::deleteType(TypeKind kind, const QString &key)
{
    const QString table = typeTable(kind);
    StoreTransaction tx(*this);
    QStringList statements;
    if (table == QLatin1String("ds_types"))
        statements << QStringLiteral(
            "DELETE FROM ds_type_module_types WHERE ds_type_id IN (SELECT id FROM ds_types WHERE key = ?)");
    else if (table == QLatin1String("target_types"))
        statements << QStringLiteral(
            "DELETE FROM target_type_ds_types WHERE target_type_id IN (SELECT id FROM target_types WHERE key = ?)");
    else if (table != QLatin1String("software_module_types"))
        return false;
    statements << QStringLiteral("DELETE FROM %1 WHERE key = ?").arg(table);
    for (const QString &sql : std::as_const(statements)) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(key);
        if (!q.exec())
            return setError(QStringLiteral("deleting %1 %2").arg(table, key), q);
    }
    return tx.commit();
}

int SqlStore::deleteClosedActions(const QList<qint64> &actionIds)
{
    StoreTransaction tx(*this);
    int deleted = 0;
    for (qint64 id : actionIds) {
        const std::optional<Action> a = action(id);
        if (!a || a->isActive())
            continue;
        for (const QString &sql : { QStringLiteral("DELETE FROM action_status WHERE action_id = ?"),
                                    QStringLiteral("DELETE FROM feedback_receipts WHERE action_id = ?"),
                                    QStringLiteral("DELETE FROM actions WHERE id = ?") }) {
            QSqlQuery &q = prepared(sql);
            q.addBindValue(id);
            if (!q.exec()) {
                setError(QStringLiteral("deleting action %1").arg(id), q);
                return -1;
            }
        }
        ++deleted;
    }
    return tx.commit() ? deleted : -1;
}

SqlCondition SqlStore::targetsInGroup(const QString &group, bool withSubgroups)
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

SqlCondition SqlStore::targetsWithSet(qint64 setId, bool installed)
{
    return { installed ? QStringLiteral("t.installed_ds = ?") : QStringLiteral("t.assigned_ds = ?"), { setId } };
}

bool SqlStore::setTargetGroup(const QList<qint64> &targetIds, const QString &group)
{
    StoreTransaction tx(*this);
    QSqlQuery &q = prepared(QStringLiteral("UPDATE targets SET target_group = ? WHERE id = ?"));
    for (qint64 id : targetIds) {
        q.addBindValue(group.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(group));
        q.addBindValue(id);
        if (!q.exec())
            return setError(QStringLiteral("putting target %1 in group %2").arg(id).arg(group), q);
        changed(StoreChange::Kind::TargetUpdated, id);
    }
    return tx.commit();
}

QStringList SqlStore::targetGroups()
{
    QSqlQuery &q = prepared(QStringLiteral(
        "SELECT DISTINCT target_group FROM targets WHERE target_group IS NOT NULL ORDER BY target_group"));
    return column(q, [this](const QSqlQuery &f) { setError(QStringLiteral("reading a list"), f); });
}

bool SqlStore::deleteTarget(qint64 targetId)
{
    StoreTransaction tx(*this);
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
            return setError(QStringLiteral("deleting target %1").arg(targetId), q);
    }
    changed(StoreChange::Kind::TargetDeleted, targetId);
    return tx.commit();
}

} // namespace Flotilla
