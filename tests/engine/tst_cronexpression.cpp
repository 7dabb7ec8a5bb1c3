// The Quartz cron parser against a table of expressions with known next fire times (leap years, 31st of the
// month, L, LW, L-n, nW, n#k, nL, ranges across the week's end, DST in Europe/Berlin and America/New_York), and
// against bad expressions whose message must name the field and the token.
#include "engine/cronexpression.h"

#include "tests/common/flotillatest.h"

#include <QTest>

using namespace Flotilla;
using FlotillaTest::utc;

class TestCronExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextFire_data();
    void nextFire();
    void consecutiveFires();
    void invalid_data();
    void invalid();
};

void TestCronExpression::nextFire_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected"); // invalid: never fires again
    QTest::addColumn<bool>("shifted");

    const QString UTC = QStringLiteral("UTC");
    QTest::newRow("daily 10:15, strictly after a fire time")
        << "0 15 10 * * ?" << UTC << utc("2026-03-10T10:15:00") << utc("2026-03-11T10:15:00") << false;
    QTest::newRow("daily 10:15, later the same day")
        << "0 15 10 * * ?" << UTC << utc("2026-03-10T09:00:00") << utc("2026-03-10T10:15:00") << false;
    QTest::newRow("29 February waits for the leap year")
        << "0 0 12 29 2 ?" << UTC << utc("2025-03-01T00:00:00") << utc("2028-02-29T12:00:00") << false;
    QTest::newRow("31st skips 30-day months")
        << "0 0 0 31 * ?" << UTC << utc("2026-04-01T00:00:00") << utc("2026-05-31T00:00:00") << false;
    QTest::newRow("L: last day of February")
        << "0 0 0 L * ?" << UTC << utc("2026-02-01T00:00:00") << utc("2026-02-28T00:00:00") << false;
    QTest::newRow("L: last day of February in a leap year")
        << "0 0 0 L * ?" << UTC << utc("2028-02-01T00:00:00") << utc("2028-02-29T00:00:00") << false;
    QTest::newRow("L-2: two days before the last")
        << "0 0 0 L-2 * ?" << UTC << utc("2026-02-01T00:00:00") << utc("2026-02-26T00:00:00") << false;
    QTest::newRow("LW: last weekday when the month ends on Sunday")
        << "0 0 0 LW * ?" << UTC << utc("2026-05-01T00:00:00") << utc("2026-05-29T00:00:00") << false;
    QTest::newRow("15W: Sunday 15th moves to Monday")
        << "0 0 0 15W * ?" << UTC << utc("2026-11-01T00:00:00") << utc("2026-11-16T00:00:00") << false;
    QTest::newRow("1W: Saturday 1st moves to Monday, not back a month")
        << "0 0 0 1W * ?" << UTC << utc("2026-07-31T00:00:00") << utc("2026-08-03T00:00:00") << false;
    QTest::newRow("5#3: third Thursday") << "0 0 10 ? * 5#3" << UTC << utc("2026-11-01T00:00:00")
                                         << utc("2026-11-19T10:00:00") << false;
    QTest::newRow("6L: last Friday") << "0 0 10 ? * 6L" << UTC << utc("2026-11-01T00:00:00")
                                     << utc("2026-11-27T10:00:00") << false;
    QTest::newRow("THU#3 by name") << "0 0 10 ? * THU#3" << UTC << utc("2026-11-01T00:00:00")
                                   << utc("2026-11-19T10:00:00") << false;
    QTest::newRow("working hours every 30 minutes, over the weekend")
        << "0 0/30 9-17 ? * MON-FRI" << UTC << utc("2026-11-20T17:45:00") << utc("2026-11-23T09:00:00") << false;
    QTest::newRow("FRI-MON wraps over the week's end")
        << "0 0 22 ? * FRI-MON" << UTC << utc("2026-11-24T12:00:00") << utc("2026-11-27T22:00:00") << false;
    QTest::newRow("month names and lists")
        << "0 0 6 1 JAN,JUL ?" << UTC << utc("2026-01-02T00:00:00") << utc("2026-07-01T06:00:00") << false;
    QTest::newRow("every 20 seconds") << "*/20 * * * * ?" << UTC << utc("2026-01-01T00:00:05")
                                      << utc("2026-01-01T00:00:20") << false;
    QTest::newRow("year field in the past: never")
        << "0 15 10 * * ? 2018" << UTC << utc("2026-01-01T00:00:00") << QDateTime() << false;
    QTest::newRow("year field in the future")
        << "0 15 10 1 1 ? 2030" << UTC << utc("2026-01-01T00:00:00") << utc("2030-01-01T10:15:00") << false;
    QTest::newRow("30 February: never") << "0 0 0 30 2 ?" << UTC << utc("2026-01-01T00:00:00") << QDateTime() << false;
    QTest::newRow("fixed offset +02:00") << "0 0 3 * * ?" << "+02:00" << utc("2026-06-01T00:00:00")
                                         << utc("2026-06-01T01:00:00") << false;
    // DST: Europe/Berlin springs forward on 2026-03-29 at 02:00 CET -> 03:00 CEST; 02:30 does not exist.
    QTest::newRow("Berlin spring forward: 02:30 fires at 03:30 CEST")
        << "0 30 2 * * ?" << "Europe/Berlin" << utc("2026-03-28T12:00:00") << utc("2026-03-29T01:30:00") << true;
    QTest::newRow("Berlin day after spring forward")
        << "0 30 2 * * ?" << "Europe/Berlin" << utc("2026-03-29T01:30:00") << utc("2026-03-30T00:30:00") << false;
    // Europe/Berlin falls back on 2026-10-25 at 03:00 CEST -> 02:00 CET; 02:30 occurs twice.
    QTest::newRow("Berlin fall back: 02:30 at its first occurrence (CEST)")
        << "0 30 2 * * ?" << "Europe/Berlin" << utc("2026-10-24T12:00:00") << utc("2026-10-25T00:30:00") << false;
    QTest::newRow("Berlin fall back: not again at the second 02:30")
        << "0 30 2 * * ?" << "Europe/Berlin" << utc("2026-10-25T00:30:00") << utc("2026-10-26T01:30:00") << false;
    // America/New_York springs forward on 2026-03-08 (02:00 EST -> 03:00 EDT) and falls back on 2026-11-01.
    QTest::newRow("New York spring forward: 02:30 fires at 03:30 EDT")
        << "0 30 2 * * ?" << "America/New_York" << utc("2026-03-07T12:00:00") << utc("2026-03-08T07:30:00") << true;
    QTest::newRow("New York fall back: 01:30 at its first occurrence (EDT)")
        << "0 30 1 * * ?" << "America/New_York" << utc("2026-10-31T12:00:00") << utc("2026-11-01T05:30:00") << false;
    QTest::newRow("New York fall back: not again at 01:30 EST")
        << "0 30 1 * * ?" << "America/New_York" << utc("2026-11-01T05:30:00") << utc("2026-11-02T06:30:00") << false;
}

