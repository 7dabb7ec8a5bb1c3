#include "backend/ddiserver.h"
#include "backend/ddiserver_p.h"
#include "backend/queryparameters.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;
using namespace Flotilla::DdiDetail;

namespace Flotilla {

namespace {
const Action &actionIn(const Action &action)
{
    return action;
}

const Action &actionIn(const ActionWithHistorySize &read)
{
    return read.action;
}

ActionEvent deploymentEvent(const Ddi::ActionFeedback &f)
{
    using E = Ddi::Execution;
    switch (f.execution) {
    case E::Closed:
        return f.finished == Ddi::Finished::Failure ? ActionEvent::ClosedFailure : ActionEvent::ClosedSuccess;
    case E::Canceled:
        return ActionEvent::Canceled;
    case E::Rejected:
        return ActionEvent::Warning;
    case E::Download:
        return ActionEvent::Download;
    case E::Downloaded:
        return ActionEvent::Downloaded;
    case E::Proceeding:
    case E::Scheduled:
    case E::Resumed:
        break;
    }
    return ActionEvent::Proceeding;
}

ActionEvent cancelEvent(const Ddi::ActionFeedback &f)
{
    using E = Ddi::Execution;
    switch (f.execution) {
    case E::Closed:
        return f.finished == Ddi::Finished::Failure ? ActionEvent::CancelFailed : ActionEvent::CancelClosed;
    case E::Rejected:
        return ActionEvent::CancelRejected;
    case E::Canceled:
        return ActionEvent::CancelWarning; // not how a device accepts a cancel (hawkBit #952)
    default:
        return ActionEvent::CancelProceeding;
    }
}
} // namespace

template<typename T, typename Read>
std::optional<T> DdiServer::ownAction(Context &ctx, const QString &actionId, Read read)
{
    bool ok = false;
    const qint64 id = actionId.toLongLong(&ok);
    Lookup<T> found = ok ? read(id) : Lookup<T>(std::nullopt);
    if (found.failed()) { // not "no such action": the device would give up feedback it should send again
        ctx.fail(Status::InternalServerError, u"the action could not be read: %1"_s.arg(found.error().message));
        return std::nullopt;
    }
    // Another target's action is as unknown as a missing one.
    if (found.absent() || actionIn(*found).targetId != ctx.target.id) {
        ctx.fail(Status::NotFound, u"action '%1' does not exist for this target"_s.arg(actionId));
        return std::nullopt;
    }
    return std::move(found).optional();
}

std::optional<Action> DdiServer::actionOf(Context &ctx, const QString &actionId)
{
    return ownAction<Action>(ctx, actionId, [this](qint64 id) { return m_actions.action(id); });
}

std::optional<QByteArray> DdiServer::deploymentJson(Context &ctx, const Action &action, int historyCount,
                                                    bool confirmation)
{
    const auto failed = [&ctx](const Failure &failure) {
        ctx.fail(Status::InternalServerError, u"the action could not be read: %1"_s.arg(failure.message));
        return std::nullopt;
    };
    const QDateTime now = m_clock.now();
    // Handling as if the action were running: for a closed action (installedBase) it says how it was deployed.
    Action asRunning = action;
    asRunning.state = ActionState::Running;
    const Presentation p = Presentation::of(&asRunning, now);
    Ddi::Deployment d;
    d.actionId = QString::number(action.id);
    d.download = Ddi::Handling(p.download);
    d.update = Ddi::Handling(p.update);
    d.maintenanceWindowAvailable = p.maintenanceWindowAvailable;
    if (action.maintenanceWindow) {
        if (const std::optional<MaintenanceWindow> w = action.maintenanceWindow->currentOrNext(now)) {
            d.maintenanceWindowStartMs = w->start.toMSecsSinceEpoch();
            d.maintenanceWindowEndMs = w->end.toMSecsSinceEpoch();
        }
    }
    const Lookup<DistributionSet> set = m_repository.distributionSet(action.distributionSetId);
    if (set.failed())
        return failed(set.error());
    if (set.found()) {
        d.distributionSetName = set->name;
        d.distributionSetVersion = set->version;
    }
    if (action.type == ActionType::TimeForced && action.forceTime.isValid())
        d.forceTimeMs = action.forceTime.toMSecsSinceEpoch();
    const QString controller = controllerBase(ctx);
    const Result<QList<SoftwareModule>> modules = m_repository.modulesOfSet(action.distributionSetId);
    if (!modules)
        return failed(modules.error());
    for (const SoftwareModule &m : *modules) {
        const Result<QList<std::pair<QString, QString>>> metadata = m_repository.deviceMetadata(m.id);
        const Result<QList<Flotilla::Artifact>> artifacts = m_repository.artifacts(m.id);
        if (!metadata || !artifacts)
            return failed(metadata ? artifacts.error() : metadata.error());
        Ddi::Chunk chunk { m.typeKey, m.version, m.name, m.encrypted, {}, *metadata };
        for (const Flotilla::Artifact &a : *artifacts)
            chunk.artifacts.append(ddiArtifact(controller, a, m_settings.downloadBaseUrl));
        d.chunks.append(chunk);
    }
    if (historyCount != 0) {
        const int limit = historyCount < 0 ? MaxActionHistory : std::min(historyCount, MaxActionHistory);
        Ddi::ActionHistory history { nameOf(action.state), {} };
        const Result<int> total = m_actions.countStatus(action.id);
        if (!total)
            return failed(total.error());
        // Newest first; the server's own messages are not the device's history.
        const Result<QList<ActionStatusEntry>> entries = m_actions.statusHistory(action.id, 0, *total);
        if (!entries)
            return failed(entries.error());
        for (auto it = entries->crbegin(); it != entries->crend() && history.messages.size() < limit; ++it) {
            for (const QString &m : it->messages) {
                if (!m.startsWith(ServerMessagePrefix) && history.messages.size() < limit)
                    history.messages.append(m);
            }
        }
        d.history = history;
    }
    return d.encode(confirmation ? Ddi::Deployment::Kind::Confirmation : Ddi::Deployment::Kind::Deployment);
}

void DdiServer::getDeploymentBase(Context &ctx, const QString &actionId)
{
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    switch (action->state) {
    case ActionState::Canceling:
    case ActionState::Canceled:
        return ctx.fail(Status::NotFound, u"action %1 is canceled; see cancelAction"_s.arg(action->id));
    case ActionState::WaitForConfirmation:
        return ctx.fail(Status::NotFound, u"action %1 awaits confirmation; see confirmationBase"_s.arg(action->id));
    case ActionState::Scheduled:
        return ctx.fail(Status::NotFound, u"action %1 is not started yet"_s.arg(action->id));
    default:
        break;
    }
    if (action->isActive())
        m_deployment.feedback(ctx.target.id, action->id, ActionEvent::Retrieved,
                              { ServerMessagePrefix
                                + u"Target retrieved update action and should start now the "
                                  "download."_s },
                              std::nullopt, u"ddi:retrieved"_s);
    if (const std::optional<QByteArray> json
        = deploymentJson(ctx, *action, QueryParameters::actionHistory(ctx.query()), false))
        ctx.send(*json);
}

void DdiServer::applyFeedback(Context &ctx, const ActionWithHistorySize &read, ActionEvent event,
                              const QStringList &messages, std::optional<int> code, Status refusedStatus)
{
    // A retried request (same body, with the device's timestamp) is applied once; without a timestamp two equal
    // bodies are two reports.
    const QByteArray body = ctx.request.body();
    QString dedupKey;
    if (body.contains("\"timestamp\"") || body.contains("\"time\""))
        dedupKey = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex());
    const FeedbackResult result = m_deployment.feedback(ctx.target.id, read, event, messages, code, dedupKey);
    switch (result.outcome) {
    case FeedbackResult::Outcome::Applied:
        if (result.rolloutId != 0) {
            // The feedback is committed; a rollout step that fails here is taken again by the scheduler's next
            // tick (RolloutScheduler evaluates every running rollout).
            if (const Result<void> evaluated = m_rollouts.handleFeedback(result); !evaluated)
                qCWarning(lcDdi).noquote() << "rollout" << result.rolloutId << ":" << evaluated.error().message;
        }
        [[fallthrough]];
    case FeedbackResult::Outcome::Duplicate:
        return ctx.send(QByteArray());
    case FeedbackResult::Outcome::UnknownAction:
        return ctx.fail(Status::NotFound, result.message);
    case FeedbackResult::Outcome::Closed:
        return ctx.fail(Status::Gone, result.message);
    case FeedbackResult::Outcome::NotApplicable:
        return ctx.fail(refusedStatus, result.message);
    case FeedbackResult::Outcome::Quota:
        return ctx.fail(Status::TooManyRequests, result.message);
    case FeedbackResult::Outcome::Store:
        break;
    }
    ctx.fail(Status::InternalServerError, u"the feedback could not be stored: %1"_s.arg(result.message));
}

