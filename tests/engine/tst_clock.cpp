// The engine's clocks: ScaledClock, the virtual clock of a simulation (flotillad and flotilla-sim --clock-rate).
#include "engine/clock.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Flotilla;

class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scaledClockRunsRateTimesFaster_data()
    {
        QTest::addColumn<double>("rate");
        QTest::newRow("wall clock") << 1.0;
        QTest::newRow("ten times") << 10.0;
        QTest::newRow("a hundred times") << 100.0;
    }
    void scaledClockRunsRateTimesFaster()
    {
        QFETCH(double, rate);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const ScaledClock clock(rate);
        const QDateTime start = clock.now();
        QCOMPARE(start.timeSpec(), Qt::UTC);
        // It starts at the wall clock's time...
        QVERIFY(start >= before && start <= QDateTime::currentDateTimeUtc().addMSecs(qint64(2 * rate)));
        QElapsedTimer wall;
        wall.start();
        QTest::qSleep(200);
        const qint64 virtualMs = start.msecsTo(clock.now());
        const qint64 wallMs = wall.elapsed();
        // ...and then moves rate times as far as the wall clock (the sleep lasts at least 200 ms; what the two
        // readings around it add is bounded by the wall time measured after).
        QVERIFY2(virtualMs >= qint64(200 * rate) && virtualMs <= qint64(double(wallMs + 2) * rate),
                 qPrintable(QStringLiteral("%1 ms of virtual time in %2 ms").arg(virtualMs).arg(wallMs)));
        QCOMPARE(clock.rate(), rate);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
