#pragma once

#include <QCoreApplication>
#include <QString>

namespace Flotilla {

// The one table of what states are called on screen, translated, as the Management API names them ("in_sync",
// "wait_for_confirmation", "download", ...): the console's tables and the QML timeline (TimelineStyle) both read
// it, beside StatusPalette's colours. A state it does not know is shown as the API spells it.
class StatusLabels
{
    Q_DECLARE_TR_FUNCTIONS(Flotilla::StatusLabels)
public:
    // A target's updateStatus, and a sentence saying what it means.
    static QString target(const QString &updateStatus);
    static QString targetDescription(const QString &updateStatus);
    // An action's status or one of its history entries' statuses.
    static QString action(const QString &status);
    // A rollout's or a rollout group's status.
    static QString rollout(const QString &status);
};

} // namespace Flotilla
