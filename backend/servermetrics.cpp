#include "backend/servermetrics.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

// A label value as the format wants it: backslash, double quote and line feed escaped.
QByteArray labelValue(QStringView value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 15);
}

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += "# HELP "_ba + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

// name{labels,le="..."} lines, then _sum and _count; labels without braces ("a=\"b\"") or empty.
void histogram(QByteArray &out, const char *name, const QByteArray &labels, const ServerMetrics::Histogram &h)
{
    const QByteArray prefix = labels.isEmpty() ? QByteArray() : labels + ',';
    for (qsizetype i = 0; i < qsizetype(ServerMetrics::DurationBuckets.size()); ++i)
        out += name + "_bucket{"_ba + prefix + "le=\"" + number(ServerMetrics::DurationBuckets[size_t(i)]) + "\"} "
            + QByteArray::number(h.cumulative(i)) + '\n';
    out += name + "_bucket{"_ba + prefix + "le=\"+Inf\"} " + QByteArray::number(h.count()) + '\n';
    const QByteArray braces = labels.isEmpty() ? QByteArray() : '{' + labels + '}';
    out += name + "_sum"_ba + braces + ' ' + number(h.sum()) + '\n';
    out += name + "_count"_ba + braces + ' ' + QByteArray::number(h.count()) + '\n';
}

void byState(QByteArray &out, const char *name, const QMap<QString, qint64> &counts)
{
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out += name + "{status=\""_ba + labelValue(it.key()) + "\"} " + QByteArray::number(it.value()) + '\n';
}

} // namespace

void ServerMetrics::Histogram::observe(double seconds)
{
    const auto bucket = std::lower_bound(DurationBuckets.cbegin(), DurationBuckets.cend(), seconds);
    if (bucket != DurationBuckets.cend())
        ++m_buckets[size_t(bucket - DurationBuckets.cbegin())];
    ++m_count;
    m_sum += seconds;
}

quint64 ServerMetrics::Histogram::cumulative(qsizetype bucket) const
{
    quint64 total = 0;
    for (qsizetype i = 0; i <= bucket && i < qsizetype(m_buckets.size()); ++i)
        total += m_buckets[size_t(i)];
    return total;
}

void ServerMetrics::recordRequest(QLatin1StringView api, const QString &route, QLatin1StringView method, int status,
                                  qint64 nanoseconds)
{
    const QMutexLocker locker(&m_lock);
    RouteFigures &figures = m_routes[RouteKey { api, route, method }];
    ++figures.byStatus[status];
    figures.duration.observe(double(nanoseconds) / 1e9);
}

void ServerMetrics::recordTransaction(qint64 nanoseconds, bool committed)
{
    const QMutexLocker locker(&m_lock);
    (committed ? m_committed : m_rolledBack).observe(double(nanoseconds) / 1e9);
}

void ServerMetrics::recordConnection(int thread)
{
    const QMutexLocker locker(&m_lock);
    ++m_connections[thread];
}

QMap<int, quint64> ServerMetrics::connectionsByThread() const
{
    const QMutexLocker locker(&m_lock);
    return m_connections;
}

quint64 ServerMetrics::requests(QLatin1StringView api, const QString &route, QLatin1StringView method, int status) const
{
    const QMutexLocker locker(&m_lock);
    return m_routes.value(RouteKey { api, route, method }).byStatus.value(status);
}

