// Management API: software module, distribution set and target types (create, list, one by id or key, PUT,
// a set type's module types and a target type's set types, delete).
#include "proto/mgmt/mgmttypes.h"
#include "backend/managementserver_p.h"

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace Flotilla {

namespace {
constexpr int MaxColourLength = 16; // hawkBit's Type.COLOUR_MAX_SIZE

// The fields every type shares, as MgmtTypeEntity carries them; the colour is left out while unset.
template<typename Wire, typename Type> Wire entityOf(const QString &kind, const Type &t)
{
    Wire w;
    w.id = t.id;
    w.key = t.key;
    w.name = t.name;
    w.description = t.description;
    if (!t.colour.isEmpty())
        w.colour = t.colour;
    w.links = linksOf({ { "self"_L1, u"/%1/%2"_s.arg(kind).arg(t.id) } });
    return w;
}

// hawkBit's MgmtSoftwareModuleType, MgmtDistributionSetType and MgmtTargetType. A set type's module types and a
// target type's set types are listed by key as well (Flotilla's first form) and linked as hawkBit does.
MgmtSoftwareModuleType mgmtModuleType(const SoftwareModuleType &t)
{
    auto w = entityOf<MgmtSoftwareModuleType>(u"softwaremoduletypes"_s, t);
    w.maxAssignments = t.maxAssignments;
    w.minArtifacts = t.minArtifacts;
    return w;
}
MgmtDistributionSetType mgmtSetType(const DistributionSetType &t)
{
    auto w = entityOf<MgmtDistributionSetType>(u"distributionsettypes"_s, t);
    w.mandatorymodules = t.mandatoryModuleTypes;
    w.optionalmodules = t.optionalModuleTypes;
    w.links.insert(u"mandatorymodules"_s, Base + u"/distributionsettypes/%1/mandatorymoduletypes"_s.arg(t.id));
    w.links.insert(u"optionalmodules"_s, Base + u"/distributionsettypes/%1/optionalmoduletypes"_s.arg(t.id));
    return w;
}
MgmtTargetType mgmtTargetType(const TargetType &t)
{
    auto w = entityOf<MgmtTargetType>(u"targettypes"_s, t);
    w.compatibledistributionsettypes = t.compatibleSetTypes;
    w.links.insert(u"compatibledistributionsettypes"_s,
                   Base + u"/targettypes/%1/compatibledistributionsettypes"_s.arg(t.id));
    return w;
}

// A type's colour fits hawkBit's column; an error message, empty when it does.
QString colourError(const QString &colour)
{
    return colour.size() > MaxColourLength ? u"colour is at most %1 characters"_s.arg(MaxColourLength) : QString();
}

// Which kind of type a request is about, from its path.
SqlRepositoryStore::TypeKind typeKindOf(const ManagementServer::Context &ctx)
{
    const QString path = ctx.request.url().path();
    return path.contains(u"/softwaremoduletypes/"_s) ? SqlRepositoryStore::TypeKind::SoftwareModule
        : path.contains(u"/distributionsettypes/"_s) ? SqlRepositoryStore::TypeKind::DistributionSet
                                                     : SqlRepositoryStore::TypeKind::Target;
}
// The audit record's kind of a type.
QString auditKindOf(SqlRepositoryStore::TypeKind kind)
{
    return kind == SqlRepositoryStore::TypeKind::SoftwareModule ? u"softwaremoduletype"_s
        : kind == SqlRepositoryStore::TypeKind::DistributionSet ? u"distributionsettype"_s
                                                                : u"targettype"_s;
}

} // namespace

void ManagementServer::createModuleTypes(Context &ctx)
{
    QList<MgmtSoftwareModuleType> created;
    const auto items = ctx.items<MgmtSoftwareModuleTypeRequestBodyPost>();
    if (!items)
        return;
    const std::optional<QJsonArray> out = createEach(ctx, items->size(), [&](int i) -> std::optional<QJsonObject> {
        const MgmtSoftwareModuleTypeRequestBodyPost &o = items->at(i);
        SoftwareModuleType type { 0, o.key, o.name, o.maxAssignments };
        type.minArtifacts = o.minArtifacts;
        type.description = o.description;
        type.colour = o.colour;
        if (type.key.isEmpty() || type.name.isEmpty() || type.maxAssignments < 1 || type.minArtifacts < 0)
            return ctx.fail(Status::BadRequest,
                            u"[%1]: key and name are required, maxAssignments >= 1, minArtifacts >= 0"_s.arg(i)),
                   std::nullopt;
        if (const QString e = colourError(type.colour); !e.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: %2"_s.arg(i).arg(e)), std::nullopt;
        const auto existing = m_store.repository().softwareModuleType(type.key);
        if (!ctx.succeeded(existing))
            return std::nullopt;
        if (existing.found())
            return ctx.fail(Status::Conflict, u"software module type '%1' exists"_s.arg(type.key)), std::nullopt;
        const Result<qint64> id = m_store.repository().insertSoftwareModuleType(type);
        if (!ctx.succeeded(id))
            return std::nullopt;
        type.id = *id;
        created.append(mgmtModuleType(type));
        return created.constLast().toJson();
    });
    if (!out)
        return;
    recordCreated(ctx, u"softwaremoduletype"_s, *out);
    ctx.send(withAudit(u"softwaremoduletype"_s, created), Status::Created);
}

void ManagementServer::createSetTypes(Context &ctx)
{
    QList<MgmtDistributionSetType> created;
    const auto items = ctx.items<MgmtDistributionSetTypeRequestBodyPost>();
    if (!items)
        return;
    const std::optional<QJsonArray> out = createEach(ctx, items->size(), [&](int i) -> std::optional<QJsonObject> {
        const MgmtDistributionSetTypeRequestBodyPost &o = items->at(i);
        DistributionSetType type { 0, o.key, o.name, {}, {} };
        type.description = o.description;
        type.colour = o.colour;
        if (type.key.isEmpty() || type.name.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: key and name are required"_s.arg(i)), std::nullopt;
        if (const QString e = colourError(type.colour); !e.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: %2"_s.arg(i).arg(e)), std::nullopt;
        for (const auto &[refs, into] : { std::pair { &o.mandatorymodules, &type.mandatoryModuleTypes },
                                          std::pair { &o.optionalmodules, &type.optionalModuleTypes } }) {
            for (const MgmtTypeRef &ref : *refs) {
                const Lookup<SoftwareModuleType> m = moduleTypeByIdOrKey(ref.idOrKey());
                if (!ctx.found(m, u"[%1]: software module type '%2' does not exist"_s.arg(i).arg(ref.idOrKey())))
                    return std::nullopt;
                into->append(m->key);
            }
        }
        const auto existing = m_store.repository().distributionSetType(type.key);
        if (!ctx.succeeded(existing))
            return std::nullopt;
        if (existing.found())
            return ctx.fail(Status::Conflict, u"distribution set type '%1' exists"_s.arg(type.key)), std::nullopt;
        const Result<qint64> id = m_store.repository().insertDistributionSetType(type);
        if (!ctx.succeeded(id))
            return std::nullopt;
        type.id = *id;
        created.append(mgmtSetType(type));
        return created.constLast().toJson();
    });
    if (!out)
        return;
    recordCreated(ctx, u"distributionsettype"_s, *out);
    ctx.send(withAudit(u"distributionsettype"_s, created), Status::Created);
}

void ManagementServer::createTargetTypes(Context &ctx)
{
    QList<MgmtTargetType> created;
    const auto items = ctx.items<MgmtTargetTypeRequestBodyPost>();
    if (!items)
        return;
    const std::optional<QJsonArray> out = createEach(ctx, items->size(), [&](int i) -> std::optional<QJsonObject> {
        const MgmtTargetTypeRequestBodyPost &o = items->at(i);
        TargetType type { 0, o.key, o.name, {} };
        type.description = o.description;
        type.colour = o.colour;
        if (type.key.isEmpty())
            type.key = type.name; // hawkBit's key is optional: the name stands in for it
        if (type.key.isEmpty() || type.name.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: name is required"_s.arg(i)), std::nullopt;
        if (const QString e = colourError(type.colour); !e.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: %2"_s.arg(i).arg(e)), std::nullopt;
        for (const MgmtTypeRef &ref : o.compatibledistributionsettypes) {
            const Lookup<DistributionSetType> s = setTypeByIdOrKey(ref.idOrKey());
            if (!ctx.found(s, u"[%1]: distribution set type '%2' does not exist"_s.arg(i).arg(ref.idOrKey())))
                return std::nullopt;
            type.compatibleSetTypes.append(s->key);
        }
        const auto existing = m_store.repository().targetType(type.key);
        if (!ctx.succeeded(existing))
            return std::nullopt;
        if (existing.found())
            return ctx.fail(Status::Conflict, u"target type '%1' exists"_s.arg(type.key)), std::nullopt;
        const Result<qint64> id = m_store.repository().insertTargetType(type);
        if (!ctx.succeeded(id))
            return std::nullopt;
        type.id = *id;
        created.append(mgmtTargetType(type));
        return created.constLast().toJson();
    });
    if (!out)
        return;
    recordCreated(ctx, u"targettype"_s, *out);
    ctx.send(withAudit(u"targettype"_s, created), Status::Created);
}

void ManagementServer::listModuleTypes(Context &ctx)
{
    const Result<QStringList> keys = m_store.repository().typeKeys(SqlRepositoryStore::TypeKind::SoftwareModule);
    if (!ctx.succeeded(keys))
        return;
    QList<MgmtSoftwareModuleType> content;
    for (const QString &key : *keys) {
        const auto t = m_store.repository().softwareModuleType(key);
        if (!ctx.succeeded(t))
            return;
        if (t.found())
            content.append(mgmtModuleType(*t));
    }
    ctx.sendPage(withAudit(u"softwaremoduletype"_s, content), content.size());
}

Lookup<SoftwareModuleType> ManagementServer::moduleTypeByIdOrKey(const QString &idOrKey)
{
    bool isId = false;
    const qint64 id = idOrKey.toLongLong(&isId);
    return typeByIdOrKey<SoftwareModuleType>(
        isId ? m_store.repository().typeKeyOf(SqlRepositoryStore::TypeKind::SoftwareModule, id)
             : Lookup<QString>(std::nullopt),
        [this](const QString &k) { return m_store.repository().softwareModuleType(k); }, idOrKey);
}

Lookup<DistributionSetType> ManagementServer::setTypeByIdOrKey(const QString &idOrKey)
{
    bool isId = false;
    const qint64 id = idOrKey.toLongLong(&isId);
    return typeByIdOrKey<DistributionSetType>(
        isId ? m_store.repository().typeKeyOf(SqlRepositoryStore::TypeKind::DistributionSet, id)
             : Lookup<QString>(std::nullopt),
        [this](const QString &k) { return m_store.repository().distributionSetType(k); }, idOrKey);
}

void ManagementServer::getModuleType(Context &ctx)
{
    const auto t = moduleTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, u"software module type '%1' does not exist"_s.arg(ctx.args.value(0))))
        return;
    ctx.send(withAudit(u"softwaremoduletype"_s, mgmtModuleType(*t)));
}

void ManagementServer::getSetType(Context &ctx)
{
    const auto t = setTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, u"distribution set type '%1' does not exist"_s.arg(ctx.args.value(0))))
        return;
    ctx.send(withAudit(u"distributionsettype"_s, mgmtSetType(*t)));
}

void ManagementServer::listSetTypeModuleTypes(Context &ctx)
{
    const auto t = setTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, u"distribution set type '%1' does not exist"_s.arg(ctx.args.value(0))))
        return;
    const bool mandatory = ctx.request.url().path().endsWith(u"/mandatorymoduletypes"_s);
    QList<MgmtSoftwareModuleType> list;
    for (const QString &key : mandatory ? t->mandatoryModuleTypes : t->optionalModuleTypes) {
        const auto m = m_store.repository().softwareModuleType(key);
        if (!ctx.succeeded(m))
            return;
        if (m.found())
            list.append(mgmtModuleType(*m));
    }
    ctx.send(withAudit(u"softwaremoduletype"_s, list)); // hawkBit answers a plain list here
}

