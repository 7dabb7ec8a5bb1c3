#include "backend/server.h"

#include "backend/artifactstore.h"
#include "backend/backendlogging.h"
#include "backend/connectionguard.h"
#include "backend/ddiserver.h"
#include "backend/eventrelay.h"
#include "backend/eventstream.h"
#include "backend/httpworker.h"
#include "backend/operatoraccounts.h"
#include "backend/registrationbudget.h"
#include "backend/schedulerlease.h"
#include "backend/sqlstore.h"
#include "engine/autoassigner.h"
#include "engine/rolloutscheduler.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QThread>
#include <QTimer>

#include <unistd.h>

#include <mutex>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// Mozilla's "intermediate" server profile: TLS 1.3's suites, and at TLS 1.2 only forward-secret key exchange
// (ECDHE, DHE) with an AEAD cipher (AES-GCM, ChaCha20-Poly1305). No CBC, no SHA-1 MAC, no static RSA.
QList<QSslCipher> modernCiphers()
{
    QList<QSslCipher> ciphers;
    for (const QSslCipher &c : QSslConfiguration::supportedCiphers()) {
        const QString enc = c.encryptionMethod();
        const bool aead = enc.contains(u"GCM"_s) || enc.contains(u"CHACHA20"_s);
        const bool forwardSecret = c.keyExchangeMethod().startsWith(u"ECDH"_s) || c.keyExchangeMethod() == u"DH"_s;
        if (c.protocol() == QSsl::TlsV1_3 || (aead && forwardSecret))
            ciphers.append(c);
    }
    return ciphers;
}
// Qt's HTTP server prints every request with its headers at debug level (qt.httpserver.http1handler), the
// Authorization header included: that level stays off whatever the logging rules say, so no credential reaches
// a log. Installed once per process, in front of whatever filter was there.
QLoggingCategory::CategoryFilter previousFilter = nullptr;
void credentialSafeFilter(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}
void keepCredentialsOutOfTheLog()
{
    static std::once_flag once;
    std::call_once(once, [] { previousFilter = QLoggingCategory::installFilter(credentialSafeFilter); });
}
} // namespace

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(m_config.clockRate == 1.0 ? std::unique_ptr<Clock>(std::make_unique<SystemClock>())
                                        : std::make_unique<ScaledClock>(m_config.clockRate))
{ }

Server::~Server()
{
    // The DDI and Management routes refer to the services and the store: the HTTP threads go first (they publish
    // to the event stream), then this thread's, then what drives the services, then the services (the store and
    // artifacts last, as members).
    m_workers.clear();
    m_stack.reset();
    if (m_store)
        m_store->setTransactionObserver({});
    m_lease.reset();
    if (m_events)
        m_events->flushRelay();
    m_relay.reset();
    m_events.reset();
    m_auditPrune.reset();
    m_autoAssigner.reset();
    m_scheduler.reset();
    m_rollouts.reset();
    m_deployment.reset();
}

SqlStore &Server::store()
{
    return *m_store;
}

ArtifactStore &Server::artifacts()
{
    return *m_artifacts;
}

DdiServer &Server::ddi()
{
    return m_stack->ddi();
}

OperatorAccounts &Server::accounts()
{
    return *m_accounts;
}

EventStream &Server::events()
{
    return *m_events;
}

ServerMetrics &Server::metrics()
{
    return *m_metrics;
}

ServerMetrics::Gauges Server::gauges(SqlStore &store)
{
    ServerMetrics::Gauges g;
    g.activeDownloads = activeTransfers();
    g.openConnections = m_stack ? m_stack->guard().openConnections() : 0;
    g.httpThreads = httpThreads();
    g.eventStreamClients = m_events ? m_events->clientCount() : 0;
    g.database = store.isPostgres() ? u"postgresql"_s : u"sqlite"_s;
    g.scheduler = runsPeriodicWork();
    const Result<QMap<ActionState, qint64>> actions = store.actions().openActionCounts();
    const Result<QMap<RolloutState, qint64>> rollouts = store.rollouts().rolloutCounts();
    g.storeReadable = actions && rollouts;
    if (!g.storeReadable)
        qCWarning(lcHttp).noquote() << "metrics: the store's counts could not be read:"
                                    << (actions ? rollouts.error() : actions.error()).message;
    if (g.storeReadable) {
        for (auto [state, count] : actions->asKeyValueRange())
            g.openActionsByState.insert(nameOf(state), count);
        for (auto [state, count] : rollouts->asKeyValueRange())
            g.rolloutsByState.insert(nameOf(state), count);
    }
    // Linux: the second field of /proc/self/statm is the resident set, in pages.
    QFile statm(u"/proc/self/statm"_s);
    if (statm.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = statm.readAll().split(' ');
        bool ok = false;
        const qint64 pages = fields.value(1).toLongLong(&ok);
        if (ok)
            g.residentBytes = pages * sysconf(_SC_PAGESIZE);
    }
    g.startTimeSecs = m_startedAtSecs;
    return g;
}

