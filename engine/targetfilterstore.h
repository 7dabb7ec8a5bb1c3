#pragma once

#include "engine/autoassignment.h"
#include "engine/result.h"
#include "engine/targetfilter.h"

#include <QList>

namespace Flotilla {

// Saved target filters (hawkBit's target filter queries) and the auto-assignments that run on them.
class TargetFilterStore
{
public:
    virtual ~TargetFilterStore() = default;

    // Saved target filters, with their auto-assignments.
    virtual Result<QList<TargetFilter>> targetFilters() = 0;
    // hawkBit's /autoassignments (autoassignment.h), oldest first; and one written back (status, decision).
    virtual Result<QList<AutoAssignment>> autoAssignments() = 0;
    virtual Result<void> updateAutoAssignment(const AutoAssignment &autoAssignment) = 0;
};

} // namespace Flotilla
