#include "engine/memorystore.h"
#include "engine/rsqlmatcher.h"

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// The value under key, or nullopt.
template<typename Map, typename Key> std::optional<typename Map::mapped_type> found(const Map &map, const Key &key)
{
    const auto it = map.constFind(key);
    return it == map.cend() ? std::nullopt : std::optional<typename Map::mapped_type>(*it);
}
// value with the next id, stored under its key (its id, or a type's key); the id.
template<typename Map, typename T> qint64 insertNew(Map &map, T value, qint64 &nextId)
{
    value.id = nextId++;
    if constexpr (std::is_same_v<typename Map::key_type, QString>)
        map.insert(value.key, value);
    else
        map.insert(value.id, value);
    return value.id;
}
} // namespace

bool MemoryStore::fail(const QString &message)
{
    m_error = message;
    return false;
}

Failure MemoryStore::failed(const QString &message)
{
    fail(message);
    return Failure { u"flotilla.store"_s, message };
}

Result<void> MemoryStore::begin()
{
    if (m_depth++ == 0) {
        m_undo.clear();
        m_doomed = false;
    }
    return {};
}

void MemoryStore::undoAll()
{
    for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it)
        (*it)();
    m_undo.clear();
    rebuildIndexes();
}

void MemoryStore::rebuildIndexes()
{
    m_targetByControllerId.clear();
    for (const Target &t : std::as_const(m_data.targets))
        m_targetByControllerId.insert(t.controllerId, t.id);
    m_actionsOfTarget.clear();
    m_actionsOfGroup.clear();
    m_groupCounts.clear();
    for (const Action &a : std::as_const(m_data.actions))
        indexAction(a);
}

void MemoryStore::indexAction(const Action &a)
{
    m_actionsOfTarget[a.targetId].append(a.id);
    if (a.rolloutGroupId) {
        m_actionsOfGroup[a.rolloutGroupId].append(a.id);
        addToCounts(m_groupCounts[a.rolloutGroupId], a.state);
    }
}

void MemoryStore::actionStateChanged(const Action &a, ActionState from)
{
    if (!a.rolloutGroupId || from == a.state)
        return;
    GroupCounts &c = m_groupCounts[a.rolloutGroupId];
    addToCounts(c, from, -1);
    addToCounts(c, a.state);
}

Result<void> MemoryStore::commit()
{
    if (m_depth == 0)
        return failed(u"commit without a transaction"_s);
    if (--m_depth > 0)
        return {};
    if (m_doomed) {
        undoAll();
        return failed(u"an inner transaction rolled back; nothing was committed"_s);
    }
    m_undo.clear();
    return {};
}

void MemoryStore::rollback()
{
    if (m_depth == 0)
        return;
    m_doomed = true;
    if (--m_depth == 0)
        undoAll();
}

Result<void> MemoryStore::setTenantConfiguration(const TenantConfiguration &config)
{
    rememberValue(m_data.config);
    m_data.config = config;
    return {};
}

Result<qint64> MemoryStore::insertTarget(const Target &target)
{
    if (m_targetByControllerId.contains(target.controllerId))
        return failed(u"inserting target %1: the controller id is taken"_s.arg(target.controllerId));
    Target t = target;
    rememberValue(m_data.nextId);
    t.id = m_data.nextId++;
    if (!t.createdAt.isValid())
        t.createdAt = QDateTime::currentDateTimeUtc();
    remember(m_data.targets, t.id);
    m_data.targets.insert(t.id, t);
    m_targetByControllerId.insert(t.controllerId, t.id);
    return t.id;
}

Lookup<Target> MemoryStore::target(qint64 id)
{
    return found(m_data.targets, id);
}

Lookup<Target> MemoryStore::targetByControllerId(const QString &controllerId)
{
    const auto it = m_targetByControllerId.constFind(controllerId);
    return it == m_targetByControllerId.cend() ? std::nullopt : found(m_data.targets, *it);
}

