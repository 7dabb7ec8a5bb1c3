#include "app/console/maintenance/windowpreview.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

QList<QTimeZone::OffsetData> transitionsOn(QDate date, const QTimeZone &zone)
{
    const QDateTime from = QDateTime(date, QTime(0, 0), zone).toUTC().addSecs(-3 * 3600);
    const QDateTime to = from.addSecs(30 * 3600);
    QList<QTimeZone::OffsetData> result;
    for (const QTimeZone::OffsetData &t : zone.transitions(from, to)) {
        if (t.atUtc.toTimeZone(zone).date() == date)
            result << t;
    }
    return result;
}

} // namespace

bool WindowPreview::isDstChangeDay(QDate date, const QTimeZone &zone)
{
    return zone.hasTransitions() && !transitionsOn(date, zone).isEmpty();
}

QList<WindowPreviewEntry> WindowPreview::next(const MaintenanceSchedule &schedule, const QDateTime &from, int count,
                                              const QTimeZone &local)
{
    QList<WindowPreviewEntry> result;
    const QTimeZone zone = schedule.zone();
    const QLocale locale;
    for (const MaintenanceWindow &w : schedule.nextWindows(from, count)) {
        WindowPreviewEntry e;
        e.start = w.start.toTimeZone(zone);
        e.end = w.end.toTimeZone(zone);
        e.localStart = w.start.toTimeZone(local);
        e.localEnd = w.end.toTimeZone(local);
        const QString time = locale.toString(e.start.time(), u"HH:mm"_s);
        if (w.shiftedByDst) {
            e.dst = WindowPreviewEntry::Dst::Shifted;
            e.note = tr("The clocks go forward: the planned time does not exist this day; the window opens at %1.")
                         .arg(time);
        } else if (zone.hasTransitions()) {
            for (const QTimeZone::OffsetData &t : transitionsOn(e.start.date(), zone)) {
                const int before = zone.offsetFromUtc(t.atUtc.addSecs(-1));
                const int after = t.offsetFromUtc;
                if (after < before) {
                    // Wall-clock times from the change (in the new offset) for (before - after) occur twice.
                    const QTime firstRepeated = t.atUtc.addSecs(after).time();
                    const QTime lastRepeated = firstRepeated.addSecs(before - after);
                    const QTime start = e.start.time();
                    if (start >= firstRepeated && start < lastRepeated) {
                        e.dst = WindowPreviewEntry::Dst::Repeated;
                        e.note = tr("The clocks go back: %1 occurs twice this day; the window opens at the first.")
                                     .arg(time);
                    }
                }
            }
            if (e.dst == WindowPreviewEntry::Dst::None && zone.offsetFromUtc(w.start) != zone.offsetFromUtc(w.end)) {
                e.dst = WindowPreviewEntry::Dst::ChangesDuring;
                e.note = tr("The clocks change while this window is open; it still lasts %1 by the hour.")
                             .arg(schedule.duration());
            }
            if (e.dst == WindowPreviewEntry::Dst::None && isDstChangeDay(e.start.date(), zone)) {
                e.dst = WindowPreviewEntry::Dst::ChangeThatDay;
                e.note = tr("The clocks change this day (not during the window).");
            }
        }
        result << e;
    }
    return result;
}

} // namespace Flotilla
