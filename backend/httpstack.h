#pragma once

#include "backend/connectionguard.h"
#include "backend/ddiserver.h"
#include "backend/servermetrics.h"

#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class QHttpServer;
class QTcpServer;

namespace Flotilla {

class ArtifactStore;
class DeploymentService;
class EventStream;
class ManagementServer;
class MetricsEndpoint;
class OperatorAccounts;
class RolloutService;
class SqlStore;
struct ServerConfig;

// The HTTP side of a server on one thread: the HTTP server with the connection guard in front, the DDI and
// Management routes, the event stream's route and /metrics, over one store connection and the engine's services on
// it; with several threads each listens on the same port (SO_REUSEPORT), the kernel spreading the connections. The
// server's main thread has one over the server's own store; each further HTTP thread has one over a store of its own
// (HttpWorker). Every stack publishes its store's committed changes to the one event stream.
class HttpStack : public QObject
{
    Q_OBJECT
public:
    // What the stacks of one server share (the server's; it outlives them). Read-only but for the metrics and the
    // event stream, which are thread-safe.
    struct Shared
    {
        const ServerConfig *config = nullptr;
        DdiSettings ddi;
        ConnectionLimits limits;
        int threads = 1; // how many stacks
        std::optional<QSslConfiguration> tls;
        ArtifactStore *artifacts = nullptr;
        const Clock *clock = nullptr;
        ServerMetrics *metrics = nullptr;
        EventStream *events = nullptr;
        // What /metrics reads at scrape time, with the scraping thread's store.
        std::function<ServerMetrics::Gauges(SqlStore &)> gauges;
    };
    struct Services
    {
        SqlStore &store;
        DeploymentService &deployment;
        RolloutService &rollouts;
        OperatorAccounts &accounts;
    };

    // first: null for the server's first stack; for the others the first one, whose guard's counts they share.
    // index: the thread's number (0 for the first), as the metrics name it.
    HttpStack(const Shared &shared, Services services, const HttpStack *first, int index, QObject *parent = nullptr);
    ~HttpStack() override;

    // Listens on the configured address (the first stack's port when that was picked): alone with a plain listener,
    // with more threads each on a socket of its own with SO_REUSEPORT. False with *error.
    bool listen(QString *error);

    // Stops accepting (connections already open are served).
    void close();
    quint16 port() const;
    QHostAddress address() const;
    DdiServer &ddi() { return *m_ddi; }
    const ConnectionGuard &guard() const { return *m_guard; }
    int activeTransfers() const { return m_ddi->activeTransfers(); }
    void releaseReads();

private:
    const Shared &m_shared;
    Services m_services;
    const HttpStack *m_first;
    std::unique_ptr<QHttpServer> m_http;
    ConnectionGuard *m_guard = nullptr; // children of m_http
    DdiServer *m_ddi = nullptr;
    ManagementServer *m_management = nullptr;
    MetricsEndpoint *m_metricsEndpoint = nullptr;
    QTcpServer *m_listener = nullptr; // owned by m_http
};

} // namespace Flotilla
