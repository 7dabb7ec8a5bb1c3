// The maintenance-window editor: every mode's cron, cron text back to choices, the engine's parser messages, and
// the next windows for fixed dates — including the DST changes of Europe/Berlin and America/New_York.
#include "app/console/maintenance/maintenancewindowdialog.h"
#include "app/console/maintenance/schedulechoice.h"
#include "app/console/maintenance/windowcalendarstrip.h"
#include "tests/common/screenshotdir.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>

using namespace Flotilla;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Flotilla::ScheduleChoice)

namespace {
ScheduleChoice make(ScheduleChoice::Mode mode, QTime time, QList<int> weekdays = {}, int dayOfMonth = 1, int nth = 1,
                    int weekday = 1)
{
    ScheduleChoice c;
    c.mode = mode;
    c.time = time;
    c.weekdays = weekdays;
    c.dayOfMonth = dayOfMonth;
    c.nth = nth;
    c.weekday = weekday;
    return c;
}
} // namespace

class TestMaintenanceWindowDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void choiceToCronAndBack_data();
    void choiceToCronAndBack();
    void otherSpellingsAreRecognised_data();
    void otherSpellingsAreRecognised();
    void dialogModes_data();
    void dialogModes();
    void editingTheCronUpdatesTheChoices();
    void parserMessagesAreShown_data();
    void parserMessagesAreShown();
    void nextWindowsAcrossDst_data();
    void nextWindowsAcrossDst();
    void calendarShadesTheWindows();
};

void TestMaintenanceWindowDialog::choiceToCronAndBack_data()
{
    using M = ScheduleChoice::Mode;
    QTest::addColumn<ScheduleChoice>("choice");
    QTest::addColumn<QString>("cron");
    QTest::newRow("daily") << make(M::Daily, QTime(2, 30)) << u"0 30 2 * * ?"_s;
    QTest::newRow("weekly Sat+Sun") << make(M::Weekly, QTime(23, 0), { 6, 7 }) << u"0 0 23 ? * SAT,SUN"_s;
    QTest::newRow("weekly Mon,Wed,Fri") << make(M::Weekly, QTime(4, 5), { 1, 3, 5 }) << u"0 5 4 ? * MON,WED,FRI"_s;
    QTest::newRow("monthly on the 15th") << make(M::MonthlyOnDay, QTime(1, 0), {}, 15) << u"0 0 1 15 * ?"_s;
    QTest::newRow("monthly on the last day")
        << make(M::MonthlyOnDay, QTime(1, 0), {}, ScheduleChoice::LastDay) << u"0 0 1 L * ?"_s;
    QTest::newRow("second Tuesday") << make(M::MonthlyOnWeekday, QTime(3, 0), {}, 1, 2, 2) << u"0 0 3 ? * 3#2"_s;
    QTest::newRow("last Sunday") << make(M::MonthlyOnWeekday, QTime(3, 0), {}, 1, ScheduleChoice::LastWeek, 7)
                                 << u"0 0 3 ? * 1L"_s;
}

void TestMaintenanceWindowDialog::choiceToCronAndBack()
{
    QFETCH(ScheduleChoice, choice);
    QFETCH(QString, cron);
    QCOMPARE(choice.toCron(), cron);
    const ScheduleChoice back = ScheduleChoice::fromCron(cron);
    QCOMPARE(int(back.mode), int(choice.mode));
    QCOMPARE(back.toCron(), cron);
}

void TestMaintenanceWindowDialog::otherSpellingsAreRecognised_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("normalised");
    using M = ScheduleChoice::Mode;
    QTest::newRow("day names as numbers, unordered") << u"0 0 2 ? * 6,2"_s << int(M::Weekly) << u"0 0 2 ? * MON,FRI"_s;
    QTest::newRow("daily with ? in day of month") << u"0 15 4 ? * *"_s << int(M::Daily) << u"0 15 4 * * ?"_s;
    QTest::newRow("name#n") << u"0 0 3 ? * TUE#2"_s << int(M::MonthlyOnWeekday) << u"0 0 3 ? * 3#2"_s;
    QTest::newRow("year *") << u"0 0 1 L * ? *"_s << int(M::MonthlyOnDay) << u"0 0 1 L * ?"_s;
    QTest::newRow("seconds not 0: custom") << u"30 0 2 * * ?"_s << int(M::Custom) << u"30 0 2 * * ?"_s;
    QTest::newRow("hour range: custom") << u"0 0 1-3 * * ?"_s << int(M::Custom) << u"0 0 1-3 * * ?"_s;
    QTest::newRow("some months: custom") << u"0 0 2 1 JAN,JUL ?"_s << int(M::Custom) << u"0 0 2 1 JAN,JUL ?"_s;
    QTest::newRow("nearest weekday: custom") << u"0 0 2 15W * ?"_s << int(M::Custom) << u"0 0 2 15W * ?"_s;
}

