#pragma once

#include <QtGlobal>

#include <chrono>

namespace Flotilla {

// One monotonic clock in milliseconds for what the HTTP threads count in time (registrations, poll events,
// connection timeouts).
inline qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace Flotilla