template<typename Feedback>
std::optional<std::pair<Feedback, ActionWithHistorySize>> DdiServer::feedbackFor(Context &ctx, const QString &actionId)
{
    Ddi::DecodeError error;
    std::optional<Feedback> feedback = Feedback::decode(ctx.request.body(), &error);
    if (!feedback)
        return ctx.fail(Status::BadRequest, error.message), std::nullopt;
    std::optional<ActionWithHistorySize> read = ownAction<ActionWithHistorySize>(ctx, actionId, [&ctx](qint64) {
        Q_ASSERT(ctx.readAction); // read with the target by serve(), as for every feedback route
        return Lookup<ActionWithHistorySize>(ctx.readAction ? ctx.readAction->action : std::nullopt);
    });
    if (!read)
        return std::nullopt;
    return std::pair { std::move(*feedback), std::move(*read) };
}

void DdiServer::postDeploymentFeedback(Context &ctx, const QString &actionId)
{
    const auto found = feedbackFor<Ddi::ActionFeedback>(ctx, actionId);
    if (!found)
        return;
    const auto &[feedback, read] = *found;
    if (read.action.state == ActionState::WaitForConfirmation)
        return ctx.fail(Status::NotFound, u"action %1 awaits confirmation"_s.arg(read.action.id));
    applyFeedback(ctx, read, deploymentEvent(feedback), feedback.details, feedback.code, Status::NotFound);
}

