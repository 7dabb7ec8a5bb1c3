#include "backend/sqlstore.h"

#include "backend/backendlogging.h"
#include "backend/sqlstore_p.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <variant>

using namespace Qt::StringLiterals;
using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

} // namespace

SqlStore::SqlStore()
    : m_connection(QStringLiteral("flotilla-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{ }

SqlStore::~SqlStore()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

namespace {

// A damaged SQLite file, told from its 100-byte header before SQLite is let near it (sqlite.org/fileformat.html,
// 1.3): not SQLite at all, or shorter than the page count its header vouches for (a copy cut short, a disk that
// filled up under a copy). SQLite itself would open such a file and fail later, on some query, half way through
// serving. Only without a write-ahead log: a WAL being replayed may legitimately hold what the file lacks.
QString damageOf(const QString &path)
{
    QFile file(path);
    const qint64 size = file.size();
    if (size == 0 || !file.open(QIODevice::ReadOnly) || QFileInfo(path + QStringLiteral("-wal")).size() > 0)
        return {};
    const QByteArray header = file.read(100);
    const auto be32 = [&header](int at) {
        return (quint32(quint8(header[at])) << 24) | (quint32(quint8(header[at + 1])) << 16)
            | (quint32(quint8(header[at + 2])) << 8) | quint32(quint8(header[at + 3]));
    };
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return QStringLiteral("it is not an SQLite database (its first %1 bytes are not an SQLite header)")
            .arg(header.size());
    const quint32 rawPageSize = (quint32(quint8(header[16])) << 8) | quint32(quint8(header[17]));
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const quint32 pages = be32(28);
    // The header's page count is trusted only when it was written by the same change as the counter (3.7.0+).
    if (be32(24) != be32(92) || pages == 0 || pageSize < 512)
        return {};
    if (size < qint64(pages) * pageSize)
        return QStringLiteral("it is truncated: %1 bytes where its header says %2 pages of %3 bytes (%4 bytes)")
            .arg(size)
            .arg(pages)
            .arg(pageSize)
            .arg(qint64(pages) * pageSize);
    return {};
}

} // namespace

bool SqlStore::open(const QString &url)
{
    if (url.startsWith(QLatin1String("postgres://")) || url.startsWith(QLatin1String("postgresql://"))) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty()) {
            m_error = QStringLiteral("database: '%1' is not a valid postgres:// URL").arg(url);
            return false;
        }
        m_postgres = true;
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
        m_db.setHostName(u.host());
        m_db.setPort(u.port(5432));
        m_db.setUserName(u.userName());
        m_db.setPassword(u.password());
        m_db.setDatabaseName(u.path().mid(1));
    } else {
        QString path = url;
        if (path.startsWith(QLatin1String("sqlite:")))
            path = path.mid(7);
        if (path.isEmpty()) {
            m_error = QStringLiteral("database: no SQLite file given");
            return false;
        }
        // A first start in a fresh app data location: the directory does not exist yet.
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (const QString damage = damageOf(path); !damage.isEmpty()) {
            m_error = QStringLiteral("database: %1 is damaged: %2. Nothing was served from it. Restore it from a "
                                     "backup, or move it away to start with an empty database.")
                          .arg(QFileInfo(path).absoluteFilePath(), damage);
            return false;
        }
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!m_db.isValid()) {
        m_error = QStringLiteral("database: the Qt SQL driver for %1 is missing")
                      .arg(m_postgres ? u"PostgreSQL"_s : u"SQLite"_s);
        return false;
    }
    if (!m_db.open()) {
        m_error = QStringLiteral("database: cannot open %1: %2").arg(url, m_db.lastError().text());
        return false;
    }
    if (!m_postgres) {
        // One server process owns an SQLite file (several servers share PostgreSQL instead): exclusive locking
        // spares the per-transaction file locks. WAL keeps readers and the writer apart; NORMAL sync is durable
        // across application crashes in WAL mode (an OS crash may lose the last transactions, not corrupt).
        if (!exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")) || !exec(QStringLiteral("PRAGMA journal_mode=WAL"))
            || !exec(QStringLiteral("PRAGMA synchronous=NORMAL")) || !exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
            // The first statements are where SQLite finds a file damaged in ways the header does not show (a
            // file another process holds says "locked", which needs no restore).
            if (m_error.contains(u"malformed"_s) || m_error.contains(u"not a database"_s))
                m_error
                    = QStringLiteral("database: %1 cannot be used (%2). Nothing was served from it. Restore it from a "
                                     "backup, or move it away to start with an empty database.")
                          .arg(QFileInfo(m_db.databaseName()).absoluteFilePath(), m_error);
            return false;
        }
    }
    return migrate();
}

