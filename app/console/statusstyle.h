#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QString>

namespace Flotilla {

// How a status looks wherever the console shows one: a translated label, a colour that reads on light and
// dark palettes, and an icon whose shape differs per status (not colour alone: colour-blind operators).
class StatusStyle
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::StatusStyle)
public:
    static QString targetLabel(const QString &updateStatus);
    static QString targetDescription(const QString &updateStatus);
    static QColor targetColor(const QString &updateStatus);
    static QIcon targetIcon(const QString &updateStatus);

    static QString actionLabel(const QString &status);
    static QColor actionColor(const QString &status);
    static QIcon actionIcon(const QString &status);

    static QString rolloutLabel(const QString &status);

    // "just now", "5 min ago", "3 h ago", "2 days ago" — the tooltip carries the exact time.
    static QString relativeTime(const QDateTime &at, const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Flotilla
