#pragma once

#include <QDateTime>

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
