#pragma once

#include "engine/action.h"
#include "engine/result.h"
#include "engine/target.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <utility>

namespace Flotilla {

// An action with the number of entries in its status history: what applying a device's feedback reads.
struct ActionWithHistorySize
{
    Action action;
    int historySize = 0;
};

// What a device's feedback about one of its actions reads first: its target (by controller id; authentication needs
// it) and that action with its history size, absent when the target has no action of that id (none, or another
// target's: both are unknown to this device).
struct DeviceTargetAndAction
{
    DeviceTarget target;
    std::optional<ActionWithHistorySize> action;
};

// What a device's poll reads first: its target and its open actions as openActionsForPoll() reads them.
struct DeviceTargetAndOpenActions
{
    DeviceTarget target;
    QList<Action> open;
};

class TargetStore;

// Actions (a distribution set on its way to one target) and their status history.
class ActionStore
{
public:
    virtual ~ActionStore() = default;

    virtual Result<qint64> insertAction(const Action &action) = 0; // the new id
    virtual Lookup<Action> action(qint64 id) = 0;
    // The target's open actions, in presentation order: highest weight first, then oldest.
    virtual Result<QList<Action>> openActions(qint64 targetId) = 0;
    // The same actions in the same order, read for a device's poll with only what presenting them needs: id,
    // targetId, state, type, weight, forceTime and maintenanceWindow. The other fields keep their defaults; action()
    // reads an action whole.
    virtual Result<QList<Action>> openActionsForPoll(qint64 targetId) = 0;
    virtual Result<int> countActions(qint64 targetId) = 0;
    // The id of the closed action that installed the target's installed set (DDI installedBase); 0 if none.
    virtual Result<qint64> installedActionId(qint64 targetId) = 0;
    virtual Result<void> updateActionState(qint64 actionId, ActionState state, const QDateTime &at) = 0;
    // The targets that ever had an action for a set.
    virtual Result<QSet<qint64>> targetsWithActionFor(qint64 distributionSetId) = 0;

    virtual Result<void> appendStatus(qint64 actionId, const ActionStatusEntry &entry) = 0;
    virtual Result<QList<ActionStatusEntry>> statusHistory(qint64 actionId, int offset = 0, int limit = 1000) = 0;
    virtual Result<int> countStatus(qint64 actionId) = 0;
    // action() and countStatus() in one read. This default calls both; a SQL store asks one statement.
    virtual Lookup<ActionWithHistorySize> actionWithHistorySize(qint64 id);
    // The target of controllerId and its action actionId (absent: no such target). This default asks targets and
    // actionWithHistorySize() apart; a SQL store asks one statement (a round trip less for every DDI feedback).
    virtual Lookup<DeviceTargetAndAction> deviceTargetAndAction(TargetStore &targets, const QString &controllerId,
                                                                qint64 actionId);
    // The target of controllerId and its open actions (openActionsForPoll()); absent: no such target. The same
    // default and the same one statement on SQL (a round trip less for every DDI poll).
    virtual Lookup<DeviceTargetAndOpenActions> deviceTargetAndOpenActions(TargetStore &targets,
                                                                          const QString &controllerId);

    // Records that a feedback with this key was applied to the action: true, or false if it was already recorded (a
    // device re-sending after a timeout), so the caller changes nothing the second time. A failure is neither: the
    // feedback is not taken, and the device sends it again.
    virtual Result<bool> recordFeedbackOnce(qint64 actionId, const QString &key) = 0;

    // The same for many targets or actions at once, for an assignment of thousands (DeploymentService::assign, a
    // rollout group's start). These defaults call the functions above one by one; a store whose every statement is
    // a round trip (PostgreSQL) does each in a few statements.
    // Every target id is a key, with an empty list when it has no open action.
    virtual Result<QHash<qint64, QList<Action>>> openActionsOfTargets(const QList<qint64> &targetIds);
    virtual Result<QHash<qint64, int>> countActionsOfTargets(const QList<qint64> &targetIds);
    virtual Result<QList<qint64>> insertActions(const QList<Action> &actions); // the new ids, in the same order
    virtual Result<void> appendStatuses(const QList<std::pair<qint64, ActionStatusEntry>> &entries);
};

} // namespace Flotilla
