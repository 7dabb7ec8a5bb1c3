#pragma once

#include "backend/servermetrics.h"

#include <QObject>

#include <functional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace Flotilla {

class OperatorAccounts;

// GET /metrics: the server's figures (ServerMetrics) for a Prometheus scraper. Off unless configured
// (metrics/enabled; off, the path is answered as any unknown one, 404). A scraper shows any operator's Basic or
// Bearer credentials (no permission needed beyond being one), or "Bearer <metrics/token>" when a token is set; any
// other caller gets 401 with the JSON error shape. Lives on the HTTP server's thread.
class MetricsEndpoint : public QObject
{
    Q_OBJECT
public:
    // gauges: what is read at scrape time (the store's counts among them), built by the composition root.
    MetricsEndpoint(ServerMetrics &metrics, OperatorAccounts &accounts, QByteArray token,
                    std::function<ServerMetrics::Gauges()> gauges, QObject *parent = nullptr);

    void install(QHttpServer &server);

private:
    void scrape(const QHttpServerRequest &request, QHttpServerResponder &responder);
    enum class Caller { Allowed, Denied, Unchecked };
    Caller caller(const QByteArray &authorization, QString *error);

    ServerMetrics &m_metrics;
    OperatorAccounts &m_accounts;
    QByteArray m_token;
    std::function<ServerMetrics::Gauges()> m_gauges;
};

} // namespace Flotilla
