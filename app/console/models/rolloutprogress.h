#pragma once

#include "proto/mgmt/mgmtmessages.h"

#include <QList>

namespace Flotilla {

// How many of a rollout's actions were running, finished and failed at each moment something changed, from
// the spans of GET /rollouts/{id}/actions. An action runs from its start until it closes; a closed action counts
// as finished (finished, downloaded) or error, or as neither (canceled).
struct RolloutProgressPoint
{
    qint64 ms = 0;
    int running = 0;
    int finished = 0;
    int error = 0;
    bool operator==(const RolloutProgressPoint &) const = default;
};

class RolloutProgress
{
public:
    // One point per distinct time at which a count changed, in time order; nowMs >= 0 adds a last point at that
    // time (the counts as they stand), so a chart's lines reach "now".
    static QList<RolloutProgressPoint> overTime(const QList<Mgmt::MgmtActionSpan> &spans, qint64 nowMs = -1);
};

} // namespace Flotilla
