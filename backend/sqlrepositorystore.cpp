#include "backend/sqlrepositorystore.h"

#include "backend/rsqlcompiler.h"
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QSqlQuery>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {

const QString moduleColumns = QStringLiteral("id, type_key, name, version, vendor, description, encrypted");

SoftwareModule moduleFrom(const QSqlQuery &q)
{
    return SoftwareModule { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(),   q.value(4).toString(), q.value(5).toString(),
                            q.value(6).toInt() != 0 };
}

const QString artifactColumns = QStringLiteral("id, module_id, filename, size, sha1, md5, sha256, created_at");

Artifact artifactFrom(const QSqlQuery &q)
{
    return Artifact { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(),
                      q.value(4).toString(),   q.value(5).toString(),   q.value(6).toString(), fromMs(q.value(7)) };
}
} // namespace

Result<qint64> SqlRepositoryStore::insertDistributionSet(const DistributionSet &s)
{
    QSqlQuery &q
        = prepared(QStringLiteral("INSERT INTO distribution_sets (name, version, type_key, required_migration, locked, "
                                  "description) VALUES (?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(s.name);
    q.addBindValue(s.version);
    q.addBindValue(s.typeKey);
    q.addBindValue(s.requiredMigrationStep ? 1 : 0);
    q.addBindValue(s.locked ? 1 : 0);
    q.addBindValue(s.description);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting distribution set %1 %2").arg(s.name, s.version), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    changed(StoreChange::Kind::RepositoryChanged, id);
    return id;
}

Lookup<DistributionSet> SqlRepositoryStore::distributionSet(qint64 id)
{
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM distribution_sets WHERE id = ?").arg(distributionSetColumns));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading distribution set %1").arg(id), q);
    if (!q.next())
        return std::nullopt;
    return distributionSetFrom(q);
}

Result<void> SqlRepositoryStore::updateDistributionSet(const DistributionSet &s)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE distribution_sets SET name = ?, version = ?, description = ?, "
                                           "required_migration = ?, locked = ?, valid = ? WHERE id = ?"));
    q.addBindValue(s.name);
    q.addBindValue(s.version);
    q.addBindValue(s.description);
    q.addBindValue(s.requiredMigrationStep ? 1 : 0);
    q.addBindValue(s.locked ? 1 : 0);
    q.addBindValue(s.valid ? 1 : 0);
    q.addBindValue(s.id);
    if (!q.exec())
        return failed(QStringLiteral("updating distribution set %1").arg(s.id), q);
    changed(StoreChange::Kind::RepositoryChanged, s.id);
    return {};
}

Result<void> SqlRepositoryStore::updateSoftwareModule(const SoftwareModule &m)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE software_modules SET description = ?, vendor = ? WHERE id = ?"));
    q.addBindValue(m.description);
    q.addBindValue(m.vendor);
    q.addBindValue(m.id);
    if (!q.exec())
        return failed(QStringLiteral("updating software module %1").arg(m.id), q);
    changed(StoreChange::Kind::RepositoryChanged, m.id);
    return {};
}

Result<void> SqlRepositoryStore::lockDistributionSet(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE distribution_sets SET locked = 1 WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("locking distribution set %1").arg(id), q);
    return {};
}

Result<QList<DistributionSet>> SqlRepositoryStore::distributionSetsWhere(const QString &where,
                                                                         const QVariantList &binds,
                                                                         const QString &orderBy, int offset, int limit)
{
    QList<DistributionSet> list;
    QSqlQuery q(db());
    if (!execPage(q, qualified(distributionSetColumns, u"s"_s), QStringLiteral("distribution_sets s"), where, binds,
                  orderBy, offset, limit))
        return failed(QStringLiteral("listing distribution sets"), q);
    while (q.next())
        list.append(distributionSetFrom(q));
    return list;
}

QString SqlRepositoryStore::typeTable(TypeKind kind)
{
    switch (kind) {
    case TypeKind::SoftwareModule:
        return QStringLiteral("software_module_types");
    case TypeKind::DistributionSet:
        return QStringLiteral("ds_types");
    case TypeKind::Target:
        break;
    }
    return QStringLiteral("target_types");
}

Result<int> SqlRepositoryStore::countSetsOfType(const QString &setTypeKey)
{
    return m_sql.countWhere(RsqlCompiler::Entity::DistributionSet, QStringLiteral("s.type_key = ?"), { setTypeKey });
}

