#pragma once

#include "engine/action.h"
#include "engine/enumstatemachine.h"
#include "engine/vocabulary.h"

#include <QDateTime>
#include <QString>

namespace Flotilla {

enum class AutoAssignmentEvent : quint8 {
    Approve, // WAITING_FOR_APPROVAL -> READY
    Deny, // WAITING_FOR_APPROVAL -> APPROVAL_DENIED
    Start, // READY -> RUNNING: the operator, or the start time has come
    Pause, // RUNNING -> PAUSED
    Resume, // PAUSED -> RUNNING
};

QString nameOf(AutoAssignmentStatus status); // "waiting_for_approval", ... as hawkBit's JSON spells them
std::optional<AutoAssignmentStatus> autoAssignmentStatusFromString(const QString &name);
QString nameOf(AutoAssignmentEvent event);

// hawkBit's newest auto-assignment (/autoassignments, after 1.1): a distribution set given to every target an
// RSQL query comes to match, with its own life cycle; the older form is a target filter's autoAssignDS
// (targetfilter.h). Both are carried out by the AutoAssigner.
struct AutoAssignment
{
    qint64 id = 0;
    QString name;
    QString description;
    QString query; // RSQL over targets (engine/rsql.h)
    qint64 distributionSetId = 0;
    AutoAssignmentStatus status = AutoAssignmentStatus::Ready;
    QDateTime startAt; // invalid: starts when ready
    ActionType actionType = ActionType::Forced; // forced, soft or downloadonly
    int weight = DefaultWeight;
    bool confirmationRequired = false;
    QString approvalDecidedBy;
    QString approvalRemark;
};

// The auto-assignment status machine on QStateMachine: every transition hawkBit's AutoAssignmentManagement
// allows, and no other.
class AutoAssignmentStateMachine : public EnumStateMachine<AutoAssignmentStatus, AutoAssignmentEvent>
{
    Q_OBJECT
public:
    explicit AutoAssignmentStateMachine(AutoAssignmentStatus current, QObject *parent = nullptr);
    static std::optional<AutoAssignmentStatus> next(AutoAssignmentStatus current, AutoAssignmentEvent event);
};

} // namespace Flotilla
