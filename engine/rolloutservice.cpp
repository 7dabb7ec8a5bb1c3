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

namespace {
Failure refused(QLatin1StringView code, const QString &message)
{
    return Failure { code, message };
}
} // namespace

Result<Rollout> RolloutService::existingRollout(qint64 rolloutId)
{
    Lookup<Rollout> rollout = m_rollouts.rollout(rolloutId);
    if (rollout.failed())
        return rollout.error();
    if (rollout.absent())
        return refused(Unknown, QStringLiteral("rollout %1 does not exist").arg(rolloutId));
    return *std::move(rollout);
}

Result<void> RolloutService::addGroup(RolloutGroup &group, const QList<qint64> &targets)
{
    const Result<qint64> id = m_rollouts.insertRolloutGroup(group);
    if (!id)
        return id.error();
    group.id = *id;
    return m_rollouts.addRolloutGroupTargets(group.id, targets);
}

Result<void> RolloutService::transition(Rollout &rollout, RolloutEvent event)
{
    const auto next = RolloutStateMachine::next(rollout.state, event);
    if (!next)
        return refused(IllegalState,
                       QStringLiteral("rollout %1 is %2: %3 is not possible")
                           .arg(rollout.id)
                           .arg(nameOf(rollout.state), nameOf(event)));
    if (Result<void> updated = m_rollouts.updateRolloutState(rollout.id, *next); !updated)
        return updated;
    rollout.state = *next;
    return {};
}

Result<void> RolloutService::groupTransition(RolloutGroup &group, RolloutGroupEvent event)
{
    const auto next = RolloutGroupStateMachine::next(group.state, event);
    if (!next)
        return refused(
            IllegalState,
            QStringLiteral("group %1 is %2: %3 is not possible").arg(group.name, nameOf(group.state), nameOf(event)));
    if (Result<void> updated = m_rollouts.updateRolloutGroupState(group.id, *next); !updated)
        return updated;
    group.state = *next;
    return {};
}

Result<qint64> RolloutService::create(const RolloutRequest &request)
{
    if (request.rollout.name.trimmed().isEmpty())
        return refused(Invalid, QStringLiteral("a rollout needs a name"));
    if (request.amountGroups <= 0 && request.percentages.isEmpty())
        return refused(Invalid, QStringLiteral("give amountGroups or group percentages"));
    if (request.rollout.weight < MinWeight || request.rollout.weight > MaxWeight)
        return refused(
            Invalid,
            QStringLiteral("weight %1 is outside %2..%3").arg(request.rollout.weight).arg(MinWeight).arg(MaxWeight));
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return tx.begun().error();
    const Lookup<DistributionSet> set = m_repository.distributionSet(request.rollout.distributionSetId);
    if (set.failed())
        return set.error();
    if (set.absent())
        return refused(Unknown,
                       QStringLiteral("distribution set %1 does not exist").arg(request.rollout.distributionSetId));
    if (!set->valid)
        return refused(InvalidatedSet,
                       QStringLiteral("distribution set %1 %2 is invalidated").arg(set->name, set->version));

    // The targets: as given, or those the filter matches now (oldest first).
    QList<qint64> targets = request.targets;
    if (targets.isEmpty() && !request.rollout.targetFilterQuery.trimmed().isEmpty()) {
        const Result<QList<qint64>> matching = m_targets.targetIdsMatching(request.rollout.targetFilterQuery);
        if (!matching)
            return matching.error();
        targets = *matching;
    }
    if (targets.isEmpty())
        return refused(Invalid, QStringLiteral("no target matches the rollout's filter"));

    Rollout rollout = request.rollout;
    rollout.state = RolloutState::Creating;
    rollout.createdAt = m_clock.now();
    const Result<qint64> rolloutId = m_rollouts.insertRollout(rollout);
    if (!rolloutId)
        return rolloutId.error();
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
                    return Failure { matching.error().code,
                                     QStringLiteral("group %1: %2").arg(i + 1).arg(matching.error().message) };
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
        return refused(Quota,
                       QStringLiteral("%1 groups exceed the quota of %2 per rollout")
                           .arg(members.size())
                           .arg(config.maxRolloutGroups));
    for (const QList<qint64> &m : std::as_const(members)) {
        if (m.size() > config.maxTargetsPerRolloutGroup)
            return refused(Quota,
                           QStringLiteral("a group of %1 targets exceeds the quota of %2 per group")
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
            return added.error();
        if (const Result<void> filled = groupTransition(group, RolloutGroupEvent::Filled); !filled)
            return filled.error();
    }
    if (const Result<void> created
        = transition(rollout, request.approvalRequired ? RolloutEvent::CreatedNeedsApproval : RolloutEvent::Created);
        !created)
        return created.error();
    if (const Result<void> committed = tx.commit(); !committed)
        return committed.error();
    return rollout.id;
}

// One step of a rollout in its own transaction (joining the caller's when there is one).
template<typename Step> Result<void> RolloutService::inTransaction(qint64 rolloutId, Step step)
{
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return tx.begun();
    Result<Rollout> rollout = existingRollout(rolloutId);
    if (!rollout)
        return rollout.error();
    if (Result<void> done = step(*rollout); !done)
        return done;
    return tx.commit();
}

Result<void> RolloutService::approve(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) { return transition(rollout, RolloutEvent::Approve); });
}

