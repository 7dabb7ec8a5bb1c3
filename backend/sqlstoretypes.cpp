// SqlStore: software module types, distribution set types, target types.
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

using namespace Flotilla::SqlStoreDetail;
using namespace Qt::StringLiterals;

namespace Flotilla {

qint64 SqlStore::insertSoftwareModuleType(const SoftwareModuleType &type)
{
    QSqlQuery &q
        = prepared(QStringLiteral("INSERT INTO software_module_types (key, name, max_assignments, "
                                  "min_artifacts, description, colour) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    q.addBindValue(type.maxAssignments);
    q.addBindValue(type.minArtifacts);
    q.addBindValue(type.description);
    q.addBindValue(type.colour);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting software module type %1").arg(type.key), q);
        return 0;
    }
    return q.value(0).toLongLong();
}

std::optional<SoftwareModuleType> SqlStore::softwareModuleType(const QString &key)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, key, name, max_assignments, min_artifacts, description, colour "
                                           "FROM software_module_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return SoftwareModuleType { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toInt(),      q.value(4).toInt(),    q.value(5).toString(),
                                q.value(6).toString() };
}

qint64 SqlStore::insertDistributionSetType(const DistributionSetType &type)
{
    StoreTransaction tx(*this);
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO ds_types (key, name, description, colour) VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    q.addBindValue(type.description);
    q.addBindValue(type.colour);
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
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, key, name, description, colour FROM ds_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    DistributionSetType type { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {}, {},
                               q.value(3).toString(),   q.value(4).toString() };
    QSqlQuery &m = prepared(QStringLiteral(
        "SELECT module_type_key, mandatory FROM ds_type_module_types WHERE ds_type_id = ? ORDER BY module_type_key"));
    m.addBindValue(type.id);
    if (!m.exec()) { // without its module types the set type would wrongly make every set complete
        setError(QStringLiteral("reading the module types of set type %1").arg(key), m);
        return std::nullopt;
    }
    while (m.next())
        (m.value(1).toInt() ? type.mandatoryModuleTypes : type.optionalModuleTypes).append(m.value(0).toString());
    return type;
}

qint64 SqlStore::insertTargetType(const TargetType &type)
{
    StoreTransaction tx(*this);
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO target_types (key, name, description, colour) VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    q.addBindValue(type.description);
    q.addBindValue(type.colour);
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
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT id, key, name, description, colour FROM target_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    TargetType type { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {},
                      q.value(3).toString(),   q.value(4).toString() };
    QSqlQuery &c = prepared(
        QStringLiteral("SELECT ds_type_key FROM target_type_ds_types WHERE target_type_id = ? ORDER BY ds_type_key"));
    c.addBindValue(type.id);
    if (!c.exec()) { // without its set types the target type would refuse every set
        setError(QStringLiteral("reading the set types of target type %1").arg(key), c);
        return std::nullopt;
    }
    while (c.next())
        type.compatibleSetTypes.append(c.value(0).toString());
    return type;
}

bool SqlStore::updateTypeDetails(TypeKind kind, const QString &key, const QString &name, const QString &description,
                                 const QString &colour)
{
    const QString table = typeTable(kind);
    QSqlQuery &q = prepared(u"UPDATE %1 SET name = ?, description = ?, colour = ? WHERE key = ?"_s.arg(table));
    q.addBindValue(name);
    q.addBindValue(description);
    q.addBindValue(colour);
    q.addBindValue(key);
    if (!q.exec()) {
        setError(QStringLiteral("updating type %1").arg(key), q);
        return false;
    }
    return true;
}

bool SqlStore::setModuleTypesOfSetType(qint64 setTypeId, const QStringList &mandatory, const QStringList &optional)
{
    StoreTransaction tx(*this);
    QSqlQuery &d = prepared(QStringLiteral("DELETE FROM ds_type_module_types WHERE ds_type_id = ?"));
    d.addBindValue(setTypeId);
    if (!d.exec()) {
        setError(QStringLiteral("updating distribution set type %1").arg(setTypeId), d);
        return false;
    }
    QSqlQuery &m = prepared(
        QStringLiteral("INSERT INTO ds_type_module_types (ds_type_id, module_type_key, mandatory) VALUES (?, ?, ?)"));
    for (const auto &[keys, isMandatory] : { std::pair(mandatory, 1), std::pair(optional, 0) }) {
        for (const QString &key : keys) {
            m.addBindValue(setTypeId);
            m.addBindValue(key);
            m.addBindValue(isMandatory);
            if (!m.exec()) {
                setError(QStringLiteral("adding module type %1 to set type %2").arg(key).arg(setTypeId), m);
                return false;
            }
        }
    }
    return tx.commit();
}

bool SqlStore::setCompatibleSetTypes(qint64 targetTypeId, const QStringList &setTypeKeys)
{
    StoreTransaction tx(*this);
    QSqlQuery &d = prepared(QStringLiteral("DELETE FROM target_type_ds_types WHERE target_type_id = ?"));
    d.addBindValue(targetTypeId);
    if (!d.exec()) {
        setError(QStringLiteral("updating target type %1").arg(targetTypeId), d);
        return false;
    }
    QSqlQuery &c
        = prepared(QStringLiteral("INSERT INTO target_type_ds_types (target_type_id, ds_type_key) VALUES (?, ?)"));
    for (const QString &key : setTypeKeys) {
        c.addBindValue(targetTypeId);
        c.addBindValue(key);
        if (!c.exec()) {
            setError(QStringLiteral("adding set type %1 to target type %2").arg(key).arg(targetTypeId), c);
            return false;
        }
    }
    return tx.commit();
}

} // namespace Flotilla
