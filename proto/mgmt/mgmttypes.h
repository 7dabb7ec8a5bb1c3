#pragma once

// The repository's three kinds of type as the Management API carries them: hawkBit's MgmtSoftwareModuleType,
// MgmtDistributionSetType and MgmtTargetType (all MgmtTypeEntity), and the bodies that create and change them.
#include "proto/mgmt/mgmtrequests.h" // decodeItems

namespace Flotilla::Mgmt {

// hawkBit's MgmtTypeEntity: what the three types share.
struct MgmtTypeEntity
{
    qint64 id = 0;
    QString key;
    QString name;
    QString description;
    std::optional<QString> colour; // left out while unset, as hawkBit's NON_NULL does
    bool deleted = false; // Flotilla deletes types for good: always false
    MgmtAudit audit;
    std::optional<qint64> createdAt; // with the audit fields (the server adds them)
    Links links;

    bool operator==(const MgmtTypeEntity &) const = default;
};

// MgmtSoftwareModuleType.
struct MgmtSoftwareModuleType : MgmtTypeEntity
{
    int maxAssignments = 1;
    int minArtifacts = 0; // Flotilla: a module of this type is complete with this many artifacts

    QJsonObject toJson() const;
    static std::optional<MgmtSoftwareModuleType> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtSoftwareModuleType &) const = default;
};

// MgmtDistributionSetType; its module types by key (Flotilla's first form; hawkBit links them, and so does this).
struct MgmtDistributionSetType : MgmtTypeEntity
{
    QStringList mandatorymodules;
    QStringList optionalmodules;

    QJsonObject toJson() const;
    static std::optional<MgmtDistributionSetType> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtDistributionSetType &) const = default;
};

// MgmtTargetType; the set types it takes by key (and linked).
struct MgmtTargetType : MgmtTypeEntity
{
    QStringList compatibledistributionsettypes;

    QJsonObject toJson() const;
    static std::optional<MgmtTargetType> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtTargetType &) const = default;
};

// A reference to a type in a request: hawkBit's {"id": 3}, or Flotilla's {"key": "os"} and "os".
struct MgmtTypeRef
{
    std::optional<qint64> id;
    QString key;

    // What the server looks a type up by: the id as a number, else the key.
    QString idOrKey() const { return id ? QString::number(*id) : key; }
    QJsonObject toJson() const; // {"id": n} or {"key": "os"}
    static std::optional<MgmtTypeRef> fromJson(const QJsonValue &v, DecodeError *error);
    static std::optional<MgmtTypeRef> fromJson(const QJsonObject &o, DecodeError *error)
    {
        return fromJson(QJsonValue(o), error);
    }
    bool operator==(const MgmtTypeRef &) const = default;
};

// One item of POST /softwaremoduletypes (hawkBit's MgmtSoftwareModuleTypeRequestBodyPost).
struct MgmtSoftwareModuleTypeRequestBodyPost
{
    QString key;
    QString name;
    QString description;
    QString colour;
    int maxAssignments = 1;
    int minArtifacts = 0;

    QJsonObject toJson() const;
    static std::optional<MgmtSoftwareModuleTypeRequestBodyPost> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtSoftwareModuleTypeRequestBodyPost &) const = default;
};

// One item of POST /distributionsettypes (hawkBit's MgmtDistributionSetTypeRequestBodyPost).
struct MgmtDistributionSetTypeRequestBodyPost
{
    QString key;
    QString name;
    QString description;
    QString colour;
    QList<MgmtTypeRef> mandatorymodules;
    QList<MgmtTypeRef> optionalmodules;

    QJsonObject toJson() const;
    static std::optional<MgmtDistributionSetTypeRequestBodyPost> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtDistributionSetTypeRequestBodyPost &) const = default;
};

// One item of POST /targettypes (hawkBit's MgmtTargetTypeRequestBodyPost); the key is optional there: the name
// stands in for it.
struct MgmtTargetTypeRequestBodyPost
{
    QString key;
    QString name;
    QString description;
    QString colour;
    QList<MgmtTypeRef> compatibledistributionsettypes;

    QJsonObject toJson() const;
    static std::optional<MgmtTargetTypeRequestBodyPost> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTargetTypeRequestBodyPost &) const = default;
};

// The body of a PUT on a type (hawkBit's Mgmt*TypeRequestBodyPut): description and colour, and a target type's
// name; what is absent (or null) stays as it is. The same three fields as a tag's PUT.
using MgmtTypeRequestBodyPut = MgmtTagRequestBodyPut;

// A JSON array of type references ([{"id": 3}, "os", ...]); an item that is none is the error, with its index.
std::optional<QList<MgmtTypeRef>> typeRefsOf(const QJsonArray &items, DecodeError *error);

} // namespace Flotilla::Mgmt
