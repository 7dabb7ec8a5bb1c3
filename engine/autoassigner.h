#pragma once

#include "deploymentservice.h"

#include <QObject>
#include <QTimer>

namespace Flotilla {

// hawkBit's auto-assignment, on the thread of its store: on every tick, each target filter with an
// auto-assigned set assigns it to the targets the filter matches now that never had an action for that set
// (so a target that failed or was cancelled is not tried again, and one the operator moved on stays moved).
// Targets the set does not fit (target type) are skipped and logged; at most the tenant's assignment quota
// per filter and tick.
class AutoAssigner : public QObject
{
    Q_OBJECT
public:
    AutoAssigner(Store &store, DeploymentService &deployment, QObject *parent = nullptr);

    void start(int intervalMs = DefaultIntervalMs);
    static constexpr int DefaultIntervalMs = 2000; // hawkBit's auto-assign scheduler default

    // One pass over the filters; returns how many actions it created.
    int tick();

private:
    Store &m_store;
    DeploymentService &m_deployment;
    QTimer m_timer;
};

} // namespace Flotilla
