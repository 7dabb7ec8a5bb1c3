#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace Flotilla {

// The engine's only source of "now". Production code uses SystemClock; tests inject a ManualClock so they can
// run through maintenance windows, force times and rollout schedules without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // always UTC
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

// Time that runs `rate` times faster than the wall clock, from the wall-clock time it was made at: a simulation
// (flotillad and flotilla-sim with --clock-rate) plays an hour of rollout in six minutes at rate 10, with every
// interval the server hands out (poll sleep, maintenance windows, rollout schedules) in its own, virtual, seconds.
class ScaledClock final : public Clock
{
public:
    explicit ScaledClock(double rate);
    QDateTime now() const override;
    double rate() const { return m_rate; }

private:
    QDateTime m_start;
    QElapsedTimer m_elapsed;
    double m_rate;
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start);
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &t);
    void advance(qint64 msecs);

private:
    QDateTime m_now;
};

} // namespace Flotilla
