#pragma once

#include "engine/rolloutservice.h"

#include <QObject>
#include <QTimer>

namespace Flotilla {

// Drives rollouts in time, on the thread of its store: starts READY rollouts whose start time has come,
// re-evaluates running ones (thresholds also move without device feedback, e.g. when an operator cancels) and
// extends dynamic ones with the targets that match their filter since the last tick.
class RolloutScheduler : public QObject
{
    Q_OBJECT
public:
    RolloutScheduler(const Stores &stores, RolloutService &rollouts, const Clock &clock, QObject *parent = nullptr);

    void start(int intervalMs = DefaultIntervalMs);
    void stop() { m_timer.stop(); }
    bool isRunning() const { return m_timer.isActive(); }
    static constexpr int DefaultIntervalMs = 5000;

    // One pass over the rollouts; returns how many changed state.
    int tick();

private:
    StoreSession &m_session;
    RolloutStore &m_store;
    RolloutService &m_rollouts;
    const Clock &m_clock;
    QTimer m_timer;
};

} // namespace Flotilla
