// Management API: hawkBit's audit fields (MgmtBaseEntity: createdBy, createdAt, lastModifiedBy, lastModifiedAt)
// on targets, modules, sets, types, tags and rollouts. Every create and change through this API records the
// operator and the time; what answers carries them, read for a whole page in one query. A target a device
// registered itself (DDI, gateway token) was created by "CONTROLLER_PLUG_AND_PLAY", as hawkBit names it; an
// entity older than the record keeps its own createdAt and no createdBy.
#include "backend/managementserver_p.h"

namespace Flotilla {

namespace {
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
        if (!m_store.auditTrail().recordAudit(kind, id, ctx.who.name, now, true))
            qCWarning(lcMgmt).noquote() << m_store.lastError();
    }
}

void ManagementServer::recordModified(Context &ctx, const QString &kind, qint64 id)
{
    if (!m_store.auditTrail().recordAudit(kind, id, ctx.who.name, QDateTime::currentDateTimeUtc(), false))
        qCWarning(lcMgmt).noquote() << m_store.lastError();
}

void ManagementServer::forget(const QString &kind, qint64 id)
{
    if (!m_store.auditTrail().forgetAudit(kind, id))
        qCWarning(lcMgmt).noquote() << m_store.lastError();
}

QJsonObject ManagementServer::withAudit(const QString &kind, const QJsonObject &entity)
{
    return withAudit(kind, QJsonArray { entity }).first().toObject();
}

QJsonArray ManagementServer::withAudit(const QString &kind, const QJsonArray &content)
{
    // A decoration of a list already read: a failed read leaves it out (logged), it does not fail the answer.
    const Result<QHash<qint64, SqlAuditTrail::AuditRow>> read = m_store.auditTrail().audit(kind, idsIn(content));
    if (!read)
        qCWarning(lcMgmt).noquote() << kind << "shown without who changed it:" << read.error().message;
    const QHash<qint64, SqlAuditTrail::AuditRow> rows = read ? *read : QHash<qint64, SqlAuditTrail::AuditRow>();
    QJsonArray out;
    for (const QJsonValue &v : content) {
        QJsonObject o = v.toObject();
        const auto row = rows.constFind(idOf(o.value("id"_L1)));
        QString createdBy = row != rows.cend() ? row->createdBy : QString();
        if (createdBy.isEmpty() && kind == u"target"_s && row == rows.cend())
            createdBy = u"CONTROLLER_PLUG_AND_PLAY"_s;
        QJsonValue createdAt = o.value("createdAt"_L1);
        if (row != rows.cend() && row->createdAt.isValid())
            createdAt = double(row->createdAt.toMSecsSinceEpoch());
        if (!createdBy.isEmpty())
            o.insert("createdBy"_L1, createdBy);
        if (!createdAt.isUndefined() && !createdAt.isNull())
            o.insert("createdAt"_L1, createdAt);
        const QString modifiedBy = row != rows.cend() && !row->modifiedBy.isEmpty() ? row->modifiedBy : createdBy;
        if (!modifiedBy.isEmpty())
            o.insert("lastModifiedBy"_L1, modifiedBy);
        if (row != rows.cend() && row->modifiedAt.isValid())
            o.insert("lastModifiedAt"_L1, double(row->modifiedAt.toMSecsSinceEpoch()));
        else if (!createdAt.isUndefined() && !createdAt.isNull())
            o.insert("lastModifiedAt"_L1, createdAt);
        out.append(o);
    }
    return out;
}

} // namespace Flotilla
