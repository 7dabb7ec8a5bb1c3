#include "qml/style/statuslabels.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Flotilla {

QString StatusLabels::target(const QString &s)
{
    static const QHash<QString, const char *> labels {
        { u"in_sync"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "In sync") },
        { u"pending"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Pending") },
        { u"error"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Error") },
        { u"registered"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Registered") },
    };
    return tr(labels.value(s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Unknown")));
}

QString StatusLabels::targetDescription(const QString &s)
{
    static const QHash<QString, const char *> descriptions {
        { u"in_sync"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Runs the software assigned to it") },
        { u"pending"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "An update is on its way") },
        { u"error"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Its last update failed") },
        { u"registered"_s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Has polled, nothing assigned yet") },
    };
    return tr(descriptions.value(s, QT_TRANSLATE_NOOP("Flotilla::StatusLabels", "Created here; has never polled")));
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
