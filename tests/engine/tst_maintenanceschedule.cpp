// Maintenance windows: parsing (errors name the field), open/closed, the next windows across DST, and the poll
// sleep that tunes a device into its next window.
#include "engine/maintenanceschedule.h"

#include "tests/common/flotillatest.h"

#include <QTest>

using namespace Flotilla;
using FlotillaTest::utc;

class TestMaintenanceSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalid_data();
    void invalid();
    void openAndClosed_data();
    void openAndClosed();
    void nextWindowsAcrossDst();
    void pollSleep_data();
    void pollSleep();
    void noWindowLeft();
    void timeZones_data();
    void timeZones();
};

void TestMaintenanceSchedule::invalid_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QString>("timezone");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad cron names the cron field")
        << "0 0 25 * * ?" << "01:00:00" << "+00:00" << "schedule" << "hours: '25'";
    QTest::newRow("duration not HH:mm:ss") << "0 0 2 * * ?" << "1h" << "+00:00" << "duration" << "'1h'";
    QTest::newRow("zero duration") << "0 0 2 * * ?" << "00:00:00" << "+00:00" << "duration" << "00:00:00";
    QTest::newRow("minutes 60") << "0 0 2 * * ?" << "00:60:00" << "+00:00" << "duration" << "00:60:00";
    QTest::newRow("unknown zone") << "0 0 2 * * ?" << "01:00:00" << "Mars/Olympus" << "timezone" << "Mars/Olympus";
    QTest::newRow("offset out of range") << "0 0 2 * * ?" << "01:00:00" << "+25:00" << "timezone" << "+25:00";
}

void TestMaintenanceSchedule::invalid()
{
    QFETCH(QString, schedule);
    QFETCH(QString, duration);
    QFETCH(QString, timezone);
    QFETCH(QString, field);
    QFETCH(QString, mentions);
    ScheduleError error;
    QVERIFY(!MaintenanceSchedule::create(schedule, duration, timezone, &error));
    QCOMPARE(error.field, field);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestMaintenanceSchedule::openAndClosed_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("open");
    QTest::addColumn<QDateTime>("windowStart");
    // Daily 02:00-03:30 at +02:00 = 00:00-01:30 UTC.
    QTest::newRow("before the window") << utc("2026-06-10T23:00:00") << false << utc("2026-06-11T00:00:00");
    QTest::newRow("at the start") << utc("2026-06-11T00:00:00") << true << utc("2026-06-11T00:00:00");
    QTest::newRow("inside") << utc("2026-06-11T01:00:00") << true << utc("2026-06-11T00:00:00");
    QTest::newRow("at the end: closed, next day's window")
        << utc("2026-06-11T01:30:00") << false << utc("2026-06-12T00:00:00");
}

void TestMaintenanceSchedule::openAndClosed()
{
    QFETCH(QDateTime, now);
    QFETCH(bool, open);
    QFETCH(QDateTime, windowStart);
    const auto s = MaintenanceSchedule::create(QStringLiteral("0 0 2 * * ?"), QStringLiteral("01:30:00"),
                                               QStringLiteral("+02:00"));
    QVERIFY(s);
    QCOMPARE(s->isOpen(now), open);
    const auto w = s->currentOrNext(now);
    QVERIFY(w);
    QCOMPARE(w->start.toUTC(), windowStart);
    QCOMPARE(w->start.secsTo(w->end), 5400);
}

void TestMaintenanceSchedule::nextWindowsAcrossDst()
{
    // 02:30 Berlin every day around the spring-forward Sunday 2026-03-29.
    const auto s = MaintenanceSchedule::create(QStringLiteral("0 30 2 * * ?"), QStringLiteral("01:00:00"),
                                               QStringLiteral("Europe/Berlin"));
    QVERIFY(s);
    const QList<MaintenanceWindow> windows = s->nextWindows(utc("2026-03-27T12:00:00"), 4);
    QCOMPARE(windows.size(), 4);
    QCOMPARE(windows[0].start.toUTC(), utc("2026-03-28T01:30:00")); // 02:30 CET
    QVERIFY(!windows[0].shiftedByDst);
    QCOMPARE(windows[1].start.toUTC(), utc("2026-03-29T01:30:00")); // 03:30 CEST: 02:30 does not exist
    QVERIFY(windows[1].shiftedByDst);
    QCOMPARE(windows[1].start.time(), QTime(3, 30));
    QCOMPARE(windows[2].start.toUTC(), utc("2026-03-30T00:30:00")); // 02:30 CEST
    QVERIFY(!windows[2].shiftedByDst);
    QCOMPARE(windows[3].start.toUTC(), utc("2026-03-31T00:30:00"));
    for (const MaintenanceWindow &w : windows)
        QCOMPARE(w.start.secsTo(w.end), 3600);
}

void TestMaintenanceSchedule::pollSleep_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<qint64>("sleep");
    // Window daily at 12:00 UTC for 1 h; 3 polls before it; minimum 30 s; regular 5 min.
    QTest::newRow("far away: regular polling time") << utc("2026-06-10T06:00:00") << qint64(300);
    QTest::newRow("12 min to go: a third of it") << utc("2026-06-10T11:48:00") << qint64(240);
    QTest::newRow("60 s to go: clamped to the minimum") << utc("2026-06-10T11:59:00") << qint64(30);
    QTest::newRow("inside the window: regular") << utc("2026-06-10T12:30:00") << qint64(300);
}

void TestMaintenanceSchedule::pollSleep()
{
    QFETCH(QDateTime, now);
    QFETCH(qint64, sleep);
    const auto s = MaintenanceSchedule::create(QStringLiteral("0 0 12 * * ?"), QStringLiteral("01:00:00"),
                                               QStringLiteral("UTC"));
    QVERIFY(s);
    QCOMPARE(s->pollSleepSeconds(now, 3, 30, 300), sleep);
}

void TestMaintenanceSchedule::noWindowLeft()
{
    const auto s = MaintenanceSchedule::create(QStringLiteral("0 15 10 * * ? 2025"), QStringLiteral("00:30:00"),
                                               QStringLiteral("+00:00"));
    QVERIFY(s);
    QVERIFY(s->hasWindowLeft(utc("2025-12-31T10:20:00"))); // the last one is open
    QVERIFY(s->isOpen(utc("2025-12-31T10:20:00")));
    QVERIFY(!s->hasWindowLeft(utc("2025-12-31T10:45:00"))); // after the last window: the action is to be canceled
    QVERIFY(s->nextWindows(utc("2026-01-01T00:00:00"), 3).isEmpty());
    QCOMPARE(s->pollSleepSeconds(utc("2026-01-01T00:00:00"), 3, 30, 300), 300);
}

void TestMaintenanceSchedule::timeZones_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offsetInJanuary");
    QTest::newRow("UTC") << "UTC" << 0;
    QTest::newRow("Z") << "Z" << 0;
    QTest::newRow("+02:00") << "+02:00" << 7200;
    QTest::newRow("-05:30") << "-05:30" << -19800;
    QTest::newRow("Europe/Berlin") << "Europe/Berlin" << 3600;
    QTest::newRow("America/New_York") << "America/New_York" << -18000;
}

void TestMaintenanceSchedule::timeZones()
{
    QFETCH(QString, text);
    QFETCH(int, offsetInJanuary);
    const auto zone = MaintenanceSchedule::parseTimeZone(text);
    QVERIFY(zone);
    QCOMPARE(zone->offsetFromUtc(utc("2026-01-15T00:00:00")), offsetInJanuary);
}

QTEST_GUILESS_MAIN(TestMaintenanceSchedule)
#include "tst_maintenanceschedule.moc"
