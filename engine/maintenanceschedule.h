#pragma once

#include "engine/cronexpression.h"

#include <QList>

namespace Flotilla {

struct MaintenanceWindow
{
    QDateTime start; // in the schedule's time zone
    QDateTime end;
    bool shiftedByDst = false; // the schedule's wall-clock start does not exist that day (spring forward)
};

struct ScheduleError
{
    QString field; // "schedule", "duration" or "timezone"
    QString message;
};

// A maintenance window as an assignment defines it: a Quartz cron expression for the start, a duration
// (HH:mm:ss) and a time zone (IANA name such as Europe/Berlin, or a fixed offset such as +02:00).
class MaintenanceSchedule
{
public:
    static std::optional<MaintenanceSchedule> create(const QString &schedule, const QString &duration,
                                                     const QString &timezone, ScheduleError *error = nullptr);
    static std::optional<QTimeZone> parseTimeZone(const QString &timezone);
    static std::optional<qint64> parseDuration(const QString &duration); // seconds; HH:mm:ss

    QString schedule() const { return m_cron.text(); }
    QString duration() const { return m_durationText; }
    QString timezone() const { return m_timezoneText; }
    qint64 durationSeconds() const { return m_durationSecs; }
    QTimeZone zone() const { return m_zone; }

    // The window open at `now`, or else the next one; nullopt when no window is left.
    std::optional<MaintenanceWindow> currentOrNext(const QDateTime &now) const;
    bool isOpen(const QDateTime &now) const;
    bool hasWindowLeft(const QDateTime &now) const { return currentOrNext(now).has_value(); }
    QList<MaintenanceWindow> nextWindows(const QDateTime &from, int count) const;

    // How long a device should sleep before its next poll so that it reaches the next window: the time to the
    // window's start divided by pollCount, clamped to [minimum, regular]. Inside a window, or with none left,
    // the regular polling time.
    qint64 pollSleepSeconds(const QDateTime &now, int pollCount, qint64 minimumSecs, qint64 regularSecs) const;

private:
    MaintenanceSchedule(CronExpression cron, qint64 durationSecs, QTimeZone zone, QString durationText,
                        QString timezoneText);
    MaintenanceWindow windowAt(const QDateTime &start, bool shiftedByDst) const;

    CronExpression m_cron;
    qint64 m_durationSecs = 0;
    QTimeZone m_zone;
    QString m_durationText;
    QString m_timezoneText;
};

} // namespace Flotilla
