#pragma once

#include "backend/sqlaggregate.h"
#include "engine/targetfilterstore.h"

#include <optional>

namespace Flotilla {

// Saved target filters and auto-assignments on SQL: the engine's TargetFilterStore, and hawkBit's
// /targetfilters and /autoassignments beyond what the engine needs. Part of one SqlStore.
class SqlTargetFilterStore final
    : public TargetFilterStore
    , private SqlAggregate
{
public:
    explicit SqlTargetFilterStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    Result<QList<TargetFilter>> targetFilters() override;
    Result<QList<AutoAssignment>> autoAssignments() override;
    Result<void> updateAutoAssignment(const AutoAssignment &autoAssignment) override;

    Result<qint64> insertTargetFilter(const TargetFilter &filter); // the new filter's id
    Lookup<TargetFilter> targetFilter(qint64 id);
    Result<void> updateTargetFilter(const TargetFilter &filter); // everything of filter.id
    Result<void> deleteTargetFilter(qint64 id);

    // where and orderBy over "auto_assignments aa", as the RSQL compiler writes them.
    Result<QList<AutoAssignment>> autoAssignmentsWhere(const QString &where, const QVariantList &binds,
                                                       const QString &orderBy, int offset, int limit);
    Lookup<AutoAssignment> autoAssignment(qint64 id);
    Lookup<AutoAssignment> autoAssignmentByName(const QString &name);
    Result<qint64> insertAutoAssignment(const AutoAssignment &autoAssignment); // the new one's id
    Result<void> deleteAutoAssignment(qint64 id);
    Result<void> deleteAutoAssignmentsOfSet(qint64 setId); // an invalidated set is never auto-assigned again
    Result<int> countAutoAssignmentsOfSet(qint64 setId);
};

} // namespace Flotilla
