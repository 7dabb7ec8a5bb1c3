// Rollout forecast benchmark (issue 19): RolloutForecast::run, the engine's own services on a MemoryStore under a
// virtual clock, for a fleet of `targets` devices (polling every 300 s at spread times, installing in 120 s, 2 %
// failing) and a rollout of 5 groups with a 5 % error threshold. Goal: seconds, not minutes, at 100,000.
//   tools/devroot run build/ci/tests/bin/bench_forecast [targets=100000] [runs=3]
#include "engine/rolloutforecast.h"
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimeZone>

#include <algorithm>

using namespace Flotilla;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int targets = std::max(10, app.arguments().value(1, u"100000"_s).toInt());
    const int runs = std::max(1, app.arguments().value(2, u"3"_s).toInt());
    QList<SimulatedDevice> devices;
    devices.reserve(targets);
    for (int i = 0; i < targets; ++i) {
        SimulatedDevice d;
        d.target.controllerId = u"dev-%1"_s.arg(i);
        d.target.securityToken = u"t"_s;
        d.target.state = TargetState::Registered;
        d.attributes.insert(u"hw"_s, i % 2 ? u"rev-a"_s : u"rev-b"_s);
        d.pollSecs = 300;
        d.firstPollSecs = qint64(i) * 300 / targets;
        d.installSecs = 120;
        d.fails = i % 50 == 7;
        devices << d;
    }
    RolloutRequest r;
    r.rollout.name = u"bench"_s;
    r.rollout.targetFilterQuery = u"controllerId==dev-*"_s;
    r.amountGroups = 5;
    r.conditions.successThresholdPercent = 95;
    r.conditions.errorThresholdPercent = 5;
    const QDateTime start(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC);
    QList<qint64> times;
    RolloutForecastResult result;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        result = RolloutForecast::run(r, devices, 1 << 20, start);
        times << t.elapsed();
    }
    std::sort(times.begin(), times.end());
    if (!result.error.isEmpty())
        FlotillaBench::die("bench_forecast", result.error);
    FlotillaBench::say(
        u"bench_forecast: %1 targets, 5 groups: median %2 ms, worst %3 ms over %4 runs (goal: seconds)"_s.arg(targets)
            .arg(times.at(times.size() / 2))
            .arg(times.last())
            .arg(runs));
    for (const GroupForecast &g : result.groups)
        FlotillaBench::say(u"  %1: %2 targets, starts +%3 s, ends +%4 s, %5 finished, %6 failed"_s.arg(g.name)
                               .arg(g.targets)
                               .arg(g.started.isValid() ? start.secsTo(g.started) : -1)
                               .arg(g.ended.isValid() ? start.secsTo(g.ended) : -1)
                               .arg(g.finished)
                               .arg(g.failed));
    FlotillaBench::say(u"  ends %1 at +%2 s, %3 MB downloaded"_s.arg(nameOf(result.state))
                           .arg(start.secsTo(result.end))
                           .arg(result.bytes >> 20));
    return 0;
}
