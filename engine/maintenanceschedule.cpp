#include "engine/maintenanceschedule.h"

#include <QRegularExpression>

#include <algorithm>

namespace Flotilla {

MaintenanceSchedule::MaintenanceSchedule(CronExpression cron, qint64 durationSecs, QTimeZone zone, QString durationText,
                                         QString timezoneText)
    : m_cron(std::move(cron))
    , m_durationSecs(durationSecs)
    , m_zone(std::move(zone))
    , m_durationText(std::move(durationText))
    , m_timezoneText(std::move(timezoneText))
{ }

std::optional<QTimeZone> MaintenanceSchedule::parseTimeZone(const QString &timezone)
{
    static const QRegularExpression offsetRe(QStringLiteral("^([+-])(\\d{2}):?(\\d{2})$"));
    const QString tz = timezone.trimmed();
    if (tz.isEmpty())
        return std::nullopt;
    if (tz == QLatin1String("Z") || tz.compare(QLatin1String("UTC"), Qt::CaseInsensitive) == 0)
        return QTimeZone(QTimeZone::UTC);
    if (const auto m = offsetRe.match(tz); m.hasMatch()) {
        const int hours = m.captured(2).toInt();
        const int minutes = m.captured(3).toInt();
        if (hours > 14 || minutes > 59)
            return std::nullopt;
        const int seconds = (hours * 3600 + minutes * 60) * (m.captured(1) == QLatin1String("-") ? -1 : 1);
        return QTimeZone::fromSecondsAheadOfUtc(seconds);
    }
    const QTimeZone zone(tz.toUtf8());
    if (!zone.isValid())
        return std::nullopt;
    return zone;
}

std::optional<qint64> MaintenanceSchedule::parseDuration(const QString &duration)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,2}):(\\d{2}):(\\d{2})$"));
    const auto m = re.match(duration.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int h = m.captured(1).toInt();
    const int min = m.captured(2).toInt();
    const int s = m.captured(3).toInt();
    if (h > 23 || min > 59 || s > 59)
        return std::nullopt;
    const qint64 total = h * 3600 + min * 60 + s;
    if (total <= 0)
        return std::nullopt;
    return total;
}

std::optional<MaintenanceSchedule> MaintenanceSchedule::create(const QString &schedule, const QString &duration,
                                                               const QString &timezone, ScheduleError *error)
{
    auto failWith = [error](const QString &field, const QString &message) {
        if (error)
            *error = { field, message };
        return std::nullopt;
    };
    CronError cronError;
    const auto cron = CronExpression::parse(schedule, &cronError);
    if (!cron)
        return failWith(QStringLiteral("schedule"), cronError.message);
    const auto secs = parseDuration(duration);
    if (!secs)
        return failWith(QStringLiteral("duration"),
                        QStringLiteral("duration: '%1' is not HH:mm:ss between 00:00:01 and 23:59:59").arg(duration));
    const auto zone = parseTimeZone(timezone);
    if (!zone)
        return failWith(
            QStringLiteral("timezone"),
            QStringLiteral("timezone: '%1' is neither an IANA time zone (Europe/Berlin) nor an offset (+02:00)")
                .arg(timezone));
    return MaintenanceSchedule(*cron, *secs, *zone, duration.trimmed(), timezone.trimmed());
}

MaintenanceWindow MaintenanceSchedule::windowAt(const QDateTime &start, bool shiftedByDst) const
{
    return { start, start.addSecs(m_durationSecs), shiftedByDst };
}

std::optional<MaintenanceWindow> MaintenanceSchedule::currentOrNext(const QDateTime &now) const
{
    // The first start after (now - duration) is either a window open now or the next one.
    bool shifted = false;
    const QDateTime start = m_cron.nextFireAfter(now.addSecs(-m_durationSecs), m_zone, &shifted);
    if (!start.isValid())
        return std::nullopt;
    return windowAt(start, shifted);
}

bool MaintenanceSchedule::isOpen(const QDateTime &now) const
{
    const auto w = currentOrNext(now);
    return w && w->start <= now && now < w->end;
}

QList<MaintenanceWindow> MaintenanceSchedule::nextWindows(const QDateTime &from, int count) const
{
    QList<MaintenanceWindow> result;
    QDateTime after = from.addSecs(-m_durationSecs);
    while (result.size() < count) {
        bool shifted = false;
        const QDateTime start = m_cron.nextFireAfter(after, m_zone, &shifted);
        if (!start.isValid())
            break;
        result.append(windowAt(start, shifted));
        after = start;
    }
    return result;
}

qint64 MaintenanceSchedule::pollSleepSeconds(const QDateTime &now, int pollCount, qint64 minimumSecs,
                                             qint64 regularSecs) const
{
    const auto w = currentOrNext(now);
    if (!w || w->start <= now)
        return regularSecs;
    const qint64 toStart = now.secsTo(w->start);
    return std::clamp(toStart / std::max(pollCount, 1), minimumSecs, std::max(minimumSecs, regularSecs));
}

} // namespace Flotilla
