#pragma once

// The Management API's request bodies (hawkBit's Mgmt*RequestBody classes) as plain values: the console encodes
// them, the server decodes them.
#include "proto/mgmt/mgmtmessages.h"

#include <QJsonArray>

namespace Flotilla::Mgmt {

// What a client sends. Decoding is strict where the server acts on a field: one of the wrong type is an error
// naming it ("[2].weight must be a whole number"), never a silent default.

// One item of POST /targets (hawkBit's MgmtTargetRequestBody).
struct MgmtTargetRequestBody
{
    QString controllerId;
    std::optional<QString> name; // absent: the controllerId
    QString description;
    std::optional<QString> securityToken; // absent: the server generates one
    // hawkBit names the type by id; Flotilla's first form was its key. Neither (or null, or ""): no type.
    std::optional<qint64> targetType;
    QString targetTypeKey;
    QString group; // Flotilla: "Europe/Berlin"

    QJsonObject toJson() const;
    static std::optional<MgmtTargetRequestBody> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTargetRequestBody &) const = default;
};

// One item of POST /softwaremodules (hawkBit's MgmtSoftwareModuleRequestBodyPost).
struct MgmtSoftwareModuleRequestBodyPost
{
    QString type; // the module type's key
    QString name;
    QString version;
    QString vendor;
    QString description;
    bool encrypted = false;

    QJsonObject toJson() const;
    static std::optional<MgmtSoftwareModuleRequestBodyPost> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtSoftwareModuleRequestBodyPost &) const = default;
};

// One item of POST /distributionsets (hawkBit's MgmtDistributionSetRequestBodyPost); modules by id.
struct MgmtDistributionSetRequestBodyPost
{
    QString name;
    QString version;
    QString type; // the set type's key
    QString description;
    bool requiredMigrationStep = false;
    QList<qint64> modules; // [{"id": n}, ...] on the wire

    QJsonObject toJson() const;
    static std::optional<MgmtDistributionSetRequestBodyPost> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtDistributionSetRequestBodyPost &) const = default;
};

// One item of POST /distributionsets/{id}/assignedTargets, or the body of POST /targets/{id}/assignedDS (hawkBit's
// MgmtTargetAssignmentRequestBody and MgmtDistributionSetAssignment: there id is the set's).
struct MgmtTargetAssignmentRequestBody
{
    QString id; // the target's controllerId
    std::optional<qint64> setId; // assignedDS only: the set, as "id"
    std::optional<QString> type; // forced (absent), soft, timeforced, downloadonly
    std::optional<qint64> forcetime; // ms; timeforced only
    std::optional<int> weight;
    std::optional<bool> confirmationRequired;
    std::optional<MgmtMaintenanceWindow> maintenanceWindow;

    QJsonObject toJson() const;
    // assignedTargets: "id" is the target's controllerId; assignedDS (setId): "id" is the set's number.
    static std::optional<MgmtTargetAssignmentRequestBody> fromJson(const QJsonObject &o, DecodeError *error);
    static std::optional<MgmtTargetAssignmentRequestBody> fromSetAssignment(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTargetAssignmentRequestBody &) const = default;
};

// A request's JSON array, one T per item; an item that is not an object or does not decode is the error, with its
// index ("[2].name must be a string").
template<typename T> std::optional<QList<T>> decodeItems(const QJsonArray &items, DecodeError *error)
{
    QList<T> out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        DecodeError inner;
        std::optional<T> t = items.at(i).isObject() ? T::fromJson(items.at(i).toObject(), &inner) : std::nullopt;
        if (!t) {
            if (error)
                error->message = items.at(i).isObject() ? QStringLiteral("[%1].%2").arg(i).arg(inner.message)
                                                        : QStringLiteral("[%1] must be an object").arg(i);
            return std::nullopt;
        }
        out.append(std::move(*t));
    }
    return out;
}

// The body of POST /users (username, password and roles) and PUT /users/{name} (roles, and the password when it
// changes): Flotilla's operator accounts.
struct MgmtUserRequestBody
{
    std::optional<QString> username; // POST only
    std::optional<QString> password; // absent on PUT: unchanged
    QStringList roles;

    QJsonObject toJson() const;
    static std::optional<MgmtUserRequestBody> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtUserRequestBody &) const = default;
};