QByteArray ServerMetrics::exposition(const Gauges &g) const
{
    const QMutexLocker locker(&m_lock);
    QByteArray out;
    out.reserve(16384 + m_routes.size() * 2048);
    // Sorted, so that a scrape reads the same way each time.
    QList<RouteKey> keys = m_routes.keys();
    std::sort(keys.begin(), keys.end(), [](const RouteKey &a, const RouteKey &b) {
        return std::tie(a.api, a.route, a.method) < std::tie(b.api, b.route, b.method);
    });
    auto routeLabels = [](const RouteKey &k) {
        return "api=\""_ba + labelValue(QString(k.api)) + "\",method=\"" + labelValue(QString(k.method)) + "\",route=\""
            + labelValue(k.route) + '"';
    };

    header(out, "flotilla_http_requests_total", "counter",
           "HTTP requests answered, by API, method, route template and status.");
    for (const RouteKey &k : std::as_const(keys)) {
        const auto figures = m_routes.constFind(k);
        for (auto it = figures->byStatus.cbegin(); it != figures->byStatus.cend(); ++it)
            out += "flotilla_http_requests_total{" + routeLabels(k) + ",status=\"" + QByteArray::number(it.key())
                + "\"} " + QByteArray::number(it.value()) + '\n';
    }
    header(out, "flotilla_http_request_duration_seconds", "histogram",
           "Time from a request's routing to its answer (for a download: to its headers), by route.");
    for (const RouteKey &k : std::as_const(keys))
        histogram(out, "flotilla_http_request_duration_seconds", routeLabels(k), m_routes.constFind(k)->duration);

    header(out, "flotilla_ddi_polls_total", "counter", "DDI base polls answered.");
    out += "flotilla_ddi_polls_total " + QByteArray::number(m_polls.load()) + '\n';
    header(out, "flotilla_artifact_download_bytes_total", "counter",
           "Artifact bytes handed to connections (DDI and Management API downloads).");
    out += "flotilla_artifact_download_bytes_total " + QByteArray::number(m_downloadBytes.load()) + '\n';
    header(out, "flotilla_artifact_downloads_active", "gauge", "DDI artifact downloads streaming now.");
    out += "flotilla_artifact_downloads_active " + QByteArray::number(g.activeDownloads) + '\n';
    header(out, "flotilla_http_connections_open", "gauge", "Client connections open now.");
    out += "flotilla_http_connections_open " + QByteArray::number(g.openConnections) + '\n';
    header(out, "flotilla_http_threads", "gauge", "Threads serving the DDI and Management APIs (server/httpThreads).");
    out += "flotilla_http_threads " + QByteArray::number(g.httpThreads) + '\n';
    header(out, "flotilla_http_connections_accepted_total", "counter",
           "Client connections admitted, by the HTTP thread that serves them.");
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it)
        out += "flotilla_http_connections_accepted_total{thread=\"" + QByteArray::number(it.key()) + "\"} "
            + QByteArray::number(it.value()) + '\n';
    header(out, "flotilla_event_stream_clients", "gauge", "WebSocket clients of the event stream.");
    out += "flotilla_event_stream_clients " + QByteArray::number(g.eventStreamClients) + '\n';

    header(out, "flotilla_store_up", "gauge", "1 when the store answered this scrape's counts, else 0.");
    out += "flotilla_store_up " + QByteArray(g.storeReadable ? "1" : "0") + '\n';
    header(out, "flotilla_actions_open", "gauge", "Actions not yet closed, by status.");
    byState(out, "flotilla_actions_open", g.openActionsByState);
    header(out, "flotilla_rollouts", "gauge", "Rollouts by status.");
    byState(out, "flotilla_rollouts", g.rolloutsByState);
    header(out, "flotilla_store_transaction_duration_seconds", "histogram",
           "Store transactions from begin to commit or rollback.");
    histogram(out, "flotilla_store_transaction_duration_seconds", "outcome=\"commit\""_ba, m_committed);
    histogram(out, "flotilla_store_transaction_duration_seconds", "outcome=\"rollback\""_ba, m_rolledBack);

    header(out, "flotilla_node_info", "gauge", "This server: its database driver.");
    out += "flotilla_node_info{database=\"" + labelValue(g.database) + "\"} 1\n";
    header(out, "flotilla_node_scheduler", "gauge",
           "1 when this node runs the rollout scheduler and the periodic work, else 0.");
    out += "flotilla_node_scheduler " + QByteArray(g.scheduler ? "1" : "0") + '\n';
    if (g.residentBytes >= 0) {
        header(out, "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
        out += "process_resident_memory_bytes " + QByteArray::number(g.residentBytes) + '\n';
    }
    header(out, "process_start_time_seconds", "gauge", "Start time of the process since the epoch in seconds.");
    out += "process_start_time_seconds " + number(g.startTimeSecs) + '\n';
    return out;
}

} // namespace Flotilla