Lookup<QString> SqlRepositoryStore::typeKeyOf(TypeKind kind, qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT key FROM %1 WHERE id = ?").arg(typeTable(kind)));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading %1 %2").arg(typeTable(kind)).arg(id), q);
    return q.next() ? Lookup<QString>(q.value(0).toString()) : std::nullopt;
}

Result<QStringList> SqlRepositoryStore::typeKeys(TypeKind kind)
{
    QStringList keys;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT key FROM %1 ORDER BY id").arg(typeTable(kind))))
        return failed(QStringLiteral("reading %1").arg(typeTable(kind)), q);
    while (q.next())
        keys << q.value(0).toString();
    return keys;
}

Result<void> SqlRepositoryStore::deleteArtifact(qint64 artifactId)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM artifacts WHERE id = ?"));
    q.addBindValue(artifactId);
    if (!q.exec())
        return failed(QStringLiteral("deleting artifact %1").arg(artifactId), q);
    changed(StoreChange::Kind::RepositoryChanged, artifactId);
    if (q.numRowsAffected() != 1) // deleted meanwhile
        return noSuch(QStringLiteral("deleting artifact %1").arg(artifactId), QStringLiteral("artifact"));
    return {};
}

Result<int> SqlRepositoryStore::countArtifactsWithContent(const QString &sha256)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT COUNT(*) FROM artifacts WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting the artifacts with content %1").arg(sha256), q);
    return q.value(0).toInt();
}

Result<QStringList> SqlRepositoryStore::dependentsOfModule(qint64 moduleId)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT s.name || ' ' || s.version FROM distribution_sets s JOIN ds_modules "
                                           "m ON m.ds_id = s.id WHERE m.module_id = ? ORDER BY s.id"));
    q.addBindValue(moduleId);
    Result<QStringList> sets = column(q, [&](const QSqlQuery &f) {
        return failed(QStringLiteral("reading the sets of module %1").arg(moduleId), f);
    });
    if (!sets)
        return sets;
    for (QString &s : *sets)
        s.prepend(QStringLiteral("distribution set "));
    return sets;
}

Result<QStringList> SqlRepositoryStore::dependentsOfSet(qint64 setId)
{
    const QString what = QStringLiteral("reading what uses set %1").arg(setId);
    QStringList result;
    QSqlQuery &a = prepared(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT target_id) FROM actions WHERE ds_id = ?"));
    a.addBindValue(setId);
    if (!a.exec() || !a.next())
        return failed(what, a);
    if (a.value(0).toInt() > 0)
        result << QStringLiteral("%1 action(s) on %2 target(s)").arg(a.value(0).toInt()).arg(a.value(1).toInt());
    QSqlQuery &t = prepared(QStringLiteral("SELECT COUNT(*) FROM targets WHERE installed_ds = ? OR assigned_ds = ?"));
    t.addBindValue(setId);
    t.addBindValue(setId);
    if (!t.exec() || !t.next())
        return failed(what, t);
    if (t.value(0).toInt() > 0)
        result << QStringLiteral("%1 target(s) that have it assigned or installed").arg(t.value(0).toInt());
    QSqlQuery &r = prepared(QStringLiteral("SELECT name FROM rollouts WHERE ds_id = ? ORDER BY id"));
    r.addBindValue(setId);
    const Result<QStringList> rollouts = column(r, [&](const QSqlQuery &f) { return failed(what, f); });
    if (!rollouts)
        return rollouts;
    for (const QString &name : *rollouts)
        result << QStringLiteral("rollout %1").arg(name);
    return result;
}

Result<QStringList> SqlRepositoryStore::dependentsOfType(TypeKind kind, const QString &key)
{
    const QString table = typeTable(kind);
    QString sql;
    if (table == QLatin1String("software_module_types"))
        sql = QStringLiteral(
            "SELECT 'software module ' || name || ' ' || version FROM software_modules WHERE type_key = ? "
            "UNION ALL SELECT 'distribution set type ' || t.key FROM ds_type_module_types m JOIN ds_types t "
            "ON t.id = m.ds_type_id WHERE m.module_type_key = ?");
    else if (table == QLatin1String("ds_types"))
        sql = QStringLiteral(
            "SELECT 'distribution set ' || name || ' ' || version FROM distribution_sets WHERE type_key = ? "
            "UNION ALL SELECT 'target type ' || t.key FROM target_type_ds_types c JOIN target_types t "
            "ON t.id = c.target_type_id WHERE c.ds_type_key = ?");
    else if (table == QLatin1String("target_types"))
        sql = QStringLiteral("SELECT 'target ' || controller_id FROM targets WHERE target_type = ? AND ? IS NOT NULL");
    else
        return QStringList();
    QSqlQuery &q = prepared(sql);
    q.addBindValue(key);
    q.addBindValue(key);
    return column(q,
                  [&](const QSqlQuery &f) { return failed(QStringLiteral("reading what uses type %1").arg(key), f); });
}

