// Maintenance windows as assignments carry them: a Quartz cron expression, a duration and a time zone, one per
// line of the input. Property: a schedule that is accepted answers currentOrNext without hanging, and a window
// it hands out starts at or after the time asked about minus its duration and lasts the duration.
#include "engine/cronexpression.h"
#include "engine/maintenanceschedule.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QStringList>

#include <cstdint>

using namespace Flotilla;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList lines = text.split(u'\n');
    const QString schedule = lines.value(0);
    static const QDateTime now = QDateTime(QDate(2026, 3, 29), QTime(0, 30), QTimeZone::UTC);

    CronError cronError;
    if (const auto cron = CronExpression::parse(schedule, &cronError)) {
        QDateTime t = now;
        const QTimeZone zone(QByteArrayLiteral("Europe/Berlin"));
        for (int i = 0; i < 3 && t.isValid(); ++i) {
            const QDateTime next = cron->nextFireAfter(t, zone);
            FLOTILLA_FUZZ_CHECK(!next.isValid() || next > t, "the next fire time is after the one asked about");
            t = next;
        }
    }
    ScheduleError error;
    const auto mw = MaintenanceSchedule::create(schedule, lines.value(1), lines.value(2), &error);
    if (!mw)
        return 0;
    if (const auto window = mw->currentOrNext(now)) {
        FLOTILLA_FUZZ_CHECK(window->start.secsTo(window->end) == mw->durationSeconds(), "a window lasts its duration");
        FLOTILLA_FUZZ_CHECK(window->end > now, "the window handed out has not ended");
    }
    return 0;
}