Result<void> RolloutService::deny(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) { return transition(rollout, RolloutEvent::Deny); });
}

Result<void> RolloutService::triggerNextGroup(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) -> Result<void> {
        if (rollout.state != RolloutState::Running)
            return refused(IllegalState,
                           QStringLiteral("rollout %1 is %2; only a running rollout starts its next group")
                               .arg(rollout.name, nameOf(rollout.state)));
        Result<QList<RolloutGroup>> groups = m_rollouts.rolloutGroups(rollout.id);
        if (!groups)
            return groups.error();
        for (RolloutGroup &group : *groups) {
            if (group.state == RolloutGroupState::Scheduled)
                return startGroup(group);
        }
        return refused(IllegalState, QStringLiteral("rollout %1 has no group left to start").arg(rollout.name));
    });
}

Result<void> RolloutService::startGroup(RolloutGroup &group)
{
    if (Result<void> started = groupTransition(group, RolloutGroupEvent::Start); !started)
        return started;
    const Result<QList<Action>> actions = m_rollouts.rolloutGroupActions(group.id);
    if (!actions)
        return actions.error();
    for (const Action &action : *actions) {
        if (action.state != ActionState::Scheduled)
            continue;
        if (const Result<void> activated = m_deployment.activateScheduled(action); !activated)
            return Failure { activated.error().code,
                             QStringLiteral("starting action %1: %2").arg(action.id).arg(activated.error().message) };
    }
    return {};
}

Result<void> RolloutService::scheduleGroup(const Rollout &rollout, RolloutGroup &group)
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
        return targets.error();
    const AssignmentResult assigned = m_deployment.assign(*targets, rollout.distributionSetId, request);
    switch (assigned.error) {
    case AssignmentResult::Error::None:
        break;
    case AssignmentResult::Error::Store:
        return Failure { QStringLiteral("flotilla.store"), assigned.message };
    case AssignmentResult::Error::Quota:
        return refused(Quota, assigned.message);
    default: // the set or a target is no longer what the rollout was made with
        return refused(IllegalState, assigned.message);
    }
    return groupTransition(group, RolloutGroupEvent::RolloutStarted);
}

Result<void> RolloutService::extendDynamic(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) -> Result<void> {
        if (!rollout.dynamic || rollout.state != RolloutState::Running)
            return {};
        const Result<QList<qint64>> matching = m_targets.targetIdsMatching(rollout.targetFilterQuery);
        if (!matching)
            return matching.error();
        const Result<QList<RolloutGroup>> groupsRead = m_rollouts.rolloutGroups(rollout.id);
        if (!groupsRead)
            return groupsRead.error();
        const QList<RolloutGroup> &groups = *groupsRead;
        QSet<qint64> inRollout;
        for (const RolloutGroup &g : groups) {
            const Result<QList<qint64>> ids = m_rollouts.rolloutGroupTargets(g.id);
            if (!ids)
                return ids.error();
            inRollout.unite(QSet<qint64>(ids->cbegin(), ids->cend()));
        }
        QList<qint64> newcomers;
        for (qint64 id : *matching) {
            if (!inRollout.contains(id))
                newcomers.append(id);
        }
        if (newcomers.isEmpty())
            return {};
        const TenantConfiguration config = m_configuration.tenantConfiguration();
        const RolloutGroup templateGroup = groups.isEmpty() ? RolloutGroup() : groups.last();
        const int size = std::clamp(templateGroup.targetCount, 1, config.maxTargetsPerRolloutGroup);
        for (qsizetype from = 0; from < newcomers.size(); from += size) {
            if (groups.size() + from / size >= config.maxRolloutGroups)
                return refused(Quota,
                               QStringLiteral("rollout %1 reached the quota of %2 groups")
                                   .arg(rollout.name)
                                   .arg(config.maxRolloutGroups));
            RolloutGroup group;
            group.rolloutId = rollout.id;
            group.position = int(groups.size() + from / size);
            group.name = QStringLiteral("dynamic-%1").arg(group.position + 1);
            group.conditions = templateGroup.conditions;
            if (Result<void> added = addGroup(group, newcomers.mid(from, size)); !added)
                return added;
            if (Result<void> filled = groupTransition(group, RolloutGroupEvent::Filled); !filled)
                return filled;
            if (Result<void> scheduled = scheduleGroup(rollout, group); !scheduled)
                return scheduled;
        }
        return evaluateLocked(rollout, false);
    });
}

