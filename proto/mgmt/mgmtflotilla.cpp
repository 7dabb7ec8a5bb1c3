// Flotilla's own Management resources (no hawkBit model class behind them): the audit trail's entries, operator
// accounts, a rollout's action spans and the rollout forecast. Declared in mgmtmessages.h with hawkBit's types.
#include "proto/mgmt/mgmtcodec_p.h"
#include "proto/mgmt/mgmtmessages.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

QJsonObject MgmtAuditEntry::toJson() const
{
    const auto jsonOrNull = [](const QJsonValue &v) {
        return v.isObject() || v.isArray() ? v : QJsonValue();
    };
    return { { "id"_L1, double(id) },
             { "at"_L1, double(at) },
             { "actor"_L1, actor },
             { "address"_L1, address },
             { "method"_L1, method },
             { "path"_L1, path },
             { "status"_L1, status },
             { "entity"_L1, entity },
             { "entityId"_L1, entityId },
             { "request"_L1, jsonOrNull(request) },
             { "before"_L1, jsonOrNull(before) },
             { "after"_L1, jsonOrNull(after) } };
}

std::optional<MgmtAuditEntry> MgmtAuditEntry::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtAuditEntry e;
    Reader r(o, {}, error);
    r.read("id"_L1, &e.id);
    r.read("at"_L1, &e.at);
    r.read("actor"_L1, &e.actor);
    r.read("address"_L1, &e.address);
    r.read("method"_L1, &e.method);
    r.read("path"_L1, &e.path);
    r.read("status"_L1, &e.status);
    r.read("entity"_L1, &e.entity);
    r.read("entityId"_L1, &e.entityId);
    for (const auto &[key, into] : { std::pair { "request"_L1, &e.request }, std::pair { "before"_L1, &e.before },
                                     std::pair { "after"_L1, &e.after } }) {
        if (const auto v = r.value(key)) {
            if (v->isObject() || v->isArray())
                *into = *v;
            else
                r.fail(key, "an object, an array or null");
        }
    }
    return done(r, std::move(e));
}

const QList<FieldSpec> &MgmtAuditEntry::fields()
{
    static const QList<FieldSpec> list
        = { { "id", "integer" },      { "at", "integer" },  { "actor", "string" },   { "address", "string" },
            { "method", "string" },   { "path", "string" }, { "status", "integer" }, { "entity", "string" },
            { "entityId", "string" }, { "request", "" },    { "before", "" },        { "after", "" } };
    return list;
}

QJsonObject MgmtUser::toJson() const
{
    return { { "id"_L1, double(id) }, { "username"_L1, username }, { "roles"_L1, QJsonArray::fromStringList(roles) } };
}

std::optional<MgmtUser> MgmtUser::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtUser u;
    Reader r(o, {}, error);
    r.read("id"_L1, &u.id);
    r.read("username"_L1, &u.username);
    r.read("roles"_L1, &u.roles);
    return done(r, std::move(u));
}

const QList<FieldSpec> &MgmtUser::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" }, { "username", "string" }, { "roles", "array" } };
    return list;
}

QJsonObject MgmtTargetAutoConfirm::toJson() const
{
    QJsonObject o { { "active"_L1, active } };
    insertIf(o, "initiator"_L1, initiator);
    insertIf(o, "remark"_L1, remark);
    return o;
}

std::optional<MgmtTargetAutoConfirm> MgmtTargetAutoConfirm::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTargetAutoConfirm a;
    Reader r(o, {}, error);
    r.read("active"_L1, &a.active);
    r.read("initiator"_L1, &a.initiator);
    r.read("remark"_L1, &a.remark);
    return done(r, std::move(a));
}

const QList<FieldSpec> &MgmtTargetAutoConfirm::fields()
{
    static const QList<FieldSpec> list = { { "active", "boolean" }, { "initiator", "string" }, { "remark", "string" } };
    return list;
}

QJsonObject MgmtToken::toJson() const
{
    return { { "token"_L1, token }, { "expiresAt"_L1, double(expiresAt) } };
}

std::optional<MgmtToken> MgmtToken::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtToken t;
    Reader r(o, {}, error);
    r.read("token"_L1, &t.token);
    r.read("expiresAt"_L1, &t.expiresAt);
    return done(r, std::move(t));
}

const QList<FieldSpec> &MgmtToken::fields()
{
    static const QList<FieldSpec> list = { { "token", "string" }, { "expiresAt", "integer" } };
    return list;
}

QJsonObject MgmtUserInfo::toJson() const
{
    return { { "tenant"_L1, tenant },
             { "username"_L1, username },
             { "permissions"_L1, QJsonArray::fromStringList(permissions) } };
}

std::optional<MgmtUserInfo> MgmtUserInfo::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtUserInfo u;
    Reader r(o, {}, error);
    r.read("tenant"_L1, &u.tenant);
    r.read("username"_L1, &u.username);
    r.read("permissions"_L1, &u.permissions);
    return done(r, std::move(u));
}

const QList<FieldSpec> &MgmtUserInfo::fields()
{
    static const QList<FieldSpec> list
        = { { "tenant", "string" }, { "username", "string" }, { "permissions", "array" } };
    return list;
}

