#pragma once

// --clock-rate of flotillad and flotilla-sim (simulations only): how many times faster than the wall clock the
// server's clock runs (engine/clock.h, ScaledClock). Both programs take the same range.
#include <QString>

#include <optional>

namespace Flotilla {

inline constexpr double MinClockRate = 1;
inline constexpr double MaxClockRate = 1000;

// The rate, or nullopt when `value` is not a number from MinClockRate to MaxClockRate.
inline std::optional<double> parseClockRate(const QString &value)
{
    bool ok = false;
    const double rate = value.toDouble(&ok);
    if (!ok || rate < MinClockRate || rate > MaxClockRate)
        return std::nullopt;
    return rate;
}

} // namespace Flotilla