Result<void> RolloutService::start(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) -> Result<void> {
        if (Result<void> started = transition(rollout, RolloutEvent::Start); !started)
            return started;
        Result<QList<RolloutGroup>> groupsRead = m_rollouts.rolloutGroups(rollout.id);
        if (!groupsRead)
            return groupsRead.error();
        QList<RolloutGroup> &groups = *groupsRead;
        for (RolloutGroup &group : groups) {
            if (Result<void> scheduled = scheduleGroup(rollout, group); !scheduled)
                return scheduled;
        }
        if (!groups.isEmpty()) {
            if (Result<void> first = startGroup(groups.first()); !first)
                return first;
        }
        if (Result<void> scheduled = transition(rollout, RolloutEvent::GroupsScheduled); !scheduled)
            return scheduled;
        return evaluateLocked(rollout, false); // an empty first group is done at once
    });
}

Result<bool> RolloutService::startIfDue(qint64 rolloutId)
{
    const Lookup<Rollout> rollout = m_rollouts.rollout(rolloutId);
    if (rollout.failed())
        return rollout.error();
    if (rollout.absent() || rollout->state != RolloutState::Ready || !rollout->startAt.isValid()
        || rollout->startAt > m_clock.now())
        return false;
    if (const Result<void> started = start(rolloutId); !started)
        return started.error();
    return true;
}

Result<void> RolloutService::pause(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) { return transition(rollout, RolloutEvent::Pause); });
}

Result<void> RolloutService::resume(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) -> Result<void> {
        if (Result<void> resumed = transition(rollout, RolloutEvent::Resume); !resumed)
            return resumed;
        return evaluateLocked(rollout, true);
    });
}

Result<void> RolloutService::stop(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) -> Result<void> {
        if (Result<void> stopping = transition(rollout, RolloutEvent::Stop); !stopping)
            return stopping;
        const Result<QList<RolloutGroup>> groups = m_rollouts.rolloutGroups(rollout.id);
        if (!groups)
            return groups.error();
        const QString message = QStringLiteral("Update Server: rollout %1 stopped").arg(rollout.name);
        for (const RolloutGroup &group : *groups) {
            const Result<QList<Action>> actions = m_rollouts.rolloutGroupActions(group.id);
            if (!actions)
                return actions.error();
            for (const Action &action : *actions) {
                if (!action.isActive() || action.state == ActionState::Canceling)
                    continue;
                if (const Result<void> canceled = m_deployment.cancel(action, message); !canceled)
                    return Failure {
                        canceled.error().code,
                        QStringLiteral("canceling action %1: %2").arg(action.id).arg(canceled.error().message)
                    };
            }
        }
        return transition(rollout, RolloutEvent::ActionsStopped);
    });
}

Result<GroupCounts> RolloutService::counts(qint64 groupId)
{
    return m_rollouts.rolloutGroupCounts(groupId);
}

Result<void> RolloutService::evaluateLocked(Rollout &rollout, bool resuming)
{
    if (rollout.state != RolloutState::Running)
        return {};
    Result<QList<RolloutGroup>> groupsRead = m_rollouts.rolloutGroups(rollout.id);
    if (!groupsRead)
        return groupsRead.error();
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
            return *failure;
        if (errorExceeded(c, group.conditions)) {
            if (Result<void> failed = groupTransition(group, RolloutGroupEvent::ErrorThreshold); !failed)
                return failed;
            return transition(rollout, RolloutEvent::ErrorThresholdHit);
        }
        if (c.running == 0) {
            if (Result<void> closed = groupTransition(group, RolloutGroupEvent::AllClosed); !closed)
                return closed;
        }
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
                return *failure;
        }
        if (!trigger)
            return {};
        if (last && last->state != RolloutGroupState::Error && last->conditions.successAction == SuccessAction::Pause
            && !resuming)
            return transition(rollout, RolloutEvent::SuccessPause);
        if (Result<void> started = startGroup(*next); !started)
            return started;
        return evaluateLocked(rollout, false); // an empty group finishes at once
    }
    const bool allDone = std::all_of(groups.cbegin(), groups.cend(), [](const RolloutGroup &g) {
        return g.state == RolloutGroupState::Finished || g.state == RolloutGroupState::Error;
    });
    if (allDone && !rollout.dynamic) // a dynamic rollout waits for targets that match later
        return transition(rollout, RolloutEvent::AllGroupsFinished);
    return {};
}

Result<void> RolloutService::evaluate(qint64 rolloutId)
{
    return inTransaction(rolloutId, [this](Rollout &rollout) { return evaluateLocked(rollout, false); });
}

Result<void> RolloutService::handleFeedback(const FeedbackResult &result)
{
    if (result.outcome != FeedbackResult::Outcome::Applied || result.rolloutId == 0
        || !result.transition.closedAction())
        return {};
    return evaluate(result.rolloutId);
}

} // namespace Flotilla
