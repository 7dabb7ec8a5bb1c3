#include "engine/repositoryservice.h"

#include <QHash>

#include <limits>

namespace Flotilla {

RepositoryService::RepositoryService(StoreSession &session, RepositoryStore &repository)
    : m_session(session)
    , m_repository(repository)
{ }

Result<void> RepositoryService::addModuleToSet(qint64 setId, qint64 moduleId)
{
    const Lookup<DistributionSet> set = m_repository.distributionSet(setId);
    if (set.failed())
        return set.error();
    if (set.absent())
        return Failure { UnknownSet, QStringLiteral("distribution set %1 does not exist").arg(setId) };
    const Lookup<SoftwareModule> module = m_repository.softwareModule(moduleId);
    if (module.failed())
        return module.error();
    if (module.absent())
        return Failure { UnknownModule, QStringLiteral("software module %1 does not exist").arg(moduleId) };
    if (set->locked)
        return Failure { Locked,
                         QStringLiteral("distribution set %1 %2 was assigned and cannot change; create a new "
                                        "version")
                             .arg(set->name, set->version) };
    const Lookup<DistributionSetType> type = m_repository.distributionSetType(set->typeKey);
    if (type.failed())
        return type.error();
    if (type.found()) {
        if (!type->allows(module->typeKey))
            return Failure {
                TypeNotAllowed,
                QStringLiteral("a set of type '%1' takes modules of type %2, not '%3'")
                    .arg(type->key, (type->mandatoryModuleTypes + type->optionalModuleTypes).join(QStringLiteral(", ")),
                         module->typeKey)
            };
    }
    const Result<QList<SoftwareModule>> modules = m_repository.modulesOfSet(setId);
    if (!modules)
        return modules.error();
    const int sameType = int(std::count_if(modules->cbegin(), modules->cend(),
                                           [&](const SoftwareModule &m) { return m.typeKey == module->typeKey; }));
    const Lookup<SoftwareModuleType> moduleType = m_repository.softwareModuleType(module->typeKey);
    if (moduleType.failed())
        return moduleType.error();
    const int maximum = moduleType.found() ? moduleType->maxAssignments : std::numeric_limits<int>::max();
    if (sameType >= maximum)
        return Failure {
            TooManyOfType,
            QStringLiteral("a set holds at most %1 module(s) of type '%2'").arg(maximum).arg(module->typeKey)
        };
    return m_repository.addModuleToSet(setId, moduleId);
}

Result<QStringList> RepositoryService::missingModuleTypes(qint64 setId)
{
    const Lookup<DistributionSet> set = m_repository.distributionSet(setId);
    if (set.failed())
        return set.error();
    if (set.absent())
        return QStringList();
    const Lookup<DistributionSetType> type = m_repository.distributionSetType(set->typeKey);
    if (type.failed())
        return type.error();
    if (type.absent())
        return QStringList();
    const Result<QList<SoftwareModule>> modules = m_repository.modulesOfSet(setId);
    if (!modules)
        return modules.error();
    QStringList missing = type->mandatoryModuleTypes;
    for (const SoftwareModule &m : *modules)
        missing.removeAll(m.typeKey);
    return missing;
}

Result<QStringList> RepositoryService::incompleteness(qint64 setId)
{
    const Result<QStringList> missing = missingModuleTypes(setId);
    if (!missing)
        return missing.error();
    const Result<QList<SoftwareModule>> modules = m_repository.modulesOfSet(setId);
    if (!modules)
        return modules.error();
    QStringList reasons;
    for (const QString &type : *missing)
        reasons << QStringLiteral("it has no module of type %1").arg(type);
    QHash<QString, int> minArtifacts;
    for (const SoftwareModule &m : *modules) {
        if (!minArtifacts.contains(m.typeKey)) {
            const Lookup<SoftwareModuleType> type = m_repository.softwareModuleType(m.typeKey);
            if (type.failed())
                return type.error();
            minArtifacts.insert(m.typeKey, type.found() ? type->minArtifacts : 0);
        }
        const int needed = minArtifacts.value(m.typeKey);
        if (needed <= 0)
            continue;
        const Result<QList<Artifact>> artifacts = m_repository.artifacts(m.id);
        if (!artifacts)
            return artifacts.error();
        if (const qsizetype has = artifacts->size(); has < needed)
            reasons << QStringLiteral("module %1 %2 has %3 of the %4 artifacts its type requires")
                           .arg(m.name, m.version)
                           .arg(has)
                           .arg(needed);
    }
    return reasons;
}

} // namespace Flotilla