void ManagementServer::listSetTypes(Context &ctx)
{
    const Result<QStringList> keys = m_store.repository().typeKeys(SqlRepositoryStore::TypeKind::DistributionSet);
    if (!ctx.succeeded(keys))
        return;
    QList<MgmtDistributionSetType> content;
    for (const QString &key : *keys) {
        const auto t = m_store.repository().distributionSetType(key);
        if (!ctx.succeeded(t))
            return;
        if (t.found())
            content.append(mgmtSetType(*t));
    }
    ctx.sendPage(withAudit(u"distributionsettype"_s, content), content.size());
}

void ManagementServer::listTargetTypes(Context &ctx)
{
    const Result<QStringList> keys = m_store.repository().typeKeys(SqlRepositoryStore::TypeKind::Target);
    if (!ctx.succeeded(keys))
        return;
    QList<MgmtTargetType> content;
    for (const QString &key : *keys) {
        const auto t = m_store.repository().targetType(key);
        if (!ctx.succeeded(t))
            return;
        if (t.found())
            content.append(mgmtTargetType(*t));
    }
    ctx.sendPage(withAudit(u"targettype"_s, content), content.size());
}

Lookup<TargetType> ManagementServer::targetTypeByIdOrKey(const QString &idOrKey)
{
    bool isId = false;
    const qint64 id = idOrKey.toLongLong(&isId);
    return typeByIdOrKey<TargetType>(
        isId ? m_store.repository().typeKeyOf(SqlRepositoryStore::TypeKind::Target, id) : Lookup<QString>(std::nullopt),
        [this](const QString &k) { return m_store.repository().targetType(k); }, idOrKey);
}

