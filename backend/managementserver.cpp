#include "managementserver.h"

#include "ddimessages.h"
#include "multipartform.h"
#include "repositoryservice.h"
#include "rsqlcompiler.h"

#include <QBuffer>
#include <QHttpHeaders>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using Status = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

namespace Flotilla {

namespace {
Q_LOGGING_CATEGORY(lcMgmt, "flotilla.mgmt", QtInfoMsg)

constexpr int DefaultLimit = 50;
constexpr int MaxLimit = 500;
const QString Base = u"/rest/v1"_s;

QString errorCodeFor(Status status)
{
    switch (status) {
    case Status::BadRequest:
        return u"flotilla.mgmt.badRequest"_s;
    case Status::Unauthorized:
        return u"flotilla.mgmt.unauthorized"_s;
    case Status::Forbidden:
        return u"flotilla.mgmt.forbidden"_s;
    case Status::NotFound:
        return u"flotilla.mgmt.notFound"_s;
    case Status::Conflict:
        return u"flotilla.mgmt.conflict"_s;
    case Status::PayloadTooLarge:
        return u"flotilla.mgmt.tooLarge"_s;
    case Status::TooManyRequests:
        return u"flotilla.mgmt.quotaExceeded"_s;
    default:
        return u"flotilla.mgmt.serverError"_s;
    }
}

QString targetStateName(TargetState s)
{
    return nameOf(s).toLower(); // hawkBit's updateStatus spelling: in_sync, pending, ...
}

QJsonValue msOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(double(t.toMSecsSinceEpoch())) : QJsonValue();
}

QJsonObject actionJson(const Action &a)
{
    QJsonObject o { { "id"_L1, double(a.id) },
                    { "type"_L1, a.isActive() ? u"update"_s : u"update"_s },
                    { "status"_L1, a.isActive() ? u"pending"_s : u"finished"_s },
                    { "detailStatus"_L1, nameOf(a.state).toLower() },
                    { "actionType"_L1, nameOf(a.type) },
                    { "weight"_L1, a.weight },
                    { "distributionSetId"_L1, double(a.distributionSetId) },
                    { "createdAt"_L1, msOrNull(a.createdAt) },
                    { "lastModifiedAt"_L1, msOrNull(a.lastModifiedAt) },
                    { "confirmationRequired"_L1, a.confirmationRequired } };
    if (a.type == ActionType::TimeForced)
        o.insert("forceTime"_L1, msOrNull(a.forceTime));
    if (a.rolloutId)
        o.insert("rollout"_L1, double(a.rolloutId));
    if (a.maintenanceWindow)
        o.insert("maintenanceWindow"_L1,
                 QJsonObject { { "schedule"_L1, a.maintenanceWindow->schedule() },
                               { "duration"_L1, a.maintenanceWindow->duration() },
                               { "timezone"_L1, a.maintenanceWindow->timezone() } });
    return o;
}

QJsonObject groupCountsJson(const GroupCounts &c)
{
    return {
        { "total"_L1, c.total }, { "finished"_L1, c.finished }, { "error"_L1, c.error }, { "running"_L1, c.running }
    };
}
} // namespace

// One request: who asks, the path arguments, and the answer.
struct ManagementServer::Context
{
    const QHttpServerRequest &request;
    QHttpServerResponder &responder;
    QStringList args;
    Operator who;

    void send(const QJsonValue &body, Status status = Status::Ok)
    {
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        const QByteArray bytes = body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
            : body.isArray()                     ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                                 : QByteArray();
        responder.write(bytes, h, status);
    }
    void fail(Status status, const QString &message)
    {
        qCDebug(lcMgmt).noquote() << int(status) << request.url().path() << message;
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        if (status == Status::Unauthorized)
            h.append(QHttpHeaders::WellKnownHeader::WWWAuthenticate, "Basic realm=\"Flotilla\"");
        responder.write(Ddi::encodeError(errorCodeFor(status), message), h, status);
    }
    // The body as JSON; fails the request (400) and returns nullopt when it is not.
    std::optional<QJsonDocument> json()
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError) {
            fail(Status::BadRequest, u"malformed JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString()));
            return std::nullopt;
        }
        return doc;
    }
    std::optional<QJsonArray> jsonArray()
    {
        const auto doc = json();
        if (!doc)
            return std::nullopt;
        if (!doc->isArray()) {
            fail(Status::BadRequest, u"the body must be a JSON array"_s);
            return std::nullopt;
        }
        return doc->array();
    }
    std::optional<QJsonObject> jsonObject()
    {
        const auto doc = json();
        if (!doc)
            return std::nullopt;
        if (!doc->isObject()) {
            fail(Status::BadRequest, u"the body must be a JSON object"_s);
            return std::nullopt;
        }
        return doc->object();
    }
    // offset / limit (default 50, at most 500); fails with 400 on bad values.
    bool paging(int *offset, int *limit)
    {
        const QUrlQuery q = request.query();
        bool ok = true;
        *offset = q.hasQueryItem(u"offset"_s) ? q.queryItemValue(u"offset"_s).toInt(&ok) : 0;
        if (!ok || *offset < 0) {
            fail(Status::BadRequest, u"offset must be a number >= 0"_s);
            return false;
        }
        *limit = q.hasQueryItem(u"limit"_s) ? q.queryItemValue(u"limit"_s).toInt(&ok) : DefaultLimit;
        if (!ok || *limit < 1 || *limit > MaxLimit) {
            fail(Status::BadRequest, u"limit must be a number from 1 to %1"_s.arg(MaxLimit));
            return false;
        }
        return true;
    }
    std::optional<qint64> idArg(int i, const QString &what)
    {
        bool ok = false;
        const qint64 id = args.value(i).toLongLong(&ok);
        if (!ok) {
            fail(Status::NotFound, u"%1 '%2' does not exist"_s.arg(what, args.value(i)));
            return std::nullopt;
        }
        return id;
    }
};

