#include "backend/eventstream.h"

#include "backend/backendlogging.h"
#include "backend/eventrelay.h"
#include "proto/mgmt/mgmtevents.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerWebSocketUpgradeResponse>
#include <QJsonDocument>
#include <QThread>
#include <QUrlQuery>
#include <QWebSocket>

#include <functional>

using namespace Qt::StringLiterals;

namespace Flotilla {

EventStream::EventStream(int capacity, QObject *parent)
    : QObject(parent)
    , m_log(capacity)
{ }

EventStream::~EventStream() = default;

namespace {

// Entities of several ids read in one call, each then looked up; a single id read alone (a prepared statement).
template<typename T> class Prefetched
{
public:
    Prefetched(const QList<qint64> &ids, const std::function<Result<QHash<qint64, T>>(const QList<qint64> &)> &many,
               std::function<Lookup<T>(qint64)> one)
        : m_one(std::move(one))
        , m_many(ids.size() > 1 ? many(ids) : Result<QHash<qint64, T>>(QHash<qint64, T>()))
        , m_batched(ids.size() > 1)
    { }
    Lookup<T> operator()(qint64 id) const
    {
        if (!m_batched)
            return m_one(id);
        if (!m_many)
            return m_many.error();
        const auto it = m_many->constFind(id);
        return it == m_many->cend() ? Lookup<T>(std::nullopt) : Lookup<T>(*it);
    }

private:
    std::function<Lookup<T>(qint64)> m_one;
    Result<QHash<qint64, T>> m_many;
    bool m_batched;
};

} // namespace

void EventStream::publishChanges(SqlStore &store, const QList<StoreChange> &changes)
{
    using K = StoreChange::Kind;
    QList<std::pair<QString, QJsonObject>> events;
    const auto add = [&events](const QString &type, const QJsonObject &data) {
        events.append({ type, data });
    };
    QList<qint64> groupsToCount;
    // Many changes at once (a group commit): their targets and actions read in one statement each, not one each.
    QList<qint64> targetIds;
    QList<qint64> actionIds;
    for (const StoreChange &c : changes) {
        if (c.kind == K::TargetCreated || c.kind == K::TargetUpdated)
            targetIds.append(c.id);
        else if (c.kind == K::ActionCreated || c.kind == K::ActionChanged)
            actionIds.append(c.id);
    }
    const Prefetched<Target> targetOf(
        targetIds, [&](const QList<qint64> &ids) { return store.targets().targetsById(ids); },
        [&](qint64 id) { return store.targets().target(id); });
    const Prefetched<Action> actionOf(
        actionIds, [&](const QList<qint64> &ids) { return store.actions().actionsById(ids); },
        [&](qint64 id) { return store.actions().action(id); });
    for (const StoreChange &c : changes) {
        switch (c.kind) {
        case K::TargetCreated:
        case K::TargetUpdated:
            if (const auto t = targetOf(c.id); t.failed())
                qCWarning(lcStore).noquote() << "a target event is lost:" << t.error().message;
            else if (t.found())
                add(c.kind == K::TargetCreated ? Mgmt::EventType::TargetCreated : Mgmt::EventType::TargetUpdated,
                    Mgmt::TargetChangedEvent { t->id, t->controllerId, nameOf(t->state).toLower() }.toJson());
            break;
        case K::TargetDeleted:
            add(Mgmt::EventType::TargetDeleted, Mgmt::EntityEvent { c.id }.toJson());
            break;
        case K::ActionCreated:
        case K::ActionChanged:
            if (const auto a = actionOf(c.id); a.failed()) {
                qCWarning(lcStore).noquote() << "an action event is lost:" << a.error().message;
            } else if (a.found()) {
                add(c.kind == K::ActionCreated ? Mgmt::EventType::ActionCreated : Mgmt::EventType::ActionChanged,
                    Mgmt::ActionChangedEvent { a->id, a->targetId, nameOf(a->state).toLower(), a->rolloutId,
                                               a->rolloutGroupId }
                        .toJson());
                if (a->rolloutGroupId && !groupsToCount.contains(a->rolloutGroupId))
                    groupsToCount.append(a->rolloutGroupId);
            }
            break;
        case K::RolloutCreated:
        case K::RolloutChanged:
            if (const auto r = store.rollouts().rollout(c.id); r.failed())
                qCWarning(lcStore).noquote() << "a rollout event is lost:" << r.error().message;
            else if (r.found())
                add(c.kind == K::RolloutCreated ? Mgmt::EventType::RolloutCreated : Mgmt::EventType::RolloutChanged,
                    Mgmt::RolloutChangedEvent { r->id, r->name, nameOf(r->state).toLower() }.toJson());
            break;
        case K::RolloutGroupChanged:
            if (!groupsToCount.contains(c.id))
                groupsToCount.append(c.id);
            break;
        case K::ArtifactCreated:
            add(Mgmt::EventType::ArtifactUploaded, Mgmt::EntityEvent { c.id }.toJson());
            break;
        case K::RepositoryChanged:
            add(Mgmt::EventType::RepositoryChanged, Mgmt::EntityEvent { c.id }.toJson());
            break;
        }
    }
    // A group's counts once per committed change, after the actions that moved them.
    for (qint64 groupId : groupsToCount) {
        const Result<GroupCounts> n = store.rollouts().rolloutGroupCounts(groupId);
        if (!n) {
            // The group's event is left out, not sent with made-up counts; the next change counts it again.
            qCWarning(lcStore).noquote() << "group" << groupId << "not counted:" << n.error().message;
            continue;
        }
        add(Mgmt::EventType::RolloutGroupChanged,
            Mgmt::RolloutGroupChangedEvent { groupId, n->total, n->finished, n->error, n->running }.toJson());
    }
    store.releaseReads();
    publish(events);
    if (QThread::currentThread() == thread())
        flushSoon();
}

void EventStream::setRelay(EventRelay *relay)
{
    m_relay = relay;
    m_relayFlush.setSingleShot(true);
    m_relayFlush.setInterval(100);
    connect(&m_relayFlush, &QTimer::timeout, this, &EventStream::flushToRelay, Qt::UniqueConnection);
    m_relaySoon.setSingleShot(true);
    m_relaySoon.setInterval(0);
    connect(&m_relaySoon, &QTimer::timeout, this, &EventStream::flushToRelay, Qt::UniqueConnection);
}

void EventStream::publish(const QList<std::pair<QString, QJsonObject>> &events)
{
    if (events.isEmpty())
        return;
    if (!m_relay) {
        // Numbered here, on the publishing thread, in the order its store delivers (SQLite: in commit order).
        const QMutexLocker locker(&m_log.lock());
        for (const auto &[type, data] : events)
            m_log.publish(type, data);
        return;
    }
    if (QThread::currentThread() != thread()) {
        // The relay numbers them: it lives on this object's thread. The other threads' events queue up in the order
        // they are published, and one call takes all that is there: under load, one append for many changes.
        const QMutexLocker locker(&m_incomingLock);
        m_incoming.append(events);
        if (!std::exchange(m_incomingScheduled, true))
            QMetaObject::invokeMethod(this, &EventStream::takeIncoming, Qt::QueuedConnection);
        return;
    }
    m_toRelay.append(events);
}

void EventStream::takeIncoming()
{
    {
        const QMutexLocker locker(&m_incomingLock);
        m_toRelay.append(std::exchange(m_incoming, {}));
        m_incomingScheduled = false;
    }
    flushSoon();
}

void EventStream::flushRelay()
{
    {
        const QMutexLocker locker(&m_incomingLock);
        m_toRelay.append(std::exchange(m_incoming, {}));
    }
    flushToRelay();
}

void EventStream::flushSoon()
{
    // Once the events this turn of the event loop is handling are all in: a transaction of the shared log and its
    // round trips per turn rather than per change (each change already committed; the log is derived).
    if (m_relay && !m_relaySoon.isActive())
        m_relaySoon.start();
}

void EventStream::flushToRelay()
{
    if (!m_relay || m_toRelay.isEmpty() || QThread::currentThread() != thread())
        return;
    m_relayFlush.stop();
    m_relaySoon.stop();
    const QList<std::pair<QString, QJsonObject>> events = std::exchange(m_toRelay, {});
    m_relay->append(events);
}

void EventStream::publishPoll(qint64 targetId, const QString &controllerId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Each HTTP thread throttles its own polls before they cross threads (DdiServer); two threads may still
    // both send one target's within a second.
    if (!m_pollEvents.admit(targetId, now))
        return;
    publish({ { Mgmt::EventType::TargetPolled, Mgmt::TargetPolledEvent { targetId, controllerId, now }.toJson() } });
    // Polls go to the shared log in batches (a busy fleet polls thousands of times a second).
    if (m_relay && !m_relayFlush.isActive())
        m_relayFlush.start();
}

void EventStream::install(QHttpServer &server, OperatorAccounts &accounts)
{
    // The server as the context: these run on its thread, with its thread's accounts.
    server.addWebSocketUpgradeVerifier(&server, [&accounts](const QHttpServerRequest &request) {
        if (request.url().path() != u"/rest/v1/events"_s)
            return QHttpServerWebSocketUpgradeResponse::passToNext();
        QByteArray authorization = request.value("authorization");
        if (authorization.isEmpty()) {
            const QString token = QUrlQuery(request.url()).queryItemValue(u"access_token"_s);
            if (!token.isEmpty())
                authorization = "Bearer " + token.toLatin1();
        }
        const Lookup<Operator> who = accounts.authenticate(authorization);
        if (who.failed())
            return QHttpServerWebSocketUpgradeResponse::deny(500, "the credentials could not be checked");
        if (who.absent())
            return QHttpServerWebSocketUpgradeResponse::deny(401, "valid Basic or Bearer credentials are required");
        if (!who->can(Permission::ReadTarget))
            return QHttpServerWebSocketUpgradeResponse::deny(403, "READ_TARGET is required for the event stream");
        return QHttpServerWebSocketUpgradeResponse::accept();
    });
    connect(&server, &QHttpServer::newWebSocketConnection, &server, [this, &server] {
        while (server.hasPendingWebSocketConnections())
            accept(server, server.nextPendingWebSocketConnection());
    });
}

void EventStream::accept(QHttpServer &server, std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(&server); // on its thread, which may not be this object's
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    ++m_clients;
    connect(socket, &QObject::destroyed, this, [this] { --m_clients; }, Qt::DirectConnection);
    auto send = [socket](const QJsonObject &o) {
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    };
    const QUrlQuery query(socket->requestUrl());
    // What it missed and what comes next, with nothing published in between (by another thread).
    const QMutexLocker locker(&m_log.lock());
    if (query.hasQueryItem(u"since"_s)) {
        bool ok = false;
        const quint64 since = query.queryItemValue(u"since"_s).toULongLong(&ok);
        const std::optional<QList<Event>> missed = ok ? m_log.since(since) : std::nullopt;
        if (!missed) {
            send(Mgmt::EventMessage { m_log.lastSequence(), Mgmt::EventType::Resync,
                                      Mgmt::ResyncEvent { ok ? u"the events after %1 are no longer kept"_s.arg(since)
                                                             : u"since must be a sequence number"_s }
                                          .toJson() }
                     .toJson());
        } else {
            for (const Event &e : *missed)
                send(e.toJson());
        }
    } else {
        // Where the stream stands, so a client that drops before any event arrives can still ask for ?since=.
        send(Mgmt::EventMessage { m_log.lastSequence(), Mgmt::EventType::Hello, {} }.toJson());
    }
    // Queued even from this thread: events published here must not overtake those other threads published before
    // (which are queued already, in the order of their numbers).
    connect(&m_log, &EventLog::published, socket, [send](const Event &e) { send(e.toJson()); }, Qt::QueuedConnection);
}

} // namespace Flotilla
