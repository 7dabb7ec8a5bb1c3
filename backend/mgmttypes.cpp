// Management API: software module, distribution set and target types (create, list, one by id or key,
// a set type's module types, delete).
#include "managementserver_p.h"

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace Flotilla {

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
    recordCreated(ctx, u"softwaremoduletype"_s, out);
    ctx.send(withAudit(u"softwaremoduletype"_s, out), Status::Created);
}

void ManagementServer::createSetTypes(Context &ctx)
{
    const auto items = ctx.jsonArray();
    if (!items)
        return;
    QJsonArray out;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items->size(); ++i) {
        const QJsonObject o = items->at(i).toObject();
        DistributionSetType type { 0, o.value("key"_L1).toString(), o.value("name"_L1).toString(), {}, {} };
        if (type.key.isEmpty() || type.name.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: key and name are required"_s.arg(i));
        // Module types as hawkBit references them ({"id": 3}) or by key ({"key": "os"} or "os").
        for (const auto &[field, into] : { std::pair { "mandatorymodules"_L1, &type.mandatoryModuleTypes },
                                           std::pair { "optionalmodules"_L1, &type.optionalModuleTypes } }) {
            for (const QJsonValue &v : o.value(field).toArray()) {
                const QJsonObject ref = v.toObject();
                const QString name = v.isString()   ? v.toString()
                    : ref.value("id"_L1).isDouble() ? QString::number(idOf(ref.value("id"_L1)))
                                                    : ref.value("key"_L1).toString();
                const std::optional<SoftwareModuleType> m = moduleTypeByIdOrKey(name);
                if (!m)
                    return ctx.fail(Status::NotFound,
                                    u"[%1]: software module type '%2' does not exist"_s.arg(i).arg(name));
                into->append(m->key);
            }
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
    recordCreated(ctx, u"distributionsettype"_s, out);
    ctx.send(withAudit(u"distributionsettype"_s, out), Status::Created);
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
    recordCreated(ctx, u"targettype"_s, out);
    ctx.send(withAudit(u"targettype"_s, out), Status::Created);
}

namespace {
// hawkBit's MgmtSoftwareModuleType and MgmtDistributionSetType (MgmtTypeEntity: key, name, description, colour,
// deleted). Flotilla keeps no description or colour for types: they are empty. The set type's module types
// are listed by key as well (Flotilla's first form) and linked as hawkBit does.
QJsonObject moduleTypeJson(const SoftwareModuleType &t)
{
    return {
        { "id"_L1, double(t.id) },
        { "key"_L1, t.key },
        { "name"_L1, t.name },
        { "description"_L1, u""_s },
        { "deleted"_L1, false },
        { "maxAssignments"_L1, t.maxAssignments },
        { "_links"_L1,
          QJsonObject {
              { "self"_L1, QJsonObject { { "href"_L1, QString(Base + u"/softwaremoduletypes/%1"_s.arg(t.id)) } } } } }
    };
}
QJsonObject setTypeJson(const DistributionSetType &t)
{
    const QString self = Base + u"/distributionsettypes/%1"_s.arg(t.id);
    return {
        { "id"_L1, double(t.id) },
        { "key"_L1, t.key },
        { "name"_L1, t.name },
        { "description"_L1, u""_s },
        { "deleted"_L1, false },
        { "mandatorymodules"_L1, QJsonArray::fromStringList(t.mandatoryModuleTypes) },
        { "optionalmodules"_L1, QJsonArray::fromStringList(t.optionalModuleTypes) },
        { "_links"_L1,
          QJsonObject {
              { "self"_L1, QJsonObject { { "href"_L1, self } } },
              { "mandatorymodules"_L1, QJsonObject { { "href"_L1, QString(self + u"/mandatorymoduletypes"_s) } } },
              { "optionalmodules"_L1, QJsonObject { { "href"_L1, QString(self + u"/optionalmoduletypes"_s) } } } } }
    };
}
} // namespace

void ManagementServer::listModuleTypes(Context &ctx)
{
    QJsonArray content;
    for (const QString &key : m_store.typeKeys(u"software_module_types"_s)) {
        if (const auto t = m_store.softwareModuleType(key))
            content.append(moduleTypeJson(*t));
    }
    ctx.sendPage(withAudit(u"softwaremoduletype"_s, content), content.size());
}

std::optional<SoftwareModuleType> ManagementServer::moduleTypeByIdOrKey(const QString &idOrKey)
{
    bool isId = false;
    const qint64 id = idOrKey.toLongLong(&isId);
    return typeByIdOrKey<SoftwareModuleType>(
        m_store.typeKeys(u"software_module_types"_s),
        [this](const QString &k) { return m_store.softwareModuleType(k); }, isId ? std::optional(id) : std::nullopt,
        idOrKey);
}

std::optional<DistributionSetType> ManagementServer::setTypeByIdOrKey(const QString &idOrKey)
{
    bool isId = false;
    const qint64 id = idOrKey.toLongLong(&isId);
    return typeByIdOrKey<DistributionSetType>(
        m_store.typeKeys(u"ds_types"_s), [this](const QString &k) { return m_store.distributionSetType(k); },
        isId ? std::optional(id) : std::nullopt, idOrKey);
}

void ManagementServer::getModuleType(Context &ctx)
{
    const auto t = moduleTypeByIdOrKey(ctx.args.value(0));
    if (!t)
        return ctx.fail(Status::NotFound, u"software module type '%1' does not exist"_s.arg(ctx.args.value(0)));
    ctx.send(withAudit(u"softwaremoduletype"_s, moduleTypeJson(*t)));
}

void ManagementServer::getSetType(Context &ctx)
{
    const auto t = setTypeByIdOrKey(ctx.args.value(0));
    if (!t)
        return ctx.fail(Status::NotFound, u"distribution set type '%1' does not exist"_s.arg(ctx.args.value(0)));
    ctx.send(withAudit(u"distributionsettype"_s, setTypeJson(*t)));
}

void ManagementServer::listSetTypeModuleTypes(Context &ctx)
{
    const auto t = setTypeByIdOrKey(ctx.args.value(0));
    if (!t)
        return ctx.fail(Status::NotFound, u"distribution set type '%1' does not exist"_s.arg(ctx.args.value(0)));
    const bool mandatory = ctx.request.url().path().endsWith(u"/mandatorymoduletypes"_s);
    QJsonArray list;
    for (const QString &key : mandatory ? t->mandatoryModuleTypes : t->optionalModuleTypes) {
        if (const auto m = m_store.softwareModuleType(key))
            list.append(moduleTypeJson(*m));
    }
    ctx.send(withAudit(u"softwaremoduletype"_s, list)); // hawkBit answers a plain list here
}

void ManagementServer::listSetTypes(Context &ctx)
{
    QJsonArray content;
    for (const QString &key : m_store.typeKeys(u"ds_types"_s)) {
        if (const auto t = m_store.distributionSetType(key))
            content.append(setTypeJson(*t));
    }
    ctx.sendPage(withAudit(u"distributionsettype"_s, content), content.size());
}

void ManagementServer::listTargetTypes(Context &ctx)
{
    QJsonArray content;
    for (const QString &key : m_store.typeKeys(u"target_types"_s)) {
        if (const auto t = m_store.targetType(key))
            content.append(QJsonObject {
                { "id"_L1, double(t->id) },
                { "key"_L1, t->key },
                { "name"_L1, t->name },
                { "compatibledistributionsettypes"_L1, QJsonArray::fromStringList(t->compatibleSetTypes) } });
    }
    ctx.sendPage(withAudit(u"targettype"_s, content), content.size());
}

void ManagementServer::deleteType(Context &ctx)
{
    const QString path = ctx.request.url().path();
    QString key = ctx.args.value(0);
    const QString table = path.contains(u"/softwaremoduletypes/"_s) ? u"software_module_types"_s
        : path.contains(u"/distributionsettypes/"_s)                ? u"ds_types"_s
                                                                    : u"target_types"_s;
    // hawkBit deletes by id; Flotilla also by key.
    if (table == u"software_module_types"_s) {
        if (const auto t = moduleTypeByIdOrKey(key))
            key = t->key;
    } else if (table == u"ds_types"_s) {
        if (const auto t = setTypeByIdOrKey(key))
            key = t->key;
    }
    if (!m_store.typeKeys(table).contains(key))
        return ctx.fail(Status::NotFound, u"type '%1' does not exist"_s.arg(key));
    if (const QStringList users = m_store.dependentsOfType(table, key); !users.isEmpty())
        return ctx.fail(table == u"target_types"_s ? Errors::TargetTypeInUse : Errors::InUse,
                        u"type '%1' is used by %2"_s.arg(key, users.join(u", "_s)));
    qint64 typeId = 0;
    if (table == u"software_module_types"_s) {
        if (const auto t = m_store.softwareModuleType(key))
            typeId = t->id;
    } else if (table == u"ds_types"_s) {
        if (const auto t = m_store.distributionSetType(key))
            typeId = t->id;
    } else if (const auto t = m_store.targetType(key)) {
        typeId = t->id;
    }
    if (!m_store.deleteType(table, key))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    forget(table == u"software_module_types"_s ? u"softwaremoduletype"_s
               : table == u"ds_types"_s        ? u"distributionsettype"_s
                                               : u"targettype"_s,
           typeId);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
