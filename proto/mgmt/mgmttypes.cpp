// The three kinds of type and their request bodies (declared in mgmttypes.h).
#include "proto/mgmt/mgmttypes.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

namespace {
void writeEntity(QJsonObject &o, const MgmtTypeEntity &t)
{
    o.insert("id"_L1, double(t.id));
    o.insert("key"_L1, t.key);
    o.insert("name"_L1, t.name);
    o.insert("description"_L1, t.description);
    o.insert("deleted"_L1, t.deleted);
    insertIf(o, "colour"_L1, t.colour);
    o.insert("_links"_L1, linksJson(t.links));
    insertAudit(o, t.audit);
    if (t.createdAt)
        o.insert("createdAt"_L1, double(*t.createdAt));
}

void readEntity(Reader &r, MgmtTypeEntity *t)
{
    r.read("id"_L1, &t->id);
    r.read("key"_L1, &t->key);
    r.read("name"_L1, &t->name);
    r.read("description"_L1, &t->description);
    r.read("colour"_L1, &t->colour);
    r.read("deleted"_L1, &t->deleted);
    r.readAudit(&t->audit);
    r.read("createdAt"_L1, &t->createdAt);
    r.read("_links"_L1, &t->links);
}

QList<FieldSpec> entityFields(std::initializer_list<FieldSpec> own)
{
    QList<FieldSpec> list = { { "id", "integer" },         { "key", "string" },    { "name", "string" },
                              { "description", "string" }, { "colour", "string" }, { "deleted", "boolean" } };
    list.append(own);
    list.append(FieldSpec { "_links", "object" });
    return list;
}

void readRefs(Reader &r, QLatin1StringView key, QList<MgmtTypeRef> *out)
{
    const auto v = r.value(key);
    if (!v)
        return;
    if (!v->isArray())
        return void(r.fail(key, "an array of type references"));
    DecodeError inner;
    std::optional<QList<MgmtTypeRef>> refs = typeRefsOf(v->toArray(), &inner);
    if (!refs) {
        // inner.message starts with the index: "[1] must be ..." or "[1].id must be ..."
        return void(r.failWith(r.pathOf(key) + inner.message));
    }
    *out = std::move(*refs);
}

QJsonArray refsJson(const QList<MgmtTypeRef> &refs)
{
    QJsonArray a;
    for (const MgmtTypeRef &ref : refs)
        a.append(ref.toJson());
    return a;
}
} // namespace

QJsonObject MgmtSoftwareModuleType::toJson() const
{
    QJsonObject o;
    writeEntity(o, *this);
    o.insert("maxAssignments"_L1, maxAssignments);
    o.insert("minArtifacts"_L1, minArtifacts);
    return o;
}

std::optional<MgmtSoftwareModuleType> MgmtSoftwareModuleType::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtSoftwareModuleType t;
    Reader r(o, {}, error);
    readEntity(r, &t);
    r.read("maxAssignments"_L1, &t.maxAssignments);
    r.read("minArtifacts"_L1, &t.minArtifacts);
    return done(r, std::move(t));
}

const QList<FieldSpec> &MgmtSoftwareModuleType::fields()
{
    static const QList<FieldSpec> list
        = entityFields({ { "maxAssignments", "integer" }, { "minArtifacts", "integer" } });
    return list;
}

QJsonObject MgmtDistributionSetType::toJson() const
{
    QJsonObject o;
    writeEntity(o, *this);
    o.insert("mandatorymodules"_L1, QJsonArray::fromStringList(mandatorymodules));
    o.insert("optionalmodules"_L1, QJsonArray::fromStringList(optionalmodules));
    return o;
}

std::optional<MgmtDistributionSetType> MgmtDistributionSetType::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtDistributionSetType t;
    Reader r(o, {}, error);
    readEntity(r, &t);
    r.read("mandatorymodules"_L1, &t.mandatorymodules);
    r.read("optionalmodules"_L1, &t.optionalmodules);
    return done(r, std::move(t));
}

const QList<FieldSpec> &MgmtDistributionSetType::fields()
{
    static const QList<FieldSpec> list
        = entityFields({ { "mandatorymodules", "array" }, { "optionalmodules", "array" } });
    return list;
}

QJsonObject MgmtTargetType::toJson() const
{
    QJsonObject o;
    writeEntity(o, *this);
    o.insert("compatibledistributionsettypes"_L1, QJsonArray::fromStringList(compatibledistributionsettypes));
    return o;
}

std::optional<MgmtTargetType> MgmtTargetType::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTargetType t;
    Reader r(o, {}, error);
    readEntity(r, &t);
    r.read("compatibledistributionsettypes"_L1, &t.compatibledistributionsettypes);
    return done(r, std::move(t));
}

