#include "backend/connectionguard.h"

#include "backend/backendlogging.h"
#include "backend/connectionguard_p.h"
#include "backend/httpmethod.h"
#include "backend/servermetrics.h"
#include "backend/steadyclock.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerRouterRule>
#include <QMutex>
#include <QRegularExpression>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// A request that has sent this much is past its header (the HTTP server's own header limit is lower).
constexpr qint64 HeaderBytes = 16 * 1024;

QByteArray rawAnswer(int status, const QByteArray &reason, const QByteArray &errorCode, const QString &message,
                     int retryAfterSecs = 0)
{
    const QByteArray body
        = R"({"exceptionClass":"","errorCode":")" + errorCode + R"(","message":")" + message.toUtf8() + R"("})";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n";
    if (retryAfterSecs > 0)
        head += "Retry-After: " + QByteArray::number(retryAfterSecs) + "\r\n";
    return head + "\r\n" + body;
}

bool isWrite(const QHttpServerRequest &request)
{
    using M = QHttpServerRequest::Method;
    return !(request.method() & (M::Get | M::Head | M::Options));
}

// DDI artifact downloads: /{tenant}/controller/v1/{controllerId}/softwaremodules/{id}/artifacts/{file}
bool isArtifactDownload(const QHttpServerRequest &request)
{
    static const QRegularExpression download(u"^/[^/]+/controller/v1/[^/]+/softwaremodules/[^/]+/artifacts/[^/]+$"_s);
    using M = QHttpServerRequest::Method;
    return (request.method() & (M::Get | M::Head)) && download.match(request.url().path()).hasMatch();
}

// The HTTP server takes accepted connections through the virtual nextPendingConnection(): the guard sees each
// first and hands on only those it admits.
template<class Listener> class GuardedListener : public Listener
{
public:
    explicit GuardedListener(ConnectionGuard &guard)
        : m_guard(guard)
    { }
    QTcpSocket *nextPendingConnection() override
    {
        while (QTcpSocket *socket = Listener::nextPendingConnection()) {
            if (m_guard.admit(socket))
                return socket;
        }
        return nullptr;
    }

private:
    ConnectionGuard &m_guard;
};

// The first rule of the router: it "matches" exactly the requests the guard refuses, so those are answered here
// and every other request goes on to the real routes.
class GuardRule : public QHttpServerRouterRule
{
public:
    using QHttpServerRouterRule::QHttpServerRouterRule;

protected:
    bool matches(const QHttpServerRequest &request, QRegularExpressionMatch *) const override
    {
        auto *guard = qobject_cast<ConnectionGuard *>(const_cast<QObject *>(contextObject()));
        return guard && !guard->admitRequest(request);
    }
};

bool asksToClose(const QHttpServerRequest &request)
{
    const QList<QByteArray> options = request.value("connection").split(',');
    return std::any_of(options.cbegin(), options.cend(),
                       [](const QByteArray &o) { return o.trimmed().compare("close", Qt::CaseInsensitive) == 0; });
}
} // namespace

struct ConnectionGuard::Counts
{
    explicit Counts(const RequestRateLimiter::Limits &limits)
        : rates(limits)
    {
        clock.start();
    }
    QMutex lock;
    RequestRateLimiter rates;
    QElapsedTimer clock;
    QHash<QHostAddress, int> perAddress;
    int open = 0;
};

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, ExternalUrl proxies, QObject *parent)
    : ConnectionGuard(limits, std::move(proxies), std::make_shared<Counts>(limits.rates), parent)
{ }

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, ExternalUrl proxies, std::shared_ptr<Counts> counts,
                                 QObject *parent)
    : QObject(parent)
    , m_limits(std::move(limits))
    , m_proxies(std::move(proxies))
    , m_counts(std::move(counts))
{ }

ConnectionGuard *ConnectionGuard::sibling(QObject *parent, int thread) const
{
    auto *guard = new ConnectionGuard(m_limits, m_proxies, m_counts, parent);
    guard->setMetrics(m_metrics, thread);
    return guard;
}

int ConnectionGuard::connectionsFrom(const QHostAddress &address) const
{
    const QMutexLocker locker(&m_counts->lock);
    return m_counts->perAddress.value(address);
}

