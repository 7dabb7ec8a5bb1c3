#include "proto/mgmt/mgmtmessages.h"
#include "proto/mgmt/mgmtcodec_p.h"

#include <QJsonArray>

#include <limits>

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

namespace {

QJsonObject condition(const QString &kind, QLatin1StringView member, const QString &expression)
{
    return { { member, kind }, { "expression"_L1, expression } };
}

// A group's condition {condition, expression} or action {action, expression}: the kind, and the expression.
bool readCondition(Reader &r, QLatin1StringView key, QLatin1StringView member, QString *kind, QString *expression)
{
    const auto v = r.value(key);
    if (!v)
        return true;
    const QJsonObject o = v->toObject();
    if (!v->isObject() || !o.value(member).isString() || !o.value("expression"_L1).isString())
        return r.fail(
            key, member == "condition"_L1 ? "an object {condition, expression}" : "an object {action, expression}");
    *kind = o.value(member).toString();
    *expression = o.value("expression"_L1).toString();
    return true;
}

std::optional<int> percentOf(const QString &expression)
{
    bool ok = false;
    const int n = expression.toInt(&ok);
    return ok && n >= 0 && n <= 100 ? std::optional(n) : std::nullopt;
}

} // namespace

// --- MgmtAudit, ExceptionInfo, PagedList ---------------------------------------------------------------------

const QList<FieldSpec> &MgmtAudit::fields()
{
    static const QList<FieldSpec> list = { { "createdBy", "string" },
                                           { "createdAt", "integer" },
                                           { "lastModifiedBy", "string" },
                                           { "lastModifiedAt", "integer" } };
    return list;
}

QJsonObject ExceptionInfo::toJson() const
{
    return { { "exceptionClass"_L1, exceptionClass }, { "errorCode"_L1, errorCode }, { "message"_L1, message } };
}

std::optional<ExceptionInfo> ExceptionInfo::fromJson(const QJsonObject &o, DecodeError *error)
{
    ExceptionInfo e;
    Reader r(o, {}, error);
    r.read("exceptionClass"_L1, &e.exceptionClass);
    r.read("errorCode"_L1, &e.errorCode);
    r.read("message"_L1, &e.message);
    return done(r, std::move(e));
}

const QList<FieldSpec> &ExceptionInfo::fields()
{
    static const QList<FieldSpec> list
        = { { "exceptionClass", "string" }, { "errorCode", "string" }, { "message", "string" } };
    return list;
}

QJsonObject pageJson(const QJsonArray &content, qint64 total)
{
    return { { "content"_L1, content }, { "total"_L1, double(total) }, { "size"_L1, content.size() } };
}

std::optional<std::pair<QList<QJsonObject>, qint64>> pageOf(const QJsonObject &o, DecodeError *error)
{
    const QJsonValue content = o.value("content"_L1);
    // A count, so not negative; and below 2^53, beyond which JSON's doubles skip integers: refused, not rounded.
    const std::optional<qint64> total = wholeNumberOf(o.value("total"_L1));
    constexpr qint64 MaxTotal = (qint64(1) << 53) - 1;
    if (!content.isArray() || !total || *total < 0 || *total > MaxTotal) {
        if (error)
            error->message = u"a page must have content (an array) and total (a whole number from 0 to 2^53 - 1)"_s;
        return std::nullopt;
    }
    QList<QJsonObject> items;
    for (const QJsonValue &v : content.toArray()) {
        if (!v.isObject()) {
            if (error)
                error->message = u"content must be an array of objects"_s;
            return std::nullopt;
        }
        items.append(v.toObject());
    }
    return std::pair(items, *total);
}

// --- MgmtTarget ----------------------------------------------------------------------------------------------

