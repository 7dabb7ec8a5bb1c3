#include "backend/ddiserver.h"
#include "backend/ddiserver_p.h"

#include "backend/backendlogging.h"
#include "backend/httpmethod.h"
#include "backend/registrationbudget.h"
#include "backend/servermetrics.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QHttpServer>

using namespace Qt::StringLiterals;
using namespace Flotilla::DdiDetail;

namespace Flotilla {

Q_LOGGING_CATEGORY(lcDdi, "flotilla.ddi", QtInfoMsg)

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
    for (const QString &pattern : std::as_const(m_settings.gatewayTargets))
        m_gatewayTargets.append(QRegularExpression(
            QRegularExpression::wildcardToRegularExpression(pattern, QRegularExpression::NonPathWildcardConversion)));
    m_groupDeadline.setSingleShot(true);
    m_groupDeadline.setTimerType(Qt::PreciseTimer);
    m_groupDeadline.setInterval(2);
    connect(&m_groupDeadline, &QTimer::timeout, this, &DdiServer::closeGroup);
    m_pollFlush.setInterval(m_settings.pollFlushIntervalMs);
    connect(&m_pollFlush, &QTimer::timeout, this, &DdiServer::flushPolls);
}

DdiServer::~DdiServer()
{
    disconnect(m_idle);
    closeGroup();
    flushPolls();
}

void DdiServer::flushPolls()
{
    m_pollFlush.stop();
    if (m_pendingPolls.isEmpty())
        return;
    if (const Result<void> recorded = m_targets.recordPolls(m_pendingPolls.values()); !recorded)
        qCWarning(lcDdi).noquote() << "recording" << m_pendingPolls.size()
                                   << "polls failed:" << recorded.error().message;
    m_pendingPolls.clear();
}

const QList<DdiServer::Route> &DdiServer::routes()
{
    using M = QHttpServerRequest::Method;
    using D = DdiServer;
    static const QList<Route> table = {
        { .methods = M::Get, .path = QString(), .handler = &D::basePoll, .registers = true, .readsOpenActions = true },
        { M::Put, u"/configData"_s, &D::putConfigData, false },
        { M::Get, u"/deploymentBase/<arg>"_s, &D::getDeploymentBase, false },
        { M::Post, u"/deploymentBase/<arg>/feedback"_s, &D::postDeploymentFeedback, false, true },
        { M::Get, u"/cancelAction/<arg>"_s, &D::getCancelAction, false },
        { M::Post, u"/cancelAction/<arg>/feedback"_s, &D::postCancelFeedback, false, true },
        { M::Get, u"/installedBase/<arg>"_s, &D::getInstalledBase, false },
        { M::Put, u"/installedBase"_s, &D::putInstalledBase, false },
        { M::Get, u"/confirmationBase"_s, &D::getConfirmationBase, true },
        { M::Post, u"/confirmationBase/activateAutoConfirm"_s, &D::activateAutoConfirm, false },
        { M::Post, u"/confirmationBase/deactivateAutoConfirm"_s, &D::deactivateAutoConfirm, false },
        { M::Get, u"/confirmationBase/<arg>"_s, &D::getConfirmationAction, false },
        { M::Post, u"/confirmationBase/<arg>/feedback"_s, &D::postConfirmationFeedback, false, true },
        { M::Get, u"/softwaremodules/<arg>/artifacts"_s, &D::getModuleArtifacts, false },
        { M::Get | M::Head, u"/softwaremodules/<arg>/artifacts/<arg>"_s, &D::getArtifact, false },
    };
    return table;
}

void DdiServer::install(QHttpServer &server)
{
    const QString root = u"/<arg>/controller/v1/<arg>"_s;
    for (const Route &r : routes()) {
        const Route *route = &r; // routes() is static: the pointer stays valid
        switch (r.path.count(u"<arg>"_s)) {
        case 0:
            server.route(root + r.path, r.methods, this,
                         [=, this](const QString &tenant, const QString &controllerId,
                                   const QHttpServerRequest &request, QHttpServerResponder &responder) {
                             dispatch(tenant, controllerId, request, responder, *route, {});
                         });
            break;
        case 1:
            server.route(root + r.path, r.methods, this,
                         [=, this](const QString &tenant, const QString &controllerId, const QString &arg,
                                   const QHttpServerRequest &request, QHttpServerResponder &responder) {
                             dispatch(tenant, controllerId, request, responder, *route, arg);
                         });
            break;
        default: // the artifact: module and file, handed on as "module/file"
            server.route(root + r.path, r.methods, this,
                         [=, this](const QString &tenant, const QString &controllerId, const QString &module,
                                   const QString &file, const QHttpServerRequest &request,
                                   QHttpServerResponder &responder) {
                             dispatch(tenant, controllerId, request, responder, *route, module + u'/' + file);
                         });
            break;
        }
    }
}

