#pragma once

#include "backend/sqlaggregate.h"
#include "engine/actionstore.h"

#include <QHash>
#include <QMap>

namespace Flotilla {

// Actions and their status history on SQL: the engine's ActionStore, and what the Management API, the console's
// overview and the rollout forecast read of them. Part of one SqlStore.
class SqlActionStore final
    : public ActionStore
    , private SqlAggregate
{
public:
    explicit SqlActionStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    Result<qint64> insertAction(const Action &action) override;
    Lookup<Action> action(qint64 id) override;
    Result<QList<Action>> openActions(qint64 targetId) override;
    Result<QList<Action>> openActionsForPoll(qint64 targetId) override;
    Result<int> countActions(qint64 targetId) override;
    Result<qint64> installedActionId(qint64 targetId) override;
    Result<void> updateActionState(qint64 actionId, ActionState state, const QDateTime &at) override;
    Result<QSet<qint64>> targetsWithActionFor(qint64 distributionSetId) override;
    Result<void> appendStatus(qint64 actionId, const ActionStatusEntry &entry) override;
    Result<QList<ActionStatusEntry>> statusHistory(qint64 actionId, int offset = 0, int limit = 1000) override;
    Result<int> countStatus(qint64 actionId) override;
    Lookup<ActionWithHistorySize> actionWithHistorySize(qint64 id) override;
    // On PostgreSQL the statements a feedback sends as text are prepared on the server when the connection opens (a
    // feedback's read and the status entry a group defers; false with the session's lastError()).
    bool prepareOnServer();
    // One statement (targets LEFT JOIN actions); targets is not asked.
    Lookup<DeviceTargetAndAction> deviceTargetAndAction(TargetStore &targets, const QString &controllerId,
                                                        qint64 actionId) override;
    Lookup<DeviceTargetAndOpenActions> deviceTargetAndOpenActions(TargetStore &targets,
                                                                  const QString &controllerId) override;
    Result<bool> recordFeedbackOnce(qint64 actionId, const QString &key) override;
    // A few statements per thousand targets or actions (multi-row statements); on SQLite, where a statement is no
    // round trip, the new actions are inserted one by one.
    Result<QHash<qint64, QList<Action>>> openActionsOfTargets(const QList<qint64> &targetIds) override;
    Result<QHash<qint64, int>> countActionsOfTargets(const QList<qint64> &targetIds) override;
    Result<QList<qint64>> insertActions(const QList<Action> &actions) override;
    Result<void> appendStatuses(const QList<std::pair<qint64, ActionStatusEntry>> &entries) override;

    // One page of actions (with the target's controllerId) in one query; where and orderBy over "actions a", as
    // the RSQL compiler writes them. A failed statement is a Failure, never an empty page.
    Result<QList<std::pair<Action, QString>>> actionsWhere(const QString &where, const QVariantList &binds,
                                                           const QString &orderBy, int offset, int limit);
    Result<QList<Action>> actionsOfTarget(qint64 targetId, int offset, int limit); // newest first
    Result<void> updateActionType(qint64 actionId, ActionType type);
    // Closed actions with their history; open ones are left alone. Returns how many went.
    Result<int> deleteClosedActions(const QList<qint64> &actionIds);
    // The code of each action's newest status entry that carries one (hawkBit's lastStatusCode); one query.
    Result<QHash<qint64, int>> lastStatusCodes(const QList<qint64> &actionIds);
    // The actions of these ids that exist, in as few statements as the ids allow (the event stream's descriptions
    // of a group commit's changes).
    Result<QHash<qint64, Action>> actionsById(const QList<qint64> &ids);
    Result<QList<qint64>> openActionIdsOfSet(qint64 setId); // hawkBit's invalidation cancels them
    // hawkBit's set statistics: how many of the set's actions are in each state.
    Result<QMap<ActionState, qint64>> actionCountsOfSet(qint64 setId);
    Result<QMap<ActionState, qint64>> openActionCounts(); // the fleet's actions not yet closed, by state

    // Error statuses reported since sinceMs, grouped by their last message (the reason, in DDI feedback), most
    // frequent first: how many statuses and how many distinct targets. At most scanLimit statuses, the newest,
    // are read; truncated says whether there were more.
    struct ErrorCount
    {
        QString message;
        qint64 count = 0;
        qint64 targets = 0;
    };
    struct RecentErrors
    {
        QList<ErrorCount> errors;
        bool truncated = false;
    };
    Result<RecentErrors> recentErrors(qint64 sinceMs, int scanLimit = 200000);
    // What the rollout forecast learns from history: of the newest `limit` actions closed since sinceMs as
    // finished or in error, how many of each, and the median time from a device's first report on an action to
    // its last (-1 without any).
    struct ActionOutcomes
    {
        qint64 finished = 0;
        qint64 failed = 0;
        qint64 medianSecs = -1;
    };
    Result<ActionOutcomes> actionOutcomes(qint64 sinceMs, int limit = 10000);

    // The query plans (EXPLAIN), for benchmarks and tests: of the open-actions lookup (openActionsForPoll, and a
    // poll after it closed an action), and of the read every DDI poll runs (deviceTargetAndOpenActions).
    QString explainOpenActions(qint64 targetId);
    QString explainPollRead(const QString &controllerId);

private:
    QString explain(const QString &select, const QString &what);
};

} // namespace Flotilla