QJsonObject MgmtTarget::toJson() const
{
    QJsonObject o { { "id"_L1, double(id) },
                    { "controllerId"_L1, controllerId },
                    { "name"_L1, name },
                    { "description"_L1, description },
                    { "updateStatus"_L1, updateStatus },
                    { "lastControllerRequestAt"_L1, orNull(lastControllerRequestAt) },
                    { "address"_L1, address },
                    { "createdAt"_L1, orNull(createdAt) },
                    { "requestAttributes"_L1, requestAttributes },
                    { "autoConfirmActive"_L1, autoConfirmActive },
                    { "installedDistributionSetId"_L1, orNull(installedDistributionSetId) },
                    { "assignedDistributionSetId"_L1, orNull(assignedDistributionSetId) },
                    { "_links"_L1, linksJson(links) } };
    if (targetType)
        o.insert("targetType"_L1, double(*targetType));
    else if (!targetTypeKey.isEmpty())
        o.insert("targetType"_L1, targetTypeKey);
    insertIf(o, "targetTypeName"_L1, targetTypeName);
    insertIf(o, "group"_L1, group);
    insertIf(o, "securityToken"_L1, securityToken);
    insertAudit(o, audit);
    return o;
}

std::optional<MgmtTarget> MgmtTarget::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTarget t;
    Reader r(o, {}, error);
    r.read("id"_L1, &t.id);
    r.read("controllerId"_L1, &t.controllerId);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    r.read("updateStatus"_L1, &t.updateStatus);
    r.read("lastControllerRequestAt"_L1, &t.lastControllerRequestAt);
    r.read("address"_L1, &t.address);
    r.read("createdAt"_L1, &t.createdAt);
    r.read("requestAttributes"_L1, &t.requestAttributes);
    r.read("autoConfirmActive"_L1, &t.autoConfirmActive);
    r.read("installedDistributionSetId"_L1, &t.installedDistributionSetId);
    r.read("assignedDistributionSetId"_L1, &t.assignedDistributionSetId);
    if (const auto type = r.value("targetType"_L1); type && type->isString())
        t.targetTypeKey = type->toString();
    else
        r.read("targetType"_L1, &t.targetType);
    r.read("targetTypeName"_L1, &t.targetTypeName);
    r.read("group"_L1, &t.group);
    r.read("securityToken"_L1, &t.securityToken);
    r.readAudit(&t.audit);
    r.read("_links"_L1, &t.links);
    return done(r, std::move(t));
}

const QList<FieldSpec> &MgmtTarget::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" },
                                           { "controllerId", "string" },
                                           { "name", "string" },
                                           { "description", "string" },
                                           { "updateStatus", "string" },
                                           { "lastControllerRequestAt", "integer" },
                                           { "address", "string" },
                                           { "createdAt", "integer" },
                                           { "requestAttributes", "boolean" },
                                           { "autoConfirmActive", "boolean" },
                                           { "installedDistributionSetId", "integer" },
                                           { "assignedDistributionSetId", "integer" },
                                           { "targetType", "integer" },
                                           { "targetTypeName", "string" },
                                           { "group", "string" },
                                           { "securityToken", "string" },
                                           { "_links", "object" } };
    return list;
}

// --- MgmtAction ----------------------------------------------------------------------------------------------

QJsonObject MgmtMaintenanceWindow::toJson() const
{
    return { { "schedule"_L1, schedule }, { "duration"_L1, duration }, { "timezone"_L1, timezone } };
}

std::optional<MgmtMaintenanceWindow> MgmtMaintenanceWindow::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtMaintenanceWindow w;
    Reader r(o, {}, error);
    r.read("schedule"_L1, &w.schedule);
    r.read("duration"_L1, &w.duration);
    r.read("timezone"_L1, &w.timezone);
    return done(r, std::move(w));
}

QJsonObject MgmtActionStatus::toJson() const
{
    return { { "type"_L1, type },
             { "reportedAt"_L1, orNull(reportedAt) },
             { "messages"_L1, QJsonArray::fromStringList(messages) },
             { "code"_L1, code ? QJsonValue(*code) : QJsonValue() } };
}

std::optional<MgmtActionStatus> MgmtActionStatus::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtActionStatus s;
    Reader r(o, {}, error);
    r.read("type"_L1, &s.type);
    r.read("reportedAt"_L1, &s.reportedAt);
    r.read("messages"_L1, &s.messages);
    r.read("code"_L1, &s.code);
    return done(r, std::move(s));
}

