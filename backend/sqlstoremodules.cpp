// SqlStore: software modules, artifacts, the modules of a distribution set, target attributes.
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include "backend/rsqlcompiler.h"

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

} // namespace

std::optional<DistributionSet> SqlStore::distributionSetByNameVersion(const QString &name, const QString &version)
{
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT %1 FROM distribution_sets WHERE name = ? AND version = ?").arg(distributionSetColumns));
    q.addBindValue(name);
    q.addBindValue(version);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return distributionSetFrom(q);
}

bool SqlStore::addModuleToSet(qint64 distributionSetId, qint64 moduleId)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO ds_modules (ds_id, module_id) VALUES (?, ?)"));
    q.addBindValue(distributionSetId);
    q.addBindValue(moduleId);
    if (!q.exec())
        return setError(QStringLiteral("adding module %1 to set %2").arg(moduleId).arg(distributionSetId), q);
    return true;
}

QList<SoftwareModule> SqlStore::modulesOfSet(qint64 distributionSetId)
{
    QList<SoftwareModule> result;
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT %1 FROM software_modules WHERE id IN (SELECT module_id FROM ds_modules WHERE ds_id = ?) "
                       "ORDER BY id")
            .arg(moduleColumns));
    q.addBindValue(distributionSetId);
    if (!q.exec()) {
        setError(QStringLiteral("reading the modules of set %1").arg(distributionSetId), q);
        return result;
    }
    while (q.next())
        result.append(moduleFrom(q));
    return result;
}

qint64 SqlStore::insertSoftwareModule(const SoftwareModule &m)
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
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting software module %1 %2").arg(m.name, m.version), q);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    changed(StoreChange::Kind::RepositoryChanged, id);
    return id;
}

std::optional<SoftwareModule> SqlStore::softwareModule(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT %1 FROM software_modules WHERE id = ?").arg(moduleColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return moduleFrom(q);
}

qint64 SqlStore::insertArtifact(const Artifact &a)
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
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting artifact %1 of module %2").arg(a.filename).arg(a.moduleId), q);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    changed(StoreChange::Kind::ArtifactCreated, id);
    return id;
}

namespace {
const QString artifactColumns = QStringLiteral("id, module_id, filename, size, sha1, md5, sha256, created_at");

Artifact artifactFrom(const QSqlQuery &q)
{
    return Artifact { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toLongLong(),
                      q.value(4).toString(),   q.value(5).toString(),   q.value(6).toString(), fromMs(q.value(7)) };
}
} // namespace

QList<Artifact> SqlStore::artifacts(qint64 moduleId)
{
    QList<Artifact> result;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM artifacts WHERE module_id = ? ORDER BY id").arg(artifactColumns));
    q.addBindValue(moduleId);
    if (!q.exec()) {
        setError(QStringLiteral("reading the artifacts of module %1").arg(moduleId), q);
        return result;
    }
    while (q.next())
        result.append(artifactFrom(q));
    return result;
}

Result<QList<SoftwareModule>> SqlStore::modulesWhere(const QString &where, const QVariantList &binds,
                                                     const QString &orderBy, int offset, int limit)
{
    QList<SoftwareModule> list;
    QSqlQuery q(m_db);
    if (!execPage(q, qualified(moduleColumns, QStringLiteral("m")), QStringLiteral("software_modules m"), where, binds,
                  orderBy, offset, limit))
        return failed(QStringLiteral("listing software modules"), q);
    while (q.next())
        list.append(moduleFrom(q));
    return list;
}

Result<QHash<qint64, QList<Artifact>>> SqlStore::artifactsOfModules(const QList<qint64> &moduleIds)
{
    QHash<qint64, QList<Artifact>> result;
    if (moduleIds.isEmpty())
        return result;
    QSqlQuery q(m_db);
    if (!execWithIds(q,
                     QStringLiteral("SELECT %1 FROM artifacts WHERE module_id IN (%2) ORDER BY id")
                         .arg(artifactColumns, QStringLiteral("%1")),
                     moduleIds))
        return failed(QStringLiteral("reading the artifacts of %1 modules").arg(moduleIds.size()), q);
    while (q.next()) {
        Artifact a = artifactFrom(q);
        result[a.moduleId].append(std::move(a));
    }
    return result;
}

