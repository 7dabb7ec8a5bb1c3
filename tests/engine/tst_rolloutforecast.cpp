// The rollout forecast: the engine's own services play a rollout on an in-memory copy of the fleet under a virtual
// clock. When each group starts and ends follows from the devices' poll times, install times and failures and
// from the rollout's thresholds, exactly as the live server would decide them.
#include "engine/rolloutforecast.h"

#include <QTest>
#include <QTimeZone>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestRolloutForecast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsFollowPollsAndInstalls();
    void errorThresholdPausesTheRollout();
    void badFilterIsAnError();

private:
    // n devices dev-0.. polling every 300 s, the i-th first at i * 30 s, installing in 120 s.
    static QList<SimulatedDevice> fleet(int n, const QList<int> &failing = {})
    {
        QList<SimulatedDevice> devices;
        for (int i = 0; i < n; ++i) {
            SimulatedDevice d;
            d.target.controllerId = u"dev-%1"_s.arg(i);
            d.target.securityToken = u"t"_s;
            d.target.state = TargetState::Registered;
            d.firstPollSecs = i * 30;
            d.fails = failing.contains(i);
            devices << d;
        }
        return devices;
    }
    static RolloutRequest twoGroups(int errorThreshold = 100)
    {
        RolloutRequest r;
        r.rollout.name = u"forecast"_s;
        r.rollout.targetFilterQuery = u"controllerId==dev-*"_s;
        r.amountGroups = 2;
        r.conditions.successThresholdPercent = 100;
        r.conditions.errorThresholdPercent = errorThreshold;
        return r;
    }
    const QDateTime m_start { QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC };
};

void TestRolloutForecast::groupsFollowPollsAndInstalls()
{
    const RolloutForecastResult f = RolloutForecast::run(twoGroups(), fleet(10), 1000, m_start);
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.state, RolloutState::Finished);
    QCOMPARE(f.groups.size(), 2);
    QCOMPARE(f.groups[0].targets, 5);
    // Group 1 (dev-0..4) starts at once; its last device polls at 120 s and reports 120 s later.
    QCOMPARE(f.groups[0].started, m_start);
    QCOMPARE(f.groups[0].ended, m_start.addSecs(240));
    QCOMPARE(f.groups[0].finished, 5);
    // Group 2 starts then; dev-5..7 next poll at 450, 480, 510 s (dev-8 and dev-9 at 240 and 270 s), so the last
    // report comes at 630 s.
    QCOMPARE(f.groups[1].started, m_start.addSecs(240));
    QCOMPARE(f.groups[1].ended, m_start.addSecs(630));
    QCOMPARE(f.groups[1].finished, 5);
    QCOMPARE(f.end, m_start.addSecs(630));
    QCOMPARE(f.bytes, 10 * 1000);
}

void TestRolloutForecast::errorThresholdPausesTheRollout()
{
    // Two of group 1's five fail: 40 % errors over a 20 % threshold pauses the rollout at the second failure.
    const RolloutForecastResult f = RolloutForecast::run(twoGroups(20), fleet(10, { 1, 3 }), 1000, m_start);
    QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.state, RolloutState::Paused);
    QCOMPARE(f.pausedAt, f.groups[0].name);
    QCOMPARE(f.end, m_start.addSecs(3 * 30 + 120)); // dev-3's failure
    QVERIFY(!f.groups[1].started.isValid());
}

void TestRolloutForecast::badFilterIsAnError()
{
    RolloutRequest r = twoGroups();
    r.rollout.targetFilterQuery = u"colour==red"_s;
    const RolloutForecastResult f = RolloutForecast::run(r, fleet(3), 1000, m_start);
    QVERIFY(f.error.contains(u"colour"_s));
    QVERIFY(f.groups.isEmpty());
}

QTEST_GUILESS_MAIN(TestRolloutForecast)
#include "tst_rolloutforecast.moc"
