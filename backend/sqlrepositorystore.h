#pragma once

#include "backend/sqlaggregate.h"
#include "engine/repositorystore.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QVariantList>

namespace Flotilla {

// The software repository on SQL: the engine's RepositoryStore, and the Management API's pages, changes, deletes
// and the checks that guard them (what refers to a module, set or type). Part of one SqlStore.
class SqlRepositoryStore final
    : public RepositoryStore
    , private SqlAggregate
{
public:
    explicit SqlRepositoryStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    Result<qint64> insertDistributionSet(const DistributionSet &set) override;
    Lookup<DistributionSet> distributionSet(qint64 id) override;
    Lookup<DistributionSet> distributionSetByNameVersion(const QString &name, const QString &version) override;
    // The module of this type, name and version (they are unique together), if any.
    Lookup<SoftwareModule> softwareModuleNamed(const QString &typeKey, const QString &name, const QString &version);
    Result<void> lockDistributionSet(qint64 id) override;
    Result<void> addModuleToSet(qint64 distributionSetId, qint64 moduleId) override;
    Result<QList<SoftwareModule>> modulesOfSet(qint64 distributionSetId) override;
    Result<qint64> insertSoftwareModuleType(const SoftwareModuleType &type) override;
    Lookup<SoftwareModuleType> softwareModuleType(const QString &key) override;
    Result<qint64> insertDistributionSetType(const DistributionSetType &type) override;
    Lookup<DistributionSetType> distributionSetType(const QString &key) override;
    Result<qint64> insertTargetType(const TargetType &type) override;
    Lookup<TargetType> targetType(const QString &key) override;
    Result<qint64> insertSoftwareModule(const SoftwareModule &module) override;
    Lookup<SoftwareModule> softwareModule(qint64 id) override;
    Result<qint64> insertArtifact(const Artifact &artifact) override;
    Result<QList<Artifact>> artifacts(qint64 moduleId) override;
    Result<QList<std::pair<QString, QString>>> deviceMetadata(qint64 moduleId) override;
    Result<bool> moduleVisibleToTarget(qint64 moduleId, qint64 targetId) override;

    // One page of sets ("distribution_sets s") / modules ("software_modules m") in one query, as the RSQL compiler
    // writes where and orderBy, and the artifacts of a page of modules in one more. A failed statement is a
    // Failure, never an empty page.
    Result<QList<DistributionSet>> distributionSetsWhere(const QString &where, const QVariantList &binds,
                                                         const QString &orderBy, int offset, int limit);
    Result<QList<SoftwareModule>> modulesWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                               int offset, int limit);
    Result<QHash<qint64, QList<Artifact>>> artifactsOfModules(const QList<qint64> &moduleIds);

    // The Management API's PUTs (hawkBit's MgmtDistributionSetRequestBodyPut, MgmtSoftwareModuleRequestBodyPut).
    Result<void>
    updateDistributionSet(const DistributionSet &set); // name, version, description, migration step, lock, valid
    Result<void> updateSoftwareModule(const SoftwareModule &module); // description, vendor
    // Modules that belong to a locked set (hawkBit locks a set's modules with it), of the given ones.
    Result<QSet<qint64>> modulesInLockedSets(const QList<qint64> &moduleIds);
    Result<void> deleteArtifact(qint64 artifactId); // the row; the caller removes unreferenced content
    Result<int> countArtifactsWithContent(const QString &sha256);
    Result<void> deleteSoftwareModule(qint64 moduleId); // with its artifact rows
    Result<void> deleteDistributionSet(qint64 setId);

    // The three kinds of type; the Management API names them, the store alone knows their tables.
    enum class TypeKind : quint8 { SoftwareModule, DistributionSet, Target };
    Result<QStringList> typeKeys(TypeKind kind); // oldest first
    // The key of the type with this id (hawkBit names types by id); nullopt when there is none.
    Lookup<QString> typeKeyOf(TypeKind kind, qint64 id);
    Result<int> countSetsOfType(const QString &setTypeKey);
    Result<void> deleteType(TypeKind kind, const QString &key);
    // hawkBit's PUT on a type: name, description and colour (key and content stay).
    Result<void> updateTypeDetails(TypeKind kind, const QString &key, const QString &name, const QString &description,
                                   const QString &colour);
    Result<void> setCompatibleSetTypes(qint64 targetTypeId, const QStringList &setTypeKeys); // a target type's
    Result<void> setModuleTypesOfSetType(qint64 setTypeId, const QStringList &mandatory, const QStringList &optional);

    // What refers to a module / set / type, in words, for a refused delete; empty when nothing does.
    Result<QStringList> dependentsOfModule(qint64 moduleId);
    Result<QStringList> dependentsOfSet(qint64 setId);
    Result<QStringList> dependentsOfType(TypeKind kind, const QString &key);

private:
    static QString typeTable(TypeKind kind);
};

} // namespace Flotilla
