#include "proto/mgmt/mgmtrequests.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

QJsonObject MgmtTargetRequestBody::toJson() const
{
    QJsonObject o { { "controllerId"_L1, controllerId }, { "description"_L1, description } };
    insertIf(o, "name"_L1, name);
    insertIf(o, "securityToken"_L1, securityToken);
    if (targetType)
        o.insert("targetType"_L1, double(*targetType));
    else if (!targetTypeKey.isEmpty())
        o.insert("targetType"_L1, targetTypeKey);
    if (!group.isEmpty())
        o.insert("group"_L1, group);
    return o;
}

std::optional<MgmtTargetRequestBody> MgmtTargetRequestBody::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTargetRequestBody t;
    Reader r(o, {}, error);
    r.read("controllerId"_L1, &t.controllerId);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    r.read("securityToken"_L1, &t.securityToken);
    if (const auto type = r.value("targetType"_L1); type && type->isString())
        t.targetTypeKey = type->toString();
    else if (type && !type->isDouble())
        r.fail("targetType"_L1, "a target type's id (or key)");
    else
        r.read("targetType"_L1, &t.targetType);
    r.read("group"_L1, &t.group);
    return done(r, std::move(t));
}

QJsonObject MgmtSoftwareModuleRequestBodyPost::toJson() const
{
    return { { "type"_L1, type },
             { "name"_L1, name },
             { "version"_L1, version },
             { "vendor"_L1, vendor },
             { "description"_L1, description },
             { "encrypted"_L1, encrypted } };
}

std::optional<MgmtSoftwareModuleRequestBodyPost> MgmtSoftwareModuleRequestBodyPost::fromJson(const QJsonObject &o,
                                                                                             DecodeError *error)
{
    MgmtSoftwareModuleRequestBodyPost m;
    Reader r(o, {}, error);
    r.read("type"_L1, &m.type);
    r.read("name"_L1, &m.name);
    r.read("version"_L1, &m.version);
    r.read("vendor"_L1, &m.vendor);
    r.read("description"_L1, &m.description);
    r.read("encrypted"_L1, &m.encrypted);
    return done(r, std::move(m));
}

QJsonObject MgmtDistributionSetRequestBodyPost::toJson() const
{
    QJsonArray list;
    for (qint64 id : modules)
        list.append(QJsonObject { { "id"_L1, double(id) } });
    return { { "name"_L1, name },
             { "version"_L1, version },
             { "type"_L1, type },
             { "description"_L1, description },
             { "requiredMigrationStep"_L1, requiredMigrationStep },
             { "modules"_L1, list } };
}

namespace {
struct ModuleRef
{
    qint64 id = 0;
    static std::optional<ModuleRef> fromJson(const QJsonObject &o, DecodeError *error)
    {
        ModuleRef m;
        Reader r(o, {}, error);
        r.read("id"_L1, &m.id); // absent: 0, which names no module (404)
        return done(r, std::move(m));
    }
};
} // namespace

std::optional<MgmtDistributionSetRequestBodyPost> MgmtDistributionSetRequestBodyPost::fromJson(const QJsonObject &o,
                                                                                               DecodeError *error)
{
    MgmtDistributionSetRequestBodyPost s;
    Reader r(o, {}, error);
    r.read("name"_L1, &s.name);
    r.read("version"_L1, &s.version);
    r.read("type"_L1, &s.type);
    r.read("description"_L1, &s.description);
    r.read("requiredMigrationStep"_L1, &s.requiredMigrationStep);
    QList<ModuleRef> modules;
    r.read("modules"_L1, &modules);
    for (const ModuleRef &m : modules)
        s.modules.append(m.id);
    return done(r, std::move(s));
}

QJsonObject MgmtTargetAssignmentRequestBody::toJson() const
{
    QJsonObject o { { "id"_L1, setId ? QJsonValue(double(*setId)) : QJsonValue(id) } };
    insertIf(o, "type"_L1, type);
    if (forcetime)
        o.insert("forcetime"_L1, double(*forcetime));
    if (weight)
        o.insert("weight"_L1, *weight);
    if (confirmationRequired)
        o.insert("confirmationRequired"_L1, *confirmationRequired);
    if (maintenanceWindow)
        o.insert("maintenanceWindow"_L1, maintenanceWindow->toJson());
    return o;
}

namespace {
void readAssignment(Reader &r, MgmtTargetAssignmentRequestBody *a)
{
    r.read("type"_L1, &a->type);
    r.read("forcetime"_L1, &a->forcetime);
    r.read("weight"_L1, &a->weight);
    r.read("confirmationRequired"_L1, &a->confirmationRequired);
    r.read("maintenanceWindow"_L1, &a->maintenanceWindow);
}
} // namespace

