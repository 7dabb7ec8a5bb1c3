// Management API: target groups (/targetgroups), as hawkBit's MgmtTargetGroupRestApi defines them. A group is
// a "/"-separated path on the target (its `group` field, e.g. "Europe/East"); there is no group entity: a group
// exists while a target is in it. Targets join a group by controllerId list or by RSQL query and leave it the
// same ways; the members of a group are listed with or without its subgroups.
#include "backend/managementserver_p.h"

#include <limits>

namespace Flotilla {

std::optional<QString> ManagementServer::targetGroupOf(Context &ctx, bool fromPath)
{
    const QString group
        = fromPath ? ctx.args.value(0) : ctx.request.query().queryItemValue(u"group"_s, QUrl::FullyDecoded).trimmed();
    if (const QString e = targetGroupError(group); !e.isEmpty())
        return ctx.fail(Status::BadRequest, e), std::nullopt;
    if (fromPath && group.contains(u'/'))
        return ctx.fail(Status::BadRequest, u"a subgroup goes in ?group=, not in the path"_s), std::nullopt;
    return group;
}

// GET /targetgroups: every group some target is in, sorted (hawkBit answers a plain list of names).
void ManagementServer::listTargetGroups(Context &ctx)
{
    const Result<QStringList> groups = m_store.targets().targetGroups();
    if (!ctx.succeeded(groups))
        return;
    ctx.send(QJsonArray::fromStringList(*groups));
}

// GET /targetgroups/{group}/assigned and /targetgroups/assigned?group=P/C&subgroups=true: the group's targets,
// paged and sorted as /targets is.
void ManagementServer::listTargetsInGroup(Context &ctx)
{
    const bool fromPath = ctx.args.size() > 0;
    const std::optional<QString> group = targetGroupOf(ctx, fromPath);
    if (!group)
        return;
    std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::Target, u"t"_s);
    if (!l)
        return;
    const bool subgroups
        = !fromPath && ctx.request.query().queryItemValue(u"subgroups"_s).compare(u"true"_s, Qt::CaseInsensitive) == 0;
    const SqlCondition inGroup = SqlTargetStore::targetsInGroup(*group, subgroups);
    QString where = inGroup.sql;
    QVariantList binds = inGroup.binds;
    if (!l->condition.sql.isEmpty()) {
        where += u" AND ("_s + l->condition.sql + u')';
        binds += l->condition.binds;
    }
    const bool tokens = ctx.who.can(Permission::ReadTargetSecurityToken);
    const auto targets = m_store.targets().targetsWhere(where, binds, l->orderBy, l->offset, l->limit);
    const auto total = m_store.targets().countTargetsWhere(where, binds);
    if (!ctx.succeeded(targets, total))
        return;
    QList<MgmtTarget> content;
    for (const Target &t : *targets)
        content.append(mgmtTarget(t, tokens));
    ctx.sendPage(targetsOut(content), *total);
}

// PUT /targetgroups/{group}/assigned, PUT /targetgroups/assigned?group= (a list of controllerIds), PUT
// /targetgroups/{group}?q= and PUT /targetgroups?group=&q= (the targets an RSQL query matches) put targets in a
// group; DELETE /targetgroups/assigned (a list) and DELETE /targetgroups?q= take them out of theirs. A list
// naming an unknown target changes nothing (404).
void ManagementServer::setTargetsGroup(Context &ctx)
{
    const QString path = ctx.request.url().path();
    const bool removing = ctx.request.method() == QHttpServerRequest::Method::Delete;
    const bool byList = path.endsWith(u"/assigned"_s);
    QString group;
    if (!removing) {
        const std::optional<QString> g = targetGroupOf(ctx, !ctx.args.isEmpty());
        if (!g)
            return;
        group = *g;
    }
    QList<qint64> ids;
    if (byList) {
        const auto body = ctx.jsonArray();
        if (!body)
            return;
        Mgmt::DecodeError error;
        const std::optional<QStringList> items = controllerIdsOf(*body, &error);
        if (!items)
            return ctx.fail(Errors::BodyNotReadable, error.message);
        for (int i = 0; i < items->size(); ++i) {
            const QString &controllerId = items->at(i);
            const Lookup<Target> t = m_store.targets().targetByControllerId(controllerId);
            if (!ctx.found(t, u"[%1]: target '%2' does not exist"_s.arg(i).arg(controllerId)))
                return;
            ids.append(t->id);
        }
    } else {
        const QString q = ctx.request.query().queryItemValue(u"q"_s, QUrl::FullyDecoded);
        if (q.isEmpty() && !removing)
            return ctx.fail(Status::BadRequest, u"q (an RSQL query over targets) is required"_s);
        const std::optional<SqlCondition> condition = queryOf(ctx, RsqlCompiler::Entity::Target);
        if (!condition)
            return;
        // A failed read is a 500, never "nothing matched, nothing moved".
        Result<QList<qint64>> matching
            = m_store.idsWhere(RsqlCompiler::Entity::Target, condition->sql, condition->binds, u"t.id"_s, 0,
                               std::numeric_limits<int>::max());
        if (!ctx.succeeded(matching))
            return;
        ids = std::move(matching).value();
    }
    if (!ctx.succeeded(m_store.targets().setTargetGroup(ids, group)))
        return;
    for (qint64 id : std::as_const(ids))
        recordModified(ctx, u"target"_s, id);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