QJsonObject MgmtAction::toJson() const
{
    QJsonObject o { { "id"_L1, double(id) },
                    { "type"_L1, type },
                    { "status"_L1, status },
                    { "detailStatus"_L1, detailStatus },
                    { "actionType"_L1, actionType },
                    { "forceType"_L1, forceType },
                    { "weight"_L1, weight },
                    { "distributionSetId"_L1, double(distributionSetId) },
                    { "createdAt"_L1, orNull(createdAt) },
                    { "lastModifiedAt"_L1, orNull(lastModifiedAt) },
                    { "confirmationRequired"_L1, confirmationRequired },
                    { "active"_L1, active },
                    { "_links"_L1, linksJson(links) } };
    if (forceTime)
        o.insert("forceTime"_L1, orNull(*forceTime));
    if (rollout)
        o.insert("rollout"_L1, double(*rollout));
    insertIf(o, "rolloutName"_L1, rolloutName);
    if (lastStatusCode)
        o.insert("lastStatusCode"_L1, *lastStatusCode);
    if (maintenanceWindow)
        o.insert("maintenanceWindow"_L1, maintenanceWindow->toJson());
    insertIf(o, "target"_L1, target);
    if (statusHistory)
        o.insert("status_history"_L1, arrayOf(*statusHistory));
    return o;
}

std::optional<MgmtAction> MgmtAction::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtAction a;
    Reader r(o, {}, error);
    r.read("id"_L1, &a.id);
    r.read("type"_L1, &a.type);
    r.read("status"_L1, &a.status);
    r.read("detailStatus"_L1, &a.detailStatus);
    r.read("actionType"_L1, &a.actionType);
    r.read("forceType"_L1, &a.forceType);
    r.read("weight"_L1, &a.weight);
    r.read("distributionSetId"_L1, &a.distributionSetId);
    r.read("createdAt"_L1, &a.createdAt);
    r.read("lastModifiedAt"_L1, &a.lastModifiedAt);
    r.read("confirmationRequired"_L1, &a.confirmationRequired);
    r.read("active"_L1, &a.active);
    if (o.contains("forceTime"_L1)) {
        std::optional<qint64> at;
        r.read("forceTime"_L1, &at);
        a.forceTime = at;
    }
    r.read("rollout"_L1, &a.rollout);
    r.read("rolloutName"_L1, &a.rolloutName);
    r.read("lastStatusCode"_L1, &a.lastStatusCode);
    r.read("maintenanceWindow"_L1, &a.maintenanceWindow);
    r.read("target"_L1, &a.target);
    if (r.value("status_history"_L1)) {
        QList<MgmtActionStatus> history;
        r.read("status_history"_L1, &history);
        a.statusHistory = history;
    }
    r.read("_links"_L1, &a.links);
    return done(r, std::move(a));
}

const QList<FieldSpec> &MgmtAction::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" },
                                           { "type", "string" },
                                           { "status", "string" },
                                           { "detailStatus", "string" },
                                           { "forceType", "string" },
                                           { "actionType", "string" },
                                           { "weight", "integer" },
                                           { "distributionSetId", "integer" },
                                           { "createdAt", "integer" },
                                           { "lastModifiedAt", "integer" },
                                           { "confirmationRequired", "boolean" },
                                           { "forceTime", "integer" },
                                           { "rollout", "integer" },
                                           { "rolloutName", "string" },
                                           { "lastStatusCode", "integer" },
                                           { "maintenanceWindow", "object" },
                                           { "target", "string" },
                                           { "status_history", "array" },
                                           { "active", "boolean" },
                                           { "_links", "object" } };
    return list;
}

// --- MgmtSoftwareModule, MgmtArtifact ------------------------------------------------------------------------

QJsonObject MgmtArtifact::toJson() const
{
    return { { "id"_L1, double(id) },
             { "providedFilename"_L1, providedFilename },
             { "size"_L1, double(size) },
             { "hashes"_L1, QJsonObject { { "sha1"_L1, sha1 }, { "md5"_L1, md5 }, { "sha256"_L1, sha256 } } } };
}

