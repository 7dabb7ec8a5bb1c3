#include "engine/cronexpression.h"

#include <QRegularExpression>

namespace Flotilla {

namespace {

constexpr int MinYear = 1970;
constexpr int MaxYear = 2099;

const QStringList monthNames
    = { QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"), QStringLiteral("APR"),
        QStringLiteral("MAY"), QStringLiteral("JUN"), QStringLiteral("JUL"), QStringLiteral("AUG"),
        QStringLiteral("SEP"), QStringLiteral("OCT"), QStringLiteral("NOV"), QStringLiteral("DEC") };
const QStringList dayNames
    = { QStringLiteral("SUN"), QStringLiteral("MON"), QStringLiteral("TUE"), QStringLiteral("WED"),
        QStringLiteral("THU"), QStringLiteral("FRI"), QStringLiteral("SAT") };

int quartzDayOfWeek(QDate date)
{
    return date.dayOfWeek() % 7 + 1; // Qt: Monday = 1 .. Sunday = 7; Quartz: Sunday = 1 .. Saturday = 7
}

bool isWeekday(QDate date)
{
    return date.dayOfWeek() <= 5;
}

// The weekday nearest to the given day of the month, never leaving the month (Quartz "nW").
QDate nearestWeekday(int year, int month, int day)
{
    const QDate first(year, month, 1);
    const int last = first.daysInMonth();
    QDate d(year, month, std::min(day, last));
    if (d.dayOfWeek() == 6) // Saturday: Friday before, or Monday after if that leaves the month
        return d.day() == 1 ? d.addDays(2) : d.addDays(-1);
    if (d.dayOfWeek() == 7) // Sunday: Monday after, or Friday before if that leaves the month
        return d.day() == last ? d.addDays(-2) : d.addDays(1);
    return d;
}

QDate lastWeekdayOfMonth(int year, int month)
{
    QDate d(year, month, QDate(year, month, 1).daysInMonth());
    while (!isWeekday(d))
        d = d.addDays(-1);
    return d;
}

} // namespace

// Parses one field at a time; keeps the first error.
class CronParser
{
public:
    explicit CronParser(CronError *error)
        : m_error(error)
    { }

    std::optional<CronExpression> parse(const QString &text);

private:
    struct Field
    {
        const char *name;
        int min;
        int max;
        const QStringList *names; // value names, index 0 = min
    };

    bool fail(const Field &f, const QString &token, const QString &message);
    bool parseValue(const Field &f, const QString &token, const QString &text, int *value);
    template<std::size_t N> bool parseList(const Field &f, const QString &text, std::bitset<N> *bits, int bitOffset);
    bool parseDayOfMonth(const QString &text, CronExpression *e);
    bool parseDayOfWeek(const QString &text, CronExpression *e);

    CronError *m_error;
    CronError m_scratch;
};

bool CronParser::fail(const Field &f, const QString &token, const QString &message)
{
    CronError &e = m_error ? *m_error : m_scratch;
    e.field = QString::fromLatin1(f.name);
    e.token = token;
    e.message = QStringLiteral("%1: '%2' %3").arg(e.field, token, message);
    return false;
}

bool CronParser::parseValue(const Field &f, const QString &token, const QString &text, int *value)
{
    bool ok = false;
    int v = text.toInt(&ok);
    if (!ok && f.names) {
        const int index = f.names->indexOf(text.toUpper());
        if (index >= 0) {
            v = f.min + index;
            ok = true;
        }
    }
    if (!ok) {
        const QString expected = f.names
            ? QStringLiteral("a number or a name (%1-%2)").arg(f.names->constFirst(), f.names->constLast())
            : QStringLiteral("a number");
        return fail(f, token, QStringLiteral("is not %1").arg(expected));
    }
    if (v < f.min || v > f.max)
        return fail(f, token, QStringLiteral("is out of range %1-%2").arg(f.min).arg(f.max));
    *value = v;
    return true;
}

template<std::size_t N>
bool CronParser::parseList(const Field &f, const QString &text, std::bitset<N> *bits, int bitOffset)
{
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        if (item.isEmpty())
            return fail(f, text, QStringLiteral("has an empty list element"));
        QString range = item;
        int step = 1;
        const qsizetype slash = item.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            range = item.left(slash);
            bool ok = false;
            step = item.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return fail(f, item, QStringLiteral("has an invalid step (a positive number after '/')"));
            if (step > f.max - f.min + 1)
                return fail(f, item,
                            QStringLiteral("has a step larger than the field's range %1-%2").arg(f.min).arg(f.max));
        }
        int from = f.min;
        int to = f.max;
        if (range == QLatin1String("*") || range == QLatin1String("?")) {
            if (range == QLatin1String("?"))
                return fail(f, item, QStringLiteral("'?' is allowed only in day-of-month and day-of-week"));
        } else {
            const qsizetype dash = range.indexOf(QLatin1Char('-'));
            if (dash > 0) {
                if (!parseValue(f, item, range.left(dash), &from) || !parseValue(f, item, range.mid(dash + 1), &to))
                    return false;
            } else {
                if (!parseValue(f, item, range, &from))
                    return false;
                to = slash >= 0 ? f.max : from; // "5/15" = from 5 every 15
            }
        }
        if (from <= to) {
            for (int v = from; v <= to; v += step)
                bits->set(std::size_t(v - bitOffset));
        } else { // wrapping range, e.g. FRI-MON or 22-2
            const int span = f.max - f.min + 1;
            for (int i = 0, v = from; i <= (to + span - from); i += step, v = f.min + (from - f.min + i) % span)
                bits->set(std::size_t(v - bitOffset));
        }
    }
    return true;
}

