// Metadata entries (declared in mgmtmetadata.h).
#include "proto/mgmt/mgmtmetadata.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

QJsonObject MgmtMetadata::toJson() const
{
    QJsonObject o { { "key"_L1, key }, { "value"_L1, value } };
    if (targetVisible)
        o.insert("targetVisible"_L1, *targetVisible);
    return o;
}

std::optional<MgmtMetadata> MgmtMetadata::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtMetadata m;
    Reader r(o, {}, error);
    r.read("key"_L1, &m.key);
    r.read("value"_L1, &m.value);
    r.read("targetVisible"_L1, &m.targetVisible);
    return done(r, std::move(m));
}

const QList<FieldSpec> &MgmtMetadata::fields()
{
    static const QList<FieldSpec> list = { { "key", "string" }, { "value", "string" }, { "targetVisible", "boolean" } };
    return list;
}

QJsonObject MgmtMetadataBodyPut::toJson() const
{
    QJsonObject o;
    insertIf(o, "value"_L1, value);
    if (targetVisible)
        o.insert("targetVisible"_L1, *targetVisible);
    return o;
}

std::optional<MgmtMetadataBodyPut> MgmtMetadataBodyPut::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtMetadataBodyPut m;
    Reader r(o, {}, error);
    r.read("value"_L1, &m.value);
    r.read("targetVisible"_L1, &m.targetVisible);
    return done(r, std::move(m));
}

} // namespace Flotilla::Mgmt
