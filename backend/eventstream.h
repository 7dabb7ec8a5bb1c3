#pragma once

#include "backend/eventlog.h"
#include "backend/operatoraccounts.h"
#include "backend/polleventthrottle.h"
#include "backend/sqlstore.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <atomic>

class QHttpServer;
class QWebSocket;

namespace Flotilla {

class EventRelay;

// GET /rest/v1/events: a WebSocket that pushes every committed change of the store (targets, actions, rollouts
// and their groups with counts, artifacts) and device polls (at most one per target per second), one JSON
// object per message with a sequence number; the first message, "hello", carries the current one. ?since=<seq> replays
// what a client missed, or says "resync" when the log no longer holds it. Authenticated like the Management API
// (Authorization header, or access_token= for clients that cannot set headers on a WebSocket); READ_TARGET is required.
// One per server, on its main thread; every HTTP thread's server serves the route (install() there, with that thread's
// accounts) and publishes its store's changes here, so each client sees every thread's changes, numbered once.
class EventStream : public QObject
{
    Q_OBJECT
public:
    explicit EventStream(int capacity = 10000, QObject *parent = nullptr);
    ~EventStream() override;

    // Serves the route on server, checking credentials with accounts; call on server's thread (the WebSockets stay
    // there).
    void install(QHttpServer &server, OperatorAccounts &accounts);
    EventLog &log() { return m_log; }
    // WebSocket clients connected now.
    int clientCount() const { return m_clients.load(); }

    // A store's committed changes as events (install as each store's change listener, on its thread: the events are
    // described from that store and numbered in the order the changes are delivered).
    void publishChanges(SqlStore &store, const QList<StoreChange> &changes);
    // A device polled: coalesced to one event per target per second.
    void publishPoll(qint64 targetId, const QString &controllerId);
    // Several servers on one PostgreSQL: events go through the shared log (numbered there, read back into log()
    // with every other server's) instead of being numbered here.
    void setRelay(EventRelay *relay);
    // Hands the shared log what is still queued for it (the server stopping, after its HTTP threads).
    void flushRelay();

private:
    void accept(QHttpServer &server, std::unique_ptr<QWebSocket> socket);
    void publish(const QList<std::pair<QString, QJsonObject>> &events);
    void takeIncoming();
    void flushSoon();
    void flushToRelay();

    EventLog m_log;
    PollEventThrottle m_pollEvents; // polling noise: one event per target per second
    std::atomic<int> m_clients = 0;
    EventRelay *m_relay = nullptr;
    QList<std::pair<QString, QJsonObject>> m_toRelay;
    QTimer m_relayFlush; // polls: every 100 ms
    QTimer m_relaySoon; // changes: when this turn of the event loop is done
    QMutex m_incomingLock;
    QList<std::pair<QString, QJsonObject>> m_incoming; // from the other threads, for m_toRelay
    bool m_incomingScheduled = false;
};

} // namespace Flotilla
