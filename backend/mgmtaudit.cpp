// Management API: hawkBit's audit fields (MgmtBaseEntity: createdBy, createdAt, lastModifiedBy, lastModifiedAt)
// on targets, modules, sets, types, tags and rollouts. Every create and change through this API records the
// operator and the time; what answers carries them, read for a whole page in one query. A target a device
// registered itself (DDI, gateway token) was created by "CONTROLLER_PLUG_AND_PLAY", as hawkBit names it; an
// entity older than the record keeps its own createdAt and no createdBy.
#include "backend/managementserver_p.h"

namespace Flotilla {

namespace {
// The ids of what a create answered (an object or a list of them).
QList<qint64> idsIn(const QJsonValue &content)
{
    QList<qint64> ids;
    if (content.isObject())
        ids << idOf(content.toObject().value("id"_L1));
    for (const QJsonValue &v : content.toArray())
        ids << idOf(v.toObject().value("id"_L1));
    ids.removeAll(0);
    return ids;
}
} // namespace

void ManagementServer::recordCreated(Context &ctx, const QString &kind, const QJsonValue &created)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qint64 id : idsIn(created)) {
        if (const Result<void> recorded = m_store.auditTrail().recordAudit(kind, id, ctx.who.name, now, true);
            !recorded)
            qCWarning(lcMgmt).noquote() << recorded.error().message;
    }
}

void ManagementServer::recordModified(Context &ctx, const QString &kind, qint64 id)
{
    if (const Result<void> recorded
        = m_store.auditTrail().recordAudit(kind, id, ctx.who.name, QDateTime::currentDateTimeUtc(), false);
        !recorded)
        qCWarning(lcMgmt).noquote() << recorded.error().message;
}

void ManagementServer::forget(const QString &kind, qint64 id)
{
    if (const Result<void> forgotten = m_store.auditTrail().forgetAudit(kind, id); !forgotten)
        qCWarning(lcMgmt).noquote() << forgotten.error().message;
}

QHash<qint64, SqlAuditTrail::AuditRow> ManagementServer::auditRows(const QString &kind, const QList<qint64> &ids)
{
    // A decoration of a list already read: a failed read leaves it out (logged), it does not fail the answer.
    Result<QHash<qint64, SqlAuditTrail::AuditRow>> read = m_store.auditTrail().audit(kind, ids);
    if (!read) {
        qCWarning(lcMgmt).noquote() << kind << "shown without who changed it:" << read.error().message;
        return {};
    }
    return std::move(*read);
}

void ManagementServer::fillAudit(const QString &kind, const SqlAuditTrail::AuditRow *row, Mgmt::MgmtAudit *audit,
                                 std::optional<qint64> *createdAt)
{
    QString createdBy = row ? row->createdBy : QString();
    if (createdBy.isEmpty() && kind == u"target"_s && !row)
        createdBy = u"CONTROLLER_PLUG_AND_PLAY"_s; // registered by the device itself
    if (row && row->createdAt.isValid())
        *createdAt = row->createdAt.toMSecsSinceEpoch(); // else the entity's own, if any
    if (!createdBy.isEmpty())
        audit->createdBy = createdBy;
    const QString modifiedBy = row && !row->modifiedBy.isEmpty() ? row->modifiedBy : createdBy;
    if (!modifiedBy.isEmpty())
        audit->lastModifiedBy = modifiedBy;
    if (row && row->modifiedAt.isValid())
        audit->lastModifiedAt = row->modifiedAt.toMSecsSinceEpoch();
    else if (*createdAt)
        audit->lastModifiedAt = **createdAt;
}

} // namespace Flotilla