bool SqlStore::moduleVisibleToTarget(qint64 moduleId, qint64 targetId)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "SELECT 1 FROM ds_modules m WHERE m.module_id = ? AND (m.ds_id IN (SELECT ds_id FROM actions WHERE "
        "target_id = ?) OR m.ds_id = (SELECT installed_ds FROM targets WHERE id = ?)) LIMIT 1"));
    q.addBindValue(moduleId);
    q.addBindValue(targetId);
    q.addBindValue(targetId);
    return q.exec() && q.next();
}

qint64 SqlStore::installedActionId(qint64 targetId)
{
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT id FROM actions WHERE target_id = ? AND state = ? AND ds_id = (SELECT installed_ds FROM "
                       "targets WHERE id = ?) ORDER BY id DESC LIMIT 1"));
    q.addBindValue(targetId);
    q.addBindValue(int(ActionState::Finished));
    q.addBindValue(targetId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

std::optional<QList<qint64>> SqlStore::targetIdsMatching(const QString &rsqlFilter)
{
    const auto compiled = RsqlCompiler::targets(rsqlFilter);
    if (const auto *error = std::get_if<Rsql::ParseError>(&compiled)) {
        m_error = QStringLiteral("target filter %1").arg(error->toString());
        return std::nullopt;
    }
    const SqlCondition &condition = std::get<SqlCondition>(compiled);
    // The condition has only placeholders; values are bound.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT t.id FROM targets t WHERE %1 ORDER BY t.id").arg(condition.sql))) {
        setError(QStringLiteral("preparing a target filter"), q);
        return std::nullopt;
    }
    for (const QVariant &v : condition.binds)
        q.addBindValue(v);
    if (!q.exec()) {
        setError(QStringLiteral("running a target filter"), q);
        return std::nullopt;
    }
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool SqlStore::recordPolls(const QList<PollRecord> &polls)
{
    StoreTransaction tx(*this);
    QSqlQuery &q = prepared(QStringLiteral("UPDATE targets SET last_poll = ?, address = ? WHERE id = ?"));
    for (const PollRecord &p : polls) {
        q.addBindValue(toMs(p.at));
        q.addBindValue(p.address);
        q.addBindValue(p.targetId);
        if (!q.exec())
            return setError(QStringLiteral("recording the poll of target %1").arg(p.targetId), q);
    }
    return tx.commit();
}

bool SqlStore::recordPoll(const PollRecord &poll, TargetState state)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE targets SET state = ?, last_poll = ?, address = ? WHERE id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(toMs(poll.at));
    q.addBindValue(poll.address);
    q.addBindValue(poll.targetId);
    if (!q.exec())
        return setError(QStringLiteral("recording the poll of target %1").arg(poll.targetId), q);
    changed(StoreChange::Kind::TargetUpdated, poll.targetId);
    return q.numRowsAffected() == 1;
}

QMap<QString, QString> SqlStore::targetAttributes(qint64 targetId)
{
    QMap<QString, QString> result;
    QSqlQuery &q = prepared(QStringLiteral("SELECT key, value FROM target_attributes WHERE target_id = ?"));
    q.addBindValue(targetId);
    if (!q.exec()) {
        setError(QStringLiteral("reading the attributes of target %1").arg(targetId), q);
        return result;
    }
    while (q.next())
        result.insert(q.value(0).toString(), q.value(1).toString());
    return result;
}

bool SqlStore::setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes)
{
    StoreTransaction tx(*this);
    QSqlQuery &del = prepared(QStringLiteral("DELETE FROM target_attributes WHERE target_id = ?"));
    del.addBindValue(targetId);
    if (!del.exec())
        return setError(QStringLiteral("clearing the attributes of target %1").arg(targetId), del);
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO target_attributes (target_id, key, value) VALUES (?, ?, ?)"));
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it) {
        q.addBindValue(targetId);
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        if (!q.exec())
            return setError(QStringLiteral("saving the attributes of target %1").arg(targetId), q);
    }
    changed(StoreChange::Kind::TargetUpdated, targetId);
    return tx.commit();
}

QSet<qint64> SqlStore::modulesInLockedSets(const QList<qint64> &moduleIds)
{
    QSet<qint64> locked;
    if (moduleIds.isEmpty())
        return locked;
    QSqlQuery q(m_db);
    if (!execWithIds(q,
                     QStringLiteral("SELECT DISTINCT m.module_id FROM ds_modules m JOIN distribution_sets s ON "
                                    "s.id = m.ds_id WHERE s.locked = 1 AND m.module_id IN (%1)"),
                     moduleIds)) {
        setError(QStringLiteral("reading locked modules"), q);
        return locked;
    }
    while (q.next())
        locked.insert(q.value(0).toLongLong());
    return locked;
}

} // namespace Flotilla