void ManagementServer::getTargetType(Context &ctx)
{
    const auto t = targetTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, u"target type '%1' does not exist"_s.arg(ctx.args.value(0))))
        return;
    ctx.send(withAudit(u"targettype"_s, mgmtTargetType(*t)));
}

// PUT on a type: hawkBit changes description and colour (and a target type's name); key and content stay.
void ManagementServer::updateType(Context &ctx)
{
    using Kind = SqlRepositoryStore::TypeKind;
    const Kind kind = typeKindOf(ctx);
    const QString ref = ctx.args.value(0);
    struct Found
    {
        QString key, name, description, colour;
        qint64 id = 0;
    } f;
    const auto read = [&](const auto &t) {
        if (t.found())
            f = { t->key, t->name, t->description, t->colour, t->id };
        return ctx.found(t, u"type '%1' does not exist"_s.arg(ref));
    };
    if (!(kind == Kind::SoftwareModule        ? read(moduleTypeByIdOrKey(ref))
              : kind == Kind::DistributionSet ? read(setTypeByIdOrKey(ref))
                                              : read(targetTypeByIdOrKey(ref))))
        return;
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    Mgmt::DecodeError error;
    const std::optional<MgmtTypeRequestBodyPut> change = MgmtTypeRequestBodyPut::fromJson(*body, &error);
    if (!change)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    f.description = change->description.value_or(f.description);
    f.colour = change->colour.value_or(f.colour);
    if (const QString e = colourError(f.colour); !e.isEmpty())
        return ctx.fail(Status::BadRequest, e);
    if (kind == Kind::Target && change->name) {
        f.name = change->name->trimmed();
        if (f.name.isEmpty())
            return ctx.fail(Status::BadRequest, u"name must not be empty"_s);
    }
    if (!ctx.succeeded(m_store.repository().updateTypeDetails(kind, f.key, f.name, f.description, f.colour)))
        return;
    recordModified(ctx, auditKindOf(kind), f.id);
    const auto answer = [&](const auto &t, const auto &wire) {
        if (ctx.found(t, u"type '%1' does not exist"_s.arg(ref)))
            ctx.send(withAudit(auditKindOf(kind), wire(*t)));
    };
    if (kind == Kind::SoftwareModule)
        return answer(m_store.repository().softwareModuleType(f.key), mgmtModuleType);
    if (kind == Kind::DistributionSet)
        return answer(m_store.repository().distributionSetType(f.key), mgmtSetType);
    answer(m_store.repository().targetType(f.key), mgmtTargetType);
}

