#pragma once

#include <QString>
#include <QStringList>

namespace Flotilla {

// What kind of software a module is (hawkBit's SoftwareModuleType): "os", "firmware", "application", ...
// maxAssignments: how many modules of this type one distribution set may hold; minArtifacts: how many artifacts
// a module of this type needs before a set holding it is complete (hawkBit's SoftwareModuleType).
struct SoftwareModuleType
{
    qint64 id = 0;
    QString key;
    QString name;
    int maxAssignments = 1;
    int minArtifacts = 0;
    QString description = {};
    QString colour = {}; // for the operator's eye only, e.g. "#2f80ed"
};

// What a distribution set must and may contain (hawkBit's DistributionSetType), by module type keys. A set
// without every mandatory type is incomplete and cannot be assigned.
struct DistributionSetType
{
    qint64 id = 0;
    QString key;
    QString name;
    QStringList mandatoryModuleTypes;
    QStringList optionalModuleTypes;
    QString description = {};
    QString colour = {};

    bool allows(const QString &moduleTypeKey) const
    {
        return mandatoryModuleTypes.contains(moduleTypeKey) || optionalModuleTypes.contains(moduleTypeKey);
    }
};

// A kind of device (hawkBit's TargetType): the distribution set types it can take. A target without a type
// takes any set.
struct TargetType
{
    qint64 id = 0;
    QString key;
    QString name;
    QStringList compatibleSetTypes;
    QString description = {};
    QString colour = {};
};

} // namespace Flotilla
