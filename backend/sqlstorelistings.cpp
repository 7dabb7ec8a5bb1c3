// SqlStore: paged listings for the Management API.
#include "sqlstore.h"
#include "sqlstore_p.h"

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

QList<Target> SqlStore::targetsWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                     int offset, int limit)
{
    QList<Target> list;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM targets t WHERE %2 ORDER BY %3 LIMIT ? OFFSET ?")
                  .arg(qualifiedTargetColumns(), where.isEmpty() ? QStringLiteral("1=1") : where, orderBy));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        setError(QStringLiteral("listing targets"), q);
        return list;
    }
    while (q.next())
        list.append(targetFrom(q));
    return list;
}

int SqlStore::countTargetsWhere(const QString &where, const QVariantList &binds)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT COUNT(*) FROM targets t WHERE %1").arg(where.isEmpty() ? QStringLiteral("1=1") : where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QList<SoftwareModule> SqlStore::softwareModules(int offset, int limit)
{
    QList<SoftwareModule> list;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id FROM software_modules ORDER BY id LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    QList<qint64> ids;
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    for (qint64 id : ids) {
        if (auto m = softwareModule(id))
            list.append(*m);
    }
    return list;
}

QList<DistributionSet> SqlStore::distributionSets(int offset, int limit)
{
    QList<DistributionSet> list;
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT %1 FROM distribution_sets ORDER BY id LIMIT ? OFFSET ?").arg(distributionSetColumns));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (q.exec()) {
        while (q.next())
            list.append(distributionSetFrom(q));
    }
    return list;
}

QList<Rollout> SqlStore::rollouts(int offset, int limit)
{
    QList<Rollout> list;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id FROM rollouts ORDER BY id LIMIT ? OFFSET ?"));
    q.addBindValue(limit);
    q.addBindValue(offset);
    QList<qint64> ids;
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    for (qint64 id : ids) {
        if (auto r = rollout(id))
            list.append(*r);
    }
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
    if (q.exec()) {
        while (q.next())
            list.append(actionFrom(q));
    }
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

bool SqlStore::deleteTarget(qint64 targetId)
{
    StoreTransaction tx(*this);
    static const QStringList statements = {
        QStringLiteral("DELETE FROM action_status WHERE action_id IN (SELECT id FROM actions WHERE target_id = ?)"),
        QStringLiteral("DELETE FROM feedback_receipts WHERE action_id IN (SELECT id FROM actions WHERE target_id = ?)"),
        QStringLiteral("DELETE FROM actions WHERE target_id = ?"),
        QStringLiteral("DELETE FROM rollout_group_targets WHERE target_id = ?"),
        QStringLiteral("DELETE FROM target_attributes WHERE target_id = ?"),
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
