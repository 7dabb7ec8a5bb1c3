#pragma once

#include "backend/notificationfanout.h"

#include <QMutex>
#include <QString>

#include <functional>
#include <memory>

class QObject;

namespace Flotilla {

// One SQLite database file as this process holds it, shared by every SqlStore (one per thread) open on it:
//  - an exclusive advisory lock (flock) on the file, so that one process owns it (a second server on the same file
//    is refused at start, as SQLite's exclusive locking mode did when there was one connection);
//  - the writers' lock: SqlStore takes it around each write transaction (BEGIN IMMEDIATE ... COMMIT and the change
//    delivery after it), so this process's connections never wait on SQLite's busy handler for each other, and
//    committed changes reach the event stream in commit order;
//  - notifications between its connections, as PostgreSQL's LISTEN/NOTIFY does between servers (a changed user or
//    tenant configuration clears every connection's cache);
//  - the one descriptor of the file this process opens outside SQLite, kept until the last store closes: closing any
//    descriptor of a file drops every POSIX lock the process holds on it, SQLite's included.
// In-memory databases (":memory:") have no file: each connection has its own, nothing is locked.
class SqliteFile
{
public:
    ~SqliteFile();
    Q_DISABLE_COPY_MOVE(SqliteFile)

    // The file as this process holds it (opened and locked by the first caller); null with *error when another
    // process holds it or it cannot be opened.
    static std::shared_ptr<SqliteFile> acquire(const QString &path, QString *error);

    // The file's absolute path.
    const QString &path() const { return m_path; }
    // Its first bytes (at most n), read through the held descriptor.
    QByteArray head(qsizetype n) const;

    void lockWrites() { m_writes.lock(); }
    void unlockWrites() { m_writes.unlock(); }

    // Every notification reaches every subscriber on its own thread, the sender's connection included (as
    // PostgreSQL does).
    NotificationFanout &notifications() { return m_notifications; }

private:
    explicit SqliteFile(QString path, int fd);
    QString m_path;
    int m_fd = -1;
    QMutex m_writes;
    NotificationFanout m_notifications;
};

} // namespace Flotilla
