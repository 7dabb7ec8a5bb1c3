// Management API: the tenant configuration under /system/configs, key for key as hawkBit's
// MgmtTenantManagementRestApi and MgmtSystemTenantConfigurationValue define it.
// - GET /system/configs: every key as {value, global}; GET/PUT/DELETE /system/configs/{key};
//   PUT /system/configs with a plain {key: value} map (all or nothing, 204).
// - An unknown key is 400 (InvalidTenantConfigurationKeyException), a bad value 400
//   (TenantConfigurationValidatorException).
// - Keys for behaviour Flotilla has fixed (it always locks an assigned set, has no header authentication or
//   automatic action clean-up) are listed with the value Flotilla lives by; setting that same value is
//   accepted, another one is 403 (TenantConfigurationValueChangeNotAllowedException), as hawkBit answers for
//   a value a tenant may not change.
// - "global" is true while the value is the default (never set, or deleted).
#include "backend/managementserver_p.h"
#include "proto/mgmt/mgmtconfiguration.h"

namespace Flotilla {

namespace {

using Field = std::variant<bool TenantConfiguration::*, qint64 TenantConfiguration::*, int TenantConfiguration::*,
                           QString TenantConfiguration::*>;

enum class Kind : quint8 { Boolean, Duration, PositiveInteger, Text };

struct ConfigKey
{
    QLatin1StringView key;
    Kind kind;
    Field field; // where a tenant's value lives (unused for a fixed key)
    std::optional<QJsonValue> fixed; // the value of a key Flotilla does not let a tenant change
};

const Error ValueChangeNotAllowed {
    Status::Forbidden, "hawkbit.server.error.repo.tenantConfigurationValueChangeNotAllowed"_L1,
    "org.eclipse.hawkbit.repository.exception.TenantConfigurationValueChangeNotAllowedException"_L1
};

const QList<ConfigKey> &configKeys()
{
    using T = TenantConfiguration;
    static const QList<ConfigKey> keys = {
        { "repository.actions.autoclose.enabled"_L1, Kind::Boolean, &T::autoClose, {} },
        { "user.confirmation.flow.enabled"_L1, Kind::Boolean, &T::consentFlow, {} },
        { "multi.assignments.enabled"_L1, Kind::Boolean, &T::multiAssignment, {} },
        { "rollout.approval.enabled"_L1, Kind::Boolean, &T::rolloutApproval, {} },
        { "auto.assignment.approval.enabled"_L1, Kind::Boolean, &T::autoAssignmentApproval, {} },
        { "authentication.targettoken.enabled"_L1, Kind::Boolean, &T::targetTokenAuth, {} },
        { "authentication.gatewaytoken.enabled"_L1, Kind::Boolean, &T::gatewayTokenAuth, {} },
        { "authentication.gatewaytoken.key"_L1, Kind::Text, &T::gatewayTokenKey, {} },
        { "pollingTime"_L1, Kind::Duration, &T::pollingSecs, {} },
        { "pollingOverdueTime"_L1, Kind::Duration, &T::pollingOverdueSecs, {} },
        { "minPollingTime"_L1, Kind::Duration, &T::minPollingSecs, {} },
        { "maintenanceWindowPollCount"_L1, Kind::PositiveInteger, &T::maintenanceWindowPollCount, {} },
        // Fixed in Flotilla.
        { "implicit.lock.enabled"_L1, Kind::Boolean, {}, true },
        { "batch.assignments.enabled"_L1, Kind::Boolean, {}, false },
        { "authentication.header.enabled"_L1, Kind::Boolean, {}, false },
        { "authentication.header.authority"_L1, Kind::Text, {}, QString() },
        { "action.cleanup.enabled"_L1, Kind::Boolean, {}, false },
        { "action.cleanup.auto.expiry"_L1, Kind::PositiveInteger, {}, 2592000000.0 },
        { "action.cleanup.auto.status"_L1, Kind::Text, {}, u"CANCELED,ERROR"_s },
    };
    return keys;
}

bool isFixed(const ConfigKey &k)
{
    return k.fixed.has_value();
}

const ConfigKey *findKey(const QString &key)
{
    for (const ConfigKey &k : configKeys()) {
        if (k.key == key)
            return &k;
    }
    return nullptr;
}

QJsonValue valueOf(const ConfigKey &k, const TenantConfiguration &c)
{
    if (isFixed(k))
        return *k.fixed;
    return std::visit(
        [&](auto member) -> QJsonValue {
            using V = std::remove_cvref_t<decltype(c.*member)>;
            if constexpr (std::is_same_v<V, qint64>)
                return Ddi::formatSleep(c.*member); // the durations, as hawkBit writes them: HH:mm:ss
            else if constexpr (std::is_same_v<V, int>)
                return double(c.*member);
            else
                return c.*member;
        },
        k.field);
}

MgmtSystemTenantConfigurationValue entryOf(const ConfigKey &k, const TenantConfiguration &c)
{
    const bool global = isFixed(k) || valueOf(k, TenantConfiguration()) == valueOf(k, c);
    return { valueOf(k, c), global, linksOf({ { "self"_L1, u"/system/configs/"_s + k.key } }) };
}

// Sets one key in *c from a JSON value; nullopt when the value is fine, else the error and its message.
std::optional<std::pair<Error, QString>> apply(const ConfigKey &k, const QJsonValue &value, TenantConfiguration *c)
{
    auto invalid = [&](const QString &what) {
        return std::make_optional(std::pair { Errors::ConfigurationValueInvalid, u"%1 takes %2"_s.arg(k.key, what) });
    };
    // hawkBit's converters also take booleans and numbers written as strings.
    QJsonValue v = value;
    if (k.kind == Kind::Boolean && v.isString() && (v.toString() == u"true"_s || v.toString() == u"false"_s))
        v = v.toString() == u"true"_s;
    if (k.kind == Kind::PositiveInteger && v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            v = double(n);
    }
    switch (k.kind) {
    case Kind::Boolean:
        if (!v.isBool())
            return invalid(u"true or false"_s);
        break;
    case Kind::Duration:
        if (!v.isString() || !Ddi::parseSleep(v.toString()))
            return invalid(u"a duration HH:mm:ss"_s);
        break;
    case Kind::PositiveInteger:
        if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != std::floor(v.toDouble()))
            return invalid(u"a positive whole number"_s);
        break;
    case Kind::Text:
        if (!v.isString())
            return invalid(u"a string"_s);
        break;
    }
    if (isFixed(k)) {
        if (v != *k.fixed)
            return std::make_optional(
                std::pair { ValueChangeNotAllowed, u"Flotilla does not let a tenant change %1"_s.arg(k.key) });
        return std::nullopt;
    }
    std::visit(
        [&](auto member) {
            using V = std::remove_cvref_t<decltype(c->*member)>;
            if constexpr (std::is_same_v<V, bool>)
                c->*member = v.toBool();
            else if constexpr (std::is_same_v<V, qint64>)
                c->*member = *Ddi::parseSleep(v.toString());
            else if constexpr (std::is_same_v<V, int>)
                c->*member = v.toInt();
            else
                c->*member = v.toString();
        },
        k.field);
    return std::nullopt;
}

// What no single key can say: the minimum polling interval must not exceed the polling interval.
std::optional<QString> consistencyError(const TenantConfiguration &c)
{
    if (c.minPollingSecs > c.pollingSecs)
        return u"minPollingTime must not exceed pollingTime"_s;
    return std::nullopt;
}

using Changes = QList<std::pair<const ConfigKey *, QJsonValue>>;

// Applies every change or none; answers 204 (batch, delete) or the one key's new entry.
void storeConfigs(ManagementServer::Context &ctx, SqlStore &store, const Changes &changes, bool noContent)
{
    TenantConfiguration c = store.configuration().tenantConfiguration();
    for (const auto &[key, value] : changes) {
        if (const auto error = apply(*key, value, &c))
            return ctx.fail(error->first, error->second);
    }
    if (const auto error = consistencyError(c))
        return ctx.fail(Errors::ConfigurationValueInvalid, *error);
    if (!ctx.succeeded(store.configuration().setTenantConfiguration(c)))
        return;
    if (noContent)
        return ctx.send(QJsonValue(), Status::NoContent);
    ctx.send(entryOf(*changes.constFirst().first, c).toJson());
}

} // namespace