QJsonObject MgmtActionsDeleted::toJson() const
{
    return { { "deleted"_L1, double(deleted) }, { "kept"_L1, double(kept) } };
}

std::optional<MgmtActionsDeleted> MgmtActionsDeleted::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtActionsDeleted d;
    Reader r(o, {}, error);
    r.read("deleted"_L1, &d.deleted);
    r.read("kept"_L1, &d.kept);
    return done(r, std::move(d));
}

const QList<FieldSpec> &MgmtActionsDeleted::fields()
{
    static const QList<FieldSpec> list = { { "deleted", "integer" }, { "kept", "integer" } };
    return list;
}

QJsonObject MgmtActionSpan::toJson() const
{
    return { { "id"_L1, double(id) },
             { "target"_L1, target },
             { "group"_L1, double(group) },
             { "status"_L1, status },
             { "createdAt"_L1, orNull(createdAt) },
             { "startedAt"_L1, orNull(startedAt) },
             { "closedAt"_L1, orNull(closedAt) } };
}

std::optional<MgmtActionSpan> MgmtActionSpan::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtActionSpan s;
    Reader r(o, {}, error);
    r.read("id"_L1, &s.id);
    r.read("target"_L1, &s.target);
    r.read("group"_L1, &s.group);
    r.read("status"_L1, &s.status);
    r.read("createdAt"_L1, &s.createdAt);
    r.read("startedAt"_L1, &s.startedAt);
    r.read("closedAt"_L1, &s.closedAt);
    return done(r, std::move(s));
}

const QList<FieldSpec> &MgmtActionSpan::fields()
{
    static const QList<FieldSpec> list
        = { { "id", "integer" },        { "target", "string" },     { "group", "integer" },   { "status", "string" },
            { "createdAt", "integer" }, { "startedAt", "integer" }, { "closedAt", "integer" } };
    return list;
}

QJsonObject MgmtGroupForecast::toJson() const
{
    return { { "name"_L1, name },
             { "targets"_L1, targets },
             { "startsAt"_L1, orNull(startsAt) },
             { "endsAt"_L1, orNull(endsAt) },
             { "finished"_L1, finished },
             { "failed"_L1, failed } };
}

std::optional<MgmtGroupForecast> MgmtGroupForecast::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtGroupForecast g;
    Reader r(o, {}, error);
    r.read("name"_L1, &g.name);
    r.read("targets"_L1, &g.targets);
    r.read("startsAt"_L1, &g.startsAt);
    r.read("endsAt"_L1, &g.endsAt);
    r.read("finished"_L1, &g.finished);
    r.read("failed"_L1, &g.failed);
    return done(r, std::move(g));
}

QJsonObject MgmtForecastAssumptions::toJson() const
{
    return { { "pollingSeconds"_L1, double(pollingSeconds) },
             { "installSeconds"_L1, double(installSeconds) },
             { "failureRate"_L1, failureRate },
             { "fromHistory"_L1, fromHistory },
             { "historyActions"_L1, double(historyActions) },
             { "silentTargets"_L1, silentTargets },
             { "horizonSeconds"_L1, double(horizonSeconds) } };
}

std::optional<MgmtForecastAssumptions> MgmtForecastAssumptions::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtForecastAssumptions a;
    Reader r(o, {}, error);
    r.read("pollingSeconds"_L1, &a.pollingSeconds);
    r.read("installSeconds"_L1, &a.installSeconds);
    r.read("failureRate"_L1, &a.failureRate);
    r.read("fromHistory"_L1, &a.fromHistory);
    r.read("historyActions"_L1, &a.historyActions);
    r.read("silentTargets"_L1, &a.silentTargets);
    r.read("horizonSeconds"_L1, &a.horizonSeconds);
    return done(r, std::move(a));
}

QJsonObject MgmtRolloutForecast::toJson() const
{
    return { { "status"_L1, status },
             { "pausedAt"_L1, pausedAt ? QJsonValue(*pausedAt) : QJsonValue() },
             { "start"_L1, double(start) },
             { "end"_L1, orNull(end) },
             { "totalTargets"_L1, totalTargets },
             { "bytes"_L1, double(bytes) },
             { "groups"_L1, arrayOf(groups) },
             { "assumptions"_L1, assumptions.toJson() } };
}

std::optional<MgmtRolloutForecast> MgmtRolloutForecast::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtRolloutForecast f;
    Reader r(o, {}, error);
    r.read("status"_L1, &f.status);
    r.read("pausedAt"_L1, &f.pausedAt);
    r.read("start"_L1, &f.start);
    r.read("end"_L1, &f.end);
    r.read("totalTargets"_L1, &f.totalTargets);
    r.read("bytes"_L1, &f.bytes);
    r.read("groups"_L1, &f.groups);
    r.read("assumptions"_L1, &f.assumptions);
    return done(r, std::move(f));
}

const QList<FieldSpec> &MgmtRolloutForecast::fields()
{
    static const QList<FieldSpec> list = { { "status", "string" },        { "pausedAt", "string" },
                                           { "start", "integer" },        { "end", "integer" },
                                           { "totalTargets", "integer" }, { "bytes", "integer" },
                                           { "groups", "array" },         { "assumptions", "object" } };
    return list;
}

} // namespace Flotilla::Mgmt