const QList<FieldSpec> &MgmtTargetType::fields()
{
    static const QList<FieldSpec> list = entityFields({ { "compatibledistributionsettypes", "array" } });
    return list;
}

QJsonObject MgmtTypeRef::toJson() const
{
    return id ? QJsonObject { { "id"_L1, double(*id) } } : QJsonObject { { "key"_L1, key } };
}

std::optional<MgmtTypeRef> MgmtTypeRef::fromJson(const QJsonValue &v, DecodeError *error)
{
    MgmtTypeRef ref;
    if (v.isString() && !v.toString().isEmpty()) {
        ref.key = v.toString();
        return ref;
    }
    if (!v.isObject()) { // an empty key names no type either (found by fuzz_mgmtbodies)
        if (error)
            error->message = u" must be a type's id ({\"id\": n}) or key"_s;
        return std::nullopt;
    }
    Reader r(v.toObject(), {}, error);
    r.read("id"_L1, &ref.id);
    if (!ref.id)
        r.read("key"_L1, &ref.key);
    if (r.ok() && !ref.id && ref.key.isEmpty())
        r.fail("key"_L1, "a type's key when there is no id");
    return done(r, std::move(ref));
}

std::optional<QList<MgmtTypeRef>> typeRefsOf(const QJsonArray &items, DecodeError *error)
{
    QList<MgmtTypeRef> out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        DecodeError inner;
        std::optional<MgmtTypeRef> ref = MgmtTypeRef::fromJson(items.at(i), &inner);
        if (!ref) {
            if (error)
                error->message = inner.message.startsWith(u' ') ? u"[%1]%2"_s.arg(i).arg(inner.message)
                                                                : u"[%1].%2"_s.arg(i).arg(inner.message);
            return std::nullopt;
        }
        out.append(std::move(*ref));
    }
    return out;
}

QJsonObject MgmtSoftwareModuleTypeRequestBodyPost::toJson() const
{
    QJsonObject o { { "key"_L1, key },
                    { "name"_L1, name },
                    { "description"_L1, description },
                    { "maxAssignments"_L1, maxAssignments },
                    { "minArtifacts"_L1, minArtifacts } };
    if (!colour.isEmpty())
        o.insert("colour"_L1, colour);
    return o;
}

std::optional<MgmtSoftwareModuleTypeRequestBodyPost>
MgmtSoftwareModuleTypeRequestBodyPost::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtSoftwareModuleTypeRequestBodyPost t;
    Reader r(o, {}, error);
    r.read("key"_L1, &t.key);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    r.read("colour"_L1, &t.colour);
    r.read("maxAssignments"_L1, &t.maxAssignments);
    r.read("minArtifacts"_L1, &t.minArtifacts);
    return done(r, std::move(t));
}

QJsonObject MgmtDistributionSetTypeRequestBodyPost::toJson() const
{
    QJsonObject o { { "key"_L1, key },
                    { "name"_L1, name },
                    { "description"_L1, description },
                    { "mandatorymodules"_L1, refsJson(mandatorymodules) },
                    { "optionalmodules"_L1, refsJson(optionalmodules) } };
    if (!colour.isEmpty())
        o.insert("colour"_L1, colour);
    return o;
}

std::optional<MgmtDistributionSetTypeRequestBodyPost>
MgmtDistributionSetTypeRequestBodyPost::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtDistributionSetTypeRequestBodyPost t;
    Reader r(o, {}, error);
    r.read("key"_L1, &t.key);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    r.read("colour"_L1, &t.colour);
    readRefs(r, "mandatorymodules"_L1, &t.mandatorymodules);
    readRefs(r, "optionalmodules"_L1, &t.optionalmodules);
    return done(r, std::move(t));
}

QJsonObject MgmtTargetTypeRequestBodyPost::toJson() const
{
    QJsonObject o { { "name"_L1, name },
                    { "description"_L1, description },
                    { "compatibledistributionsettypes"_L1, refsJson(compatibledistributionsettypes) } };
    if (!key.isEmpty())
        o.insert("key"_L1, key);
    if (!colour.isEmpty())
        o.insert("colour"_L1, colour);
    return o;
}

std::optional<MgmtTargetTypeRequestBodyPost> MgmtTargetTypeRequestBodyPost::fromJson(const QJsonObject &o,
                                                                                     DecodeError *error)
{
    MgmtTargetTypeRequestBodyPost t;
    Reader r(o, {}, error);
    r.read("key"_L1, &t.key);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    r.read("colour"_L1, &t.colour);
    readRefs(r, "compatibledistributionsettypes"_L1, &t.compatibledistributionsettypes);
    return done(r, std::move(t));
}

} // namespace Flotilla::Mgmt
