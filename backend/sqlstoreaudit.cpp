// SqlStore: the audit trail of operator changes (audit_log).
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QSqlQuery>
#include <QVariant>

namespace Flotilla {

using namespace SqlStoreDetail;

namespace {
const QString auditColumns = QStringLiteral(
    "au.id, au.at, au.actor, au.address, au.method, au.path, au.status, au.entity, au.entity_id, au.request, "
    "au.before_value, au.after_value");

QVariant textOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf8(bytes));
}
} // namespace

bool SqlStore::appendAuditEntry(const AuditEntry &e)
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
        return setError(QStringLiteral("writing the audit entry of %1 %2").arg(e.method, e.path), q);
    return true;
}

Result<QList<SqlStore::AuditEntry>> SqlStore::auditEntriesWhere(const QString &where, const QVariantList &binds,
                                                                const QString &orderBy, int offset, int limit)
{
    QList<AuditEntry> list;
    QSqlQuery q(m_db);
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

Result<int> SqlStore::pruneAuditEntries(const QDateTime &before)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM audit_log WHERE at < ?"));
    q.addBindValue(before.toMSecsSinceEpoch());
    if (!q.exec())
        return failed(QStringLiteral("removing audit entries before %1").arg(before.toString(Qt::ISODate)), q);
    return q.numRowsAffected();
}

} // namespace Flotilla
