// Management API: the audit trail. Every request that changes something (POST, PUT, PATCH, DELETE, apart from the
// forecast, which only computes) runs in one store transaction together with its audit entry: who, when, from
// which address, what was asked (the body, secrets redacted), the resource before (what the route's GET twin
// answers for the same path) and after (the answer). The answer is held back until the commit, so an operator is
// never told of a change that was not stored, and a change that fails half-way leaves nothing behind. Read with
// GET /rest/v1/audit (administrators only, RSQL and paging); no route changes or removes an entry; retention
// (audit/retentionDays) removes old ones.
#include "backend/managementserver_p.h"

#include <QRegularExpression>

namespace Flotilla {

namespace {
// Larger bodies are kept as a note of their size: the trail is for people, not a second copy of the store.
constexpr qsizetype MaxStoredJson = 64 * 1024;

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(u"password"_s) || k.contains(u"token"_s) || k.contains(u"secret"_s);
}

QJsonValue redacted(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(),
                       isSecretKey(it.key()) && !it.value().isNull() ? QJsonValue(u"(redacted)"_s)
                                                                     : redacted(it.value()));
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(redacted(e));
        return out;
    }
    return v;
}

// A body as the trail keeps it: compact JSON with secrets redacted, or a note of what it was.
QByteArray forTrail(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isNull()) {
        const QJsonObject note { { "contentType"_L1, QString::fromLatin1(contentType.left(100)) },
                                 { "bytes"_L1, double(body.size()) } };
        return QJsonDocument(note).toJson(QJsonDocument::Compact);
    }
    const QJsonValue clean = redacted(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
    const QByteArray out = clean.isArray() ? QJsonDocument(clean.toArray()).toJson(QJsonDocument::Compact)
                                           : QJsonDocument(clean.toObject()).toJson(QJsonDocument::Compact);
    if (out.size() > MaxStoredJson)
        return QJsonDocument(QJsonObject { { "truncated"_L1, true }, { "bytes"_L1, double(out.size()) } })
            .toJson(QJsonDocument::Compact);
    return out;
}

bool changes(const ManagementServer::Route &route)
{
    using M = QHttpServerRequest::Method;
    if (!(route.method & (M::Post | M::Put | M::Patch | M::Delete)))
        return false;
    return route.path != u"/rollouts/forecast"_s; // computes a forecast, stores nothing
}

bool isSuccess(Mgmt::Status status)
{
    return int(status) >= 200 && int(status) < 300;
}

QJsonValue jsonOrNull(const QByteArray &text)
{
    if (text.isEmpty())
        return QJsonValue::Null;
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    return doc.isArray() ? QJsonValue(doc.array()) : doc.isObject() ? QJsonValue(doc.object()) : QJsonValue::Null;
}
} // namespace

bool ManagementServer::changes(const Route &route)
{
    return Flotilla::changes(route);
}

QByteArray ManagementServer::stateBefore(Context &ctx, const Route &route)
{
    using M = QHttpServerRequest::Method;
    if (route.method == M::Post)
        return {}; // a creation (or a command): nothing was there to compare with
    for (const Route &twin : routes()) {
        if (twin.method != M::Get || twin.path != route.path || twin.handler == &ManagementServer::downloadArtifact)
            continue;
        std::optional<Context::Answer> answer;
        Context read { ctx.request, ctx.responder, ctx.args, ctx.who, ctx.linkBase };
        read.heldAnswer = &answer;
        (this->*twin.handler)(read);
        if (answer && answer->status == Status::Ok)
            return forTrail(answer->body, "application/json");
        return {};
    }
    return {};
}

void ManagementServer::handleChange(Context &ctx, const Route &route)
{
    std::optional<Context::Answer> answer;
    {
        StoreTransaction tx(m_store);
        const QByteArray before = stateBefore(ctx, route);
        ctx.heldAnswer = &answer;
        (this->*route.handler)(ctx);
        ctx.heldAnswer = nullptr;
        if (!answer) {
            qCWarning(lcMgmt).noquote() << route.path << "answered nothing";
            return ctx.fail(Status::InternalServerError, u"the request was not answered"_s);
        }
        if (isSuccess(answer->status)) {
            SqlAuditTrail::AuditEntry e;
            e.at = QDateTime::currentDateTimeUtc();
            e.actor = ctx.who.name;
            e.address = m_externalUrl.clientOf(ctx.request).toString();
            e.method = QString(httpMethodName(ctx.request.method()));
            const QString path = ctx.request.url().path().mid(Base.size());
            const QString query = ctx.request.url().query(QUrl::FullyDecoded);
            e.path = query.isEmpty() ? path : path + u'?' + query;
            e.status = int(answer->status);
            const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
            e.entity = segments.value(0);
            e.entityId = segments.value(1);
            e.request = forTrail(ctx.request.body(), ctx.request.value("content-type"));
            e.before = before;
            e.after = forTrail(answer->body, "application/json");
            Result<void> stored = m_store.auditTrail().appendAuditEntry(e);
            if (stored)
                stored = tx.commit();
            if (!stored) {
                // Nothing of the change is kept: the operator is told, with the store's own words.
                qCWarning(lcMgmt).noquote() << "not committed:" << e.method << e.path << stored.error().message;
                return ctx.fail(Status::InternalServerError,
                                u"the change was not stored: %1"_s.arg(stored.error().message));
            }
        }
        // Anything else: the transaction rolls back whatever the handler had written before it failed.
    }
    ctx.answer(answer->body, answer->headers, answer->status);
}

void ManagementServer::listAudit(Context &ctx)
{
    std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::Audit, u"au"_s);
    if (!l)
        return;
    // Newest first unless the request sorts.
    if (ctx.request.query().queryItemValue(u"sort"_s).isEmpty())
        l->orderBy = u"au.id DESC"_s;
    const auto entries
        = m_store.auditTrail().auditEntriesWhere(l->condition.sql, l->condition.binds, l->orderBy, l->offset, l->limit);
    const auto total = m_store.countWhere(RsqlCompiler::Entity::Audit, l->condition.sql, l->condition.binds);
    if (!ctx.succeeded(entries, total))
        return;
    QJsonArray content;
    for (const SqlAuditTrail::AuditEntry &e : *entries)
        content.append(Mgmt::MgmtAuditEntry { e.id, e.at.toMSecsSinceEpoch(), e.actor, e.address, e.method, e.path,
                                              e.status, e.entity, e.entityId, jsonOrNull(e.request),
                                              jsonOrNull(e.before), jsonOrNull(e.after) }
                           .toJson());
    ctx.sendPage(content, *total);
}

} // namespace Flotilla
