#pragma once

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QString>

namespace Flotilla {

// How a status looks wherever the console shows one: a translated label, a colour that reads on light and
// dark palettes, and an icon whose shape differs per status (not colour alone: colour-blind operators).
namespace StatusStyle {
QString targetLabel(const QString &updateStatus);
QString targetDescription(const QString &updateStatus);
QColor targetColor(const QString &updateStatus);
QIcon targetIcon(const QString &updateStatus);

QString actionLabel(const QString &status);
QColor actionColor(const QString &status);
QIcon actionIcon(const QString &status);

QString rolloutLabel(const QString &status);

// "just now", "5 min ago", "3 h ago", "2 days ago" — the tooltip carries the exact time.
QString relativeTime(const QDateTime &at, const QDateTime &now = QDateTime::currentDateTimeUtc());
} // namespace StatusStyle

} // namespace Flotilla
