#pragma once

#include "engine/action.h"

#include <QList>

namespace Flotilla {

// How the DDI API tells a device to handle a step: skip, attempt (soft) or forced.
enum class HandlingType : quint8 { Skip, Attempt, Forced };
QString nameOf(HandlingType type); // "skip", "attempt", "forced"

enum class PresentationKind : quint8 {
    Nothing, // no open action: the device just sleeps
    ConfirmationBase, // the action waits for the device's consent
    CancelAction, // the action is being canceled: the device must confirm or reject
    DeploymentBase, // the action is running: download and install
};

// Exactly one next thing for a device (seeds 000/001: "present only the oldest active action ... until that
// action is confirmed"; with weights, the heaviest first).
struct Presentation
{
    PresentationKind kind = PresentationKind::Nothing;
    qint64 actionId = 0;
    HandlingType download = HandlingType::Skip;
    HandlingType update = HandlingType::Skip;
    std::optional<bool> maintenanceWindowAvailable; // only when the action has a window

    // The action whose presentation this is, chosen among a target's actions (open and closed alike):
    // presentable are WAIT_FOR_CONFIRMATION, RUNNING and CANCELING (SCHEDULED waits for its rollout group);
    // highest weight first, then the oldest (lowest id).
    static const Action *choose(const QList<Action> &actions);
    static Presentation of(const Action *action, const QDateTime &now);
    static Presentation forTarget(const QList<Action> &actions, const QDateTime &now)
    {
        return of(choose(actions), now);
    }
};

} // namespace Flotilla
