#include "engine/rolloutforecast.h"
#include "engine/clock.h"
#include "engine/deploymentservice.h"
#include "engine/memorystore.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutForecastResult RolloutForecast::run(const RolloutRequest &request, const QList<SimulatedDevice> &devices,
                                           qint64 artifactBytes, const QDateTime &start, qint64 horizonSecs)
{
    RolloutForecastResult result;
    MemoryStore store;
    ManualClock clock(start);
    DeploymentService deployment(store.stores(), clock);
    RolloutService rollouts(store.stores(), deployment, clock);

    QHash<qint64, const SimulatedDevice *> deviceOf;
    for (const SimulatedDevice &d : devices) {
        const Result<qint64> id = store.insertTarget(d.target);
        Result<void> attributes;
        if (id && !d.attributes.isEmpty())
            attributes = store.setTargetAttributes(*id, d.attributes);
        if (!id || !attributes) {
            result.error = !id ? id.error().message : attributes.error().message;
            return result;
        }
        deviceOf.insert(*id, &d);
    }
    RolloutRequest req = request;
    const Result<qint64> set = store.insertDistributionSet({ 0, u"forecast"_s, u"1"_s, u"os"_s, false, false, {} });
    if (!set) {
        result.error = set.error().message;
        return result;
    }
    req.rollout.distributionSetId = *set;
    req.rollout.startAt = {};
    const Result<qint64> created = rollouts.create(req);
    if (!created) {
        result.error = created.error().message;
        return result;
    }
    const qint64 rolloutId = *created;
    if (store.rollout(rolloutId)->state == RolloutState::WaitingForApproval) {
        if (const Result<void> approved = rollouts.approve(rolloutId); !approved) {
            result.error = approved.error().message;
            return result;
        }
    }
    if (const Result<void> started = rollouts.start(rolloutId); !started) {
        result.error = started.error().message;
        return result;
    }

    // Events in time order: a device's poll (done = false) or its final feedback (done = true). A device is
    // played from the moment its group starts, at its next poll: until then a poll finds nothing.
    std::multimap<qint64, std::pair<qint64, bool>> events;
    QHash<qint64, QDateTime> started, ended;
    auto observe = [&](const QDateTime &now) {
        const qint64 nowMs = start.msecsTo(now);
        for (const RolloutGroup &g : *store.rolloutGroups(rolloutId)) {
            if (g.state != RolloutGroupState::Scheduled && g.state != RolloutGroupState::Ready
                && g.state != RolloutGroupState::Creating && !started.contains(g.id)) {
                started.insert(g.id, now);
                for (qint64 t : *store.rolloutGroupTargets(g.id)) {
                    const SimulatedDevice &d = *deviceOf.value(t);
                    const qint64 period = std::max<qint64>(1, d.pollSecs) * 1000;
                    qint64 next = d.firstPollSecs * 1000;
                    if (next < nowMs)
                        next += (nowMs - next + period - 1) / period * period;
                    events.emplace(next, std::pair { t, false });
                }
            }
            if ((g.state == RolloutGroupState::Finished || g.state == RolloutGroupState::Error)
                && !ended.contains(g.id))
                ended.insert(g.id, now);
        }
    };
    observe(start);
    QSet<qint64> installing;
    const qint64 horizonMs = horizonSecs * 1000;
    QDateTime now = start;
    while (!events.empty()) {
        const auto first = events.begin();
        const qint64 at = first->first;
        const auto [targetId, done] = first->second;
        events.erase(first);
        if (at > horizonMs)
            break;
        now = start.addMSecs(at);
        clock.set(now);
        const SimulatedDevice &device = *deviceOf.value(targetId);
        const QList<Action> open = *store.openActions(targetId);
        const auto action
            = std::find_if(open.cbegin(), open.cend(), [](const Action &a) { return a.state == ActionState::Running; });
        if (done) {
            installing.remove(targetId);
            if (action != open.cend()) {
                const FeedbackResult r = deployment.feedback(
                    targetId, action->id, device.fails ? ActionEvent::ClosedFailure : ActionEvent::ClosedSuccess, {});
                if (const Result<void> evaluated = rollouts.handleFeedback(r); !evaluated) {
                    result.error = evaluated.error().message;
                    return result;
                }
            }
        } else if (action != open.cend() && !installing.contains(targetId)) {
            installing.insert(targetId);
            result.bytes += artifactBytes;
            events.emplace(at + device.installSecs * 1000, std::pair { targetId, true });
        }
        // A device that found nothing to install polls again.
        if (!done && !installing.contains(targetId))
            events.emplace(at + std::max<qint64>(1, device.pollSecs) * 1000, std::pair { targetId, false });
        observe(now);
        const RolloutState state = store.rollout(rolloutId)->state;
        if (state == RolloutState::Finished || state == RolloutState::Paused || state == RolloutState::Stopped)
            break;
    }
    const Rollout rollout = *store.rollout(rolloutId);
    result.state = rollout.state;
    result.end = events.empty() || rollout.state != RolloutState::Running ? now : start.addSecs(horizonSecs);
    for (const RolloutGroup &g : *store.rolloutGroups(rolloutId)) {
        const GroupCounts c = *store.rolloutGroupCounts(g.id);
        result.groups.append({ g.name, g.targetCount, started.value(g.id), ended.value(g.id), c.finished, c.error });
        if (rollout.state == RolloutState::Paused && g.state == RolloutGroupState::Error)
            result.pausedAt = g.name;
    }
    return result;
}

