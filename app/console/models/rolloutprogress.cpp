#include "app/console/models/rolloutprogress.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flotilla {

QList<RolloutProgressPoint> RolloutProgress::overTime(const QList<Mgmt::MgmtActionSpan> &spans, qint64 nowMs)
{
    struct Change
    {
        qint64 ms;
        int running;
        int finished;
        int error;
    };
    QList<Change> changes;
    changes.reserve(spans.size() * 2);
    for (const Mgmt::MgmtActionSpan &s : spans) {
        if (s.startedAt)
            changes.append({ *s.startedAt, 1, 0, 0 });
        if (s.closedAt) {
            const bool finished = s.status == u"finished"_s || s.status == u"downloaded"_s;
            const bool error = s.status == u"error"_s;
            changes.append({ *s.closedAt, s.startedAt ? -1 : 0, finished ? 1 : 0, error ? 1 : 0 });
        }
    }
    std::stable_sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) { return a.ms < b.ms; });
    QList<RolloutProgressPoint> points;
    RolloutProgressPoint now;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        now.ms = changes.at(i).ms;
        now.running += changes.at(i).running;
        now.finished += changes.at(i).finished;
        now.error += changes.at(i).error;
        if (i + 1 == changes.size() || changes.at(i + 1).ms != now.ms)
            points.append(now);
    }
    if (nowMs >= 0 && (points.isEmpty() || points.last().ms < nowMs)) {
        now.ms = nowMs;
        points.append(now);
    }
    return points;
}

} // namespace Flotilla
