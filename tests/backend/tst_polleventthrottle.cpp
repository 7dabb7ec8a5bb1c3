// The throttle of "target polled" events (backend/polleventthrottle.h) on a clock the test moves: one event per
// target per interval, targets independent, a clock set back does not silence a target, and what it remembers stays
// bounded by the recently polled targets however many have polled.
#include "backend/polleventthrottle.h"

#include <QTest>

using namespace Flotilla;

class TestPollEventThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePerInterval_data();
    void onePerInterval();
    void targetsAreIndependent();
    void rememberedStaysBounded();
};

void TestPollEventThrottle::onePerInterval_data()
{
    QTest::addColumn<QList<qint64>>("pollsMs"); // one target's polls
    QTest::addColumn<QList<bool>>("admitted");
    QTest::newRow("first poll") << QList<qint64> { 5000 } << QList<bool> { true };
    QTest::newRow("five within a second")
        << QList<qint64> { 1000, 1100, 1500, 1999, 1999 } << QList<bool> { true, false, false, false, false };
    QTest::newRow("exactly one interval later") << QList<qint64> { 1000, 2000 } << QList<bool> { true, true };
    QTest::newRow("sliding, not windows")
        << QList<qint64> { 1999, 2001, 2998, 2999 } << QList<bool> { true, false, false, true };
    QTest::newRow("long silence") << QList<qint64> { 1000, 3600000 } << QList<bool> { true, true };
    QTest::newRow("clock set back") << QList<qint64> { 100000, 50000, 50500 } << QList<bool> { true, true, false };
}

void TestPollEventThrottle::onePerInterval()
{
    QFETCH(QList<qint64>, pollsMs);
    QFETCH(QList<bool>, admitted);
    PollEventThrottle throttle(1000);
    for (qsizetype i = 0; i < pollsMs.size(); ++i)
        QVERIFY2(throttle.admit(42, pollsMs.at(i)) == admitted.at(i), qPrintable(QString::number(i)));
}

void TestPollEventThrottle::targetsAreIndependent()
{
    PollEventThrottle throttle(1000);
    QVERIFY(throttle.admit(1, 1000));
    QVERIFY(throttle.admit(2, 1001));
    QVERIFY(!throttle.admit(1, 1500));
    QVERIFY(!throttle.admit(2, 1500));
    QVERIFY(throttle.admit(3, 1500));
    QVERIFY(throttle.admit(1, 2000));
    QVERIFY(!throttle.admit(2, 2000));
}

void TestPollEventThrottle::rememberedStaysBounded()
{
    // A fleet of 100,000 polling over 100 s, 1,000 a second: the throttle remembers about the last ten seconds'
    // pollers (it forgets every ten intervals), not all 100,000.
    PollEventThrottle throttle(1000);
    qint64 now = 0;
    qsizetype most = 0;
    for (int target = 0; target < 100000; ++target) {
        now = target; // one a millisecond
        QVERIFY(throttle.admit(target, now));
        most = std::max(most, throttle.remembered());
    }
    QVERIFY2(most <= 11000, qPrintable(QString::number(most)));
    QVERIFY(most >= 10000); // it does remember an interval's worth and more
    // And what it forgot still throttles correctly: a target polled just now is refused within the interval.
    QVERIFY(!throttle.admit(99999, now + 10));
    QVERIFY(throttle.admit(99999, now + 1000));
}

QTEST_GUILESS_MAIN(TestPollEventThrottle)
#include "tst_polleventthrottle.moc"