Result<void> MemoryStore::updateTarget(const Target &target)
{
    auto it = m_data.targets.find(target.id);
    if (it == m_data.targets.end())
        return failed(u"updating target %1: no such target"_s.arg(target.id));
    if (it->controllerId != target.controllerId) {
        m_targetByControllerId.remove(it->controllerId);
        m_targetByControllerId.insert(target.controllerId, target.id);
    }
    remember(m_data.targets, target.id);
    m_data.targets.insert(target.id, target);
    return {};
}

Lookup<DeviceTarget> MemoryStore::deviceTarget(const QString &controllerId)
{
    const std::optional<Target> t = targetByControllerId(controllerId).optional();
    return t ? std::optional<DeviceTarget>(DeviceTarget::of(*t)) : std::nullopt;
}

Result<QList<qint64>> MemoryStore::targetIdsMatching(const QString &rsqlFilter)
{
    const auto compiled = TargetMatcher::compile(rsqlFilter);
    if (const auto *error = std::get_if<Rsql::ParseError>(&compiled)) {
        fail(u"target filter: "_s + error->toString());
        return Failure { u"flotilla.rsql"_s, m_error };
    }
    const TargetMatcher &matcher = std::get<TargetMatcher>(compiled);
    QList<qint64> ids;
    for (const Target &t : std::as_const(m_data.targets)) { // QMap: by id, oldest first
        if (matcher.matches(t, m_data.attributes.value(t.id)))
            ids << t.id;
    }
    return ids;
}

Result<void> MemoryStore::updateAutoAssignment(const AutoAssignment &autoAssignment)
{
    rememberValue(m_data.autoAssignments);
    for (AutoAssignment &a : m_data.autoAssignments) {
        if (a.id == autoAssignment.id) {
            a = autoAssignment;
            return {};
        }
    }
    return failed(u"updating auto-assignment %1: there is no such auto-assignment"_s.arg(autoAssignment.id));
}

Result<QSet<qint64>> MemoryStore::targetsWithActionFor(qint64 distributionSetId)
{
    QSet<qint64> ids;
    for (const Action &a : std::as_const(m_data.actions)) {
        if (a.distributionSetId == distributionSetId)
            ids.insert(a.targetId);
    }
    return ids;
}

Result<void> MemoryStore::recordPolls(const QList<PollRecord> &polls)
{
    for (const PollRecord &p : polls) {
        remember(m_data.targets, p.targetId);
        auto it = m_data.targets.find(p.targetId);
        if (it != m_data.targets.end()) {
            it->lastPoll = p.at;
            it->address = p.address;
        }
    }
    return {};
}

Result<void> MemoryStore::recordPoll(const PollRecord &poll, TargetState state)
{
    auto it = m_data.targets.find(poll.targetId);
    if (it == m_data.targets.end())
        return failed(u"recording the poll of target %1: no such target"_s.arg(poll.targetId));
    remember(m_data.targets, poll.targetId);
    it->state = state;
    it->lastPoll = poll.at;
    it->address = poll.address;
    return {};
}

Result<void> MemoryStore::setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes)
{
    if (!m_data.targets.contains(targetId))
        return failed(u"setting attributes of target %1: no such target"_s.arg(targetId));
    remember(m_data.attributes, targetId);
    m_data.attributes.insert(targetId, attributes);
    return {};
}

Result<qint64> MemoryStore::insertDistributionSet(const DistributionSet &set)
{
    if (distributionSetByNameVersion(set.name, set.version).found())
        return failed(u"inserting set %1 %2: it exists"_s.arg(set.name, set.version));
    DistributionSet s = set;
    rememberValue(m_data.nextId);
    s.id = m_data.nextId++;
    remember(m_data.sets, s.id);
    m_data.sets.insert(s.id, s);
    return s.id;
}