void DdiServer::getCancelAction(Context &ctx, const QString &actionId)
{
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    if (action->state != ActionState::Canceling)
        return ctx.fail(Status::NotFound, u"action %1 is not being canceled"_s.arg(action->id));
    m_deployment.feedback(ctx.target.id, action->id, ActionEvent::Retrieved,
                          { ServerMessagePrefix
                            + u"Target retrieved cancel action and should start now the "
                              "cancelation."_s },
                          std::nullopt, u"ddi:cancel-retrieved"_s);
    const QString id = QString::number(action->id);
    ctx.send(Ddi::CancelAction { id, id }.encode());
}

void DdiServer::postCancelFeedback(Context &ctx, const QString &actionId)
{
    const auto found = feedbackFor<Ddi::ActionFeedback>(ctx, actionId);
    if (!found)
        return;
    const auto &[feedback, read] = *found;
    if (read.action.state != ActionState::Canceling)
        return ctx.fail(Status::MethodNotAllowed,
                        u"action %1 is not being canceled (%2)"_s.arg(read.action.id).arg(nameOf(read.action.state)));
    applyFeedback(ctx, read, cancelEvent(feedback), feedback.details, feedback.code, Status::MethodNotAllowed);
}

void DdiServer::getInstalledBase(Context &ctx, const QString &actionId)
{
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    if (action->state != ActionState::Finished)
        return ctx.fail(Status::NotFound, u"action %1 is not a finished installation"_s.arg(action->id));
    if (const std::optional<QByteArray> json
        = deploymentJson(ctx, *action, QueryParameters::actionHistory(ctx.query()), false))
        ctx.send(*json);
}

void DdiServer::putInstalledBase(Context &ctx, const QString &)
{
    Ddi::DecodeError error;
    const std::optional<Ddi::InstalledBase> installed = Ddi::InstalledBase::decode(ctx.request.body(), &error);
    if (!installed)
        return ctx.fail(Status::BadRequest, error.message);
    const Lookup<DistributionSet> set = m_repository.distributionSetByNameVersion(installed->name, installed->version);
    if (set.failed())
        return ctx.fail(Status::InternalServerError,
                        u"the distribution set could not be read: %1"_s.arg(set.error().message));
    if (set.absent())
        return ctx.fail(
            Status::NotFound,
            u"distribution set '%1' version '%2' does not exist"_s.arg(installed->name, installed->version));
    const Result<DeploymentService::DeclareInstalledOutcome> declared = m_deployment.declareInstalled(
        ctx.target.id, set->id, u"Installed by the device outside Flotilla (installedBase)"_s);
    if (!declared)
        return ctx.fail(Status::InternalServerError,
                        u"the installed set could not be recorded: %1"_s.arg(declared.error().message));
    switch (*declared) {
    case DeploymentService::DeclareInstalledOutcome::Created:
        return ctx.send(QByteArray(), Status::Created);
    case DeploymentService::DeclareInstalledOutcome::AlreadyInstalled:
        return ctx.send(QByteArray());
    case DeploymentService::DeclareInstalledOutcome::UnknownTarget:
        break;
    }
    ctx.fail(Status::NotFound, u"this target no longer exists"_s);
}

