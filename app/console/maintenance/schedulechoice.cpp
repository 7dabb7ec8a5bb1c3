#include "app/console/maintenance/schedulechoice.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

// Quartz numbers days SUN = 1 .. SAT = 7; Qt MON = 1 .. SUN = 7.
int quartzDay(int qtDay)
{
    return qtDay % 7 + 1;
}

int qtDay(int quartzDay)
{
    return quartzDay == 1 ? 7 : quartzDay - 1;
}

const QStringList dayNames { u"SUN"_s, u"MON"_s, u"TUE"_s, u"WED"_s, u"THU"_s, u"FRI"_s, u"SAT"_s };

// A Quartz day-of-week token (number 1-7 or name) as Qt's day number; 0 when it is neither.
int parseDay(const QString &token)
{
    bool ok = false;
    const int n = token.toInt(&ok);
    if (ok)
        return n >= 1 && n <= 7 ? qtDay(n) : 0;
    const int i = int(dayNames.indexOf(token.toUpper()));
    return i >= 0 ? qtDay(i + 1) : 0;
}

// A plain number in [lo, hi], or -1.
int number(const QString &s, int lo, int hi)
{
    bool ok = false;
    const int n = s.toInt(&ok);
    return ok && n >= lo && n <= hi ? n : -1;
}

} // namespace

QString ScheduleChoice::toCron() const
{
    const QString hm = u"0 %1 %2"_s.arg(time.minute()).arg(time.hour());
    switch (mode) {
    case Mode::Daily:
        return hm + u" * * ?"_s;
    case Mode::Weekly: {
        QStringList days;
        for (int d : weekdays)
            days << dayNames.at(quartzDay(d) - 1);
        return hm + u" ? * "_s + (days.isEmpty() ? u"*"_s : days.join(u','));
    }
    case Mode::MonthlyOnDay:
        return hm + u" "_s + (dayOfMonth == LastDay ? u"L"_s : QString::number(dayOfMonth)) + u" * ?"_s;
    case Mode::MonthlyOnWeekday:
        return hm + u" ? * "_s
            + (nth == LastWeek ? u"%1L"_s.arg(quartzDay(weekday)) : u"%1#%2"_s.arg(quartzDay(weekday)).arg(nth));
    case Mode::Custom:
        return custom.trimmed();
    }
    return {};
}

ScheduleChoice ScheduleChoice::fromCron(const QString &cron)
{
    ScheduleChoice custom;
    custom.mode = Mode::Custom;
    custom.custom = cron.trimmed();
    const QStringList f = cron.trimmed().split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    if (f.size() != 6 && !(f.size() == 7 && f.at(6) == u"*"_s))
        return custom;
    const int minute = number(f.at(1), 0, 59);
    const int hour = number(f.at(2), 0, 23);
    if (f.at(0) != u"0"_s || minute < 0 || hour < 0 || f.at(4) != u"*"_s)
        return custom;
    ScheduleChoice c;
    c.time = QTime(hour, minute);
    const QString dom = f.at(3);
    const QString dow = f.at(5).toUpper();
    if ((dom == u"*"_s && dow == u"?"_s) || (dom == u"?"_s && dow == u"*"_s)) {
        c.mode = Mode::Daily;
        return c;
    }
    if (dow == u"?"_s) {
        if (dom == u"L"_s) {
            c.mode = Mode::MonthlyOnDay;
            c.dayOfMonth = LastDay;
            return c;
        }
        if (const int d = number(dom, 1, 31); d > 0) {
            c.mode = Mode::MonthlyOnDay;
            c.dayOfMonth = d;
            return c;
        }
        return custom;
    }
    if (dom != u"?"_s)
        return custom;
    // d#n, dL
    if (const qsizetype hash = dow.indexOf(u'#'); hash > 0) {
        const int d = parseDay(dow.left(hash));
        const int n = number(dow.mid(hash + 1), 1, 4);
        if (!d || n < 0)
            return custom;
        c.mode = Mode::MonthlyOnWeekday;
        c.weekday = d;
        c.nth = n;
        return c;
    }
    if (dow.size() > 1 && dow.endsWith(u'L')) {
        const int d = parseDay(dow.chopped(1));
        if (!d)
            return custom;
        c.mode = Mode::MonthlyOnWeekday;
        c.weekday = d;
        c.nth = LastWeek;
        return c;
    }
    // A list of single days (names or numbers).
    QList<int> days;
    for (const QString &token : dow.split(u',')) {
        const int d = parseDay(token);
        if (!d)
            return custom;
        if (!days.contains(d))
            days << d;
    }
    std::sort(days.begin(), days.end());
    c.mode = Mode::Weekly;
    c.weekdays = days;
    return c;
}

} // namespace Flotilla
