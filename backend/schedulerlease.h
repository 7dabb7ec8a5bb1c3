#pragma once

#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace Flotilla {

// Which of several servers on one PostgreSQL runs the periodic work (the rollout scheduler, auto-assignments,
// audit pruning): the one holding a session-level advisory lock (pg_try_advisory_lock) on a connection of its own.
// PostgreSQL drops the lock with the connection, so when that server dies (SIGKILL included) another takes it at
// its next try, within one interval; no broker, no consensus of our own. The lease is tried at once on start() and
// then every intervalMs; while held, the connection is checked as often, and a failed check gives the lease up
// (lost()) before another server can take it. Lives on the server's thread.
class SchedulerLease : public QObject
{
    Q_OBJECT
public:
    // url: "postgres://user:password@host:port/database", as SqlStore::open takes it.
    explicit SchedulerLease(const QString &url, int intervalMs = DefaultIntervalMs, QObject *parent = nullptr);
    ~SchedulerLease() override;
    static constexpr int DefaultIntervalMs = 3000;

    void start();
    bool isHeld() const { return m_held; }

Q_SIGNALS:
    void acquired();
    void lost();

private:
    void tryOnce();
    void giveUp(const QString &why);

    QString m_connection;
    QSqlDatabase m_db;
    QTimer m_timer;
    bool m_held = false;
};

} // namespace Flotilla
