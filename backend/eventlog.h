#pragma once

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>

#include <deque>
#include <mutex>
#include <optional>

namespace Flotilla {

// What a live client of the Management API sees: one JSON object per change, numbered without gaps. The log
// keeps the latest `capacity` events so a client that reconnects with ?since=<seq> gets what it missed; one
// that asks for more than that must resync.
struct Event
{
    quint64 sequence = 0;
    QString type; // "target.created", "action.changed", "rollout.changed", ...
    QJsonObject data;
    QJsonObject toJson() const;
};

// Thread-safe: a server's HTTP threads publish into one log, and its WebSocket clients on every thread follow it
// (published() reaches each in the order of the numbers).
class EventLog : public QObject
{
    Q_OBJECT
public:
    explicit EventLog(int capacity = 10000, QObject *parent = nullptr);

    quint64 publish(const QString &type, const QJsonObject &data);
    // An event numbered elsewhere (the shared log of several servers, EventRelay): kept and sent when its number is
    // beyond the last one; false (nothing done) for one already had.
    bool publishAs(quint64 sequence, const QString &type, const QJsonObject &data);
    quint64 lastSequence() const;
    int capacity() const { return m_capacity; }
    // Held while a client reads what it missed and connects to published(), so that no event falls in between.
    std::recursive_mutex &lock() const { return m_lock; }
    // The events after `sequence`; nullopt when some of them are no longer kept (the client must resync).
    std::optional<QList<Event>> since(quint64 sequence) const;

Q_SIGNALS:
    void published(const Flotilla::Event &event);

private:
    quint64 append(const Event &e);
    // Not QRecursiveMutex: that one locks inside libQt6Core, which ThreadSanitizer does not see (Debian's Qt is not
    // built for it); a pthread mutex it does.
    mutable std::recursive_mutex m_lock;
    int m_capacity;
    quint64 m_next = 1;
    std::deque<Event> m_events;
};

} // namespace Flotilla