std::optional<MgmtArtifact> MgmtArtifact::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtArtifact a;
    Reader r(o, {}, error);
    r.read("id"_L1, &a.id);
    r.read("providedFilename"_L1, &a.providedFilename);
    r.read("size"_L1, &a.size);
    if (const auto hashes = r.value("hashes"_L1)) {
        if (!hashes->isObject()) {
            r.fail("hashes"_L1, "an object {sha1, md5, sha256}");
        } else {
            Reader h(hashes->toObject(), r.pathOf("hashes"_L1), error);
            h.read("sha1"_L1, &a.sha1);
            h.read("md5"_L1, &a.md5);
            h.read("sha256"_L1, &a.sha256);
            if (!h.ok())
                return std::nullopt;
        }
    }
    return done(r, std::move(a));
}

QJsonObject MgmtSoftwareModule::toJson() const
{
    QJsonObject o { { "id"_L1, double(id) },          { "type"_L1, type },     { "name"_L1, name },
                    { "version"_L1, version },        { "vendor"_L1, vendor }, { "description"_L1, description },
                    { "_links"_L1, linksJson(links) } };
    insertIf(o, "typeName"_L1, typeName);
    if (encrypted)
        o.insert("encrypted"_L1, *encrypted);
    if (locked)
        o.insert("locked"_L1, *locked);
    if (deleted)
        o.insert("deleted"_L1, *deleted);
    if (artifacts)
        o.insert("artifacts"_L1, arrayOf(*artifacts));
    if (createdAt)
        o.insert("createdAt"_L1, double(*createdAt));
    insertAudit(o, audit);
    return o;
}

std::optional<MgmtSoftwareModule> MgmtSoftwareModule::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtSoftwareModule m;
    Reader r(o, {}, error);
    r.read("id"_L1, &m.id);
    r.read("type"_L1, &m.type);
    r.read("typeName"_L1, &m.typeName);
    r.read("name"_L1, &m.name);
    r.read("version"_L1, &m.version);
    r.read("vendor"_L1, &m.vendor);
    r.read("description"_L1, &m.description);
    r.read("encrypted"_L1, &m.encrypted);
    r.read("locked"_L1, &m.locked);
    r.read("deleted"_L1, &m.deleted);
    if (r.value("artifacts"_L1)) {
        QList<MgmtArtifact> list;
        r.read("artifacts"_L1, &list);
        m.artifacts = list;
    }
    r.read("createdAt"_L1, &m.createdAt);
    r.readAudit(&m.audit);
    r.read("_links"_L1, &m.links);
    return done(r, std::move(m));
}

const QList<FieldSpec> &MgmtSoftwareModule::fields()
{
    static const QList<FieldSpec> list
        = { { "id", "integer" },     { "type", "string" },        { "name", "string" },       { "version", "string" },
            { "vendor", "string" },  { "description", "string" }, { "encrypted", "boolean" }, { "typeName", "string" },
            { "locked", "boolean" }, { "deleted", "boolean" },    { "artifacts", "array" },   { "_links", "object" } };
    return list;
}

// --- MgmtDistributionSet -------------------------------------------------------------------------------------

QJsonObject MgmtDistributionSet::toJson() const
{
    QJsonObject o { { "id"_L1, double(id) },
                    { "name"_L1, name },
                    { "description"_L1, description },
                    { "version"_L1, version },
                    { "type"_L1, type },
                    { "requiredMigrationStep"_L1, requiredMigrationStep },
                    { "locked"_L1, locked },
                    { "complete"_L1, complete },
                    { "valid"_L1, valid },
                    { "modules"_L1, arrayOf(modules) },
                    { "_links"_L1, linksJson(links) } };
    insertIf(o, "typeName"_L1, typeName);
    if (deleted)
        o.insert("deleted"_L1, *deleted);
    if (createdAt)
        o.insert("createdAt"_L1, double(*createdAt));
    insertAudit(o, audit);
    return o;
}