bool CronParser::parseDayOfMonth(const QString &text, CronExpression *e)
{
    static const Field f { "day-of-month", 1, 31, nullptr };
    if (text == QLatin1String("?"))
        return true;
    e->m_dayOfMonthGiven = true;
    static const QRegularExpression lastRe(QStringLiteral("^L(?:-(\\d+))?$"));
    static const QRegularExpression weekdayRe(QStringLiteral("^(\\d+)W$"));
    if (text == QLatin1String("LW")) {
        e->m_lastWeekday = true;
        return true;
    }
    if (const auto m = lastRe.match(text); m.hasMatch()) {
        e->m_lastDayOfMonth = true;
        e->m_lastDayOffset = m.captured(1).isEmpty() ? 0 : m.captured(1).toInt();
        if (e->m_lastDayOffset > 30)
            return fail(f, text, QStringLiteral("offset from the last day must be at most 30"));
        return true;
    }
    if (const auto m = weekdayRe.match(text); m.hasMatch()) {
        const int day = m.captured(1).toInt();
        if (day < 1 || day > 31)
            return fail(f, text, QStringLiteral("is out of range 1-31"));
        e->m_nearestWeekdayTo = day;
        return true;
    }
    if (text.contains(QLatin1Char('L')) || text.contains(QLatin1Char('W')) || text.contains(QLatin1Char('#')))
        return fail(f, text, QStringLiteral("uses L or W in a way Quartz does not allow (L, L-n, nW, LW)"));
    return parseList(f, text, &e->m_daysOfMonth, 0);
}

bool CronParser::parseDayOfWeek(const QString &text, CronExpression *e)
{
    static const Field f { "day-of-week", 1, 7, &dayNames };
    if (text == QLatin1String("?"))
        return true;
    if (text == QLatin1String("L")) { // alone: Saturday
        e->m_daysOfWeek.set(7);
        return true;
    }
    if (text.endsWith(QLatin1Char('L'))) {
        int day = 0;
        if (!parseValue(f, text, text.chopped(1), &day))
            return false;
        e->m_lastDayOfWeek = day;
        return true;
    }
    if (const qsizetype hash = text.indexOf(QLatin1Char('#')); hash >= 0) {
        int day = 0;
        if (!parseValue(f, text, text.left(hash), &day))
            return false;
        bool ok = false;
        const int nth = text.mid(hash + 1).toInt(&ok);
        if (!ok || nth < 1 || nth > 5)
            return fail(f, text, QStringLiteral("needs a week number 1-5 after '#'"));
        e->m_nthDayOfWeek = day;
        e->m_nth = nth;
        return true;
    }
    static const QRegularExpression weekdayRe(QStringLiteral("^\\d+W$"));
    if (weekdayRe.match(text).hasMatch())
        return fail(f, text, QStringLiteral("'W' is allowed only in day-of-month"));
    return parseList(f, text, &e->m_daysOfWeek, 0);
}

