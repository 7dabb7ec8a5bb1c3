#include "backend/polleventthrottle.h"

namespace Flotilla {

namespace {
// Forgetting runs every few intervals: often enough to keep the table to the recently polled, rarely enough to
// cost nothing per poll.
constexpr qint64 PruneEveryIntervals = 10;
} // namespace

PollEventThrottle::PollEventThrottle(qint64 intervalMs)
    : m_intervalMs(intervalMs)
{ }

bool PollEventThrottle::admit(qint64 targetId, qint64 nowMs)
{
    if (nowMs - m_prunedAtMs >= PruneEveryIntervals * m_intervalMs || nowMs < m_prunedAtMs)
        prune(nowMs);
    const auto it = m_lastMs.constFind(targetId);
    // A clock that went back (the wall clock set back) admits again rather than staying silent until it catches up.
    if (it != m_lastMs.cend() && nowMs - *it < m_intervalMs && nowMs >= *it)
        return false;
    m_lastMs.insert(targetId, nowMs);
    return true;
}

void PollEventThrottle::prune(qint64 nowMs)
{
    m_prunedAtMs = nowMs;
    // A clock set back forgets what lies in its future too.
    m_lastMs.removeIf([&](const QHash<qint64, qint64>::iterator &it) {
        return nowMs - it.value() >= m_intervalMs || it.value() > nowMs;
    });
}

} // namespace Flotilla
