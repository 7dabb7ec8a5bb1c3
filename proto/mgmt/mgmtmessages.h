#pragma once

// hawkBit Management API v1 JSON as plain values, with their codecs: the server encodes what it answers, the
// console (through client/) decodes it, and openapi.json documents each type from its field list. The shapes are
// hawkBit's model classes (org.eclipse.hawkbit.mgmt.json.model: MgmtTarget, MgmtAction, MgmtSoftwareModule,
// MgmtArtifact, MgmtDistributionSet, MgmtRolloutResponseBody, MgmtRolloutGroupResponseBody, PagedList,
// ExceptionInfo), with Flotilla's additions named where they are declared.
//
// Encoding writes exactly the fields hawkBit writes: a field that is always there is written as null when it has
// no value (an unset time, an absent set), an optional one is left out. Decoding is what a client needs: unknown
// fields are ignored, absent or null ones keep their defaults, and a field of the wrong type is an error naming it.
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Mgmt {

// The first problem found while decoding.
struct DecodeError
{
    QString message;
};

// One field of a type as openapi.json documents it: its name and OpenAPI type ("integer", "string", "boolean",
// "number", "object", "array"; empty: any).
struct FieldSpec
{
    const char *name;
    const char *type;
};

// HAL links as hawkBit writes them, {"rel": {"href": "..."}}: rel -> href.
using Links = QMap<QString, QString>;

// MgmtBaseEntity's audit fields, on the entities the API records them for (the server adds them to what it
// answers; see backend/mgmtaudit.cpp).
struct MgmtAudit
{
    std::optional<QString> createdBy;
    std::optional<QString> lastModifiedBy;
    std::optional<qint64> lastModifiedAt; // ms since the epoch, UTC

    static const QList<FieldSpec> &fields(); // createdAt too: each entity has its own
    bool operator==(const MgmtAudit &) const = default;
};

// hawkBit's ExceptionInfo: the body of every error answer.
struct ExceptionInfo
{
    QString exceptionClass;
    QString errorCode;
    QString message;

    QJsonObject toJson() const;
    static std::optional<ExceptionInfo> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const ExceptionInfo &) const = default;
};

// hawkBit's PagedList: one page of a list, and how many there are in all.
template<typename T> struct PagedList
{
    QList<T> content;
    qint64 total = 0;
};
// {"content": [...], "total": n, "size": content.size()}
QJsonObject pageJson(const QJsonArray &content, qint64 total);
// The page's items as objects, and its total; an error when the body is not a page.
std::optional<std::pair<QList<QJsonObject>, qint64>> pageOf(const QJsonObject &o, DecodeError *error);
template<typename T> std::optional<PagedList<T>> decodePage(const QJsonObject &o, DecodeError *error)
{
    const auto page = pageOf(o, error);
    if (!page)
        return std::nullopt;
    PagedList<T> out;
    out.total = page->second;
    for (const QJsonObject &item : page->first) {
        std::optional<T> t = T::fromJson(item, error);
        if (!t)
            return std::nullopt;
        out.content.append(std::move(*t));
    }
    return out;
}

// MgmtTarget.
struct MgmtTarget
{
    qint64 id = 0; // Flotilla's: the event stream names targets by it
    QString controllerId;
    QString name;
    QString description;
    QString updateStatus; // in_sync, pending, error, registered, unknown
    std::optional<qint64> lastControllerRequestAt; // ms; null: never polled
    QString address;
    std::optional<qint64> createdAt;
    bool requestAttributes = false;
    bool autoConfirmActive = false;
    std::optional<qint64> installedDistributionSetId;
    std::optional<qint64> assignedDistributionSetId;
    // hawkBit names the type by id, with its name beside it; a type the server cannot resolve is sent by key
    // (Flotilla's first form). Neither: the target has no type.
    std::optional<qint64> targetType;
    QString targetTypeKey;
    std::optional<QString> targetTypeName;
    std::optional<QString> group; // Flotilla: the target's group path ("Europe/Berlin")
    std::optional<QString> securityToken; // only for those allowed to read it
    MgmtAudit audit;
    Links links;