std::optional<MgmtDistributionSet> MgmtDistributionSet::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtDistributionSet s;
    Reader r(o, {}, error);
    r.read("id"_L1, &s.id);
    r.read("name"_L1, &s.name);
    r.read("description"_L1, &s.description);
    r.read("version"_L1, &s.version);
    r.read("type"_L1, &s.type);
    r.read("typeName"_L1, &s.typeName);
    r.read("requiredMigrationStep"_L1, &s.requiredMigrationStep);
    r.read("locked"_L1, &s.locked);
    r.read("complete"_L1, &s.complete);
    r.read("valid"_L1, &s.valid);
    r.read("deleted"_L1, &s.deleted);
    r.read("modules"_L1, &s.modules);
    r.read("createdAt"_L1, &s.createdAt);
    r.readAudit(&s.audit);
    r.read("_links"_L1, &s.links);
    return done(r, std::move(s));
}

const QList<FieldSpec> &MgmtDistributionSet::fields()
{
    static const QList<FieldSpec> list
        = { { "id", "integer" },         { "name", "string" },      { "version", "string" },
            { "description", "string" }, { "typeName", "string" },  { "deleted", "boolean" },
            { "valid", "boolean" },      { "type", "string" },      { "requiredMigrationStep", "boolean" },
            { "locked", "boolean" },     { "complete", "boolean" }, { "modules", "array" },
            { "_links", "object" } };
    return list;
}

// --- rollouts ------------------------------------------------------------------------------------------------

QJsonObject MgmtTotalTargetsPerStatus::toJson() const
{
    return { { "running"_L1, running },     { "notstarted"_L1, notstarted }, { "scheduled"_L1, scheduled },
             { "cancelled"_L1, cancelled }, { "finished"_L1, finished },     { "error"_L1, error } };
}

std::optional<MgmtTotalTargetsPerStatus> MgmtTotalTargetsPerStatus::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTotalTargetsPerStatus c;
    Reader r(o, {}, error);
    r.read("running"_L1, &c.running);
    r.read("notstarted"_L1, &c.notstarted);
    r.read("scheduled"_L1, &c.scheduled);
    r.read("cancelled"_L1, &c.cancelled);
    r.read("finished"_L1, &c.finished);
    r.read("error"_L1, &c.error);
    return done(r, std::move(c));
}

QJsonObject MgmtRolloutNextStep::toJson() const
{
    QJsonObject o { { "kind"_L1, kind } };
    insertIf(o, "group"_L1, group);
    insertIf(o, "after"_L1, after);
    if (threshold)
        o.insert("threshold"_L1, *threshold);
    if (progress)
        o.insert("progress"_L1, *progress);
    if (at)
        o.insert("at"_L1, double(*at));
    return o;
}

std::optional<MgmtRolloutNextStep> MgmtRolloutNextStep::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtRolloutNextStep s;
    Reader r(o, {}, error);
    r.read("kind"_L1, &s.kind);
    r.read("group"_L1, &s.group);
    r.read("after"_L1, &s.after);
    r.read("threshold"_L1, &s.threshold);
    r.read("progress"_L1, &s.progress);
    r.read("at"_L1, &s.at);
    return done(r, std::move(s));
}

QJsonObject MgmtRolloutResponseBody::toJson() const
{
    QJsonObject o { { "id"_L1, double(id) },
                    { "totalTargets"_L1, totalTargets },
                    { "totalTargetsPerStatus"_L1, totalTargetsPerStatus.toJson() },
                    { "forcetime"_L1, orNull(forcetime) },
                    { "deleted"_L1, deleted },
                    { "_links"_L1, linksJson(links) },
                    { "name"_L1, name },
                    { "description"_L1, description },
                    { "targetFilterQuery"_L1, targetFilterQuery },
                    { "distributionSetId"_L1, double(distributionSetId) },
                    { "status"_L1, status },
                    { "type"_L1, type },
                    { "weight"_L1, weight },
                    { "dynamic"_L1, dynamic },
                    { "confirmationRequired"_L1, confirmationRequired },
                    { "startAt"_L1, orNull(startAt) },
                    { "createdAt"_L1, orNull(createdAt) },
                    { "totalGroups"_L1, totalGroups },
                    { "nextStep"_L1, nextStep.toJson() } };
    insertAudit(o, audit);
    return o;
}

