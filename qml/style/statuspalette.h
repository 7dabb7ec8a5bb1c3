#pragma once

#include <QColor>
#include <QString>

namespace Flotilla {

// The one colour table for states, as the Management API names them ("in_sync", "wait_for_confirmation",
// "download", ...; any case). Each colour has a light and a dark tone; which one follows the application palette
// (a dark window background takes the dark tones). The console's widgets (StatusStyle) and the QML timeline
// (TimelineStyle) both read it.
class StatusPalette
{
public:
    enum class Tone : quint8 { FromPalette, Light, Dark };

    // A target's updateStatus.
    static QColor target(const QString &status, Tone tone = Tone::FromPalette);
    // An action's status or one of its history entries' statuses.
    static QColor action(const QString &status, Tone tone = Tone::FromPalette);
    // A rollout's or a rollout group's status.
    static QColor rollout(const QString &status, Tone tone = Tone::FromPalette);
};

} // namespace Flotilla