Lookup<DistributionSet> MemoryStore::distributionSet(qint64 id)
{
    return found(m_data.sets, id);
}

Lookup<DistributionSet> MemoryStore::distributionSetByNameVersion(const QString &name, const QString &version)
{
    for (const DistributionSet &s : std::as_const(m_data.sets)) {
        if (s.name == name && s.version == version)
            return s;
    }
    return std::nullopt;
}

Result<void> MemoryStore::lockDistributionSet(qint64 id)
{
    auto it = m_data.sets.find(id);
    if (it == m_data.sets.end())
        return failed(u"locking set %1: no such set"_s.arg(id));
    remember(m_data.sets, id);
    it->locked = true;
    return {};
}

Result<void> MemoryStore::addModuleToSet(qint64 distributionSetId, qint64 moduleId)
{
    if (!m_data.sets.contains(distributionSetId) || !m_data.modules.contains(moduleId))
        return failed(u"adding module %1 to set %2: no such set or module"_s.arg(moduleId).arg(distributionSetId));
    remember(m_data.setModules, distributionSetId);
    QList<qint64> &modules = m_data.setModules[distributionSetId];
    if (!modules.contains(moduleId))
        modules << moduleId;
    return {};
}

Result<QList<SoftwareModule>> MemoryStore::modulesOfSet(qint64 distributionSetId)
{
    QList<SoftwareModule> result;
    for (qint64 id : m_data.setModules.value(distributionSetId))
        result << m_data.modules.value(id);
    std::sort(result.begin(), result.end(),
              [](const SoftwareModule &a, const SoftwareModule &b) { return a.id < b.id; });
    return result;
}

Result<qint64> MemoryStore::insertSoftwareModuleType(const SoftwareModuleType &type)
{
    rememberValue(m_data.moduleTypes);
    rememberValue(m_data.nextId);
    return insertNew(m_data.moduleTypes, type, m_data.nextId);
}

Lookup<SoftwareModuleType> MemoryStore::softwareModuleType(const QString &key)
{
    return found(m_data.moduleTypes, key);
}

Result<qint64> MemoryStore::insertDistributionSetType(const DistributionSetType &type)
{
    rememberValue(m_data.setTypes);
    rememberValue(m_data.nextId);
    return insertNew(m_data.setTypes, type, m_data.nextId);
}

Lookup<DistributionSetType> MemoryStore::distributionSetType(const QString &key)
{
    return found(m_data.setTypes, key);
}

Result<qint64> MemoryStore::insertTargetType(const TargetType &type)
{
    rememberValue(m_data.targetTypes);
    rememberValue(m_data.nextId);
    return insertNew(m_data.targetTypes, type, m_data.nextId);
}

Lookup<TargetType> MemoryStore::targetType(const QString &key)
{
    return found(m_data.targetTypes, key);
}

Result<qint64> MemoryStore::insertSoftwareModule(const SoftwareModule &module)
{
    rememberValue(m_data.nextId);
    remember(m_data.modules, m_data.nextId);
    return insertNew(m_data.modules, module, m_data.nextId);
}

Lookup<SoftwareModule> MemoryStore::softwareModule(qint64 id)
{
    return found(m_data.modules, id);
}

Result<qint64> MemoryStore::insertArtifact(const Artifact &artifact)
{
    if (!m_data.modules.contains(artifact.moduleId))
        return failed(u"inserting an artifact of module %1: no such module"_s.arg(artifact.moduleId));
    Artifact a = artifact;
    rememberValue(m_data.nextId);
    a.id = m_data.nextId++;
    remember(m_data.artifacts, a.id);
    m_data.artifacts.insert(a.id, a);
    return a.id;
}

Result<QList<Artifact>> MemoryStore::artifacts(qint64 moduleId)
{
    QList<Artifact> result;
    for (const Artifact &a : std::as_const(m_data.artifacts)) {
        if (a.moduleId == moduleId)
            result << a;
    }
    return result;
}