bool Server::start()
{
    if (!m_config.validate(&m_error))
        return false;
    m_startedAtSecs = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
    m_metrics = std::make_unique<ServerMetrics>();
    m_store = std::make_unique<SqlStore>();
    if (!m_store->open(m_config.database)) {
        m_error = m_store->lastError();
        return false;
    }
    TenantConfiguration tenant = m_store->configuration().tenantConfiguration();
    m_config.applyTo(tenant);
    if (const Result<void> saved = m_store->configuration().setTenantConfiguration(tenant); !saved) {
        m_error = saved.error().message;
        return false;
    }
    m_store->setTransactionObserver(
        [metrics = m_metrics.get()](qint64 ns, bool committed) { metrics->recordTransaction(ns, committed); });
    m_artifacts = std::make_unique<ArtifactStore>(m_config.artifactDirectory);
    if (!m_artifacts->open()) {
        m_error = u"artifacts/directory: "_s + m_artifacts->errorString();
        return false;
    }

    const bool tls = !m_config.tlsCertificate.isEmpty();
    DdiSettings &settings = m_shared.ddi;
    settings.tenant = m_config.tenant;
    QList<std::pair<QHostAddress, int>> proxies;
    ExternalUrl::parseProxies(m_config.trustedProxies, &proxies, nullptr);
    settings.externalUrl = ExternalUrl(m_config.publicUrl, proxies, tls);
    settings.gatewayToken = m_config.gatewayToken;
    settings.gatewayTargets = m_config.gatewayTargets;
    settings.registerTargets = m_config.registerTargets;
    if (m_config.registrationsPerMinute > 0)
        settings.registrations = std::make_shared<RegistrationBudget>(m_config.registrationsPerMinute);
    settings.anonymous = m_config.anonymousDdi;
    settings.downloadBaseUrl = m_config.downloadBaseUrl.toString();
    // A simulation's faster clock makes the periodic work come round as often in its own time.
    const auto every = [this](int ms) {
        return std::max(50, int(double(ms) / m_config.clockRate));
    };
    settings.pollFlushIntervalMs = every(settings.pollFlushIntervalMs);
    ConnectionLimits &limits = m_shared.limits;
    limits.perAddress = m_config.connectionsPerAddress;
    limits.idleTimeoutMs = m_config.idleTimeoutSecs * 1000;
    limits.headerTimeoutMs = m_config.headerTimeoutSecs * 1000;
    limits.rates.readsPerSecond = m_config.readsPerSecond;
    limits.rates.writesPerSecond = m_config.writesPerSecond;
    QString exemptError;
    if (!m_config.exemptSubnets(&limits.rates.exempt, &exemptError)) {
        m_error = u"limits/exempt: "_s + exemptError;
        return false;
    }
    if (tls) {
        QFile certFile(m_config.tlsCertificate);
        QFile keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            m_error = u"server/tlsCertificate: cannot read the certificate or key"_s;
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull()) {
            m_error = u"server/tlsCertificate: no PEM certificate and private key could be read"_s;
            return false;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        ssl.setCiphers(modernCiphers());
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        m_shared.tls = ssl;
    }

    // The composition root: the engine's services first, then what serves and drives them.
    m_deployment = std::make_unique<DeploymentService>(m_store->stores(), *m_clock);
    m_rollouts = std::make_unique<RolloutService>(m_store->stores(), *m_deployment, *m_clock);
    keepCredentialsOutOfTheLog();
    // Rollouts move in time too (start times, dynamic groups); hawkBit's auto-assignments (target filters and
    // /autoassignments) assign a set to every target they come to match. Started with the periodic work below.
    m_scheduler = std::make_unique<RolloutScheduler>(m_store->stores(), *m_rollouts, *m_clock);
    m_autoAssigner = std::make_unique<AutoAssigner>(m_store->stores(), *m_deployment, *m_clock);
    // Operators: the first administrator comes from the environment, as database containers do it.
    m_accounts = std::make_unique<OperatorAccounts>(*m_store);
    if (!m_config.localCredentialFile.isEmpty() && !loadLocalCredential())
        return false;
    const Result<bool> hasUsers = m_accounts->hasUsers();
    if (!hasUsers) {
        m_error = u"reading the Management API's users: "_s + hasUsers.error().message;
        return false;
    }
    if (!*hasUsers) {
        const bool configured = !m_config.initialAdminUser.isEmpty();
        const QString user = configured ? m_config.initialAdminUser : qEnvironmentVariable("FLOTILLA_ADMIN_USER");
        const QString password
            = configured ? m_config.initialAdminPassword : qEnvironmentVariable("FLOTILLA_ADMIN_PASSWORD");
        if (!user.isEmpty() && !password.isEmpty()) {
            if (const Result<Operator> created = m_accounts->createUser(user, password, { u"admin"_s }); !created) {
                m_error = u"FLOTILLA_ADMIN_USER/FLOTILLA_ADMIN_PASSWORD: "_s + created.error().message;
                return false;
            }
            qCInfo(lcHttp).noquote() << "created the administrator" << user;
        } else {
            qCWarning(lcHttp) << "no Management API user yet: set FLOTILLA_ADMIN_USER and FLOTILLA_ADMIN_PASSWORD "
                                 "(at least 8 characters) and start again to create the first administrator";
        }
    }
    // The periodic work runs on one server: this one on SQLite (one process owns the file); on PostgreSQL the one
    // holding the scheduler lease, which another takes over when its holder dies.
    m_auditPrune = std::make_unique<QTimer>();
    m_auditPrune->setInterval(every(3600 * 1000));
    connect(m_auditPrune.get(), &QTimer::timeout, this, &Server::pruneAudit);
    const auto startPeriodicWork = [this, every] {
        m_scheduler->start(every(RolloutScheduler::DefaultIntervalMs));
        m_autoAssigner->start(every(AutoAssigner::DefaultIntervalMs));
        m_periodicWork = true;
        if (m_config.auditRetentionDays > 0) {
            pruneAudit();
            m_auditPrune->start();
        }
    };
    if (m_store->isPostgres()) {
        m_lease = std::make_unique<SchedulerLease>(m_config.database, every(SchedulerLease::DefaultIntervalMs));
        connect(m_lease.get(), &SchedulerLease::acquired, this, startPeriodicWork);
        connect(m_lease.get(), &SchedulerLease::lost, this, [this] {
            m_periodicWork = false;
            m_scheduler->stop();
            m_autoAssigner->stop();
            m_auditPrune->stop();
        });
        m_lease->start();
    } else {
        startPeriodicWork();
    }
    // Live events: every committed store change of every HTTP thread, and device polls.
    m_events = std::make_unique<EventStream>(10000);
    if (m_store->isPostgres()) {
        // Every server's changes in every server's stream, numbered alike.
        m_relay = std::make_unique<EventRelay>(m_config.database, m_events->log());
        if (!m_relay->start(&m_error))
            return false;
        m_events->setRelay(m_relay.get());
    }

    // The HTTP side: this thread's stack over this thread's store, then the further threads' over their own.
    m_shared.config = &m_config;
    m_shared.artifacts = m_artifacts.get();
    m_shared.clock = m_clock.get();
    m_shared.metrics = m_metrics.get();
    m_shared.events = m_events.get();
    m_shared.gauges = [this](SqlStore &store) {
        return gauges(store);
    };
    // 0: one per core.
    const int threads = m_config.httpThreads > 0 ? m_config.httpThreads : std::max(1, QThread::idealThreadCount());
    m_shared.threads = threads;
    m_stack = std::make_unique<HttpStack>(
        m_shared, HttpStack::Services { *m_store, *m_deployment, *m_rollouts, *m_accounts }, nullptr, 0);
    if (!m_stack->listen(&m_error))
        return false;
    for (int i = 1; i < threads; ++i) {
        auto worker = std::make_unique<HttpWorker>(m_shared, *m_stack, i);
        if (!worker->start(&m_error))
            return false;
        m_workers.push_back(std::move(worker));
    }
    qCInfo(lcHttp).noquote() << "listening on" << url() << "database" << m_store->driverName() << "HTTP threads"
                             << threads;
    return true;
}