std::optional<MgmtTargetAssignmentRequestBody> MgmtTargetAssignmentRequestBody::fromJson(const QJsonObject &o,
                                                                                         DecodeError *error)
{
    MgmtTargetAssignmentRequestBody a;
    Reader r(o, {}, error);
    r.read("id"_L1, &a.id); // absent: "", which names no target (404)
    readAssignment(r, &a);
    return done(r, std::move(a));
}

std::optional<MgmtTargetAssignmentRequestBody> MgmtTargetAssignmentRequestBody::fromSetAssignment(const QJsonObject &o,
                                                                                                  DecodeError *error)
{
    MgmtTargetAssignmentRequestBody a;
    Reader r(o, {}, error);
    qint64 set = 0;
    r.read("id"_L1, &set); // absent: 0, which names no set (404)
    a.setId = set;
    readAssignment(r, &a);
    return done(r, std::move(a));
}

QJsonObject MgmtUserRequestBody::toJson() const
{
    QJsonObject o { { "roles"_L1, QJsonArray::fromStringList(roles) } };
    insertIf(o, "username"_L1, username);
    insertIf(o, "password"_L1, password);
    return o;
}

std::optional<MgmtUserRequestBody> MgmtUserRequestBody::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtUserRequestBody u;
    Reader r(o, {}, error);
    r.read("username"_L1, &u.username);
    r.read("password"_L1, &u.password);
    r.read("roles"_L1, &u.roles);
    return done(r, std::move(u));
}

QJsonObject MgmtTagRequestBodyPut::toJson() const
{
    QJsonObject o;
    insertIf(o, "name"_L1, name);
    insertIf(o, "description"_L1, description);
    insertIf(o, "colour"_L1, colour);
    return o;
}

std::optional<MgmtTagRequestBodyPut> MgmtTagRequestBodyPut::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTagRequestBodyPut t;
    Reader r(o, {}, error);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    r.read("colour"_L1, &t.colour);
    return done(r, std::move(t));
}

QJsonObject MgmtTargetRequestBodyPut::toJson() const
{
    QJsonObject o;
    insertIf(o, "name"_L1, name);
    insertIf(o, "description"_L1, description);
    if (targetType)
        o.insert("targetType"_L1, *targetType);
    if (requestAttributes)
        o.insert("requestAttributes"_L1, *requestAttributes);
    insertIf(o, "group"_L1, group);
    return o;
}

std::optional<MgmtTargetRequestBodyPut> MgmtTargetRequestBodyPut::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTargetRequestBodyPut t;
    Reader r(o, {}, error);
    r.read("name"_L1, &t.name);
    r.read("description"_L1, &t.description);
    if (o.contains("targetType"_L1)) {
        const QJsonValue type = o.value("targetType"_L1);
        if (type.isDouble() || type.isString() || type.isNull())
            t.targetType = type;
        else
            r.fail("targetType"_L1, "a target type's id (or key), or null");
    }
    r.read("requestAttributes"_L1, &t.requestAttributes);
    if (o.value("group"_L1).isNull())
        t.group = QString(); // null leaves every group, as "" does
    else
        r.read("group"_L1, &t.group);
    return done(r, std::move(t));
}

QJsonObject MgmtSoftwareModuleRequestBodyPut::toJson() const
{
    QJsonObject o;
    insertIf(o, "description"_L1, description);
    insertIf(o, "vendor"_L1, vendor);
    if (locked)
        o.insert("locked"_L1, *locked);
    return o;
}

std::optional<MgmtSoftwareModuleRequestBodyPut> MgmtSoftwareModuleRequestBodyPut::fromJson(const QJsonObject &o,
                                                                                           DecodeError *error)
{
    MgmtSoftwareModuleRequestBodyPut m;
    Reader r(o, {}, error);
    r.read("description"_L1, &m.description);
    r.read("vendor"_L1, &m.vendor);
    r.read("locked"_L1, &m.locked);
    return done(r, std::move(m));
}

QJsonObject MgmtDistributionSetRequestBodyPut::toJson() const
{
    QJsonObject o;
    insertIf(o, "name"_L1, name);
    insertIf(o, "version"_L1, version);
    insertIf(o, "description"_L1, description);
    if (requiredMigrationStep)
        o.insert("requiredMigrationStep"_L1, *requiredMigrationStep);
    if (locked)
        o.insert("locked"_L1, *locked);
    return o;
}