Result<bool> MemoryStore::moduleVisibleToTarget(qint64 moduleId, qint64 targetId)
{
    auto setHasModule = [&](qint64 setId) {
        return m_data.setModules.value(setId).contains(moduleId);
    };
    const std::optional<Target> t = target(targetId).optional();
    if (t && t->installedDistributionSetId && setHasModule(t->installedDistributionSetId))
        return true;
    for (qint64 id : m_actionsOfTarget.value(targetId)) {
        if (setHasModule(m_data.actions.value(id).distributionSetId))
            return true;
    }
    return false;
}

Result<qint64> MemoryStore::insertAction(const Action &action)
{
    if (!m_data.targets.contains(action.targetId))
        return failed(u"inserting an action for target %1: no such target"_s.arg(action.targetId));
    Action a = action;
    rememberValue(m_data.nextId);
    a.id = m_data.nextId++;
    if (!a.lastModifiedAt.isValid())
        a.lastModifiedAt = a.createdAt;
    remember(m_data.actions, a.id);
    m_data.actions.insert(a.id, a);
    indexAction(a);
    return a.id;
}

Lookup<Action> MemoryStore::action(qint64 id)
{
    return found(m_data.actions, id);
}

Result<QList<Action>> MemoryStore::openActions(qint64 targetId)
{
    QList<Action> result;
    for (qint64 id : m_actionsOfTarget.value(targetId)) {
        const Action &a = *m_data.actions.constFind(id);
        if (a.isActive())
            result << a;
    }
    // Highest weight first, then oldest (ids grow).
    std::stable_sort(result.begin(), result.end(),
                     [](const Action &a, const Action &b) { return a.weight > b.weight; });
    return result;
}

Result<int> MemoryStore::countActions(qint64 targetId)
{
    return int(m_actionsOfTarget.value(targetId).size());
}

Result<qint64> MemoryStore::installedActionId(qint64 targetId)
{
    const std::optional<Target> t = target(targetId).optional();
    if (!t)
        return 0;
    qint64 id = 0;
    for (qint64 actionId : m_actionsOfTarget.value(targetId)) {
        const Action &a = *m_data.actions.constFind(actionId);
        if (a.state == ActionState::Finished && a.distributionSetId == t->installedDistributionSetId)
            id = a.id; // the newest
    }
    return id;
}

Result<void> MemoryStore::updateActionState(qint64 actionId, ActionState state, const QDateTime &at)
{
    auto it = m_data.actions.find(actionId);
    if (it == m_data.actions.end())
        return failed(u"updating action %1: there is no such action"_s.arg(actionId)); // as SqlActionStore
    remember(m_data.actions, actionId);
    const ActionState from = it->state;
    it->state = state;
    it->lastModifiedAt = at;
    actionStateChanged(*it, from);
    return {};
}

Result<void> MemoryStore::appendStatus(qint64 actionId, const ActionStatusEntry &entry)
{
    if (!m_data.actions.contains(actionId))
        return failed(u"adding a status to action %1: no such action"_s.arg(actionId));
    remember(m_data.history, actionId);
    m_data.history[actionId].append(entry);
    return {};
}

Result<QList<ActionStatusEntry>> MemoryStore::statusHistory(qint64 actionId, int offset, int limit)
{
    return m_data.history.value(actionId).mid(offset, limit);
}

Result<bool> MemoryStore::recordFeedbackOnce(qint64 actionId, const QString &key)
{
    const std::pair<qint64, QString> receipt { actionId, key };
    if (m_data.feedbackKeys.contains(receipt))
        return false;
    if (m_depth > 0)
        m_undo.push_back([this, receipt] { m_data.feedbackKeys.remove(receipt); });
    m_data.feedbackKeys.insert(receipt);
    return true;
}