std::optional<MgmtRolloutResponseBody> MgmtRolloutResponseBody::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtRolloutResponseBody b;
    Reader r(o, {}, error);
    r.read("id"_L1, &b.id);
    r.read("name"_L1, &b.name);
    r.read("description"_L1, &b.description);
    r.read("targetFilterQuery"_L1, &b.targetFilterQuery);
    r.read("distributionSetId"_L1, &b.distributionSetId);
    r.read("status"_L1, &b.status);
    r.read("type"_L1, &b.type);
    r.read("weight"_L1, &b.weight);
    r.read("dynamic"_L1, &b.dynamic);
    r.read("confirmationRequired"_L1, &b.confirmationRequired);
    r.read("deleted"_L1, &b.deleted);
    r.read("startAt"_L1, &b.startAt);
    r.read("createdAt"_L1, &b.createdAt);
    r.read("forcetime"_L1, &b.forcetime);
    r.read("totalGroups"_L1, &b.totalGroups);
    r.read("totalTargets"_L1, &b.totalTargets);
    r.read("totalTargetsPerStatus"_L1, &b.totalTargetsPerStatus);
    r.read("nextStep"_L1, &b.nextStep);
    r.readAudit(&b.audit);
    r.read("_links"_L1, &b.links);
    return done(r, std::move(b));
}

const QList<FieldSpec> &MgmtRolloutResponseBody::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" },
                                           { "name", "string" },
                                           { "description", "string" },
                                           { "targetFilterQuery", "string" },
                                           { "distributionSetId", "integer" },
                                           { "status", "string" },
                                           { "type", "string" },
                                           { "weight", "integer" },
                                           { "dynamic", "boolean" },
                                           { "confirmationRequired", "boolean" },
                                           { "startAt", "integer" },
                                           { "createdAt", "integer" },
                                           { "totalGroups", "integer" },
                                           { "nextStep", "object" },
                                           { "totalTargets", "integer" },
                                           { "totalTargetsPerStatus", "object" },
                                           { "forcetime", "integer" },
                                           { "deleted", "boolean" },
                                           { "_links", "object" } };
    return list;
}

QJsonObject MgmtRolloutGroupResponseBody::toJson() const
{
    return { { "id"_L1, double(id) },
             { "name"_L1, name },
             { "description"_L1, description },
             { "status"_L1, status },
             { "dynamic"_L1, dynamic },
             { "targetFilterQuery"_L1, targetFilterQuery },
             { "targetPercentage"_L1, targetPercentage },
             { "confirmationRequired"_L1, confirmationRequired },
             { "successCondition"_L1, condition(u"THRESHOLD"_s, "condition"_L1, QString::number(successThreshold)) },
             { "successAction"_L1, condition(successAction, "action"_L1, QString()) },
             { "errorCondition"_L1, condition(u"THRESHOLD"_s, "condition"_L1, QString::number(errorThreshold)) },
             { "errorAction"_L1, condition(u"PAUSE"_s, "action"_L1, QString()) },
             { "totalTargets"_L1, totalTargets },
             { "totalTargetsPerStatus"_L1, totalTargetsPerStatus.toJson() },
             { "_links"_L1, linksJson(links) } };
}

std::optional<MgmtRolloutGroupResponseBody> MgmtRolloutGroupResponseBody::fromJson(const QJsonObject &o,
                                                                                   DecodeError *error)
{
    MgmtRolloutGroupResponseBody g;
    Reader r(o, {}, error);
    r.read("id"_L1, &g.id);
    r.read("name"_L1, &g.name);
    r.read("description"_L1, &g.description);
    r.read("status"_L1, &g.status);
    r.read("dynamic"_L1, &g.dynamic);
    r.read("targetFilterQuery"_L1, &g.targetFilterQuery);
    r.read("targetPercentage"_L1, &g.targetPercentage);
    r.read("confirmationRequired"_L1, &g.confirmationRequired);
    QString kind;
    QString expression;
    if (readCondition(r, "successCondition"_L1, "condition"_L1, &kind, &expression) && !expression.isEmpty()) {
        if (const auto pct = percentOf(expression))
            g.successThreshold = *pct;
        else
            r.fail("successCondition"_L1, "a THRESHOLD of 0 to 100");
    }
    expression.clear();
    if (readCondition(r, "errorCondition"_L1, "condition"_L1, &kind, &expression) && !expression.isEmpty()) {
        if (const auto pct = percentOf(expression))
            g.errorThreshold = *pct;
        else
            r.fail("errorCondition"_L1, "a THRESHOLD of 0 to 100");
    }
    kind.clear();
    if (readCondition(r, "successAction"_L1, "action"_L1, &kind, &expression) && !kind.isEmpty())
        g.successAction = kind;
    r.read("totalTargets"_L1, &g.totalTargets);
    r.read("totalTargetsPerStatus"_L1, &g.totalTargetsPerStatus);
    r.read("_links"_L1, &g.links);
    return done(r, std::move(g));
}