std::optional<MgmtDistributionSetRequestBodyPut> MgmtDistributionSetRequestBodyPut::fromJson(const QJsonObject &o,
                                                                                             DecodeError *error)
{
    MgmtDistributionSetRequestBodyPut s;
    Reader r(o, {}, error);
    r.read("name"_L1, &s.name);
    r.read("version"_L1, &s.version);
    r.read("description"_L1, &s.description);
    r.read("requiredMigrationStep"_L1, &s.requiredMigrationStep);
    r.read("locked"_L1, &s.locked);
    return done(r, std::move(s));
}

QJsonObject MgmtInvalidateDistributionSetRequestBody::toJson() const
{
    QJsonObject o { { "cancelRollouts"_L1, cancelRollouts } };
    insertIf(o, "actionCancelationType"_L1, actionCancelationType);
    return o;
}

std::optional<MgmtInvalidateDistributionSetRequestBody>
MgmtInvalidateDistributionSetRequestBody::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtInvalidateDistributionSetRequestBody b;
    Reader r(o, {}, error);
    r.read("actionCancelationType"_L1, &b.actionCancelationType);
    r.read("cancelRollouts"_L1, &b.cancelRollouts);
    return done(r, std::move(b));
}

QJsonObject MgmtActionRequestBodyPut::toJson() const
{
    return { { "forceType"_L1, forceType } };
}

std::optional<MgmtActionRequestBodyPut> MgmtActionRequestBodyPut::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtActionRequestBodyPut b;
    Reader r(o, {}, error);
    r.read("forceType"_L1, &b.forceType);
    return done(r, std::move(b));
}

QJsonObject MgmtActionConfirmationRequestBodyPut::toJson() const
{
    QJsonObject o { { "confirmation"_L1, confirmation }, { "details"_L1, QJsonArray::fromStringList(details) } };
    if (code)
        o.insert("code"_L1, *code);
    return o;
}

std::optional<MgmtActionConfirmationRequestBodyPut> MgmtActionConfirmationRequestBodyPut::fromJson(const QJsonObject &o,
                                                                                                   DecodeError *error)
{
    MgmtActionConfirmationRequestBodyPut b;
    Reader r(o, {}, error);
    r.read("confirmation"_L1, &b.confirmation);
    r.read("code"_L1, &b.code);
    r.read("details"_L1, &b.details);
    return done(r, std::move(b));
}

namespace {
// Each item through read(item, &out) (false: not one); the first that is not one is the error, with its index.
template<typename T, typename Read>
std::optional<QList<T>> refsOf(const QJsonArray &items, DecodeError *error, const char *what, Read read)
{
    QList<T> out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        T t {};
        if (!read(items.at(i), &t)) {
            if (error)
                error->message = u"[%1] must be %2"_s.arg(i).arg(QLatin1StringView(what));
            return std::nullopt;
        }
        out.append(t);
    }
    return out;
}
} // namespace

std::optional<QStringList> controllerIdsOf(const QJsonArray &items, DecodeError *error)
{
    return refsOf<QString>(items, error, "a controllerId or {\"controllerId\": ...}",
                           [](const QJsonValue &v, QString *out) {
                               const QJsonValue id = v.isObject() ? v.toObject().value("controllerId"_L1) : v;
                               *out = id.toString();
                               return id.isString() && !out->isEmpty();
                           });
}

std::optional<QList<qint64>> idsOf(const QJsonArray &items, DecodeError *error)
{
    return refsOf<qint64>(items, error, "an id or {\"id\": n}", [](const QJsonValue &v, qint64 *out) {
        const QJsonValue id = v.isObject() ? v.toObject().value("id"_L1) : v;
        bool ok = false;
        if (id.isString())
            *out = id.toString().toLongLong(&ok);
        else if (const std::optional<qint64> n = wholeNumberOf(id))
            *out = *n, ok = true;
        return ok;
    });
}

QJsonObject MgmtTargetAutoConfirmUpdate::toJson() const
{
    QJsonObject o;
    insertIf(o, "initiator"_L1, initiator);
    insertIf(o, "remark"_L1, remark);
    return o;
}

std::optional<MgmtTargetAutoConfirmUpdate> MgmtTargetAutoConfirmUpdate::fromJson(const QJsonObject &o,
                                                                                 DecodeError *error)
{
    MgmtTargetAutoConfirmUpdate u;
    Reader r(o, {}, error);
    r.read("initiator"_L1, &u.initiator);
    r.read("remark"_L1, &u.remark);
    return done(r, std::move(u));
}

} // namespace Flotilla::Mgmt
