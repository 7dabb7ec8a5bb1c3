#include "engine/deploymentservice.h"

#include "engine/enginelogging.h"
#include "engine/repositoryservice.h"

#include <QSet>

#include <optional>

namespace Flotilla {

DeploymentService::DeploymentService(const Stores &stores, const Clock &clock)
    : m_session(stores.session)
    , m_configuration(stores.configuration)
    , m_targets(stores.targets)
    , m_actions(stores.actions)
    , m_repository(stores.repository)
    , m_clock(clock)
{ }

Result<void> DeploymentService::closeEarlierActions(const Target &target, const TenantConfiguration &config,
                                                    qint64 exceptActionId)
{
    // Without multi-assignment a new assignment replaces the open ones: they become CANCELING and stay in the
    // device's queue in historical order, or with auto-close they are closed at once without asking the device.
    const ActionEvent event = config.autoClose ? ActionEvent::AutoClose : ActionEvent::Cancel;
    const QDateTime now = m_clock.now();
    const Result<QList<Action>> openActions = m_actions.openActions(target.id);
    if (!openActions)
        return openActions.error();
    for (const Action &open : *openActions) {
        if (open.id == exceptActionId)
            continue;
        if (open.state == ActionState::Canceling && !config.autoClose)
            continue; // already waiting for the device to confirm its cancellation
        const ActionOutcome outcome = ActionStateMachine::apply(open, event);
        if (!outcome.accepted())
            continue;
        if (Result<void> updated = m_actions.updateActionState(open.id, outcome.to, now); !updated)
            return updated;
        ActionStatusEntry entry { now,
                                  outcome.recorded,
                                  { config.autoClose
                                        ? QStringLiteral("Update Server: closed by a new assignment (auto-close)")
                                        : QStringLiteral("Update Server: canceled by a new assignment") },
                                  std::nullopt };
        if (Result<void> appended = m_actions.appendStatus(open.id, entry); !appended)
            return appended;
    }
    return {};
}

AssignmentResult DeploymentService::assign(const QList<qint64> &targetIds, qint64 distributionSetId,
                                           const AssignmentRequest &request)
{
    AssignmentResult result;
    result.total = int(targetIds.size());
    auto fail = [&result](AssignmentResult::Error error, const QString &message) {
        result.error = error;
        result.message = message;
        result.assigned = 0;
        result.actionIds.clear();
        return result;
    };
    if (request.weight < MinWeight || request.weight > MaxWeight)
        return fail(AssignmentResult::Error::InvalidWeight,
                    QStringLiteral("weight %1 is outside %2..%3").arg(request.weight).arg(MinWeight).arg(MaxWeight));
    const QDateTime now = m_clock.now();
    if (request.maintenanceWindow && !request.maintenanceWindow->hasWindowLeft(now))
        return fail(
            AssignmentResult::Error::NoWindowLeft,
            QStringLiteral("maintenance window '%1' has no future window").arg(request.maintenanceWindow->schedule()));

    StoreTransaction tx(m_session);
    if (!tx.begun())
        return fail(AssignmentResult::Error::Store, tx.begun().error().message);
    const TenantConfiguration config = m_configuration.tenantConfiguration();
    // The quota bounds what an operator assigns at once; a rollout's group is bounded by its own quota
    // (maxTargetsPerRolloutGroup, checked when the rollout is made), as in hawkBit.
    if (request.rolloutGroupId == 0 && targetIds.size() > config.maxTargetsPerAssignment)
        return fail(AssignmentResult::Error::Quota,
                    QStringLiteral("%1 targets exceed the quota of %2 per assignment")
                        .arg(targetIds.size())
                        .arg(config.maxTargetsPerAssignment));
    const Lookup<DistributionSet> set = m_repository.distributionSet(distributionSetId);
    if (set.failed())
        return fail(AssignmentResult::Error::Store, set.error().message);
    if (set.absent())
        return fail(AssignmentResult::Error::UnknownDistributionSet,
                    QStringLiteral("distribution set %1 does not exist").arg(distributionSetId));
    if (!set->valid)
        return fail(AssignmentResult::Error::InvalidDistributionSet,
                    QStringLiteral("distribution set %1 %2 is invalidated").arg(set->name, set->version));
    const Result<QStringList> why = RepositoryService(m_session, m_repository).incompleteness(distributionSetId);
    if (!why)
        return fail(AssignmentResult::Error::Store, why.error().message);
    if (!why->isEmpty())
        return fail(AssignmentResult::Error::IncompleteDistributionSet,
                    QStringLiteral("distribution set %1 %2 is incomplete: %3")
                        .arg(set->name, set->version, why->join(QStringLiteral("; "))));

    // What deciding needs, read for every target at once; then the new actions, their first status and the targets'
    // new state written at once (a few statements per batch on a store with round trips, not a few per target).
    const Result<QHash<qint64, Target>> targets = m_targets.targetsById(targetIds);
    if (!targets)
        return fail(AssignmentResult::Error::Store, targets.error().message);
    const Result<QHash<qint64, QList<Action>>> openByTarget = m_actions.openActionsOfTargets(targetIds);
    if (!openByTarget)
        return fail(AssignmentResult::Error::Store, openByTarget.error().message);
    const Result<QHash<qint64, int>> actionCounts = m_actions.countActionsOfTargets(targetIds);
    if (!actionCounts)
        return fail(AssignmentResult::Error::Store, actionCounts.error().message);
    QHash<QString, std::optional<TargetType>> types; // by key, read once
    QSet<qint64> taken; // a target listed twice gets one action (the second finds it running)
    QList<Action> newActions;
    QList<ActionStatusEntry> firstStatuses;
    QList<Target> assignedTargets;

    for (qint64 targetId : targetIds) {
        const auto found = targets->constFind(targetId);
        if (found == targets->cend())
            return fail(AssignmentResult::Error::UnknownTarget,
                        QStringLiteral("target %1 does not exist").arg(targetId));
        Target target = *found;
        if (!target.targetTypeKey.isEmpty()) {
            if (!types.contains(target.targetTypeKey)) {
                const Lookup<TargetType> type = m_repository.targetType(target.targetTypeKey);
                if (type.failed())
                    return fail(AssignmentResult::Error::Store, type.error().message);
                types.insert(target.targetTypeKey, type.found() ? std::optional(*type) : std::nullopt);
            }
            const std::optional<TargetType> &type = types[target.targetTypeKey];
            if (type && !type->compatibleSetTypes.contains(set->typeKey))
                return fail(AssignmentResult::Error::IncompatibleTargetType,
                            QStringLiteral("target %1 is a '%2', which does not take sets of type '%3'")
                                .arg(target.controllerId, type->key, set->typeKey));
        }
        const QList<Action> open = openByTarget->value(targetId);
        const bool runsIt = taken.contains(targetId) || std::any_of(open.cbegin(), open.cend(), [&](const Action &a) {
                                return a.distributionSetId == distributionSetId && a.state != ActionState::Canceling;
                            });
        const bool hasIt = open.isEmpty() && target.installedDistributionSetId == distributionSetId;
        if (runsIt || hasIt) {
            ++result.alreadyAssigned;
            continue;
        }
        if (actionCounts->value(targetId) >= config.maxActionsPerTarget)
            return fail(AssignmentResult::Error::Quota,
                        QStringLiteral("target %1 has reached the quota of %2 actions")
                            .arg(target.controllerId)
                            .arg(config.maxActionsPerTarget));
        if (!request.scheduled && !config.multiAssignment && !open.isEmpty()) {
            if (const Result<void> closed = closeEarlierActions(target, config); !closed)
                return fail(AssignmentResult::Error::Store, closed.error().message);
        }
        taken.insert(targetId);

        Action action;
        action.targetId = targetId;
        action.distributionSetId = distributionSetId;
        action.type = request.type;
        action.forceTime = request.forceTime;
        action.weight = request.weight;
        action.maintenanceWindow = request.maintenanceWindow;
        action.confirmationRequired = request.confirmationRequired;
        action.initiator = request.initiator;
        action.rolloutId = request.rolloutId;
        action.rolloutGroupId = request.rolloutGroupId;
        action.createdAt = now;
        action.lastModifiedAt = now;
        const bool needsConsent = config.consentFlow && request.confirmationRequired && !target.autoConfirm;
        action.state = ActionState::Scheduled;
        ActionOutcome started;
        started.from = started.to = ActionState::Scheduled;
        started.recorded = HistoryStatus::Scheduled;
        if (!request.scheduled)
            started = ActionStateMachine::apply(action,
                                                needsConsent ? ActionEvent::StartForConfirmation : ActionEvent::Start);
        action.state = started.to;
        newActions.append(action);
        QStringList messages {
            QStringLiteral("Update Server: assignment of %1 (%2)").arg(distributionSetId).arg(nameOf(request.type))
        };
        if (config.consentFlow && request.confirmationRequired && target.autoConfirm)
            messages << QStringLiteral("Update Server: confirmed automatically (auto-confirm by %1)")
                            .arg(target.autoConfirmInitiator);
        firstStatuses.append({ now, started.recorded, messages, std::nullopt });

        if (!request.scheduled) {
            target.state = TargetStateMachine::next(target.state, TargetEvent::Assigned).value_or(target.state);
            target.assignedDistributionSetId = distributionSetId;
            assignedTargets.append(target);
        }
    }

    const Result<QList<qint64>> actionIds = m_actions.insertActions(newActions);
    if (!actionIds)
        return fail(AssignmentResult::Error::Store, actionIds.error().message);
    QList<std::pair<qint64, ActionStatusEntry>> statuses;
    statuses.reserve(actionIds->size());
    for (qsizetype i = 0; i < actionIds->size(); ++i)
        statuses.append({ actionIds->at(i), firstStatuses.at(i) });
    if (const Result<void> appended = m_actions.appendStatuses(statuses); !appended)
        return fail(AssignmentResult::Error::Store, appended.error().message);
    if (const Result<void> updated = m_targets.updateTargets(assignedTargets); !updated)
        return fail(AssignmentResult::Error::Store, updated.error().message);
    result.actionIds = *actionIds;
    result.assigned = int(actionIds->size());
    if (result.assigned > 0) {
        if (const Result<void> locked = m_repository.lockDistributionSet(distributionSetId); !locked)
            return fail(AssignmentResult::Error::Store, locked.error().message);
    }
    if (const Result<void> committed = tx.commit(); !committed)
        return fail(AssignmentResult::Error::Store, committed.error().message);
    return result;
}

Result<TargetState> DeploymentService::applyTargetOutcome(Target target, const Action &action, ActionState to)
{
    const Result<QList<Action>> open = m_actions.openActions(target.id);
    if (!open)
        return open.error();
    const bool othersPending = !open->isEmpty();
    std::optional<TargetEvent> event;
    switch (to) {
    case ActionState::Finished:
        target.installedDistributionSetId = action.distributionSetId;
        target.requestAttributes = true; // hawkBit asks for the attributes again after an update
        event = othersPending ? TargetEvent::ActionFinishedOthersPending : TargetEvent::ActionFinished;
        break;
    case ActionState::Downloaded:
        target.requestAttributes = true;
        event = othersPending ? TargetEvent::ActionFinishedOthersPending : TargetEvent::ActionFinished;
        break;
    case ActionState::Canceled:
        event = othersPending ? TargetEvent::ActionCanceledOthersPending : TargetEvent::ActionCanceled;
        break;
    case ActionState::Error:
        event = TargetEvent::ActionFailed;
        break;
    default:
        return target.state;
    }
    if (const auto next = TargetStateMachine::next(target.state, *event))
        target.state = *next;
    // ERROR resets the assigned set so that it can be assigned again; with nothing pending the assigned set is
    // the installed one again.
    if (to == ActionState::Error || !othersPending)
        target.assignedDistributionSetId = target.installedDistributionSetId;
    if (Result<void> updated = m_targets.updateTarget(target); !updated)
        return updated.error();
    return target.state;
}

namespace {
FeedbackResult refusal(FeedbackResult::Outcome outcome, const QString &message)
{
    FeedbackResult result;
    result.outcome = outcome;
    result.message = message;
    return result;
}
} // namespace

FeedbackResult DeploymentService::feedback(qint64 targetId, qint64 actionId, ActionEvent event,
                                           const QStringList &messages, std::optional<int> code,
                                           const QString &dedupKey)
{
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return refusal(FeedbackResult::Outcome::Store, tx.begun().error().message);
    const Lookup<ActionWithHistorySize> read = m_actions.actionWithHistorySize(actionId);
    // A read that failed is the server's fault: the device is told to send again, never that its action is gone.
    if (read.failed())
        return refusal(FeedbackResult::Outcome::Store, read.error().message);
    if (read.absent())
        return refusal(FeedbackResult::Outcome::UnknownAction,
                       QStringLiteral("action %1 does not exist for this target").arg(actionId));
    FeedbackResult result = feedback(targetId, *read, event, messages, code, dedupKey); // joins this transaction
    if (result.outcome == FeedbackResult::Outcome::Applied)
        if (const Result<void> committed = tx.commit(); !committed)
            return refusal(FeedbackResult::Outcome::Store, committed.error().message);
    return result;
}

FeedbackResult DeploymentService::feedback(qint64 targetId, const ActionWithHistorySize &read, ActionEvent event,
                                           const QStringList &messages, std::optional<int> code,
                                           const QString &dedupKey)
{
    FeedbackResult result;
    auto fail = [&result](FeedbackResult::Outcome outcome, const QString &message) {
        result.outcome = outcome;
        result.message = message;
        return result;
    };
    const Action &action = read.action;
    const qint64 actionId = action.id;
    if (action.targetId != targetId)
        return fail(FeedbackResult::Outcome::UnknownAction,
                    QStringLiteral("action %1 does not exist for this target").arg(actionId));
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return fail(FeedbackResult::Outcome::Store, tx.begun().error().message);
    if (!dedupKey.isEmpty()) {
        // A receipt that cannot be written is the server's fault, not a duplicate: answered as one, the feedback
        // would be lost (the device takes it as delivered).
        const Result<bool> first = m_actions.recordFeedbackOnce(actionId, dedupKey);
        if (!first)
            return fail(FeedbackResult::Outcome::Store, first.error().message);
        if (!*first)
            return fail(FeedbackResult::Outcome::Duplicate, QStringLiteral("feedback already applied"));
    }

    const ActionOutcome outcome = ActionStateMachine::apply(action, event);
    result.transition = outcome;
    if (outcome.refusal == ActionRefusal::Closed)
        return fail(FeedbackResult::Outcome::Closed,
                    QStringLiteral("action %1 is closed (%2)").arg(actionId).arg(nameOf(action.state)));
    if (outcome.refusal == ActionRefusal::NotApplicable)
        return fail(FeedbackResult::Outcome::NotApplicable,
                    QStringLiteral("%1 does not apply to action %2 in state %3")
                        .arg(nameOf(event))
                        .arg(actionId)
                        .arg(nameOf(action.state)));

    const TenantConfiguration config = m_configuration.tenantConfiguration();
    if (messages.size() > config.maxMessagesPerStatus)
        return fail(FeedbackResult::Outcome::Quota,
                    QStringLiteral("%1 messages exceed the quota of %2 per status")
                        .arg(messages.size())
                        .arg(config.maxMessagesPerStatus));
    const bool intermediate = outcome.from == outcome.to;
    if (intermediate && read.historySize >= config.maxStatusEntriesPerAction)
        return fail(FeedbackResult::Outcome::Quota,
                    QStringLiteral("action %1 has reached the quota of %2 status entries")
                        .arg(actionId)
                        .arg(config.maxStatusEntriesPerAction));

    const QDateTime now = m_clock.now();
    if (outcome.from != outcome.to) {
        if (const Result<void> updated = m_actions.updateActionState(actionId, outcome.to, now); !updated)
            return fail(FeedbackResult::Outcome::Store, updated.error().message);
    }
    if (const Result<void> appended = m_actions.appendStatus(actionId, { now, outcome.recorded, messages, code });
        !appended)
        return fail(FeedbackResult::Outcome::Store, appended.error().message);
    if (outcome.closedAction()) {
        const Lookup<Target> target = m_targets.target(targetId);
        if (target.failed())
            return fail(FeedbackResult::Outcome::Store, target.error().message);
        if (target.absent())
            return fail(FeedbackResult::Outcome::Store, QStringLiteral("target %1 is gone").arg(targetId));
        const Result<TargetState> moved = applyTargetOutcome(*target, action, outcome.to);
        if (!moved)
            return fail(FeedbackResult::Outcome::Store, moved.error().message);
        result.targetState = *moved;
    }
    result.rolloutId = action.rolloutId;
    result.rolloutGroupId = action.rolloutGroupId;
    if (const Result<void> committed = tx.commit(); !committed)
        return fail(FeedbackResult::Outcome::Store, committed.error().message);
    qCDebug(lcEngine) << "action" << actionId << nameOf(event) << nameOf(outcome.from) << "->" << nameOf(outcome.to);
    return result;
}

Result<void> DeploymentService::activateScheduled(const Action &action)
{
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return tx.begun();
    Lookup<Target> target = m_targets.target(action.targetId);
    if (target.failed())
        return target.error();
    if (target.absent())
        return Failure { UnknownTarget,
                         QStringLiteral("target %1 of action %2 is gone").arg(action.targetId).arg(action.id) };
    const TenantConfiguration config = m_configuration.tenantConfiguration();
    if (!config.multiAssignment) {
        if (Result<void> closed = closeEarlierActions(*target, config, action.id); !closed)
            return closed;
    }
    const bool needsConsent = config.consentFlow && action.confirmationRequired && !target->autoConfirm;
    const ActionEvent event = needsConsent ? ActionEvent::StartForConfirmation : ActionEvent::Start;
    const ActionOutcome started = ActionStateMachine::apply(action, event);
    if (!started.accepted())
        return Failure {
            NotApplicable,
            QStringLiteral("action %1 is %2: %3 does not apply").arg(action.id).arg(nameOf(action.state), nameOf(event))
        };
    const QDateTime now = m_clock.now();
    if (Result<void> updated = m_actions.updateActionState(action.id, started.to, now); !updated)
        return updated;
    if (Result<void> appended = m_actions.appendStatus(
            action.id,
            { now, started.recorded, { QStringLiteral("Update Server: rollout group started") }, std::nullopt });
        !appended)
        return appended;
    target->state = TargetStateMachine::next(target->state, TargetEvent::Assigned).value_or(target->state);
    target->assignedDistributionSetId = action.distributionSetId;
    if (Result<void> updated = m_targets.updateTarget(*target); !updated)
        return updated;
    return tx.commit();
}

Result<void> DeploymentService::cancel(const Action &action, const QString &message)
{
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return tx.begun();
    const ActionOutcome outcome = ActionStateMachine::apply(action, ActionEvent::Cancel);
    if (!outcome.accepted())
        return Failure {
            NotApplicable,
            QStringLiteral("action %1 is %2: it cannot be canceled").arg(action.id).arg(nameOf(action.state))
        };
    const QDateTime now = m_clock.now();
    if (Result<void> updated = m_actions.updateActionState(action.id, outcome.to, now); !updated)
        return updated;
    if (Result<void> appended = m_actions.appendStatus(action.id, { now, outcome.recorded, { message }, std::nullopt });
        !appended)
        return appended;
    // A scheduled action never made the target PENDING: nothing to undo there.
    if (outcome.closedAction() && outcome.from != ActionState::Scheduled) {
        const Lookup<Target> target = m_targets.target(action.targetId);
        if (target.failed())
            return target.error();
        if (target.absent())
            return Failure { UnknownTarget,
                             QStringLiteral("target %1 of action %2 is gone").arg(action.targetId).arg(action.id) };
        if (const Result<TargetState> moved = applyTargetOutcome(*target, action, outcome.to); !moved)
            return moved.error();
    }
    return tx.commit();
}

Result<DeploymentService::AutoConfirmOutcome>
DeploymentService::activateAutoConfirm(qint64 targetId, const QString &initiator, const QString &remark)
{
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return tx.begun().error();
    Lookup<Target> target = m_targets.target(targetId);
    if (target.failed())
        return target.error();
    if (target.absent())
        return AutoConfirmOutcome::UnknownTarget;
    if (target->autoConfirm)
        return AutoConfirmOutcome::AlreadyActive;
    target->autoConfirm = true;
    target->autoConfirmInitiator = initiator;
    target->autoConfirmRemark = remark;
    if (const Result<void> updated = m_targets.updateTarget(*target); !updated)
        return updated.error();
    const QDateTime now = m_clock.now();
    const Result<QList<Action>> openActions = m_actions.openActions(targetId);
    if (!openActions)
        return openActions.error();
    for (const Action &open : *openActions) {
        if (open.state != ActionState::WaitForConfirmation)
            continue;
        const ActionOutcome outcome = ActionStateMachine::apply(open, ActionEvent::Confirm);
        if (!outcome.accepted())
            continue; // WAIT_FOR_CONFIRMATION always takes a confirmation; nothing else is touched
        QStringList messages { QStringLiteral("Update Server: confirmed automatically (auto-confirm by %1)")
                                   .arg(initiator.isEmpty() ? QStringLiteral("the device") : initiator) };
        if (!remark.isEmpty())
            messages << remark;
        if (const Result<void> updated = m_actions.updateActionState(open.id, outcome.to, now); !updated)
            return updated.error();
        if (const Result<void> appended
            = m_actions.appendStatus(open.id, { now, outcome.recorded, messages, std::nullopt });
            !appended)
            return appended.error();
    }
    if (const Result<void> committed = tx.commit(); !committed)
        return committed.error();
    return AutoConfirmOutcome::Activated;
}

Result<DeploymentService::AutoConfirmOutcome> DeploymentService::deactivateAutoConfirm(qint64 targetId)
{
    Lookup<Target> target = m_targets.target(targetId);
    if (target.failed())
        return target.error();
    if (target.absent())
        return AutoConfirmOutcome::UnknownTarget;
    target->autoConfirm = false;
    target->autoConfirmInitiator.clear();
    target->autoConfirmRemark.clear();
    if (const Result<void> updated = m_targets.updateTarget(*target); !updated)
        return updated.error();
    return AutoConfirmOutcome::Deactivated;
}

Result<DeploymentService::DeclareInstalledOutcome>
DeploymentService::declareInstalled(qint64 targetId, qint64 distributionSetId, const QString &message)
{
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return tx.begun().error();
    Lookup<Target> target = m_targets.target(targetId);
    if (target.failed())
        return target.error();
    if (target.absent())
        return DeclareInstalledOutcome::UnknownTarget;
    if (target->installedDistributionSetId == distributionSetId)
        return DeclareInstalledOutcome::AlreadyInstalled;
    const QDateTime now = m_clock.now();
    Action action;
    action.targetId = targetId;
    action.distributionSetId = distributionSetId;
    action.state = ActionState::Finished;
    action.createdAt = now;
    action.lastModifiedAt = now;
    action.initiator = QStringLiteral("device");
    const Result<qint64> actionId = m_actions.insertAction(action);
    if (!actionId)
        return actionId.error();
    action.id = *actionId;
    if (const Result<void> appended
        = m_actions.appendStatus(action.id, { now, HistoryStatus::Finished, { message }, std::nullopt });
        !appended)
        return appended.error();
    target->installedDistributionSetId = distributionSetId;
    const Result<QList<Action>> open = m_actions.openActions(targetId);
    if (!open)
        return open.error();
    const bool othersPending = !open->isEmpty();
    if (!othersPending) {
        target->assignedDistributionSetId = distributionSetId;
        target->state = TargetStateMachine::next(target->state, TargetEvent::InstalledDeclared).value_or(target->state);
    }
    if (const Result<void> locked = m_repository.lockDistributionSet(distributionSetId); !locked)
        return locked.error();
    if (const Result<void> updated = m_targets.updateTarget(*target); !updated)
        return updated.error();
    if (const Result<void> committed = tx.commit(); !committed)
        return committed.error();
    return DeclareInstalledOutcome::Created;
}

Result<bool> DeploymentService::closeWithoutWindow(const Action &action, qint64 targetId, const QDateTime &now)
{
    StoreTransaction tx(m_session);
    if (!tx.begun())
        return tx.begun().error();
    const ActionOutcome outcome = ActionStateMachine::apply(action, ActionEvent::AutoClose);
    if (!outcome.accepted())
        return false;
    if (const Result<void> updated = m_actions.updateActionState(action.id, outcome.to, now); !updated)
        return updated.error();
    if (const Result<void> appended = m_actions.appendStatus(
            action.id,
            { now, outcome.recorded, { QStringLiteral("Update Server: no maintenance window left") }, std::nullopt });
        !appended)
        return appended.error();
    const Lookup<Target> target = m_targets.target(targetId);
    if (target.failed())
        return target.error();
    if (target.absent())
        return false; // deleted meanwhile: its actions go with it
    if (const Result<TargetState> moved = applyTargetOutcome(*target, action, outcome.to); !moved)
        return moved.error();
    if (const Result<void> committed = tx.commit(); !committed)
        return committed.error();
    return true;
}

Result<DeploymentService::PollAnswer> DeploymentService::poll(qint64 targetId)
{
    Result<QList<Action>> open = m_actions.openActionsForPoll(targetId);
    if (!open)
        return open.error();
    return poll(targetId, std::move(open).value());
}

Result<DeploymentService::PollAnswer> DeploymentService::poll(qint64 targetId, QList<Action> read)
{
    const QDateTime now = m_clock.now();
    Result<QList<Action>> open = std::move(read);
    // An action whose maintenance schedule has no window left is canceled on the next poll.
    bool canceled = false;
    for (const Action &presentable : std::as_const(*open)) {
        if (presentable.maintenanceWindow && !presentable.maintenanceWindow->hasWindowLeft(now)) {
            const Lookup<Action> whole = m_actions.action(presentable.id);
            if (whole.failed())
                return whole.error();
            if (whole.absent())
                continue;
            const Action &a = *whole;
            // Best effort: the poll is answered either way, and the next poll tries again.
            if (const Result<bool> closed = closeWithoutWindow(a, targetId, now); !closed)
                qCWarning(lcEngine).noquote()
                    << "closing action" << a.id << "(no window left):" << closed.error().message;
            else
                canceled = canceled || closed.value();
        }
    }
    if (canceled) {
        open = m_actions.openActionsForPoll(targetId);
        if (!open)
            return open.error();
    }
    const TenantConfiguration config = m_configuration.tenantConfiguration();
    const Action *presented = Presentation::choose(*open);
    PollAnswer answer { Presentation::of(presented, now), config.pollingSecs };
    if (presented && presented->maintenanceWindow)
        answer.sleepSeconds = presented->maintenanceWindow->pollSleepSeconds(now, config.maintenanceWindowPollCount,
                                                                             config.minPollingSecs, config.pollingSecs);
    return answer;
}

} // namespace Flotilla
