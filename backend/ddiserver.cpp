#include "backend/ddiserver.h"

#include "backend/backendlogging.h"
#include "proto/ddi/ddimessages.h"
#include "proto/http/httprange.h"
#include "proto/http/segmentdevice.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHttpHeaders>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using Status = QHttpServerResponder::StatusCode;

namespace Flotilla {

namespace {
Q_LOGGING_CATEGORY(lcDdi, "flotilla.ddi", QtInfoMsg)

constexpr int MaxActionHistory = 100; // hawkBit's RepositoryConstants.MAX_ACTION_HISTORY_MSG_COUNT
const QString ServerMessagePrefix = u"Update Server: "_s;

QString errorCodeFor(Status status)
{
    switch (status) {
    case Status::BadRequest:
        return u"flotilla.ddi.badRequest"_s;
    case Status::Unauthorized:
        return u"flotilla.ddi.unauthorized"_s;
    case Status::NotFound:
        return u"flotilla.ddi.notFound"_s;
    case Status::MethodNotAllowed:
        return u"flotilla.ddi.notCanceling"_s;
    case Status::Conflict:
        return u"flotilla.ddi.conflict"_s;
    case Status::Gone:
        return u"flotilla.ddi.actionClosed"_s;
    case Status::PreconditionFailed:
        return u"flotilla.ddi.preconditionFailed"_s;
    case Status::PayloadTooLarge:
        return u"flotilla.ddi.bodyTooLarge"_s;
    case Status::RequestRangeNotSatisfiable:
        return u"flotilla.ddi.rangeNotSatisfiable"_s;
    case Status::TooManyRequests:
        return u"flotilla.ddi.quotaExceeded"_s;
    default:
        return u"flotilla.ddi.serverError"_s;
    }
}

QHttpHeaders jsonHeaders()
{
    // Built once: every DDI answer starts from it (QHttpHeaders is implicitly shared).
    static const QHttpHeaders h = [] {
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        return headers;
    }();
    return h;
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

// The cache-buster of a link: changes when what the device should do changes (soft -> forced, window opens).
QString cacheBuster(const Presentation &p)
{
    const size_t h = qHashMulti(0, p.actionId, int(p.kind), int(p.download), int(p.update),
                                p.maintenanceWindowAvailable.value_or(true));
    return QString::number(qint32(quint32(h)));
}

// An artifact as the DDI API shows it, with its links below the controller's base URL (both rels carry the
// externally visible URL: one scheme per server).
Ddi::Artifact ddiArtifact(const QString &controller, const Flotilla::Artifact &a)
{
    const QString href = controller + u"/softwaremodules/%1/artifacts/"_s.arg(a.moduleId)
        + QString::fromLatin1(QUrl::toPercentEncoding(a.filename));
    return { a.filename, a.size, a.sha1, a.md5, a.sha256, { href, href, href + u".MD5SUM"_s, href + u".MD5SUM"_s } };
}

} // namespace

struct DdiServer::Context
{
    const QHttpServerRequest &request;
    QHttpServerResponder &responder;
    DeviceTarget target;
    QString base; // externally visible scheme://host[:port]

