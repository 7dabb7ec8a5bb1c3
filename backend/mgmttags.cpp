// Management API: target tags (/targettags) and distribution set tags (/distributionsettags), as hawkBit's
// MgmtTargetTagRestApi and MgmtDistributionSetTagRestApi define them: list, create, one by id, change, delete,
// the tagged members (targets by controllerId, sets by id) and tagging them one at a time or by a list
// (hawkBit 0.10: plain ids; older releases: {"controllerId"} / {"id"} objects). A target's or set's own tags
// are at /targets/{id}/tags and /distributionsets/{id}/tags.
#include "backend/managementserver_p.h"

#include "engine/repositoryservice.h"
#include <limits>

namespace Flotilla {

namespace {
using TagKind = SqlTagStore::TagKind;

bool isSetTag(const ManagementServer::Context &ctx)
{
    const QString path = ctx.request.url().path();
    return path.startsWith(Base + u"/distributionsettags"_s) || path.startsWith(Base + u"/distributionsets/"_s);
}
TagKind kindOf(const ManagementServer::Context &ctx)
{
    return isSetTag(ctx) ? TagKind::DistributionSet : TagKind::Target;
}
QString auditKind(TagKind kind)
{
    return kind == TagKind::DistributionSet ? u"distributionsettag"_s : u"targettag"_s;
}

MgmtTag mgmtTag(TagKind kind, const SqlTagStore::TagRow &t)
{
    const QString self
        = (kind == TagKind::DistributionSet ? u"/distributionsettags/%1"_s : u"/targettags/%1"_s).arg(t.id);
    MgmtTag tag { t.id, t.name, t.description, t.colour, {}, {}, {} };
    tag.links = linksOf({ { "self"_L1, self },
                          { kind == TagKind::DistributionSet ? "assignedDistributionSets"_L1 : "assignedTargets"_L1,
                            self + u"/assigned"_s } });
    return tag;
}
} // namespace

void ManagementServer::listTags(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const Result<QList<SqlTagStore::TagRow>> tags = m_store.tagStore().tags(kind);
    if (!ctx.succeeded(tags))
        return;
    QList<MgmtTag> content;
    for (const SqlTagStore::TagRow &t : *tags)
        content.append(mgmtTag(kind, t));
    ctx.sendPage(withAudit(auditKind(kind), content), content.size());
}

void ManagementServer::createTags(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const auto body = ctx.jsonArray();
    if (!body)
        return;
    Mgmt::DecodeError error;
    const std::optional<QList<MgmtTagRequestBodyPut>> items = decodeItems<MgmtTagRequestBodyPut>(*body, &error);
    if (!items)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    const Result<QList<SqlTagStore::TagRow>> existing = m_store.tagStore().tags(kind);
    if (!ctx.succeeded(existing))
        return;
    QList<MgmtTag> out;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const MgmtTagRequestBodyPut &o = items->at(i);
        SqlTagStore::TagRow tag { 0, o.name.value_or(QString()).trimmed(), o.description.value_or(QString()),
                                  o.colour.value_or(QString()) };
        if (tag.name.isEmpty() || tag.name.size() > 64)
            return ctx.fail(Status::BadRequest, u"[%1].name is required (1 to 64 characters)"_s.arg(i));
        if (std::any_of(existing->cbegin(), existing->cend(),
                        [&](const SqlTagStore::TagRow &t) { return t.name == tag.name; }))
            return ctx.fail(Status::Conflict, u"tag '%1' exists"_s.arg(tag.name));
        const Result<qint64> inserted = m_store.tagStore().insertTag(kind, tag);
        if (!inserted) // a tag of that name created meanwhile, or the store's failure: its words say which
            return ctx.fail(Status::Conflict, inserted.error().message);
        tag.id = *inserted;
        out.append(mgmtTag(kind, tag));
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    recordCreated(ctx, auditKind(kind), jsonOf(out));
    ctx.send(withAudit(auditKind(kind), out), Status::Created);
}

void ManagementServer::deleteTag(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const auto id = ctx.idArg(0, u"tag"_s);
    if (!id)
        return;
    if (!ctx.found(m_store.tagStore().tag(kind, *id), u"tag %1 does not exist"_s.arg(*id)))
        return;
    if (!ctx.succeeded(m_store.tagStore().deleteTag(kind, *id)))
        return;
    forget(auditKind(kind), *id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::getTag(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const auto id = ctx.idArg(0, u"tag"_s);
    if (!id)
        return;
    const auto tag = m_store.tagStore().tag(kind, *id);
    if (!ctx.found(tag, u"tag %1 does not exist"_s.arg(*id)))
        return;
    ctx.send(withAudit(auditKind(kind), mgmtTag(kind, *tag)));
}

void ManagementServer::updateTag(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const auto id = ctx.idArg(0, u"tag"_s);
    const auto body = id ? ctx.jsonObject() : std::nullopt;
    if (!body)
        return;
    Lookup<SqlTagStore::TagRow> tag = m_store.tagStore().tag(kind, *id);
    if (!ctx.found(tag, u"tag %1 does not exist"_s.arg(*id)))
        return;
    // hawkBit's MgmtTagRequestBodyPut: name, description, colour; what is absent stays.
    Mgmt::DecodeError error;
    const std::optional<MgmtTagRequestBodyPut> change = MgmtTagRequestBodyPut::fromJson(*body, &error);
    if (!change)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    if (change->name)
        tag->name = change->name->trimmed();
    if (change->description)
        tag->description = *change->description;
    if (change->colour)
        tag->colour = *change->colour;
    if (tag->name.isEmpty() || tag->name.size() > 64)
        return ctx.fail(Status::BadRequest, u"name is required (1 to 64 characters)"_s);
    const Result<QList<SqlTagStore::TagRow>> others = m_store.tagStore().tags(kind);
    if (!ctx.succeeded(others))
        return;
    for (const SqlTagStore::TagRow &other : *others) {
        if (other.id != tag->id && other.name == tag->name)
            return ctx.fail(Status::Conflict, u"tag '%1' exists"_s.arg(tag->name));
    }
    if (!ctx.succeeded(m_store.tagStore().updateTag(kind, *tag)))
        return;
    recordModified(ctx, auditKind(kind), tag->id);
    ctx.send(withAudit(auditKind(kind), mgmtTag(kind, *tag)));
}

Lookup<qint64> ManagementServer::tagMemberOf(Context &ctx, const QString &member)
{
    if (kindOf(ctx) == TagKind::Target) {
        const Lookup<Target> t = m_store.targets().targetByControllerId(member);
        if (!t.found())
            return t.failed() ? Lookup<qint64>(t.error()) : std::nullopt;
        return t->id;
    }
    bool isId = false;
    const qint64 id = member.toLongLong(&isId);
    if (!isId)
        return std::nullopt;
    const Lookup<DistributionSet> set = m_store.repository().distributionSet(id);
    if (!set.found())
        return set.failed() ? Lookup<qint64>(set.error()) : std::nullopt;
    return id;
}

void ManagementServer::listMemberTags(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    Lookup<qint64> member = std::nullopt;
    if (kind == TagKind::Target) {
        if (const auto t = targetOf(ctx))
            member = t->id;
        else
            return;
    } else if (member = tagMemberOf(ctx, ctx.args.value(0));
               !ctx.found(member, u"distribution set %1 does not exist"_s.arg(ctx.args.value(0)))) {
        return;
    }
    const Result<QList<qint64>> tagIds = m_store.tagStore().tagsOf(kind, *member);
    if (!ctx.succeeded(tagIds))
        return;
    QList<MgmtTag> content;
    for (qint64 tagId : *tagIds) {
        const auto tag = m_store.tagStore().tag(kind, tagId);
        if (!ctx.succeeded(tag))
            return;
        if (tag.found())
            content.append(mgmtTag(kind, *tag));
    }
    ctx.send(withAudit(auditKind(kind), content)); // hawkBit answers a plain list here
}

void ManagementServer::listTagMembers(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const auto id = ctx.idArg(0, u"tag"_s);
    if (!id)
        return;
    if (!ctx.found(m_store.tagStore().tag(kind, *id), u"tag %1 does not exist"_s.arg(*id)))
        return;
    // The members in one query (sets then read what each shows: its modules and completeness).
    const SqlCondition c = SqlTagStore::membersOfTag(kind, *id);
    QJsonArray content;
    if (kind == TagKind::Target) {
        const auto targets
            = m_store.targets().targetsWhere(c.sql, c.binds, u"t.id"_s, 0, std::numeric_limits<int>::max());
        if (!ctx.succeeded(targets))
            return;
        QList<MgmtTarget> out;
        for (const Target &t : *targets)
            out.append(mgmtTarget(t, ctx.who.can(Permission::ReadTargetSecurityToken)));
        content = targetsOut(out);
    } else {
        const auto sets
            = m_store.repository().distributionSetsWhere(c.sql, c.binds, u"s.id"_s, 0, std::numeric_limits<int>::max());
        if (!ctx.succeeded(sets))
            return;
        QList<MgmtDistributionSet> out;
        for (const DistributionSet &s : *sets) {
            const Result<MgmtDistributionSet> shown = setOf(s);
            if (!ctx.succeeded(shown))
                return;
            out.append(*shown);
        }
        content = setsOut(out);
    }
    ctx.sendPage(content, content.size());
}

void ManagementServer::tagMembers(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const auto id = ctx.idArg(0, u"tag"_s);
    const auto body = id ? ctx.jsonArray() : std::nullopt;
    if (!body)
        return;
    // Targets by controllerId, sets by id (hawkBit's two forms each: plain, or in an object).
    Mgmt::DecodeError error;
    std::optional<QStringList> items;
    if (kind == TagKind::Target) {
        items = controllerIdsOf(*body, &error);
    } else if (const std::optional<QList<qint64>> ids = idsOf(*body, &error)) {
        items = QStringList();
        for (qint64 setId : *ids)
            items->append(QString::number(setId));
    }
    if (!items)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    if (!ctx.found(m_store.tagStore().tag(kind, *id), u"tag %1 does not exist"_s.arg(*id)))
        return;
    const bool tagged = ctx.request.method() == Method::Post;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const Lookup<qint64> member = tagMemberOf(ctx, items->at(i));
        // hawkBit's default onNotFoundPolicy is FAIL
        if (!ctx.found(member,
                       u"[%1]: no such %2"_s.arg(i).arg(kind == TagKind::Target ? u"target"_s : u"distribution set"_s)))
            return;
        if (!ctx.succeeded(m_store.tagStore().tagMember(kind, *id, *member, tagged)))
            return;
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::tagMember(Context &ctx)
{
    const TagKind kind = kindOf(ctx);
    const auto id = ctx.idArg(0, u"tag"_s);
    if (!id)
        return;
    const Lookup<qint64> member = tagMemberOf(ctx, ctx.args.value(1));
    const QString none = u"tag %1 or '%2' does not exist"_s.arg(*id).arg(ctx.args.value(1));
    if (!ctx.found(m_store.tagStore().tag(kind, *id), none))
        return;
    if (!ctx.found(member, none))
        return;
    if (!ctx.succeeded(m_store.tagStore().tagMember(kind, *id, *member, ctx.request.method() == Method::Post)))
        return;
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
