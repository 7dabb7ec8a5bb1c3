#include "backend/sqlstore.h"

#include "backend/backendlogging.h"
#include "backend/postgreslistener.h"
#include "backend/sqlitefile.h"
#include "backend/sqlstore_p.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QUrl>

#include <functional>
#include <variant>

using namespace Qt::StringLiterals;
using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

// A damaged SQLite file, told from its 100-byte header before SQLite is let near it (sqlite.org/fileformat.html,
// 1.3): not SQLite at all, or shorter than the page count its header vouches for (a copy cut short, a disk that
// filled up under a copy). SQLite itself would open such a file and fail later, on some query, half way through
// serving. Only without a write-ahead log: a WAL being replayed may legitimately hold what the file lacks.
QString damageOf(const SqliteFile &file)
{
    // Through the file's held descriptor: a QFile opened and closed here would drop this process's SQLite locks.
    const qint64 size = QFileInfo(file.path()).size();
    if (size == 0 || QFileInfo(file.path() + QStringLiteral("-wal")).size() > 0)
        return {};
    const QByteArray header = file.head(100);
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

// An entity's table and the alias the RSQL compiler writes its conditions over.
std::pair<QString, QString> tableOf(RsqlCompiler::Entity entity)
{
    using E = RsqlCompiler::Entity;
    switch (entity) {
    case E::Target:
        return { QStringLiteral("targets"), QStringLiteral("t") };
    case E::SoftwareModule:
        return { QStringLiteral("software_modules"), QStringLiteral("m") };
    case E::DistributionSet:
        return { QStringLiteral("distribution_sets"), QStringLiteral("s") };
    case E::Rollout:
        return { QStringLiteral("rollouts"), QStringLiteral("r") };
    case E::Action:
        return { QStringLiteral("actions"), QStringLiteral("a") };
    case E::Audit:
        return { QStringLiteral("audit_log"), QStringLiteral("au") };
    case E::AutoAssignment:
        break;
    }
    return { QStringLiteral("auto_assignments"), QStringLiteral("aa") };
}
} // namespace

