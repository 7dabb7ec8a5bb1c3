#pragma once

#include "engine/maintenanceschedule.h"
#include "engine/vocabulary.h"

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace Flotilla {

bool isClosed(ActionState state);
QString nameOf(ActionState state); // "SCHEDULED", "WAIT_FOR_CONFIRMATION", ... (vocabulary.h)
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
