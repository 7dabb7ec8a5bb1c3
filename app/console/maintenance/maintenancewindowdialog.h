#pragma once

#include "app/console/maintenance/schedulechoice.h"
#include "app/console/maintenance/windowpreview.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTimeEdit;

namespace Flotilla {

class WindowCalendarStrip;

// Plans a maintenance window without cron arithmetic: daily, weekly on chosen days, monthly on a day or on the
// Nth weekday, or a custom Quartz expression (checked by the engine's parser, its message shown); a duration and
// a time zone (searchable IANA list). Shows the next 10 windows in the schedule's zone and in the operator's,
// with what daylight-saving time does to each, and a week or month strip with the windows shaded. The cron text
// is visible and editable; editing it sets the choices where they can express it.
class MaintenanceWindowDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MaintenanceWindowDialog(QWidget *parent = nullptr);

    // Starts from an existing window (any empty part keeps its default).
    void setWindow(const QString &schedule, const QString &duration, const QString &timezone);
    QString schedule() const;
    QString duration() const;
    QString timezone() const;
    ScheduleChoice choice() const;
    // The windows listed (empty while the input is invalid).
    const QList<WindowPreviewEntry> &preview() const { return m_preview; }
    QString errorText() const;
    // For tests and previews: the moment "next" counts from (default: now), the operator's zone (default: the
    // system's).
    void setNow(const QDateTime &now);
    void setLocalZone(const QTimeZone &zone);

private:
    void choiceChanged();
    void cronEdited();
    void showChoice(const ScheduleChoice &choice);
    void refresh();

    QComboBox *m_mode;
    QTimeEdit *m_time;
    QStackedWidget *m_modeDetails;
    QList<QCheckBox *> m_weekdays; // Monday first
    QSpinBox *m_dayOfMonth;
    QComboBox *m_nth;
    QComboBox *m_weekday;
    QLineEdit *m_cron;
    QLabel *m_cronError;
    QLineEdit *m_duration;
    QComboBox *m_zone;
    QLabel *m_error;
    QTableWidget *m_windows;
    QComboBox *m_span;
    WindowCalendarStrip *m_calendar;
    QDialogButtonBox *m_buttons;
    QList<WindowPreviewEntry> m_preview;
    QDateTime m_now;
    QTimeZone m_local = QTimeZone::systemTimeZone();
    bool m_updating = false;
};

} // namespace Flotilla
