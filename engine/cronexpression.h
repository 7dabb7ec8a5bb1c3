#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <bitset>
#include <optional>

namespace Flotilla {

struct CronError
{
    QString field; // "seconds", "minutes", "hours", "day-of-month", "month", "day-of-week", "year" or "expression"
    QString token; // the offending part of the field
    QString message; // a sentence for the operator, naming field and token
};

// A Quartz cron expression: seconds minutes hours day-of-month month day-of-week [year], with * ? , - / and
// L, W, LW, L-n (day of month), nL and n#k (day of week), month names JAN-DEC and day names SUN-SAT (SUN = 1).
// As in Quartz, exactly one of day-of-month and day-of-week is '?'.
//
// Daylight-saving time (the decision, tested in tst_cronexpression):
// - A time that does not exist on a spring-forward day (02:30 in Europe/Berlin on the last Sunday of March)
//   fires at the same distance after the change as it was meant to be after the previous full hour, i.e. the
//   wall-clock time is read with the offset in force before the change: 02:30 CET = 03:30 CEST. It is not skipped.
// - A time that occurs twice on a fall-back day (01:30 in America/New_York on the first Sunday of November)
//   fires once, at its first occurrence (still daylight time).
class CronExpression
{
public:
    static std::optional<CronExpression> parse(const QString &expression, CronError *error = nullptr);

    QString text() const { return m_text; }

    // The first fire time strictly after `after`, evaluated in `zone`; invalid when there is none (up to 2099).
    // *shiftedByDst tells whether the wall-clock time it was meant for does not exist that day (spring forward).
    QDateTime nextFireAfter(const QDateTime &after, const QTimeZone &zone, bool *shiftedByDst = nullptr) const;

    // Whether the date is one the expression fires on (day-of-month/day-of-week/month/year).
    bool matchesDate(QDate date) const;

private:
    bool matchesMonthAndYear(QDate date) const;
    bool matchesDay(QDate date) const;

    QString m_text;
    std::bitset<60> m_seconds;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_daysOfMonth; // 1..31
    std::bitset<13> m_months; // 1..12
    std::bitset<8> m_daysOfWeek; // 1..7, SUN = 1
    std::bitset<130> m_years; // 1970..2099
    bool m_dayOfMonthGiven = false; // false: day-of-month is '?'
    bool m_lastDayOfMonth = false; // L or L-n
    int m_lastDayOffset = 0; // n of L-n
    bool m_lastWeekday = false; // LW
    int m_nearestWeekdayTo = 0; // n of nW
    int m_lastDayOfWeek = 0; // d of dL (last such weekday of the month)
    int m_nthDayOfWeek = 0; // d of d#n
    int m_nth = 0; // n of d#n

    friend class CronParser;
};

} // namespace Flotilla
