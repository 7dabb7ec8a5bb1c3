#pragma once

#include <QString>
#include <QVariant>

class QSqlDatabase;
struct sqlite3_stmt;

namespace Flotilla {

// One statement prepared with SQLite's own API on a QSQLITE connection, read as QSqlQuery is (exec, next, value),
// for the read every DDI poll makes. QSQLITE rebuilds a QSqlRecord of every column on each exec (its name,
// declared type and table, each converted to UTF-16, and a QSqlField): for the poll's 15 columns that was a fifth of
// a poll's instructions (callgrind, stop 49). Values come as QSQLITE gives them: qint64, double, QString, QByteArray,
// or null.
// A statement left mid-result holds its connection's read transaction, and the snapshot it began with (the
// connection's next statements would not see what others committed since, and the WAL could not be checkpointed past
// it): the statement is reset when next() reaches its end, and by finish() (SqlStore::finishStatements).
// Finalised by the destructor, which must run before its connection closes.
class SqliteStatement
{
public:
    // Prepared at once (persistent: reused for the connection's lifetime); error() says why when it could not be.
    SqliteStatement(const QSqlDatabase &db, const QString &sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    bool isPrepared() const { return m_statement != nullptr; }
    // Runs the statement with these values for its '?' (qint64, int, double, QString, QByteArray or null) and reads
    // its first row; false with error() when it fails.
    bool exec(const QVariantList &binds);
    // The next row (the first after exec); false at the end, or with error() when a step failed.
    bool next();
    // Column i of the current row.
    QVariant value(int i) const;
    // Done with the rows: the read transaction ends.
    void finish();
    const QString &error() const { return m_error; }

private:
    bool step();
    bool fail(const QString &what, int code);

    sqlite3_stmt *m_statement = nullptr;
    QString m_error;
    bool m_row = false; // a row is current
    bool m_firstPending = false; // exec read the first row; next() hands it out
};

} // namespace Flotilla
