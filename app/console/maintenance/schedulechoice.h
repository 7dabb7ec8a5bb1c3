#pragma once

#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace Flotilla {

// A maintenance window's start as an operator chooses it — daily at a time, weekly on some days, monthly on a
// day or on the Nth weekday — and the Quartz cron expression for it. fromCron() recognises the expressions
// toCron() writes (and equivalent spellings: names or numbers, any day order); anything else is Custom.
struct ScheduleChoice
{
    enum class Mode { Daily, Weekly, MonthlyOnDay, MonthlyOnWeekday, Custom };
    static constexpr int LastDay = -1; // dayOfMonth: the last day of the month
    static constexpr int LastWeek = 5; // nth: the last such weekday of the month

    Mode mode = Mode::Daily;
    QTime time { 2, 0 };
    QList<int> weekdays; // Weekly: Qt's numbering, 1 = Monday .. 7 = Sunday, ascending
    int dayOfMonth = 1; // MonthlyOnDay: 1..31 or LastDay
    int nth = 1; // MonthlyOnWeekday: 1..4 or LastWeek
    int weekday = 1; // MonthlyOnWeekday: 1 = Monday .. 7 = Sunday
    QString custom; // Custom: the expression as typed

    QString toCron() const;
    static ScheduleChoice fromCron(const QString &cron);
    bool operator==(const ScheduleChoice &) const = default;
};

} // namespace Flotilla