bool SqlStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

QString SqlStore::driverName() const
{
    return m_db.driverName();
}

int SqlStore::latestSchemaVersion()
{
    return int(migrations().size());
}

int SqlStore::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT version FROM flotilla_schema")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QSqlQuery &SqlStore::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.emplace(sql, m_db);
        it->setForwardOnly(true);
        if (!it->prepare(sql))
            setError(QStringLiteral("preparing %1").arg(sql.left(60)), *it);
    } else {
        it->finish();
    }
    return *it;
}

void SqlStore::finishStatements()
{
    for (QSqlQuery &q : m_statements)
        q.finish();
}

bool SqlStore::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return setError(sql.left(80), q);
    return true;
}

bool SqlStore::setError(const QString &what, const QSqlQuery &q)
{
    m_error = QStringLiteral("%1: %2").arg(what, q.lastError().text());
    qCWarning(lcStore).noquote() << "store:" << m_error;
    return false;
}

Failure SqlStore::failed(const QString &what, const QSqlQuery &q)
{
    setError(what, q);
    return Failure { QStringLiteral("flotilla.store"), m_error };
}

bool SqlStore::migrate()
{
    if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS flotilla_schema (version INTEGER NOT NULL)")))
        return false;
    int version = 0;
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT version FROM flotilla_schema")))
            return setError(QStringLiteral("reading the schema version"), q);
        if (q.next())
            version = q.value(0).toInt();
        else if (!exec(QStringLiteral("INSERT INTO flotilla_schema (version) VALUES (0)")))
            return false;
    }
    const int latest = latestSchemaVersion();
    if (version > latest) {
        m_error = QStringLiteral("database: its schema version %1 is newer than this Flotilla understands (%2); "
                                 "refusing to use or modify it. Use a newer Flotilla.")
                      .arg(version)
                      .arg(latest);
        return false;
    }
    const QString pk
        = m_postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    for (int v = version + 1; v <= latest; ++v) {
        if (!m_db.transaction()) {
            m_error = m_db.lastError().text();
            return false;
        }
        for (QString sql : migrations().at(v - 1)) {
            sql.replace(QLatin1String("{PK}"), pk);
            if (!exec(sql)) {
                m_db.rollback();
                m_error = QStringLiteral("database: migration %1 failed: %2").arg(v).arg(m_error);
                return false;
            }
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE flotilla_schema SET version = ?"));
        q.addBindValue(v);
        if (!q.exec() || !m_db.commit()) {
            m_db.rollback();
            return setError(QStringLiteral("database: recording migration %1").arg(v), q);
        }
        qCInfo(lcStore, "database migrated to schema version %d", v);
    }
    return true;
}

bool SqlStore::begin()
{
    // Nested scopes join the outer transaction; a rollback anywhere makes the whole transaction roll back.
    if (m_txDepth++ > 0)
        return true;
    finishStatements();
    m_rollbackOnly = false;
    if (!m_db.transaction()) {
        m_error = m_db.lastError().text();
        m_txDepth = 0;
        return false;
    }
    return true;
}

bool SqlStore::commit()
{
    if (m_txDepth <= 0)
        return false;
    if (--m_txDepth > 0)
        return !m_rollbackOnly;
    finishStatements();
    if (m_rollbackOnly) {
        m_db.rollback();
        m_config.reset();
        m_changes.clear();
        m_error = QStringLiteral("transaction rolled back by an inner scope: %1").arg(m_error);
        return false;
    }
    if (!m_db.commit()) {
        m_error = m_db.lastError().text();
        m_db.rollback();
        m_config.reset();
        m_changes.clear();
        return false;
    }
    deliverChanges();
    return true;
}

void SqlStore::setChangeListener(std::function<void(const QList<StoreChange> &)> listener)
{
    m_listener = std::move(listener);
}

