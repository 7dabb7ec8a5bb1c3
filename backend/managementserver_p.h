#pragma once

// Shared by the Management API's implementation files: the request context and the JSON shapes. Not an API.
#include "backend/httpmethod.h"
#include "backend/managementserver.h"
#include "backend/mgmterror.h"
#include "backend/queryparameters.h"

#include "backend/rsqlcompiler.h"
#include "backend/servermetrics.h"
#include "engine/rolloutnextstep.h"
#include "proto/ddi/ddimessages.h"
#include "proto/mgmt/mgmtmessages.h"
#include "proto/mgmt/mgmtrequests.h"

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

inline std::optional<qint64> msOf(const QDateTime &t)
{
    return t.isValid() ? std::optional(t.toMSecsSinceEpoch()) : std::nullopt;
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

// The same links as a wire type holds them (rel -> href; paths on this server).
inline Links linksOf(std::initializer_list<std::pair<QLatin1StringView, QString>> links)
{
    Links out;
    for (const auto &[rel, path] : links)
        out.insert(rel, Base + path);
    return out;
}

// controllerId: the action's target, for its links (empty: no self link).
inline MgmtAction mgmtAction(const Action &a, const QString &controllerId)
{
    // hawkBit's MgmtAction: type is "cancel" once the action is being canceled, forceType its handling.
    // actionType (the same value as forceType) is Flotilla's older name, kept for existing clients.
    const bool cancel = a.state == ActionState::Canceling || a.state == ActionState::Canceled;
    MgmtAction o;
    o.id = a.id;
    o.type = cancel ? u"cancel"_s : u"update"_s;
    o.status = a.isActive() ? u"pending"_s : u"finished"_s;
    o.detailStatus = nameOf(a.state).toLower();
    o.actionType = nameOf(a.type);
    o.forceType = nameOf(a.type);
    o.weight = a.weight;
    o.distributionSetId = a.distributionSetId;
    o.createdAt = msOf(a.createdAt);
    o.lastModifiedAt = msOf(a.lastModifiedAt);
    o.confirmationRequired = a.confirmationRequired;
    o.active = a.isActive();
    o.links = linksOf({ { "distributionset"_L1, u"/distributionsets/%1"_s.arg(a.distributionSetId) } });
    if (!controllerId.isEmpty()) {
        const QString target = u"/targets/"_s + QString::fromUtf8(QUrl::toPercentEncoding(controllerId));
        o.links.insert(u"self"_s, Base + target + u"/actions/%1"_s.arg(a.id));
        o.links.insert(u"target"_s, Base + target);
        o.links.insert(u"status"_s, Base + target + u"/actions/%1/status"_s.arg(a.id));
    }
    if (a.rolloutId) {
        o.links.insert(u"rollout"_s, Base + u"/rollouts/%1"_s.arg(a.rolloutId));
        o.rollout = a.rolloutId;
    }
    if (a.type == ActionType::TimeForced)
        o.forceTime = msOf(a.forceTime);
    if (a.maintenanceWindow)
        o.maintenanceWindow = MgmtMaintenanceWindow { a.maintenanceWindow->schedule(), a.maintenanceWindow->duration(),
                                                      a.maintenanceWindow->timezone() };
    return o;
}

inline MgmtActionStatus mgmtActionStatus(const ActionStatusEntry &e)
{
    return { nameOf(e.status).toLower(), msOf(e.at), e.messages, e.code };
}

inline MgmtTarget mgmtTarget(const Target &t, bool withToken)
{
    MgmtTarget o;
    o.id = t.id; // Flotilla's own: matches the event stream's ids
    o.controllerId = t.controllerId;
    o.name = t.name;
    o.description = t.description;
    o.updateStatus = targetStateName(t.state);
    o.lastControllerRequestAt = msOf(t.lastPoll);
    o.address = t.address;
    o.createdAt = msOf(t.createdAt);
    o.requestAttributes = t.requestAttributes;
    o.autoConfirmActive = t.autoConfirm;
    if (t.installedDistributionSetId)
        o.installedDistributionSetId = t.installedDistributionSetId;
    if (t.assignedDistributionSetId)
        o.assignedDistributionSetId = t.assignedDistributionSetId;
    o.targetTypeKey = t.targetTypeKey; // targetsOut names the type by id
    if (!t.group.isEmpty())
        o.group = t.group;
    const QString self = u"/targets/"_s + QString::fromUtf8(QUrl::toPercentEncoding(t.controllerId));
    o.links = linksOf({ { "self"_L1, self },
                        { "assignedDS"_L1, self + u"/assignedDS"_s },
                        { "installedDS"_L1, self + u"/installedDS"_s },
                        { "attributes"_L1, self + u"/attributes"_s },
                        { "actions"_L1, self + u"/actions?offset=0&limit=50&sort=id%3ADESC"_s },
                        { "autoConfirm"_L1, self + u"/autoConfirm"_s } });
    if (withToken)
        o.securityToken = t.securityToken;
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

// A type named by its id (hawkBit) or by its key (Flotilla's first form): keyOfId is the key of the type whose id
// the reference is (when it is a number and such a type exists), byKey reads one.
template<typename Type, typename ByKey>
Lookup<Type> typeByIdOrKey(const Lookup<QString> &keyOfId, ByKey byKey, const QString &key)
{
    if (keyOfId.failed())
        return keyOfId.error();
    if (keyOfId.found()) {
        Lookup<Type> t = byKey(*keyOfId);
        if (!t.absent())
            return t;
    }
    return byKey(key);
}

inline QStringList keysOf(const QJsonValue &list)
{
    QStringList keys;
    for (const QJsonValue &v : list.toArray())
        keys << (v.isObject() ? v.toObject().value("key"_L1).toString() : v.toString());
    return keys;
}
inline MgmtSoftwareModule mgmtModule(const SoftwareModule &m)
{
    MgmtSoftwareModule o;
    o.id = m.id;
    o.type = m.typeKey;
    o.name = m.name;
    o.version = m.version;
    o.vendor = m.vendor;
    o.description = m.description;
    o.links = linksOf({ { "self"_L1, u"/softwaremodules/%1"_s.arg(m.id) } });
    return o;
}
// A module with its artifacts, as the module resources show it (a set's modules list is mgmtModule's).
inline MgmtSoftwareModule mgmtModule(const SoftwareModule &m, const QList<Artifact> &artifacts)
{
    MgmtSoftwareModule o = mgmtModule(m);
    o.encrypted = m.encrypted;
    o.artifacts = QList<MgmtArtifact>();
    for (const Artifact &a : artifacts)
        o.artifacts->append(MgmtArtifact { a.id, a.filename, a.size, a.sha1, a.md5, a.sha256 });
    o.links.insert(u"artifacts"_s, Base + u"/softwaremodules/%1/artifacts"_s.arg(m.id));
    return o;
}
inline MgmtDistributionSet mgmtSet(const DistributionSet &s, const QList<SoftwareModule> &modules, bool complete)
{
    MgmtDistributionSet o;
    o.id = s.id;
    o.name = s.name;
    o.description = s.description;
    o.version = s.version;
    o.type = s.typeKey;
    o.requiredMigrationStep = s.requiredMigrationStep;
    o.locked = s.locked;
    o.complete = complete;
    o.valid = s.valid;
    for (const SoftwareModule &m : modules)
        o.modules.append(mgmtModule(m));
    o.links = linksOf({ { "self"_L1, u"/distributionsets/%1"_s.arg(s.id) },
                        { "modules"_L1, u"/distributionsets/%1/assignedSM"_s.arg(s.id) } });
    return o;
}
// hawkBit's totalTargetsPerStatus: the group's targets by the state of their action (none yet: notstarted).
inline MgmtTotalTargetsPerStatus perStatusOf(int targets, const GroupCounts &c)
{
    return { .running = c.running - c.scheduled,
             .notstarted = std::max(0, targets - c.total),
             .scheduled = c.scheduled,
             .cancelled = c.canceled,
             .finished = c.finished,
             .error = c.error };
}
// hawkBit's MgmtRolloutGroupResponseBody.
inline MgmtRolloutGroupResponseBody mgmtGroup(const Rollout &r, const RolloutGroup &g, const GroupCounts &counts)
{
    MgmtRolloutGroupResponseBody o;
    o.id = g.id;
    o.name = g.name;
    o.description = g.description;
    o.status = nameOf(g.state).toLower();
    o.dynamic = g.name.startsWith(u"dynamic-"_s);
    o.targetFilterQuery = g.targetFilterQuery;
    o.targetPercentage = g.targetPercentage;
    o.confirmationRequired = g.confirmationRequired.value_or(r.confirmationRequired);
    o.successThreshold = g.conditions.successThresholdPercent;
    o.successAction = g.conditions.successAction == SuccessAction::Pause ? u"PAUSE"_s : u"NEXTGROUP"_s;
    o.errorThreshold = g.conditions.errorThresholdPercent;
    o.totalTargets = g.targetCount;
    o.totalTargetsPerStatus = perStatusOf(g.targetCount, counts);
    o.links = linksOf({ { "self"_L1, u"/rollouts/%1/deploygroups/%2"_s.arg(r.id).arg(g.id) } });
    return o;
}
// Flotilla: what the rollout will do next (RolloutNextStep), for the console's overview.
inline MgmtRolloutNextStep mgmtNextStep(const RolloutNextStep &step)
{
    MgmtRolloutNextStep o;
    o.kind = RolloutNextStep::nameOf(step.kind);
    if (!step.group.isEmpty())
        o.group = step.group;
    if (!step.after.isEmpty())
        o.after = step.after;
    if (step.kind == RolloutNextStep::Kind::StartGroup || step.kind == RolloutNextStep::Kind::PausedOnSuccess
        || step.kind == RolloutNextStep::Kind::PausedOnError || step.kind == RolloutNextStep::Kind::Paused) {
        o.threshold = step.threshold;
        o.progress = step.progress;
    }
    o.at = msOf(step.at);
    return o;
}
// hawkBit's MgmtRolloutResponseBody (and Flotilla's nextStep); counts holds each group's (by position), for the
// totals.
inline MgmtRolloutResponseBody mgmtRollout(const Rollout &r, const QList<RolloutGroup> &groups,
                                           const QList<GroupCounts> &counts)
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
    MgmtRolloutResponseBody o;
    o.id = r.id;
    o.totalTargets = targets;
    o.totalTargetsPerStatus = perStatusOf(targets, sum);
    o.forcetime = msOf(r.forceTime);
    o.links = linksOf({ { "self"_L1, u"/rollouts/%1"_s.arg(r.id) },
                        { "start"_L1, u"/rollouts/%1/start"_s.arg(r.id) },
                        { "pause"_L1, u"/rollouts/%1/pause"_s.arg(r.id) },
                        { "resume"_L1, u"/rollouts/%1/resume"_s.arg(r.id) },
                        { "triggerNextGroup"_L1, u"/rollouts/%1/triggerNextGroup"_s.arg(r.id) },
                        { "approve"_L1, u"/rollouts/%1/approve"_s.arg(r.id) },
                        { "deny"_L1, u"/rollouts/%1/deny"_s.arg(r.id) },
                        { "groups"_L1, u"/rollouts/%1/deploygroups?offset=0&limit=50"_s.arg(r.id) },
                        { "distributionset"_L1, u"/distributionsets/%1"_s.arg(r.distributionSetId) } });
    o.name = r.name;
    o.description = r.description;
    o.targetFilterQuery = r.targetFilterQuery;
    o.distributionSetId = r.distributionSetId;
    o.status = nameOf(r.state).toLower();
    o.type = nameOf(r.type);
    o.weight = r.weight;
    o.dynamic = r.dynamic;
    o.confirmationRequired = r.confirmationRequired;
    o.startAt = msOf(r.startAt);
    o.createdAt = msOf(r.createdAt);
    o.totalGroups = int(groups.size());
    o.nextStep = mgmtNextStep(RolloutNextStep::of(r, groups, counts));
    return o;
}
// The items' JSON, in order.
template<typename T> QJsonArray jsonOf(const QList<T> &items)
{
    QJsonArray out;
    for (const T &t : items)
        out.append(t.toJson());
    return out;
}

// A request's condition as a percentage (fallback when there is none); nullopt when its expression is not one.
template<typename Condition> std::optional<int> percentOf(const std::optional<Condition> &c, int fallback)
{
    if (!c || !c->expression)
        return fallback;
    bool ok = false;
    const int pct = c->expression->toInt(&ok);
    if (!ok || pct < 0 || pct > 100)
        return std::nullopt;
    return pct;
}
} // namespace Mgmt

