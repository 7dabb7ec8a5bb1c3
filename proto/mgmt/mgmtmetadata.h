#pragma once

// Metadata of targets, software modules and distribution sets as the Management API carries it: hawkBit's
// MgmtMetadata (key, value) and MgmtSoftwareModuleMetadata (plus targetVisible: the devices see it in the
// deployment's chunk), and the body of a PUT on one entry (MgmtMetadataBodyPut, MgmtSoftwareModuleMetadataBodyPut).
#include "proto/mgmt/mgmtrequests.h" // decodeItems

namespace Flotilla::Mgmt {

// One entry, as the server answers it and as POST .../metadata takes a list of them.
struct MgmtMetadata
{
    QString key;
    QString value;
    std::optional<bool> targetVisible; // a software module's only

    QJsonObject toJson() const;
    static std::optional<MgmtMetadata> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtMetadata &) const = default;
};

// The body of PUT .../metadata/{key}: what is absent stays.
struct MgmtMetadataBodyPut
{
    std::optional<QString> value;
    std::optional<bool> targetVisible; // a software module's only

    QJsonObject toJson() const;
    static std::optional<MgmtMetadataBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtMetadataBodyPut &) const = default;
};

} // namespace Flotilla::Mgmt
