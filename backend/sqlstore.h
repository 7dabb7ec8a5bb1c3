#pragma once

#include "backend/rsqlcompiler.h"
#include "backend/sqlaccountstore.h"
#include "backend/sqlactionstore.h"
#include "backend/sqlaudittrail.h"
#include "backend/sqlitestatement.h"
#include "backend/sqlmetadatastore.h"
#include "backend/sqlrepositorystore.h"
#include "backend/sqlrolloutstore.h"
#include "backend/sqltagstore.h"
#include "backend/sqltargetfilterstore.h"
#include "backend/sqltargetstore.h"
#include "backend/storechange.h"
#include "engine/store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <vector>

namespace Flotilla {

class NotificationFanout;
class PostgresListener;
class SqliteFile;

// The database on QtSql: SQLite by default (one file, WAL), PostgreSQL for scale. It owns the connection, the
// session (transactions, errors), the tenant configuration and change notification; each aggregate has its own
// store on that connection (targets(), actions(), repository(), ...), and stores() hands the engine's services
// theirs. Opening runs the versioned schema migrations; a database whose schema is newer than this code is refused
// and left untouched. Table and column names stay inside these classes.
// One SqlStore per thread (a QSqlDatabase connection belongs to the thread that opened it).
class SqlStore final
    : public StoreSession
    , public ConfigurationStore
{
public:
    SqlStore();
    ~SqlStore() override;
    Q_DISABLE_COPY_MOVE(SqlStore)

    // url: "sqlite:/path/to/file.db", a plain file path, or "postgres://user:password@host:port/database".
    bool open(const QString &url);
    // A QPSQL connection (not opened) to a "postgres://" URL, for the parts with connections of their own.
    static QSqlDatabase addPostgresConnection(const QString &url, const QString &connectionName);
    bool isOpen() const;
    int schemaVersion();
    static int latestSchemaVersion();
    // PostgreSQL advisory lock keys: the schema migration (held while one server migrates) and the periodic work's
    // lease (SchedulerLease: held by the one server that runs the scheduler).
    static constexpr qint64 MigrationLockKey = 0x466c6f74696c6c61; // "Flotilla"
    static constexpr qint64 SchedulerLockKey = 0x466c6f74696c6c62;
    QString driverName() const;
    bool isPostgres() const { return m_postgres; }

    Result<void> begin() override;
    Result<void> commit() override;
    void rollback() override;
    Result<void> beginGroup() override;
    Result<void> endGroup() override;
    QString lastError() const override { return m_error; }
    void releaseReads() override;

    TenantConfiguration tenantConfiguration() override;
    Result<void> setTenantConfiguration(const TenantConfiguration &config) override;

    // The aggregates' stores, all on this connection and in this session.
    ConfigurationStore &configuration() { return *this; }
    SqlTargetStore &targets() { return m_targets; }
    SqlTargetFilterStore &filters() { return m_filters; }
    SqlActionStore &actions() { return m_actions; }
    SqlRepositoryStore &repository() { return m_repository; }
    SqlRolloutStore &rollouts() { return m_rollouts; }
    SqlTagStore &tagStore() { return m_tags; }
    SqlMetadataStore &metadataStore() { return m_metadata; }
    SqlAuditTrail &auditTrail() { return m_audit; }
    SqlAccountStore &accounts() { return m_accounts; }
    // The engine's view of them.
    Stores stores() { return { *this, *this, m_targets, m_filters, m_actions, m_repository, m_rollouts }; }

    // Called with the changes of each committed transaction (or single write outside one), in order and
    // without repeats; rolled-back changes are never reported.
    void setChangeListener(std::function<void(const QList<StoreChange> &)> listener);
    // PostgreSQL's LISTEN/NOTIFY, so that servers sharing the database keep their caches right (heard through the
    // process's listening connection, PostgresListener); on SQLite the same between the connections of this process
    // (its HTTP threads: SqliteFile). notify() is
    // delivered when the current transaction commits (at once outside one) to every listener, this connection's
    // included; listen() calls back on this thread, from the event loop, for each notification on channel (an empty
    // callback stops listening). False with lastError().
    Result<void> notify(const QString &channel, const QString &payload = {});
    bool listen(const QString &channel, std::function<void(const QString &payload)> callback);
    static inline const QString TenantConfigurationChannel = QStringLiteral("flotilla_tenant_config");

    // Called when an outermost transaction ends, with its time from begin() and whether it committed (metrics).
    void setTransactionObserver(std::function<void(qint64 nanoseconds, bool committed)> observer)
    {
        m_transactionObserver = std::move(observer);
    }

    // Any entity's rows (RsqlCompiler: its alias, t, m, s, r, a or aa) matching compiled RSQL: their ids and how
    // many; and a table's row count (tests and benchmarks).
    Result<QList<qint64>> idsWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds,
                                   const QString &orderBy, int offset, int limit);
    Result<int> countWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds);
    int countRows(const QString &table);

