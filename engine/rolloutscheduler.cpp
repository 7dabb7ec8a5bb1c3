#include "engine/rolloutscheduler.h"

#include "engine/enginelogging.h"

namespace Flotilla {

RolloutScheduler::RolloutScheduler(const Stores &stores, RolloutService &rollouts, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(stores.session)
    , m_store(stores.rollouts)
    , m_rollouts(rollouts)
    , m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &RolloutScheduler::tick);
}

void RolloutScheduler::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

int RolloutScheduler::tick()
{
    m_session.releaseReads(); // what other connections committed since the last pass
    int changed = 0;
    const Result<QList<qint64>> ids = m_store.rolloutIdsInStates({ RolloutState::Ready, RolloutState::Running });
    if (!ids) {
        qCWarning(lcEngine).noquote() << "rollouts:" << ids.error().message;
        return 0;
    }
    for (qint64 id : *ids) {
        const Lookup<Rollout> before = m_store.rollout(id);
        if (before.failed())
            qCWarning(lcEngine).noquote() << "rollout" << id << ":" << before.error().message;
        if (!before.found())
            continue;
        Result<void> stepped;
        if (before->state == RolloutState::Ready) {
            if (before->startAt.isValid() && before->startAt <= m_clock.now()) {
                if (const Result<bool> started = m_rollouts.startIfDue(id); !started)
                    stepped = started.error();
            }
        } else {
            stepped = m_rollouts.extendDynamic(id);
            if (stepped)
                stepped = m_rollouts.evaluate(id);
        }
        if (!stepped)
            qCWarning(lcEngine).noquote() << "rollout" << before->name << ":" << stepped.error().message;
        const Lookup<Rollout> after = m_store.rollout(id);
        if (after.found() && after->state != before->state)
            ++changed;
    }
    return changed;
}

} // namespace Flotilla
