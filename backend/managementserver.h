#pragma once

#include "backend/externalurl.h"

#include "backend/artifactstore.h"
#include "backend/operatoraccounts.h"
#include "backend/sqlstore.h"
#include "engine/rolloutservice.h"

#include <QObject>

#include <QHttpServerRequest>
#include <QJsonObject>

class QHttpServer;
class QHttpServerResponder;

namespace Flotilla {

class ServerMetrics;

namespace Mgmt {
struct MgmtAction;
struct MgmtAudit;
struct MgmtAutoAssignmentRequestBody;
struct MgmtDistributionSet;
struct MgmtRolloutResponseBody;
struct MgmtSoftwareModule;
struct MgmtTarget;
struct MgmtTargetAssignmentRequestBody;
} // namespace Mgmt

// hawkBit's Management API v1 under /rest/v1, for the console, scripts and other tools: targets, types,
// software modules with artifact upload, distribution sets, assignments, rollouts, actions, tenant
// configuration, users and bearer tokens. Every request is authenticated (Basic or Bearer) and checked against
// the operator's permissions; errors are JSON in the shape the DDI side uses.
class ManagementServer : public QObject
{
    Q_OBJECT
public:
    ManagementServer(SqlStore &store, ArtifactStore &artifacts, DeploymentService &deployment, RolloutService &rollouts,
                     OperatorAccounts &accounts, qint64 maxArtifactBytes, QObject *parent = nullptr);
    ~ManagementServer() override;

    void install(QHttpServer &server);
    // The tenant /userinfo names (the DDI's tenant; hawkBit's DEFAULT unless configured).
    void setTenant(const QString &tenant) { m_tenant = tenant; }
    // Where operators reach this server (as the DDI's links): every _links href is absolute, as hawkBit's are.
    void setExternalUrl(const ExternalUrl &url) { m_externalUrl = url; }
    // Where each request's route, status and duration are counted (none: not counted).
    void setMetrics(ServerMetrics *metrics) { m_metrics = metrics; }

    struct Context;
    using Handler = void (ManagementServer::*)(Context &ctx);

    // Every route the API serves, as the OpenAPI document at /rest/v1/openapi.json lists it.
    struct Route
    {
        QHttpServerRequest::Method method;
        QString path; // below /rest/v1, with <arg> for path parameters
        Permission permission;
        Handler handler;
        QString summary;
    };
    static const QList<Route> &routes();
    static QJsonObject openApi();
    // A route's path as OpenAPI and the metrics name it: "/rest/v1/targets/{id}".
    static const QString &templateOf(const Route &route);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder, const Route &route,
                QStringList args);
    // A request that changes something (mgmtauditlog.cpp): the handler runs in one store transaction with its
    // audit entry, and its answer is sent only after the commit.
    void serve(Context &ctx, const Route &route); // authentication, permission, then the handler
    void handleChange(Context &ctx, const Route &route);
    QByteArray stateBefore(Context &ctx, const Route &route); // what the route's GET twin answers, or empty
    void listAudit(Context &ctx); // GET /audit
    static bool changes(const Route &route); // written to the audit trail

