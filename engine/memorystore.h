#pragma once

#include "engine/store.h"

#include <functional>
#include <vector>

namespace Flotilla {

// The engine's stores (engine/store.h) in memory, as one object: every call the engine makes, with SqlStore's meaning
// (ids counted from 1, open actions by weight then age, statuses in the order written, group counts by addToCounts,
// RSQL filters through TargetMatcher) and its transactions (nested begin/commit join the outer one; a rollback, inner
// or outer, restores what the outermost begin saw). For the engine's service tests, which run without SQL, and for what
// plays the engine on a copy (the rollout forecast). Single-threaded; nothing is persisted.
//
// Sized for the forecast's 100,000 targets: a transaction keeps an undo journal of what it changed (not a copy of
// everything), and lookups by controller id, a target's actions and a group's actions and counts are indexed, so
// every call the engine makes per poll or feedback costs about the same whatever the fleet's size.
class MemoryStore
    : public StoreSession
    , public ConfigurationStore
    , public TargetStore
    , public TargetFilterStore
    , public ActionStore
    , public RepositoryStore
    , public RolloutStore
{
public:
    MemoryStore() = default;

    // Each aggregate's store (all of them this object), as SqlStore hands them out, and all of them at once.
    ConfigurationStore &configuration() { return *this; }
    TargetStore &targets() { return *this; }
    TargetFilterStore &filters() { return *this; }
    ActionStore &actions() { return *this; }
    RepositoryStore &repository() { return *this; }
    RolloutStore &rollouts() { return *this; }
    Stores stores() { return { *this, *this, *this, *this, *this, *this, *this }; }

    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    QString lastError() const override { return m_error; }

    TenantConfiguration tenantConfiguration() override { return m_data.config; }
    Result<void> setTenantConfiguration(const TenantConfiguration &config) override;

    Result<qint64> insertTarget(const Target &target) override;
    Lookup<Target> target(qint64 id) override;
    Lookup<Target> targetByControllerId(const QString &controllerId) override;
    Result<void> updateTarget(const Target &target) override;
    Lookup<DeviceTarget> deviceTarget(const QString &controllerId) override;
    Result<QList<qint64>> targetIdsMatching(const QString &rsqlFilter) override;
    Result<QList<TargetFilter>> targetFilters() override { return m_data.filters; }
    Result<QList<AutoAssignment>> autoAssignments() override { return m_data.autoAssignments; }
    Result<void> updateAutoAssignment(const AutoAssignment &autoAssignment) override;
    Result<QSet<qint64>> targetsWithActionFor(qint64 distributionSetId) override;
    Result<void> recordPolls(const QList<PollRecord> &polls) override;
    Result<void> recordPoll(const PollRecord &poll, TargetState state) override;
    Result<QMap<QString, QString>> targetAttributes(qint64 targetId) override
    {
        return m_data.attributes.value(targetId);
    }
    Result<void> setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes) override;

    Result<qint64> insertDistributionSet(const DistributionSet &set) override;
    Lookup<DistributionSet> distributionSet(qint64 id) override;
    Lookup<DistributionSet> distributionSetByNameVersion(const QString &name, const QString &version) override;
    Result<void> lockDistributionSet(qint64 id) override;
    Result<void> addModuleToSet(qint64 distributionSetId, qint64 moduleId) override;
    Result<QList<SoftwareModule>> modulesOfSet(qint64 distributionSetId) override;

    Result<qint64> insertSoftwareModuleType(const SoftwareModuleType &type) override;
    Lookup<SoftwareModuleType> softwareModuleType(const QString &key) override;
    Result<qint64> insertDistributionSetType(const DistributionSetType &type) override;
    Lookup<DistributionSetType> distributionSetType(const QString &key) override;
    Result<qint64> insertTargetType(const TargetType &type) override;
    Lookup<TargetType> targetType(const QString &key) override;

    Result<qint64> insertSoftwareModule(const SoftwareModule &module) override;
    Lookup<SoftwareModule> softwareModule(qint64 id) override;
    Result<qint64> insertArtifact(const Artifact &artifact) override;
    Result<QList<Artifact>> artifacts(qint64 moduleId) override;
    Result<QList<std::pair<QString, QString>>> deviceMetadata(qint64) override
    {
        return QList<std::pair<QString, QString>>();
    }
    Result<bool> moduleVisibleToTarget(qint64 moduleId, qint64 targetId) override;

