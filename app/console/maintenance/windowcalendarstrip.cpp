#include "app/console/maintenance/windowcalendarstrip.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
constexpr int HeaderHeight = 34;
constexpr int TimeAxisWidth = 36;
} // namespace

WindowCalendarStrip::WindowCalendarStrip(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Maintenance windows in the calendar"));
    setMouseTracking(true);
}

void WindowCalendarStrip::setWindows(const QList<WindowPreviewEntry> &windows, const QTimeZone &zone)
{
    m_windows = windows;
    m_zone = zone;
    update();
}

void WindowCalendarStrip::setFirstDay(QDate day)
{
    m_first = day;
    update();
}

void WindowCalendarStrip::setDays(int days)
{
    m_days = std::clamp(days, 1, 31);
    update();
}

int WindowCalendarStrip::windowMinutesOn(QDate date) const
{
    if (!m_zone.isValid())
        return 0;
    const QDateTime dayStart(date, QTime(0, 0), m_zone);
    const QDateTime dayEnd(date.addDays(1), QTime(0, 0), m_zone);
    qint64 secs = 0;
    for (const WindowPreviewEntry &w : m_windows) {
        const QDateTime from = std::max(w.start, dayStart);
        const QDateTime to = std::min(w.end, dayEnd);
        if (from < to)
            secs += from.secsTo(to);
    }
    return int(secs / 60);
}

QSize WindowCalendarStrip::sizeHint() const
{
    return { 560, 200 };
}

QSize WindowCalendarStrip::minimumSizeHint() const
{
    return { 300, 140 };
}

QRectF WindowCalendarStrip::dayRect(int index) const
{
    const qreal w = qreal(width() - TimeAxisWidth - 1) / m_days;
    return { TimeAxisWidth + index * w, qreal(HeaderHeight), w, qreal(height() - HeaderHeight - 1) };
}

void WindowCalendarStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QColor windowColour = pal.color(QPalette::Highlight);
    const QColor dstColour(0xe6, 0x8a, 0x00);
    const QLocale locale;
    p.setPen(pal.color(QPalette::Text));
    // Hours on the left.
    const QRectF first = dayRect(0);
    for (int h = 0; h <= 24; h += 6) {
        const qreal y = first.top() + first.height() * h / 24.0;
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(0, y - 8, TimeAxisWidth - 4, 16), Qt::AlignRight | Qt::AlignVCenter,
                   u"%1"_s.arg(h, 2, 10, QLatin1Char('0')));
    }
    for (int i = 0; i < m_days; ++i) {
        const QDate date = m_first.addDays(i);
        const QRectF r = dayRect(i);
        const bool weekend = date.dayOfWeek() >= 6;
        p.fillRect(r, weekend ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
        // Windows: the parts of each that fall on this day, by wall-clock time in the zone.
        if (m_zone.isValid()) {
            const QDateTime dayStart(date, QTime(0, 0), m_zone);
            const QDateTime dayEnd(date.addDays(1), QTime(0, 0), m_zone);
            const qreal daySecs = qreal(dayStart.secsTo(dayEnd));
            for (const WindowPreviewEntry &w : std::as_const(m_windows)) {
                const QDateTime from = std::max(w.start, dayStart);
                const QDateTime to = std::min(w.end, dayEnd);
                if (from >= to)
                    continue;
                const qreal top = r.top() + r.height() * dayStart.secsTo(from) / daySecs;
                const qreal bottom = r.top() + r.height() * dayStart.secsTo(to) / daySecs;
                QColor c = windowColour;
                c.setAlpha(170);
                p.fillRect(QRectF(r.left() + 2, top, r.width() - 4, std::max(2.0, bottom - top)), c);
            }
        }
        // Header: weekday and day; a marker on DST days.
        const bool dst = m_zone.isValid() && WindowPreview::isDstChangeDay(date, m_zone);
        const QRectF header(r.left(), 0, r.width(), HeaderHeight - 2);
        p.setPen(dst ? dstColour : pal.color(QPalette::Text));
        const QString label = m_days <= 7 ? locale.toString(date, u"ddd d"_s) : QString::number(date.day());
        p.drawText(header.adjusted(0, 0, 0, -12), Qt::AlignCenter, label);
        if (dst) {
            p.fillRect(QRectF(header.left() + 3, header.bottom() - 8, header.width() - 6, 5), dstColour);
        } else if (m_days > 7 && date.day() == 1) {
            p.drawText(header.adjusted(0, 14, 0, 0), Qt::AlignCenter, locale.toString(date, u"MMM"_s));
        }
        p.setPen(pal.color(QPalette::Mid));
        p.drawRect(r);
    }
}

bool WindowCalendarStrip::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(e);
        for (int i = 0; i < m_days; ++i) {
            const QRectF r = dayRect(i);
            if (help->pos().x() < r.left() || help->pos().x() >= r.right())
                continue;
            const QDate date = m_first.addDays(i);
            QStringList lines { QLocale().toString(date, QLocale::LongFormat) };
            for (const WindowPreviewEntry &w : std::as_const(m_windows)) {
                if (w.start.date() == date)
                    lines << tr("Window %1–%2")
                                 .arg(QLocale().toString(w.start.time(), QLocale::ShortFormat),
                                      QLocale().toString(w.end.time(), QLocale::ShortFormat))
                          << w.note;
            }
            if (m_zone.isValid() && WindowPreview::isDstChangeDay(date, m_zone))
                lines << tr("The clocks change this day.");
            lines.removeAll(QString());
            QToolTip::showText(help->globalPos(), lines.join(u'\n'), this);
            return true;
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

} // namespace Flotilla
