#pragma once

// The one QNetworkAccessManager every device of a simulated fleet talks through (one event loop, HTTP
// connections shared), measuring on the way: requests by kind (poll, deployment, feedback, configData, download,
// other), their answers and latencies, and the errors by kind.
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <array>

namespace Flotilla::Sim {

class FleetNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    enum Kind : quint8 { Poll, Resource, Feedback, ConfigData, Download, Other, KindCount };
    static const char *nameOf(Kind kind);
    static Kind kindOf(const QUrl &url);

    struct Figures
    {
        quint64 count = 0;
        quint64 ok = 0; // 2xx
        quint32 maxUs = 0;
        // Latencies of the answered requests: bucket b holds those under 2^((b+1)/8) µs (a 9 % resolution in
        // 2 KiB, however long the run).
        std::array<quint64, 256> histogram {};
        quint64 answered = 0;
    };
    static int bucketOf(quint32 us);
    static double bucketUpperMs(int bucket);

    // connectionsPerHost: HTTP/1.1 connections to the server at once (Qt's default is 6; a real fleet holds one per
    // device, so the simulator opens more).
    explicit FleetNetwork(int connectionsPerHost = 64, QObject *parent = nullptr);

    const Figures &figures(Kind kind) const { return m_figures.at(kind); }
    // The same since the last resetWindow() (or the start): what one phase of a run saw.
    const Figures &windowFigures(Kind kind) const { return m_window.at(kind); }
    void resetWindow() { m_window = {}; }
    const QHash<QString, quint64> &errors() const { return m_errors; }
    quint64 errorCount() const;
    int inFlight() const { return m_inFlight; }
    // {"poll": {"count", "ok", "p50Ms", "p90Ms", "p99Ms", "maxMs"}, ...}
    static QJsonObject requestsJson(const std::array<Figures, KindCount> &figures);
    QJsonObject requestsJson() const { return requestsJson(m_figures); }
    QJsonObject windowJson() const { return requestsJson(m_window); }
    // The latency percentile of one kind, in milliseconds (0 without answers).
    static double percentileMs(const Figures &f, double p);
    double percentileMs(Kind kind, double p) const { return percentileMs(m_figures.at(kind), p); }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    std::array<Figures, KindCount> m_figures;
    std::array<Figures, KindCount> m_window;
    QHash<QString, quint64> m_errors;
    QElapsedTimer m_clock;
    int m_inFlight = 0;
    int m_connectionsPerHost;
};

} // namespace Flotilla::Sim