    void issueToken(Context &ctx);
    void userInfo(Context &ctx);
    void listUsers(Context &ctx);
    void createUser(Context &ctx);
    void listTargets(Context &ctx);
    void createTargets(Context &ctx);
    void getTarget(Context &ctx);
    void deleteTarget(Context &ctx);
    void getTargetAttributes(Context &ctx);
    void listTargetActions(Context &ctx);
    void getTargetAction(Context &ctx);
    void cancelTargetAction(Context &ctx);
    void assignToTarget(Context &ctx);
    void createModuleTypes(Context &ctx);
    void createSetTypes(Context &ctx);
    void createTargetTypes(Context &ctx);
    void listModules(Context &ctx);
    void createModules(Context &ctx);
    void getModule(Context &ctx);
    void uploadArtifact(Context &ctx);
    void listSets(Context &ctx);
    void createSets(Context &ctx);
    void getSet(Context &ctx);
    void assignModulesToSet(Context &ctx);
    void assignTargetsToSet(Context &ctx);
    void listRollouts(Context &ctx);
    void createRollout(Context &ctx);
    // A rollout's body (POST /rollouts) as the engine's request; fails ctx (400) and returns nullopt on a bad one.
    std::optional<RolloutRequest> rolloutRequestOf(Context &ctx, const QJsonObject &body);
    void forecastRollout(Context &ctx); // Flotilla: POST /rollouts/forecast
    void getRollout(Context &ctx);
    void rolloutCommand(Context &ctx);
    void listGroups(Context &ctx);
    void getGroup(Context &ctx);
    Result<Mgmt::MgmtRolloutResponseBody> rolloutOf(const Rollout &r); // with its groups' totals
    void getConfigs(Context &ctx);
    void getConfig(Context &ctx);
    void setConfig(Context &ctx);
    void setConfigs(Context &ctx);
    void deleteConfig(Context &ctx);
    void updateTarget(Context &ctx);
    void getTargetSet(Context &ctx); // assignedDS or installedDS
    void getAutoConfirm(Context &ctx);
    void setAutoConfirm(Context &ctx);
    void getActionStatus(Context &ctx);
    void updateAction(Context &ctx);
    void confirmAction(Context &ctx);
    void listModuleTypes(Context &ctx);
    void listSetTypes(Context &ctx);
    void getModuleType(Context &ctx);
    void getSetType(Context &ctx);
    void listSetTypeModuleTypes(Context &ctx); // mandatorymoduletypes or optionalmoduletypes
    // A type named by its id (hawkBit) or its key (Flotilla's first form).
    Lookup<SoftwareModuleType> moduleTypeByIdOrKey(const QString &idOrKey);
    Lookup<DistributionSetType> setTypeByIdOrKey(const QString &idOrKey);
    void listTargetTypes(Context &ctx);
    Lookup<TargetType> targetTypeByIdOrKey(const QString &idOrKey);
    void getTargetType(Context &ctx);
    void updateType(Context &ctx); // PUT on any of the three kinds of type
    void getSetTypeModuleType(Context &ctx);
    void changeSetTypeModuleTypes(Context &ctx); // POST adds, DELETE removes a mandatory/optional module type
    void listCompatibleSetTypes(Context &ctx);
    void changeCompatibleSetTypes(Context &ctx); // POST adds, DELETE removes set types a target type takes
    void listArtifacts(Context &ctx);
    void downloadArtifact(Context &ctx);
    void deleteArtifact(Context &ctx);
    void listSetTargets(Context &ctx);
    void deleteRollout(Context &ctx);
    void listGroupTargets(Context &ctx);
    void listRolloutActions(Context &ctx);
    void listActions(Context &ctx);
    void deleteActions(Context &ctx);
    void deleteModule(Context &ctx);
    void deleteSet(Context &ctx);
    void deleteType(Context &ctx);
    void updateUser(Context &ctx);
    void deleteUser(Context &ctx);

    // Target and distribution set tags (mgmttags.cpp); the kind follows from the path.
    void listTags(Context &ctx);
    void createTags(Context &ctx);
    void getTag(Context &ctx);
    void updateTag(Context &ctx);
    void deleteTag(Context &ctx);
    void listTagMembers(Context &ctx);
    void tagMembers(Context &ctx); // POST tags, DELETE untags a list
    void tagMember(Context &ctx); // POST tags, DELETE untags one (args[1])
    void listMemberTags(Context &ctx); // a target's or set's tags
    // The id of a target (by controllerId) or set (by id) a tag request names; absent when there is none.
    Lookup<qint64> tagMemberOf(Context &ctx, const QString &member);

    // hawkBit's /autoassignments (mgmtautoassignments.cpp).
    QJsonObject autoAssignmentOut(const AutoAssignment &a); // with its set's name and the audit fields
    std::optional<AutoAssignment> autoAssignmentOf(Context &ctx); // args[0]; fails 404
    std::optional<Mgmt::MgmtAutoAssignmentRequestBody> autoAssignmentBody(Context &ctx); // fails 400
    bool readAutoAssignmentName(Context &ctx, const Mgmt::MgmtAutoAssignmentRequestBody &body, AutoAssignment *a,
                                bool create);
    void listAutoAssignments(Context &ctx);
    void createAutoAssignment(Context &ctx);
    void getAutoAssignment(Context &ctx);
    void updateAutoAssignment(Context &ctx);
    void autoAssignmentCommand(Context &ctx); // approve, deny, start, pause, resume
    void deleteAutoAssignment(Context &ctx);

    // Target groups (mgmttargetgroups.cpp).
    std::optional<QString> targetGroupOf(Context &ctx, bool fromPath); // args[0] or ?group=; fails 400
    void listTargetGroups(Context &ctx);
    void listTargetsInGroup(Context &ctx);
    void setTargetsGroup(Context &ctx); // PUT puts targets in a group, DELETE takes them out