const QString &DdiServer::templateOf(const Route &route)
{
    // "/{tenant}/controller/v1/{controllerId}/deploymentBase/{actionId}": each <arg> named by the segment before it.
    static const QHash<const Route *, QString> templates = [] {
        QHash<const Route *, QString> out;
        for (const Route &r : routes()) {
            QStringList segments = r.path.split(u'/');
            for (qsizetype i = 1; i < segments.size(); ++i) {
                if (segments[i] != u"<arg>"_s)
                    continue;
                segments[i] = segments[i - 1] == u"softwaremodules"_s ? u"{moduleId}"_s
                    : segments[i - 1] == u"artifacts"_s               ? u"{filename}"_s
                                                                      : u"{actionId}"_s;
            }
            out.insert(&r, u"/{tenant}/controller/v1/{controllerId}"_s + segments.join(u'/'));
        }
        return out;
    }();
    return *templates.constFind(&route);
}

void DdiServer::dispatch(const QString &tenant, const QString &controllerId, const QHttpServerRequest &request,
                         QHttpServerResponder &responder, const Route &route, const QString &arg)
{
    QElapsedTimer timer;
    timer.start();
    // Anything but feedback sees, and writes after, what the open group did: committed first. (A poll that writes
    // joins the group itself: joinGroup.)
    if (!route.groups)
        closeGroup();
    Context ctx { request, responder }; // the rest as the struct initialises it
    if (route.groups)
        joinGroup(ctx);
    serve(ctx, tenant, controllerId, route, arg);
    if (ctx.held && ctx.kept) {
        m_held.push_back({ std::move(responder), std::move(ctx.kept->body), std::move(ctx.kept->headers),
                           Status(ctx.answered), templateOf(route), httpMethodName(request.method()),
                           timer.nsecsElapsed() });
        // A bound on what waits for one commit (and on how long the other threads' writers wait on SQLite).
        constexpr size_t MaxGroup = 256;
        if (m_held.size() >= MaxGroup)
            closeGroup();
        return;
    }
    if (m_metrics)
        m_metrics->recordRequest("ddi"_L1, templateOf(route), httpMethodName(request.method()), ctx.answered,
                                 timer.nsecsElapsed());
}

void DdiServer::joinGroup(Context &ctx)
{
    if (!ctx.held && ctx.answered == 0)
        ctx.held = openGroup();
}

bool DdiServer::openGroup()
{
    if (m_groupOpen)
        return true;
    if (!m_idle) {
        // Closed when this thread has nothing more to handle: under load, every feedback read in one turn of the
        // event loop waits for one commit; alone, a feedback is committed as soon as it is handled.
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(thread());
        if (!dispatcher)
            return false;
        m_idle = connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &DdiServer::closeGroup,
                         Qt::DirectConnection);
    }
    if (const Result<void> begun = m_session.beginGroup(); !begun) {
        qCWarning(lcDdi).noquote() << "feedback is committed one by one:" << begun.error().message;
        return false;
    }
    m_groupOpen = true;
    m_groupDeadline.start();
    return true;
}

void DdiServer::closeGroup()
{
    if (!std::exchange(m_groupOpen, false))
        return;
    m_groupDeadline.stop();
    const Result<void> committed = m_session.endGroup();
    if (!committed)
        qCWarning(lcDdi).noquote() << m_held.size()
                                   << "feedback requests were not stored:" << committed.error().message;
    for (Held &h : std::exchange(m_held, {})) {
        // Not committed: what was to be a success is an error the device sends again on (a refusal stays one).
        if (!committed && int(h.status) < 400) {
            h.status = Status::InternalServerError;
            h.body = Ddi::encodeError(errorCodeFor(h.status),
                                      u"the feedback could not be stored: %1"_s.arg(committed.error().message));
            h.headers = jsonHeaders();
        }
        h.responder.write(h.body, h.headers, h.status);
        if (m_metrics)
            m_metrics->recordRequest("ddi"_L1, h.route, h.method, int(h.status), h.nanoseconds);
    }
}

