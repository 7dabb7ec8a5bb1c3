#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace Flotilla {

// Requests per second per client address, as hawkBit's DoS filter counts them (reads: GET, HEAD, OPTIONS;
// writes: everything else), each kind with its own token bucket that holds one second's worth. Addresses in an
// exempt subnet are never limited (hawkBit exempts private ranges by default). Time comes from the caller in
// milliseconds, so the counting is tested without waiting.
class RequestRateLimiter
{
public:
    struct Limits
    {
        double readsPerSecond = 200; // 0: no limit
        double writesPerSecond = 50; // 0: no limit
        QList<std::pair<QHostAddress, int>> exempt;
    };
    struct Decision
    {
        bool allowed = true;
        int retryAfterSecs = 0; // when refused: whole seconds until a token is there again (at least 1)
    };

    explicit RequestRateLimiter(Limits limits);

    Decision admit(const QHostAddress &client, bool write, qint64 nowMs);
    bool isExempt(const QHostAddress &client) const;
    const Limits &limits() const { return m_limits; }
    qsizetype trackedAddresses() const { return m_buckets.size(); }

    // hawkBit's default whitelist: loopback and the private and link-local ranges.
    static QList<std::pair<QHostAddress, int>> privateRanges();

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    struct Client
    {
        Bucket reads;
        Bucket writes;
    };
    static Decision take(Bucket &bucket, double perSecond, qint64 nowMs);
    void forgetIdle(qint64 nowMs);

    Limits m_limits;
    QHash<QHostAddress, Client> m_buckets;
    qint64 m_lastSweepMs = 0;
};

} // namespace Flotilla