    // Target filters and their auto-assignments (mgmtfilters.cpp).
    void listFilters(Context &ctx);
    void createFilter(Context &ctx);
    void getFilter(Context &ctx);
    void updateFilter(Context &ctx);
    void deleteFilter(Context &ctx);
    void getFilterSet(Context &ctx);
    void setFilterSet(Context &ctx);
    void deleteFilterSet(Context &ctx);
    bool readFilter(Context &ctx, const QJsonObject &body, TargetFilter *filter, bool create);
    std::optional<TargetFilter> filterOf(Context &ctx); // args[0]; fails 404

    // The target of args[0]; fails the request (404) and returns nullopt.
    std::optional<Target> targetOf(Context &ctx);
    // The target of args[0] and one of its actions (args[1]); fails the request (404) and returns nullopt.
    std::optional<std::pair<Target, Action>> targetAction(Context &ctx);

    void assign(Context &ctx, qint64 setId, const QList<Mgmt::MgmtTargetAssignmentRequestBody> &items);
    // A create request's items (decoded by the caller), all in one transaction: create(i) stores the i-th and
    // returns its JSON, or fails the request and returns nullopt (then nothing is kept). The created entities, or
    // nullopt when the request failed.
    std::optional<QJsonArray> createEach(Context &ctx, qsizetype count,
                                         const std::function<std::optional<QJsonObject>(int)> &create);
    // A set as the API shows it, with its modules and whether it is complete (before setsOut).
    // A set as the API shows it (its modules, whether it is complete); a Failure when the store could not say.
    Result<Mgmt::MgmtDistributionSet> setOf(const DistributionSet &set);
    // Removes an artifact's content once no artifact row refers to it (content-addressed files are shared).
    void removeUnreferencedContent(const QString &sha256);

    // hawkBit's audit fields (mgmtaudit.cpp): kind is "target", "softwaremodule", "distributionset", "rollout",
    // "targettag", "softwaremoduletype", "distributionsettype" or "targettype".
    void recordCreated(Context &ctx, const QString &kind, const QJsonValue &created); // objects with "id"
    void recordModified(Context &ctx, const QString &kind, qint64 id);
    void forget(const QString &kind, qint64 id);
    // The entities as the API answers them, with MgmtBaseEntity's audit fields (their audit and createdAt) read for
    // all of them in one query; T is a wire type with id, audit and createdAt (managementserver_p.h).
    template<typename T> QJsonArray withAudit(const QString &kind, QList<T> items);
    template<typename T> QJsonObject withAudit(const QString &kind, const T &item);
    QHash<qint64, SqlAuditTrail::AuditRow> auditRows(const QString &kind, const QList<qint64> &ids);
    static void fillAudit(const QString &kind, const SqlAuditTrail::AuditRow *row, Mgmt::MgmtAudit *audit,
                          std::optional<qint64> *createdAt);
    // Targets as hawkBit answers them: targetType by id with targetTypeName, and the audit fields.
    QJsonArray targetsOut(QList<Mgmt::MgmtTarget> targets);
    QJsonArray actionsOut(QList<Mgmt::MgmtAction> actions); // rolloutName beside the rollout's id
    // Modules and sets as hawkBit answers them: typeName, locked/deleted/valid, and the audit fields.
    QJsonArray modulesOut(QList<Mgmt::MgmtSoftwareModule> modules);
    QJsonArray setsOut(QList<Mgmt::MgmtDistributionSet> sets);
    void updateModule(Context &ctx);
    // Metadata of targets, modules and sets (mgmtmetadata.cpp).
    std::optional<std::pair<QString, qint64>> metadataOwner(Context &ctx); // kind and id, or fails 404
    void listMetadata(Context &ctx);
    void createMetadata(Context &ctx);
    void getMetadata(Context &ctx);
    void updateMetadata(Context &ctx);
    void deleteMetadata(Context &ctx);
    void updateSet(Context &ctx);
    void invalidateSet(Context &ctx);
    void setStatistics(Context &ctx); // /statistics[/actions|/rollouts|/autoassignments]
    void overviewTargets(Context &ctx); // Flotilla: /overview/targets
    void overviewErrors(Context &ctx); // Flotilla: /overview/errors
    void updateRollout(Context &ctx);
    // A request's targetType (hawkBit: the id; Flotilla also the key) as the key; nullopt: no such type.
    Lookup<QString> targetTypeKeyOf(const QJsonValue &v);

    SqlStore &m_store;
    ArtifactStore &m_artifacts;
    DeploymentService &m_deployment;
    RolloutService &m_rollouts;
    OperatorAccounts &m_accounts;
    qint64 m_maxArtifactBytes;
    QString m_tenant = QStringLiteral("DEFAULT");
    ExternalUrl m_externalUrl;
    ServerMetrics *m_metrics = nullptr;
};

} // namespace Flotilla