Result<void> SqlRepositoryStore::deleteSoftwareModule(qint64 moduleId)
{
    StoreTransaction tx(m_sql);
    for (const QString &sql : { QStringLiteral("DELETE FROM artifacts WHERE module_id = ?"),
                                QStringLiteral("DELETE FROM software_modules WHERE id = ?") }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(moduleId);
        if (!q.exec())
            return failed(QStringLiteral("deleting software module %1").arg(moduleId), q);
    }
    changed(StoreChange::Kind::RepositoryChanged, moduleId);
    return committed(tx, QStringLiteral("deleting software module %1").arg(moduleId));
}

Result<void> SqlRepositoryStore::deleteDistributionSet(qint64 setId)
{
    StoreTransaction tx(m_sql);
    for (const QString &sql : { QStringLiteral("DELETE FROM ds_modules WHERE ds_id = ?"),
                                QStringLiteral("DELETE FROM ds_tag_assignments WHERE ds_id = ?"),
                                QStringLiteral("UPDATE target_filters SET auto_ds = NULL WHERE auto_ds = ?"),
                                QStringLiteral("DELETE FROM auto_assignments WHERE ds_id = ?"),
                                QStringLiteral("DELETE FROM distribution_sets WHERE id = ?") }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(setId);
        if (!q.exec())
            return failed(QStringLiteral("deleting distribution set %1").arg(setId), q);
    }
    changed(StoreChange::Kind::RepositoryChanged, setId);
    return committed(tx, QStringLiteral("deleting distribution set %1").arg(setId));
}

Result<void> SqlRepositoryStore::deleteType(TypeKind kind, const QString &key)
{
    const QString table = typeTable(kind);
    StoreTransaction tx(m_sql);
    QStringList statements;
    if (table == QLatin1String("ds_types"))
        statements << QStringLiteral(
            "DELETE FROM ds_type_module_types WHERE ds_type_id IN (SELECT id FROM ds_types WHERE key = ?)");
    else if (table == QLatin1String("target_types"))
        statements << QStringLiteral(
            "DELETE FROM target_type_ds_types WHERE target_type_id IN (SELECT id FROM target_types WHERE key = ?)");
    else if (table != QLatin1String("software_module_types"))
        return Failure { QStringLiteral("flotilla.store"), QStringLiteral("deleting a type: no such kind of type") };
    statements << QStringLiteral("DELETE FROM %1 WHERE key = ?").arg(table);
    for (const QString &sql : std::as_const(statements)) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(key);
        if (!q.exec())
            return failed(QStringLiteral("deleting %1 %2").arg(table, key), q);
    }
    return committed(tx, QStringLiteral("deleting %1 %2").arg(table, key));
}

Result<QList<std::pair<QString, QString>>> SqlRepositoryStore::deviceMetadata(qint64 moduleId)
{
    const Result<QList<SqlMetadataStore::MetadataEntry>> all
        = m_sql.metadataStore().metadata(u"softwaremodule"_s, moduleId);
    if (!all)
        return all.error();
    QList<std::pair<QString, QString>> list;
    for (const SqlMetadataStore::MetadataEntry &e : *all) {
        if (e.targetVisible)
            list.append({ e.key, e.value });
    }
    return list;
}

Lookup<DistributionSet> SqlRepositoryStore::distributionSetByNameVersion(const QString &name, const QString &version)
{
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT %1 FROM distribution_sets WHERE name = ? AND version = ?").arg(distributionSetColumns));
    q.addBindValue(name);
    q.addBindValue(version);
    if (!q.exec())
        return failed(QStringLiteral("reading distribution set %1:%2").arg(name, version), q);
    if (!q.next())
        return std::nullopt;
    return distributionSetFrom(q);
}

Result<void> SqlRepositoryStore::addModuleToSet(qint64 distributionSetId, qint64 moduleId)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO ds_modules (ds_id, module_id) VALUES (?, ?)"));
    q.addBindValue(distributionSetId);
    q.addBindValue(moduleId);
    if (!q.exec())
        return failed(QStringLiteral("adding module %1 to set %2").arg(moduleId).arg(distributionSetId), q);
    return {};
}