    QJsonObject toJson() const;
    static std::optional<MgmtTarget> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtTarget &) const = default;
};

// An action's maintenance window: a Quartz cron schedule, a duration ("HH:mm:ss") and a zone ("+01:00" or an
// IANA name).
struct MgmtMaintenanceWindow
{
    QString schedule;
    QString duration;
    QString timezone;

    QJsonObject toJson() const;
    static std::optional<MgmtMaintenanceWindow> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtMaintenanceWindow &) const = default;
};

// One entry of an action's status history (MgmtActionStatus as the action's status_history carries it).
struct MgmtActionStatus
{
    QString type; // running, finished, error, ...
    std::optional<qint64> reportedAt;
    QStringList messages;
    std::optional<int> code;

    QJsonObject toJson() const;
    static std::optional<MgmtActionStatus> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtActionStatus &) const = default;
};

// MgmtAction.
struct MgmtAction
{
    qint64 id = 0;
    QString type; // "update", or "cancel" once it is being canceled
    QString status; // "pending" while active, else "finished"
    QString detailStatus; // the action's state, lower case
    QString forceType; // forced, soft, timeforced, downloadonly
    QString actionType; // Flotilla's older name for forceType, the same value, kept for existing clients
    int weight = 0;
    qint64 distributionSetId = 0;
    std::optional<qint64> createdAt;
    std::optional<qint64> lastModifiedAt;
    bool confirmationRequired = false;
    bool active = false;
    std::optional<std::optional<qint64>> forceTime; // a time-forced action's (present, possibly null)
    std::optional<qint64> rollout;
    std::optional<QString> rolloutName;
    std::optional<int> lastStatusCode;
    std::optional<MgmtMaintenanceWindow> maintenanceWindow;
    std::optional<QString> target; // the all-actions list: the target's controllerId
    std::optional<QList<MgmtActionStatus>> statusHistory; // one action read alone ("status_history")
    Links links;

    QJsonObject toJson() const;
    static std::optional<MgmtAction> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtAction &) const = default;
};

// One action an assignment created (MgmtActionId): its id and its target.
struct MgmtActionId
{
    qint64 id = 0;
    QString controllerId;

    QJsonObject toJson() const;
    static std::optional<MgmtActionId> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtActionId &) const = default;
};

// MgmtTargetAssignmentResponseBody: what assigning a set did.
struct MgmtTargetAssignmentResponseBody
{
    int assigned = 0; // targets that got an action
    int alreadyAssigned = 0; // targets that already run or wait for the set, left alone
    int total = 0; // targets asked for
    QList<MgmtActionId> assignedActions;

    QJsonObject toJson() const;
    static std::optional<MgmtTargetAssignmentResponseBody> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtTargetAssignmentResponseBody &) const = default;
};

// MgmtArtifact (hashes: MgmtArtifactHash).
struct MgmtArtifact
{
    qint64 id = 0;
    QString providedFilename;
    qint64 size = 0;
    QString sha1;
    QString md5;
    QString sha256;

    QJsonObject toJson() const;
    static std::optional<MgmtArtifact> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtArtifact &) const = default;
};

// MgmtSoftwareModule; a set's modules list them without encrypted and artifacts.
struct MgmtSoftwareModule
{
    qint64 id = 0;
    QString type; // the module type's key
    std::optional<QString> typeName;
    QString name;
    QString version;
    QString vendor;
    QString description;
    std::optional<bool> encrypted;
    std::optional<bool> locked;
    std::optional<bool> deleted;
    std::optional<QList<MgmtArtifact>> artifacts;
    MgmtAudit audit;
    std::optional<qint64> createdAt;
    Links links;

    QJsonObject toJson() const;
    static std::optional<MgmtSoftwareModule> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtSoftwareModule &) const = default;
};

