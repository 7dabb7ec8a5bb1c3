#include "app/console/models/rolloutprogress.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flotilla {

QList<RolloutProgressPoint> RolloutProgress::overTime(const QList<QJsonObject> &spans, qint64 nowMs)
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
    for (const QJsonObject &s : spans) {
        const QJsonValue started = s.value("startedAt"_L1);
        const QJsonValue closed = s.value("closedAt"_L1);
        if (started.isDouble())
            changes.append({ started.toInteger(), 1, 0, 0 });
        if (closed.isDouble()) {
            const QString status = s.value("status"_L1).toString();
            const bool finished = status == u"finished"_s || status == u"downloaded"_s;
            const bool error = status == u"error"_s;
            changes.append({ closed.toInteger(), started.isDouble() ? -1 : 0, finished ? 1 : 0, error ? 1 : 0 });
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
