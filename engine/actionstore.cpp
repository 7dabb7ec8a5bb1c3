#include "engine/actionstore.h"

#include "engine/targetstore.h"

namespace Flotilla {

Lookup<ActionWithHistorySize> ActionStore::actionWithHistorySize(qint64 id)
{
    Lookup<Action> read = action(id);
    if (read.failed())
        return read.error();
    if (read.absent())
        return std::nullopt;
    const Result<int> size = countStatus(id);
    if (!size)
        return size.error();
    return ActionWithHistorySize { std::move(*read), *size };
}

Lookup<DeviceTargetAndAction> ActionStore::deviceTargetAndAction(TargetStore &targets, const QString &controllerId,
                                                                 qint64 actionId)
{
    Lookup<DeviceTarget> target = targets.deviceTarget(controllerId);
    if (target.failed())
        return target.error();
    if (target.absent())
        return std::nullopt;
    Lookup<ActionWithHistorySize> action = actionWithHistorySize(actionId);
    if (action.failed())
        return action.error();
    DeviceTargetAndAction read { std::move(*target), std::move(action).optional() };
    if (read.action && read.action->action.targetId != read.target.id)
        read.action.reset();
    return read;
}

Lookup<DeviceTargetAndOpenActions> ActionStore::deviceTargetAndOpenActions(TargetStore &targets,
                                                                           const QString &controllerId)
{
    Lookup<DeviceTarget> target = targets.deviceTarget(controllerId);
    if (target.failed())
        return target.error();
    if (target.absent())
        return std::nullopt;
    Result<QList<Action>> open = openActionsForPoll(target->id);
    if (!open)
        return open.error();
    return DeviceTargetAndOpenActions { std::move(*target), std::move(open).value() };
}

Result<QHash<qint64, QList<Action>>> ActionStore::openActionsOfTargets(const QList<qint64> &targetIds)
{
    QHash<qint64, QList<Action>> open;
    for (qint64 id : targetIds) {
        Result<QList<Action>> actions = openActions(id);
        if (!actions)
            return actions.error();
        open.insert(id, std::move(*actions));
    }
    return open;
}

Result<QHash<qint64, int>> ActionStore::countActionsOfTargets(const QList<qint64> &targetIds)
{
    QHash<qint64, int> counts;
    for (qint64 id : targetIds) {
        const Result<int> count = countActions(id);
        if (!count)
            return count.error();
        counts.insert(id, *count);
    }
    return counts;
}

Result<QList<qint64>> ActionStore::insertActions(const QList<Action> &actions)
{
    QList<qint64> ids;
    ids.reserve(actions.size());
    for (const Action &a : actions) {
        const Result<qint64> id = insertAction(a);
        if (!id)
            return id.error();
        ids.append(*id);
    }
    return ids;
}

Result<void> ActionStore::appendStatuses(const QList<std::pair<qint64, ActionStatusEntry>> &entries)
{
    for (const auto &[actionId, entry] : entries) {
        if (Result<void> appended = appendStatus(actionId, entry); !appended)
            return appended;
    }
    return {};
}

} // namespace Flotilla