// MgmtDistributionSet.
struct MgmtDistributionSet
{
    qint64 id = 0;
    QString name;
    QString description;
    QString version;
    QString type; // the set type's key
    std::optional<QString> typeName;
    bool requiredMigrationStep = false;
    bool locked = false;
    bool complete = false;
    bool valid = true;
    std::optional<bool> deleted;
    QList<MgmtSoftwareModule> modules;
    MgmtAudit audit;
    std::optional<qint64> createdAt;
    Links links;

    QJsonObject toJson() const;
    static std::optional<MgmtDistributionSet> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtDistributionSet &) const = default;
};

// totalTargetsPerStatus of a rollout or group: its targets by the state of their action.
struct MgmtTotalTargetsPerStatus
{
    int running = 0;
    int notstarted = 0;
    int scheduled = 0;
    int cancelled = 0;
    int finished = 0;
    int error = 0;

    QJsonObject toJson() const;
    static std::optional<MgmtTotalTargetsPerStatus> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTotalTargetsPerStatus &) const = default;
};

// Flotilla: what a rollout will do next (the console's overview).
struct MgmtRolloutNextStep
{
    QString kind; // RolloutNextStep's names: startGroup, pausedOnError, waitingForApproval, ...
    std::optional<QString> group;
    std::optional<QString> after;
    std::optional<int> threshold;
    std::optional<int> progress;
    std::optional<qint64> at;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutNextStep> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtRolloutNextStep &) const = default;
};

// MgmtRolloutResponseBody.
struct MgmtRolloutResponseBody
{
    qint64 id = 0;
    QString name;
    QString description;
    QString targetFilterQuery;
    qint64 distributionSetId = 0;
    QString status; // lower case: creating, ready, running, paused, finished, ...
    QString type; // forced, soft, timeforced, downloadonly
    int weight = 0;
    bool dynamic = false;
    bool confirmationRequired = false;
    bool deleted = false;
    std::optional<qint64> startAt;
    std::optional<qint64> createdAt;
    std::optional<qint64> forcetime;
    int totalGroups = 0;
    int totalTargets = 0;
    MgmtTotalTargetsPerStatus totalTargetsPerStatus;
    MgmtRolloutNextStep nextStep;
    MgmtAudit audit;
    Links links;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutResponseBody> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtRolloutResponseBody &) const = default;
};

// MgmtRolloutGroupResponseBody.
struct MgmtRolloutGroupResponseBody
{
    qint64 id = 0;
    QString name;
    QString description;
    QString status;
    bool dynamic = false;
    QString targetFilterQuery;
    double targetPercentage = 100;
    bool confirmationRequired = false;
    int successThreshold = 100; // successCondition {THRESHOLD, "<n>"}
    QString successAction = QStringLiteral("NEXTGROUP"); // successAction {NEXTGROUP or PAUSE, ""}
    int errorThreshold = 100; // errorCondition {THRESHOLD, "<n>"}; errorAction is always PAUSE
    int totalTargets = 0;
    MgmtTotalTargetsPerStatus totalTargetsPerStatus;
    Links links;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutGroupResponseBody> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtRolloutGroupResponseBody &) const = default;
};

// Flotilla: one entry of the audit trail (GET /rest/v1/audit): who changed what, when, from which address, what
// was asked and the resource before and after.
struct MgmtAuditEntry
{
    qint64 id = 0;
    qint64 at = 0; // ms since the epoch, UTC
    QString actor;
    QString address;
    QString method;
    QString path;
    int status = 0;
    QString entity; // the collection ("targets", "rollouts", ...)
    QString entityId; // its first path segment after the collection, if any
    // JSON (an object or an array); null when there is none. request has secrets redacted.
    QJsonValue request;
    QJsonValue before;
    QJsonValue after;

    QJsonObject toJson() const;
    static std::optional<MgmtAuditEntry> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtAuditEntry &) const = default;
};

// Flotilla: an operator account (GET /rest/v1/users), as hawkBit's user-management extension names it.
struct MgmtUser
{
    qint64 id = 0;
    QString username;
    QStringList roles; // admin, operator, approver, viewer

    QJsonObject toJson() const;
    static std::optional<MgmtUser> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtUser &) const = default;
};

