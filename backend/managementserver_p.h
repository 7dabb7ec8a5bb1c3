#pragma once

// Shared by the Management API's implementation files: the request context and the JSON shapes. Not an API.
#include "backend/managementserver.h"
#include "backend/mgmterror.h"

#include "backend/rsqlcompiler.h"
#include "engine/rolloutnextstep.h"
#include "proto/ddi/ddimessages.h"

#include <QTimeZone>

#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

namespace Flotilla {

Q_DECLARE_LOGGING_CATEGORY(lcMgmt)

namespace Mgmt {

using namespace Qt::StringLiterals;
using Status = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

inline constexpr int DefaultLimit = 50;
inline constexpr int MaxLimit = 500;
inline const QString Base = u"/rest/v1"_s;

inline QString targetStateName(TargetState s)
{
    return nameOf(s).toLower(); // hawkBit's updateStatus spelling: in_sync, pending, ...
}

// A JSON number as an id (0 when absent or not a number) and as a UTC time in ms since the epoch.
inline qint64 idOf(const QJsonValue &v)
{
    return v.isDouble() ? v.toInteger() : 0;
}
inline QDateTime utcOf(const QJsonValue &v)
{
    return v.isDouble() ? QDateTime::fromMSecsSinceEpoch(v.toInteger(), QTimeZone::UTC) : QDateTime();
}

inline QJsonValue msOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(double(t.toMSecsSinceEpoch())) : QJsonValue();
}

// HAL links as hawkBit writes them: {"rel": {"href": "/rest/v1/..."}} (paths on this server).
inline QJsonObject linksJson(std::initializer_list<std::pair<QLatin1StringView, QString>> links)
{
    QJsonObject o;
    for (const auto &[rel, path] : links)
        o.insert(rel, QJsonObject { { "href"_L1, QString(Base + path) } });
    return o;
}

// controllerId: the action's target, for its links (empty: no self link).
inline QJsonObject actionJson(const Action &a, const QString &controllerId)
{
    // hawkBit's MgmtAction: type is "cancel" once the action is being canceled, forceType its handling.
    // actionType (the same value as forceType) is Flotilla's older name, kept for existing clients.
    const bool cancel = a.state == ActionState::Canceling || a.state == ActionState::Canceled;
    QJsonObject o { { "id"_L1, double(a.id) },
                    { "type"_L1, cancel ? u"cancel"_s : u"update"_s },
                    { "status"_L1, a.isActive() ? u"pending"_s : u"finished"_s },
                    { "detailStatus"_L1, nameOf(a.state).toLower() },
                    { "actionType"_L1, nameOf(a.type) },
                    { "forceType"_L1, nameOf(a.type) },
                    { "weight"_L1, a.weight },
                    { "distributionSetId"_L1, double(a.distributionSetId) },
                    { "createdAt"_L1, msOrNull(a.createdAt) },
                    { "lastModifiedAt"_L1, msOrNull(a.lastModifiedAt) },
                    { "confirmationRequired"_L1, a.confirmationRequired },
                    { "active"_L1, a.isActive() } };
    QJsonObject links = linksJson({ { "distributionset"_L1, u"/distributionsets/%1"_s.arg(a.distributionSetId) } });
    if (!controllerId.isEmpty()) {
        const QString target = u"/targets/"_s + QString::fromUtf8(QUrl::toPercentEncoding(controllerId));
        links.insert("self"_L1, QJsonObject { { "href"_L1, QString(Base + target + u"/actions/%1"_s.arg(a.id)) } });
        links.insert("target"_L1, QJsonObject { { "href"_L1, QString(Base + target) } });
        links.insert("status"_L1,
                     QJsonObject { { "href"_L1, QString(Base + target + u"/actions/%1/status"_s.arg(a.id)) } });
    }
    if (a.rolloutId)
        links.insert("rollout"_L1, QJsonObject { { "href"_L1, QString(Base + u"/rollouts/%1"_s.arg(a.rolloutId)) } });
    o.insert("_links"_L1, links);
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

inline QJsonObject groupCountsJson(const GroupCounts &c)
{
    return {
        { "total"_L1, c.total }, { "finished"_L1, c.finished }, { "error"_L1, c.error }, { "running"_L1, c.running }
    };
}
inline QJsonObject targetJson(const Target &t, bool withToken)
{
    QJsonObject o { { "id"_L1, double(t.id) }, // Flotilla's own: matches the event stream's ids
                    { "controllerId"_L1, t.controllerId },
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
    if (!t.group.isEmpty())
        o.insert("group"_L1, t.group);
    const QString self = u"/targets/"_s + QString::fromUtf8(QUrl::toPercentEncoding(t.controllerId));
    o.insert("_links"_L1,
             linksJson({ { "self"_L1, self },
                         { "assignedDS"_L1, self + u"/assignedDS"_s },
                         { "installedDS"_L1, self + u"/installedDS"_s },
                         { "attributes"_L1, self + u"/attributes"_s },
                         { "actions"_L1, self + u"/actions?offset=0&limit=50&sort=id%3ADESC"_s },
                         { "autoConfirm"_L1, self + u"/autoConfirm"_s } }));
    if (withToken)
        o.insert("securityToken"_L1, t.securityToken);
    return o;
}

// The handlers write hrefs as server paths ("/rest/v1/targets/x"); hawkBit's are absolute URLs, and scripts
// follow them as they are: every "_links" href that is a path gets the base the request came in at.
inline QJsonValue absoluteLinks(const QJsonValue &v, const QString &base)
{
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = absoluteLinks(a.at(i), base);
        return a;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != "_links"_L1) {
            if (it.value().isObject() || it.value().isArray())
                it.value() = absoluteLinks(it.value(), base);
            continue;
        }
        QJsonObject links = it.value().toObject();
        for (auto link = links.begin(); link != links.end(); ++link) {
            QJsonObject l = link.value().toObject();
            const QString href = l.value("href"_L1).toString();
            if (href.startsWith(u'/')) {
                l.insert("href"_L1, QString(base + href));
                link.value() = l;
            }
        }
        it.value() = links;
    }
    return o;
}

// A target group as a request gives it, or what is wrong with it: 1 to MaxTargetGroupLength characters, no
// empty path segment ("Europe//East", "/Europe").
inline QString targetGroupError(const QString &group)
{
    if (group.isEmpty() || group.size() > MaxTargetGroupLength)
        return u"a target group is 1 to %1 characters"_s.arg(MaxTargetGroupLength);
    if (group.split(u'/').contains(QString()))
        return u"target group '%1' has an empty part: write Parent/Child"_s.arg(group);
    return {};
}

// A type named by its id (hawkBit) or by its key (Flotilla's first form): keys are its table's, byKey reads one.
template<typename Type, typename ByKey>
std::optional<Type> typeByIdOrKey(const QStringList &keys, ByKey byKey, std::optional<qint64> id, const QString &key)
{
    if (id) {
        for (const QString &k : keys) {
            if (std::optional<Type> t = byKey(k); t && t->id == *id)
                return t;
        }
    }
    return keys.contains(key) ? byKey(key) : std::nullopt;
}

inline QStringList keysOf(const QJsonValue &list)
{
    QStringList keys;
    for (const QJsonValue &v : list.toArray())
        keys << (v.isObject() ? v.toObject().value("key"_L1).toString() : v.toString());
    return keys;
}
inline QJsonObject moduleJson(const SoftwareModule &m, const QList<Artifact> &artifacts)
{
    QJsonArray list;
    for (const Artifact &a : artifacts)
        list.append(QJsonObject {
            { "id"_L1, double(a.id) },
            { "providedFilename"_L1, a.filename },
            { "size"_L1, double(a.size) },
            { "hashes"_L1, QJsonObject { { "sha1"_L1, a.sha1 }, { "md5"_L1, a.md5 }, { "sha256"_L1, a.sha256 } } } });
    const QString self = u"/softwaremodules/%1"_s.arg(m.id);
    return { { "id"_L1, double(m.id) },
             { "type"_L1, m.typeKey },
             { "name"_L1, m.name },
             { "version"_L1, m.version },
             { "vendor"_L1, m.vendor },
             { "description"_L1, m.description },
             { "encrypted"_L1, m.encrypted },
             { "artifacts"_L1, list },
             { "_links"_L1, linksJson({ { "self"_L1, self }, { "artifacts"_L1, self + u"/artifacts"_s } }) } };
}
inline QJsonObject setJson(const DistributionSet &s, const QList<SoftwareModule> &modules, bool complete)
{
    QJsonArray list;
    for (const SoftwareModule &m : modules)
        list.append(QJsonObject { { "id"_L1, double(m.id) },
                                  { "type"_L1, m.typeKey },
                                  { "name"_L1, m.name },
                                  { "version"_L1, m.version },
                                  { "vendor"_L1, m.vendor },
                                  { "description"_L1, m.description },
                                  { "_links"_L1, linksJson({ { "self"_L1, u"/softwaremodules/%1"_s.arg(m.id) } }) } });
    return { { "id"_L1, double(s.id) },
             { "name"_L1, s.name },
             { "description"_L1, s.description },
             { "version"_L1, s.version },
             { "type"_L1, s.typeKey },
             { "requiredMigrationStep"_L1, s.requiredMigrationStep },
             { "locked"_L1, s.locked },
             { "complete"_L1, complete },
             { "valid"_L1, s.valid },
             { "modules"_L1, list },
             { "_links"_L1,
               linksJson({ { "self"_L1, u"/distributionsets/%1"_s.arg(s.id) },
                           { "modules"_L1, u"/distributionsets/%1/assignedSM"_s.arg(s.id) } }) } };
}
// hawkBit's totalTargetsPerStatus: the group's targets by the state of their action (none yet: notstarted).
inline QJsonObject perStatusJson(int targets, const GroupCounts &c)
{
    return { { "running"_L1, c.running - c.scheduled },
             { "notstarted"_L1, std::max(0, targets - c.total) },
             { "scheduled"_L1, c.scheduled },
             { "cancelled"_L1, c.canceled },
             { "finished"_L1, c.finished },
             { "error"_L1, c.error } };
}
inline QJsonObject conditionJson(int percent)
{
    return { { "condition"_L1, u"THRESHOLD"_s }, { "expression"_L1, QString::number(percent) } };
}
// hawkBit's MgmtRolloutGroupResponseBody.
inline QJsonObject groupJson(const Rollout &r, const RolloutGroup &g, const GroupCounts &counts)
{
    return {
        { "id"_L1, double(g.id) },
        { "name"_L1, g.name },
        { "description"_L1, g.description },
        { "status"_L1, nameOf(g.state).toLower() },
        { "dynamic"_L1, g.name.startsWith(u"dynamic-"_s) },
        { "targetFilterQuery"_L1, g.targetFilterQuery },
        { "targetPercentage"_L1, g.targetPercentage },
        { "confirmationRequired"_L1, g.confirmationRequired.value_or(r.confirmationRequired) },
        { "successCondition"_L1, conditionJson(g.conditions.successThresholdPercent) },
        { "successAction"_L1,
          QJsonObject {
              { "action"_L1, g.conditions.successAction == SuccessAction::Pause ? u"PAUSE"_s : u"NEXTGROUP"_s },
              { "expression"_L1, u""_s } } },
        { "errorCondition"_L1, conditionJson(g.conditions.errorThresholdPercent) },
        { "errorAction"_L1, QJsonObject { { "action"_L1, u"PAUSE"_s }, { "expression"_L1, u""_s } } },
        { "totalTargets"_L1, g.targetCount },
        { "totalTargetsPerStatus"_L1, perStatusJson(g.targetCount, counts) },
        { "_links"_L1,
          QJsonObject {
              { "self"_L1,
                QJsonObject {
                    { "href"_L1, QString(Base + u"/rollouts/%1/deploygroups/%2"_s.arg(r.id).arg(g.id)) } } } } },
    };
}
// Flotilla: what the rollout will do next (RolloutNextStep), for the console's overview.
inline QJsonObject nextStepJson(const RolloutNextStep &step)
{
    QJsonObject o { { "kind"_L1, RolloutNextStep::nameOf(step.kind) } };
    if (!step.group.isEmpty())
        o.insert("group"_L1, step.group);
    if (!step.after.isEmpty())
        o.insert("after"_L1, step.after);
    if (step.kind == RolloutNextStep::Kind::StartGroup || step.kind == RolloutNextStep::Kind::PausedOnSuccess
        || step.kind == RolloutNextStep::Kind::PausedOnError || step.kind == RolloutNextStep::Kind::Paused) {
        o.insert("threshold"_L1, step.threshold);
        o.insert("progress"_L1, step.progress);
    }
    if (step.at.isValid())
        o.insert("at"_L1, double(step.at.toMSecsSinceEpoch()));
    return o;
}
// hawkBit's MgmtRolloutResponseBody (and Flotilla's nextStep); counts holds each group's (by position), for the
// totals.
inline QJsonObject rolloutJson(const Rollout &r, const QList<RolloutGroup> &groups, const QList<GroupCounts> &counts)
{
    int targets = 0;
    GroupCounts sum;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        targets += groups.at(i).targetCount;
        const GroupCounts c = counts.value(i);
        sum.total += c.total;
        sum.finished += c.finished;
        sum.error += c.error;
        sum.running += c.running;
        sum.scheduled += c.scheduled;
        sum.canceled += c.canceled;
    }
    return { { "id"_L1, double(r.id) },
             { "totalTargets"_L1, targets },
             { "totalTargetsPerStatus"_L1, perStatusJson(targets, sum) },
             { "forcetime"_L1, msOrNull(r.forceTime) },
             { "deleted"_L1, false },
             { "_links"_L1,
               linksJson({ { "self"_L1, u"/rollouts/%1"_s.arg(r.id) },
                           { "start"_L1, u"/rollouts/%1/start"_s.arg(r.id) },
                           { "pause"_L1, u"/rollouts/%1/pause"_s.arg(r.id) },
                           { "resume"_L1, u"/rollouts/%1/resume"_s.arg(r.id) },
                           { "triggerNextGroup"_L1, u"/rollouts/%1/triggerNextGroup"_s.arg(r.id) },
                           { "approve"_L1, u"/rollouts/%1/approve"_s.arg(r.id) },
                           { "deny"_L1, u"/rollouts/%1/deny"_s.arg(r.id) },
                           { "groups"_L1, u"/rollouts/%1/deploygroups?offset=0&limit=50"_s.arg(r.id) },
                           { "distributionset"_L1, u"/distributionsets/%1"_s.arg(r.distributionSetId) } }) },
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
             { "totalGroups"_L1, groups.size() },
             { "nextStep"_L1, nextStepJson(RolloutNextStep::of(r, groups, counts)) } };
}

