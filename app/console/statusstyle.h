#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QString>

namespace Flotilla {

// How a status looks wherever the console's widgets show one: a colour that reads on light and dark palettes
// (StatusPalette) and an icon whose shape differs per status (not colour alone: colour-blind operators). Its name
// on screen comes from StatusLabels (qml/style), which the QML timeline uses too.
class StatusStyle
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::StatusStyle)
public:
    static QColor targetColor(const QString &updateStatus);
    static QIcon targetIcon(const QString &updateStatus);

    static QColor actionColor(const QString &status);
    static QIcon actionIcon(const QString &status);

    // "just now", "5 min ago", "3 h ago", "2 days ago" — the tooltip carries the exact time.
    static QString relativeTime(const QDateTime &at, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Flotilla
