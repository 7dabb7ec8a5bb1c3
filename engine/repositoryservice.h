#pragma once

#include "engine/store.h"

namespace Flotilla {

// The rules of the software repository: which modules a distribution set may hold (its type's mandatory and
// optional module types, each type's maximum per set, nothing once the set is locked) and when a set is
// complete enough to be assigned.
class RepositoryService
{
public:
    RepositoryService(StoreSession &session, RepositoryStore &repository);
    explicit RepositoryService(const Stores &stores)
        : RepositoryService(stores.session, stores.repository)
    { }

    // What addModuleToSet() refuses, as its Failure's code (a failure of the store itself is coded
    // "flotilla.store").
    static constexpr QLatin1StringView UnknownSet { "flotilla.repository.unknownSet" };
    static constexpr QLatin1StringView UnknownModule { "flotilla.repository.unknownModule" };
    static constexpr QLatin1StringView Locked { "flotilla.repository.locked" }; // assigned: its content is fixed
    // The set's type has no place for the module's type.
    static constexpr QLatin1StringView TypeNotAllowed { "flotilla.repository.typeNotAllowed" };
    // The module type's maxAssignments is reached.
    static constexpr QLatin1StringView TooManyOfType { "flotilla.repository.tooManyOfType" };

    Result<void> addModuleToSet(qint64 setId, qint64 moduleId);
    // The mandatory module types the set still lacks; empty when it is complete. A set whose type is not
    // defined in the store has no requirements. A failed read is the store's Failure.
    Result<QStringList> missingModuleTypes(qint64 setId);
    // Why the set cannot be assigned yet, in words: each mandatory module type it lacks, and each module with
    // fewer artifacts than its type's minArtifacts. Empty when the set is complete.
    Result<QStringList> incompleteness(qint64 setId);
    Result<bool> isComplete(qint64 setId)
    {
        const Result<QStringList> why = incompleteness(setId);
        if (!why)
            return why.error();
        return why->isEmpty();
    }

private:
    StoreSession &m_session;
    RepositoryStore &m_repository;
};

} // namespace Flotilla