void TestMaintenanceWindowDialog::otherSpellingsAreRecognised()
{
    QFETCH(QString, cron);
    QFETCH(int, mode);
    QFETCH(QString, normalised);
    const ScheduleChoice c = ScheduleChoice::fromCron(cron);
    QCOMPARE(int(c.mode), mode);
    QCOMPARE(c.toCron(), normalised);
}

// Driving the dialog's own controls for each mode gives the expected cron text.
void TestMaintenanceWindowDialog::dialogModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("cron");
    QTest::newRow("daily") << 0 << u"0 45 3 * * ?"_s;
    QTest::newRow("weekly") << 1 << u"0 45 3 ? * TUE,SAT"_s;
    QTest::newRow("monthly day") << 2 << u"0 45 3 L * ?"_s;
    QTest::newRow("monthly weekday") << 3 << u"0 45 3 ? * 6L"_s;
}

void TestMaintenanceWindowDialog::dialogModes()
{
    QFETCH(int, mode);
    QFETCH(QString, cron);
    MaintenanceWindowDialog dialog;
    dialog.setNow(QDateTime(QDate(2026, 6, 1), QTime(0, 0), QTimeZone::UTC));
    dialog.findChild<QComboBox *>(u"scheduleMode"_s)->setCurrentIndex(mode);
    dialog.findChild<QTimeEdit *>(u"windowTime"_s)->setTime(QTime(3, 45));
    dialog.findChild<QCheckBox *>(u"weekday2"_s)->setChecked(true);
    dialog.findChild<QCheckBox *>(u"weekday6"_s)->setChecked(true);
    dialog.findChild<QSpinBox *>(u"dayOfMonth"_s)->setValue(0); // "the last day"
    dialog.findChild<QComboBox *>(u"nthWeek"_s)->setCurrentIndex(4); // last
    dialog.findChild<QComboBox *>(u"nthWeekday"_s)->setCurrentIndex(4); // Friday
    QCOMPARE(dialog.findChild<QLineEdit *>(u"cronText"_s)->text(), cron);
    QCOMPARE(dialog.schedule(), cron);
    QCOMPARE(dialog.preview().size(), 10);
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestMaintenanceWindowDialog::editingTheCronUpdatesTheChoices()
{
    MaintenanceWindowDialog dialog;
    auto *cron = dialog.findChild<QLineEdit *>(u"cronText"_s);
    auto *mode = dialog.findChild<QComboBox *>(u"scheduleMode"_s);
    cron->selectAll();
    QTest::keyClicks(cron, u"0 15 22 ? * MON,THU"_s);
    QCOMPARE(mode->currentIndex(), int(ScheduleChoice::Mode::Weekly));
    QCOMPARE(dialog.findChild<QTimeEdit *>(u"windowTime"_s)->time(), QTime(22, 15));
    QVERIFY(dialog.findChild<QCheckBox *>(u"weekday1"_s)->isChecked());
    QVERIFY(dialog.findChild<QCheckBox *>(u"weekday4"_s)->isChecked());
    QVERIFY(!dialog.findChild<QCheckBox *>(u"weekday2"_s)->isChecked());
    QCOMPARE(cron->text(), u"0 15 22 ? * MON,THU"_s); // what was typed stays
    // Something the choices cannot say: custom, the text kept as typed.
    cron->selectAll();
    QTest::keyClicks(cron, u"0 0 2 15W * ?"_s);
    QCOMPARE(mode->currentIndex(), int(ScheduleChoice::Mode::Custom));
    QCOMPARE(dialog.schedule(), u"0 0 2 15W * ?"_s);
    QVERIFY(dialog.errorText().isEmpty());
    // And back: choosing a mode writes its cron.
    mode->setCurrentIndex(0);
    QCOMPARE(cron->text(), u"0 15 22 * * ?"_s);
}

void TestMaintenanceWindowDialog::parserMessagesAreShown_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("duration");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("minute 61") << u"0 61 2 * * ?"_s << u"01:00:00"_s << u"Europe/Berlin"_s << u"61"_s;
    QTest::newRow("both days given") << u"0 0 2 1 * MON"_s << u"01:00:00"_s << u"Europe/Berlin"_s << u"?"_s;
    QTest::newRow("too few fields") << u"0 0 2 *"_s << u"01:00:00"_s << u"Europe/Berlin"_s << u"field"_s;
    QTest::newRow("bad duration") << u"0 0 2 * * ?"_s << u"1 hour"_s << u"Europe/Berlin"_s << u"1 hour"_s;
    QTest::newRow("unknown zone") << u"0 0 2 * * ?"_s << u"01:00:00"_s << u"Mars/Olympus"_s << u"Mars/Olympus"_s;
}

