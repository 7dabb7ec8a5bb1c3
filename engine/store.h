#pragma once

#include "engine/action.h"
#include "engine/autoassignment.h"
#include "engine/entitytypes.h"
#include "engine/rollout.h"
#include "engine/softwaremodule.h"
#include "engine/target.h"
#include "engine/targetfilter.h"

#include <QList>
#include <QMap>
#include <QSet>

namespace Flotilla {

// The engine's only view of persistence. backend/ implements it with QtSql (SQLite, PostgreSQL). Calls made
// between begin() and commit() form one transaction: a state change and its history entry land together.
// Transactions nest: an inner begin/commit joins the outer one, and an inner rollback dooms the whole.
class Store
{
public:
    virtual ~Store() = default;

    virtual bool begin() = 0;
    virtual bool commit() = 0;
    virtual void rollback() = 0;
    virtual QString lastError() const = 0;

    virtual TenantConfiguration tenantConfiguration() = 0;
    virtual bool setTenantConfiguration(const TenantConfiguration &config) = 0;

    virtual qint64 insertTarget(const Target &target) = 0; // returns the id, 0 on failure
    virtual std::optional<Target> target(qint64 id) = 0;
    virtual std::optional<Target> targetByControllerId(const QString &controllerId) = 0;
    virtual bool updateTarget(const Target &target) = 0;
    // The target behind a device request (see DeviceTarget), or nullopt when no target has this controllerId.
    virtual std::optional<DeviceTarget> deviceTarget(const QString &controllerId) = 0;
    // The ids of the targets an RSQL filter (engine/rsql.h) matches, oldest first; nullopt when the filter is
    // not valid (lastError() says where and why).
    virtual std::optional<QList<qint64>> targetIdsMatching(const QString &rsqlFilter) = 0;
    // Saved target filters (with their auto-assignments), and the targets that ever had an action for a set.
    virtual QList<TargetFilter> targetFilters() = 0;
    // hawkBit's /autoassignments (autoassignment.h), oldest first; and one written back (status, decision).
    virtual QList<AutoAssignment> autoAssignments() = 0;
    virtual bool updateAutoAssignment(const AutoAssignment &autoAssignment) = 0;
    virtual QSet<qint64> targetsWithActionFor(qint64 distributionSetId) = 0;
    // Last poll time and address of many targets at once (the DDI server batches them, as hawkBit does).
    struct PollRecord
    {
        qint64 targetId = 0;
        QDateTime at;
        QString address;
    };
    virtual bool recordPolls(const QList<PollRecord> &polls) = 0;
    // One poll written at once, with the target state it leads to (a first poll, a new state or a new address).
    // Writes only these columns: a concurrent change to the target's other fields is kept.
    virtual bool recordPoll(const PollRecord &poll, TargetState state) = 0;
    virtual QMap<QString, QString> targetAttributes(qint64 targetId) = 0;
    virtual bool setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes) = 0;

    virtual qint64 insertDistributionSet(const DistributionSet &set) = 0;
    virtual std::optional<DistributionSet> distributionSet(qint64 id) = 0;
    virtual std::optional<DistributionSet> distributionSetByNameVersion(const QString &name, const QString &version)
        = 0;
    virtual bool lockDistributionSet(qint64 id) = 0;
    virtual bool addModuleToSet(qint64 distributionSetId, qint64 moduleId) = 0;
    virtual QList<SoftwareModule> modulesOfSet(qint64 distributionSetId) = 0;

    virtual qint64 insertSoftwareModuleType(const SoftwareModuleType &type) = 0;
    virtual std::optional<SoftwareModuleType> softwareModuleType(const QString &key) = 0;
    virtual qint64 insertDistributionSetType(const DistributionSetType &type) = 0;
    virtual std::optional<DistributionSetType> distributionSetType(const QString &key) = 0;
    virtual qint64 insertTargetType(const TargetType &type) = 0;
    virtual std::optional<TargetType> targetType(const QString &key) = 0;

    virtual qint64 insertSoftwareModule(const SoftwareModule &module) = 0;
    virtual std::optional<SoftwareModule> softwareModule(qint64 id) = 0;
    virtual qint64 insertArtifact(const Artifact &artifact) = 0;
    virtual QList<Artifact> artifacts(qint64 moduleId) = 0;
    // A module's metadata the operator marked for devices (hawkBit's targetVisible), key and value, by key.
    virtual QList<std::pair<QString, QString>> deviceMetadata(qint64 moduleId) = 0;
    // Whether a device may see the module: it belongs to one of the target's actions or to its installed set.
    virtual bool moduleVisibleToTarget(qint64 moduleId, qint64 targetId) = 0;

    virtual qint64 insertAction(const Action &action) = 0;
    virtual std::optional<Action> action(qint64 id) = 0;
    // The target's open actions, in presentation order: highest weight first, then oldest.
    virtual QList<Action> openActions(qint64 targetId) = 0;
    // The same actions in the same order, read for a device's poll with only what presenting them needs: id,
    // targetId, state, type, weight, forceTime and maintenanceWindow. The other fields keep their defaults; action()
    // reads an action whole.
    virtual QList<Action> openActionsForPoll(qint64 targetId) = 0;
    virtual int countActions(qint64 targetId) = 0;
    // The id of the closed action that installed the target's installed set (DDI installedBase); 0 if none.
    virtual qint64 installedActionId(qint64 targetId) = 0;
    virtual bool updateActionState(qint64 actionId, ActionState state, const QDateTime &at) = 0;

    virtual bool appendStatus(qint64 actionId, const ActionStatusEntry &entry) = 0;
    virtual QList<ActionStatusEntry> statusHistory(qint64 actionId, int offset = 0, int limit = 1000) = 0;
    virtual int countStatus(qint64 actionId) = 0;

    // Records that a feedback with this key was applied to the action; false if it was already recorded (a
    // device re-sending after a timeout), so the caller changes nothing the second time.
    virtual bool recordFeedbackOnce(qint64 actionId, const QString &key) = 0;

    virtual qint64 insertRollout(const Rollout &rollout) = 0;
    virtual std::optional<Rollout> rollout(qint64 id) = 0;
    virtual QList<qint64> rolloutIdsInStates(const QList<RolloutState> &states) = 0; // oldest first
    virtual bool updateRolloutState(qint64 id, RolloutState state) = 0;
    virtual qint64 insertRolloutGroup(const RolloutGroup &group) = 0;
    virtual QList<RolloutGroup> rolloutGroups(qint64 rolloutId) = 0; // by position, with targetCount
    virtual bool updateRolloutGroupState(qint64 groupId, RolloutGroupState state) = 0;
    virtual bool addRolloutGroupTargets(qint64 groupId, const QList<qint64> &targetIds) = 0;
    virtual QList<qint64> rolloutGroupTargets(qint64 groupId) = 0;
    virtual QList<Action> rolloutGroupActions(qint64 groupId) = 0;
    virtual GroupCounts rolloutGroupCounts(qint64 groupId) = 0; // counted by the database
};

// Runs a transaction for its scope; rolls back unless commit() was called.
class StoreTransaction
{
public:
    explicit StoreTransaction(Store &store)
        : m_store(store)
        , m_open(store.begin())
    { }
    ~StoreTransaction()
    {
        if (m_open)
            m_store.rollback();
    }
    Q_DISABLE_COPY_MOVE(StoreTransaction)

    bool isOpen() const { return m_open; }
    bool commit()
    {
        if (!m_open)
            return false;
        m_open = false;
        return m_store.commit();
    }

private:
    Store &m_store;
    bool m_open;
};

} // namespace Flotilla