void SqlStore::changed(StoreChange::Kind kind, qint64 id)
{
    if (!m_listener)
        return;
    const StoreChange change { kind, id };
    if (!m_changes.contains(change))
        m_changes.append(change);
    if (m_txDepth == 0)
        deliverChanges(); // a write outside a transaction is committed at once
}

void SqlStore::deliverChanges()
{
    if (m_changes.isEmpty() || !m_listener)
        return;
    const QList<StoreChange> changes = std::exchange(m_changes, {});
    m_listener(changes);
}

void SqlStore::rollback()
{
    if (m_txDepth <= 0)
        return;
    if (--m_txDepth > 0) {
        m_rollbackOnly = true;
        return;
    }
    finishStatements();
    m_db.rollback();
    m_config.reset(); // a rolled-back configuration change must not survive in the cache
    m_changes.clear();
}

namespace {

// Each tenant configuration value under its key (hawkBit's names where hawkBit has the setting per tenant;
// quotas under "quota.*").
struct ConfigKey
{
    const char *key;
    std::variant<bool TenantConfiguration::*, qint64 TenantConfiguration::*, int TenantConfiguration::*,
                 QString TenantConfiguration::*>
        field;
};

const ConfigKey configKeys[] = {
    { "repository.actions.autoclose.enabled", &TenantConfiguration::autoClose },
    { "user.confirmation.flow.enabled", &TenantConfiguration::consentFlow },
    { "multi.assignments.enabled", &TenantConfiguration::multiAssignment },
    { "rollout.approval.enabled", &TenantConfiguration::rolloutApproval },
    { "auto.assignment.approval.enabled", &TenantConfiguration::autoAssignmentApproval },
    { "authentication.targettoken.enabled", &TenantConfiguration::targetTokenAuth },
    { "authentication.gatewaytoken.enabled", &TenantConfiguration::gatewayTokenAuth },
    { "authentication.gatewaytoken.key", &TenantConfiguration::gatewayTokenKey },
    { "pollingTime", &TenantConfiguration::pollingSecs },
    { "pollingOverdueTime", &TenantConfiguration::pollingOverdueSecs },
    { "minPollingTime", &TenantConfiguration::minPollingSecs },
    { "maintenanceWindowPollCount", &TenantConfiguration::maintenanceWindowPollCount },
    { "quota.maxActionsPerTarget", &TenantConfiguration::maxActionsPerTarget },
    { "quota.maxStatusEntriesPerAction", &TenantConfiguration::maxStatusEntriesPerAction },
    { "quota.maxMessagesPerActionStatus", &TenantConfiguration::maxMessagesPerStatus },
    { "quota.maxTargetsPerManualAssignment", &TenantConfiguration::maxTargetsPerAssignment },
    { "quota.maxAttributeEntriesPerTarget", &TenantConfiguration::maxAttributesPerTarget },
    { "quota.maxTargetsPerRolloutGroup", &TenantConfiguration::maxTargetsPerRolloutGroup },
    { "quota.maxRolloutGroupsPerRollout", &TenantConfiguration::maxRolloutGroups },
};

} // namespace

TenantConfiguration SqlStore::tenantConfiguration()
{
    if (m_config)
        return *m_config;
    TenantConfiguration c;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT key, value FROM tenant_config"))) {
        while (q.next()) {
            const QByteArray key = q.value(0).toString().toLatin1();
            const QString value = q.value(1).toString();
            for (const ConfigKey &k : configKeys) {
                if (key != k.key)
                    continue;
                std::visit(
                    [&](auto member) {
                        using T = std::remove_reference_t<decltype(c.*member)>;
                        if constexpr (std::is_same_v<T, bool>)
                            c.*member = value == QLatin1String("true");
                        else if constexpr (std::is_same_v<T, QString>)
                            c.*member = value;
                        else
                            c.*member = T(value.toLongLong());
                    },
                    k.field);
            }
        }
    }
    m_config = c;
    return c;
}

