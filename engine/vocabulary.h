#pragma once

#include <QList>
#include <QMetaEnum>
#include <QObject>
#include <QString>

#include <optional>

namespace Flotilla {

// The status vocabulary, defined once: the states of actions, targets, rollouts, rollout groups and
// auto-assignments, an action's history statuses and its types. Their names come from the meta-object (Q_ENUM_NS)
// in the spelling hawkBit's JSON uses (see nameOf() in each header), so no list of names is kept by hand
// anywhere: RSQL, the Management API, the DDI and the console all read them from here.
// One namespace of its own: a namespace has one meta-object (Q_NAMESPACE) in the whole program.
namespace Vocabulary {
Q_NAMESPACE

// The states an action is in (Bosch IoT Rollouts' and hawkBit's action states). Closed: CANCELED, FINISHED, ERROR,
// DOWNLOADED.
enum class ActionState : quint8 {
    Scheduled,
    WaitForConfirmation,
    Running,
    Canceling,
    Canceled,
    Finished,
    Error,
    Downloaded, // a download-only action whose download is done
};
Q_ENUM_NS(ActionState)

// What goes into an action's status history: every action state plus the intermediate feedback that changes
// no state (RETRIEVED, DOWNLOAD, DOWNLOADED of a normal action, WARNING, CANCEL_REJECTED). Names as hawkBit's
// Action.Status, which the DDI actionHistory and the Management API show.
enum class HistoryStatus : quint8 {
    Finished,
    Error,
    Warning,
    Running,
    Canceled,
    Canceling,
    Retrieved,
    Download,
    Scheduled,
    CancelRejected,
    Downloaded,
    WaitForConfirmation,
};
Q_ENUM_NS(HistoryStatus)

enum class ActionType : quint8 { Forced, Soft, DownloadOnly, TimeForced };
Q_ENUM_NS(ActionType)

// Target states (hawkBit's target state machine).
enum class TargetState : quint8 {
    Unknown, // pre-commissioned (created by the operator), no status from the device yet
    Registered, // known to the server, nothing assigned: where plug-and-play devices start
    Pending, // an assigned set is not yet confirmed installed
    InSync, // the assigned set is installed
    Error, // installing the assigned set failed
};
Q_ENUM_NS(TargetState)

enum class RolloutState : quint8 {
    Creating,
    WaitingForApproval,
    ApprovalDenied,
    Ready,
    Starting,
    Running,
    Paused,
    Stopping,
    Stopped,
    Finished,
};
Q_ENUM_NS(RolloutState)

enum class RolloutGroupState : quint8 { Creating, Ready, Scheduled, Running, Finished, Error };
Q_ENUM_NS(RolloutGroupState)

// hawkBit's AutoAssignStatus. A new auto-assignment waits for approval when the tenant asks for it
// (auto.assignment.approval.enabled), else it is ready; a ready one starts running at its start time (or at
// once without one) or when the operator starts it; only a running one assigns.
enum class AutoAssignmentStatus : quint8 { WaitingForApproval, ApprovalDenied, Ready, Paused, Running };
Q_ENUM_NS(AutoAssignmentStatus)

// hawkBit's spellings of an enumerator's key: "WaitForConfirmation" -> "WAIT_FOR_CONFIRMATION" (states, as the
// APIs show them) or "downloadonly" (action types).
enum class Spelling : quint8 { UpperSnake, LowerSnake, LowerRun };
QString spell(const char *key, Spelling spelling);

// Every value's name by its number, built once per enum and spelling.
template<typename E, Spelling S> const QList<QString> &namesOf()
{
    static const QList<QString> names = [] {
        const QMetaEnum e = QMetaEnum::fromType<E>();
        QList<QString> list(e.keyCount());
        for (int i = 0; i < e.keyCount(); ++i)
            list[e.value(i)] = spell(e.key(i), S);
        return list;
    }();
    return names;
}
template<typename E, Spelling S> QString nameIn(E value)
{
    return namesOf<E, S>().value(int(value));
}
// A name in any case (hawkBit's JSON is lower case, its Java enums upper case).
template<typename E, Spelling S> std::optional<E> fromName(QStringView name)
{
    const QList<QString> &names = namesOf<E, S>();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (name.compare(names.at(i), Qt::CaseInsensitive) == 0)
            return E(i);
    }
    return std::nullopt;
}

} // namespace Vocabulary

using Vocabulary::ActionState;
using Vocabulary::ActionType;
using Vocabulary::AutoAssignmentStatus;
using Vocabulary::HistoryStatus;
using Vocabulary::RolloutGroupState;
using Vocabulary::RolloutState;
using Vocabulary::TargetState;

} // namespace Flotilla
