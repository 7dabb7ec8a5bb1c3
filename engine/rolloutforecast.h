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
};

} // namespace Flotilla
