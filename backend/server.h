#pragma once

#include "backend/serverconfig.h"
#include "backend/servermetrics.h"

#include <QObject>

#include <memory>

class QHttpServer;
class QTcpServer;
class QTimer;

namespace Flotilla {

class ArtifactStore;
class ConnectionGuard;
class AutoAssigner;
class DdiServer;
class DeploymentService;
class RolloutScheduler;
class RolloutService;
class EventStream;
class ManagementServer;
class MetricsEndpoint;
class SchedulerLease;
class OperatorAccounts;
class SqlStore;
class Clock;

// A whole Flotilla server on the calling thread, and its composition root: it builds and owns the store, the
// artifact store, the engine's services (deployment, rollouts), what drives them in time (rollout scheduler,
// auto-assigner) and the HTTP listener with the DDI and Management APIs and the event stream. flotillad runs one
// on its main thread; the console runs one on a worker thread.
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    // Opens the store (running migrations), the artifact directory and the listener. False with errorString().
    bool start();
    QString errorString() const { return m_error; }

    quint16 port() const;
    // The URL devices should use (the configured public URL, or the listener's).
    QString url() const;
    const ServerConfig &config() const { return m_config; }
    // User and password of the local credential (ServerConfig::localCredentialFile), once started.
    std::pair<QString, QString> localCredential() const { return m_localCredential; }
    SqlStore &store();
    ArtifactStore &artifacts();
    DdiServer &ddi();
    OperatorAccounts &accounts();
    EventStream &events();
    ServerMetrics &metrics();

    // Stops accepting connections and emits drained() once running downloads have finished (or after
    // timeoutMs, cutting them).
    void shutdown(int timeoutMs = 30000);
    int activeTransfers() const;
    // This server runs the rollout scheduler, auto-assignments and audit pruning: always on SQLite; on PostgreSQL
    // while it holds the scheduler lease (one of the servers sharing the database at a time).
    bool runsPeriodicWork() const;

Q_SIGNALS:
    void drained();

private:
    ServerConfig m_config;
    QString m_error;
    std::pair<QString, QString> m_localCredential;
    bool loadLocalCredential();
    std::unique_ptr<Clock> m_clock; // SystemClock, or a ScaledClock for a simulation
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<ArtifactStore> m_artifacts;
    std::unique_ptr<DeploymentService> m_deployment;
    std::unique_ptr<RolloutService> m_rollouts;
    std::unique_ptr<RolloutScheduler> m_scheduler;
    std::unique_ptr<AutoAssigner> m_autoAssigner;
    std::unique_ptr<QHttpServer> m_http;
    QTcpServer *m_listener = nullptr; // owned by m_http
    ConnectionGuard *m_guard = nullptr; // a child of m_http
    DdiServer *m_ddi = nullptr;
    std::unique_ptr<OperatorAccounts> m_accounts;
    ManagementServer *m_management = nullptr;
    EventStream *m_events = nullptr;
    std::unique_ptr<ServerMetrics> m_metrics;
    MetricsEndpoint *m_metricsEndpoint = nullptr; // with metrics/enabled
    SchedulerLease *m_lease = nullptr; // on PostgreSQL
    QTimer *m_auditPrune = nullptr;
    void pruneAudit();
    double m_startedAtSecs = 0;
    ServerMetrics::Gauges gauges(); // what /metrics reads at scrape time
};

} // namespace Flotilla
