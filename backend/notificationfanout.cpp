#include "backend/notificationfanout.h"
#include "backend/threadhandoff.h"

#include <QMetaObject>
#include <QObject>

namespace Flotilla {

void NotificationFanout::subscribe(QObject *context, Callback callback)
{
    QMutexLocker locker(&m_lock);
    m_subscribers.insert(context, std::move(callback));
}

void NotificationFanout::unsubscribe(QObject *context)
{
    QMutexLocker locker(&m_lock);
    m_subscribers.remove(context);
}

void NotificationFanout::deliver(const QString &channel, const QString &payload)
{
    QMutexLocker locker(&m_lock);
    for (auto it = m_subscribers.cbegin(); it != m_subscribers.cend(); ++it) {
        // Queued on the subscriber's thread (even the caller's own: never inside what the caller is doing).
        invokeOnThread(
            it.key(), [callback = it.value(), channel, payload] { callback(channel, payload); }, Qt::QueuedConnection);
    }
}

} // namespace Flotilla