ManagementServer::ManagementServer(SqlStore &store, ArtifactStore &artifacts, DeploymentService &deployment,
                                   RolloutService &rollouts, OperatorAccounts &accounts, qint64 maxArtifactBytes,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_artifacts(artifacts)
    , m_deployment(deployment)
    , m_rollouts(rollouts)
    , m_accounts(accounts)
    , m_maxArtifactBytes(maxArtifactBytes)
{ }

ManagementServer::~ManagementServer() = default;

const QList<ManagementServer::Route> &ManagementServer::routes()
{
    using P = Permission;
    using M = ManagementServer;
    static const QList<Route> table = {
        { Method::Post, u"/auth/token"_s, P::ReadTarget, &M::issueToken, u"Issue a bearer token for the caller"_s },
        { Method::Get, u"/users"_s, P::UserAdmin, &M::listUsers, u"List users"_s },
        { Method::Post, u"/users"_s, P::UserAdmin, &M::createUser, u"Create a user {username, password, roles}"_s },
        { Method::Get, u"/targets"_s, P::ReadTarget, &M::listTargets, u"List targets (offset, limit, sort, q)"_s },
        { Method::Post, u"/targets"_s, P::CreateTarget, &M::createTargets, u"Create targets"_s },
        { Method::Get, u"/targets/<arg>"_s, P::ReadTarget, &M::getTarget, u"One target"_s },
        { Method::Delete, u"/targets/<arg>"_s, P::DeleteTarget, &M::deleteTarget, u"Delete a target"_s },
        { Method::Get, u"/targets/<arg>/attributes"_s, P::ReadTarget, &M::getTargetAttributes,
          u"The attributes a target reported"_s },
        { Method::Get, u"/targets/<arg>/actions"_s, P::ReadTarget, &M::listTargetActions, u"A target's actions"_s },
        { Method::Get, u"/targets/<arg>/actions/<arg>"_s, P::ReadTarget, &M::getTargetAction,
          u"One action with its status history"_s },
        { Method::Delete, u"/targets/<arg>/actions/<arg>"_s, P::UpdateTarget, &M::cancelTargetAction,
          u"Cancel an action (?force=true force-quits a canceling one)"_s },
        { Method::Post, u"/targets/<arg>/assignedDS"_s, P::UpdateTarget, &M::assignToTarget,
          u"Assign a distribution set to the target"_s },
        { Method::Post, u"/softwaremoduletypes"_s, P::CreateRepository, &M::createModuleTypes,
          u"Create software module types"_s },
        { Method::Post, u"/distributionsettypes"_s, P::CreateRepository, &M::createSetTypes,
          u"Create distribution set types"_s },
        { Method::Post, u"/targettypes"_s, P::CreateTarget, &M::createTargetTypes, u"Create target types"_s },
        { Method::Get, u"/softwaremodules"_s, P::ReadRepository, &M::listModules, u"List software modules"_s },
        { Method::Post, u"/softwaremodules"_s, P::CreateRepository, &M::createModules, u"Create software modules"_s },
        { Method::Get, u"/softwaremodules/<arg>"_s, P::ReadRepository, &M::getModule,
          u"One software module with its artifacts"_s },
        { Method::Post, u"/softwaremodules/<arg>/artifacts"_s, P::CreateRepository, &M::uploadArtifact,
          u"Upload an artifact (multipart: file, filename, md5sum, sha1sum, sha256sum)"_s },
        { Method::Get, u"/distributionsets"_s, P::ReadRepository, &M::listSets, u"List distribution sets"_s },
        { Method::Post, u"/distributionsets"_s, P::CreateRepository, &M::createSets, u"Create distribution sets"_s },
        { Method::Get, u"/distributionsets/<arg>"_s, P::ReadRepository, &M::getSet, u"One distribution set"_s },
        { Method::Post, u"/distributionsets/<arg>/assignedSM"_s, P::UpdateRepository, &M::assignModulesToSet,
          u"Add software modules to a set"_s },
        { Method::Post, u"/distributionsets/<arg>/assignedTargets"_s, P::UpdateTarget, &M::assignTargetsToSet,
          u"Assign the set to targets"_s },
        { Method::Get, u"/rollouts"_s, P::ReadRollout, &M::listRollouts, u"List rollouts"_s },
        { Method::Post, u"/rollouts"_s, P::CreateRollout, &M::createRollout, u"Create a rollout"_s },
        { Method::Get, u"/rollouts/<arg>"_s, P::ReadRollout, &M::getRollout, u"One rollout"_s },
        { Method::Get, u"/rollouts/<arg>/deploygroups"_s, P::ReadRollout, &M::listGroups,
          u"A rollout's groups with counts by status"_s },
        { Method::Post, u"/rollouts/<arg>/<arg>"_s, P::HandleRollout, &M::rolloutCommand,
          u"start, pause, resume, stop (HANDLE_ROLLOUT); approve, deny (APPROVE_ROLLOUT)"_s },
        { Method::Get, u"/system/configs"_s, P::TenantConfiguration, &M::getConfigs, u"The tenant configuration"_s },
    };
    return table;
}

QJsonObject ManagementServer::openApi()
{
    QJsonObject paths;
    for (const Route &r : routes()) {
        // <arg> -> {id}, {id2}: OpenAPI path templates.
        QString path = Base + r.path;
        const bool rolloutCommand = r.handler == &ManagementServer::rolloutCommand;
        for (int n = 1; path.contains(u"<arg>"_s); ++n)
            path.replace(path.indexOf(u"<arg>"_s), 5,
                         rolloutCommand && n == 2 ? u"{command}"_s
                             : n == 1             ? u"{id}"_s
                                                  : u"{id%1}"_s.arg(n));
        QJsonArray parameters;
        for (const QString &name : { u"id"_s, u"id2"_s, u"command"_s }) {
            if (path.contains(u'{' + name + u'}'))
                parameters.append(QJsonObject { { "name"_L1, name },
                                                { "in"_L1, u"path"_s },
                                                { "required"_L1, true },
                                                { "schema"_L1, QJsonObject { { "type"_L1, u"string"_s } } } });
        }
        if (r.method == Method::Get && !path.endsWith(u'}')) {
            for (const QString &name : { u"offset"_s, u"limit"_s, u"sort"_s, u"q"_s })
                parameters.append(QJsonObject { { "name"_L1, name },
                                                { "in"_L1, u"query"_s },
                                                { "schema"_L1, QJsonObject { { "type"_L1, u"string"_s } } } });
        }
        const QJsonObject error {
            { "description"_L1, u"error: {errorCode, message}"_s },
            { "content"_L1,
              QJsonObject { { "application/json"_L1,
                              QJsonObject { { "schema"_L1,
                                              QJsonObject { { "$ref"_L1, u"#/components/schemas/Error"_s } } } } } } }
        };
        QJsonObject operation { { "summary"_L1, r.summary },
                                { "description"_L1, u"Requires %1."_s.arg(nameOf(r.permission)) },
                                { "parameters"_L1, parameters },
                                { "responses"_L1,
                                  QJsonObject { { "200"_L1, QJsonObject { { "description"_L1, u"OK"_s } } },
                                                { "400"_L1, error },
                                                { "401"_L1, error },
                                                { "403"_L1, error },
                                                { "404"_L1, error } } } };
        const QString method = r.method == Method::Get ? u"get"_s
            : r.method == Method::Post                 ? u"post"_s
            : r.method == Method::Put                  ? u"put"_s
                                                       : u"delete"_s;
        QJsonObject item = paths.value(path).toObject();
        item.insert(method, operation);
        paths.insert(path, item);
    }
    paths.insert(
        Base + u"/events"_s,
        QJsonObject { { "get"_L1,
                        QJsonObject { { "summary"_L1, u"WebSocket of live events (?since=<seq> replays)"_s },
                                      { "responses"_L1,
                                        QJsonObject { { "101"_L1,
                                                        QJsonObject { { "description"_L1,
                                                                        u"Switching protocols"_s } } } } } } } });
    return {
        { "openapi"_L1, u"3.0.3"_s },
        { "info"_L1, QJsonObject { { "title"_L1, u"Flotilla Management API"_s }, { "version"_L1, u"v1"_s } } },
        { "paths"_L1, paths },
        { "components"_L1,
          QJsonObject {
              { "securitySchemes"_L1,
                QJsonObject {
                    { "basic"_L1, QJsonObject { { "type"_L1, u"http"_s }, { "scheme"_L1, u"basic"_s } } },
                    { "bearer"_L1, QJsonObject { { "type"_L1, u"http"_s }, { "scheme"_L1, u"bearer"_s } } } } },
              { "schemas"_L1,
                QJsonObject {
                    { "Error"_L1,
                      QJsonObject {
                          { "type"_L1, u"object"_s },
                          { "properties"_L1,
                            QJsonObject { { "errorCode"_L1, QJsonObject { { "type"_L1, u"string"_s } } },
                                          { "message"_L1, QJsonObject { { "type"_L1, u"string"_s } } } } } } } } } } },
        { "security"_L1,
          QJsonArray { QJsonObject { { "basic"_L1, QJsonArray() } }, QJsonObject { { "bearer"_L1, QJsonArray() } } } },
    };
}

void ManagementServer::install(QHttpServer &server)
{
    for (const Route &route : routes()) {
        const int args = int(route.path.count(u"<arg>"_s));
        const QString pattern = Base + route.path;
        const Permission permission = route.permission;
        const Handler handler = route.handler;
        if (args == 0)
            server.route(pattern, route.method, this, [=, this](const QHttpServerRequest &r, QHttpServerResponder &w) {
                handle(r, w, permission, handler, {});
            });
        else if (args == 1)
            server.route(pattern, route.method, this,
                         [=, this](const QString &a, const QHttpServerRequest &r, QHttpServerResponder &w) {
                             handle(r, w, permission, handler, { a });
                         });
        else
            server.route(pattern, route.method, this,
                         [=, this](const QString &a, const QString &b, const QHttpServerRequest &r,
                                   QHttpServerResponder &w) { handle(r, w, permission, handler, { a, b }); });
    }
    // The API describes itself (no credentials needed to read the description).
    server.route(Base + u"/openapi.json"_s, Method::Get, this, [](const QHttpServerRequest &, QHttpServerResponder &w) {
        w.write(QJsonDocument(openApi()), QHttpServerResponder::StatusCode::Ok);
    });
}

void ManagementServer::handle(const QHttpServerRequest &request, QHttpServerResponder &responder, Permission permission,
                              Handler handler, QStringList args)
{
    Context ctx { request, responder, std::move(args), {} };
    const std::optional<Operator> who = m_accounts.authenticate(request.value("authorization"));
    if (!who)
        return ctx.fail(Status::Unauthorized, u"valid Basic or Bearer credentials are required"_s);
    ctx.who = *who;
    // Approving is its own permission; every other rollout command needs HANDLE_ROLLOUT.
    const QString command = ctx.args.value(1);
    if (handler == &ManagementServer::rolloutCommand && (command == u"approve"_s || command == u"deny"_s))
        permission = Permission::ApproveRollout;
    if (!who->can(permission))
        return ctx.fail(Status::Forbidden, u"%1 lacks the permission %2"_s.arg(who->name, nameOf(permission)));
    (this->*handler)(ctx);
}

void ManagementServer::issueToken(Context &ctx)
{
    const auto token = m_accounts.issueToken(ctx.who, 8 * 3600);
    if (!token)
        return ctx.fail(Status::InternalServerError, m_accounts.error());
    ctx.send(
        QJsonObject { { "token"_L1, token->first }, { "expiresAt"_L1, double(token->second.toMSecsSinceEpoch()) } },
        Status::Created);
}

void ManagementServer::listUsers(Context &ctx)
{
    QJsonArray list;
    for (const Operator &op : m_accounts.users())
        list.append(QJsonObject { { "id"_L1, double(op.id) },
                                  { "username"_L1, op.name },
                                  { "roles"_L1, QJsonArray::fromStringList(op.roles) } });
    ctx.send(QJsonObject { { "content"_L1, list }, { "total"_L1, list.size() }, { "size"_L1, list.size() } });
}

void ManagementServer::createUser(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    QStringList roles;
    for (const QJsonValue &r : body->value("roles"_L1).toArray())
        roles << r.toString();
    if (!m_accounts.createUser(body->value("username"_L1).toString(), body->value("password"_L1).toString(), roles))
        return ctx.fail(m_accounts.error().contains(u"exists"_s) ? Status::Conflict : Status::BadRequest,
                        m_accounts.error());
    ctx.send(QJsonObject { { "username"_L1, body->value("username"_L1) }, { "roles"_L1, body->value("roles"_L1) } },
             Status::Created);
}

namespace {
QJsonObject targetJson(const Target &t, bool withToken)
{
    QJsonObject o { { "controllerId"_L1, t.controllerId },
                    { "name"_L1, t.name },
                    { "description"_L1, t.description },
                    { "updateStatus"_L1, targetStateName(t.state) },
                    { "lastControllerRequestAt"_L1, msOrNull(t.lastPoll) },
                    { "address"_L1, t.address },
                    { "createdAt"_L1, msOrNull(t.createdAt) },
                    { "requestAttributes"_L1, t.requestAttributes },
                    { "autoConfirmActive"_L1, t.autoConfirm },
                    { "installedDistributionSetId"_L1,
                      t.installedDistributionSetId ? QJsonValue(double(t.installedDistributionSetId)) : QJsonValue() },
                    { "assignedDistributionSetId"_L1,
                      t.assignedDistributionSetId ? QJsonValue(double(t.assignedDistributionSetId)) : QJsonValue() } };
    if (!t.targetTypeKey.isEmpty())
        o.insert("targetType"_L1, t.targetTypeKey);
    if (withToken)
        o.insert("securityToken"_L1, t.securityToken);
    return o;
}

// sort=field:ASC,field2:DESC over the targets' own columns (never user text in the SQL).
std::optional<QString> targetOrder(const QString &sort, QString *error)
{
    static const QHash<QString, QString> columns = {
        { u"controllerid"_s, u"t.controller_id"_s }, { u"name"_s, u"t.name"_s },
        { u"createdat"_s, u"t.created_at"_s },       { u"lastcontrollerrequestat"_s, u"t.last_poll"_s },
        { u"updatestatus"_s, u"t.state"_s },         { u"id"_s, u"t.id"_s },
    };
    if (sort.isEmpty())
        return u"t.id"_s;
    QStringList order;
    for (const QString &item : sort.split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u':');
        const QString column = columns.value(parts.at(0).trimmed().toLower());
        const QString direction = parts.value(1, u"ASC"_s).trimmed().toUpper();
        if (column.isEmpty() || parts.size() > 2 || (direction != u"ASC"_s && direction != u"DESC"_s)) {
            *error = u"cannot sort by '%1'; fields: controllerId, name, createdAt, lastControllerRequestAt, "
                     "updateStatus with :ASC or :DESC"_s.arg(item);
            return std::nullopt;
        }
        order << column + u' ' + direction;
    }
    order << u"t.id"_s;
    return order.join(u", "_s);
}
} // namespace