Result<QList<SoftwareModule>> SqlRepositoryStore::modulesOfSet(qint64 distributionSetId)
{
    QList<SoftwareModule> result;
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT %1 FROM software_modules WHERE id IN (SELECT module_id FROM ds_modules WHERE ds_id = ?) "
                       "ORDER BY id")
            .arg(moduleColumns));
    q.addBindValue(distributionSetId);
    if (!q.exec())
        return failed(QStringLiteral("reading the modules of set %1").arg(distributionSetId), q);
    while (q.next())
        result.append(moduleFrom(q));
    return result;
}

Result<qint64> SqlRepositoryStore::insertSoftwareModule(const SoftwareModule &m)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO software_modules (type_key, name, version, vendor, description, encrypted) "
                       "VALUES (?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(m.typeKey);
    q.addBindValue(m.name);
    q.addBindValue(m.version);
    q.addBindValue(m.vendor);
    q.addBindValue(m.description);
    q.addBindValue(m.encrypted ? 1 : 0);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting software module %1 %2").arg(m.name, m.version), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    changed(StoreChange::Kind::RepositoryChanged, id);
    return id;
}

Lookup<SoftwareModule> SqlRepositoryStore::softwareModuleNamed(const QString &typeKey, const QString &name,
                                                               const QString &version)
{
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM software_modules WHERE type_key = ? AND name = ? AND version = ?")
                       .arg(moduleColumns));
    q.addBindValue(typeKey);
    q.addBindValue(name);
    q.addBindValue(version);
    if (!q.exec())
        return failed(QStringLiteral("reading software module %1 %2 of type %3").arg(name, version, typeKey), q);
    if (!q.next())
        return std::nullopt;
    return moduleFrom(q);
}

Lookup<SoftwareModule> SqlRepositoryStore::softwareModule(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT %1 FROM software_modules WHERE id = ?").arg(moduleColumns));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading software module %1").arg(id), q);
    if (!q.next())
        return std::nullopt;
    return moduleFrom(q);
}

Result<qint64> SqlRepositoryStore::insertArtifact(const Artifact &a)
{
    QSqlQuery &q
        = prepared(QStringLiteral("INSERT INTO artifacts (module_id, filename, size, sha1, md5, sha256, created_at) "
                                  "VALUES (?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(a.moduleId);
    q.addBindValue(a.filename);
    q.addBindValue(a.size);
    q.addBindValue(a.sha1);
    q.addBindValue(a.md5);
    q.addBindValue(a.sha256);
    q.addBindValue(toMs(a.createdAt.isValid() ? a.createdAt : QDateTime::currentDateTimeUtc()));
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting artifact %1 of module %2").arg(a.filename).arg(a.moduleId), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    changed(StoreChange::Kind::ArtifactCreated, id);
    return id;
}

Result<QList<Artifact>> SqlRepositoryStore::artifacts(qint64 moduleId)
{
    QList<Artifact> result;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM artifacts WHERE module_id = ? ORDER BY id").arg(artifactColumns));
    q.addBindValue(moduleId);
    if (!q.exec())
        return failed(QStringLiteral("reading the artifacts of module %1").arg(moduleId), q);
    while (q.next())
        result.append(artifactFrom(q));
    return result;
}

Result<QList<SoftwareModule>> SqlRepositoryStore::modulesWhere(const QString &where, const QVariantList &binds,
                                                               const QString &orderBy, int offset, int limit)
{
    QList<SoftwareModule> list;
    QSqlQuery q(db());
    if (!execPage(q, qualified(moduleColumns, QStringLiteral("m")), QStringLiteral("software_modules m"), where, binds,
                  orderBy, offset, limit))
        return failed(QStringLiteral("listing software modules"), q);
    while (q.next())
        list.append(moduleFrom(q));
    return list;
}

Result<QHash<qint64, QList<Artifact>>> SqlRepositoryStore::artifactsOfModules(const QList<qint64> &moduleIds)
{
    QHash<qint64, QList<Artifact>> result;
    if (moduleIds.isEmpty())
        return result;
    std::optional<QSqlQuery> scratch;
    QSqlQuery &q = withIds(scratch,
                           QStringLiteral("SELECT %1 FROM artifacts WHERE module_id IN (%2) ORDER BY id")
                               .arg(artifactColumns, QStringLiteral("%1")),
                           moduleIds);
    if (!q.isActive())
        return failed(QStringLiteral("reading the artifacts of %1 modules").arg(moduleIds.size()), q);
    while (q.next()) {
        Artifact a = artifactFrom(q);
        result[a.moduleId].append(std::move(a));
    }
    return result;
}

Result<bool> SqlRepositoryStore::moduleVisibleToTarget(qint64 moduleId, qint64 targetId)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "SELECT 1 FROM ds_modules m WHERE m.module_id = ? AND (m.ds_id IN (SELECT ds_id FROM actions WHERE "
        "target_id = ?) OR m.ds_id = (SELECT installed_ds FROM targets WHERE id = ?)) LIMIT 1"));
    q.addBindValue(moduleId);
    q.addBindValue(targetId);
    q.addBindValue(targetId);
    if (!q.exec())
        return failed(QStringLiteral("reading whether target %1 may see module %2").arg(targetId).arg(moduleId), q);
    return q.next();
}