void TestMaintenanceWindowDialog::parserMessagesAreShown()
{
    QFETCH(QString, cron);
    QFETCH(QString, duration);
    QFETCH(QString, zone);
    QFETCH(QString, mentions);
    MaintenanceWindowDialog dialog;
    dialog.setWindow(cron, duration, zone);
    QVERIFY2(dialog.errorText().contains(mentions), qPrintable(dialog.errorText()));
    QVERIFY(dialog.preview().isEmpty());
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestMaintenanceWindowDialog::nextWindowsAcrossDst_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("row"); // the window DST touches
    QTest::addColumn<QDateTime>("expectedStart"); // in UTC
    QTest::addColumn<int>("dst");
    QTest::addColumn<QString>("localFirst"); // first window in the operator's zone (UTC here), "yyyy-MM-dd HH:mm"
    using D = WindowPreviewEntry::Dst;
    // Berlin: clocks forward on Sunday 29 March 2026 at 02:00 -> 03:00; 02:30 does not exist: opens 03:30 CEST.
    QTest::newRow("Berlin spring forward")
        << u"Europe/Berlin"_s << u"0 30 2 * * ?"_s << QDateTime(QDate(2026, 3, 25), QTime(12, 0), QTimeZone::UTC) << 3
        << QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone::UTC) << int(D::Shifted) << u"2026-03-26 01:30"_s;
    // Berlin: clocks back on Sunday 25 October 2026 at 03:00 -> 02:00; 02:30 occurs twice: the first (CEST).
    QTest::newRow("Berlin fall back") << u"Europe/Berlin"_s << u"0 30 2 * * ?"_s
                                      << QDateTime(QDate(2026, 10, 22), QTime(12, 0), QTimeZone::UTC) << 2
                                      << QDateTime(QDate(2026, 10, 25), QTime(0, 30), QTimeZone::UTC)
                                      << int(D::Repeated) << u"2026-10-23 00:30"_s;
    // New York: forward on Sunday 8 March 2026 at 02:00 -> 03:00.
    QTest::newRow("New York spring forward")
        << u"America/New_York"_s << u"0 30 2 * * ?"_s << QDateTime(QDate(2026, 3, 6), QTime(12, 0), QTimeZone::UTC) << 1
        << QDateTime(QDate(2026, 3, 8), QTime(7, 30), QTimeZone::UTC) << int(D::Shifted) << u"2026-03-07 07:30"_s;
    // New York: back on Sunday 1 November 2026 at 02:00 -> 01:00; 01:30 occurs twice: the first (EDT, UTC-4).
    QTest::newRow("New York fall back") << u"America/New_York"_s << u"0 30 1 * * ?"_s
                                        << QDateTime(QDate(2026, 10, 30), QTime(12, 0), QTimeZone::UTC) << 1
                                        << QDateTime(QDate(2026, 11, 1), QTime(5, 30), QTimeZone::UTC)
                                        << int(D::Repeated) << u"2026-10-31 05:30"_s;
    // A window open across the change: 01:00 for 3 hours on the Berlin spring-forward day.
    QTest::newRow("Berlin window across the change")
        << u"Europe/Berlin"_s << u"0 0 1 * * ?"_s << QDateTime(QDate(2026, 3, 27), QTime(12, 0), QTimeZone::UTC) << 1
        << QDateTime(QDate(2026, 3, 29), QTime(0, 0), QTimeZone::UTC) << int(D::ChangesDuring) << u"2026-03-28 00:00"_s;
    // A window on a change day but not at the change: 22:00 on the New York fall-back day.
    QTest::newRow("New York change that day")
        << u"America/New_York"_s << u"0 0 22 * * ?"_s << QDateTime(QDate(2026, 10, 31), QTime(12, 0), QTimeZone::UTC)
        << 1 << QDateTime(QDate(2026, 11, 2), QTime(3, 0), QTimeZone::UTC) << int(D::ChangeThatDay)
        << u"2026-11-01 02:00"_s;
}

