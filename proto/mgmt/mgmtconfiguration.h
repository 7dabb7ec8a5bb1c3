#pragma once

// The tenant configuration as the Management API carries it (hawkBit's MgmtTenantManagementRestApi): one key's
// value (MgmtSystemTenantConfigurationValue), every key's (GET /system/configs) and the body that sets one
// (MgmtSystemTenantConfigurationValueRequest).
#include "proto/mgmt/mgmtmessages.h"

namespace Flotilla::Mgmt {

// One key: its value (a boolean, a number or a string, by key; durations as "HH:mm:ss"; null when the answer had
// none) and whether that is the default (never set, or deleted).
struct MgmtSystemTenantConfigurationValue
{
    QJsonValue value;
    bool global = false;
    Links links; // self

    QJsonObject toJson() const;
    static std::optional<MgmtSystemTenantConfigurationValue> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtSystemTenantConfigurationValue &) const = default;
};

// GET /system/configs: {key: MgmtSystemTenantConfigurationValue, ...}.
struct MgmtTenantConfiguration
{
    QMap<QString, MgmtSystemTenantConfigurationValue> keys;

    // The key's value; undefined when the server did not send the key.
    QJsonValue value(const QString &key) const { return keys.value(key).value; }
    QJsonObject toJson() const;
    static std::optional<MgmtTenantConfiguration> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTenantConfiguration &) const = default;
};

// The body of PUT /system/configs/{key}: {"value": ...}. Absent, the value is undefined (the server says the body
// needs one); which type it must be depends on the key, so the server checks it: decoding never fails.
struct MgmtSystemTenantConfigurationValueRequest
{
    QJsonValue value = QJsonValue(QJsonValue::Undefined);

    QJsonObject toJson() const;
    static std::optional<MgmtSystemTenantConfigurationValueRequest> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtSystemTenantConfigurationValueRequest &) const = default;
};

} // namespace Flotilla::Mgmt