void ManagementServer::listTargets(Context &ctx)
{
    int offset = 0;
    int limit = 0;
    if (!ctx.paging(&offset, &limit))
        return;
    const QUrlQuery query = ctx.request.query();
    SqlCondition condition;
    if (const QString q = query.queryItemValue(u"q"_s, QUrl::FullyDecoded); !q.isEmpty()) {
        const auto compiled = RsqlCompiler::targets(q);
        if (const auto *error = std::get_if<Rsql::ParseError>(&compiled))
            return ctx.fail(Status::BadRequest, u"q: "_s + error->toString());
        condition = std::get<SqlCondition>(compiled);
    }
    QString error;
    const std::optional<QString> order = targetOrder(query.queryItemValue(u"sort"_s), &error);
    if (!order)
        return ctx.fail(Status::BadRequest, error);
    const bool tokens = ctx.who.can(Permission::ReadTargetSecurityToken);
    QJsonArray content;
    for (const Target &t : m_store.targetsWhere(condition.sql, condition.binds, *order, offset, limit))
        content.append(targetJson(t, tokens));
    ctx.send(QJsonObject { { "content"_L1, content },
                           { "total"_L1, m_store.countTargetsWhere(condition.sql, condition.binds) },
                           { "size"_L1, content.size() } });
}

