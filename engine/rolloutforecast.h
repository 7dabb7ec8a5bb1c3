#pragma once

#include "engine/rolloutservice.h"

#include <QMap>

namespace Flotilla {

// A device as the forecast plays it: its target (and attributes, for the rollout's filters), when it polls, how
// long its download and install take and whether it fails.
struct SimulatedDevice
{
    Target target;
    QMap<QString, QString> attributes;
    qint64 pollSecs = 300; // its polling interval
    qint64 firstPollSecs = 0; // after the forecast's start: where it is in its interval
    qint64 installSecs = 120; // from the poll that sees the action to its final feedback
    bool fails = false;
};

// What the forecast assumes of a fleet, from what the server has seen of it.
struct FleetBehaviour
{
    qint64 pollSecs = 300; // the tenant's polling time
    qint64 overdueSecs = 300; // a device silent for longer than pollSecs + this is assumed not to poll
    qint64 installSecs = 120; // from a device's first report on an action to its last
    double failureRate = 0.0; // the share of actions that end in error
};

struct GroupForecast
{
    QString name;
    int targets = 0;
    QDateTime started; // invalid: never within the horizon
    QDateTime ended; // finished or in error; invalid: not within the horizon
    int finished = 0;
    int failed = 0;
};

struct RolloutForecastResult
{
    QString error; // non-empty: the rollout could not be made (bad filter, no targets, ...)
    QList<GroupForecast> groups;
    RolloutState state = RolloutState::Creating; // where it ends: finished, paused (and why: pausedAt), running
    QString pausedAt; // the group whose threshold paused it
    QDateTime end; // when it stopped moving (finished or paused), or the horizon
    qint64 bytes = 0; // what the devices download
};

// What a rollout will do and when, before it is started: the engine's own RolloutService and DeploymentService
// run it on an in-memory copy of the fleet (MemoryStore) under a virtual clock, with devices that poll, install
// and report as described. Deterministic; seconds for 100,000 devices, as nothing waits.
class RolloutForecast
{
public:
    // request.rollout.distributionSetId is ignored: the forecast makes its own set. artifactBytes: per device.
    static RolloutForecastResult run(const RolloutRequest &request, const QList<SimulatedDevice> &devices,
                                     qint64 artifactBytes, const QDateTime &start, qint64 horizonSecs = 7 * 86400);

    // The devices behind targets as the server knows them at `now`: each polls every pollSecs, next when its last
    // poll says; one not seen within pollSecs + overdueSecs (or never) does not poll at all (*silent counts them);
    // the failureRate share of them fail, always the same ones (chosen by a hash of the controller id).
    static QList<SimulatedDevice> devicesFor(const QList<Target> &targets,
                                             const QHash<qint64, QMap<QString, QString>> &attributes,
                                             const FleetBehaviour &fleet, const QDateTime &now, int *silent = nullptr);
    // The first poll of a device that never polls.
    static constexpr qint64 NeverSecs = qint64(100) * 365 * 86400;
};

} // namespace Flotilla