void ManagementServer::getConfigs(Context &ctx)
{
    const TenantConfiguration c = m_store.configuration().tenantConfiguration();
    MgmtTenantConfiguration all;
    for (const ConfigKey &k : configKeys())
        all.keys.insert(k.key, entryOf(k, c));
    ctx.send(all.toJson());
}

void ManagementServer::getConfig(Context &ctx)
{
    const ConfigKey *k = findKey(ctx.args.value(0));
    if (!k)
        return ctx.fail(Errors::ConfigurationKeyInvalid, u"no tenant configuration key '%1'"_s.arg(ctx.args.value(0)));
    ctx.send(entryOf(*k, m_store.configuration().tenantConfiguration()).toJson());
}

void ManagementServer::setConfig(Context &ctx)
{
    const ConfigKey *k = findKey(ctx.args.value(0));
    if (!k)
        return ctx.fail(Errors::ConfigurationKeyInvalid, u"no tenant configuration key '%1'"_s.arg(ctx.args.value(0)));
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    const auto request = MgmtSystemTenantConfigurationValueRequest::fromJson(*body, nullptr);
    if (request->value.isUndefined())
        return ctx.fail(Errors::ConfigurationValueInvalid, u"the body needs a \"value\""_s);
    storeConfigs(ctx, m_store, { { k, request->value } }, false);
}

void ManagementServer::setConfigs(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    Changes changes;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const ConfigKey *k = findKey(it.key());
        if (!k)
            return ctx.fail(Errors::ConfigurationKeyInvalid, u"no tenant configuration key '%1'"_s.arg(it.key()));
        changes.append({ k, it.value() });
    }
    storeConfigs(ctx, m_store, changes, true);
}

void ManagementServer::deleteConfig(Context &ctx)
{
    const ConfigKey *k = findKey(ctx.args.value(0));
    if (!k)
        return ctx.fail(Errors::ConfigurationKeyInvalid, u"no tenant configuration key '%1'"_s.arg(ctx.args.value(0)));
    if (isFixed(*k))
        return ctx.send(QJsonValue(), Status::NoContent);
    // Back to the default value.
    storeConfigs(ctx, m_store, { { k, valueOf(*k, TenantConfiguration()) } }, true);
}

} // namespace Flotilla