int ConnectionGuard::openConnections() const
{
    const QMutexLocker locker(&m_counts->lock);
    return m_counts->open;
}

ConnectionGuard::~ConnectionGuard()
{
    // Watches outlive the guard only while their sockets are being torn down; they must not call back.
    for (ConnectionWatch *w : std::as_const(m_watches))
        w->detach();
}

std::unique_ptr<QTcpServer> ConnectionGuard::makeListener(bool ssl)
{
    if (ssl)
        return std::make_unique<GuardedListener<QSslServer>>(*this);
    return std::make_unique<GuardedListener<QTcpServer>>(*this);
}

void ConnectionGuard::install(QHttpServer &server)
{
    server.route<GuardRule>(
        u"/"_s, QHttpServerRequest::Method::AnyKnown, this,
        [this](const QHttpServerRequest &request, QHttpServerResponder &responder) { refuse(request, responder); });
}

bool ConnectionGuard::admit(QTcpSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    QMutexLocker locker(&m_counts->lock);
    if (m_limits.perAddress > 0 && m_counts->perAddress.value(address) >= m_limits.perAddress
        && !m_proxies.isTrustedProxy(address)) {
        locker.unlock();
        qCInfo(lcHttp).noquote() << "refused a connection from" << address.toString() << ":" << m_limits.perAddress
                                 << "are open from there";
        socket->write(rawAnswer(429, "Too Many Requests", "flotilla.http.tooManyConnections",
                                u"at most %1 concurrent connections per address"_s.arg(m_limits.perAddress), 1));
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return false;
    }
    ++m_counts->perAddress[address];
    ++m_counts->open;
    locker.unlock();
    auto *watch = new ConnectionWatch(*this, socket);
    m_watches.insert({ watch->address(), watch->port() }, watch);
    if (m_metrics)
        m_metrics->recordConnection(m_thread);
    return true;
}

void ConnectionGuard::forget(ConnectionWatch *watch)
{
    if (m_watches.remove({ watch->address(), watch->port() }) == 0)
        return;
    const QMutexLocker locker(&m_counts->lock);
    --m_counts->open;
    auto it = m_counts->perAddress.find(watch->address());
    if (it != m_counts->perAddress.end() && --*it <= 0)
        m_counts->perAddress.erase(it);
}

bool ConnectionGuard::admitRequest(const QHttpServerRequest &request)
{
    // Queued until the answer is written, so this may come before the request is routed.
    if (asksToClose(request)) {
        if (ConnectionWatch *w = m_watches.value({ request.remoteAddress(), request.remotePort() }))
            w->closeWhenAnswered();
    }
    if (isArtifactDownload(request))
        return true;
    const QHostAddress client = m_proxies.clientOf(request);
    const QMutexLocker locker(&m_counts->lock);
    m_refusal = m_counts->rates.admit(client, isWrite(request), m_counts->clock.elapsed());
    return m_refusal.allowed;
}

void ConnectionGuard::refuse(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QHostAddress client = m_proxies.clientOf(request);
    const bool write = isWrite(request);
    qCDebug(lcHttp).noquote() << "rate limit:" << client.toString() << request.url().path();
    QHttpHeaders h;
    h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
    h.append(QHttpHeaders::WellKnownHeader::RetryAfter, QByteArray::number(m_refusal.retryAfterSecs));
    const QString message = u"more than %1 %2 per second from %3; try again in %4 s"_s
                                .arg(write ? m_limits.rates.writesPerSecond : m_limits.rates.readsPerSecond)
                                .arg(write ? u"writes"_s : u"reads"_s, client.toString())
                                .arg(m_refusal.retryAfterSecs);
    responder.write(R"({"exceptionClass":"","errorCode":"flotilla.http.tooManyRequests","message":")" + message.toUtf8()
                        + R"("})",
                    h, QHttpServerResponder::StatusCode::TooManyRequests);
    if (m_metrics)
        m_metrics->recordRequest("other"_L1, u"(rate limited)"_s, httpMethodName(request.method()), 429, 0);
}

