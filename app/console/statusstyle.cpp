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

QString StatusStyle::targetLabel(const QString &s)
{
    if (s == u"in_sync"_s)
        return tr("In sync");
    if (s == u"pending"_s)
        return tr("Pending");
    if (s == u"error"_s)
        return tr("Error");
    if (s == u"registered"_s)
        return tr("Registered");
    return tr("Unknown");
}

QString StatusStyle::targetDescription(const QString &s)
{
    if (s == u"in_sync"_s)
        return tr("Runs the software assigned to it");
    if (s == u"pending"_s)
        return tr("An update is on its way");
    if (s == u"error"_s)
        return tr("Its last update failed");
    if (s == u"registered"_s)
        return tr("Has polled, nothing assigned yet");
    return tr("Created here; has never polled");
}

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

QString StatusStyle::actionLabel(const QString &s)
{
    static const QHash<QString, const char *> labels {
        { u"scheduled"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Scheduled") },
        { u"wait_for_confirmation"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Waiting for confirmation") },
        { u"running"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Running") },
        { u"retrieved"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Retrieved") },
        { u"download"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Downloading") },
        { u"downloaded"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Downloaded") },
        { u"warning"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Warning") },
        { u"canceling"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Canceling") },
        { u"canceled"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Canceled") },
        { u"canceled_rejected"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Cancel rejected") },
        { u"finished"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Finished") },
        { u"error"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Error") },
        { u"denied"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Denied by the device") },
        { u"confirmed"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Confirmed") },
    };
    const char *label = labels.value(s.toLower());
    return label ? tr(label) : s;
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

QString StatusStyle::rolloutLabel(const QString &s)
{
    static const QHash<QString, const char *> labels {
        { u"creating"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Creating") },
        { u"waiting_for_approval"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Waiting for approval") },
        { u"approval_denied"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Approval denied") },
        { u"ready"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Ready") },
        { u"starting"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Starting") },
        { u"running"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Running") },
        { u"paused"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Paused") },
        { u"stopping"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Stopping") },
        { u"stopped"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Stopped") },
        { u"finished"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Finished") },
        { u"deleting"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Deleting") },
        // a group's own states besides those
        { u"scheduled"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Scheduled") },
        { u"error"_s, QT_TRANSLATE_NOOP("Flotilla::StatusStyle", "Error") },
    };
    const char *label = labels.value(s.toLower());
    return label ? tr(label) : s;
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
