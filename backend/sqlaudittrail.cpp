#include "backend/sqlaudittrail.h"

#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {
const QString auditColumns = QStringLiteral(
    "au.id, au.at, au.actor, au.address, au.method, au.path, au.status, au.entity, au.entity_id, au.request, "
    "au.before_value, au.after_value");

QVariant textOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf8(bytes));
}
} // namespace

Result<void> SqlAuditTrail::appendAuditEntry(const AuditEntry &e)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO audit_log (at, actor, address, method, path, status, entity, entity_id, request, before_value, "
        "after_value) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(e.at.toMSecsSinceEpoch());
    q.addBindValue(e.actor);
    q.addBindValue(e.address);
    q.addBindValue(e.method);
    q.addBindValue(e.path);
    q.addBindValue(e.status);
    q.addBindValue(e.entity);
    q.addBindValue(e.entityId);
    q.addBindValue(textOrNull(e.request));
    q.addBindValue(textOrNull(e.before));
    q.addBindValue(textOrNull(e.after));
    if (!q.exec())
        return failed(QStringLiteral("writing the audit entry of %1 %2").arg(e.method, e.path), q);
    return {};
}

Result<QList<SqlAuditTrail::AuditEntry>> SqlAuditTrail::auditEntriesWhere(const QString &where,
                                                                          const QVariantList &binds,
                                                                          const QString &orderBy, int offset, int limit)
{
    QList<AuditEntry> list;
    QSqlQuery q(db());
    if (!execPage(q, auditColumns, QStringLiteral("audit_log au"), where, binds, orderBy, offset, limit))
        return failed(QStringLiteral("listing the audit trail"), q);
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), QTimeZone::UTC);
        e.actor = q.value(2).toString();
        e.address = q.value(3).toString();
        e.method = q.value(4).toString();
        e.path = q.value(5).toString();
        e.status = q.value(6).toInt();
        e.entity = q.value(7).toString();
        e.entityId = q.value(8).toString();
        e.request = q.value(9).toString().toUtf8();
        e.before = q.value(10).toString().toUtf8();
        e.after = q.value(11).toString().toUtf8();
        list.append(e);
    }
    return list;
}

Result<int> SqlAuditTrail::pruneAuditEntries(const QDateTime &before)
{
    m_sql.releaseReads(); // so that it commits at once (SqlStore::prepared)
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM audit_log WHERE at < ?"));
    q.addBindValue(before.toMSecsSinceEpoch());
    if (!q.exec())
        return failed(QStringLiteral("removing audit entries before %1").arg(before.toString(Qt::ISODate)), q);
    return q.numRowsAffected();
}

Result<void> SqlAuditTrail::recordAudit(const QString &kind, qint64 id, const QString &who, const QDateTime &at,
                                        bool created)
{
    QSqlQuery &q = prepared(
        created ? QStringLiteral("INSERT INTO entity_audit (kind, entity_id, created_by, created_at, modified_by, "
                                 "modified_at) VALUES (?,?,?,?,?,?) ON CONFLICT (kind, entity_id) DO UPDATE SET "
                                 "created_by = excluded.created_by, created_at = excluded.created_at, "
                                 "modified_by = excluded.modified_by, modified_at = excluded.modified_at")
                : QStringLiteral("INSERT INTO entity_audit (kind, entity_id, created_by, created_at, modified_by, "
                                 "modified_at) VALUES (?,?,?,?,?,?) ON CONFLICT (kind, entity_id) DO UPDATE SET "
                                 "modified_by = excluded.modified_by, modified_at = excluded.modified_at"));
    q.addBindValue(kind);
    q.addBindValue(id);
    // A change to an entity created before the audit existed (or by a device): its creator stays unknown.
    q.addBindValue(created ? QVariant(who) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(created ? QVariant(at.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(who);
    q.addBindValue(at.toMSecsSinceEpoch());
    if (!q.exec())
        return failed(QStringLiteral("recording who changed %1 %2").arg(kind).arg(id), q);
    return {};
}

Result<QHash<qint64, SqlAuditTrail::AuditRow>> SqlAuditTrail::audit(const QString &kind, const QList<qint64> &ids)
{
    QHash<qint64, AuditRow> rows;
    if (ids.isEmpty())
        return rows;
    std::optional<QSqlQuery> scratch;
    QSqlQuery &q = withIds(scratch,
                           QStringLiteral("SELECT entity_id, created_by, created_at, modified_by, modified_at FROM "
                                          "entity_audit WHERE kind = ? AND entity_id IN (%1)"),
                           ids, { kind });
    if (!q.isActive())
        return failed(QStringLiteral("reading who changed %1s").arg(kind), q);
    auto time = [](const QVariant &v) {
        return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::UTC);
    };
    while (q.next())
        rows.insert(q.value(0).toLongLong(),
                    { q.value(1).toString(), time(q.value(2)), q.value(3).toString(), time(q.value(4)) });
    return rows;
}

Result<void> SqlAuditTrail::forgetAudit(const QString &kind, qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM entity_audit WHERE kind = ? AND entity_id = ?"));
    q.addBindValue(kind);
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("forgetting %1 %2").arg(kind).arg(id), q);
    return {};
}

} // namespace Flotilla
