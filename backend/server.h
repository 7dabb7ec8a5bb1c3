#pragma once

#include "backend/httpstack.h"
#include "backend/serverconfig.h"
#include "backend/servermetrics.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QTimer;

namespace Flotilla {

class ArtifactStore;
class AutoAssigner;
class DdiServer;
class DeploymentService;
class EventRelay;
class HttpWorker;
class RolloutScheduler;
class RolloutService;
class EventStream;
class SchedulerLease;
class OperatorAccounts;
class SqlStore;
class Clock;

// A whole Flotilla server on the calling thread, and its composition root: it builds and owns the store, the
// artifact store, the engine's services (deployment, rollouts), what drives them in time (rollout scheduler,
// auto-assigner), the event stream, and the HTTP side (HttpStack: the DDI and Management APIs) on this thread and on
// server/httpThreads - 1 more (HttpWorker), each with its own store connection. flotillad runs one on its main
// thread; the console runs one on a worker thread.
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
    // The DDI server of this thread's stack.
    DdiServer &ddi();
    // Threads serving HTTP (this one included).
    int httpThreads() const { return 1 + int(m_workers.size()); }
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
    std::unique_ptr<OperatorAccounts> m_accounts;
    std::unique_ptr<ServerMetrics> m_metrics;
    std::unique_ptr<EventStream> m_events;
    std::unique_ptr<EventRelay> m_relay; // on PostgreSQL
    std::unique_ptr<SchedulerLease> m_lease; // on PostgreSQL
    std::unique_ptr<QTimer> m_auditPrune;
    // The HTTP side: what its stacks share, this thread's stack, and the further threads.
    HttpStack::Shared m_shared;
    std::unique_ptr<HttpStack> m_stack;
    std::vector<std::unique_ptr<HttpWorker>> m_workers;
    std::atomic<bool> m_periodicWork = false;
    void pruneAudit();
    double m_startedAtSecs = 0;
    ServerMetrics::Gauges gauges(SqlStore &store); // what /metrics reads at scrape time, on the scraping thread
};

} // namespace Flotilla
