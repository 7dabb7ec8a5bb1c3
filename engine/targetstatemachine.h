#pragma once

#include "engine/enumstatemachine.h"
#include "engine/vocabulary.h"

#include <QString>

#include <optional>

namespace Flotilla {

QString nameOf(TargetState state);
std::optional<TargetState> targetStateFromString(QStringView name);

enum class TargetEvent : quint8 {
    Polled, // the device contacted the server
    Assigned, // a set was assigned: an action is open
    ActionFinished, // an action finished and nothing else is pending
    ActionFinishedOthersPending, // an action finished while others are still open
    ActionFailed, // an action ended in ERROR
    ActionCanceled, // an action was canceled and nothing else is pending
    ActionCanceledOthersPending, // an action was canceled while others are still open
    InstalledDeclared, // the device declared the set it runs (DDI PUT installedBase) and nothing is pending
};

QString nameOf(TargetEvent event);

// The target state machine on QStateMachine, built from the stored state for one event.
class TargetStateMachine : public EnumStateMachine<TargetState, TargetEvent>
{
    Q_OBJECT
public:
    explicit TargetStateMachine(TargetState current, QObject *parent = nullptr);

    // The state after the event, or nullopt when the event does not apply to the state.
    static std::optional<TargetState> next(TargetState current, TargetEvent event);
};

} // namespace Flotilla
