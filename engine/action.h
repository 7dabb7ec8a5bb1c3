#pragma once

#include "maintenanceschedule.h"

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace Flotilla {

// The states an action is in (Bosch IoT Rollouts' and hawkBit's action states). Closed: CANCELED, FINISHED, ERROR,
// DOWNLOADED.
enum class ActionState : quint8 {
    Scheduled,
    WaitForConfirmation,
    Running,
    Canceling,
    Canceled,
    Finished,
    Error,
    Downloaded, // a download-only action whose download is done
};

// What goes into an action's status history: every action state plus the intermediate feedback that changes
// no state (RETRIEVED, DOWNLOAD, DOWNLOADED of a normal action, WARNING, CANCEL_REJECTED). Names as hawkBit's
// Action.Status, which the DDI actionHistory and the Management API show.
enum class HistoryStatus : quint8 {
    Finished,
    Error,
    Warning,
    Running,
    Canceled,
    Canceling,
    Retrieved,
    Download,
    Scheduled,
    CancelRejected,
    Downloaded,
    WaitForConfirmation,
};

enum class ActionType : quint8 { Forced, Soft, DownloadOnly, TimeForced };

bool isClosed(ActionState state);
QString nameOf(ActionState state);
QString nameOf(HistoryStatus status);
QString nameOf(ActionType type); // "forced", "soft", "downloadonly", "timeforced" as the Management API spells them
std::optional<ActionState> actionStateFromString(QStringView name);
std::optional<HistoryStatus> historyStatusFromString(QStringView name);
std::optional<ActionType> actionTypeFromString(QStringView name);

constexpr int MinWeight = 0;
constexpr int MaxWeight = 1000;
constexpr int DefaultWeight = 1000;

struct ActionStatusEntry
{
    QDateTime at;
    HistoryStatus status = HistoryStatus::Running;
    QStringList messages;
    std::optional<int> code;
};

// An action at rest: a plain value, as the store keeps it.
struct Action
{
    qint64 id = 0;
    qint64 targetId = 0;
    qint64 distributionSetId = 0;
    ActionType type = ActionType::Forced;
    QDateTime forceTime; // for TimeForced: soft until then, forced after
    int weight = DefaultWeight;
    std::optional<MaintenanceSchedule> maintenanceWindow;
    bool confirmationRequired = false;
    ActionState state = ActionState::Running;
    QDateTime createdAt;
    QDateTime lastModifiedAt;
    qint64 rolloutId = 0;
    qint64 rolloutGroupId = 0;
    QString initiator;

    bool isActive() const { return !isClosed(state); }
    // TimeForced counts as forced once its force time has passed.
    bool isForcedAt(const QDateTime &now) const;
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::ActionState)
Q_DECLARE_METATYPE(Flotilla::HistoryStatus)
