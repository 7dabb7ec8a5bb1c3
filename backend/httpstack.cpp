#include "backend/httpstack.h"

#include "backend/backendlogging.h"
#include "backend/eventstream.h"
#include "backend/httpmethod.h"
#include "backend/managementserver.h"
#include "backend/metricsendpoint.h"
#include "backend/operatoraccounts.h"
#include "backend/serverconfig.h"
#include "backend/sqlstore.h"

#include <QHttpServer>
#include <QHttpServerRouterRule>
#include <QSslServer>
#include <QTcpServer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// A listening socket with SO_REUSEPORT, so that each HTTP thread has its own on the same address and port and the
// kernel spreads new connections over them (by a hash of the client's address and port). The first thread's socket
// binds before it takes the option, so its bind fails on a port something else holds (another server, even one with
// SO_REUSEPORT) and port 0 picks a port no one has; the others (joining) take it before they bind, onto the first's.
// "*" (Any) is IPv6 and IPv4, as QTcpServer listens on it. -1 with *error.
int reusePortSocket(const QHostAddress &address, quint16 port, bool joining, QString *error)
{
    const bool dualStack = address == QHostAddress::Any;
    const bool v6 = dualStack || address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const auto failed = [&](const char *what) {
        *error = u"server/listen: cannot %1 %2:%3: %4"_s.arg(QLatin1StringView(what), address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            ::close(fd);
        return -1;
    };
    if (fd < 0)
        return failed("open a socket for");
    const int on = 1;
    const int off = 0;
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0
        || (joining && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0)
        || (v6 && ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, dualStack ? &off : &on, sizeof on) != 0))
        return failed("set the socket options for");
    int bound = -1;
    if (v6) {
        sockaddr_in6 a {};
        a.sin6_family = AF_INET6;
        a.sin6_port = htons(port);
        if (!dualStack && address != QHostAddress::AnyIPv6) {
            const Q_IPV6ADDR bytes = address.toIPv6Address();
            std::memcpy(&a.sin6_addr, &bytes, sizeof bytes);
            a.sin6_scope_id = address.scopeId().toUInt();
        }
        bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
    } else {
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(address == QHostAddress::AnyIPv4 ? INADDR_ANY : address.toIPv4Address());
        bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a);
    }
    if (bound != 0)
        return failed("listen on");
    if (!joining && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0)
        return failed("set the socket options for");
    if (::listen(fd, SOMAXCONN) != 0)
        return failed("listen on");
    return fd;
}
// Matches no request: on each one, before the routes, it releases the store's reads (now, and again once the
// request has been handled).
class FreshReadsRule : public QHttpServerRouterRule
{
public:
    using QHttpServerRouterRule::QHttpServerRouterRule;

protected:
    bool matches(const QHttpServerRequest &, QRegularExpressionMatch *) const override
    {
        auto *stack = static_cast<HttpStack *>(const_cast<QObject *>(contextObject()));
        stack->releaseReads();
        QMetaObject::invokeMethod(stack, &HttpStack::releaseReads, Qt::QueuedConnection);
        return false;
    }
};
} // namespace

HttpStack::HttpStack(const Shared &shared, Services services, const HttpStack *first, int index, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_services(services)
    , m_first(first)
    , m_http(std::make_unique<QHttpServer>())
{
    // The guard's rule goes in front of every route; its listener admits the connections.
    m_guard = first ? first->m_guard->sibling(m_http.get(), index)
                    : new ConnectionGuard(shared.limits, shared.ddi.externalUrl, m_http.get());
    m_guard->setMetrics(shared.metrics, index);
    m_guard->install(*m_http);
    // Each request reads what other threads committed before it, and lets go of it once answered (so that an idle
    // thread's connection holds no old snapshot: SQLite could not checkpoint its WAL past it).
    m_http->route<FreshReadsRule>(u"/"_s, QHttpServerRequest::Method::AnyKnown, this,
                                  [](const QHttpServerRequest &, QHttpServerResponder &) { });
    m_ddi = new DdiServer(services.store.stores(), *shared.artifacts, *shared.clock, services.deployment,
                          services.rollouts, shared.ddi, m_http.get());
    m_ddi->setMetrics(shared.metrics);
    m_ddi->install(*m_http);
    m_management = new ManagementServer(services.store, *shared.artifacts, services.deployment, services.rollouts,
                                        services.accounts, shared.config->maxArtifactBytes, m_http.get());
    m_management->setTenant(shared.config->tenant);
    m_management->setExternalUrl(shared.ddi.externalUrl);
    m_management->setMetrics(shared.metrics);
    m_management->install(*m_http);
    // Live events: this store's committed changes (described from it, on this thread) and this thread's polls.
    EventStream *events = shared.events;
    shared.events->install(*m_http, services.accounts);
    services.store.setChangeListener([events, &store = services.store](const QList<StoreChange> &changes) {
        events->publishChanges(store, changes);
    });
    connect(m_ddi, &DdiServer::polled, events, &EventStream::publishPoll);
    if (shared.config->metricsEnabled) {
        m_metricsEndpoint = new MetricsEndpoint(
            *shared.metrics, services.accounts, shared.config->metricsToken.toUtf8(),
            [this] { return m_shared.gauges(m_services.store); }, m_http.get());
        m_metricsEndpoint->install(*m_http);
    }
    m_http->setMissingHandler(
        m_http.get(), [metrics = shared.metrics](const QHttpServerRequest &request, QHttpServerResponder &responder) {
            QHttpHeaders h;
            h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
            responder.write(R"({"errorCode":"flotilla.notFound","message":"no such resource"})"_ba, h,
                            QHttpServerResponder::StatusCode::NotFound);
            metrics->recordRequest("other"_L1, u"(no route)"_s, httpMethodName(request.method()), 404, 0);
        });
}

HttpStack::~HttpStack()
{
    m_services.store.setChangeListener({});
    m_http.reset(); // the routes first: they refer to the store and the services
}

bool HttpStack::listen(QString *error)
{
    const ServerConfig &config = *m_shared.config;
    std::unique_ptr<QTcpServer> listener = m_guard->makeListener(m_shared.tls.has_value());
    if (m_shared.tls)
        static_cast<QSslServer *>(listener.get())->setSslConfiguration(*m_shared.tls);
    if (m_shared.threads == 1) {
        if (!listener->listen(config.listenAddress, config.listenPort)) {
            *error = u"server/listen: cannot listen on %1:%2: %3"_s.arg(config.listenAddress.toString())
                         .arg(config.listenPort)
                         .arg(listener->errorString());
            return false;
        }
    } else {
        // A socket of its own on the server's address and port (the first stack's port when it was picked).
        const int fd = reusePortSocket(config.listenAddress, m_first ? m_first->port() : config.listenPort,
                                       m_first != nullptr, error);
        if (fd < 0)
            return false;
        if (!listener->setSocketDescriptor(fd)) {
            ::close(fd);
            *error = u"server/listen: an HTTP thread could not take its socket: %1"_s.arg(listener->errorString());
            return false;
        }
    }
    if (!m_http->bind(listener.get())) {
        *error = u"server/listen: the HTTP server could not take the listener"_s;
        return false;
    }
    m_listener = listener.release(); // QHttpServer owns bound listeners
    return true;
}

void HttpStack::releaseReads()
{
    m_services.store.releaseReads();
}

void HttpStack::close()
{
    if (m_listener)
        m_listener->close();
}

quint16 HttpStack::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QHostAddress HttpStack::address() const
{
    return m_listener ? m_listener->serverAddress() : m_shared.config->listenAddress;
}

} // namespace Flotilla