    void send(const QByteArray &json, Status status = Status::Ok, QHttpHeaders headers = jsonHeaders())
    {
        responder.write(json, headers, status);
    }
    void fail(Status status, const QString &message)
    {
        qCDebug(lcDdi).noquote() << int(status) << request.url().path() << message;
        send(Ddi::encodeError(errorCodeFor(status), message), status);
    }
    QUrlQuery query() const { return request.query(); }
};

DdiServer::DdiServer(const Stores &stores, ArtifactStore &artifacts, const Clock &clock, DeploymentService &deployment,
                     RolloutService &rollouts, DdiSettings settings, QObject *parent)
    : QObject(parent)
    , m_session(stores.session)
    , m_configuration(stores.configuration)
    , m_targets(stores.targets)
    , m_actions(stores.actions)
    , m_repository(stores.repository)
    , m_artifacts(artifacts)
    , m_clock(clock)
    , m_settings(std::move(settings))
    , m_deployment(deployment)
    , m_rollouts(rollouts)
    , m_authenticator(m_settings.gatewayToken, m_settings.anonymous)
{
    m_pollFlush.setInterval(m_settings.pollFlushIntervalMs);
    connect(&m_pollFlush, &QTimer::timeout, this, &DdiServer::flushPolls);
}

DdiServer::~DdiServer()
{
    flushPolls();
}

void DdiServer::flushPolls()
{
    m_pollFlush.stop();
    if (m_pendingPolls.isEmpty())
        return;
    if (!m_targets.recordPolls(m_pendingPolls.values()))
        qCWarning(lcDdi).noquote() << "recording" << m_pendingPolls.size() << "polls failed:" << m_session.lastError();
    m_pendingPolls.clear();
}

const QList<DdiServer::Route> &DdiServer::routes()
{
    using M = QHttpServerRequest::Method;
    using D = DdiServer;
    static const QList<Route> table = {
        { M::Get, QString(), &D::basePoll, true },
        { M::Put, u"/configData"_s, &D::putConfigData, false },
        { M::Get, u"/deploymentBase/<arg>"_s, &D::getDeploymentBase, false },
        { M::Post, u"/deploymentBase/<arg>/feedback"_s, &D::postDeploymentFeedback, false },
        { M::Get, u"/cancelAction/<arg>"_s, &D::getCancelAction, false },
        { M::Post, u"/cancelAction/<arg>/feedback"_s, &D::postCancelFeedback, false },
        { M::Get, u"/installedBase/<arg>"_s, &D::getInstalledBase, false },
        { M::Put, u"/installedBase"_s, &D::putInstalledBase, false },
        { M::Get, u"/confirmationBase"_s, &D::getConfirmationBase, true },
        { M::Post, u"/confirmationBase/activateAutoConfirm"_s, &D::activateAutoConfirm, false },
        { M::Post, u"/confirmationBase/deactivateAutoConfirm"_s, &D::deactivateAutoConfirm, false },
        { M::Get, u"/confirmationBase/<arg>"_s, &D::getConfirmationAction, false },
        { M::Post, u"/confirmationBase/<arg>/feedback"_s, &D::postConfirmationFeedback, false },
        { M::Get, u"/softwaremodules/<arg>/artifacts"_s, &D::getModuleArtifacts, false },
        { M::Get | M::Head, u"/softwaremodules/<arg>/artifacts/<arg>"_s, &D::getArtifact, false },
    };
    return table;
}

void DdiServer::install(QHttpServer &server)
{
    const QString root = u"/<arg>/controller/v1/<arg>"_s;
    for (const Route &route : routes()) {
        const Handler handler = route.handler;
        const bool registers = route.registers;
        switch (route.path.count(u"<arg>"_s)) {
        case 0:
            server.route(root + route.path, route.methods, this,
                         [=, this](const QString &tenant, const QString &controllerId,
                                   const QHttpServerRequest &request, QHttpServerResponder &responder) {
                             dispatch(tenant, controllerId, request, responder, handler, {}, registers);
                         });
            break;
        case 1:
            server.route(root + route.path, route.methods, this,
                         [=, this](const QString &tenant, const QString &controllerId, const QString &arg,
                                   const QHttpServerRequest &request, QHttpServerResponder &responder) {
                             dispatch(tenant, controllerId, request, responder, handler, arg, registers);
                         });
            break;
        default: // the artifact: module and file, handed on as "module/file"
            server.route(
                root + route.path, route.methods, this,
                [=, this](const QString &tenant, const QString &controllerId, const QString &module,
                          const QString &file, const QHttpServerRequest &request, QHttpServerResponder &responder) {
                    dispatch(tenant, controllerId, request, responder, handler, module + u'/' + file, registers);
                });
            break;
        }
    }
}

void DdiServer::dispatch(const QString &tenant, const QString &controllerId, const QHttpServerRequest &request,
                         QHttpServerResponder &responder, Handler handler, const QString &arg, bool registers)
{
    Context ctx { request, responder, {}, {} };
    if (request.body().size() > m_settings.maxBodyBytes)
        return ctx.fail(Status::PayloadTooLarge, u"the request body exceeds %1 bytes"_s.arg(m_settings.maxBodyBytes));
    std::optional<DeviceTarget> target;
    const bool tenantKnown = tenant.compare(m_settings.tenant, Qt::CaseInsensitive) == 0;
    const bool idValid = isValidControllerId(controllerId);
    if (tenantKnown && idValid) {
        Lookup<DeviceTarget> found = m_targets.deviceTarget(controllerId);
        // Not "no such target": that would register it again, or refuse its token. The device sends again later.
        if (found.failed())
            return ctx.fail(Status::InternalServerError,
                            u"the target could not be read: %1"_s.arg(found.error().message));
        target = std::move(found).optional();
    }
    // Credentials first: an unauthenticated caller learns nothing about tenants or targets.
    const TenantConfiguration config = m_configuration.tenantConfiguration();
    const DeviceAuthenticator::Kind who
        = m_authenticator.authenticate(request.value("authorization"), target ? target->securityToken : QString(),
                                       { config.targetTokenAuth, config.gatewayTokenAuth, config.gatewayTokenKey });
    if (who == DeviceAuthenticator::Kind::Denied || !tenantKnown) {
        QHttpHeaders h = jsonHeaders();
        h.append(QHttpHeaders::WellKnownHeader::WWWAuthenticate, "TargetToken");
        return ctx.send(Ddi::encodeError(errorCodeFor(Status::Unauthorized),
                                         u"valid TargetToken or GatewayToken credentials are required"_s),
                        Status::Unauthorized, h);
    }
    if (!idValid)
        return ctx.fail(
            Status::BadRequest,
            u"controllerId must have 1 to %1 characters, none of them white space or control characters"_s.arg(
                MaxControllerIdLength));
    if (!target) {
        if (!registers)
            return ctx.fail(Status::NotFound, u"target '%1' does not exist"_s.arg(controllerId));
        // Plug and play: a gateway (or, when allowed, anonymous) poll registers an unknown target.
        Target t;
        t.controllerId = controllerId;
        t.name = controllerId;
        t.state = TargetState::Unknown;
        t.securityToken = Target::generateSecurityToken();
        t.createdAt = m_clock.now();
        t.id = m_targets.insertTarget(t);
        if (t.id == 0)
            return ctx.fail(Status::InternalServerError, u"the target could not be registered"_s);
        qCInfo(lcDdi).noquote() << "registered target" << controllerId;
        target = DeviceTarget::of(t);
    }
    ctx.target = *target;
    ctx.base = m_settings.externalUrl.baseFor(request);
    (this->*handler)(ctx, arg);
}

QString DdiServer::controllerBase(const Context &ctx) const
{
    return ctx.base + u'/' + m_settings.tenant + u"/controller/v1/"_s
        + QString::fromLatin1(QUrl::toPercentEncoding(ctx.target.controllerId));
}

void DdiServer::basePoll(Context &ctx, const QString &)
{
    DeviceTarget &t = ctx.target;
    const QDateTime now = m_clock.now();
    const QString address = ctx.request.remoteAddress().toString();
    const TargetState state = TargetStateMachine::next(t.state, TargetEvent::Polled).value_or(t.state);
    // A first poll, a new state or a new address is written at once; a poll that only moves the time is
    // batched (hawkBit's lazy poll persistence): the store's last poll lags by at most pollFlushIntervalMs.
    if (state != t.state || address != t.address || !t.lastPoll.isValid()) {
        m_pendingPolls.remove(t.id);
        if (!m_targets.recordPoll({ t.id, now, address }, state))
            return ctx.fail(Status::InternalServerError, u"the poll could not be recorded"_s);
    } else {
        m_pendingPolls.insert(t.id, { t.id, now, address });
        if (!m_pollFlush.isActive())
            m_pollFlush.start();
    }

    Q_EMIT polled(t.id, t.controllerId);
    const Result<DeploymentService::PollAnswer> answer = m_deployment.poll(t.id);
    if (!answer)
        return ctx.fail(Status::InternalServerError,
                        u"the poll could not be answered: %1"_s.arg(answer.error().message));
    const Presentation &p = answer->presentation;
    Ddi::ControllerBase base;
    base.sleepSeconds = answer->sleepSeconds;
    const QString controller = controllerBase(ctx);
    switch (p.kind) {
    case PresentationKind::DeploymentBase:
        base.links.insert(u"deploymentBase"_s,
                          controller + u"/deploymentBase/%1?c=%2"_s.arg(p.actionId).arg(cacheBuster(p)));
        break;
    case PresentationKind::CancelAction:
        // No query string: SWUpdate appends "/feedback" to this href.
        base.links.insert(u"cancelAction"_s, controller + u"/cancelAction/%1"_s.arg(p.actionId));
        break;
    case PresentationKind::ConfirmationBase:
        base.links.insert(u"confirmationBase"_s,
                          controller + u"/confirmationBase/%1?c=%2"_s.arg(p.actionId).arg(cacheBuster(p)));
        break;
    case PresentationKind::Nothing:
        break;
    }
    if (t.installedDistributionSetId) {
        const Result<qint64> installed = m_actions.installedActionId(t.id);
        if (!installed)
            return ctx.fail(Status::InternalServerError,
                            u"the poll could not be answered: %1"_s.arg(installed.error().message));
        if (*installed)
            base.links.insert(u"installedBase"_s, controller + u"/installedBase/%1"_s.arg(*installed));
    }
    if (t.requestAttributes)
        base.links.insert(u"configData"_s, controller + u"/configData"_s);

    const QByteArray body = base.encode();
    const QByteArray etag = '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex().left(20) + '"';
    QHttpHeaders headers = jsonHeaders();
    headers.append(QHttpHeaders::WellKnownHeader::ETag, etag);
    const QByteArray ifNoneMatch = ctx.request.value("if-none-match");
    if (!ifNoneMatch.isEmpty() && ifNoneMatch.split(',').contains(etag)) {
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ETag, etag);
        return ctx.responder.write(QByteArray(), h, Status::NotModified);
    }
    ctx.send(body, Status::Ok, headers);
}

void DdiServer::putConfigData(Context &ctx, const QString &)
{
    Ddi::DecodeError error;
    const std::optional<Ddi::ConfigData> config = Ddi::ConfigData::decode(ctx.request.body(), &error);
    if (!config)
        return ctx.fail(Status::BadRequest, error.message);
    for (auto it = config->data.cbegin(); it != config->data.cend(); ++it) {
        if (it.key().isEmpty() || it.key().size() > MaxAttributeKeyLength)
            return ctx.fail(
                Status::BadRequest,
                u"attribute key '%1' must have 1 to %2 characters"_s.arg(it.key()).arg(MaxAttributeKeyLength));
        if (it.value().size() > MaxAttributeValueLength)
            return ctx.fail(
                Status::BadRequest,
                u"the value of attribute '%1' exceeds %2 characters"_s.arg(it.key()).arg(MaxAttributeValueLength));
    }
    QMap<QString, QString> attributes;
    if (config->mode != Ddi::ConfigDataMode::Replace) {
        const Result<QMap<QString, QString>> stored = m_targets.targetAttributes(ctx.target.id);
        if (!stored)
            return ctx.fail(Status::InternalServerError, u"the attributes could not be read"_s);
        attributes = *stored;
    }
    for (auto it = config->data.cbegin(); it != config->data.cend(); ++it) {
        if (config->mode == Ddi::ConfigDataMode::Remove)
            attributes.remove(it.key());
        else
            attributes.insert(it.key(), it.value());
    }
    const int quota = m_configuration.tenantConfiguration().maxAttributesPerTarget;
    if (attributes.size() > quota)
        return ctx.fail(Status::TooManyRequests,
                        u"%1 attributes exceed the quota of %2 per target"_s.arg(attributes.size()).arg(quota));
    StoreTransaction tx(m_session);
    Lookup<Target> target = tx.isOpen() ? m_targets.target(ctx.target.id) : std::nullopt;
    if (target.found())
        target->requestAttributes = false;
    if (!target.found() || !m_targets.setTargetAttributes(ctx.target.id, attributes) || !m_targets.updateTarget(*target)
        || !tx.commit())
        return ctx.fail(Status::InternalServerError, u"the attributes could not be saved"_s);
    ctx.send(QByteArray());
}

std::optional<Action> DdiServer::actionOf(Context &ctx, const QString &actionId)
{
    bool ok = false;
    const qint64 id = actionId.toLongLong(&ok);
    Lookup<Action> action = ok ? m_actions.action(id) : std::nullopt;
    if (action.failed()) { // not "no such action": the device would give up feedback it should send again
        ctx.fail(Status::InternalServerError, u"the action could not be read: %1"_s.arg(action.error().message));
        return std::nullopt;
    }
    // Another target's action is as unknown as a missing one.
    if (action.absent() || action->targetId != ctx.target.id) {
        ctx.fail(Status::NotFound, u"action '%1' does not exist for this target"_s.arg(actionId));
        return std::nullopt;
    }
    return std::move(action).optional();
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
            chunk.artifacts.append(ddiArtifact(controller, a));
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

namespace {
int historyParameter(const QUrlQuery &query)
{
    bool ok = false;
    const int n = query.queryItemValue(u"actionHistory"_s).toInt(&ok);
    return ok ? n : 0;
}
} // namespace

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
    if (const std::optional<QByteArray> json = deploymentJson(ctx, *action, historyParameter(ctx.query()), false))
        ctx.send(*json);
}

void DdiServer::applyFeedback(Context &ctx, const Action &action, ActionEvent event, const QStringList &messages,
                              std::optional<int> code, Status refusedStatus)
{
    // A retried request (same body, with the device's timestamp) is applied once; without a timestamp two equal
    // bodies are two reports.
    const QByteArray body = ctx.request.body();
    QString dedupKey;
    if (body.contains("\"timestamp\"") || body.contains("\"time\""))
        dedupKey = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha1).toHex());
    const FeedbackResult result = m_deployment.feedback(ctx.target.id, action.id, event, messages, code, dedupKey);
    switch (result.outcome) {
    case FeedbackResult::Outcome::Applied:
        if (result.rolloutId != 0)
            m_rollouts.handleFeedback(result);
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

void DdiServer::postDeploymentFeedback(Context &ctx, const QString &actionId)
{
    Ddi::DecodeError error;
    const std::optional<Ddi::ActionFeedback> feedback = Ddi::ActionFeedback::decode(ctx.request.body(), &error);
    if (!feedback)
        return ctx.fail(Status::BadRequest, error.message);
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    if (action->state == ActionState::WaitForConfirmation)
        return ctx.fail(Status::NotFound, u"action %1 awaits confirmation"_s.arg(action->id));
    applyFeedback(ctx, *action, deploymentEvent(*feedback), feedback->details, feedback->code, Status::NotFound);
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
    Ddi::DecodeError error;
    const std::optional<Ddi::ActionFeedback> feedback = Ddi::ActionFeedback::decode(ctx.request.body(), &error);
    if (!feedback)
        return ctx.fail(Status::BadRequest, error.message);
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    if (action->state != ActionState::Canceling)
        return ctx.fail(Status::MethodNotAllowed,
                        u"action %1 is not being canceled (%2)"_s.arg(action->id).arg(nameOf(action->state)));
    applyFeedback(ctx, *action, cancelEvent(*feedback), feedback->details, feedback->code, Status::MethodNotAllowed);
}

void DdiServer::getInstalledBase(Context &ctx, const QString &actionId)
{
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    if (action->state != ActionState::Finished)
        return ctx.fail(Status::NotFound, u"action %1 is not a finished installation"_s.arg(action->id));
    if (const std::optional<QByteArray> json = deploymentJson(ctx, *action, historyParameter(ctx.query()), false))
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
    switch (m_deployment.declareInstalled(ctx.target.id, set->id,
                                          u"Installed by the device outside Flotilla (installedBase)"_s)) {
    case DeploymentService::DeclareInstalledResult::Created:
        return ctx.send(QByteArray(), Status::Created);
    case DeploymentService::DeclareInstalledResult::AlreadyInstalled:
        return ctx.send(QByteArray());
    default:
        return ctx.fail(Status::InternalServerError, u"the installed set could not be recorded"_s);
    }
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
    if (const std::optional<QByteArray> json = deploymentJson(ctx, *action, historyParameter(ctx.query()), true))
        ctx.send(*json);
}

void DdiServer::postConfirmationFeedback(Context &ctx, const QString &actionId)
{
    Ddi::DecodeError error;
    const std::optional<Ddi::ConfirmationFeedback> feedback
        = Ddi::ConfirmationFeedback::decode(ctx.request.body(), &error);
    if (!feedback)
        return ctx.fail(Status::BadRequest, error.message);
    const std::optional<Action> action = actionOf(ctx, actionId);
    if (!action)
        return;
    const bool confirmed = feedback->confirmation == Ddi::Confirmation::Confirmed;
    QStringList messages = feedback->details;
    messages.prepend(confirmed ? u"Confirmed by the device"_s : u"Denied by the device"_s);
    applyFeedback(ctx, *action, confirmed ? ActionEvent::Confirm : ActionEvent::Deny, messages, feedback->code,
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
    switch (m_deployment.activateAutoConfirm(ctx.target.id, initiator, body->remark)) {
    case DeploymentService::AutoConfirmResult::Activated:
        return ctx.send(QByteArray());
    case DeploymentService::AutoConfirmResult::AlreadyActive:
        return ctx.fail(Status::Conflict, u"auto-confirm is already active for this target"_s);
    default:
        return ctx.fail(Status::InternalServerError, u"auto-confirm could not be activated"_s);
    }
}

void DdiServer::deactivateAutoConfirm(Context &ctx, const QString &)
{
    if (m_deployment.deactivateAutoConfirm(ctx.target.id) != DeploymentService::AutoConfirmResult::Deactivated)
        return ctx.fail(Status::InternalServerError, u"auto-confirm could not be deactivated"_s);
    ctx.send(QByteArray());
}

void DdiServer::getModuleArtifacts(Context &ctx, const QString &moduleId)
{
    bool ok = false;
    const qint64 id = moduleId.toLongLong(&ok);
    if (!ok || !m_repository.moduleVisibleToTarget(id, ctx.target.id))
        return ctx.fail(Status::NotFound, u"software module '%1' is not assigned to this target"_s.arg(moduleId));
    const QString controller = controllerBase(ctx);
    const Result<QList<Flotilla::Artifact>> artifacts = m_repository.artifacts(id);
    if (!artifacts)
        return ctx.fail(Status::InternalServerError, u"the artifacts could not be read"_s);
    QList<Ddi::Artifact> list;
    for (const Flotilla::Artifact &a : *artifacts)
        list.append(ddiArtifact(controller, a));
    ctx.send(Ddi::encodeArtifacts(list));
}

void DdiServer::getArtifact(Context &ctx, const QString &moduleAndFile)
{
    const qsizetype slash = moduleAndFile.indexOf(u'/');
    bool ok = false;
    const qint64 moduleId = moduleAndFile.left(slash).toLongLong(&ok);
    QString filename = moduleAndFile.mid(slash + 1);
    const bool md5sum = filename.endsWith(u".MD5SUM"_s);
    if (!ok || !m_repository.moduleVisibleToTarget(moduleId, ctx.target.id))
        return ctx.fail(Status::NotFound, u"software module '%1' is not assigned to this target"_s.arg(moduleId));
    std::optional<Flotilla::Artifact> artifact;
    const Result<QList<Flotilla::Artifact>> artifacts = m_repository.artifacts(moduleId);
    if (!artifacts)
        return ctx.fail(Status::InternalServerError, u"the artifacts could not be read"_s);
    auto find = [&](const QString &name) {
        for (const Flotilla::Artifact &a : *artifacts) {
            if (a.filename == name)
                return std::optional(a);
        }
        return std::optional<Flotilla::Artifact>();
    };
    artifact = find(filename);
    if (!artifact && md5sum) {
        filename.chop(7);
        artifact = find(filename);
    } else {
        // A file really named "x.MD5SUM" is served as itself.
    }
    if (!artifact)
        return ctx.fail(Status::NotFound, u"artifact '%1' does not exist in module %2"_s.arg(filename).arg(moduleId));
    const bool head = ctx.request.method() == QHttpServerRequest::Method::Head;
    if (md5sum && artifact->filename == filename && !filename.endsWith(u".MD5SUM"_s)) {
        const QByteArray text = artifact->md5.toLatin1() + "  " + artifact->filename.toUtf8() + '\n';
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "text/plain");
        h.append(QHttpHeaders::WellKnownHeader::ContentDisposition,
                 "attachment;filename=" + QUrl::toPercentEncoding(artifact->filename) + ".MD5SUM");
        return ctx.responder.write(head ? QByteArray() : text, h, Status::Ok);
    }

    const QString path = m_artifacts.pathOf(artifact->sha256);
    const QFileInfo info(path);
    if (!info.exists())
        return ctx.fail(Status::Gone, u"the content of artifact '%1' is missing from the store"_s.arg(filename));
    const qint64 size = artifact->size;
    const QByteArray etag = '"' + artifact->sha1.toLatin1() + '"';
    const QByteArray lastModified
        = QLocale::c().toString(artifact->createdAt.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
    const QByteArray ifMatch = ctx.request.value("if-match");
    if (!ifMatch.isEmpty() && ifMatch != "*" && !ifMatch.split(',').contains(etag)
        && !ifMatch.split(',').contains(artifact->sha1.toLatin1()))
        return ctx.fail(Status::PreconditionFailed, u"If-Match does not match the artifact's SHA-1"_s);

    QHttpHeaders h;
    h.append(QHttpHeaders::WellKnownHeader::ETag, etag);
    h.append(QHttpHeaders::WellKnownHeader::AcceptRanges, "bytes");
    h.append(QHttpHeaders::WellKnownHeader::LastModified, lastModified);
    h.append(QHttpHeaders::WellKnownHeader::ContentDisposition,
             "attachment;filename=" + QUrl::toPercentEncoding(artifact->filename));
    h.append("X-Content-Type-Options", "nosniff");

    // Range applies unless If-Range names another version of the file.
    std::optional<QList<ByteRange>> ranges = parseRangeHeader(ctx.request.value("range"), size);
    const QByteArray ifRange = ctx.request.value("if-range").trimmed();
    if (ranges && !ifRange.isEmpty() && ifRange != etag && ifRange != lastModified)
        ranges.reset();

    auto *device = new SegmentDevice(path);
    device->setHeadOnly(head);
    Status status = Status::Ok;
    if (!ranges) {
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/octet-stream");
        device->appendFileRange(0, size);
        // A full download is history (and counts against the status quota); a Range request is not (#1249).
        if (!head) {
            const Result<QList<Action>> openActions = m_actions.openActions(ctx.target.id);
            if (!openActions)
                qCWarning(lcDdi).noquote() << "download history not recorded:" << openActions.error().message;
            for (const Action &open : openActions ? *openActions : QList<Action>()) {
                const Result<QList<SoftwareModule>> modules = m_repository.modulesOfSet(open.distributionSetId);
                if (!modules) {
                    qCWarning(lcDdi).noquote() << "download history not recorded:" << modules.error().message;
                    break;
                }
                if (std::any_of(modules->cbegin(), modules->cend(),
                                [&](const SoftwareModule &m) { return m.id == moduleId; })) {
                    m_deployment.feedback(ctx.target.id, open.id, ActionEvent::Download,
                                          { ServerMessagePrefix + u"Target downloads "_s + ctx.request.url().path() });
                    break;
                }
            }
        }
    } else if (ranges->isEmpty()) {
        delete device;
        QHttpHeaders e = jsonHeaders();
        e.append(QHttpHeaders::WellKnownHeader::ContentRange, "bytes */" + QByteArray::number(size));
        return ctx.send(
            Ddi::encodeError(errorCodeFor(Status::RequestRangeNotSatisfiable),
                             u"no requested range lies within the %1 bytes of '%2'"_s.arg(size).arg(filename)),
            Status::RequestRangeNotSatisfiable, e);
    } else if (ranges->size() == 1) {
        const ByteRange r = ranges->first();
        status = Status::PartialContent;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/octet-stream");
        h.append(QHttpHeaders::WellKnownHeader::ContentRange,
                 "bytes " + QByteArray::number(r.first) + '-' + QByteArray::number(r.last) + '/'
                     + QByteArray::number(size));
        device->appendFileRange(r.first, r.length());
    } else {
        static const QByteArray boundary = "THIS_STRING_SEPARATES_MULTIPART";
        status = Status::PartialContent;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "multipart/byteranges; boundary=" + boundary);
        for (const ByteRange &r : std::as_const(*ranges)) {
            device->appendBytes("\r\n--" + boundary
                                + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes "
                                + QByteArray::number(r.first) + '-' + QByteArray::number(r.last) + '/'
                                + QByteArray::number(size) + "\r\n\r\n");
            device->appendFileRange(r.first, r.length());
        }
        device->appendBytes("\r\n--" + boundary + "--\r\n");
    }
    ++m_activeTransfers;
    connect(device, &QObject::destroyed, this, [this] { --m_activeTransfers; });
    ctx.responder.write(device, h, status);
}

} // namespace Flotilla
