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
    void devicesFromTheFleetsRecords_data();
    void devicesFromTheFleetsRecords();
    void failureRateChoosesTheSameDevices();

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

void TestRolloutForecast::devicesFromTheFleetsRecords_data()
{
    QTest::addColumn<qint64>("lastPollSecsAgo"); // -1: never polled
    QTest::addColumn<qint64>("firstPollSecs");

    // Polling every 300 s with 300 s overdue time.
    QTest::newRow("polled just now") << qint64(0) << qint64(300);
    QTest::newRow("polled 100 s ago") << qint64(100) << qint64(200);
    QTest::newRow("due now") << qint64(300) << qint64(0);
    QTest::newRow("a poll the store has not caught up with") << qint64(310) << qint64(290);
    QTest::newRow("late but not overdue: on its rhythm") << qint64(500) << qint64(100);
    QTest::newRow("overdue") << qint64(601) << RolloutForecast::NeverSecs;
    QTest::newRow("never seen") << qint64(-1) << RolloutForecast::NeverSecs;
    QTest::newRow("clock skew") << qint64(-60) << qint64(0);
}

void TestRolloutForecast::devicesFromTheFleetsRecords()
{
    QFETCH(qint64, lastPollSecsAgo);
    QFETCH(qint64, firstPollSecs);
    Target t;
    t.id = 7;
    t.controllerId = u"dev-7"_s;
    if (lastPollSecsAgo != -1)
        t.lastPoll = m_start.addSecs(lastPollSecsAgo == -60 ? 60 : -lastPollSecsAgo);
    FleetBehaviour fleet;
    fleet.pollSecs = 300;
    fleet.overdueSecs = 300;
    fleet.installSecs = 90;
    int silent = -1;
    const QList<SimulatedDevice> devices
        = RolloutForecast::devicesFor({ t }, { { 7, { { u"hw"_s, u"rev-a"_s } } } }, fleet, m_start, &silent);
    QCOMPARE(devices.size(), 1);
    QCOMPARE(devices[0].firstPollSecs, firstPollSecs);
    QCOMPARE(silent, firstPollSecs == RolloutForecast::NeverSecs ? 1 : 0);
    QCOMPARE(devices[0].pollSecs, 300);
    QCOMPARE(devices[0].installSecs, 90);
    QCOMPARE(devices[0].attributes.value(u"hw"_s), u"rev-a"_s);
    QVERIFY(!devices[0].fails);
}

void TestRolloutForecast::failureRateChoosesTheSameDevices()
{
    QList<Target> targets;
    for (int i = 0; i < 200; ++i) {
        Target t;
        t.id = i + 1;
        t.controllerId = u"dev-%1"_s.arg(i);
        t.lastPoll = m_start;
        targets << t;
    }
    FleetBehaviour fleet;
    fleet.failureRate = 0.1;
    const auto failing = [&](const QList<Target> &list) {
        QStringList ids;
        for (const SimulatedDevice &d : RolloutForecast::devicesFor(list, {}, fleet, m_start)) {
            if (d.fails)
                ids << d.target.controllerId;
        }
        ids.sort();
        return ids;
    };
    const QStringList first = failing(targets);
    QCOMPARE(first.size(), 20); // exactly the share
    std::reverse(targets.begin(), targets.end());
    QCOMPARE(failing(targets), first); // the same devices, whatever the order
    QVERIFY(first != QStringList({ u"dev-0"_s, u"dev-1"_s })); // not simply the first ones
    QVERIFY(!first.contains(u"dev-0"_s) || !first.contains(u"dev-1"_s) || !first.contains(u"dev-2"_s));
}

QTEST_GUILESS_MAIN(TestRolloutForecast)
#include "tst_rolloutforecast.moc"