bool SqlStore::setTenantConfiguration(const TenantConfiguration &c)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO tenant_config (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    for (const ConfigKey &k : configKeys) {
        const QString value = std::visit(
            [&](auto member) {
                using T = std::remove_cvref_t<decltype(c.*member)>;
                if constexpr (std::is_same_v<T, bool>)
                    return c.*member ? u"true"_s : u"false"_s;
                else if constexpr (std::is_same_v<T, QString>)
                    return c.*member;
                else
                    return QString::number(c.*member);
            },
            k.field);
        q.addBindValue(QString::fromLatin1(k.key));
        q.addBindValue(value.isNull() ? u""_s : value); // an unset text is empty, never SQL NULL
        if (!q.exec())
            return setError(QStringLiteral("saving tenant configuration"), q);
    }
    m_config = c;
    return true;
}

qint64 SqlStore::insertTarget(const Target &t)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO targets (controller_id, name, description, state, security_token, address, "
                       "last_poll, installed_ds, assigned_ds, auto_confirm, auto_confirm_initiator, "
                       "auto_confirm_remark, created_at, request_attributes, target_type, target_group) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(t.controllerId);
    q.addBindValue(t.name);
    q.addBindValue(t.description);
    q.addBindValue(int(t.state));
    q.addBindValue(t.securityToken);
    q.addBindValue(t.address);
    q.addBindValue(msOrNull(t.lastPoll));
    q.addBindValue(idOrNull(t.installedDistributionSetId));
    q.addBindValue(idOrNull(t.assignedDistributionSetId));
    q.addBindValue(t.autoConfirm ? 1 : 0);
    q.addBindValue(t.autoConfirmInitiator);
    q.addBindValue(t.autoConfirmRemark);
    q.addBindValue(toMs(t.createdAt.isValid() ? t.createdAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(t.requestAttributes ? 1 : 0);
    q.addBindValue(t.targetTypeKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.targetTypeKey));
    q.addBindValue(t.group.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.group));
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting target %1").arg(t.controllerId), q);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    changed(StoreChange::Kind::TargetCreated, id);
    return id;
}

std::optional<Target> SqlStore::targetWhere(const QString &sql, const QVariant &value)
{
    QSqlQuery &q = prepared(sql);
    q.addBindValue(value);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return targetFrom(q);
}

// The statements are built once: a target lookup runs on every DDI request.
std::optional<Target> SqlStore::target(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM targets WHERE id = ?").arg(targetColumns);
    return targetWhere(sql, id);
}

std::optional<Target> SqlStore::targetByControllerId(const QString &controllerId)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM targets WHERE controller_id = ?").arg(targetColumns);
    return targetWhere(sql, controllerId);
}

// QtSql's SQLite driver rebuilds a result's column description on every exec, and that costs more than the
// lookup itself: the device queries read only the columns they need.
std::optional<DeviceTarget> SqlStore::deviceTarget(const QString &controllerId)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, state, security_token, address, last_poll, installed_ds, "
                                           "request_attributes FROM targets WHERE controller_id = ?"));
    q.addBindValue(controllerId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return DeviceTarget { q.value(0).toLongLong(), controllerId,           TargetState(q.value(1).toInt()),
                          q.value(2).toString(),   q.value(3).toString(),  fromMs(q.value(4)),
                          q.value(5).toLongLong(), q.value(6).toInt() != 0 };
}

// Not the group: an indexed column written on every state change would cost every feedback an index update
// (setTargetGroup changes it).
bool SqlStore::updateTarget(const Target &t)
{
    QSqlQuery &q = prepared(
        QStringLiteral("UPDATE targets SET name = ?, description = ?, state = ?, address = ?, last_poll = ?, "
                       "installed_ds = ?, assigned_ds = ?, auto_confirm = ?, auto_confirm_initiator = ?, "
                       "auto_confirm_remark = ?, request_attributes = ?, target_type = ? WHERE id = ?"));
    q.addBindValue(t.name);
    q.addBindValue(t.description);
    q.addBindValue(int(t.state));
    q.addBindValue(t.address);
    q.addBindValue(msOrNull(t.lastPoll));
    q.addBindValue(idOrNull(t.installedDistributionSetId));
    q.addBindValue(idOrNull(t.assignedDistributionSetId));
    q.addBindValue(t.autoConfirm ? 1 : 0);
    q.addBindValue(t.autoConfirmInitiator);
    q.addBindValue(t.autoConfirmRemark);
    q.addBindValue(t.requestAttributes ? 1 : 0);
    q.addBindValue(t.targetTypeKey.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t.targetTypeKey));
    q.addBindValue(t.id);
    if (!q.exec())
        return setError(QStringLiteral("updating target %1").arg(t.id), q);
    changed(StoreChange::Kind::TargetUpdated, t.id);
    return q.numRowsAffected() == 1;
}