bool Server::runsPeriodicWork() const
{
    return m_periodicWork.load();
}

void Server::pruneAudit()
{
    // The audit trail keeps what retention allows (pruned when the periodic work starts, then every hour of the
    // server's clock).
    const QDateTime before = m_clock->now().addDays(-m_config.auditRetentionDays);
    const Result<int> removed = m_store->auditTrail().pruneAuditEntries(before);
    if (!removed)
        qCWarning(lcHttp).noquote() << removed.error().message;
    else if (*removed > 0)
        qCInfo(lcHttp).noquote() << "removed" << *removed << "audit entries older than" << m_config.auditRetentionDays
                                 << "days";
}

bool Server::loadLocalCredential()
{
    QFile file(m_config.localCredentialFile);
    QString password;
    if (file.open(QIODevice::ReadOnly))
        password = QString::fromUtf8(file.readAll()).trimmed();
    file.close();
    const QString user = u"console"_s;
    const auto existing = m_store->accounts().userByName(user);
    if (existing.failed()) { // not "no such user": that would replace a working credential
        m_error = u"cannot read the console's account: %1"_s.arg(existing.error().message);
        return false;
    }
    if (password.isEmpty() || existing.absent()) {
        password = Target::generateSecurityToken();
        QDir().mkpath(QFileInfo(file).path());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || file.write(password.toUtf8()) < 0) {
            m_error = u"cannot write the console's credential to %1: %2"_s.arg(file.fileName(), file.errorString());
            return false;
        }
        file.close();
        const Result<Operator> stored = existing.found() ? m_accounts->updateUser(user, password, { u"admin"_s })
                                                         : m_accounts->createUser(user, password, { u"admin"_s });
        if (!stored) {
            m_error = stored.error().message;
            return false;
        }
    }
    m_localCredential = { user, password };
    return true;
}

