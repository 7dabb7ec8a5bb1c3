#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>

class QObject;

namespace Flotilla {

// Hands each notification (channel, payload) to every subscriber on the subscriber's own thread, from its event
// loop: how the connections of one process hear a LISTEN/NOTIFY-like channel (SqliteFile between the connections on
// one file, PostgresListener from the one connection that listens for all of them). Thread-safe.
class NotificationFanout
{
public:
    using Callback = std::function<void(const QString &channel, const QString &payload)>;

    // Calls callback on context's thread for every notification delivered after this, until unsubscribe (or until
    // context is destroyed: a queued call to it is dropped with it).
    void subscribe(QObject *context, Callback callback);
    void unsubscribe(QObject *context);
    void deliver(const QString &channel, const QString &payload);

private:
    QMutex m_lock;
    QHash<QObject *, Callback> m_subscribers;
};

} // namespace Flotilla