qint64 SqlStore::insertDistributionSet(const DistributionSet &s)
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
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting distribution set %1 %2").arg(s.name, s.version), q);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    changed(StoreChange::Kind::RepositoryChanged, id);
    return id;
}

std::optional<DistributionSet> SqlStore::distributionSet(qint64 id)
{
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM distribution_sets WHERE id = ?").arg(distributionSetColumns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return distributionSetFrom(q);
}

bool SqlStore::updateDistributionSet(const DistributionSet &s)
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
        return setError(QStringLiteral("updating distribution set %1").arg(s.id), q);
    changed(StoreChange::Kind::RepositoryChanged, s.id);
    return true;
}

bool SqlStore::updateSoftwareModule(const SoftwareModule &m)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE software_modules SET description = ?, vendor = ? WHERE id = ?"));
    q.addBindValue(m.description);
    q.addBindValue(m.vendor);
    q.addBindValue(m.id);
    if (!q.exec())
        return setError(QStringLiteral("updating software module %1").arg(m.id), q);
    changed(StoreChange::Kind::RepositoryChanged, m.id);
    return true;
}

bool SqlStore::updateRolloutText(qint64 id, const QString &name, const QString &description)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE rollouts SET name = ?, description = ? WHERE id = ?"));
    q.addBindValue(name);
    q.addBindValue(description);
    q.addBindValue(id);
    if (!q.exec())
        return setError(QStringLiteral("updating rollout %1").arg(id), q);
    changed(StoreChange::Kind::RolloutChanged, id);
    return true;
}

bool SqlStore::lockDistributionSet(qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE distribution_sets SET locked = 1 WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return setError(QStringLiteral("locking distribution set %1").arg(id), q);
    return true;
}

qint64 SqlStore::insertAction(const Action &a)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO actions (target_id, ds_id, type, force_time, weight, mw_schedule, mw_duration, "
                       "mw_timezone, confirmation_required, state, active, created_at, last_modified, rollout_id, "
                       "rollout_group_id, initiator) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(a.targetId);
    q.addBindValue(a.distributionSetId);
    q.addBindValue(int(a.type));
    q.addBindValue(msOrNull(a.forceTime));
    q.addBindValue(a.weight);
    const QVariant nullText(QMetaType::fromType<QString>());
    q.addBindValue(a.maintenanceWindow ? QVariant(a.maintenanceWindow->schedule()) : nullText);
    q.addBindValue(a.maintenanceWindow ? QVariant(a.maintenanceWindow->duration()) : nullText);
    q.addBindValue(a.maintenanceWindow ? QVariant(a.maintenanceWindow->timezone()) : nullText);
    q.addBindValue(a.confirmationRequired ? 1 : 0);
    q.addBindValue(int(a.state));
    q.addBindValue(a.isActive() ? 1 : 0);
    q.addBindValue(toMs(a.createdAt));
    q.addBindValue(toMs(a.lastModifiedAt.isValid() ? a.lastModifiedAt : a.createdAt));
    q.addBindValue(idOrNull(a.rolloutId));
    q.addBindValue(idOrNull(a.rolloutGroupId));
    q.addBindValue(a.initiator);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting an action for target %1").arg(a.targetId), q);
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    changed(StoreChange::Kind::ActionCreated, id);
    return id;
}

std::optional<Action> SqlStore::action(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM actions WHERE id = ?").arg(actionColumns);
    QSqlQuery &q = prepared(sql);
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return actionFrom(q);
}

namespace {

// A target's open actions in presentation order: one statement shape for every reader, and for its query plan.
QString openActionsSelect(const QString &columns, const QString &targetId = QStringLiteral("?"))
{
    return QStringLiteral("SELECT %1 FROM actions WHERE target_id = %2 AND active = 1 ORDER BY weight DESC, id")
        .arg(columns, targetId);
}

// What presenting an action to a polling device needs (openActionsForPoll).
const QString pollActionColumns
    = QStringLiteral("id, type, force_time, weight, mw_schedule, mw_duration, mw_timezone, state");

} // namespace