// One item of POST /targettags or /distributionsettags, or the body of a PUT on one (hawkBit's
// MgmtTagRequestBodyPut): what is absent stays as it is on a PUT.
struct MgmtTagRequestBodyPut
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> colour;

    QJsonObject toJson() const;
    static std::optional<MgmtTagRequestBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTagRequestBodyPut &) const = default;
};

// The body of PUT /targets/{id} (hawkBit's MgmtTargetRequestBody as a PUT takes it): what is absent stays.
struct MgmtTargetRequestBodyPut
{
    std::optional<QString> name;
    std::optional<QString> description;
    // Present (even null): the new type; a number names it by id, a string by key; null or "": no type.
    std::optional<QJsonValue> targetType;
    std::optional<bool> requestAttributes;
    std::optional<QString> group; // Flotilla: present, the new group path; null or "": no group

    QJsonObject toJson() const;
    static std::optional<MgmtTargetRequestBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTargetRequestBodyPut &) const = default;
};

// The body of PUT /softwaremodules/{id} (hawkBit's MgmtSoftwareModuleRequestBodyPut): what is absent stays.
struct MgmtSoftwareModuleRequestBodyPut
{
    std::optional<QString> description;
    std::optional<QString> vendor;
    std::optional<bool> locked;

    QJsonObject toJson() const;
    static std::optional<MgmtSoftwareModuleRequestBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtSoftwareModuleRequestBodyPut &) const = default;
};

// The body of PUT /distributionsets/{id} (hawkBit's MgmtDistributionSetRequestBodyPut): what is absent stays.
struct MgmtDistributionSetRequestBodyPut
{
    std::optional<QString> name;
    std::optional<QString> version;
    std::optional<QString> description;
    std::optional<bool> requiredMigrationStep;
    std::optional<bool> locked; // true locks; a lock is not undone

    QJsonObject toJson() const;
    static std::optional<MgmtDistributionSetRequestBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtDistributionSetRequestBodyPut &) const = default;
};

// The body of POST /distributionsets/{id}/invalidate (hawkBit's MgmtInvalidateDistributionSetRequestBody).
struct MgmtInvalidateDistributionSetRequestBody
{
    std::optional<QString> actionCancelationType; // none (absent), soft, force
    bool cancelRollouts = false;

    QJsonObject toJson() const;
    static std::optional<MgmtInvalidateDistributionSetRequestBody> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtInvalidateDistributionSetRequestBody &) const = default;
};

// The body of PUT /targets/{id}/actions/{actionId} (hawkBit's MgmtActionRequestBodyPut): {"forceType": "forced"}.
struct MgmtActionRequestBodyPut
{
    QString forceType;

    QJsonObject toJson() const;
    static std::optional<MgmtActionRequestBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtActionRequestBodyPut &) const = default;
};

// The body of PUT /targets/{id}/actions/{actionId}/confirmation (hawkBit's MgmtActionConfirmationRequestBodyPut):
// the device's consent given on its behalf.
struct MgmtActionConfirmationRequestBodyPut
{
    QString confirmation; // confirmed or denied
    std::optional<int> code;
    QStringList details;

    QJsonObject toJson() const;
    static std::optional<MgmtActionConfirmationRequestBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtActionConfirmationRequestBodyPut &) const = default;
};

// A request's list of targets by controllerId: ["dev-1", {"controllerId": "dev-2"}] (a tag's or a group's members,
// in either of the forms hawkBit's versions took); an item that is neither is the error, with its index.
std::optional<QStringList> controllerIdsOf(const QJsonArray &items, DecodeError *error);
// A request's list of entities by id: [3, "4", {"id": 5}] (hawkBit's MgmtSoftwareModuleAssigment list, a set tag's
// members); an item that is none is the error, with its index.
std::optional<QList<qint64>> idsOf(const QJsonArray &items, DecodeError *error);

// The body of POST /targets/{id}/autoConfirm/activate (hawkBit's MgmtTargetAutoConfirmUpdate); it may be empty.
struct MgmtTargetAutoConfirmUpdate
{
    std::optional<QString> initiator; // absent: the operator who asks
    std::optional<QString> remark;

    QJsonObject toJson() const;
    static std::optional<MgmtTargetAutoConfirmUpdate> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTargetAutoConfirmUpdate &) const = default;
};

} // namespace Flotilla::Mgmt
