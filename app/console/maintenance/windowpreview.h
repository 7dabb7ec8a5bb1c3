#pragma once

#include "engine/maintenanceschedule.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace Flotilla {

// The next windows of a schedule as the editor lists them: in the schedule's zone and in the operator's, with
// what daylight-saving time does to each (the engine's decision: a start that does not exist opens after the
// change; a start that occurs twice opens at the first).
struct WindowPreviewEntry
{
    enum class Dst {
        None,
        Shifted, // the start does not exist that day (clocks go forward)
        Repeated, // the start occurs twice that day (clocks go back)
        ChangesDuring, // the clocks change while the window is open
        ChangeThatDay, // the clocks change that day, outside the window
    };
    QDateTime start; // in the schedule's zone
    QDateTime end;
    QDateTime localStart; // in the operator's zone
    QDateTime localEnd;
    Dst dst = Dst::None;
    QString note; // for the operator; empty when DST does nothing that day
};

class WindowPreview
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::WindowPreview)
public:
    static QList<WindowPreviewEntry> next(const MaintenanceSchedule &schedule, const QDateTime &from, int count,
                                          const QTimeZone &local);
    // Whether the clocks change in `zone` on `date`.
    static bool isDstChangeDay(QDate date, const QTimeZone &zone);
};

} // namespace Flotilla