const QList<FieldSpec> &MgmtRolloutGroupResponseBody::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" },
                                           { "name", "string" },
                                           { "description", "string" },
                                           { "status", "string" },
                                           { "dynamic", "boolean" },
                                           { "targetFilterQuery", "string" },
                                           { "targetPercentage", "number" },
                                           { "confirmationRequired", "boolean" },
                                           { "successCondition", "object" },
                                           { "successAction", "object" },
                                           { "errorCondition", "object" },
                                           { "errorAction", "object" },
                                           { "totalTargets", "integer" },
                                           { "totalTargetsPerStatus", "object" },
                                           { "_links", "object" } };
    return list;
}

QJsonObject MgmtTag::toJson() const
{
    QJsonObject o { { "id"_L1, double(id) },
                    { "name"_L1, name },
                    { "description"_L1, description },
                    { "colour"_L1, colour },
                    { "_links"_L1, linksJson(links) } };
    insertAudit(o, audit);
    if (createdAt)
        o.insert("createdAt"_L1, double(*createdAt));
    return o;
}

std::optional<MgmtTag> MgmtTag::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTag t;
    Reader r(o, {}, error);
    r.read("id"_L1, &t.id);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    r.read("colour"_L1, &t.colour);
    r.readAudit(&t.audit);
    r.read("createdAt"_L1, &t.createdAt);
    r.read("_links"_L1, &t.links);
    return done(r, std::move(t));
}

const QList<FieldSpec> &MgmtTag::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" },
                                           { "name", "string" },
                                           { "description", "string" },
                                           { "colour", "string" },
                                           { "_links", "object" } };
    return list;
}

QJsonObject MgmtActionId::toJson() const
{
    return { { "id"_L1, double(id) }, { "controllerId"_L1, controllerId } };
}

std::optional<MgmtActionId> MgmtActionId::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtActionId a;
    Reader r(o, {}, error);
    r.read("id"_L1, &a.id);
    r.read("controllerId"_L1, &a.controllerId);
    return done(r, std::move(a));
}

QJsonObject MgmtTargetAssignmentResponseBody::toJson() const
{
    return { { "assigned"_L1, assigned },
             { "alreadyAssigned"_L1, alreadyAssigned },
             { "total"_L1, total },
             { "assignedActions"_L1, arrayOf(assignedActions) } };
}

std::optional<MgmtTargetAssignmentResponseBody> MgmtTargetAssignmentResponseBody::fromJson(const QJsonObject &o,
                                                                                           DecodeError *error)
{
    MgmtTargetAssignmentResponseBody b;
    Reader r(o, {}, error);
    r.read("assigned"_L1, &b.assigned);
    r.read("alreadyAssigned"_L1, &b.alreadyAssigned);
    r.read("total"_L1, &b.total);
    r.read("assignedActions"_L1, &b.assignedActions);
    return done(r, std::move(b));
}

const QList<FieldSpec> &MgmtTargetAssignmentResponseBody::fields()
{
    static const QList<FieldSpec> list = { { "assigned", "integer" },
                                           { "alreadyAssigned", "integer" },
                                           { "total", "integer" },
                                           { "assignedActions", "array" } };
    return list;
}

} // namespace Flotilla::Mgmt