Result<qint64> MemoryStore::insertRollout(const Rollout &rollout)
{
    for (const Rollout &r : std::as_const(m_data.rollouts)) {
        if (r.name == rollout.name)
            return failed(u"inserting rollout %1: the name is taken"_s.arg(rollout.name));
    }
    Rollout r = rollout;
    rememberValue(m_data.nextId);
    r.id = m_data.nextId++;
    remember(m_data.rollouts, r.id);
    if (!r.createdAt.isValid())
        r.createdAt = QDateTime::currentDateTimeUtc();
    m_data.rollouts.insert(r.id, r);
    return r.id;
}

Lookup<Rollout> MemoryStore::rollout(qint64 id)
{
    return found(m_data.rollouts, id);
}

Result<QList<qint64>> MemoryStore::rolloutIdsInStates(const QList<RolloutState> &states)
{
    QList<qint64> ids;
    for (const Rollout &r : std::as_const(m_data.rollouts)) {
        if (states.contains(r.state))
            ids << r.id;
    }
    return ids;
}

Result<void> MemoryStore::updateRolloutState(qint64 id, RolloutState state)
{
    auto it = m_data.rollouts.find(id);
    if (it == m_data.rollouts.end())
        return failed(u"updating rollout %1: there is no such rollout"_s.arg(id));
    remember(m_data.rollouts, id);
    it->state = state;
    return {};
}

Result<qint64> MemoryStore::insertRolloutGroup(const RolloutGroup &group)
{
    if (!m_data.rollouts.contains(group.rolloutId))
        return failed(u"inserting a group of rollout %1: no such rollout"_s.arg(group.rolloutId));
    RolloutGroup g = group;
    rememberValue(m_data.nextId);
    g.id = m_data.nextId++;
    remember(m_data.groups, g.id);
    m_data.groups.insert(g.id, g);
    return g.id;
}

Result<QList<RolloutGroup>> MemoryStore::rolloutGroups(qint64 rolloutId)
{
    QList<RolloutGroup> result;
    for (const RolloutGroup &g : std::as_const(m_data.groups)) {
        if (g.rolloutId == rolloutId) {
            RolloutGroup withCount = g;
            withCount.targetCount = int(m_data.groupTargets.value(g.id).size());
            result << withCount;
        }
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const RolloutGroup &a, const RolloutGroup &b) { return a.position < b.position; });
    return result;
}

Result<void> MemoryStore::updateRolloutGroupState(qint64 groupId, RolloutGroupState state)
{
    auto it = m_data.groups.find(groupId);
    if (it == m_data.groups.end())
        return failed(u"updating rollout group %1: there is no such group"_s.arg(groupId));
    remember(m_data.groups, groupId);
    it->state = state;
    return {};
}

Result<void> MemoryStore::addRolloutGroupTargets(qint64 groupId, const QList<qint64> &targetIds)
{
    if (!m_data.groups.contains(groupId))
        return failed(u"adding targets to group %1: no such group"_s.arg(groupId));
    remember(m_data.groupTargets, groupId);
    QList<qint64> &targets = m_data.groupTargets[groupId];
    QSet<qint64> members(targets.cbegin(), targets.cend());
    for (qint64 id : targetIds) {
        if (members.contains(id))
            return failed(u"adding target %1 to group %2: it is in the group"_s.arg(id).arg(groupId));
        members.insert(id);
        targets << id;
    }
    return {};
}

Result<QList<qint64>> MemoryStore::rolloutGroupTargets(qint64 groupId)
{
    QList<qint64> ids = m_data.groupTargets.value(groupId);
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<QList<Action>> MemoryStore::rolloutGroupActions(qint64 groupId)
{
    QList<Action> result;
    for (qint64 id : m_actionsOfGroup.value(groupId))
        result << *m_data.actions.constFind(id);
    return result;
}

Result<GroupCounts> MemoryStore::rolloutGroupCounts(qint64 groupId)
{
    return m_groupCounts.value(groupId);
}

} // namespace Flotilla