SqlStore::SqlStore()
    : m_connection(QStringLiteral("flotilla-store-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{ }

SqlStore::~SqlStore()
{
    if ((m_file || m_pgListener) && m_db.isValid())
        notificationSource().unsubscribe(m_db.driver());
    if (m_txDepth > 0 && m_db.isValid())
        m_db.rollback();
    releaseWrites();
    m_statements.clear();
    m_unprepared.clear();
    m_sqliteStatements.clear(); // finalised before the connection closes: SQLite does not close one that has any
    m_unpreparedSqlite.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QSqlDatabase SqlStore::addPostgresConnection(const QString &url, const QString &connectionName)
{
    const QUrl u(url);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    db.setPassword(u.password());
    db.setDatabaseName(u.path().mid(1));
    return db;
}

bool SqlStore::open(const QString &url)
{
    if (url.startsWith(QLatin1String("postgres://")) || url.startsWith(QLatin1String("postgresql://"))) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty()) {
            m_error = QStringLiteral("database: '%1' is not a valid postgres:// URL").arg(url);
            return false;
        }
        m_postgres = true;
        m_db = addPostgresConnection(url, m_connection);
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
        m_file = SqliteFile::acquire(path, &m_error);
        if (!m_file)
            return false;
        if (const QString damage = damageOf(*m_file); !damage.isEmpty()) {
            m_error = QStringLiteral("database: %1 is damaged: %2. Nothing was served from it. Restore it from a "
                                     "backup, or move it away to start with an empty database.")
                          .arg(m_file->path(), damage);
            m_file.reset();
            return false;
        }
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        // SQLite's unix-excl VFS: as one process owns the file anyway (SqliteFile), the process holds SQLite's lock
        // on it for as long as it has the file open, and the WAL index is in this process's memory, shared by its
        // connections, instead of a -shm file locked with fcntl for every read transaction. A poll then costs no
        // file-lock system calls and the HTTP threads' reads do not queue on SQLite's per-file mutex while one waits
        // for the kernel. Another process (the sqlite3 shell too) cannot open the file while this one has it open.
        QString name = path;
        if (path != u":memory:"_s && !path.startsWith(u"file::memory:"_s)) { // as SqliteFile::acquire
            QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
            uri.setQuery(u"vfs=unix-excl"_s);
            name = uri.toString(QUrl::FullyEncoded);
        }
        m_db.setDatabaseName(name);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI"));
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
        // One server process owns an SQLite file (SqliteFile's lock; several servers share PostgreSQL instead), with
        // a connection per HTTP thread. WAL lets those read in parallel while one writes; NORMAL sync is durable
        // across application crashes in WAL mode (an OS crash may lose the last transactions, not corrupt).
        // Each connection keeps up to 32 MiB of the file's pages (SQLite's default is 2 MB, less than a fleet of
        // 100,000 targets: most polls of random devices then read a page from the file, a system call each).
        if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
            || !exec(QStringLiteral("PRAGMA foreign_keys=ON")) || !exec(QStringLiteral("PRAGMA cache_size=-32768"))) {
            // The first statements are where SQLite finds a file damaged in ways the header does not show (a
            // file another process holds says "locked", which needs no restore).
            if (m_error.contains(u"malformed"_s) || m_error.contains(u"not a database"_s))
                m_error
                    = QStringLiteral("database: %1 cannot be used (%2). Nothing was served from it. Restore it from a "
                                     "backup, or move it away to start with an empty database.")
                          .arg(m_file->path(), m_error);
            return false;
        }
    }
    if (!migrate())
        return false;
    if (m_postgres && !m_actions.prepareOnServer())
        return false;
    // Notifications arrive on this connection's thread, from the event loop (never inside a transaction): from
    // the process's listening connection on PostgreSQL (PostgresListener), from the other connections on SQLite.
    if (m_postgres) {
        m_pgListener = PostgresListener::acquire(url, &m_error);
        if (!m_pgListener)
            return false;
    }
    notificationSource().subscribe(m_db.driver(), [this](const QString &channel, const QString &payload) {
        dispatchNotification(channel, payload);
    });
    // Another server (or thread) changed the tenant configuration: read it again when next asked.
    if (!listen(TenantConfigurationChannel, [this](const QString &) { m_config.reset(); }))
        return false;
    // Read once here, so that a failed read later falls back to what was read, never to the defaults.
    tenantConfiguration();
    if (!m_config) {
        m_error = QStringLiteral("database: the tenant configuration cannot be read: %1").arg(m_error);
        return false;
    }
    return true;
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
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT version FROM flotilla_schema")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

QSqlQuery &SqlStore::prepared(const QString &sql)
{
    // SQLite commits a write outside a transaction only once no other statement of the connection is open: reads
    // left open (a lookup that read its one row) would keep it uncommitted, unseen by the other connections and
    // holding the write lock. They are done with by now.
    // Every statement here starts with its keyword; anything but a SELECT counts as a write (one comparison: this
    // runs for every statement).
    if (m_txDepth == 0 && !m_postgres && !sql.startsWith("SELECT"_L1))
        finishStatements();
    m_savepointFresh = false;
    flushDeferred();
    auto it = m_statements.find(sql);
    if (it != m_statements.end() && (m_unprepared.isEmpty() || !m_unprepared.contains(sql))) {
        it->finish();
        return *it;
    }
    if (it == m_statements.end()) {
        it = m_statements.emplace(sql, m_db);
        it->setForwardOnly(true);
    }
    // A prepare can fail for a moment (a table locked or renamed, a connection lost); the statement is prepared
    // again on its next use rather than failing on this connection for good.
    if (it->prepare(sql)) {
        m_unprepared.remove(sql);
    } else {
        m_unprepared.insert(sql);
        setError(QStringLiteral("preparing %1").arg(sql.left(60)), *it);
    }
    return *it;
}

SqliteStatement *SqlStore::sqliteStatement(const QString &sql)
{
    if (m_postgres)
        return nullptr;
    Q_ASSERT(sql.startsWith("SELECT"_L1)); // reads only: a write would need prepared()'s care
    for (auto &[text, statement] : m_sqliteStatements) {
        if (text == sql) {
            statement->finish();
            return statement.get();
        }
    }
    auto statement = std::make_unique<SqliteStatement>(m_db, sql);
    if (!statement->isPrepared()) {
        m_unpreparedSqlite = std::move(statement);
        return m_unpreparedSqlite.get();
    }
    return m_sqliteStatements.emplace_back(sql, std::move(statement)).second.get();
}

void SqlStore::finishStatements()
{
    for (QSqlQuery &q : m_statements) {
        if (q.isActive())
            q.finish();
    }
    for (auto &[text, statement] : m_sqliteStatements)
        statement->finish();
}

void SqlStore::releaseReads()
{
    if (m_txDepth > 0)
        return;
    finishStatements();
}

bool SqlStore::exec(const QString &sql)
{
    QSqlQuery q(connection());
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

Failure SqlStore::failed(const QString &what, const SqliteStatement &q)
{
    m_error = QStringLiteral("%1: %2").arg(what, q.error());
    qCWarning(lcStore).noquote() << "store:" << m_error;
    return Failure { QStringLiteral("flotilla.store"), m_error };
}

bool SqlStore::migrate()
{
    if (!m_postgres)
        return migrateSchema(); // one process owns an SQLite file
    // Several servers on one PostgreSQL may start at once: one migrates, the others wait and find it done.
    if (!exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey)))
        return false;
    const bool migrated = migrateSchema();
    QSqlQuery(m_db).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey));
    return migrated;
}

