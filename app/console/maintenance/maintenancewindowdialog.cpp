#include "app/console/maintenance/maintenancewindowdialog.h"
#include "app/console/maintenance/windowcalendarstrip.h"
#include "engine/cronexpression.h"
#include "engine/maintenanceschedule.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
constexpr int NextWindows = 10;
const QString errorStyle = u"color: #c62828"_s;
} // namespace

MaintenanceWindowDialog::MaintenanceWindowDialog(QWidget *parent)
    : QDialog(parent)
    , m_mode(new QComboBox(this))
    , m_time(new QTimeEdit(QTime(2, 0), this))
    , m_modeDetails(new QStackedWidget(this))
    , m_dayOfMonth(new QSpinBox(this))
    , m_nth(new QComboBox(this))
    , m_weekday(new QComboBox(this))
    , m_cron(new QLineEdit(this))
    , m_cronError(new QLabel(this))
    , m_duration(new QLineEdit(u"01:00:00"_s, this))
    , m_zone(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_windows(new QTableWidget(this))
    , m_span(new QComboBox(this))
    , m_calendar(new WindowCalendarStrip(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"maintenanceWindowDialog"_s);
    setWindowTitle(tr("Maintenance window"));
    const QLocale locale;

    m_mode->setObjectName(u"scheduleMode"_s);
    m_mode->setAccessibleName(tr("Repeats"));
    m_mode->addItems({ tr("Every day"), tr("Every week on…"), tr("Every month on day…"), tr("Every month on the…"),
                       tr("Custom (Quartz cron)") });
    m_time->setObjectName(u"windowTime"_s);
    m_time->setDisplayFormat(u"HH:mm"_s);
    m_time->setAccessibleName(tr("Opens at"));
    m_time->setMaximumWidth(fontMetrics().horizontalAdvance(u"000:00:00"_s) * 2);

    // Per mode: nothing (daily), days of the week, day of month, Nth weekday, nothing (custom).
    m_modeDetails->addWidget(new QWidget(m_modeDetails));
    auto *week = new QWidget(m_modeDetails);
    auto *weekLayout = new QHBoxLayout(week);
    weekLayout->setContentsMargins(0, 0, 0, 0);
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(locale.dayName(d, QLocale::ShortFormat), week);
        box->setObjectName(u"weekday%1"_s.arg(d));
        box->setAccessibleName(locale.dayName(d));
        m_weekdays << box;
        weekLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &MaintenanceWindowDialog::choiceChanged);
    }
    weekLayout->addStretch();
    m_modeDetails->addWidget(week);
    m_dayOfMonth->setObjectName(u"dayOfMonth"_s);
    m_dayOfMonth->setRange(0, 31);
    m_dayOfMonth->setValue(1);
    m_dayOfMonth->setSpecialValueText(tr("the last day"));
    m_dayOfMonth->setAccessibleName(tr("Day of the month"));
    auto *dayPage = new QWidget(m_modeDetails);
    auto *dayLayout = new QHBoxLayout(dayPage);
    dayLayout->setContentsMargins(0, 0, 0, 0);
    dayLayout->addWidget(m_dayOfMonth);
    auto *dayHint = new QLabel(tr("(months without that day are skipped)"), dayPage);
    dayLayout->addWidget(dayHint);
    dayLayout->addStretch();
    m_modeDetails->addWidget(dayPage);
    m_nth->setObjectName(u"nthWeek"_s);
    m_nth->addItems({ tr("first"), tr("second"), tr("third"), tr("fourth"), tr("last") });
    m_nth->setAccessibleName(tr("Which week"));
    m_weekday->setObjectName(u"nthWeekday"_s);
    for (int d = 1; d <= 7; ++d)
        m_weekday->addItem(locale.dayName(d), d);
    m_weekday->setAccessibleName(tr("Weekday"));
    auto *nthPage = new QWidget(m_modeDetails);
    auto *nthLayout = new QHBoxLayout(nthPage);
    nthLayout->setContentsMargins(0, 0, 0, 0);
    nthLayout->addWidget(m_nth);
    nthLayout->addWidget(m_weekday);
    nthLayout->addStretch();
    m_modeDetails->addWidget(nthPage);
    m_modeDetails->addWidget(new QWidget(m_modeDetails));

    m_cron->setObjectName(u"cronText"_s);
    m_cron->setAccessibleName(tr("Quartz cron expression"));
    m_cron->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_cronError->setObjectName(u"cronError"_s);
    m_cronError->setStyleSheet(errorStyle);
    m_cronError->setWordWrap(true);
    m_cronError->hide();
    m_duration->setObjectName(u"windowDuration"_s);
    m_duration->setAccessibleName(tr("Duration"));
    m_duration->setPlaceholderText(u"HH:mm:ss"_s);
    m_duration->setMaximumWidth(fontMetrics().horizontalAdvance(u"000:00:00"_s) * 2);

    m_zone->setObjectName(u"windowZone"_s);
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zone->setCurrentText(QString::fromUtf8(QTimeZone::systemTimeZoneId()));

    m_error->setObjectName(u"windowError"_s);
    m_error->setStyleSheet(errorStyle);
    m_error->setWordWrap(true);
    m_error->hide();

    m_windows->setObjectName(u"nextWindows"_s);
    m_windows->setAccessibleName(tr("The next 10 windows"));
    m_windows->setColumnCount(4);
    m_windows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_windows->setSelectionMode(QAbstractItemView::NoSelection);
    m_windows->verticalHeader()->hide();
    m_windows->horizontalHeader()->setStretchLastSection(true);
    m_windows->setWordWrap(true);
    m_windows->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_span->setObjectName(u"calendarSpan"_s);
    m_span->addItem(tr("Week"), 7);
    m_span->addItem(tr("Month"), 31);
    m_span->setAccessibleName(tr("Calendar shows"));
    m_calendar->setObjectName(u"windowCalendar"_s);

    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_mode);
    repeatRow->addWidget(m_modeDetails, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Repeats:"), repeatRow);
    form->addRow(tr("Opens at:"), m_time);
    form->addRow(tr("Open for:"), m_duration);
    form->addRow(tr("Time zone:"), m_zone);
    form->addRow(tr("Cron:"), m_cron);
    form->addRow(QString(), m_cronError);
    auto *calendarRow = new QHBoxLayout;
    calendarRow->addWidget(new QLabel(tr("Calendar:"), this));
    calendarRow->addWidget(m_span);
    calendarRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_windows, 1);
    layout->addLayout(calendarRow);
    layout->addWidget(m_calendar);
    layout->addWidget(m_buttons);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_modeDetails->setCurrentIndex(i);
        m_time->setEnabled(i != int(ScheduleChoice::Mode::Custom));
        choiceChanged();
    });
    connect(m_time, &QTimeEdit::timeChanged, this, &MaintenanceWindowDialog::choiceChanged);
    connect(m_dayOfMonth, &QSpinBox::valueChanged, this, &MaintenanceWindowDialog::choiceChanged);
    connect(m_nth, &QComboBox::currentIndexChanged, this, &MaintenanceWindowDialog::choiceChanged);
    connect(m_weekday, &QComboBox::currentIndexChanged, this, &MaintenanceWindowDialog::choiceChanged);
    connect(m_cron, &QLineEdit::textEdited, this, &MaintenanceWindowDialog::cronEdited);
    connect(m_duration, &QLineEdit::textChanged, this, &MaintenanceWindowDialog::refresh);
    connect(m_zone, &QComboBox::currentTextChanged, this, &MaintenanceWindowDialog::refresh);
    connect(m_span, &QComboBox::currentIndexChanged, this,
            [this] { m_calendar->setDays(m_span->currentData().toInt()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    choiceChanged();
    resize(760, 720);
}

ScheduleChoice MaintenanceWindowDialog::choice() const
{
    ScheduleChoice c;
    c.mode = ScheduleChoice::Mode(m_mode->currentIndex());
    c.time = QTime(m_time->time().hour(), m_time->time().minute());
    for (int d = 1; d <= 7; ++d)
        if (m_weekdays.at(d - 1)->isChecked())
            c.weekdays << d;
    c.dayOfMonth = m_dayOfMonth->value() == 0 ? ScheduleChoice::LastDay : m_dayOfMonth->value();
    c.nth = m_nth->currentIndex() + 1;
    c.weekday = m_weekday->currentData().toInt();
    c.custom = m_cron->text().trimmed();
    return c;
}

void MaintenanceWindowDialog::showChoice(const ScheduleChoice &c)
{
    const bool was = std::exchange(m_updating, true);
    m_mode->setCurrentIndex(int(c.mode));
    if (c.mode != ScheduleChoice::Mode::Custom) {
        m_time->setTime(c.time);
        for (int d = 1; d <= 7; ++d)
            m_weekdays.at(d - 1)->setChecked(c.weekdays.contains(d));
        m_dayOfMonth->setValue(c.dayOfMonth == ScheduleChoice::LastDay ? 0 : c.dayOfMonth);
        m_nth->setCurrentIndex(c.nth - 1);
        m_weekday->setCurrentIndex(c.weekday - 1);
    }
    m_updating = was;
}

void MaintenanceWindowDialog::choiceChanged()
{
    if (m_updating)
        return;
    const ScheduleChoice c = choice();
    if (c.mode != ScheduleChoice::Mode::Custom)
        m_cron->setText(c.toCron());
    refresh();
}

void MaintenanceWindowDialog::cronEdited()
{
    CronError error;
    if (CronExpression::parse(m_cron->text().trimmed(), &error))
        showChoice(ScheduleChoice::fromCron(m_cron->text()));
    refresh();
}

void MaintenanceWindowDialog::setWindow(const QString &schedule, const QString &duration, const QString &timezone)
{
    if (!duration.trimmed().isEmpty())
        m_duration->setText(duration.trimmed());
    if (!timezone.trimmed().isEmpty())
        m_zone->setCurrentText(timezone.trimmed());
    if (!schedule.trimmed().isEmpty()) {
        m_cron->setText(schedule.trimmed());
        cronEdited();
    }
    refresh();
}

QString MaintenanceWindowDialog::schedule() const
{
    return m_cron->text().trimmed();
}

QString MaintenanceWindowDialog::duration() const
{
    return m_duration->text().trimmed();
}

QString MaintenanceWindowDialog::timezone() const
{
    return m_zone->currentText().trimmed();
}

QString MaintenanceWindowDialog::errorText() const
{
    return m_cronError->isVisibleTo(this) ? m_cronError->text()
        : m_error->isVisibleTo(this)      ? m_error->text()
                                          : QString();
}

void MaintenanceWindowDialog::setNow(const QDateTime &now)
{
    m_now = now;
    refresh();
}

void MaintenanceWindowDialog::setLocalZone(const QTimeZone &zone)
{
    m_local = zone;
    refresh();
}

void MaintenanceWindowDialog::refresh()
{
    m_preview.clear();
    m_cronError->hide();
    m_error->hide();
    ScheduleError error;
    const auto parsed = MaintenanceSchedule::create(schedule(), duration(), timezone(), &error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(parsed.has_value());
    m_windows->setRowCount(0);
    if (!parsed) {
        QLabel *where = error.field == u"schedule"_s ? m_cronError : m_error;
        where->setText(error.message);
        where->show();
        m_calendar->setWindows({}, {});
        return;
    }
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    m_preview = WindowPreview::next(*parsed, now, NextWindows, m_local);
    const QLocale locale;
    const QString zoneName = timezone();
    m_windows->setHorizontalHeaderLabels({ tr("Opens (%1)").arg(zoneName), tr("Closes"),
                                           tr("Your time (%1)").arg(QString::fromUtf8(m_local.id())),
                                           tr("Daylight-saving time") });
    m_windows->setRowCount(int(m_preview.size()));
    const auto dateTime = [&](const QDateTime &t) {
        return locale.toString(t.date(), u"ddd d MMM yyyy"_s) + u"  "_s + locale.toString(t.time(), u"HH:mm"_s);
    };
    for (int row = 0; row < m_preview.size(); ++row) {
        const WindowPreviewEntry &e = m_preview.at(row);
        auto *start = new QTableWidgetItem(dateTime(e.start));
        auto *end = new QTableWidgetItem(dateTime(e.end));
        auto *local
            = new QTableWidgetItem(dateTime(e.localStart) + u" – "_s + locale.toString(e.localEnd.time(), u"HH:mm"_s));
        auto *note = new QTableWidgetItem(e.note);
        if (e.dst != WindowPreviewEntry::Dst::None) {
            for (QTableWidgetItem *item : { start, end, local, note }) {
                item->setToolTip(e.note);
                item->setForeground(QColor(0xe6, 0x8a, 0x00));
            }
            note->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        }
        m_windows->setItem(row, 3, note);
        m_windows->setItem(row, 0, start);
        m_windows->setItem(row, 1, end);
        m_windows->setItem(row, 2, local);
    }
    for (int c = 0; c < 3; ++c)
        m_windows->resizeColumnToContents(c);
    m_windows->resizeRowsToContents();
    // The strip shows every window of its days (a month holds more than the 10 listed).
    const QDate first = m_preview.isEmpty() ? now.toTimeZone(parsed->zone()).date() : m_preview.first().start.date();
    const QDateTime stripStart = QDateTime(first, QTime(0, 0), parsed->zone()).addSecs(-parsed->durationSeconds());
    QList<WindowPreviewEntry> inStrip;
    for (const WindowPreviewEntry &e : WindowPreview::next(*parsed, stripStart, 31 * 24, m_local)) {
        if (e.start.date() > first.addDays(31))
            break;
        inStrip << e;
    }
    m_calendar->setWindows(inStrip, parsed->zone());
    m_calendar->setFirstDay(first);
}

} // namespace Flotilla
