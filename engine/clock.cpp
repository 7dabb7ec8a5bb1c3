#include "engine/clock.h"

namespace Flotilla {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ManualClock::ManualClock(const QDateTime &start)
    : m_now(start.toUTC())
{ }

void ManualClock::set(const QDateTime &t)
{
    m_now = t.toUTC();
}

void ManualClock::advance(qint64 msecs)
{
    m_now = m_now.addMSecs(msecs);
}

} // namespace Flotilla