QList<SimulatedDevice> RolloutForecast::devicesFor(const QList<Target> &targets,
                                                   const QHash<qint64, QMap<QString, QString>> &attributes,
                                                   const FleetBehaviour &fleet, const QDateTime &now, int *silent)
{
    QList<SimulatedDevice> devices;
    devices.reserve(targets.size());
    const qint64 poll = std::max<qint64>(1, fleet.pollSecs);
    int quiet = 0;
    QList<std::pair<quint32, qsizetype>> byHash;
    byHash.reserve(targets.size());
    for (const Target &t : targets) {
        SimulatedDevice d;
        d.target = t;
        d.attributes = attributes.value(t.id);
        d.pollSecs = poll;
        d.installSecs = std::max<qint64>(1, fleet.installSecs);
        const qint64 since = t.lastPoll.isValid() ? t.lastPoll.secsTo(now) : -1;
        if (since < 0 && t.lastPoll.isValid()) {
            d.firstPollSecs = 0; // a poll "in the future" (clock skew): as good as now
        } else if (since < 0 || since > poll + std::max<qint64>(0, fleet.overdueSecs)) {
            d.firstPollSecs = NeverSecs;
            ++quiet;
        } else {
            // On its rhythm: the next of lastPoll + k × poll. The stored last poll may be a few polls old (the
            // server writes polls that only move the time in batches), which the rhythm absorbs.
            d.firstPollSecs = since % poll == 0 && since > 0 ? 0 : poll - since % poll;
        }
        const QByteArray digest = QCryptographicHash::hash(t.controllerId.toUtf8(), QCryptographicHash::Sha1);
        byHash.append({ (quint32(quint8(digest[0])) << 24) | (quint32(quint8(digest[1])) << 16)
                            | (quint32(quint8(digest[2])) << 8) | quint32(quint8(digest[3])),
                        devices.size() });
        devices << d;
    }
    // Exactly the failure rate's share fails: the devices with the lowest hashes.
    const auto failing = qsizetype(std::llround(std::clamp(fleet.failureRate, 0.0, 1.0) * double(devices.size())));
    std::sort(byHash.begin(), byHash.end());
    for (qsizetype i = 0; i < failing; ++i)
        devices[byHash.at(i).second].fails = true;
    if (silent)
        *silent = quiet;
    return devices;
}

} // namespace Flotilla
