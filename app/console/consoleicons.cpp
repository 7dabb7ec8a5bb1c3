#include "app/console/consoleicons.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
QPixmap render(const QByteArray &svg, const QColor &colour, int size, qreal dpr)
{
    QByteArray coloured = svg;
    coloured.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(coloured);
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    return pixmap;
}
} // namespace

QStringList ConsoleIcons::pageNames()
{
    return { u"welcome"_s,  u"overview"_s, u"targets"_s,   u"software"_s,
             u"rollouts"_s, u"consent"_s,  u"manifests"_s, u"settings"_s };
}

QIcon ConsoleIcons::page(const QString &name, const QPalette &palette)
{
    QFile file(u":/flotilla/icons/page-%1.svg"_s.arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    QIcon icon;
    for (const int size : { 16, 22, 24, 32, 48 }) {
        for (const qreal dpr : { 1.0, 2.0 }) {
            icon.addPixmap(render(svg, palette.color(QPalette::WindowText), size, dpr), QIcon::Normal);
            icon.addPixmap(render(svg, palette.color(QPalette::HighlightedText), size, dpr), QIcon::Selected);
            icon.addPixmap(render(svg, palette.color(QPalette::Disabled, QPalette::WindowText), size, dpr),
                           QIcon::Disabled);
        }
    }
    return icon;
}

} // namespace Flotilla
