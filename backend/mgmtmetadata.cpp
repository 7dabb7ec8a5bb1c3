// Management API: metadata of targets, software modules and distribution sets, as hawkBit's MgmtMetadata
// (key, value) and MgmtSoftwareModuleMetadata (plus targetVisible: the devices see it in the deployment's
// chunk). Paths: /targets/{controllerId}/metadata[/{key}], /softwaremodules/{id}/metadata[/{key}],
// /distributionsets/{id}/metadata[/{key}]. POST creates a list (409 for a key that exists), PUT changes one
// value (204, as hawkBit 0.10), DELETE removes one.
#include "proto/mgmt/mgmtmetadata.h"
#include "backend/managementserver_p.h"

namespace Flotilla {

namespace {
constexpr int MaxKeyLength = 128; // hawkBit's MetaData key and value limits
constexpr int MaxValueLength = 4000;

QJsonObject metadataJson(const SqlMetadataStore::MetadataEntry &e, bool module)
{
    return MgmtMetadata { e.key, e.value, module ? std::optional(e.targetVisible) : std::nullopt }.toJson();
}
} // namespace

std::optional<std::pair<QString, qint64>> ManagementServer::metadataOwner(Context &ctx)
{
    const QString path = ctx.request.url().path();
    if (path.startsWith(Base + u"/targets/"_s)) {
        const std::optional<Target> t = targetOf(ctx);
        return t ? std::make_optional(std::pair { u"target"_s, t->id }) : std::nullopt;
    }
    const bool module = path.startsWith(Base + u"/softwaremodules/"_s);
    const auto id = ctx.idArg(0, module ? u"software module"_s : u"distribution set"_s);
    if (!id)
        return std::nullopt;
    const QString none = u"%1 %2 does not exist"_s.arg(module ? u"software module"_s : u"distribution set"_s).arg(*id);
    if (!(module ? ctx.found(m_store.repository().softwareModule(*id), none)
                 : ctx.found(m_store.repository().distributionSet(*id), none)))
        return std::nullopt;
    return std::pair { module ? u"softwaremodule"_s : u"distributionset"_s, *id };
}

void ManagementServer::listMetadata(Context &ctx)
{
    const auto owner = metadataOwner(ctx);
    if (!owner)
        return;
    const Result<QList<SqlMetadataStore::MetadataEntry>> entries
        = m_store.metadataStore().metadata(owner->first, owner->second);
    if (!ctx.succeeded(entries))
        return;
    QJsonArray content;
    for (const SqlMetadataStore::MetadataEntry &e : *entries)
        content.append(metadataJson(e, owner->first == u"softwaremodule"_s));
    ctx.sendPage(content, content.size());
}

void ManagementServer::createMetadata(Context &ctx)
{
    const auto owner = metadataOwner(ctx);
    const auto items = owner ? ctx.items<MgmtMetadata>() : std::nullopt;
    if (!items)
        return;
    const bool module = owner->first == u"softwaremodule"_s;
    QList<SqlMetadataStore::MetadataEntry> entries;
    QSet<QString> keys;
    for (int i = 0; i < items->size(); ++i) {
        const MgmtMetadata &o = items->at(i);
        SqlMetadataStore::MetadataEntry e { o.key, o.value, o.targetVisible.value_or(false) };
        if (e.key.isEmpty() || e.key.size() > MaxKeyLength || e.value.size() > MaxValueLength)
            return ctx.fail(Status::BadRequest,
                            u"[%1]: a key of 1 to %2 characters and a value of at most %3"_s.arg(i)
                                .arg(MaxKeyLength)
                                .arg(MaxValueLength));
        if (!module && o.targetVisible)
            return ctx.fail(Status::BadRequest, u"[%1]: targetVisible is for software modules only"_s.arg(i));
        const auto existing = m_store.metadataStore().metadataEntry(owner->first, owner->second, e.key);
        if (!ctx.succeeded(existing))
            return;
        if (keys.contains(e.key) || existing.found())
            return ctx.fail(Status::Conflict, u"[%1]: metadata '%2' exists"_s.arg(i).arg(e.key));
        keys.insert(e.key);
        entries.append(e);
    }
    StoreTransaction tx(m_store);
    QJsonArray out;
    for (const SqlMetadataStore::MetadataEntry &e : std::as_const(entries)) {
        if (!ctx.succeeded(m_store.metadataStore().setMetadata(owner->first, owner->second, e)))
            return;
        out.append(metadataJson(e, module));
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    ctx.send(out, Status::Created);
}

void ManagementServer::getMetadata(Context &ctx)
{
    const auto owner = metadataOwner(ctx);
    if (!owner)
        return;
    const QString key = ctx.args.value(1);
    const auto e = m_store.metadataStore().metadataEntry(owner->first, owner->second, key);
    if (!ctx.found(e, u"no metadata '%1'"_s.arg(key)))
        return;
    ctx.send(metadataJson(*e, owner->first == u"softwaremodule"_s));
}

void ManagementServer::updateMetadata(Context &ctx)
{
    const auto owner = metadataOwner(ctx);
    const auto body = owner ? ctx.jsonObject() : std::nullopt;
    if (!body)
        return;
    const QString key = ctx.args.value(1);
    Lookup<SqlMetadataStore::MetadataEntry> e = m_store.metadataStore().metadataEntry(owner->first, owner->second, key);
    if (!ctx.found(e, u"no metadata '%1'"_s.arg(key)))
        return;
    Mgmt::DecodeError error;
    const std::optional<MgmtMetadataBodyPut> change = MgmtMetadataBodyPut::fromJson(*body, &error);
    if (!change)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    e->value = change->value.value_or(e->value);
    if (change->targetVisible) {
        if (owner->first != u"softwaremodule"_s)
            return ctx.fail(Status::BadRequest, u"targetVisible is for software modules only"_s);
        e->targetVisible = *change->targetVisible;
    }
    if (e->value.size() > MaxValueLength)
        return ctx.fail(Status::BadRequest, u"a value has at most %1 characters"_s.arg(MaxValueLength));
    if (!ctx.succeeded(m_store.metadataStore().setMetadata(owner->first, owner->second, *e)))
        return;
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::deleteMetadata(Context &ctx)
{
    const auto owner = metadataOwner(ctx);
    if (!owner)
        return;
    const QString key = ctx.args.value(1);
    if (!ctx.found(m_store.metadataStore().metadataEntry(owner->first, owner->second, key),
                   u"no metadata '%1'"_s.arg(key)))
        return;
    if (!ctx.succeeded(m_store.metadataStore().deleteMetadata(owner->first, owner->second, key)))
        return;
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