// GET /targets/{id}/autoConfirm (hawkBit's MgmtTargetAutoConfirm): whether the target confirms its actions
// itself; who activated it and why only while it is active.
struct MgmtTargetAutoConfirm
{
    bool active = false;
    std::optional<QString> initiator;
    std::optional<QString> remark;

    QJsonObject toJson() const;
    static std::optional<MgmtTargetAutoConfirm> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtTargetAutoConfirm &) const = default;
};

// Flotilla: POST /rest/v1/userinfo/token: a bearer token for the operator who asked, and when it expires.
struct MgmtToken
{
    QString token;
    qint64 expiresAt = 0; // ms since the epoch

    QJsonObject toJson() const;
    static std::optional<MgmtToken> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtToken &) const = default;
};

// GET /rest/v1/userinfo: who the credentials are, in which tenant, and what they may do (permission names).
struct MgmtUserInfo
{
    QString tenant;
    QString username;
    QStringList permissions;

    QJsonObject toJson() const;
    static std::optional<MgmtUserInfo> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtUserInfo &) const = default;
};

// Flotilla: DELETE /rest/v1/actions?q=|ids=: how many of the matched actions were deleted (closed ones) and how
// many kept (still open).
struct MgmtActionsDeleted
{
    qint64 deleted = 0;
    qint64 kept = 0;

    QJsonObject toJson() const;
    static std::optional<MgmtActionsDeleted> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtActionsDeleted &) const = default;
};

// Flotilla: one action of a rollout as a span in time (GET /rest/v1/rollouts/{id}/actions), for the progress chart
// and the timeline. The times are always written, null while unknown.
struct MgmtActionSpan
{
    qint64 id = 0;
    QString target; // the target's controllerId
    qint64 group = 0; // the rollout group's id
    QString status; // the action's state, lower case
    std::optional<qint64> createdAt; // ms
    std::optional<qint64> startedAt;
    std::optional<qint64> closedAt;

    QJsonObject toJson() const;
    static std::optional<MgmtActionSpan> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtActionSpan &) const = default;
};

// Flotilla: what a rollout would do (POST /rest/v1/rollouts/forecast), group by group.
struct MgmtGroupForecast
{
    QString name;
    int targets = 0;
    std::optional<qint64> startsAt; // ms; null: not within the horizon
    std::optional<qint64> endsAt;
    int finished = 0;
    int failed = 0;

    QJsonObject toJson() const;
    static std::optional<MgmtGroupForecast> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtGroupForecast &) const = default;
};

// What a forecast assumed about the fleet: learnt from the last 30 days' actions, or defaults.
struct MgmtForecastAssumptions
{
    qint64 pollingSeconds = 0;
    qint64 installSeconds = 0;
    double failureRate = 0; // 0..1
    bool fromHistory = false;
    qint64 historyActions = 0;
    int silentTargets = 0; // assumed never to poll again
    qint64 horizonSeconds = 0;

    QJsonObject toJson() const;
    static std::optional<MgmtForecastAssumptions> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtForecastAssumptions &) const = default;
};

struct MgmtRolloutForecast
{
    QString status; // the rollout's state at the end: finished, paused, running
    std::optional<QString> pausedAt; // the group it pauses in; null when it does not
    qint64 start = 0; // ms
    std::optional<qint64> end; // ms; null: not within the horizon
    int totalTargets = 0;
    qint64 bytes = 0;
    QList<MgmtGroupForecast> groups;
    MgmtForecastAssumptions assumptions;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutForecast> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtRolloutForecast &) const = default;
};

// MgmtTag: a target tag or a distribution set tag (hawkBit's MgmtTag).
struct MgmtTag
{
    qint64 id = 0;
    QString name;
    QString description;
    QString colour; // "#8e24aa"
    MgmtAudit audit;
    std::optional<qint64> createdAt; // with the audit fields (the server adds them)
    Links links; // self, assignedTargets or assignedDistributionSets

    QJsonObject toJson() const;
    static std::optional<MgmtTag> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtTag &) const = default;
};

} // namespace Flotilla::Mgmt
