#include "engine/rolloutservice.h"

#include <QHash>
#include <QSet>

namespace Flotilla {

RolloutService::RolloutService(const Stores &stores, DeploymentService &deployment, const Clock &clock)
    : m_session(stores.session)
    , m_configuration(stores.configuration)
    , m_targets(stores.targets)
    , m_repository(stores.repository)
    , m_rollouts(stores.rollouts)
    , m_deployment(deployment)
    , m_clock(clock)
{ }

bool RolloutService::fail(const QString &message)
{
    m_error = message;
    return false;
}

qint64 RolloutService::failId(const QString &message)
{
    m_error = message;
    return 0;
}

std::optional<Rollout> RolloutService::existingRollout(qint64 rolloutId)
{
    Lookup<Rollout> rollout = m_rollouts.rollout(rolloutId);
    if (rollout.failed())
        fail(rollout.error().message);
    else if (rollout.absent())
        fail(QStringLiteral("rollout %1 does not exist").arg(rolloutId));
    return std::move(rollout).optional();
}

Result<void> RolloutService::addGroup(RolloutGroup &group, const QList<qint64> &targets)
{
    const Result<qint64> id = m_rollouts.insertRolloutGroup(group);
    if (!id)
        return id.error();
    group.id = *id;
    return m_rollouts.addRolloutGroupTargets(group.id, targets);
}

bool RolloutService::transition(Rollout &rollout, RolloutEvent event)
{
    const auto next = RolloutStateMachine::next(rollout.state, event);
    if (!next)
        return fail(QStringLiteral("rollout %1 is %2: %3 is not possible")
                        .arg(rollout.id)
                        .arg(nameOf(rollout.state), nameOf(event)));
    if (const Result<void> updated = m_rollouts.updateRolloutState(rollout.id, *next); !updated)
        return fail(updated.error().message);
    rollout.state = *next;
    return true;
}

bool RolloutService::groupTransition(RolloutGroup &group, RolloutGroupEvent event)
{
    const auto next = RolloutGroupStateMachine::next(group.state, event);
    if (!next)
        return fail(
            QStringLiteral("group %1 is %2: %3 is not possible").arg(group.name, nameOf(group.state), nameOf(event)));
    if (const Result<void> updated = m_rollouts.updateRolloutGroupState(group.id, *next); !updated)
        return fail(updated.error().message);
    group.state = *next;
    return true;
}

qint64 RolloutService::create(const RolloutRequest &request)
{
    if (request.rollout.name.trimmed().isEmpty())
        return failId(QStringLiteral("a rollout needs a name"));
    if (request.amountGroups <= 0 && request.percentages.isEmpty())
        return failId(QStringLiteral("give amountGroups or group percentages"));
    if (request.rollout.weight < MinWeight || request.rollout.weight > MaxWeight)
        return failId(
            QStringLiteral("weight %1 is outside %2..%3").arg(request.rollout.weight).arg(MinWeight).arg(MaxWeight));
    StoreTransaction tx(m_session);
    if (!tx.isOpen())
        return failId(m_session.lastError());
    const Lookup<DistributionSet> set = m_repository.distributionSet(request.rollout.distributionSetId);
    if (set.failed())
        return failId(set.error().message);
    if (set.absent())
        return failId(QStringLiteral("distribution set %1 does not exist").arg(request.rollout.distributionSetId));
    if (!set->valid)
        return failId(QStringLiteral("distribution set %1 %2 is invalidated").arg(set->name, set->version));

    // The targets: as given, or those the filter matches now (oldest first).
    QList<qint64> targets = request.targets;
    if (targets.isEmpty() && !request.rollout.targetFilterQuery.trimmed().isEmpty()) {
        const Result<QList<qint64>> matching = m_targets.targetIdsMatching(request.rollout.targetFilterQuery);
        if (!matching)
            return failId(matching.error().message);
        targets = *matching;
    }
    if (targets.isEmpty())
        return failId(QStringLiteral("no target matches the rollout's filter"));

    Rollout rollout = request.rollout;
    rollout.state = RolloutState::Creating;
    rollout.createdAt = m_clock.now();
    const Result<qint64> rolloutId = m_rollouts.insertRollout(rollout);
    if (!rolloutId)
        return failId(rolloutId.error().message);
    rollout.id = *rolloutId;

    // Each group's members: a share of the targets left, or, for a group with its own filter, of the targets
    // left that match it (hawkBit's group targetFilterQuery and targetPercentage).
    QList<QList<qint64>> members;
    if (request.amountGroups > 0) {
        int from = 0;
        for (int size : RolloutPlanner::splitByCount(int(targets.size()), request.amountGroups)) {
            members.append(targets.mid(from, size));
            from += size;
        }
    } else {
        QList<qint64> left = targets;
        for (qsizetype i = 0; i < request.percentages.size(); ++i) {
            const QString filter = request.groupDetails.value(i).targetFilterQuery.trimmed();
            QList<qint64> candidates = left;
            if (!filter.isEmpty()) {
                const Result<QList<qint64>> matching = m_targets.targetIdsMatching(filter);
                if (!matching)
                    return failId(QStringLiteral("group %1: %2").arg(i + 1).arg(matching.error().message));
                const QSet<qint64> match(matching->cbegin(), matching->cend());
                candidates.removeIf([&](qint64 id) { return !match.contains(id); });
            }
            const int n
                = RolloutPlanner::splitByPercentages(int(candidates.size()), { request.percentages.at(i) }).value(0);
            const QList<qint64> taken = candidates.first(n);
            const QSet<qint64> takenSet(taken.cbegin(), taken.cend());
            left.removeIf([&](qint64 id) { return takenSet.contains(id); });
            members.append(taken);
        }
    }
    const TenantConfiguration config = m_configuration.tenantConfiguration();
    if (members.size() > config.maxRolloutGroups)
        return failId(QStringLiteral("%1 groups exceed the quota of %2 per rollout")
                          .arg(members.size())
                          .arg(config.maxRolloutGroups));
    for (const QList<qint64> &m : std::as_const(members)) {
        if (m.size() > config.maxTargetsPerRolloutGroup)
            return failId(QStringLiteral("a group of %1 targets exceeds the quota of %2 per group")
                              .arg(m.size())
                              .arg(config.maxTargetsPerRolloutGroup));
    }
    for (int i = 0; i < members.size(); ++i) {
        const RolloutRequest::GroupDetails details = request.groupDetails.value(i);
        RolloutGroup group;
        group.rolloutId = rollout.id;
        group.position = i;
        group.name = details.name.trimmed().isEmpty() ? QStringLiteral("group-%1").arg(i + 1) : details.name;
        group.description = details.description;
        group.targetFilterQuery = details.targetFilterQuery;
        group.confirmationRequired = details.confirmationRequired;
        group.conditions = request.groupConditions.value(i, request.conditions);
        group.targetPercentage = request.amountGroups > 0 ? 100.0 / request.amountGroups : request.percentages.at(i);
        if (const Result<void> added = addGroup(group, members.at(i)); !added)
            return failId(added.error().message);
        if (!groupTransition(group, RolloutGroupEvent::Filled))
            return 0;
    }
    if (!transition(rollout, request.approvalRequired ? RolloutEvent::CreatedNeedsApproval : RolloutEvent::Created))
        return 0;
    if (!tx.commit())
        return failId(m_session.lastError());
    return rollout.id;
}

bool RolloutService::approve(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    return transition(*rollout, RolloutEvent::Approve) && tx.commit();
}

bool RolloutService::deny(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    return transition(*rollout, RolloutEvent::Deny) && tx.commit();
}

bool RolloutService::triggerNextGroup(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    if (rollout->state != RolloutState::Running)
        return fail(QStringLiteral("rollout %1 is %2; only a running rollout starts its next group")
                        .arg(rollout->name, nameOf(rollout->state)));
    Result<QList<RolloutGroup>> groups = m_rollouts.rolloutGroups(rolloutId);
    if (!groups)
        return fail(groups.error().message);
    for (RolloutGroup &group : *groups) {
        if (group.state == RolloutGroupState::Scheduled)
            return startGroup(group) && tx.commit();
    }
    return fail(QStringLiteral("rollout %1 has no group left to start").arg(rollout->name));
}

bool RolloutService::startGroup(RolloutGroup &group)
{
    if (!groupTransition(group, RolloutGroupEvent::Start))
        return false;
    const Result<QList<Action>> actions = m_rollouts.rolloutGroupActions(group.id);
    if (!actions)
        return fail(actions.error().message);
    for (const Action &action : *actions) {
        if (action.state == ActionState::Scheduled && !m_deployment.activateScheduled(action))
            return fail(QStringLiteral("starting action %1: %2").arg(action.id).arg(m_session.lastError()));
    }
    return true;
}

bool RolloutService::scheduleGroup(const Rollout &rollout, RolloutGroup &group)
{
    AssignmentRequest request;
    request.type = rollout.type;
    request.forceTime = rollout.forceTime;
    request.weight = rollout.weight;
    request.confirmationRequired = group.confirmationRequired.value_or(rollout.confirmationRequired);
    request.initiator = QStringLiteral("rollout %1").arg(rollout.name);
    request.scheduled = true;
    request.rolloutId = rollout.id;
    request.rolloutGroupId = group.id;
    const Result<QList<qint64>> targets = m_rollouts.rolloutGroupTargets(group.id);
    if (!targets)
        return fail(targets.error().message);
    const AssignmentResult assigned = m_deployment.assign(*targets, rollout.distributionSetId, request);
    if (assigned.error != AssignmentResult::Error::None)
        return fail(assigned.message);
    return groupTransition(group, RolloutGroupEvent::RolloutStarted);
}

bool RolloutService::extendDynamic(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    if (!rollout->dynamic || rollout->state != RolloutState::Running)
        return true;
    const Result<QList<qint64>> matching = m_targets.targetIdsMatching(rollout->targetFilterQuery);
    if (!matching)
        return fail(matching.error().message);
    const Result<QList<RolloutGroup>> groupsRead = m_rollouts.rolloutGroups(rolloutId);
    if (!groupsRead)
        return fail(groupsRead.error().message);
    const QList<RolloutGroup> &groups = *groupsRead;
    QSet<qint64> inRollout;
    for (const RolloutGroup &g : groups) {
        const Result<QList<qint64>> ids = m_rollouts.rolloutGroupTargets(g.id);
        if (!ids)
            return fail(ids.error().message);
        inRollout.unite(QSet<qint64>(ids->cbegin(), ids->cend()));
    }
    QList<qint64> newcomers;
    for (qint64 id : *matching) {
        if (!inRollout.contains(id))
            newcomers.append(id);
    }
    if (newcomers.isEmpty())
        return true;
    const TenantConfiguration config = m_configuration.tenantConfiguration();
    const RolloutGroup templateGroup = groups.isEmpty() ? RolloutGroup() : groups.last();
    const int size = std::clamp(templateGroup.targetCount, 1, config.maxTargetsPerRolloutGroup);
    for (qsizetype from = 0; from < newcomers.size(); from += size) {
        if (groups.size() + from / size >= config.maxRolloutGroups)
            return fail(QStringLiteral("rollout %1 reached the quota of %2 groups")
                            .arg(rollout->name)
                            .arg(config.maxRolloutGroups));
        RolloutGroup group;
        group.rolloutId = rolloutId;
        group.position = int(groups.size() + from / size);
        group.name = QStringLiteral("dynamic-%1").arg(group.position + 1);
        group.conditions = templateGroup.conditions;
        if (const Result<void> added = addGroup(group, newcomers.mid(from, size)); !added)
            return fail(added.error().message);
        if (!groupTransition(group, RolloutGroupEvent::Filled) || !scheduleGroup(*rollout, group))
            return false;
    }
    return evaluateLocked(*rollout, false) && (tx.commit() || fail(m_session.lastError()));
}

bool RolloutService::start(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    if (!transition(*rollout, RolloutEvent::Start))
        return false;
    Result<QList<RolloutGroup>> groupsRead = m_rollouts.rolloutGroups(rolloutId);
    if (!groupsRead)
        return fail(groupsRead.error().message);
    QList<RolloutGroup> &groups = *groupsRead;
    for (RolloutGroup &group : groups) {
        if (!scheduleGroup(*rollout, group))
            return false;
    }
    if (!groups.isEmpty() && !startGroup(groups.first()))
        return false;
    if (!transition(*rollout, RolloutEvent::GroupsScheduled))
        return false;
    if (!evaluateLocked(*rollout, false)) // an empty first group is done at once
        return false;
    return tx.commit() || fail(m_session.lastError());
}

bool RolloutService::startIfDue(qint64 rolloutId)
{
    const Lookup<Rollout> rollout = m_rollouts.rollout(rolloutId);
    if (rollout.failed())
        return fail(rollout.error().message);
    if (rollout.absent() || rollout->state != RolloutState::Ready || !rollout->startAt.isValid()
        || rollout->startAt > m_clock.now())
        return false;
    return start(rolloutId);
}

bool RolloutService::pause(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    return transition(*rollout, RolloutEvent::Pause) && tx.commit();
}

bool RolloutService::resume(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    return transition(*rollout, RolloutEvent::Resume) && evaluateLocked(*rollout, true) && tx.commit();
}

bool RolloutService::stop(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    if (!transition(*rollout, RolloutEvent::Stop))
        return false;
    const Result<QList<RolloutGroup>> groups = m_rollouts.rolloutGroups(rolloutId);
    if (!groups)
        return fail(groups.error().message);
    for (const RolloutGroup &group : *groups) {
        const Result<QList<Action>> actions = m_rollouts.rolloutGroupActions(group.id);
        if (!actions)
            return fail(actions.error().message);
        for (const Action &action : *actions) {
            if (action.isActive() && action.state != ActionState::Canceling
                && !m_deployment.cancel(action, QStringLiteral("Update Server: rollout %1 stopped").arg(rollout->name)))
                return fail(QStringLiteral("canceling action %1: %2").arg(action.id).arg(m_session.lastError()));
        }
    }
    return transition(*rollout, RolloutEvent::ActionsStopped) && tx.commit();
}

Result<GroupCounts> RolloutService::counts(qint64 groupId)
{
    return m_rollouts.rolloutGroupCounts(groupId);
}

bool RolloutService::evaluateLocked(Rollout &rollout, bool resuming)
{
    if (rollout.state != RolloutState::Running)
        return true;
    Result<QList<RolloutGroup>> groupsRead = m_rollouts.rolloutGroups(rollout.id);
    if (!groupsRead)
        return fail(groupsRead.error().message);
    QList<RolloutGroup> &groups = *groupsRead;
    QHash<qint64, GroupCounts> counted; // each group counted once per evaluation
    std::optional<Failure> failure; // a count the store could not give
    auto countsOf = [&](qint64 groupId) {
        auto it = counted.find(groupId);
        if (it == counted.end()) {
            const Result<GroupCounts> c = counts(groupId);
            if (!c) {
                failure = c.error();
                return GroupCounts();
            }
            it = counted.insert(groupId, *c);
        }
        return *it;
    };
    for (RolloutGroup &group : groups) {
        if (group.state != RolloutGroupState::Running)
            continue;
        const GroupCounts c = countsOf(group.id);
        if (failure)
            return fail(failure->message);
        if (errorExceeded(c, group.conditions)) {
            return groupTransition(group, RolloutGroupEvent::ErrorThreshold)
                && transition(rollout, RolloutEvent::ErrorThresholdHit);
        }
        if (c.running == 0 && !groupTransition(group, RolloutGroupEvent::AllClosed))
            return false;
    }
    // The next group starts when the last started one reached its success threshold (or, on resume, ended in
    // ERROR: the operator chose to go on).
    const RolloutGroup *last = nullptr;
    RolloutGroup *next = nullptr;
    for (RolloutGroup &group : groups) {
        if (group.state == RolloutGroupState::Scheduled) {
            next = &group;
            break;
        }
        last = &group;
    }
    if (next) {
        bool trigger = !last || (last->state == RolloutGroupState::Error && resuming);
        if (!trigger && last->state != RolloutGroupState::Error) {
            trigger = successReached(countsOf(last->id), last->conditions);
            if (failure)
                return fail(failure->message);
        }
        if (!trigger)
            return true;
        if (last && last->state != RolloutGroupState::Error && last->conditions.successAction == SuccessAction::Pause
            && !resuming)
            return transition(rollout, RolloutEvent::SuccessPause);
        if (!startGroup(*next))
            return false;
        return evaluateLocked(rollout, false); // an empty group finishes at once
    }
    const bool allDone = std::all_of(groups.cbegin(), groups.cend(), [](const RolloutGroup &g) {
        return g.state == RolloutGroupState::Finished || g.state == RolloutGroupState::Error;
    });
    if (allDone && !rollout.dynamic) // a dynamic rollout waits for targets that match later
        return transition(rollout, RolloutEvent::AllGroupsFinished);
    return true;
}

bool RolloutService::evaluate(qint64 rolloutId)
{
    StoreTransaction tx(m_session);
    std::optional<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return false;
    return evaluateLocked(*rollout, false) && tx.commit();
}

bool RolloutService::handleFeedback(const FeedbackResult &result)
{
    if (result.outcome != FeedbackResult::Outcome::Applied || result.rolloutId == 0
        || !result.transition.closedAction())
        return true;
    return evaluate(result.rolloutId);
}

} // namespace Flotilla