void TestMaintenanceWindowDialog::nextWindowsAcrossDst()
{
    QFETCH(QString, zone);
    QFETCH(QString, cron);
    QFETCH(QDateTime, now);
    QFETCH(int, row);
    QFETCH(QDateTime, expectedStart);
    QFETCH(int, dst);
    QFETCH(QString, localFirst);
    MaintenanceWindowDialog dialog;
    dialog.setLocalZone(QTimeZone::UTC);
    dialog.setNow(now);
    dialog.setWindow(cron, u"03:00:00"_s, zone);
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    const QList<WindowPreviewEntry> windows = dialog.preview();
    QCOMPARE(windows.size(), 10);
    QCOMPARE(windows.at(row).start.toUTC(), expectedStart);
    QCOMPARE(int(windows.at(row).dst), dst);
    QVERIFY(!windows.at(row).note.isEmpty());
    // Only that one is marked among its neighbours (the days before it are plain).
    for (int i = 0; i < row; ++i)
        QCOMPARE(int(windows.at(i).dst), int(WindowPreviewEntry::Dst::None));
    // Both columns: the schedule's zone and the operator's.
    QCOMPARE(windows.first().start.timeZone(), QTimeZone(zone.toUtf8()));
    QCOMPARE(windows.first().localStart.toString(u"yyyy-MM-dd HH:mm"_s), localFirst);
    auto *table = dialog.findChild<QTableWidget *>(u"nextWindows"_s);
    QCOMPARE(table->rowCount(), 10);
    QVERIFY(table->item(row, 3)->text() == windows.at(row).note);
    QVERIFY(!table->horizontalHeaderItem(3)->text().isEmpty());
    // Windows are daily and an hour apart at most in UTC from one day to the next (DST moves them by an hour).
    for (int i = 1; i < windows.size(); ++i) {
        const qint64 gap = windows.at(i - 1).start.secsTo(windows.at(i).start);
        QVERIFY2(gap >= 23 * 3600 && gap <= 25 * 3600, qPrintable(QString::number(gap)));
    }
}

void TestMaintenanceWindowDialog::calendarShadesTheWindows()
{
    MaintenanceWindowDialog dialog;
    dialog.setNow(QDateTime(QDate(2026, 3, 23), QTime(0, 0), QTimeZone::UTC));
    dialog.setWindow(u"0 0 23 ? * SAT"_s, u"02:00:00"_s, u"Europe/Berlin"_s);
    auto *strip = dialog.findChild<WindowCalendarStrip *>(u"windowCalendar"_s);
    QCOMPARE(strip->days(), 7);
    QCOMPARE(strip->firstDay(), QDate(2026, 3, 28)); // the first window's day
    QCOMPARE(strip->windowMinutesOn(QDate(2026, 3, 28)), 60); // 23:00-24:00 on Saturday
    QCOMPARE(strip->windowMinutesOn(QDate(2026, 3, 29)), 60); // 00:00-01:00 on Sunday (the DST day)
    QCOMPARE(strip->windowMinutesOn(QDate(2026, 3, 30)), 0);
    QVERIFY(WindowPreview::isDstChangeDay(QDate(2026, 3, 29), QTimeZone("Europe/Berlin")));
    QVERIFY(!WindowPreview::isDstChangeDay(QDate(2026, 3, 28), QTimeZone("Europe/Berlin")));
    dialog.findChild<QComboBox *>(u"calendarSpan"_s)->setCurrentIndex(1);
    QCOMPARE(strip->days(), 31);
    // A month shows every window of its days, not only the 10 listed: daily, the 20th day is shaded too.
    dialog.setWindow(u"0 0 22 * * ?"_s, u"01:00:00"_s, u"Europe/Berlin"_s);
    QCOMPARE(dialog.preview().size(), 10);
    QCOMPARE(strip->firstDay(), QDate(2026, 3, 23));
    QCOMPARE(strip->windowMinutesOn(QDate(2026, 4, 12)), 60);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setWindow(u"0 30 2 * * ?"_s, u"01:00:00"_s, u"Europe/Berlin"_s);
    dialog.setNow(QDateTime(QDate(2026, 3, 25), QTime(12, 0), QTimeZone::UTC));
    QVERIFY(dialog.grab().save(FlotillaTest::screenshotDir() + u"/console-maintenance-window.png"_s));
}

QTEST_MAIN(TestMaintenanceWindowDialog)
#include "tst_maintenancewindowdialog.moc"
