#include "backend/requestratelimiter.h"

#include <cmath>

namespace Flotilla {

namespace {
// A full bucket holds one second of requests; an address idle this long has a full bucket again and is forgotten.
constexpr qint64 ForgetAfterMs = 10'000;
constexpr qsizetype SweepAbove = 10'000;

// One second's worth of requests, and at least one.
double capacity(double perSecond)
{
    return std::max(1.0, perSecond);
}
} // namespace

RequestRateLimiter::RequestRateLimiter(Limits limits)
    : m_limits(std::move(limits))
{ }

QList<std::pair<QHostAddress, int>> RequestRateLimiter::privateRanges()
{
    QList<std::pair<QHostAddress, int>> ranges;
    for (const char *subnet : { "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                                "::1/128", "fc00::/7", "fe80::/10" })
        ranges.append(QHostAddress::parseSubnet(QString::fromLatin1(subnet)));
    return ranges;
}

bool RequestRateLimiter::isExempt(const QHostAddress &client) const
{
    // An IPv4 client on a dual-stack listener arrives as ::ffff:a.b.c.d.
    bool mapped = false;
    const quint32 v4 = client.toIPv4Address(&mapped);
    const QHostAddress address = mapped ? QHostAddress(v4) : client;
    for (const auto &[net, prefix] : m_limits.exempt) {
        if (address.isInSubnet(net, prefix))
            return true;
    }
    return false;
}

RequestRateLimiter::Decision RequestRateLimiter::take(Bucket &bucket, double perSecond, qint64 nowMs)
{
    if (perSecond <= 0)
        return {};
    bucket.tokens = std::min(capacity(perSecond), bucket.tokens + double(nowMs - bucket.lastMs) * perSecond / 1000.0);
    bucket.lastMs = nowMs;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return {};
    }
    const double waitSecs = (1.0 - bucket.tokens) / perSecond;
    return { false, std::max(1, int(std::ceil(waitSecs))) };
}

RequestRateLimiter::Decision RequestRateLimiter::admit(const QHostAddress &client, bool write, qint64 nowMs)
{
    const double perSecond = write ? m_limits.writesPerSecond : m_limits.readsPerSecond;
    if (perSecond <= 0 || isExempt(client))
        return {};
    if (m_buckets.size() > SweepAbove && nowMs - m_lastSweepMs > ForgetAfterMs)
        forgetIdle(nowMs);
    auto it = m_buckets.find(client);
    if (it == m_buckets.end()) {
        Client fresh;
        fresh.reads = { capacity(m_limits.readsPerSecond), nowMs };
        fresh.writes = { capacity(m_limits.writesPerSecond), nowMs };
        it = m_buckets.insert(client, fresh);
    }
    return take(write ? it->writes : it->reads, perSecond, nowMs);
}

void RequestRateLimiter::forgetIdle(qint64 nowMs)
{
    m_lastSweepMs = nowMs;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (nowMs - std::max(it->reads.lastMs, it->writes.lastMs) > ForgetAfterMs)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace Flotilla
