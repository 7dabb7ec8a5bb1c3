#pragma once

#include "engine/action.h"

#include <QString>

namespace Flotilla {

// A saved target query (hawkBit's target filter), optionally with an auto-assignment: every target it matches
// that has never had an action for the set gets the set assigned, as hawkBit's auto-assign scheduler does.
struct TargetFilter
{
    qint64 id = 0;
    QString name;
    QString query; // RSQL over targets (engine/rsql.h)
    qint64 autoAssignSetId = 0; // 0: no auto-assignment
    ActionType autoAssignType = ActionType::Forced;
    int autoAssignWeight = DefaultWeight;
    bool autoAssignConfirmationRequired = false;
};

} // namespace Flotilla
