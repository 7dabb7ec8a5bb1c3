#include "engine/clock.h"

namespace Flotilla {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

ScaledClock::ScaledClock(double rate)
    : m_start(QDateTime::currentDateTimeUtc())
    , m_rate(rate)
{
    m_elapsed.start();
}

QDateTime ScaledClock::now() const
{
    return m_start.addMSecs(qint64(double(m_elapsed.elapsed()) * m_rate));
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