void ManagementServer::createTargets(Context &ctx)
{
    const auto items = ctx.jsonArray();
    if (!items)
        return;
    QList<Target> created;
    // Validate everything first: a bad entry creates nothing.
    for (int i = 0; i < items->size(); ++i) {
        const QJsonObject o = items->at(i).toObject();
        Target t;
        t.controllerId = o.value("controllerId"_L1).toString();
        if (t.controllerId.isEmpty() || t.controllerId.size() > MaxControllerIdLength)
            return ctx.fail(Status::BadRequest,
                            u"[%1].controllerId is required (1 to %2 characters)"_s.arg(i).arg(MaxControllerIdLength));
        if (m_store.targetByControllerId(t.controllerId))
            return ctx.fail(Status::Conflict, u"target '%1' exists"_s.arg(t.controllerId));
        t.name = o.value("name"_L1).toString(t.controllerId);
        t.description = o.value("description"_L1).toString();
        t.targetTypeKey = o.value("targetType"_L1).toString();
        if (!t.targetTypeKey.isEmpty() && !m_store.targetType(t.targetTypeKey))
            return ctx.fail(Status::NotFound, u"[%1].targetType '%2' does not exist"_s.arg(i).arg(t.targetTypeKey));
        t.securityToken = o.value("securityToken"_L1).toString();
        if (t.securityToken.isEmpty())
            t.securityToken = Target::generateSecurityToken();
        t.state = TargetState::Unknown; // pre-commissioned until its first poll
        t.createdAt = QDateTime::currentDateTimeUtc();
        created.append(t);
    }
    StoreTransaction tx(m_store);
    QJsonArray out;
    for (Target &t : created) {
        t.id = m_store.insertTarget(t);
        if (t.id == 0)
            return ctx.fail(Status::InternalServerError, m_store.lastError());
        out.append(targetJson(t, ctx.who.can(Permission::ReadTargetSecurityToken)));
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(out, Status::Created);
}

void ManagementServer::getTarget(Context &ctx)
{
    const std::optional<Target> t = m_store.targetByControllerId(ctx.args.value(0));
    if (!t)
        return ctx.fail(Status::NotFound, u"target '%1' does not exist"_s.arg(ctx.args.value(0)));
    ctx.send(targetJson(*t, ctx.who.can(Permission::ReadTargetSecurityToken)));
}

void ManagementServer::deleteTarget(Context &ctx)
{
    const std::optional<Target> t = m_store.targetByControllerId(ctx.args.value(0));
    if (!t)
        return ctx.fail(Status::NotFound, u"target '%1' does not exist"_s.arg(ctx.args.value(0)));
    if (!m_store.deleteTarget(t->id))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(QJsonValue());
}

void ManagementServer::getTargetAttributes(Context &ctx)
{
    const std::optional<Target> t = m_store.targetByControllerId(ctx.args.value(0));
    if (!t)
        return ctx.fail(Status::NotFound, u"target '%1' does not exist"_s.arg(ctx.args.value(0)));
    QJsonObject o;
    const QMap<QString, QString> attributes = m_store.targetAttributes(t->id);
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        o.insert(it.key(), it.value());
    ctx.send(o);
}

void ManagementServer::listTargetActions(Context &ctx)
{
    int offset = 0;
    int limit = 0;
    const std::optional<Target> t = m_store.targetByControllerId(ctx.args.value(0));
    if (!t)
        return ctx.fail(Status::NotFound, u"target '%1' does not exist"_s.arg(ctx.args.value(0)));
    if (!ctx.paging(&offset, &limit))
        return;
    QJsonArray content;
    for (const Action &a : m_store.actionsOfTarget(t->id, offset, limit))
        content.append(actionJson(a));
    ctx.send(QJsonObject {
        { "content"_L1, content }, { "total"_L1, m_store.countActions(t->id) }, { "size"_L1, content.size() } });
}

void ManagementServer::getTargetAction(Context &ctx)
{
    const std::optional<Target> t = m_store.targetByControllerId(ctx.args.value(0));
    const auto id = ctx.idArg(1, u"action"_s);
    if (!id)
        return;
    const std::optional<Action> a = m_store.action(*id);
    if (!t || !a || a->targetId != t->id)
        return ctx.fail(Status::NotFound, u"action %1 of target '%2' does not exist"_s.arg(*id).arg(ctx.args.value(0)));
    QJsonObject o = actionJson(*a);
    QJsonArray history;
    for (const ActionStatusEntry &e : m_store.statusHistory(a->id, 0, 1000))
        history.append(QJsonObject { { "type"_L1, nameOf(e.status).toLower() },
                                     { "reportedAt"_L1, msOrNull(e.at) },
                                     { "messages"_L1, QJsonArray::fromStringList(e.messages) },
                                     { "code"_L1, e.code ? QJsonValue(*e.code) : QJsonValue() } });
    o.insert("status_history"_L1, history);
    ctx.send(o);
}

void ManagementServer::cancelTargetAction(Context &ctx)
{
    const std::optional<Target> t = m_store.targetByControllerId(ctx.args.value(0));
    const auto id = ctx.idArg(1, u"action"_s);
    if (!id)
        return;
    const std::optional<Action> a = m_store.action(*id);
    if (!t || !a || a->targetId != t->id)
        return ctx.fail(Status::NotFound, u"action %1 of target '%2' does not exist"_s.arg(*id).arg(ctx.args.value(0)));
    const bool force = ctx.request.query().queryItemValue(u"force"_s) == u"true"_s;
    if (force) {
        const FeedbackResult r = m_deployment.feedback(t->id, a->id, ActionEvent::ForceQuit,
                                                       { u"Update Server: force-quit by %1"_s.arg(ctx.who.name) });
        if (r.outcome != FeedbackResult::Outcome::Applied)
            return ctx.fail(Status::Conflict, r.message);
        return ctx.send(QJsonValue(), Status::NoContent);
    }
    if (!a->isActive() || a->state == ActionState::Canceling)
        return ctx.fail(Status::Conflict, u"action %1 is %2 and cannot be canceled"_s.arg(a->id).arg(nameOf(a->state)));
    if (!m_deployment.cancel(*a, u"Update Server: canceled by %1"_s.arg(ctx.who.name)))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::assign(Context &ctx, qint64 setId, const QJsonArray &items)
{
    // hawkBit groups the body by request parameters; each distinct set of parameters is one assignment.
    QJsonArray actions;
    int assigned = 0;
    int already = 0;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const std::optional<Target> t = m_store.targetByControllerId(o.value("id"_L1).toString());
        if (!t)
            return ctx.fail(Status::NotFound,
                            u"[%1].id: target '%2' does not exist"_s.arg(i).arg(o.value("id"_L1).toString()));
        AssignmentRequest request;
        const QString type = o.value("type"_L1).toString(u"forced"_s);
        const std::optional<ActionType> actionType = actionTypeFromString(type);
        if (!actionType)
            return ctx.fail(Status::BadRequest,
                            u"[%1].type '%2' is not one of forced, soft, timeforced, downloadonly"_s.arg(i).arg(type));
        request.type = *actionType;
        if (request.type == ActionType::TimeForced) {
            if (!o.value("forcetime"_L1).isDouble())
                return ctx.fail(Status::BadRequest, u"[%1].forcetime (ms) is required for timeforced"_s.arg(i));
            request.forceTime
                = QDateTime::fromMSecsSinceEpoch(qint64(o.value("forcetime"_L1).toDouble()), QTimeZone::UTC);
        }
        request.weight = o.value("weight"_L1).toInt(DefaultWeight);
        request.confirmationRequired = o.value("confirmationRequired"_L1).toBool(false);
        request.initiator = ctx.who.name;
        if (const QJsonObject mw = o.value("maintenanceWindow"_L1).toObject(); !mw.isEmpty()) {
            ScheduleError why;
            request.maintenanceWindow
                = MaintenanceSchedule::create(mw.value("schedule"_L1).toString(), mw.value("duration"_L1).toString(),
                                              mw.value("timezone"_L1).toString(), &why);
            if (!request.maintenanceWindow)
                return ctx.fail(Status::BadRequest,
                                u"[%1].maintenanceWindow.%2: %3"_s.arg(i).arg(why.field, why.message));
        }
        const AssignmentResult r = m_deployment.assign({ t->id }, setId, request);
        switch (r.error) {
        case AssignmentResult::Error::None:
            break;
        case AssignmentResult::Error::UnknownDistributionSet:
        case AssignmentResult::Error::UnknownTarget:
            return ctx.fail(Status::NotFound, r.message);
        case AssignmentResult::Error::Quota:
            return ctx.fail(Status::TooManyRequests, r.message);
        case AssignmentResult::Error::Store:
            return ctx.fail(Status::InternalServerError, r.message);
        default:
            return ctx.fail(Status::BadRequest, u"[%1]: %2"_s.arg(i).arg(r.message));
        }
        assigned += r.assigned;
        already += r.alreadyAssigned;
        for (qint64 id : r.actionIds)
            actions.append(QJsonObject { { "id"_L1, double(id) }, { "controllerId"_L1, t->controllerId } });
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(QJsonObject { { "assigned"_L1, assigned },
                           { "alreadyAssigned"_L1, already },
                           { "total"_L1, items.size() },
                           { "assignedActions"_L1, actions } });
}

void ManagementServer::assignToTarget(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    QJsonObject item = *body;
    item.insert("id"_L1, ctx.args.value(0));
    assign(ctx, qint64(body->value("id"_L1).toDouble()), QJsonArray { item });
}

void ManagementServer::createModuleTypes(Context &ctx)
{
    const auto items = ctx.jsonArray();
    if (!items)
        return;
    QJsonArray out;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const QJsonObject o = items->at(i).toObject();
        SoftwareModuleType type { 0, o.value("key"_L1).toString(), o.value("name"_L1).toString(),
                                  o.value("maxAssignments"_L1).toInt(1) };
        if (type.key.isEmpty() || type.name.isEmpty() || type.maxAssignments < 1)
            return ctx.fail(Status::BadRequest, u"[%1]: key and name are required, maxAssignments >= 1"_s.arg(i));
        if (m_store.softwareModuleType(type.key))
            return ctx.fail(Status::Conflict, u"software module type '%1' exists"_s.arg(type.key));
        type.id = m_store.insertSoftwareModuleType(type);
        if (!type.id)
            return ctx.fail(Status::InternalServerError, m_store.lastError());
        out.append(QJsonObject { { "id"_L1, double(type.id) },
                                 { "key"_L1, type.key },
                                 { "name"_L1, type.name },
                                 { "maxAssignments"_L1, type.maxAssignments } });
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(out, Status::Created);
}

namespace {
QStringList keysOf(const QJsonValue &list)
{
    QStringList keys;
    for (const QJsonValue &v : list.toArray())
        keys << (v.isObject() ? v.toObject().value("key"_L1).toString() : v.toString());
    return keys;
}
} // namespace

void ManagementServer::createSetTypes(Context &ctx)
{
    const auto items = ctx.jsonArray();
    if (!items)
        return;
    QJsonArray out;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const QJsonObject o = items->at(i).toObject();
        DistributionSetType type { 0, o.value("key"_L1).toString(), o.value("name"_L1).toString(),
                                   keysOf(o.value("mandatorymodules"_L1)), keysOf(o.value("optionalmodules"_L1)) };
        if (type.key.isEmpty() || type.name.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: key and name are required"_s.arg(i));
        for (const QString &m : type.mandatoryModuleTypes + type.optionalModuleTypes) {
            if (!m_store.softwareModuleType(m))
                return ctx.fail(Status::NotFound, u"[%1]: software module type '%2' does not exist"_s.arg(i).arg(m));
        }
        if (m_store.distributionSetType(type.key))
            return ctx.fail(Status::Conflict, u"distribution set type '%1' exists"_s.arg(type.key));
        type.id = m_store.insertDistributionSetType(type);
        if (!type.id)
            return ctx.fail(Status::InternalServerError, m_store.lastError());
        out.append(QJsonObject { { "id"_L1, double(type.id) },
                                 { "key"_L1, type.key },
                                 { "name"_L1, type.name },
                                 { "mandatorymodules"_L1, QJsonArray::fromStringList(type.mandatoryModuleTypes) },
                                 { "optionalmodules"_L1, QJsonArray::fromStringList(type.optionalModuleTypes) } });
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(out, Status::Created);
}

void ManagementServer::createTargetTypes(Context &ctx)
{
    const auto items = ctx.jsonArray();
    if (!items)
        return;
    QJsonArray out;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const QJsonObject o = items->at(i).toObject();
        TargetType type { 0, o.value("key"_L1).toString(), o.value("name"_L1).toString(),
                          keysOf(o.value("compatibledistributionsettypes"_L1)) };
        if (type.key.isEmpty() || type.name.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: key and name are required"_s.arg(i));
        if (m_store.targetType(type.key))
            return ctx.fail(Status::Conflict, u"target type '%1' exists"_s.arg(type.key));
        type.id = m_store.insertTargetType(type);
        if (!type.id)
            return ctx.fail(Status::InternalServerError, m_store.lastError());
        out.append(QJsonObject { { "id"_L1, double(type.id) }, { "key"_L1, type.key }, { "name"_L1, type.name } });
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(out, Status::Created);
}

namespace {
QJsonObject moduleJson(const SoftwareModule &m, const QList<Artifact> &artifacts)
{
    QJsonArray list;
    for (const Artifact &a : artifacts)
        list.append(QJsonObject {
            { "id"_L1, double(a.id) },
            { "providedFilename"_L1, a.filename },
            { "size"_L1, double(a.size) },
            { "hashes"_L1, QJsonObject { { "sha1"_L1, a.sha1 }, { "md5"_L1, a.md5 }, { "sha256"_L1, a.sha256 } } } });
    return { { "id"_L1, double(m.id) },       { "type"_L1, m.typeKey },  { "name"_L1, m.name },
             { "version"_L1, m.version },     { "vendor"_L1, m.vendor }, { "description"_L1, m.description },
             { "encrypted"_L1, m.encrypted }, { "artifacts"_L1, list } };
}
} // namespace

void ManagementServer::listModules(Context &ctx)
{
    int offset = 0;
    int limit = 0;
    if (!ctx.paging(&offset, &limit))
        return;
    QJsonArray content;
    for (const SoftwareModule &m : m_store.softwareModules(offset, limit))
        content.append(moduleJson(m, m_store.artifacts(m.id)));
    ctx.send(QJsonObject { { "content"_L1, content },
                           { "total"_L1, m_store.countRows(u"software_modules"_s) },
                           { "size"_L1, content.size() } });
}

void ManagementServer::createModules(Context &ctx)
{
    const auto items = ctx.jsonArray();
    if (!items)
        return;
    QJsonArray out;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const QJsonObject o = items->at(i).toObject();
        SoftwareModule m { 0,
                           o.value("type"_L1).toString(),
                           o.value("name"_L1).toString(),
                           o.value("version"_L1).toString(),
                           o.value("vendor"_L1).toString(),
                           o.value("description"_L1).toString(),
                           o.value("encrypted"_L1).toBool(false) };
        if (m.typeKey.isEmpty() || m.name.isEmpty() || m.version.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: type, name and version are required"_s.arg(i));
        if (!m_store.softwareModuleType(m.typeKey))
            return ctx.fail(Status::NotFound,
                            u"[%1].type: software module type '%2' does not exist"_s.arg(i).arg(m.typeKey));
        m.id = m_store.insertSoftwareModule(m);
        if (!m.id)
            return ctx.fail(Status::Conflict,
                            u"[%1]: %2 %3 of type %4 exists"_s.arg(i).arg(m.name, m.version, m.typeKey));
        out.append(moduleJson(m, {}));
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(out, Status::Created);
}

void ManagementServer::getModule(Context &ctx)
{
    const auto id = ctx.idArg(0, u"software module"_s);
    if (!id)
        return;
    const std::optional<SoftwareModule> m = m_store.softwareModule(*id);
    if (!m)
        return ctx.fail(Status::NotFound, u"software module %1 does not exist"_s.arg(*id));
    ctx.send(moduleJson(*m, m_store.artifacts(m->id)));
}

void ManagementServer::uploadArtifact(Context &ctx)
{
    const auto id = ctx.idArg(0, u"software module"_s);
    if (!id)
        return;
    if (!m_store.softwareModule(*id))
        return ctx.fail(Status::NotFound, u"software module %1 does not exist"_s.arg(*id));
    const auto parts = parseMultipartForm(ctx.request.value("content-type"), ctx.request.body());
    if (!parts)
        return ctx.fail(Status::BadRequest, u"the body must be multipart/form-data with a 'file' part"_s);
    const FormPart *file = nullptr;
    QHash<QString, QString> fields;
    for (const FormPart &p : *parts) {
        if (p.name == u"file"_s)
            file = &p;
        else
            fields.insert(p.name, QString::fromUtf8(p.data).trimmed());
    }
    if (!file)
        return ctx.fail(Status::BadRequest, u"the form has no 'file' part"_s);
    const QString filename = fields.value(u"filename"_s, file->filename);
    if (filename.isEmpty() || filename.contains(u'/'))
        return ctx.fail(Status::BadRequest, u"the artifact needs a file name without '/'"_s);
    for (const Artifact &a : m_store.artifacts(*id)) {
        if (a.filename == filename)
            return ctx.fail(Status::Conflict, u"module %1 already has an artifact '%2'"_s.arg(*id).arg(filename));
    }
    QByteArray bytes = file->data.toByteArray();
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    ArtifactStore::AddError error = ArtifactStore::AddError::None;
    const auto stored = m_artifacts.add(
        buffer, { fields.value(u"sha1sum"_s), fields.value(u"md5sum"_s), fields.value(u"sha256sum"_s) },
        m_maxArtifactBytes, &error);
    if (!stored)
        return ctx.fail(error == ArtifactStore::AddError::TooLarge           ? Status::PayloadTooLarge
                            : error == ArtifactStore::AddError::HashMismatch ? Status::BadRequest
                                                                             : Status::InternalServerError,
                        m_artifacts.errorString());
    Artifact a { 0,
                 *id,
                 filename,
                 stored->size,
                 stored->hashes.sha1,
                 stored->hashes.md5,
                 stored->hashes.sha256,
                 QDateTime::currentDateTimeUtc() };
    a.id = m_store.insertArtifact(a);
    if (!a.id)
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(QJsonObject { { "id"_L1, double(a.id) },
                           { "providedFilename"_L1, a.filename },
                           { "size"_L1, double(a.size) },
                           { "hashes"_L1,
                             QJsonObject { { "sha1"_L1, a.sha1 }, { "md5"_L1, a.md5 }, { "sha256"_L1, a.sha256 } } } },
             Status::Created);
}

namespace {
QJsonObject setJson(const DistributionSet &s, const QList<SoftwareModule> &modules, bool complete)
{
    QJsonArray list;
    for (const SoftwareModule &m : modules)
        list.append(QJsonObject {
            { "id"_L1, double(m.id) }, { "type"_L1, m.typeKey }, { "name"_L1, m.name }, { "version"_L1, m.version } });
    return { { "id"_L1, double(s.id) },
             { "name"_L1, s.name },
             { "version"_L1, s.version },
             { "type"_L1, s.typeKey },
             { "requiredMigrationStep"_L1, s.requiredMigrationStep },
             { "locked"_L1, s.locked },
             { "complete"_L1, complete },
             { "modules"_L1, list } };
}
} // namespace

void ManagementServer::listSets(Context &ctx)
{
    int offset = 0;
    int limit = 0;
    if (!ctx.paging(&offset, &limit))
        return;
    QJsonArray content;
    RepositoryService repository(m_store);
    for (const DistributionSet &s : m_store.distributionSets(offset, limit))
        content.append(setJson(s, m_store.modulesOfSet(s.id), repository.missingModuleTypes(s.id).isEmpty()));
    ctx.send(QJsonObject { { "content"_L1, content },
                           { "total"_L1, m_store.countRows(u"distribution_sets"_s) },
                           { "size"_L1, content.size() } });
}

void ManagementServer::createSets(Context &ctx)
{
    const auto items = ctx.jsonArray();
    if (!items)
        return;
    QJsonArray out;
    StoreTransaction tx(m_store);
    RepositoryService repository(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const QJsonObject o = items->at(i).toObject();
        DistributionSet s { 0,
                            o.value("name"_L1).toString(),
                            o.value("version"_L1).toString(),
                            o.value("type"_L1).toString(),
                            o.value("requiredMigrationStep"_L1).toBool(false),
                            false };
        if (s.name.isEmpty() || s.version.isEmpty() || s.typeKey.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: name, version and type are required"_s.arg(i));
        if (!m_store.distributionSetType(s.typeKey))
            return ctx.fail(Status::NotFound,
                            u"[%1].type: distribution set type '%2' does not exist"_s.arg(i).arg(s.typeKey));
        if (m_store.distributionSetByNameVersion(s.name, s.version))
            return ctx.fail(Status::Conflict, u"[%1]: distribution set %2 %3 exists"_s.arg(i).arg(s.name, s.version));
        s.id = m_store.insertDistributionSet(s);
        if (!s.id)
            return ctx.fail(Status::InternalServerError, m_store.lastError());
        for (const QJsonValue &m : o.value("modules"_L1).toArray()) {
            const RepositoryService::Result r
                = repository.addModuleToSet(s.id, qint64(m.toObject().value("id"_L1).toDouble()));
            if (!r.ok())
                return ctx.fail(r.error == RepositoryService::Error::UnknownModule ? Status::NotFound
                                                                                   : Status::BadRequest,
                                u"[%1].modules: %2"_s.arg(i).arg(r.message));
        }
        out.append(setJson(s, m_store.modulesOfSet(s.id), repository.missingModuleTypes(s.id).isEmpty()));
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(out, Status::Created);
}

void ManagementServer::getSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    if (!id)
        return;
    const std::optional<DistributionSet> s = m_store.distributionSet(*id);
    if (!s)
        return ctx.fail(Status::NotFound, u"distribution set %1 does not exist"_s.arg(*id));
    ctx.send(setJson(*s, m_store.modulesOfSet(s->id), RepositoryService(m_store).missingModuleTypes(s->id).isEmpty()));
}

void ManagementServer::assignModulesToSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    const auto items = id ? ctx.jsonArray() : std::nullopt;
    if (!items)
        return;
    StoreTransaction tx(m_store);
    RepositoryService repository(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const RepositoryService::Result r
            = repository.addModuleToSet(*id, qint64(items->at(i).toObject().value("id"_L1).toDouble()));
        if (!r.ok())
            return ctx.fail(r.error == RepositoryService::Error::UnknownModule
                                    || r.error == RepositoryService::Error::UnknownSet
                                ? Status::NotFound
                                : r.error == RepositoryService::Error::Locked ? Status::Conflict
                                                                              : Status::BadRequest,
                            u"[%1]: %2"_s.arg(i).arg(r.message));
    }
    if (!tx.commit())
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::assignTargetsToSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    const auto items = id ? ctx.jsonArray() : std::nullopt;
    if (!items)
        return;
    assign(ctx, *id, *items);
}

namespace {
QJsonObject rolloutJson(const Rollout &r, const QList<RolloutGroup> &groups)
{
    return { { "id"_L1, double(r.id) },
             { "name"_L1, r.name },
             { "description"_L1, r.description },
             { "targetFilterQuery"_L1, r.targetFilterQuery },
             { "distributionSetId"_L1, double(r.distributionSetId) },
             { "status"_L1, nameOf(r.state).toLower() },
             { "type"_L1, nameOf(r.type) },
             { "weight"_L1, r.weight },
             { "dynamic"_L1, r.dynamic },
             { "confirmationRequired"_L1, r.confirmationRequired },
             { "startAt"_L1, msOrNull(r.startAt) },
             { "createdAt"_L1, msOrNull(r.createdAt) },
             { "totalGroups"_L1, groups.size() } };
}

std::optional<int> percentOf(const QJsonObject &o, QLatin1StringView key, int fallback)
{
    const QJsonValue v = o.value(key).toObject().value("expression"_L1);
    if (v.isUndefined())
        return fallback;
    bool ok = false;
    const int pct = v.toString().toInt(&ok);
    if (!ok || pct < 0 || pct > 100)
        return std::nullopt;
    return pct;
}
} // namespace

void ManagementServer::listRollouts(Context &ctx)
{
    int offset = 0;
    int limit = 0;
    if (!ctx.paging(&offset, &limit))
        return;
    QJsonArray content;
    for (const Rollout &r : m_store.rollouts(offset, limit))
        content.append(rolloutJson(r, m_store.rolloutGroups(r.id)));
    ctx.send(QJsonObject {
        { "content"_L1, content }, { "total"_L1, m_store.countRows(u"rollouts"_s) }, { "size"_L1, content.size() } });
}

void ManagementServer::createRollout(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    RolloutRequest request;
    Rollout &r = request.rollout;
    r.name = body->value("name"_L1).toString();
    r.description = body->value("description"_L1).toString();
    r.targetFilterQuery = body->value("targetFilterQuery"_L1).toString();
    r.distributionSetId = qint64(body->value("distributionSetId"_L1).toDouble());
    if (r.name.isEmpty() || r.targetFilterQuery.isEmpty() || r.distributionSetId <= 0)
        return ctx.fail(Status::BadRequest, u"name, targetFilterQuery and distributionSetId are required"_s);
    const QString type = body->value("type"_L1).toString(u"forced"_s);
    const std::optional<ActionType> actionType = actionTypeFromString(type);
    if (!actionType)
        return ctx.fail(Status::BadRequest,
                        u"type '%1' is not one of forced, soft, timeforced, downloadonly"_s.arg(type));
    r.type = *actionType;
    if (body->value("forcetime"_L1).isDouble())
        r.forceTime = QDateTime::fromMSecsSinceEpoch(qint64(body->value("forcetime"_L1).toDouble()), QTimeZone::UTC);
    if (body->value("startAt"_L1).isDouble())
        r.startAt = QDateTime::fromMSecsSinceEpoch(qint64(body->value("startAt"_L1).toDouble()), QTimeZone::UTC);
    r.weight = body->value("weight"_L1).toInt(DefaultWeight);
    r.confirmationRequired = body->value("confirmationRequired"_L1).toBool(false);
    r.dynamic = body->value("dynamic"_L1).toBool(false);
    request.approvalRequired = body->value("approvalRequired"_L1).toBool(false);
    const auto success = percentOf(*body, "successCondition"_L1, 100);
    const auto error = percentOf(*body, "errorCondition"_L1, 100);
    if (!success || !error)
        return ctx.fail(Status::BadRequest,
                        u"successCondition/errorCondition expression must be a percentage 0..100"_s);
    request.conditions.successThresholdPercent = *success;
    request.conditions.errorThresholdPercent = *error;
    const QString successAction
        = body->value("successAction"_L1).toObject().value("action"_L1).toString(u"NEXTGROUP"_s);
    if (successAction != u"NEXTGROUP"_s && successAction != u"PAUSE"_s)
        return ctx.fail(Status::BadRequest, u"successAction.action is NEXTGROUP or PAUSE"_s);
    request.conditions.successAction = successAction == u"PAUSE"_s ? SuccessAction::Pause : SuccessAction::NextGroup;
    if (body->contains("groups"_L1)) {
        for (const QJsonValue &g : body->value("groups"_L1).toArray()) {
            const QJsonObject o = g.toObject();
            const double pct = o.value("targetPercentage"_L1).toDouble(-1);
            if (pct <= 0 || pct > 100)
                return ctx.fail(Status::BadRequest, u"groups[].targetPercentage must be in (0, 100]"_s);
            request.percentages << pct;
            GroupConditions c = request.conditions;
            const auto gs = percentOf(o, "successCondition"_L1, c.successThresholdPercent);
            const auto ge = percentOf(o, "errorCondition"_L1, c.errorThresholdPercent);
            if (!gs || !ge)
                return ctx.fail(Status::BadRequest, u"groups[] conditions must be percentages 0..100"_s);
            c.successThresholdPercent = *gs;
            c.errorThresholdPercent = *ge;
            request.groupConditions << c;
        }
    } else {
        request.amountGroups = body->value("amountGroups"_L1).toInt(0);
        if (request.amountGroups < 1)
            return ctx.fail(Status::BadRequest, u"give amountGroups (>= 1) or groups[]"_s);
    }
    const qint64 id = m_rollouts.create(request);
    if (!id) {
        const QString why = m_rollouts.lastError();
        return ctx.fail(why.contains(u"does not exist"_s) ? Status::NotFound
                            : why.contains(u"quota"_s)    ? Status::TooManyRequests
                                                          : Status::BadRequest,
                        why);
    }
    ctx.send(rolloutJson(*m_store.rollout(id), m_store.rolloutGroups(id)), Status::Created);
}

void ManagementServer::getRollout(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    if (!id)
        return;
    const std::optional<Rollout> r = m_store.rollout(*id);
    if (!r)
        return ctx.fail(Status::NotFound, u"rollout %1 does not exist"_s.arg(*id));
    ctx.send(rolloutJson(*r, m_store.rolloutGroups(r->id)));
}

void ManagementServer::listGroups(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    if (!id)
        return;
    if (!m_store.rollout(*id))
        return ctx.fail(Status::NotFound, u"rollout %1 does not exist"_s.arg(*id));
    QJsonArray content;
    for (const RolloutGroup &g : m_store.rolloutGroups(*id))
        content.append(
            QJsonObject { { "id"_L1, double(g.id) },
                          { "name"_L1, g.name },
                          { "status"_L1, nameOf(g.state).toLower() },
                          { "totalTargets"_L1, g.targetCount },
                          { "successCondition"_L1, g.conditions.successThresholdPercent },
                          { "errorCondition"_L1, g.conditions.errorThresholdPercent },
                          { "totalTargetsPerStatus"_L1, groupCountsJson(m_store.rolloutGroupCounts(g.id)) } });
    ctx.send(QJsonObject { { "content"_L1, content }, { "total"_L1, content.size() }, { "size"_L1, content.size() } });
}

void ManagementServer::rolloutCommand(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    if (!id)
        return;
    if (!m_store.rollout(*id))
        return ctx.fail(Status::NotFound, u"rollout %1 does not exist"_s.arg(*id));
    const QString command = ctx.args.value(1);
    bool ok = false;
    if (command == u"start"_s)
        ok = m_rollouts.start(*id);
    else if (command == u"pause"_s)
        ok = m_rollouts.pause(*id);
    else if (command == u"resume"_s)
        ok = m_rollouts.resume(*id);
    else if (command == u"approve"_s)
        ok = m_rollouts.approve(*id);
    else if (command == u"deny"_s)
        ok = m_rollouts.deny(*id);
    else if (command == u"stop"_s)
        ok = m_rollouts.stop(*id);
    else
        return ctx.fail(Status::NotFound,
                        u"no rollout command '%1'; commands are start, pause, resume, approve, deny, "
                        "stop"_s.arg(command));
    if (!ok)
        return ctx.fail(Status::Conflict, m_rollouts.lastError());
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::getConfigs(Context &ctx)
{
    const TenantConfiguration c = m_store.tenantConfiguration();
    auto entry = [](const QJsonValue &v) {
        return QJsonObject { { "value"_L1, v } };
    };
    ctx.send(QJsonObject {
        { "repository.actions.autoclose.enabled"_L1, entry(c.autoClose) },
        { "user.confirmation.flow.enabled"_L1, entry(c.consentFlow) },
        { "multi.assignments.enabled"_L1, entry(c.multiAssignment) },
        { "pollingTime"_L1, entry(Ddi::formatSleep(c.pollingSecs)) },
        { "pollingOverdueTime"_L1, entry(Ddi::formatSleep(c.pollingOverdueSecs)) },
        { "minPollingTime"_L1, entry(Ddi::formatSleep(c.minPollingSecs)) },
        { "maintenanceWindowPollCount"_L1, entry(c.maintenanceWindowPollCount) },
    });
}

} // namespace Flotilla
