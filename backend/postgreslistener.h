#pragma once

#include "backend/notificationfanout.h"

#include <QString>
#include <QThread>

#include <memory>

namespace Flotilla {

class PostgresListenerConnection;

// The notifications of one PostgreSQL database as this process hears them (LISTEN/NOTIFY: a changed user or tenant
// configuration, new shared events): one connection of its own, on a thread of its own, LISTENs for every channel
// a part of the process asks for and hands each notification to every subscriber on the subscriber's thread.
//
// Why not each store connection for itself: libpq reads a notification that arrives while its connection runs a
// statement into a queue, and Qt's driver looks at that queue only when the socket becomes readable again or after
// some kinds of statement, not the forward-only ones the stores run — a busy store connection kept one there,
// unseen, now and then (tst_pgnodes with two HTTP threads a node: a configuration change was missed by one thread).
// This connection runs nothing but LISTEN and a health check, and looks at the queue after each.
// A lost connection is opened again (checked every CheckIntervalMs); then every subscriber is told every channel
// once, since what was sent meanwhile is unknown (caches are dropped, the event relay reads again).
class PostgresListener
{
public:
    static constexpr int CheckIntervalMs = 5000;

    // The listener of the database at url (a postgres:// URL) in this process, connected by the first caller; null
    // with *error when it cannot connect.
    static std::shared_ptr<PostgresListener> acquire(const QString &url, QString *error);
    ~PostgresListener();
    Q_DISABLE_COPY_MOVE(PostgresListener)

    // LISTENs for channel (once for the process). False with *error.
    bool listen(const QString &channel, QString *error);
    NotificationFanout &notifications() { return m_notifications; }

private:
    PostgresListener() = default;
    bool start(const QString &url, QString *error);
    NotificationFanout m_notifications;
    QThread m_thread;
    PostgresListenerConnection *m_connection = nullptr; // lives on m_thread
};

} // namespace Flotilla