// GET .../mandatorymoduletypes/{smtId} (or optional): the module type when the set type lists it there.
void ManagementServer::getSetTypeModuleType(Context &ctx)
{
    const bool mandatory = ctx.request.url().path().contains(u"/mandatorymoduletypes/"_s);
    const QString none = u"distribution set type '%1' has no %2 module type '%3'"_s.arg(
        ctx.args.value(0), mandatory ? u"mandatory"_s : u"optional"_s, ctx.args.value(1));
    const Lookup<DistributionSetType> t = setTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, none))
        return;
    const Lookup<SoftwareModuleType> m = moduleTypeByIdOrKey(ctx.args.value(1));
    if (!ctx.found(m, none))
        return;
    if (!(mandatory ? t->mandatoryModuleTypes : t->optionalModuleTypes).contains(m->key))
        return ctx.fail(Status::NotFound, none);
    ctx.send(withAudit(u"softwaremoduletype"_s, mgmtModuleType(*m)));
}

// POST .../mandatorymoduletypes {"id": smtId} adds, DELETE .../mandatorymoduletypes/{smtId} removes (or optional).
// As hawkBit, a set type that distribution sets already use is read-only (403): their completeness would change.
void ManagementServer::changeSetTypeModuleTypes(Context &ctx)
{
    Lookup<DistributionSetType> t = setTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, u"distribution set type '%1' does not exist"_s.arg(ctx.args.value(0))))
        return;
    const bool adding = ctx.request.method() == QHttpServerRequest::Method::Post;
    QString ref = ctx.args.value(1);
    if (adding) {
        const auto body = ctx.jsonObject();
        if (!body)
            return;
        Mgmt::DecodeError error;
        const std::optional<MgmtTypeRef> added = MgmtTypeRef::fromJson(*body, &error);
        if (!added)
            return ctx.fail(Errors::BodyNotReadable, error.message);
        ref = added->idOrKey();
    }
    const Lookup<SoftwareModuleType> m = moduleTypeByIdOrKey(ref);
    if (!ctx.found(m, u"software module type '%1' does not exist"_s.arg(ref)))
        return;
    // A failed count must not let the type change as if no set used it.
    const Result<int> sets = m_store.repository().countSetsOfType(t->key);
    if (!ctx.succeeded(sets))
        return;
    if (*sets > 0)
        return ctx.fail(
            Errors::EntityReadOnly,
            u"distribution set type '%1' is used by %2 distribution set(s) and cannot be changed"_s.arg(t->key).arg(
                *sets));
    const bool mandatory = ctx.request.url().path().contains(u"/mandatorymoduletypes"_s);
    if (adding) {
        t->mandatoryModuleTypes.removeAll(m->key); // a module type is either mandatory or optional
        t->optionalModuleTypes.removeAll(m->key);
        (mandatory ? t->mandatoryModuleTypes : t->optionalModuleTypes).append(m->key);
    } else if (!(mandatory ? t->mandatoryModuleTypes : t->optionalModuleTypes).removeAll(m->key)) {
        return ctx.fail(Status::NotFound,
                        u"distribution set type '%1' has no %2 module type '%3'"_s.arg(
                            t->key, mandatory ? u"mandatory"_s : u"optional"_s, m->key));
    }
    if (!ctx.succeeded(
            m_store.repository().setModuleTypesOfSetType(t->id, t->mandatoryModuleTypes, t->optionalModuleTypes)))
        return;
    recordModified(ctx, u"distributionsettype"_s, t->id);
    ctx.send(QJsonValue(), adding ? Status::Ok : Status::NoContent);
}

