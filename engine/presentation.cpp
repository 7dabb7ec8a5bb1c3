#include "engine/presentation.h"

namespace Flotilla {

QString nameOf(HandlingType type)
{
    switch (type) {
    case HandlingType::Skip:
        return QStringLiteral("skip");
    case HandlingType::Attempt:
        return QStringLiteral("attempt");
    case HandlingType::Forced:
        return QStringLiteral("forced");
    }
    return {};
}

const Action *Presentation::choose(const QList<Action> &actions)
{
    const Action *best = nullptr;
    for (const Action &a : actions) {
        if (a.state != ActionState::WaitForConfirmation && a.state != ActionState::Running
            && a.state != ActionState::Canceling)
            continue;
        if (!best || a.weight > best->weight || (a.weight == best->weight && a.id < best->id))
            best = &a;
    }
    return best;
}

Presentation Presentation::of(const Action *action, const QDateTime &now)
{
    Presentation p;
    if (!action)
        return p;
    p.actionId = action->id;
    switch (action->state) {
    case ActionState::WaitForConfirmation:
        p.kind = PresentationKind::ConfirmationBase;
        break;
    case ActionState::Canceling:
        p.kind = PresentationKind::CancelAction;
        break;
    case ActionState::Running:
        p.kind = PresentationKind::DeploymentBase;
        break;
    default:
        p.kind = PresentationKind::Nothing;
        p.actionId = 0;
        return p;
    }
    // download = forced if download-only, forced, or time-forced past its force time; else attempt.
    const bool forced = action->type == ActionType::DownloadOnly || action->isForcedAt(now);
    p.download = forced ? HandlingType::Forced : HandlingType::Attempt;
    // update = skip if download-only or a scheduled window is closed; else as download.
    const bool windowClosed = action->maintenanceWindow && !action->maintenanceWindow->isOpen(now);
    p.update = (action->type == ActionType::DownloadOnly || windowClosed) ? HandlingType::Skip : p.download;
    if (action->maintenanceWindow)
        p.maintenanceWindowAvailable = !windowClosed;
    return p;
}

} // namespace Flotilla
