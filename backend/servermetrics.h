#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>

namespace Flotilla {

// What GET /metrics reports, in Prometheus' text exposition format (version 0.0.4): counters and histograms the
// server's parts record as they work (requests by route and status with their duration, polls, download bytes,
// store transactions), and gauges read when a scraper asks (Gauges). Route labels are the route table's templates
// ("/rest/v1/targets/{id}"), never the request's path, so the number of series stays bounded whatever clients send.
// One per server, shared by its HTTP threads: recording takes a lock around a hash update (counters are atomic).
class ServerMetrics
{
public:
    // Seconds; Prometheus' default buckets with a finer start (a poll answers in well under a millisecond).
    static constexpr std::array<double, 14> DurationBuckets
        = { 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

    class Histogram
    {
    public:
        void observe(double seconds);
        quint64 count() const { return m_count; }
        double sum() const { return m_sum; }
        // Observations at or below each bucket's bound (cumulative, as the format wants them).
        quint64 cumulative(qsizetype bucket) const;

    private:
        std::array<quint64, DurationBuckets.size()> m_buckets {};
        quint64 m_count = 0;
        double m_sum = 0;
    };

    // api: "ddi", "mgmt", "events", "metrics" or "other" (no route matched, or refused before routing).
    void recordRequest(QLatin1StringView api, const QString &route, QLatin1StringView method, int status,
                       qint64 nanoseconds);
    void recordPoll() { m_polls.fetch_add(1, std::memory_order_relaxed); }
    void recordDownloadBytes(qint64 bytes) { m_downloadBytes.fetch_add(quint64(bytes), std::memory_order_relaxed); }
    void recordTransaction(qint64 nanoseconds, bool committed);
    // A connection admitted by HTTP thread `thread` (0: the server's first).
    void recordConnection(int thread);

    // What is read at scrape time.
    struct Gauges
    {
        int activeDownloads = 0;
        int openConnections = 0;
        int httpThreads = 1;
        int eventStreamClients = 0;
        QString database; // "sqlite" or "postgresql"
        bool scheduler = true; // this node runs the rollout scheduler
        bool storeReadable = true; // false: the counts below could not be read (flotilla_store_up 0)
        QMap<QString, qint64> openActionsByState; // hawkBit's status names: RUNNING, SCHEDULED, ...
        QMap<QString, qint64> rolloutsByState;
        qint64 residentBytes = -1; // -1: unknown
        double startTimeSecs = 0; // since the epoch
    };
    QByteArray exposition(const Gauges &gauges) const;

    // Counters as the tests read them.
    quint64 requests(QLatin1StringView api, const QString &route, QLatin1StringView method, int status) const;
    quint64 polls() const { return m_polls.load(); }
    QMap<int, quint64> connectionsByThread() const;

private:
    struct RouteKey
    {
        QLatin1StringView api;
        QString route;
        QLatin1StringView method;
        friend bool operator==(const RouteKey &, const RouteKey &) = default;
        friend size_t qHash(const RouteKey &k, size_t seed = 0) { return qHashMulti(seed, k.api, k.route, k.method); }
    };
    struct RouteFigures
    {
        QMap<int, quint64> byStatus;
        Histogram duration;
    };
    mutable QMutex m_lock; // the routes and the transaction histograms
    QHash<RouteKey, RouteFigures> m_routes;
    std::atomic<quint64> m_polls = 0;
    std::atomic<quint64> m_downloadBytes = 0;
    QMap<int, quint64> m_connections; // by thread
    Histogram m_committed;
    Histogram m_rolledBack;
};

} // namespace Flotilla