Result<QSet<qint64>> SqlRepositoryStore::modulesInLockedSets(const QList<qint64> &moduleIds)
{
    QSet<qint64> locked;
    if (moduleIds.isEmpty())
        return locked;
    std::optional<QSqlQuery> scratch;
    QSqlQuery &q = withIds(scratch,
                           QStringLiteral("SELECT DISTINCT m.module_id FROM ds_modules m JOIN distribution_sets s ON "
                                          "s.id = m.ds_id WHERE s.locked = 1 AND m.module_id IN (%1)"),
                           moduleIds);
    if (!q.isActive())
        return failed(QStringLiteral("reading locked modules"), q);
    while (q.next())
        locked.insert(q.value(0).toLongLong());
    return locked;
}

Result<qint64> SqlRepositoryStore::insertSoftwareModuleType(const SoftwareModuleType &type)
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
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting software module type %1").arg(type.key), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    return id;
}

Lookup<SoftwareModuleType> SqlRepositoryStore::softwareModuleType(const QString &key)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, key, name, max_assignments, min_artifacts, description, colour "
                                           "FROM software_module_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return failed(QStringLiteral("reading software module type %1").arg(key), q);
    if (!q.next())
        return std::nullopt;
    return SoftwareModuleType { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toInt(),      q.value(4).toInt(),    q.value(5).toString(),
                                q.value(6).toString() };
}

Result<qint64> SqlRepositoryStore::insertDistributionSetType(const DistributionSetType &type)
{
    StoreTransaction tx(m_sql);
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO ds_types (key, name, description, colour) VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    q.addBindValue(type.description);
    q.addBindValue(type.colour);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting distribution set type %1").arg(type.key), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    QSqlQuery &m = prepared(
        QStringLiteral("INSERT INTO ds_type_module_types (ds_type_id, module_type_key, mandatory) VALUES (?, ?, ?)"));
    for (const auto &[keys, mandatory] :
         { std::pair(type.mandatoryModuleTypes, 1), std::pair(type.optionalModuleTypes, 0) }) {
        for (const QString &key : keys) {
            m.addBindValue(id);
            m.addBindValue(key);
            m.addBindValue(mandatory);
            if (!m.exec())
                return failed(QStringLiteral("adding module type %1 to set type %2").arg(key, type.key), m);
        }
    }
    if (Result<void> done = committed(tx, QStringLiteral("inserting distribution set type %1").arg(type.key)); !done)
        return done.error();
    return id;
}

Lookup<DistributionSetType> SqlRepositoryStore::distributionSetType(const QString &key)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, key, name, description, colour FROM ds_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return failed(QStringLiteral("reading distribution set type %1").arg(key), q);
    if (!q.next())
        return std::nullopt;
    DistributionSetType type { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {}, {},
                               q.value(3).toString(),   q.value(4).toString() };
    QSqlQuery &m = prepared(QStringLiteral(
        "SELECT module_type_key, mandatory FROM ds_type_module_types WHERE ds_type_id = ? ORDER BY module_type_key"));
    m.addBindValue(type.id);
    if (!m.exec()) { // without its module types the set type would wrongly make every set complete
        return failed(QStringLiteral("reading the module types of set type %1").arg(key), m);
    }
    while (m.next())
        (m.value(1).toInt() ? type.mandatoryModuleTypes : type.optionalModuleTypes).append(m.value(0).toString());
    return type;
}

