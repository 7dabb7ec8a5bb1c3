#include "sim/fleetnetwork.h"

#include <QHttp1Configuration>
#include <QMetaEnum>
#include <QNetworkReply>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Flotilla::Sim {

const char *FleetNetwork::nameOf(Kind kind)
{
    static constexpr const char *names[] = { "poll", "deployment", "feedback", "configData", "download", "other" };
    return kind < KindCount ? names[kind] : "other";
}

FleetNetwork::Kind FleetNetwork::kindOf(const QUrl &url)
{
    const QString path = url.path();
    if (path.endsWith("/feedback"_L1))
        return Feedback;
    if (path.endsWith("/configData"_L1))
        return ConfigData;
    if (path.contains("/artifacts/"_L1))
        return Download;
    if (path.contains("/deploymentBase/"_L1) || path.contains("/confirmationBase/"_L1)
        || path.contains("/cancelAction/"_L1))
        return Resource;
    if (path.contains("/controller/v1/"_L1))
        return Poll;
    return Other;
}

FleetNetwork::FleetNetwork(int connectionsPerHost, QObject *parent)
    : QNetworkAccessManager(parent)
    , m_connectionsPerHost(connectionsPerHost)
{
    setAutoDeleteReplies(false);
    setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_clock.start();
}

QNetworkReply *FleetNetwork::createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    QNetworkRequest wide = request;
    QHttp1Configuration http1;
    http1.setNumberOfConnectionsPerHost(qsizetype(m_connectionsPerHost));
    wide.setHttp1Configuration(http1);
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, wide, outgoingData);
    const Kind kind = kindOf(request.url());
    const qint64 started = m_clock.nsecsElapsed();
    ++m_inFlight;
    ++m_figures[kind].count;
    ++m_window[kind].count;
    connect(reply, &QNetworkReply::finished, this, [this, reply, kind, started] {
        --m_inFlight;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto us = quint32(std::min<qint64>((m_clock.nsecsElapsed() - started) / 1000, UINT32_MAX));
        for (Figures *f : { &m_figures[kind], &m_window[kind] }) {
            f->ok += status >= 200 && status < 300;
            if (status != 0) {
                ++f->histogram[bucketOf(us)];
                ++f->answered;
                f->maxUs = std::max(f->maxUs, us);
            }
        }
        if (status >= 400) {
            ++m_errors[u"%1 HTTP %2"_s.arg(QLatin1StringView(nameOf(kind))).arg(status)];
        } else if (status == 0 && reply->error() != QNetworkReply::OperationCanceledError) {
            // Aborted on purpose (a download canceled, a device put to sleep) is not an error.
            ++m_errors[u"%1 %2"_s.arg(
                QLatin1StringView(nameOf(kind)),
                QLatin1StringView(QMetaEnum::fromType<QNetworkReply::NetworkError>().valueToKey(reply->error())))];
        }
    });
    return reply;
}

quint64 FleetNetwork::errorCount() const
{
    quint64 n = 0;
    for (const quint64 c : m_errors)
        n += c;
    return n;
}

int FleetNetwork::bucketOf(quint32 us)
{
    // 8 buckets per doubling: b = floor(8 * log2(us + 1)).
    return std::clamp(int(8.0 * std::log2(double(us) + 1.0)), 0, 255);
}

double FleetNetwork::bucketUpperMs(int bucket)
{
    return (std::exp2((bucket + 1) / 8.0) - 1.0) / 1000.0;
}

double FleetNetwork::percentileMs(const Figures &f, double p)
{
    if (f.answered == 0)
        return 0;
    const auto rank = quint64(std::ceil(p / 100.0 * double(f.answered)));
    quint64 seen = 0;
    for (int b = 0; b < 256; ++b) {
        seen += f.histogram.at(b);
        if (seen >= std::max<quint64>(rank, 1))
            return std::min(bucketUpperMs(b), f.maxUs / 1000.0);
    }
    return f.maxUs / 1000.0;
}

QJsonObject FleetNetwork::requestsJson(const std::array<Figures, KindCount> &figures)
{
    QJsonObject out;
    for (int k = 0; k < KindCount; ++k) {
        const Figures &f = figures.at(k);
        if (f.count == 0)
            continue;
        const auto kind = Kind(k);
        const quint32 max = f.maxUs;
        out.insert(QLatin1StringView(nameOf(kind)),
                   QJsonObject { { "count"_L1, double(f.count) },
                                 { "ok"_L1, double(f.ok) },
                                 { "p50Ms"_L1, percentileMs(f, 50) },
                                 { "p90Ms"_L1, percentileMs(f, 90) },
                                 { "p99Ms"_L1, percentileMs(f, 99) },
                                 { "maxMs"_L1, max / 1000.0 } });
    }
    return out;
}

} // namespace Flotilla::Sim