private:
    friend class SqlAggregate;

    bool migrate();
    bool migrateSchema();
    bool exec(const QString &sql);
    // Statements are prepared once per connection and reused (forward-only).
    QSqlQuery &prepared(const QString &sql);
    // On SQLite, a read prepared once per connection with SQLite's own API (SqliteStatement: for the DDI poll, whose
    // every exec through QSQLITE rebuilt the columns' QSqlRecord); null on PostgreSQL. Never null on SQLite: a
    // statement that could not be prepared says why when run, and is prepared again on the next call.
    SqliteStatement *sqliteStatement(const QString &sql);
    void finishStatements();
    bool setError(const QString &what, const QSqlQuery &q);
    // setError, as the Error a Result carries.
    Failure failed(const QString &what, const QSqlQuery &q);
    Failure failed(const QString &what, const SqliteStatement &q);
    void changed(StoreChange::Kind kind, qint64 id);
    void deliverChanges();

    QSqlDatabase m_db;
    QString m_connection;
    QString m_error;
    bool m_postgres = false;
    std::optional<TenantConfiguration> m_config; // this transaction's view; reset by a rollback
    TenantConfiguration m_lastReadConfig; // what the database held when last read
    QHash<QString, QSqlQuery> m_statements;
    std::vector<std::pair<QString, std::unique_ptr<SqliteStatement>>> m_sqliteStatements; // a few: searched in turn
    std::unique_ptr<SqliteStatement> m_unpreparedSqlite; // the last one that could not be prepared
    QSet<QString> m_unprepared; // statements whose prepare failed: prepared again next time, not kept broken
    int m_txDepth = 0;
    QElapsedTimer m_txTimer;
    std::function<void(qint64, bool)> m_transactionObserver;
    void transactionEnded(bool committed);
    // The outermost transaction rolled back, and what it queued dropped (changes, notifications, configuration).
    void abandonTransaction();
    bool m_rollbackOnly = false;
    // Group commit: depth 1 is the group's transaction, each depth-2 scope a savepoint. What the savepoint found
    // queued (changes, notifications) stays when it rolls back; a savepoint that cannot be undone dooms the group.
    // A scope's savepoint is not released when the scope ends: the next scope's begin releases it and sets its own in
    // one round trip on PostgreSQL, and the group's COMMIT releases the last (a report costs one statement less).
    bool m_group = false;
    bool m_groupDoomed = false;
    bool m_savepointKept = false;
    bool openSavepoint();
    // On PostgreSQL a statement run at the group's level, between its scopes, may also set the next scope's
    // savepoint, in the same round trip: savepointPrefix() goes before its text, and savepointSet() records that it
    // ran. The scope that begins next takes that savepoint instead of setting its own, unless another statement ran in
    // between (connection() makes it stale). A feedback's read and its savepoint are then one round trip, not two.
    // The prefix also carries the deferred writes of the scope before (below): they run before its savepoint goes.
    QString savepointPrefix();
    void savepointSet();
    bool m_savepointFresh = false;
    // The connection, for a statement: whatever the statement does comes after a savepoint set before it, and
    // after the writes deferred before it (flushDeferred).
    QSqlDatabase &connection();
    // Group commit on PostgreSQL: a scope's write whose result nobody reads (a status entry) waits for the
    // connection's next round trip instead of taking one of its own. deferWrite() keeps its text (false: not in a
    // scope of a group on PostgreSQL; run it now), and the next text sent carries it first: the next feedback's read
    // (savepointPrefix), the next scope's savepoint, the group's COMMIT, or any other statement (flushDeferred). So it
    // always runs before its scope's savepoint is released, and its failure is its scope's: while the scope is open,
    // the scope fails; after, the group's transaction is aborted, the group fails and every held answer becomes a 500
    // that the device sends again. A scope that rolls back drops what it deferred. A report costs a round trip less.
    bool deferWrite(const QString &statement);
    QString takeDeferred();
    void flushDeferred();
    QString m_deferred;
    qsizetype m_savepointChanges = 0;
    qsizetype m_savepointNotifications = 0;
    std::function<void(const QList<StoreChange> &)> m_listener;
    QHash<QString, std::function<void(const QString &)>> m_listeners; // notification channels
    QList<StoreChange> m_changes;
    // SQLite: the file as this process holds it (its writers' lock, notifications between connections), whether
    // this connection holds the writers' lock now, and the notifications its transaction sends at commit.
    std::shared_ptr<SqliteFile> m_file;
    std::shared_ptr<PostgresListener> m_pgListener; // PostgreSQL: where this process hears notifications
    NotificationFanout &notificationSource();
    bool m_holdsWrites = false;
    QList<std::pair<QString, QString>> m_pendingNotifications;
    void releaseWrites();
    void rollbackSavepoint();
    void dispatchNotification(const QString &channel, const QString &payload);

    SqlTargetStore m_targets { *this };
    SqlTargetFilterStore m_filters { *this };
    SqlActionStore m_actions { *this };
    SqlRepositoryStore m_repository { *this };
    SqlRolloutStore m_rollouts { *this };
    SqlTagStore m_tags { *this };
    SqlMetadataStore m_metadata { *this };
    SqlAuditTrail m_audit { *this };
    SqlAccountStore m_accounts { *this };
};

} // namespace Flotilla