template<typename T> QJsonArray ManagementServer::withAudit(const QString &kind, QList<T> items)
{
    QList<qint64> ids;
    for (const T &t : items) {
        if (t.id)
            ids << t.id;
    }
    const QHash<qint64, SqlAuditTrail::AuditRow> rows = ids.isEmpty() ? decltype(rows)() : auditRows(kind, ids);
    for (T &t : items) {
        const auto row = rows.constFind(t.id);
        fillAudit(kind, row != rows.cend() ? &*row : nullptr, &t.audit, &t.createdAt);
    }
    return Mgmt::jsonOf(items);
}

template<typename T> QJsonObject ManagementServer::withAudit(const QString &kind, const T &item)
{
    return withAudit(kind, QList<T> { item }).first().toObject();
}

// The implementation files share these names (this header is private to them).
using namespace Qt::StringLiterals;
using namespace Mgmt;

// One request: who asks, the path arguments, and the answer.
struct ManagementServer::Context
{
    template<typename T> static const Failure *failureOf(const Result<T> &r) { return r ? nullptr : &r.error(); }
    template<typename T> static const Failure *failureOf(const Lookup<T> &l)
    {
        return l.failed() ? &l.error() : nullptr;
    }

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
    int answered = 0; // the status written to the client (metrics); 0: none yet

