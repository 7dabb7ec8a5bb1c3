// SqlStore: software module types, distribution set types, target types.
#include "sqlstore.h"
#include "sqlstore_p.h"

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

qint64 SqlStore::insertSoftwareModuleType(const SoftwareModuleType &type)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO software_module_types (key, name, max_assignments) VALUES (?, ?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    q.addBindValue(type.maxAssignments);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting software module type %1").arg(type.key), q);
        return 0;
    }
    return q.value(0).toLongLong();
}

std::optional<SoftwareModuleType> SqlStore::softwareModuleType(const QString &key)
{
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT id, key, name, max_assignments FROM software_module_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return SoftwareModuleType { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toInt() };
}

qint64 SqlStore::insertDistributionSetType(const DistributionSetType &type)
{
    StoreTransaction tx(*this);
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO ds_types (key, name) VALUES (?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting distribution set type %1").arg(type.key), q);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    QSqlQuery &m = prepared(
        QStringLiteral("INSERT INTO ds_type_module_types (ds_type_id, module_type_key, mandatory) VALUES (?, ?, ?)"));
    for (const auto &[keys, mandatory] :
         { std::pair(type.mandatoryModuleTypes, 1), std::pair(type.optionalModuleTypes, 0) }) {
        for (const QString &key : keys) {
            m.addBindValue(id);
            m.addBindValue(key);
            m.addBindValue(mandatory);
            if (!m.exec()) {
                setError(QStringLiteral("adding module type %1 to set type %2").arg(key, type.key), m);
                return 0;
            }
        }
    }
    return tx.commit() ? id : 0;
}

std::optional<DistributionSetType> SqlStore::distributionSetType(const QString &key)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, key, name FROM ds_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    DistributionSetType type { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {}, {} };
    QSqlQuery &m = prepared(QStringLiteral(
        "SELECT module_type_key, mandatory FROM ds_type_module_types WHERE ds_type_id = ? ORDER BY module_type_key"));
    m.addBindValue(type.id);
    if (m.exec()) {
        while (m.next())
            (m.value(1).toInt() ? type.mandatoryModuleTypes : type.optionalModuleTypes).append(m.value(0).toString());
    }
    return type;
}

qint64 SqlStore::insertTargetType(const TargetType &type)
{
    StoreTransaction tx(*this);
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO target_types (key, name) VALUES (?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting target type %1").arg(type.key), q);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    QSqlQuery &c
        = prepared(QStringLiteral("INSERT INTO target_type_ds_types (target_type_id, ds_type_key) VALUES (?, ?)"));
    for (const QString &key : type.compatibleSetTypes) {
        c.addBindValue(id);
        c.addBindValue(key);
        if (!c.exec()) {
            setError(QStringLiteral("adding set type %1 to target type %2").arg(key, type.key), c);
            return 0;
        }
    }
    return tx.commit() ? id : 0;
}

std::optional<TargetType> SqlStore::targetType(const QString &key)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, key, name FROM target_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    TargetType type { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {} };
    QSqlQuery &c = prepared(
        QStringLiteral("SELECT ds_type_key FROM target_type_ds_types WHERE target_type_id = ? ORDER BY ds_type_key"));
    c.addBindValue(type.id);
    if (c.exec()) {
        while (c.next())
            type.compatibleSetTypes.append(c.value(0).toString());
    }
    return type;
}

} // namespace Flotilla