inline std::optional<int> percentOf(const QJsonObject &o, QLatin1StringView key, int fallback)
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

} // namespace Mgmt

// The implementation files share these names (this header is private to them).
using namespace Qt::StringLiterals;
using namespace Mgmt;

// One request: who asks, the path arguments, and the answer.
struct ManagementServer::Context
{
    const QHttpServerRequest &request;
    QHttpServerResponder &responder;
    QStringList args;
    Operator who;
    QString linkBase; // scheme://host[:port] the operator reached us at (ExternalUrl); prefixes every href
    // An answer held back instead of written (a change answers only after its commit; a GET run for the state
    // before a change answers nobody).
    struct Answer
    {
        QByteArray body;
        QHttpHeaders headers;
        Mgmt::Status status = Mgmt::Status::Ok;
    };
    std::optional<Answer> *heldAnswer = nullptr;

    void write(const QByteArray &body, const QHttpHeaders &headers, Mgmt::Status status)
    {
        if (heldAnswer)
            *heldAnswer = Answer { body, headers, status };
        else
            responder.write(body, headers, status);
    }

    void send(const QJsonValue &body, Mgmt::Status status = Mgmt::Status::Ok)
    {
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        const QJsonValue out = linkBase.isEmpty() ? body : absoluteLinks(body, linkBase);
        const QByteArray bytes = out.isObject() ? QJsonDocument(out.toObject()).toJson(QJsonDocument::Compact)
            : out.isArray()                     ? QJsonDocument(out.toArray()).toJson(QJsonDocument::Compact)
                                                : QByteArray();
        write(bytes, h, status);
    }
    // One page of a list, in hawkBit's shape.
    void sendPage(const QJsonArray &content, qint64 total)
    {
        send(QJsonObject { { "content"_L1, content }, { "total"_L1, double(total) }, { "size"_L1, content.size() } });
    }
    // An error in hawkBit's ExceptionInfo shape; the generic kind of the status, or a specific one.
    void fail(Mgmt::Status status, const QString &message) { fail(Mgmt::errorFor(status), message); }
    // True when every result holds a value; else answers 500 (hawkBit's generic error) naming the first failure,
    // so a failed read is never sent as an empty page.
    template<typename... R> bool succeeded(const R &...results)
    {
        const Failure *first = nullptr;
        ((first = first ? first : (results ? nullptr : &results.error())), ...);
        if (first)
            fail(Mgmt::Errors::Generic, first->message);
        return !first;
    }
    void fail(const Mgmt::Error &error, const QString &message)
    {
        qCDebug(lcMgmt).noquote() << int(error.status) << request.url().path() << message;
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        if (error.status == Mgmt::Status::Unauthorized)
            h.append(QHttpHeaders::WellKnownHeader::WWWAuthenticate, "Basic realm=\"Flotilla\"");
        const QJsonObject body { { "exceptionClass"_L1, error.exceptionClass },
                                 { "errorCode"_L1, error.errorCode },
                                 { "message"_L1, message } };
        write(QJsonDocument(body).toJson(QJsonDocument::Compact), h, error.status);
    }
    // The body as JSON; fails the request (400) and returns nullopt when it is not.
    std::optional<QJsonDocument> json()
    {
        // A body that says it is something else is not read as JSON (hawkBit: 415); one that says nothing is.
        const QByteArray type = request.value("content-type").trimmed().toLower();
        if (!type.isEmpty() && !type.startsWith("application/json") && !type.split(';').first().endsWith("+json")) {
            fail(Mgmt::Errors::UnsupportedMediaType,
                 u"the body must be application/json, not %1"_s.arg(QString::fromLatin1(type.left(100))));
            return std::nullopt;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError) {
            fail(Mgmt::Errors::BodyNotReadable,
                 u"malformed JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString()));
            return std::nullopt;
        }
        // No field of the API holds more than a few KiB of text (hawkBit: names 128, descriptions 512, metadata
        // 4,000); an absurd string is refused whole rather than stored.
        if (const qsizetype longest = longestString(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
            longest > MaxStringLength) {
            fail(Mgmt::Status::BadRequest,
                 u"a string in the body has %1 characters; at most %2 are taken"_s.arg(longest).arg(MaxStringLength));
            return std::nullopt;
        }
        if (const QString tooLong = fieldTooLong(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
            !tooLong.isEmpty()) {
            fail(Mgmt::Errors::ConstraintViolation, tooLong);
            return std::nullopt;
        }
        return doc;
    }
    // hawkBit's column sizes (its repository model: NamedEntity, NamedVersionedEntity, SoftwareModule, Target,
    // TargetFilterQuery, Type, Tag, Rollout): a longer value is a 400 naming the field, as hawkBit's validation
    // answers, never a 500 from a database column that is too short.
    static QString fieldTooLong(const QJsonValue &v)
    {
        if (v.isArray()) {
            for (const QJsonValue &e : v.toArray()) {
                if (const QString why = fieldTooLong(e); !why.isEmpty())
                    return why;
            }
            return {};
        }
        if (!v.isObject())
            return {};
        const QJsonObject o = v.toObject();
        const bool metadata = o.contains("key"_L1) && o.contains("value"_L1);
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isArray() || it.value().isObject()) {
                if (const QString why = fieldTooLong(it.value()); !why.isEmpty())
                    return why;
                continue;
            }
            if (!it.value().isString())
                continue;
            static const QHash<QString, int> limits {
                { u"name"_s, 128 },      { u"description"_s, 512 },  { u"version"_s, 64 },
                { u"vendor"_s, 256 },    { u"controllerId"_s, 256 }, { u"securityToken"_s, 128 },
                { u"address"_s, 512 },   { u"query"_s, 1024 },       { u"targetFilterQuery"_s, 1024 },
                { u"colour"_s, 16 },     { u"remark"_s, 255 },       { u"approvalRemark"_s, 255 },
                { u"approvedBy"_s, 64 },
            };
            int limit = limits.value(it.key(), 0);
            if (it.key() == u"key"_s)
                limit = metadata ? 128 : 64; // a metadata key, or a type's key
            else if (it.key() == u"value"_s && metadata)
                limit = 4000;
            if (limit > 0 && it.value().toString().size() > limit)
                return u"%1: at most %2 characters, %3 given"_s.arg(it.key()).arg(limit).arg(
                    it.value().toString().size());
        }
        return {};
    }
    static constexpr qsizetype MaxStringLength = 16384;
    static qsizetype longestString(const QJsonValue &v)
    {
        qsizetype longest = 0;
        if (v.isString())
            return v.toString().size();
        if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                longest = std::max(longest, longestString(e));
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                longest = std::max({ longest, it.key().size(), longestString(it.value()) });
        }
        return longest;
    }
    std::optional<QJsonArray> jsonArray()
    {
        const auto doc = json();
        if (!doc)
            return std::nullopt;
        if (!doc->isArray()) {
            fail(Mgmt::Status::BadRequest, u"the body must be a JSON array"_s);
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
            fail(Mgmt::Status::BadRequest, u"the body must be a JSON object"_s);
            return std::nullopt;
        }
        return doc->object();
    }
    // A whole-number query parameter within [min, max] (fallback when absent); fails with 400 (mustBe, or "name
    // must be a number from min to max") otherwise.
    std::optional<int> intParameter(const QString &name, int fallback, int min, int max, const QString &mustBe = {})
    {
        const QUrlQuery q = request.query();
        if (!q.hasQueryItem(name))
            return fallback;
        bool ok = false;
        const int value = q.queryItemValue(name, QUrl::FullyDecoded).toInt(&ok);
        if (!ok || value < min || value > max) {
            fail(Mgmt::Status::BadRequest,
                 mustBe.isEmpty() ? u"%1 must be a number from %2 to %3"_s.arg(name).arg(min).arg(max) : mustBe);
            return std::nullopt;
        }
        return value;
    }
    // offset / limit (default 50, at most 500); fails with 400 on bad values.
    bool paging(int *offset, int *limit)
    {
        const auto o
            = intParameter(u"offset"_s, 0, 0, std::numeric_limits<int>::max(), u"offset must be a number >= 0"_s);
        if (!o)
            return false;
        const auto l = intParameter(u"limit"_s, DefaultLimit, 1, MaxLimit,
                                    u"limit must be a number from 1 to %1"_s.arg(MaxLimit));
        if (!l)
            return false;
        *offset = *o;
        *limit = *l;
        return true;
    }
    std::optional<qint64> idArg(int i, const QString &what)
    {
        bool ok = false;
        const qint64 id = args.value(i).toLongLong(&ok);
        if (!ok) {
            fail(Mgmt::Status::NotFound, u"%1 '%2' does not exist"_s.arg(what, args.value(i)));
            return std::nullopt;
        }
        return id;
    }
};