bool SqlStore::migrateSchema()
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
            // An index on LOWER(text) serves RSQL's case-insensitive == and its prefix LIKE: on PostgreSQL only
            // with the pattern operator class (whatever the database's collation); SQLite has no such thing.
            sql.replace(QLatin1String("{PATTERN}"), m_postgres ? QStringLiteral(" text_pattern_ops") : QString());
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

void SqlStore::dispatchNotification(const QString &channel, const QString &payload)
{
    if (const auto it = m_listeners.constFind(channel); it != m_listeners.cend())
        (*it)(payload);
}

void SqlStore::transactionEnded(bool committed)
{
    if (m_transactionObserver)
        m_transactionObserver(m_txTimer.nsecsElapsed(), committed);
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

TenantConfiguration SqlStore::tenantConfiguration()
{
    if (m_config)
        return *m_config;
    TenantConfiguration c;
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT key, value FROM tenant_config"))) {
        // Never the defaults in place of what the operator set: the configuration last read (open() reads it
        // first, and refuses a database without one), and the failure in the log and lastError().
        setError(QStringLiteral("reading the tenant configuration (the last one read stays in use)"), q);
        return m_lastReadConfig;
    }
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
    m_config = c;
    m_lastReadConfig = c;
    return c;
}

Result<void> SqlStore::setTenantConfiguration(const TenantConfiguration &c)
{
    releaseReads(); // commits at once outside a transaction (prepared())
    QSqlQuery q(connection());
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
            return failed(QStringLiteral("saving tenant configuration"), q);
    }
    m_config = c;
    if (m_txDepth == 0)
        m_lastReadConfig = c; // committed at once
    // The other servers on this PostgreSQL read it again (sent when this transaction commits).
    if (const Result<void> sent = notify(TenantConfigurationChannel); !sent)
        return sent.error();
    return {};
}

Result<void> SqlStore::notify(const QString &channel, const QString &payload)
{
    if (!m_postgres) {
        if (m_txDepth > 0)
            m_pendingNotifications.append({ channel, payload });
        else
            m_file->notifications().deliver(channel, payload);
        return {};
    }
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    q.addBindValue(channel);
    q.addBindValue(payload);
    if (!q.exec())
        return failed(QStringLiteral("notifying %1").arg(channel), q);
    return {};
}

bool SqlStore::listen(const QString &channel, std::function<void(const QString &payload)> callback)
{
    if (!callback) {
        m_listeners.remove(channel);
        return true;
    }
    // Every channel reaches this connection on SQLite (SqliteFile); on PostgreSQL the process's listener LISTENs
    // for it (and goes on doing so when this connection stops caring: other connections may).
    if (m_postgres && !m_pgListener->listen(channel, &m_error))
        return false;
    m_listeners.insert(channel, std::move(callback));
    return true;
}

NotificationFanout &SqlStore::notificationSource()
{
    return m_postgres ? m_pgListener->notifications() : m_file->notifications();
}

