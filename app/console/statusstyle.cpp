#include "app/console/statusstyle.h"

#include "qml/style/statuspalette.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

enum class Shape { Check, Cross, Arrows, Question, Dot, Clock, Pause, Square };

QIcon badge(const QColor &color, Shape shape)
{
    static QHash<QString, QIcon> cache;
    const QString key = color.name() + QString::number(int(shape));
    if (const auto it = cache.constFind(key); it != cache.cend())
        return *it;
    QIcon icon;
    for (int size : { 16, 24, 32 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        const qreal m = size * 0.06;
        p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m));
        QPen pen(Qt::white, size * 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        const qreal s = size;
        switch (shape) {
        case Shape::Check:
            p.drawPolyline(QPolygonF { { s * .28, s * .52 }, { s * .44, s * .68 }, { s * .72, s * .34 } });
            break;
        case Shape::Cross:
            p.drawLine(QPointF(s * .33, s * .33), QPointF(s * .67, s * .67));
            p.drawLine(QPointF(s * .67, s * .33), QPointF(s * .33, s * .67));
            break;
        case Shape::Arrows: {
            QPainterPath path;
            path.arcMoveTo(QRectF(s * .28, s * .28, s * .44, s * .44), 30);
            path.arcTo(QRectF(s * .28, s * .28, s * .44, s * .44), 30, 280);
            p.drawPath(path);
            break;
        }
        case Shape::Question: {
            QFont f = p.font();
            f.setPixelSize(int(s * .7));
            f.setBold(true);
            p.setFont(f);
            p.drawText(QRectF(0, 0, s, s), Qt::AlignCenter, u"?"_s);
            break;
        }
        case Shape::Dot:
            p.setBrush(Qt::white);
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPointF(s / 2, s / 2), s * .14, s * .14);
            break;
        case Shape::Clock:
            p.drawLine(QPointF(s / 2, s / 2), QPointF(s / 2, s * .28));
            p.drawLine(QPointF(s / 2, s / 2), QPointF(s * .68, s / 2));
            break;
        case Shape::Pause:
            p.drawLine(QPointF(s * .4, s * .32), QPointF(s * .4, s * .68));
            p.drawLine(QPointF(s * .6, s * .32), QPointF(s * .6, s * .68));
            break;
        case Shape::Square:
            p.setBrush(Qt::white);
            p.setPen(Qt::NoPen);
            p.drawRect(QRectF(s * .34, s * .34, s * .32, s * .32));
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

} // namespace

QColor StatusStyle::targetColor(const QString &s)
{
    return StatusPalette::target(s);
}

QIcon StatusStyle::targetIcon(const QString &s)
{
    const QColor c = targetColor(s);
    if (s == u"in_sync"_s)
        return badge(c, Shape::Check);
    if (s == u"pending"_s)
        return badge(c, Shape::Arrows);
    if (s == u"error"_s)
        return badge(c, Shape::Cross);
    if (s == u"registered"_s)
        return badge(c, Shape::Dot);
    return badge(c, Shape::Question);
}

QColor StatusStyle::actionColor(const QString &s)
{
    return StatusPalette::action(s);
}

QIcon StatusStyle::actionIcon(const QString &s)
{
    const QColor c = actionColor(s);
    if (s == u"finished"_s)
        return badge(c, Shape::Check);
    if (s == u"error"_s)
        return badge(c, Shape::Cross);
    if (s == u"canceled"_s || s == u"canceling"_s)
        return badge(c, Shape::Square);
    if (s == u"wait_for_confirmation"_s || s == u"scheduled"_s)
        return badge(c, Shape::Clock);
    if (s == u"warning"_s || s == u"denied"_s || s == u"canceled_rejected"_s)
        return badge(c, Shape::Pause);
    return badge(c, Shape::Arrows);
}

QString StatusStyle::relativeTime(const QDateTime &at, const QDateTime &now)
{
    const qint64 secs = at.secsTo(now);
    if (secs < 60)
        return tr("just now");
    if (secs < 3600)
        return tr("%n min ago", nullptr, int(secs / 60));
    if (secs < 86400)
        return tr("%n h ago", nullptr, int(secs / 3600));
    return tr("%n day(s) ago", nullptr, int(secs / 86400));
}

} // namespace Flotilla
