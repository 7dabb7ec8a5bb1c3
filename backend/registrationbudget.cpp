#include "backend/registrationbudget.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace Flotilla {

RegistrationBudget::RegistrationBudget(double perMinute)
    : m_perMinute(perMinute)
    , m_capacity(std::max(1.0, perMinute)) // under one a minute: still one at a time
    , m_tokens(m_capacity)
{ }

RegistrationBudget::Decision RegistrationBudget::take(qint64 nowMs)
{
    QMutexLocker locker(&m_lock);
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_capacity, m_tokens + double(nowMs - m_lastMs) * m_perMinute / 60000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        m_refusing = false;
        return {};
    }
    const double msToOne = (1.0 - m_tokens) * 60000.0 / m_perMinute;
    const bool first = !std::exchange(m_refusing, true);
    return { false, std::max(1, int(std::ceil(msToOne / 1000.0))), first };
}

} // namespace Flotilla