ConnectionWatch::ConnectionWatch(ConnectionGuard &guard, QTcpSocket *socket)
    : QObject(socket)
    , m_guard(&guard)
    , m_socket(socket)
    , m_address(socket->peerAddress())
    , m_port(socket->peerPort())
{
    const ConnectionLimits &limits = guard.limits();
    m_idle.setSingleShot(true);
    m_header.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionWatch::idle);
    connect(&m_header, &QTimer::timeout, this, &ConnectionWatch::headerTooSlow);
    m_idleMs = limits.idleTimeoutMs;
    m_headerMs = limits.headerTimeoutMs;
    m_lastActivityMs = steadyMs();
    if (m_idleMs > 0)
        m_idle.start(std::chrono::milliseconds(m_idleMs));
    // Connected before the HTTP server connects its own: this sees each byte before the request parser does.
    m_readConnection = connect(socket, &QIODevice::readyRead, this, &ConnectionWatch::received);
    connect(socket, &QIODevice::bytesWritten, this, &ConnectionWatch::sent);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &ConnectionWatch::sent);
}

ConnectionWatch::~ConnectionWatch()
{
    if (m_guard)
        m_guard->forget(this);
}

bool ConnectionWatch::ours() const
{
    return bool(m_readConnection);
}

void ConnectionWatch::received()
{
    m_lastActivityMs = steadyMs();
    if (!m_inRequest) {
        m_inRequest = true;
        m_headerDone = false;
        m_requestBytes = 0;
        m_requestStartMs = m_lastActivityMs;
        if (m_headerMs > 0 && !m_header.isActive())
            m_header.start(std::chrono::milliseconds(m_headerMs));
    }
    if (m_headerDone)
        return;
    const qint64 available = m_socket->bytesAvailable();
    m_requestBytes += available;
    if (m_requestBytes >= HeaderBytes || m_socket->peek(std::min(available, HeaderBytes)).contains("\r\n\r\n"))
        m_headerDone = true;
}

void ConnectionWatch::sent()
{
    m_lastActivityMs = steadyMs();
    // An answer is going out: the request was read whole.
    m_inRequest = false;
    if (m_closing)
        QMetaObject::invokeMethod(this, &ConnectionWatch::checkAnswered, Qt::QueuedConnection);
}

void ConnectionWatch::closeWhenAnswered()
{
    m_closing = true;
    // Queued: a streamed answer (an artifact) writes its next piece on the same signal this is called after.
    QMetaObject::invokeMethod(this, &ConnectionWatch::checkAnswered, Qt::QueuedConnection);
}

void ConnectionWatch::checkAnswered()
{
    if (!ours() || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    if (m_socket->bytesToWrite() > 0 || (ssl && ssl->encryptedBytesToWrite() > 0))
        return; // more to write: sent() comes back here
    if (m_inRequest)
        return; // no answer yet (one held for a group commit): sent() comes back here
    m_socket->disconnectFromHost();
}

void ConnectionWatch::idle()
{
    if (!ours())
        return; // a WebSocket now: the event stream keeps it alive with its own pings
    if (const qint64 quiet = steadyMs() - m_lastActivityMs; quiet < m_idleMs) {
        m_idle.start(std::chrono::milliseconds(m_idleMs - quiet)); // active since it was armed
        return;
    }
    qCDebug(lcHttp).noquote() << "closing an idle connection from" << m_address.toString();
    if (m_socket->bytesToWrite() > 0)
        m_socket->abort(); // a client that stopped reading its answer
    else
        m_socket->disconnectFromHost();
}

void ConnectionWatch::headerTooSlow()
{
    if (!ours() || m_headerDone || !m_inRequest)
        return; // armed again when the next request begins
    if (const qint64 taken = steadyMs() - m_requestStartMs; taken < m_headerMs) {
        m_header.start(std::chrono::milliseconds(m_headerMs - taken)); // a request that began after it was armed
        return;
    }
    qCInfo(lcHttp).noquote() << "closing a connection from" << m_address.toString()
                             << ": its request header was not complete in" << m_headerMs << "ms";
    m_socket->write(rawAnswer(408, "Request Timeout", "flotilla.http.requestTimeout",
                              u"the request header was not complete within %1 s"_s.arg(m_headerMs / 1000)));
    m_socket->disconnectFromHost();
}

} // namespace Flotilla