// GET /targettypes/{id}/compatibledistributionsettypes: the set types a target type takes.
void ManagementServer::listCompatibleSetTypes(Context &ctx)
{
    const auto t = targetTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, u"target type '%1' does not exist"_s.arg(ctx.args.value(0))))
        return;
    QList<MgmtDistributionSetType> list;
    for (const QString &key : t->compatibleSetTypes) {
        const auto s = m_store.repository().distributionSetType(key);
        if (!ctx.succeeded(s))
            return;
        if (s.found())
            list.append(mgmtSetType(*s));
    }
    ctx.send(withAudit(u"distributionsettype"_s, list)); // hawkBit answers a plain list here
}

// POST [{"id": dsTypeId}, ...] adds set types a target type takes; DELETE .../{dsTypeId} removes one.
void ManagementServer::changeCompatibleSetTypes(Context &ctx)
{
    Lookup<TargetType> t = targetTypeByIdOrKey(ctx.args.value(0));
    if (!ctx.found(t, u"target type '%1' does not exist"_s.arg(ctx.args.value(0))))
        return;
    const bool adding = ctx.request.method() == QHttpServerRequest::Method::Post;
    if (adding) {
        const auto items = ctx.jsonArray();
        if (!items)
            return;
        Mgmt::DecodeError error;
        const std::optional<QList<MgmtTypeRef>> refs = typeRefsOf(*items, &error);
        if (!refs)
            return ctx.fail(Errors::BodyNotReadable, error.message);
        for (const MgmtTypeRef &ref : *refs) {
            const Lookup<DistributionSetType> s = setTypeByIdOrKey(ref.idOrKey());
            if (!ctx.found(s, u"distribution set type '%1' does not exist"_s.arg(ref.idOrKey())))
                return;
            if (!t->compatibleSetTypes.contains(s->key))
                t->compatibleSetTypes.append(s->key);
        }
    } else {
        const QString none
            = u"target type '%1' does not take distribution set type '%2'"_s.arg(t->key, ctx.args.value(1));
        const Lookup<DistributionSetType> s = setTypeByIdOrKey(ctx.args.value(1));
        if (!ctx.found(s, none))
            return;
        if (!t->compatibleSetTypes.removeAll(s->key))
            return ctx.fail(Status::NotFound, none);
    }
    if (!ctx.succeeded(m_store.repository().setCompatibleSetTypes(t->id, t->compatibleSetTypes)))
        return;
    recordModified(ctx, u"targettype"_s, t->id);
    ctx.send(QJsonValue(), adding ? Status::Ok : Status::NoContent);
}

