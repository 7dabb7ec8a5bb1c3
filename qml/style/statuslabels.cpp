#include "qml/style/statuslabels.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Flotilla {

QString StatusLabels::target(const QString &s)
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

QString StatusLabels::targetDescription(const QString &s)
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

QString StatusLabels::action(const QString &s)
{
    static const QHash<QString, const char *> labels {
        { u"scheduled"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Scheduled") },
        { u"wait_for_confirmation"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Waiting for confirmation") },
        { u"running"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Running") },
        { u"retrieved"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Retrieved") },
        { u"download"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Downloading") },
        { u"downloaded"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Downloaded") },
        { u"warning"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Warning") },
        { u"canceling"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Canceling") },
        { u"canceled"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Canceled") },
        { u"canceled_rejected"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Cancel rejected") },
        { u"finished"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Finished") },
        { u"error"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Error") },
        { u"denied"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Denied by the device") },
        { u"confirmed"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Confirmed") },
    };
    const char *label = labels.value(s.toLower());
    return label ? tr(label) : s;
}

QString StatusLabels::rollout(const QString &s)
{
    static const QHash<QString, const char *> labels {
        { u"creating"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Creating") },
        { u"waiting_for_approval"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Waiting for approval") },
        { u"approval_denied"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Approval denied") },
        { u"ready"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Ready") },
        { u"starting"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Starting") },
        { u"running"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Running") },
        { u"paused"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Paused") },
        { u"stopping"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Stopping") },
        { u"stopped"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Stopped") },
        { u"finished"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Finished") },
        { u"deleting"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Deleting") },
        // a group's own states besides those
        { u"scheduled"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Scheduled") },
        { u"error"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Error") },
    };
    const char *label = labels.value(s.toLower());
    return label ? tr(label) : s;
}

} // namespace Flotilla
