#pragma once

#include "engine/entitytypes.h"
#include "engine/result.h"
#include "engine/softwaremodule.h"
#include "engine/target.h"

#include <QList>

#include <optional>
#include <utility>

namespace Flotilla {

// The software repository: types, software modules with their artifacts, and distribution sets.
class RepositoryStore
{
public:
    virtual ~RepositoryStore() = default;

    virtual Result<qint64> insertDistributionSet(const DistributionSet &set) = 0;
    virtual Lookup<DistributionSet> distributionSet(qint64 id) = 0;
    virtual Lookup<DistributionSet> distributionSetByNameVersion(const QString &name, const QString &version) = 0;
    virtual Result<void> lockDistributionSet(qint64 id) = 0;
    virtual Result<void> addModuleToSet(qint64 distributionSetId, qint64 moduleId) = 0;
    virtual Result<QList<SoftwareModule>> modulesOfSet(qint64 distributionSetId) = 0;

    virtual Result<qint64> insertSoftwareModuleType(const SoftwareModuleType &type) = 0;
    virtual Lookup<SoftwareModuleType> softwareModuleType(const QString &key) = 0;
    virtual Result<qint64> insertDistributionSetType(const DistributionSetType &type) = 0;
    virtual Lookup<DistributionSetType> distributionSetType(const QString &key) = 0;
    virtual Result<qint64> insertTargetType(const TargetType &type) = 0;
    virtual Lookup<TargetType> targetType(const QString &key) = 0;

    virtual Result<qint64> insertSoftwareModule(const SoftwareModule &module) = 0;
    virtual Lookup<SoftwareModule> softwareModule(qint64 id) = 0;
    virtual Result<qint64> insertArtifact(const Artifact &artifact) = 0;
    virtual Result<QList<Artifact>> artifacts(qint64 moduleId) = 0;
    // A module's metadata the operator marked for devices (hawkBit's targetVisible), key and value, by key.
    virtual Result<QList<std::pair<QString, QString>>> deviceMetadata(qint64 moduleId) = 0;
    // Whether a device may see the module: it belongs to one of the target's actions or to its installed set. A read
    // that failed is a Failure, never "not visible" (a device told its download is gone gives the update up).
    virtual Result<bool> moduleVisibleToTarget(qint64 moduleId, qint64 targetId) = 0;
};

} // namespace Flotilla