namespace Mgmt {
struct Listing
{
    SqlCondition condition;
    QString orderBy;
    int offset = 0;
    int limit = 0;
};
inline std::optional<SqlCondition> queryOf(ManagementServer::Context &ctx, RsqlCompiler::Entity entity);
// offset/limit, q= and sort= of a list request; fails the request (400) and returns nullopt on a bad one.
inline std::optional<Listing> listingOf(ManagementServer::Context &ctx, RsqlCompiler::Entity entity,
                                        const QString &alias)
{
    Listing l;
    if (!ctx.paging(&l.offset, &l.limit))
        return std::nullopt;
    const std::optional<SqlCondition> condition = queryOf(ctx, entity);
    if (!condition)
        return std::nullopt;
    l.condition = *condition;
    QString error;
    const std::optional<QString> order = RsqlCompiler::orderBy(
        entity, ctx.request.query().queryItemValue(u"sort"_s, QUrl::FullyDecoded), alias, &error);
    if (!order) {
        ctx.fail(Errors::SortParameterInvalid, error);
        return std::nullopt;
    }
    l.orderBy = *order;
    return l;
}

inline std::optional<SqlCondition> queryOf(ManagementServer::Context &ctx, RsqlCompiler::Entity entity)
{
    const QString q = ctx.request.query().queryItemValue(u"q"_s, QUrl::FullyDecoded);
    if (q.isEmpty())
        return SqlCondition();
    const auto compiled = RsqlCompiler::compile(entity, q);
    if (const auto *error = std::get_if<Rsql::ParseError>(&compiled)) {
        ctx.fail(Errors::RsqlSyntax, u"q: "_s + error->toString());
        return std::nullopt;
    }
    return std::get<SqlCondition>(compiled);
}

} // namespace Mgmt

} // namespace Flotilla