std::optional<CronExpression> CronParser::parse(const QString &text)
{
    static const Field expressionField { "expression", 0, 0, nullptr };
    static const Field seconds { "seconds", 0, 59, nullptr };
    static const Field minutes { "minutes", 0, 59, nullptr };
    static const Field hours { "hours", 0, 23, nullptr };
    static const Field months { "month", 1, 12, &monthNames };
    static const Field years { "year", MinYear, MaxYear, nullptr };

    const QStringList fields = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() < 6 || fields.size() > 7) {
        fail(expressionField, text,
             QStringLiteral("has %1 fields; a Quartz expression has 6 or 7: seconds minutes hours day-of-month "
                            "month day-of-week [year]")
                 .arg(fields.size()));
        return std::nullopt;
    }
    CronExpression e;
    e.m_text = fields.join(QLatin1Char(' '));
    if (!parseList(seconds, fields[0], &e.m_seconds, 0) || !parseList(minutes, fields[1], &e.m_minutes, 0)
        || !parseList(hours, fields[2], &e.m_hours, 0) || !parseDayOfMonth(fields[3], &e)
        || !parseList(months, fields[4], &e.m_months, 0) || !parseDayOfWeek(fields[5], &e))
        return std::nullopt;
    if (fields.size() == 7) {
        if (!parseList(years, fields[6], &e.m_years, MinYear))
            return std::nullopt;
    } else {
        e.m_years.set();
    }
    const bool dayOfWeekGiven = fields[5] != QLatin1String("?");
    if (e.m_dayOfMonthGiven == dayOfWeekGiven) {
        static const Field dow { "day-of-week", 0, 0, nullptr };
        fail(dow, fields[5],
             e.m_dayOfMonthGiven
                 ? QStringLiteral("must be '?' when day-of-month is given (Quartz needs exactly one of them)")
                 : QStringLiteral("and day-of-month are both '?': give one of them"));
        return std::nullopt;
    }
    return e;
}

std::optional<CronExpression> CronExpression::parse(const QString &expression, CronError *error)
{
    return CronParser(error).parse(expression);
}

bool CronExpression::matchesMonthAndYear(QDate date) const
{
    const int y = date.year();
    return y >= MinYear && y <= MaxYear && m_years.test(std::size_t(y - MinYear))
        && m_months.test(std::size_t(date.month()));
}

bool CronExpression::matchesDay(QDate date) const
{
    if (m_dayOfMonthGiven) {
        const int last = date.daysInMonth();
        if (m_daysOfMonth.test(std::size_t(date.day())))
            return true;
        if (m_lastDayOfMonth && date.day() == last - m_lastDayOffset)
            return true;
        if (m_lastWeekday && date == lastWeekdayOfMonth(date.year(), date.month()))
            return true;
        if (m_nearestWeekdayTo > 0 && m_nearestWeekdayTo <= last
            && date == nearestWeekday(date.year(), date.month(), m_nearestWeekdayTo))
            return true;
        return false;
    }
    const int dow = quartzDayOfWeek(date);
    if (m_daysOfWeek.test(std::size_t(dow)))
        return true;
    if (m_lastDayOfWeek == dow && date.addDays(7).month() != date.month())
        return true;
    if (m_nthDayOfWeek == dow && (date.day() - 1) / 7 + 1 == m_nth)
        return true;
    return false;
}

bool CronExpression::matchesDate(QDate date) const
{
    return matchesMonthAndYear(date) && matchesDay(date);
}

QDateTime CronExpression::nextFireAfter(const QDateTime &after, const QTimeZone &zone, bool *shiftedByDst) const
{
    const auto resolve = QDateTime::TransitionResolution::RelativeToBefore;
    QDate day = after.toTimeZone(zone).date().addDays(-1); // a DST shift can move a fire time across midnight
    const QDate end(MaxYear, 12, 31);
    while (day <= end) {
        if (!m_years.test(std::size_t(std::max(day.year(), MinYear) - MinYear)) || day.year() < MinYear) {
            day = QDate(day.year() + 1, 1, 1);
            continue;
        }
        if (!m_months.test(std::size_t(day.month()))) {
            day = QDate(day.year(), day.month(), 1).addMonths(1);
            continue;
        }
        if (matchesDay(day)) {
            for (int h = 0; h < 24; ++h) {
                if (!m_hours.test(std::size_t(h)))
                    continue;
                if (QDateTime(day, QTime(h, 59, 59), zone, resolve) <= after)
                    continue;
                for (int m = 0; m < 60; ++m) {
                    if (!m_minutes.test(std::size_t(m)))
                        continue;
                    if (QDateTime(day, QTime(h, m, 59), zone, resolve) <= after)
                        continue;
                    for (int s = 0; s < 60; ++s) {
                        if (!m_seconds.test(std::size_t(s)))
                            continue;
                        const QDateTime candidate(day, QTime(h, m, s), zone, resolve);
                        if (candidate > after) {
                            if (shiftedByDst)
                                *shiftedByDst = candidate.time() != QTime(h, m, s);
                            return candidate;
                        }
                    }
                }
            }
        }
        day = day.addDays(1);
    }
    return {};
}

} // namespace Flotilla