quint16 Server::port() const
{
    return m_stack ? m_stack->port() : 0;
}

QString Server::url() const
{
    if (m_config.publicUrl.isValid() && !m_config.publicUrl.isEmpty())
        return m_config.publicUrl.toString();
    QHostAddress host = m_stack ? m_stack->address() : m_config.listenAddress;
    QString name = host == QHostAddress::Any || host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6
        ? u"127.0.0.1"_s
        : host.toString();
    if (host.protocol() == QAbstractSocket::IPv6Protocol && host != QHostAddress::Any && host != QHostAddress::AnyIPv6)
        name = u'[' + name + u']';
    return (m_config.tlsCertificate.isEmpty() ? u"http://"_s : u"https://"_s) + name + u':' + QString::number(port());
}

int Server::activeTransfers() const
{
    int transfers = m_stack ? m_stack->activeTransfers() : 0;
    for (const auto &worker : m_workers)
        transfers += worker->activeTransfers();
    return transfers;
}

void Server::shutdown(int timeoutMs)
{
    if (m_stack)
        m_stack->close();
    for (const auto &worker : m_workers)
        worker->close();
    auto *timer = new QTimer(this);
    timer->setInterval(50);
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    auto finish = [this, timer, deadline] {
        timer->deleteLater();
        deadline->deleteLater();
        Q_EMIT drained();
    };
    connect(timer, &QTimer::timeout, this, [this, finish] {
        if (activeTransfers() == 0)
            finish();
    });
    connect(deadline, &QTimer::timeout, this, [this, finish] {
        qCWarning(lcHttp, "shutdown: %d download(s) still running, cut", activeTransfers());
        finish();
    });
    if (activeTransfers() == 0)
        return QTimer::singleShot(0, this, finish);
    timer->start();
    deadline->start(timeoutMs);
}

} // namespace Flotilla
