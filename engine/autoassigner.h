#pragma once

#include "engine/clock.h"
#include "engine/deploymentservice.h"

#include <QObject>
#include <QTimer>

namespace Flotilla {

// hawkBit's auto-assignment, on the thread of its store: on every tick, each target filter with an
// auto-assigned set, and each running auto-assignment (/autoassignments), assigns the set to the targets its
// query matches now that never had an action for that set (so a target that failed or was cancelled is not
// tried again, and one the operator moved on stays moved). A ready auto-assignment starts running when its
// start time has come (at once without one), as hawkBit's scheduler starts it. Targets the set does not fit
// (target type) are skipped and logged; at most the tenant's assignment quota per query and tick.
class AutoAssigner : public QObject
{
    Q_OBJECT
public:
    AutoAssigner(const Stores &stores, DeploymentService &deployment, const Clock &clock, QObject *parent = nullptr);

    void start(int intervalMs = DefaultIntervalMs);
    void stop() { m_timer.stop(); }
    static constexpr int DefaultIntervalMs = 2000; // hawkBit's auto-assign scheduler default

    // One pass over the filters; returns how many actions it created.
    int tick();

private:
    int assignMatching(const QString &query, qint64 setId, const AssignmentRequest &request, const QString &who);

    StoreSession &m_session;
    ConfigurationStore &m_configuration;
    TargetStore &m_targets;
    TargetFilterStore &m_filters;
    ActionStore &m_actions;
    DeploymentService &m_deployment;
    const Clock &m_clock;
    QTimer m_timer;
};

} // namespace Flotilla
