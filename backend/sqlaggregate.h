#pragma once

#include "backend/storechange.h"
#include "engine/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace Flotilla {

class SqlStore;
class SqliteStatement;
class StoreTransaction;

// What every aggregate store of one SqlStore shares: its connection, its prepared statements, its session (errors,
// transactions) and its change notification. The aggregates (SqlTargetStore, SqlActionStore, ...) derive from it
// privately; nothing outside backend/sql*store* sees it.
class SqlAggregate
{
protected:
    explicit SqlAggregate(SqlStore &sql)
        : m_sql(sql)
    { }
    ~SqlAggregate() = default;
    Q_DISABLE_COPY_MOVE(SqlAggregate)

    // A statement prepared once per connection and reused (forward-only).
    QSqlQuery &prepared(const QString &sql);
    // On SQLite, a read prepared with SQLite's own API (SqlStore::sqliteStatement); null on PostgreSQL.
    SqliteStatement *sqliteStatement(const QString &sql);
    bool exec(const QString &sql);
    const QSqlDatabase &db() const;
    // A statement over a list of ids, sql with "IN (%1)" for them (after the leading binds), run. On PostgreSQL the
    // ids go as one bound array ("= ANY(CAST(? AS bigint[]))": QPSQL writes each bound value into its EXECUTE, and
    // parsing a thousand of them cost more than the lookup), so the text is the same for any count and the
    // statement is prepared once per connection and kept (prepared()): one round trip, where a statement made for
    // the call took three (PREPARE, EXECUTE, DEALLOCATE). On SQLite, with a "?" per id, it is made in scratch.
    // The query to read from: active when it ran, else its lastError() says why not.
    QSqlQuery &withIds(std::optional<QSqlQuery> &scratch, const QString &sql, const QList<qint64> &ids,
                       const QVariantList &leading = {});
    // Group commit on PostgreSQL: what goes before a statement's text for it to set the next scope's savepoint too
    // (empty when it cannot), and, once that statement ran, savepointSet() (SqlStore::savepointPrefix).
    QString savepointPrefix();
    void savepointSet();
    // Group commit on PostgreSQL: a write whose result is not read, sent with the connection's next statement
    // (SqlStore::deferWrite); false when it cannot wait: run it now. literal() writes a value into such a text as
    // the driver writes a bound one.
    bool deferWrite(const QString &statement);
    QString literal(const QVariant &value) const;
    bool isPostgres() const;
    // Records (and logs) a failed statement as the session's lastError(); returns false.
    bool setError(const QString &what, const QSqlQuery &q);
    // Records a refusal that is not the database's (an invalid filter) as lastError(), unlogged; returns false.
    bool setError(const QString &message);
    // setError, as the Failure a Result carries.
    Failure failed(const QString &what, const QSqlQuery &q);
    Failure failed(const QString &what, const SqliteStatement &q);
    // The session's last error (a failed commit), as a Failure: "what: the database's words".
    Failure failed(const QString &what);
    // The Failure of a write that found nothing to change: "what: there is no such <entity>" (also lastError(),
    // for the callers that still read it).
    Failure noSuch(const QString &what, const QString &entity);
    // Commits tx: done, or failed(what).
    Result<void> committed(StoreTransaction &tx, const QString &what);
    // A change for the event stream, delivered when the transaction commits.
    void changed(StoreChange::Kind kind, qint64 id);

    SqlStore &m_sql;
};

} // namespace Flotilla