void DdiServer::serve(Context &ctx, const QString &tenant, const QString &controllerId, const Route &route,
                      const QString &arg)
{
    const QHttpServerRequest &request = ctx.request;
    if (request.body().size() > m_settings.maxBodyBytes)
        return ctx.fail(Status::PayloadTooLarge, u"the request body exceeds %1 bytes"_s.arg(m_settings.maxBodyBytes));
    std::optional<DeviceTarget> target;
    const bool tenantKnown = tenant.compare(m_settings.tenant, Qt::CaseInsensitive) == 0;
    const bool idValid = isValidControllerId(controllerId);
    if (tenantKnown && idValid) {
        // A feedback reads its action, and a poll the open actions, with the target: one statement on SQL.
        Lookup<DeviceTarget> found = route.groups ? targetWithAction(ctx, controllerId, arg)
            : route.readsOpenActions              ? targetWithOpenActions(ctx, controllerId)
                                                  : m_targets.deviceTarget(controllerId);
        // Not "no such target": that would register it again, or refuse its token. The device sends again later.
        if (found.failed())
            return ctx.fail(Status::InternalServerError,
                            (route.groups ? u"the target or its action could not be read: %1"_s
                                 : route.readsOpenActions
                                 ? u"the target could not be read (with its open actions): %1"_s
                                 : u"the target could not be read: %1"_s)
                                .arg(found.error().message));
        target = std::move(found).optional();
    }
    // Credentials first: an unauthenticated caller learns nothing about tenants or targets.
    const TenantConfiguration config = m_configuration.tenantConfiguration();
    const DeviceAuthenticator::Kind who
        = m_authenticator.authenticate(request.value("authorization"), target ? target->securityToken : QString(),
                                       { config.targetTokenAuth, config.gatewayTokenAuth, config.gatewayTokenKey });
    // A gateway token outside its targets is no credential for this one: the same 401, nothing learnt.
    const bool gatewayOutOfScope = who == DeviceAuthenticator::Kind::Gateway && !gatewayMayActFor(controllerId);
    if (who == DeviceAuthenticator::Kind::Denied || !tenantKnown || gatewayOutOfScope) {
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
        if (!route.registers || !m_settings.registerTargets)
            return ctx.fail(Status::NotFound, u"target '%1' does not exist"_s.arg(controllerId));
        if (m_settings.registrations) {
            // One monotonic clock for every thread sharing the budget.
            const RegistrationBudget::Decision d = m_settings.registrations->take(steadyMs());
            if (!d.allowed) {
                // Once per burst: a flood of made-up devices must not also flood the log.
                if (d.firstRefusal)
                    qCWarning(lcDdi).noquote() << "refusing to register new targets (first:" << controllerId
                                               << "): more than" << m_settings.registrations->perMinute()
                                               << "a minute; logged again after the next registration";
                QHttpHeaders h = jsonHeaders();
                h.append(QHttpHeaders::WellKnownHeader::RetryAfter, QByteArray::number(d.retryAfterSecs));
                return ctx.send(
                    Ddi::encodeError(errorCodeFor(Status::TooManyRequests),
                                     u"too many new targets a minute; try again in %1 s"_s.arg(d.retryAfterSecs)),
                    Status::TooManyRequests, h);
            }
        }
        // Plug and play: a gateway (or, when allowed, anonymous) poll registers an unknown target.
        Target t;
        t.controllerId = controllerId;
        t.name = controllerId;
        t.state = TargetState::Unknown;
        t.securityToken = Target::generateSecurityToken();
        t.createdAt = m_clock.now();
        const Result<qint64> id = m_targets.insertTarget(t);
        if (!id) {
            qCWarning(lcDdi).noquote() << "registering target" << controllerId << "failed:" << id.error().message;
            return ctx.fail(Status::InternalServerError, u"the target could not be registered"_s);
        }
        t.id = *id;
        qCInfo(lcDdi).noquote() << "registered target" << controllerId;
        target = DeviceTarget::of(t);
    }
    ctx.target = *target;
    ctx.base = m_settings.externalUrl.baseFor(request);
    (this->*route.handler)(ctx, arg);
}

Lookup<DeviceTarget> DdiServer::targetWithAction(Context &ctx, const QString &controllerId, const QString &actionId)
{
    bool ok = false;
    const qint64 id = actionId.toLongLong(&ok);
    Lookup<DeviceTargetAndAction> read = m_actions.deviceTargetAndAction(m_targets, controllerId, ok ? id : 0);
    if (read.failed())
        return read.error();
    if (read.absent())
        return std::nullopt;
    ctx.readAction = Context::ReadAction { std::move(read->action) };
    return std::move(read->target);
}

Lookup<DeviceTarget> DdiServer::targetWithOpenActions(Context &ctx, const QString &controllerId)
{
    Lookup<DeviceTargetAndOpenActions> read = m_actions.deviceTargetAndOpenActions(m_targets, controllerId);
    if (read.failed())
        return read.error();
    if (read.absent())
        return std::nullopt;
    ctx.openActions = std::move(read->open);
    return std::move(read->target);
}

bool DdiServer::gatewayMayActFor(const QString &controllerId) const
{
    if (m_gatewayTargets.isEmpty())
        return true;
    return std::any_of(m_gatewayTargets.cbegin(), m_gatewayTargets.cend(),
                       [&](const QRegularExpression &pattern) { return pattern.match(controllerId).hasMatch(); });
}

QString DdiServer::controllerBase(const Context &ctx) const
{
    return ctx.base + u'/' + m_settings.tenant + u"/controller/v1/"_s
        + QString::fromLatin1(QUrl::toPercentEncoding(ctx.target.controllerId));
}

} // namespace Flotilla