    void write(const QByteArray &body, const QHttpHeaders &headers, Mgmt::Status status)
    {
        if (heldAnswer)
            *heldAnswer = Answer { body, headers, status };
        else
            answer(body, headers, status);
    }
    // To the client, now (what every answer ends in).
    void answer(const QByteArray &body, const QHttpHeaders &headers, Mgmt::Status status)
    {
        answered = int(status);
        responder.write(body, headers, status);
    }
    void answer(QIODevice *stream, const QHttpHeaders &headers, Mgmt::Status status)
    {
        answered = int(status);
        responder.write(stream, headers, status);
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
    void sendPage(const QJsonArray &content, qint64 total) { send(Mgmt::pageJson(content, total)); }
    // An error in hawkBit's ExceptionInfo shape; the generic kind of the status, or a specific one.
    void fail(Mgmt::Status status, const QString &message) { fail(Mgmt::errorFor(status), message); }
    // True when every result holds a value; else answers 500 (hawkBit's generic error) naming the first failure,
    // so a failed read is never sent as an empty page.
    template<typename... R> bool succeeded(const R &...results)
    {
        const Failure *first = nullptr;
        ((first = first ? first : failureOf(results)), ...);
        if (first)
            fail(Mgmt::Errors::Generic, first->message);
        return !first;
    }
    // True when the lookup found its entity; else answers 404 with notFound (there is none) or 500 (the read
    // failed), so a read that failed is never answered "does not exist".
    template<typename T> bool found(const Lookup<T> &lookup, const Mgmt::Error &notFoundError, const QString &notFound)
    {
        if (lookup.failed())
            fail(Mgmt::Errors::Generic, lookup.error().message);
        else if (lookup.absent())
            fail(notFoundError, notFound);
        return lookup.found();
    }
    template<typename T> bool found(const Lookup<T> &lookup, const QString &notFound)
    {
        return found(lookup, Mgmt::errorFor(Mgmt::Status::NotFound), notFound);
    }
    void fail(const Mgmt::Error &error, const QString &message)
    {
        qCDebug(lcMgmt).noquote() << int(error.status) << request.url().path() << message;
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        if (error.status == Mgmt::Status::Unauthorized)
            h.append(QHttpHeaders::WellKnownHeader::WWWAuthenticate, "Basic realm=\"Flotilla\"");
        const Mgmt::ExceptionInfo body { error.exceptionClass, error.errorCode, message };
        write(QJsonDocument(body.toJson()).toJson(QJsonDocument::Compact), h, error.status);
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
    // The body as a JSON array of T (proto/mgmt's request types); fails the request (400, naming the item and
    // the field) and returns nullopt when it is not one.
    template<typename T> std::optional<QList<T>> items()
    {
        const std::optional<QJsonArray> array = jsonArray();
        if (!array)
            return std::nullopt;
        Mgmt::DecodeError error;
        std::optional<QList<T>> decoded = Mgmt::decodeItems<T>(*array, &error);
        if (!decoded)
            fail(Mgmt::Errors::BodyNotReadable, error.message);
        return decoded;
    }
    // The body as one T (proto/mgmt's request types); fails the request (400, naming the field) and returns nullopt
    // when it is not one.
    template<typename T> std::optional<T> object()
    {
        const std::optional<QJsonObject> o = jsonObject();
        if (!o)
            return std::nullopt;
        Mgmt::DecodeError error;
        std::optional<T> decoded = T::fromJson(*o, &error);
        if (!decoded)
            fail(Mgmt::Errors::BodyNotReadable, error.message);
        return decoded;
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
        const std::optional<int> value = QueryParameters::intValue(request.query(), name, fallback, min, max);
        if (!value)
            fail(Mgmt::Status::BadRequest,
                 mustBe.isEmpty() ? u"%1 must be a number from %2 to %3"_s.arg(name).arg(min).arg(max) : mustBe);
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