void ManagementServer::deleteType(Context &ctx)
{
    using Kind = SqlRepositoryStore::TypeKind;
    const Kind kind = typeKindOf(ctx);
    const QString ref = ctx.args.value(0);
    // hawkBit deletes by id; Flotilla also by key.
    std::pair<QString, qint64> found; // key, id
    const auto read = [&](const auto &t) {
        if (t.found())
            found = { t->key, t->id };
        return ctx.found(t, u"type '%1' does not exist"_s.arg(ref));
    };
    if (!(kind == Kind::SoftwareModule        ? read(moduleTypeByIdOrKey(ref))
              : kind == Kind::DistributionSet ? read(setTypeByIdOrKey(ref))
                                              : read(targetTypeByIdOrKey(ref))))
        return;
    const auto &[key, typeId] = found;
    const Result<QStringList> users = m_store.repository().dependentsOfType(kind, key);
    if (!ctx.succeeded(users))
        return;
    if (!users->isEmpty())
        return ctx.fail(kind == Kind::Target ? Errors::TargetTypeInUse : Errors::InUse,
                        u"type '%1' is used by %2"_s.arg(key, users->join(u", "_s)));
    if (!ctx.succeeded(m_store.repository().deleteType(kind, key)))
        return;
    forget(auditKindOf(kind), typeId);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
