#pragma once

#include <QMutex>

namespace Flotilla {

// How many unknown targets DDI may register per minute (ddi/registrationsPerMinute): a token bucket holding one
// minute's worth, shared by every HTTP thread of the process, so a leaked gateway token (or open anonymous DDI)
// cannot fill the database with made-up devices faster than that. Time comes from the caller in milliseconds
// (monotonic), so the counting is tested without waiting. Thread-safe.
class RegistrationBudget
{
public:
    explicit RegistrationBudget(double perMinute);

    struct Decision
    {
        bool allowed = true;
        int retryAfterSecs = 0; // when refused: whole seconds until one more registration is allowed (at least 1)
        bool firstRefusal = false; // refused, and the first since one was allowed: the one worth a log line
    };
    // Takes one registration if the budget has one.
    Decision take(qint64 nowMs);
    double perMinute() const { return m_perMinute; }

private:
    QMutex m_lock;
    const double m_perMinute;
    const double m_capacity;
    double m_tokens;
    qint64 m_lastMs = -1;
    bool m_refusing = false;
};

} // namespace Flotilla