    Result<qint64> insertAction(const Action &action) override;
    Lookup<Action> action(qint64 id) override;
    Result<QList<Action>> openActions(qint64 targetId) override;
    Result<QList<Action>> openActionsForPoll(qint64 targetId) override { return openActions(targetId); }
    Result<int> countActions(qint64 targetId) override;
    Result<qint64> installedActionId(qint64 targetId) override;
    Result<void> updateActionState(qint64 actionId, ActionState state, const QDateTime &at) override;

    Result<void> appendStatus(qint64 actionId, const ActionStatusEntry &entry) override;
    Result<QList<ActionStatusEntry>> statusHistory(qint64 actionId, int offset = 0, int limit = 1000) override;
    Result<int> countStatus(qint64 actionId) override { return int(m_data.history.value(actionId).size()); }
    Result<bool> recordFeedbackOnce(qint64 actionId, const QString &key) override;

    Result<qint64> insertRollout(const Rollout &rollout) override;
    Lookup<Rollout> rollout(qint64 id) override;
    Result<QList<qint64>> rolloutIdsInStates(const QList<RolloutState> &states) override;
    Result<void> updateRolloutState(qint64 id, RolloutState state) override;
    Result<qint64> insertRolloutGroup(const RolloutGroup &group) override;
    Result<QList<RolloutGroup>> rolloutGroups(qint64 rolloutId) override;
    Result<void> updateRolloutGroupState(qint64 groupId, RolloutGroupState state) override;
    Result<void> addRolloutGroupTargets(qint64 groupId, const QList<qint64> &targetIds) override;
    Result<QList<qint64>> rolloutGroupTargets(qint64 groupId) override;
    Result<QList<Action>> rolloutGroupActions(qint64 groupId) override;
    Result<GroupCounts> rolloutGroupCounts(qint64 groupId) override;

    // What SqlStore keeps in tables the engine's stores do not write: saved filters and auto-assignments.
    void setTargetFilters(const QList<TargetFilter> &filters) { m_data.filters = filters; }
    void setAutoAssignments(const QList<AutoAssignment> &autoAssignments) { m_data.autoAssignments = autoAssignments; }

private:
    bool fail(const QString &message);
    Failure failed(const QString &message); // fail(), as the Failure a Result carries

    struct Data
    {
        TenantConfiguration config;
        qint64 nextId = 1;
        QMap<qint64, Target> targets;
        QMap<qint64, QMap<QString, QString>> attributes;
        QMap<qint64, DistributionSet> sets;
        QMap<qint64, QList<qint64>> setModules;
        QMap<QString, SoftwareModuleType> moduleTypes;
        QMap<QString, DistributionSetType> setTypes;
        QMap<QString, TargetType> targetTypes;
        QMap<qint64, SoftwareModule> modules;
        QMap<qint64, Artifact> artifacts;
        QMap<qint64, Action> actions;
        QMap<qint64, QList<ActionStatusEntry>> history;
        QSet<std::pair<qint64, QString>> feedbackKeys;
        QMap<qint64, Rollout> rollouts;
        QMap<qint64, RolloutGroup> groups;
        QMap<qint64, QList<qint64>> groupTargets;
        QList<TargetFilter> filters;
        QList<AutoAssignment> autoAssignments;
    };
    // Before a write inside a transaction: how to put back map[key] (its old value, or its absence).
    template<typename Map> void remember(Map &map, const typename Map::key_type &key)
    {
        if (m_depth == 0)
            return;
        const auto it = map.constFind(key);
        if (it == map.cend())
            m_undo.push_back([&map, key] { map.remove(key); });
        else
            m_undo.push_back([&map, key, old = *it] { map.insert(key, old); });
    }
    template<typename T> void rememberValue(T &value)
    {
        if (m_depth > 0)
            m_undo.push_back([&value, old = value] { value = old; });
    }
    void undoAll();
    // The indexes below follow the data; a rollback rebuilds them.
    void rebuildIndexes();
    void indexAction(const Action &a);
    void actionStateChanged(const Action &a, ActionState from);

    Data m_data;
    std::vector<std::function<void()>> m_undo; // since the outermost begin(), oldest first
    QHash<QString, qint64> m_targetByControllerId;
    QHash<qint64, QList<qint64>> m_actionsOfTarget; // ids, ascending
    QHash<qint64, QList<qint64>> m_actionsOfGroup;
    QHash<qint64, GroupCounts> m_groupCounts;
    int m_depth = 0;
    bool m_doomed = false;
    QString m_error;
};

} // namespace Flotilla