void DdiServer::getConfirmationBase(Context &ctx, const QString &)
{
    const Lookup<Target> target = m_targets.target(ctx.target.id);
    if (!target.found())
        return ctx.fail(
            Status::InternalServerError,
            u"the target could not be read: %1"_s.arg(target.failed() ? target.error().message : u"it was deleted"_s));
    const Target &t = *target;
    Ddi::ConfirmationBase c;
    c.autoConfirmActive = t.autoConfirm;
    c.initiator = t.autoConfirmInitiator;
    c.remark = t.autoConfirmRemark;
    const QString controller = controllerBase(ctx);
    c.links.insert(t.autoConfirm ? u"deactivateAutoConfirm"_s : u"activateAutoConfirm"_s,
                   controller
                       + (t.autoConfirm ? u"/confirmationBase/deactivateAutoConfirm"_s
                                        : u"/confirmationBase/activateAutoConfirm"_s));
    const Result<Presentation> p = m_deployment.presentationFor(t.id);
    if (!p)
        return ctx.fail(Status::InternalServerError,
                        u"the confirmation base could not be answered: %1"_s.arg(p.error().message));
    if (p->kind == PresentationKind::ConfirmationBase)
        c.links.insert(u"confirmationBase"_s,
                       controller + u"/confirmationBase/%1?c=%2"_s.arg(p->actionId).arg(cacheBuster(*p)));
    ctx.send(c.encode());
}

void DdiServer::getConfirmationAction(Context &ctx, const QString &actionId)
{
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    if (action->state != ActionState::WaitForConfirmation)
        return ctx.fail(Status::NotFound, u"action %1 does not await confirmation"_s.arg(action->id));
    if (const std::optional<QByteArray> json
        = deploymentJson(ctx, *action, QueryParameters::actionHistory(ctx.query()), true))
        ctx.send(*json);
}

void DdiServer::postConfirmationFeedback(Context &ctx, const QString &actionId)
{
    const auto found = feedbackFor<Ddi::ConfirmationFeedback>(ctx, actionId);
    if (!found)
        return;
    const auto &[feedback, read] = *found;
    const bool confirmed = feedback.confirmation == Ddi::Confirmation::Confirmed;
    QStringList messages = feedback.details;
    messages.prepend(confirmed ? u"Confirmed by the device"_s : u"Denied by the device"_s);
    applyFeedback(ctx, read, confirmed ? ActionEvent::Confirm : ActionEvent::Deny, messages, feedback.code,
                  Status::NotFound);
}

void DdiServer::activateAutoConfirm(Context &ctx, const QString &)
{
    Ddi::DecodeError error;
    const std::optional<Ddi::AutoConfirmActivation> body
        = Ddi::AutoConfirmActivation::decode(ctx.request.body(), &error);
    if (!body)
        return ctx.fail(Status::BadRequest, error.message);
    const QString initiator = body->initiator.isEmpty() ? ctx.target.controllerId : body->initiator;
    const Result<DeploymentService::AutoConfirmOutcome> activated
        = m_deployment.activateAutoConfirm(ctx.target.id, initiator, body->remark);
    if (!activated)
        return ctx.fail(Status::InternalServerError,
                        u"auto-confirm could not be activated: %1"_s.arg(activated.error().message));
    switch (*activated) {
    case DeploymentService::AutoConfirmOutcome::AlreadyActive:
        return ctx.fail(Status::Conflict, u"auto-confirm is already active for this target"_s);
    case DeploymentService::AutoConfirmOutcome::UnknownTarget:
        return ctx.fail(Status::NotFound, u"this target no longer exists"_s);
    default:
        return ctx.send(QByteArray());
    }
}

void DdiServer::deactivateAutoConfirm(Context &ctx, const QString &)
{
    const Result<DeploymentService::AutoConfirmOutcome> deactivated = m_deployment.deactivateAutoConfirm(ctx.target.id);
    if (!deactivated)
        return ctx.fail(Status::InternalServerError,
                        u"auto-confirm could not be deactivated: %1"_s.arg(deactivated.error().message));
    if (*deactivated == DeploymentService::AutoConfirmOutcome::UnknownTarget)
        return ctx.fail(Status::NotFound, u"this target no longer exists"_s);
    ctx.send(QByteArray());
}

} // namespace Flotilla