int SqlStore::countRows(const QString &table)
{
    static const QStringList tables = { QStringLiteral("software_modules"), QStringLiteral("distribution_sets"),
                                        QStringLiteral("rollouts"), QStringLiteral("targets") };
    if (!tables.contains(table))
        return 0;
    QSqlQuery q(connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && q.next() ? q.value(0).toInt() : 0;
}

Result<QList<qint64>> SqlStore::idsWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds,
                                         const QString &orderBy, int offset, int limit)
{
    QList<qint64> ids;
    const auto [table, alias] = tableOf(entity);
    QSqlQuery q(connection());
    if (!execPage(q, alias + QStringLiteral(".id"), table + u' ' + alias, where, binds, orderBy, offset, limit)) {
        setError(QStringLiteral("listing %1").arg(table), q);
        return Failure { QStringLiteral("flotilla.store"), m_error };
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<int> SqlStore::countWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds)
{
    const auto [table, alias] = tableOf(entity);
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 %2 WHERE %3")
                  .arg(table, alias, where.isEmpty() ? QStringLiteral("1=1") : where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting %1").arg(table), q);
    return q.value(0).toInt();
}

// What the aggregates share, through their SqlAggregate base.
QSqlQuery &SqlAggregate::prepared(const QString &sql)
{
    return m_sql.prepared(sql);
}

SqliteStatement *SqlAggregate::sqliteStatement(const QString &sql)
{
    return m_sql.sqliteStatement(sql);
}

bool SqlAggregate::exec(const QString &sql)
{
    return m_sql.exec(sql);
}

const QSqlDatabase &SqlAggregate::db() const
{
    return m_sql.connection();
}

QSqlQuery &SqlAggregate::withIds(std::optional<QSqlQuery> &scratch, const QString &sql, const QList<qint64> &ids,
                                 const QVariantList &leading)
{
    Q_ASSERT(sql.contains(QLatin1String("IN (%1)")));
    if (m_sql.m_postgres) {
        QSqlQuery &q
            = prepared(QString(sql).replace(QLatin1String("IN (%1)"), QLatin1String("= ANY(CAST(? AS bigint[]))")));
        for (const QVariant &v : leading)
            q.addBindValue(v);
        PgArray array;
        for (qint64 id : ids)
            array.add(id);
        q.addBindValue(array.text());
        q.exec();
        return q;
    }
    QSqlQuery &q = scratch.emplace(db());
    q.setForwardOnly(true);
    q.prepare(sql.arg(QStringList(ids.size(), QStringLiteral("?")).join(u',')));
    for (const QVariant &v : leading)
        q.addBindValue(v);
    for (qint64 id : ids)
        q.addBindValue(id);
    q.exec();
    return q;
}

QString SqlAggregate::savepointPrefix()
{
    return m_sql.savepointPrefix();
}

bool SqlAggregate::deferWrite(const QString &statement)
{
    return m_sql.deferWrite(statement);
}

QString SqlAggregate::literal(const QVariant &value) const
{
    QSqlField field(QString(), value.metaType());
    field.setValue(value);
    return m_sql.m_db.driver()->formatValue(field);
}

void SqlAggregate::savepointSet()
{
    m_sql.savepointSet();
}

bool SqlAggregate::isPostgres() const
{
    return m_sql.m_postgres;
}

bool SqlAggregate::setError(const QString &what, const QSqlQuery &q)
{
    return m_sql.setError(what, q);
}

bool SqlAggregate::setError(const QString &message)
{
    m_sql.m_error = message;
    return false;
}

Failure SqlAggregate::failed(const QString &what, const QSqlQuery &q)
{
    return m_sql.failed(what, q);
}

Failure SqlAggregate::failed(const QString &what, const SqliteStatement &q)
{
    return m_sql.failed(what, q);
}

Failure SqlAggregate::failed(const QString &what)
{
    return Failure { QStringLiteral("flotilla.store"), QStringLiteral("%1: %2").arg(what, m_sql.lastError()) };
}

Failure SqlAggregate::noSuch(const QString &what, const QString &entity)
{
    const QString message = QStringLiteral("%1: there is no such %2").arg(what, entity);
    setError(message);
    return Failure { QStringLiteral("flotilla.store"), message };
}

Result<void> SqlAggregate::committed(StoreTransaction &tx, const QString &what)
{
    if (!tx.commit())
        return failed(what);
    return {};
}

void SqlAggregate::changed(StoreChange::Kind kind, qint64 id)
{
    m_sql.changed(kind, id);
}

} // namespace Flotilla
