#pragma once

#include "app/console/maintenance/windowpreview.h"

#include <QWidget>

namespace Flotilla {

// A week or a month of days side by side, each a column from 00:00 (top) to 24:00 (bottom) in the schedule's
// zone, with the maintenance windows shaded and the days on which the clocks change marked (a tooltip says
// what happens).
class WindowCalendarStrip : public QWidget
{
    Q_OBJECT
public:
    explicit WindowCalendarStrip(QWidget *parent = nullptr);

    void setWindows(const QList<WindowPreviewEntry> &windows, const QTimeZone &zone);
    void setFirstDay(QDate day);
    void setDays(int days); // 7 (a week) or 31 (a month)
    int days() const { return m_days; }
    QDate firstDay() const { return m_first; }
    // Minutes of day `date` (in the zone) inside a window; for tests and tooltips.
    int windowMinutesOn(QDate date) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF dayRect(int index) const;

    QList<WindowPreviewEntry> m_windows;
    QTimeZone m_zone;
    QDate m_first = QDate::currentDate();
    int m_days = 7;
};

} // namespace Flotilla
