#pragma once

#include "backend/sqlaggregate.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QVariantList>

namespace Flotilla {

// Who changed what through the Management API, on SQL: hawkBit's audit fields of each entity, and the audit trail.
// Part of one SqlStore.
class SqlAuditTrail final : private SqlAggregate
{
public:
    explicit SqlAuditTrail(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    // Who created and last changed an entity through the Management API (hawkBit's createdBy/createdAt/
    // lastModifiedBy/lastModifiedAt), by kind ("target", "softwaremodule", ...) and id.
    struct AuditRow
    {
        QString createdBy;
        QDateTime createdAt;
        QString modifiedBy;
        QDateTime modifiedAt;
    };
    Result<void> recordAudit(const QString &kind, qint64 id, const QString &who, const QDateTime &at, bool created);
    Result<QHash<qint64, AuditRow>> audit(const QString &kind, const QList<qint64> &ids); // one query
    Result<void> forgetAudit(const QString &kind, qint64 id);

    // The audit trail: one entry per operator change through the Management API, written in the change's own
    // transaction; append-only (nothing but retention removes an entry).
    struct AuditEntry
    {
        qint64 id = 0;
        QDateTime at;
        QString actor; // the operator
        QString address; // the client's address (behind a trusted proxy: the one it forwards for)
        QString method; // POST, PUT, PATCH, DELETE
        QString path; // below /rest/v1, with its query
        int status = 0; // what was answered
        QString entity; // the collection: "targets", "distributionsets", ...
        QString entityId; // its first path segment after the collection, if any
        QByteArray request; // compact JSON (secrets redacted), or a description of a non-JSON body
        QByteArray before; // the resource as a GET answered it before the change (JSON), or empty
        QByteArray after; // the answer (JSON), or empty
    };
    Result<void> appendAuditEntry(const AuditEntry &entry);
    Result<QList<AuditEntry>> auditEntriesWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                                int offset, int limit);
    // Removes the entries older than `before`; how many.
    Result<int> pruneAuditEntries(const QDateTime &before);
};

} // namespace Flotilla
