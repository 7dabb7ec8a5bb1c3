#include "backend/eventlog.h"
#include "proto/mgmt/mgmtevents.h"

#include <QDateTime>

namespace Flotilla {

QJsonObject Event::toJson() const
{
    return Mgmt::EventMessage { sequence, type, data }.toJson();
}

EventLog::EventLog(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(capacity)
{ }

quint64 EventLog::publish(const QString &type, const QJsonObject &data)
{
    const QMutexLocker locker(&m_lock);
    return append(Event { m_next++, type, data });
}

bool EventLog::publishAs(quint64 sequence, const QString &type, const QJsonObject &data)
{
    const QMutexLocker locker(&m_lock);
    if (sequence < m_next)
        return false; // had it already
    m_next = sequence + 1;
    append(Event { sequence, type, data });
    return true;
}

quint64 EventLog::append(const Event &e) // under m_lock: followers get the events in order
{
    m_events.push_back(e);
    if (int(m_events.size()) > m_capacity)
        m_events.pop_front();
    Q_EMIT published(e);
    return e.sequence;
}

quint64 EventLog::lastSequence() const
{
    const QMutexLocker locker(&m_lock);
    return m_next - 1;
}

std::optional<QList<Event>> EventLog::since(quint64 sequence) const
{
    const QMutexLocker locker(&m_lock);
    if (sequence >= lastSequence())
        return QList<Event>();
    if (m_events.empty() || m_events.front().sequence > sequence + 1)
        return std::nullopt;
    QList<Event> missed;
    for (const Event &e : m_events) {
        if (e.sequence > sequence)
            missed.append(e);
    }
    return missed;
}

} // namespace Flotilla