QList<Action> SqlStore::openActions(qint64 targetId)
{
    QList<Action> result;
    static const QString sql = openActionsSelect(actionColumns);
    QSqlQuery &q = prepared(sql);
    q.addBindValue(targetId);
    if (!q.exec()) {
        setError(QStringLiteral("reading open actions of target %1").arg(targetId), q);
        return result;
    }
    while (q.next())
        result.append(actionFrom(q));
    return result;
}

QList<Action> SqlStore::openActionsForPoll(qint64 targetId)
{
    QList<Action> result;
    static const QString sql = openActionsSelect(pollActionColumns);
    QSqlQuery &q = prepared(sql);
    q.addBindValue(targetId);
    if (!q.exec()) {
        setError(QStringLiteral("reading open actions of target %1").arg(targetId), q);
        return result;
    }
    while (q.next()) {
        Action a;
        a.id = q.value(0).toLongLong();
        a.targetId = targetId;
        a.type = ActionType(q.value(1).toInt());
        a.forceTime = fromMs(q.value(2));
        a.weight = q.value(3).toInt();
        a.maintenanceWindow = scheduleFrom(q, 4);
        a.state = ActionState(q.value(7).toInt());
        result.append(a);
    }
    return result;
}

QString SqlStore::explainOpenActions(qint64 targetId)
{
    // The statement every poll runs. PostgreSQL cannot prepare an EXPLAIN with parameters: the id (a number,
    // never text) goes in literally.
    const QString select = openActionsSelect(pollActionColumns, QString::number(targetId));
    QSqlQuery q(m_db);
    QStringList lines;
    if (q.exec((m_postgres ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + select)) {
        while (q.next())
            lines << q.value(q.record().count() - 1).toString();
    } else {
        setError(QStringLiteral("explaining the presentation lookup"), q);
    }
    return lines.join(QLatin1Char('\n'));
}

int SqlStore::countActions(qint64 targetId)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT COUNT(*) FROM actions WHERE target_id = ?"));
    q.addBindValue(targetId);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool SqlStore::updateActionState(qint64 actionId, ActionState state, const QDateTime &at)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE actions SET state = ?, active = ?, last_modified = ? WHERE id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(isClosed(state) ? 0 : 1);
    q.addBindValue(toMs(at));
    q.addBindValue(actionId);
    if (!q.exec())
        return setError(QStringLiteral("updating action %1").arg(actionId), q);
    changed(StoreChange::Kind::ActionChanged, actionId);
    return q.numRowsAffected() == 1;
}

bool SqlStore::appendStatus(qint64 actionId, const ActionStatusEntry &e)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO action_status (action_id, at, status, code, messages) VALUES (?,?,?,?,?)"));
    q.addBindValue(actionId);
    q.addBindValue(toMs(e.at));
    q.addBindValue(int(e.status));
    q.addBindValue(e.code ? QVariant(*e.code) : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(e.messages)).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return setError(QStringLiteral("adding a status to action %1").arg(actionId), q);
    changed(StoreChange::Kind::ActionChanged, actionId);
    return true;
}

QList<ActionStatusEntry> SqlStore::statusHistory(qint64 actionId, int offset, int limit)
{
    QList<ActionStatusEntry> result;
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT at, status, code, messages FROM action_status WHERE action_id = ? ORDER BY id "
                       "LIMIT ? OFFSET ?"));
    q.addBindValue(actionId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return result;
    while (q.next()) {
        ActionStatusEntry e;
        e.at = fromMs(q.value(0));
        e.status = HistoryStatus(q.value(1).toInt());
        if (!q.value(2).isNull())
            e.code = q.value(2).toInt();
        const QJsonArray messages = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array();
        for (const QJsonValue &m : messages)
            e.messages.append(m.toString());
        result.append(e);
    }
    return result;
}

int SqlStore::countStatus(qint64 actionId)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT COUNT(*) FROM action_status WHERE action_id = ?"));
    q.addBindValue(actionId);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool SqlStore::recordFeedbackOnce(qint64 actionId, const QString &key)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO feedback_receipts (action_id, dedup_key) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(actionId);
    q.addBindValue(key);
    if (!q.exec())
        return setError(QStringLiteral("recording feedback for action %1").arg(actionId), q);
    return q.numRowsAffected() == 1;
}

} // namespace Flotilla