Result<qint64> SqlRepositoryStore::insertTargetType(const TargetType &type)
{
    StoreTransaction tx(m_sql);
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO target_types (key, name, description, colour) VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(type.key);
    q.addBindValue(type.name);
    q.addBindValue(type.description);
    q.addBindValue(type.colour);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting target type %1").arg(type.key), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    QSqlQuery &c
        = prepared(QStringLiteral("INSERT INTO target_type_ds_types (target_type_id, ds_type_key) VALUES (?, ?)"));
    for (const QString &key : type.compatibleSetTypes) {
        c.addBindValue(id);
        c.addBindValue(key);
        if (!c.exec())
            return failed(QStringLiteral("adding set type %1 to target type %2").arg(key, type.key), c);
    }
    if (Result<void> done = committed(tx, QStringLiteral("inserting target type %1").arg(type.key)); !done)
        return done.error();
    return id;
}

Lookup<TargetType> SqlRepositoryStore::targetType(const QString &key)
{
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT id, key, name, description, colour FROM target_types WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return failed(QStringLiteral("reading target type %1").arg(key), q);
    if (!q.next())
        return std::nullopt;
    TargetType type { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), {},
                      q.value(3).toString(),   q.value(4).toString() };
    QSqlQuery &c = prepared(
        QStringLiteral("SELECT ds_type_key FROM target_type_ds_types WHERE target_type_id = ? ORDER BY ds_type_key"));
    c.addBindValue(type.id);
    if (!c.exec()) { // without its set types the target type would refuse every set
        return failed(QStringLiteral("reading the set types of target type %1").arg(key), c);
    }
    while (c.next())
        type.compatibleSetTypes.append(c.value(0).toString());
    return type;
}

Result<void> SqlRepositoryStore::updateTypeDetails(TypeKind kind, const QString &key, const QString &name,
                                                   const QString &description, const QString &colour)
{
    const QString table = typeTable(kind);
    QSqlQuery &q = prepared(u"UPDATE %1 SET name = ?, description = ?, colour = ? WHERE key = ?"_s.arg(table));
    q.addBindValue(name);
    q.addBindValue(description);
    q.addBindValue(colour);
    q.addBindValue(key);
    if (!q.exec())
        return failed(QStringLiteral("updating type %1").arg(key), q);
    return {};
}

Result<void> SqlRepositoryStore::setModuleTypesOfSetType(qint64 setTypeId, const QStringList &mandatory,
                                                         const QStringList &optional)
{
    StoreTransaction tx(m_sql);
    QSqlQuery &d = prepared(QStringLiteral("DELETE FROM ds_type_module_types WHERE ds_type_id = ?"));
    d.addBindValue(setTypeId);
    if (!d.exec())
        return failed(QStringLiteral("updating distribution set type %1").arg(setTypeId), d);
    QSqlQuery &m = prepared(
        QStringLiteral("INSERT INTO ds_type_module_types (ds_type_id, module_type_key, mandatory) VALUES (?, ?, ?)"));
    for (const auto &[keys, isMandatory] : { std::pair(mandatory, 1), std::pair(optional, 0) }) {
        for (const QString &key : keys) {
            m.addBindValue(setTypeId);
            m.addBindValue(key);
            m.addBindValue(isMandatory);
            if (!m.exec())
                return failed(QStringLiteral("adding module type %1 to set type %2").arg(key).arg(setTypeId), m);
        }
    }
    return committed(tx, QStringLiteral("updating distribution set type %1").arg(setTypeId));
}

Result<void> SqlRepositoryStore::setCompatibleSetTypes(qint64 targetTypeId, const QStringList &setTypeKeys)
{
    StoreTransaction tx(m_sql);
    QSqlQuery &d = prepared(QStringLiteral("DELETE FROM target_type_ds_types WHERE target_type_id = ?"));
    d.addBindValue(targetTypeId);
    if (!d.exec())
        return failed(QStringLiteral("updating target type %1").arg(targetTypeId), d);
    QSqlQuery &c
        = prepared(QStringLiteral("INSERT INTO target_type_ds_types (target_type_id, ds_type_key) VALUES (?, ?)"));
    for (const QString &key : setTypeKeys) {
        c.addBindValue(targetTypeId);
        c.addBindValue(key);
        if (!c.exec())
            return failed(QStringLiteral("adding set type %1 to target type %2").arg(key).arg(targetTypeId), c);
    }
    return committed(tx, QStringLiteral("updating target type %1").arg(targetTypeId));
}

} // namespace Flotilla
