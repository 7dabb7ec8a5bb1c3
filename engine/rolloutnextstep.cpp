#include "engine/rolloutnextstep.h"

#include <QMetaEnum>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
int percentOf(int part, int total)
{
    return total > 0 ? int(qint64(part) * 100 / total) : 100;
}
} // namespace

QString RolloutNextStep::nameOf(Kind kind)
{
    QString key = QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(int(kind)));
    if (!key.isEmpty())
        key[0] = key.at(0).toLower();
    return key;
}

RolloutNextStep RolloutNextStep::of(const Rollout &rollout, const QList<RolloutGroup> &groups,
                                    const QList<GroupCounts> &counts)
{
    RolloutNextStep step;
    using K = Kind;
    switch (rollout.state) {
    case RolloutState::Creating:
        step.kind = K::Creating;
        return step;
    case RolloutState::WaitingForApproval:
        step.kind = K::WaitForApproval;
        return step;
    case RolloutState::Ready:
        step.kind = K::WaitForStart;
        step.group = groups.isEmpty() ? QString() : groups.first().name;
        step.at = rollout.startAt;
        return step;
    case RolloutState::Stopping:
        step.kind = K::Stopping;
        return step;
    case RolloutState::ApprovalDenied:
    case RolloutState::Stopped:
    case RolloutState::Finished:
        return step;
    case RolloutState::Starting:
    case RolloutState::Running:
    case RolloutState::Paused:
        break;
    }

    // A group over its error threshold pauses the rollout (RolloutService::evaluateLocked).
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const RolloutGroup &g = groups.at(i);
        if (g.state == RolloutGroupState::Error && rollout.state == RolloutState::Paused) {
            const GroupCounts c = counts.value(i);
            step.kind = K::PausedOnError;
            step.group = g.name;
            step.threshold = g.conditions.errorThresholdPercent;
            step.progress = percentOf(c.error, c.total);
            return step;
        }
    }
    // The last started group and the first one still scheduled, as the service finds them.
    qsizetype last = -1;
    qsizetype next = -1;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        if (groups.at(i).state == RolloutGroupState::Scheduled || groups.at(i).state == RolloutGroupState::Ready
            || groups.at(i).state == RolloutGroupState::Creating) {
            next = i;
            break;
        }
        last = i;
    }
    if (next < 0) {
        if (rollout.state == RolloutState::Paused) {
            step.kind = K::Paused;
            return step;
        }
        const bool allDone = std::all_of(groups.cbegin(), groups.cend(), [](const RolloutGroup &g) {
            return g.state == RolloutGroupState::Finished || g.state == RolloutGroupState::Error;
        });
        step.kind = allDone && rollout.dynamic ? K::WaitForTargets : K::FinishGroups;
        for (const RolloutGroup &g : groups) {
            if (g.state == RolloutGroupState::Running)
                step.group = g.name;
        }
        return step;
    }
    step.group = groups.at(next).name;
    if (last < 0) {
        step.kind = rollout.state == RolloutState::Paused ? K::Paused : K::StartGroup;
        step.threshold = 0;
        step.progress = 100;
        return step;
    }
    const RolloutGroup &before = groups.at(last);
    const GroupCounts c = counts.value(last);
    step.after = before.name;
    step.threshold = before.conditions.successThresholdPercent;
    step.progress = percentOf(c.finished, c.total);
    if (rollout.state == RolloutState::Paused) {
        step.kind = successReached(c, before.conditions) && before.conditions.successAction == SuccessAction::Pause
            ? K::PausedOnSuccess
            : K::Paused;
        return step;
    }
    step.kind = K::StartGroup;
    return step;
}

} // namespace Flotilla