void TestCronExpression::nextFire()
{
    QFETCH(QString, expression);
    QFETCH(QString, zone);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    QFETCH(bool, shifted);
    CronError error;
    const auto cron = CronExpression::parse(expression, &error);
    QVERIFY2(cron, qPrintable(error.message));
    const QTimeZone tz
        = zone.startsWith(QLatin1Char('+')) ? QTimeZone::fromSecondsAheadOfUtc(2 * 3600) : QTimeZone(zone.toLatin1());
    QVERIFY(tz.isValid());
    bool wasShifted = !shifted;
    const QDateTime next = cron->nextFireAfter(after, tz, &wasShifted);
    if (!expected.isValid()) {
        QVERIFY2(!next.isValid(), qPrintable(next.toString(Qt::ISODate)));
        return;
    }
    QVERIFY(next.isValid());
    QCOMPARE(next.toUTC(), expected);
    QCOMPARE(wasShifted, shifted);
}

void TestCronExpression::consecutiveFires()
{
    const auto cron = CronExpression::parse(QStringLiteral("0 0 9 ? * MON,WED,FRI"));
    QVERIFY(cron);
    QDateTime t = utc("2026-11-22T00:00:00"); // a Sunday
    const QList<QDateTime> expected = { utc("2026-11-23T09:00:00"), utc("2026-11-25T09:00:00"),
                                        utc("2026-11-27T09:00:00"), utc("2026-11-30T09:00:00") };
    for (const QDateTime &e : expected) {
        t = cron->nextFireAfter(t, QTimeZone(QTimeZone::UTC));
        QCOMPARE(t.toUTC(), e);
    }
}

void TestCronExpression::invalid_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("token");
    QTest::newRow("too few fields") << "0 0" << "expression" << "0 0";
    QTest::newRow("too many fields") << "0 0 0 * * ? 2030 1" << "expression" << "0 0 0 * * ? 2030 1";
    QTest::newRow("second 60") << "60 0 0 * * ?" << "seconds" << "60";
    QTest::newRow("hour 25") << "0 0 25 * * ?" << "hours" << "25";
    QTest::newRow("zero step") << "0 */0 * * * ?" << "minutes" << "*/0";
    QTest::newRow("unknown month") << "0 0 0 1 FOO ?" << "month" << "FOO";
    QTest::newRow("day of week 8") << "0 0 0 ? * 8" << "day-of-week" << "8";
    QTest::newRow("both days given") << "0 0 0 * * *" << "day-of-week" << "*";
    QTest::newRow("both days '?'") << "0 0 0 ? * ?" << "day-of-week" << "?";
    QTest::newRow("# in day of month") << "0 0 0 5#3 * ?" << "day-of-month" << "5#3";
    QTest::newRow("sixth week") << "0 0 0 ? * 5#6" << "day-of-week" << "5#6";
    QTest::newRow("W in day of week") << "0 0 0 ? * 5W" << "day-of-week" << "5W";
    QTest::newRow("year before 1970") << "0 0 0 1 1 ? 1969" << "year" << "1969";
    QTest::newRow("'?' in hours") << "0 0 ? * * ?" << "hours" << "?";
    QTest::newRow("empty list element") << "0 0 1,,2 * * ?" << "hours" << "1,,2";
    QTest::newRow("day 32") << "0 0 0 32 * ?" << "day-of-month" << "32";
}

void TestCronExpression::invalid()
{
    QFETCH(QString, expression);
    QFETCH(QString, field);
    QFETCH(QString, token);
    CronError error;
    QVERIFY(!CronExpression::parse(expression, &error));
    QCOMPARE(error.field, field);
    QCOMPARE(error.token, token);
    QVERIFY2(error.message.startsWith(field + QStringLiteral(": '") + token + QLatin1Char('\'')),
             qPrintable(error.message));
}

QTEST_GUILESS_MAIN(TestCronExpression)
#include "tst_cronexpression.moc"
