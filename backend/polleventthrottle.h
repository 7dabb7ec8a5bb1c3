#pragma once

#include <QHash>

namespace Flotilla {

// At most one "target polled" event per target per interval (polling noise: a device that polls in a loop must not
// flood the event stream). Sliding: a poll is admitted when the target's last admitted one is at least intervalMs
// old. What it remembers is pruned as it goes, so it holds the targets of the last few intervals, not every target
// that ever polled. Time comes from the caller in milliseconds. Not thread-safe: one per thread.
class PollEventThrottle
{
public:
    explicit PollEventThrottle(qint64 intervalMs = 1000);

    bool admit(qint64 targetId, qint64 nowMs);
    // How many targets it remembers (for the tests: bounded by the recent ones).
    qsizetype remembered() const { return m_lastMs.size(); }

private:
    void prune(qint64 nowMs);

    const qint64 m_intervalMs;
    QHash<qint64, qint64> m_lastMs;
    qint64 m_prunedAtMs = 0;
};

} // namespace Flotilla
