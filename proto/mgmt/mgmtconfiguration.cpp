// The tenant configuration (declared in mgmtconfiguration.h).
#include "proto/mgmt/mgmtconfiguration.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

QJsonObject MgmtSystemTenantConfigurationValue::toJson() const
{
    return { { "value"_L1, value }, { "global"_L1, global }, { "_links"_L1, linksJson(links) } };
}

std::optional<MgmtSystemTenantConfigurationValue> MgmtSystemTenantConfigurationValue::fromJson(const QJsonObject &o,
                                                                                               DecodeError *error)
{
    MgmtSystemTenantConfigurationValue v;
    Reader r(o, {}, error);
    const QJsonValue value = o.value("value"_L1);
    v.value = value.isUndefined() ? QJsonValue() : value;
    r.read("global"_L1, &v.global);
    r.read("_links"_L1, &v.links);
    return done(r, std::move(v));
}

const QList<FieldSpec> &MgmtSystemTenantConfigurationValue::fields()
{
    static const QList<FieldSpec> list = { { "value", "" }, { "global", "boolean" }, { "_links", "object" } };
    return list;
}

QJsonObject MgmtTenantConfiguration::toJson() const
{
    QJsonObject o;
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        o.insert(it.key(), it.value().toJson());
    return o;
}

std::optional<MgmtTenantConfiguration> MgmtTenantConfiguration::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTenantConfiguration c;
    Reader r(o, {}, error);
    for (auto it = o.begin(); it != o.end() && r.ok(); ++it) {
        if (!it.value().isObject()) {
            r.failWith(it.key() + u" must be an object {value, global}"_s);
            break;
        }
        DecodeError inner;
        std::optional<MgmtSystemTenantConfigurationValue> v
            = MgmtSystemTenantConfigurationValue::fromJson(it.value().toObject(), &inner);
        if (!v) {
            r.failWith(it.key() + u'.' + inner.message);
            break;
        }
        c.keys.insert(it.key(), std::move(*v));
    }
    return done(r, std::move(c));
}

QJsonObject MgmtSystemTenantConfigurationValueRequest::toJson() const
{
    return value.isUndefined() ? QJsonObject() : QJsonObject { { "value"_L1, value } };
}

std::optional<MgmtSystemTenantConfigurationValueRequest>
MgmtSystemTenantConfigurationValueRequest::fromJson(const QJsonObject &o, DecodeError *)
{
    return MgmtSystemTenantConfigurationValueRequest { o.value("value"_L1) };
}

} // namespace Flotilla::Mgmt
