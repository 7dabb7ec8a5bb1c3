#pragma once

#include "backend/externalurl.h"
#include "backend/requestratelimiter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QSslServer;
class QTcpServer;
class QTcpSocket;

namespace Flotilla {

class ConnectionWatch;
class ServerMetrics;

// What the server allows one client, and for how long it waits on one.
struct ConnectionLimits
{
    int perAddress = 1000; // concurrent connections from one address (trusted proxies exempt); 0: no cap
    int idleTimeoutMs = 60'000; // a connection with no byte in or out this long is closed; 0: never
    int headerTimeoutMs = 10'000; // a request whose header is not complete this long after its first byte: 408
    RequestRateLimiter::Limits rates; // requests per second per client address (hawkBit's DoS filter)
};

// The server's guard against clients that take more than their share, on the connections the HTTP server
// accepts (its listener comes from makeListener) and on every request before it is routed (install adds a rule
// in front of all others; QHttpServer 6.8 has no request filter of its own):
//  - a cap on concurrent connections per address (the one over it gets 429 and the close);
//  - slow-loris: a request header still incomplete headerTimeoutMs after its first byte gets 408 and the close;
//  - idle connections, and clients that stop reading an answer, are closed after idleTimeoutMs;
//  - requests per second per client address (429 with Retry-After; behind a trusted proxy the client is the
//    last untrusted X-Forwarded-For address), except artifact downloads, which range-requesting clients such
//    as RAUC's streaming mode make by the hundred (hawkBit issue 1249);
//  - "Connection: close": the connection closes once the answer is out (RFC 9112, 9.6).
// Lives on the HTTP server's thread; each HTTP thread of a server has its own guard (sibling()), and they share the
// counts: connections per address, and the requests per second per client.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // proxies: who the trusted proxies are (ExternalUrl::clientOf, isTrustedProxy).
    ConnectionGuard(ConnectionLimits limits, ExternalUrl proxies, QObject *parent = nullptr);
    ~ConnectionGuard() override;
    // A guard for another HTTP thread (call it there; thread: its number for the metrics): the same limits,
    // counting with this one.
    ConnectionGuard *sibling(QObject *parent, int thread) const;

    // A listener (TLS when ssl) whose accepted connections pass admit() before the HTTP server sees them.
    std::unique_ptr<QTcpServer> makeListener(bool ssl);
    // Puts the request rule in front of every route: call before any other route is added.
    void install(QHttpServer &server);

    // A new connection: true when it may be served; false when it was refused (answered and closing).
    bool admit(QTcpSocket *socket);
    // Every request, before routing: false when it is over its client's rate (refuse() answers it). Also arranges
    // the close a "Connection: close" asks for.
    bool admitRequest(const QHttpServerRequest &request);
    void refuse(const QHttpServerRequest &request, QHttpServerResponder &responder);

    int connectionsFrom(const QHostAddress &address) const;
    // On every thread's guard.
    int openConnections() const;
    const ConnectionLimits &limits() const { return m_limits; }
    // Where refused requests and accepted connections are counted (none: not counted), as this thread's.
    void setMetrics(ServerMetrics *metrics, int thread = 0)
    {
        m_metrics = metrics;
        m_thread = thread;
    }

private:
    friend class ConnectionWatch;
    void forget(ConnectionWatch *watch);

    struct Counts; // shared by siblings, behind its lock
    ConnectionGuard(ConnectionLimits limits, ExternalUrl proxies, std::shared_ptr<Counts> counts, QObject *parent);

    ConnectionLimits m_limits;
    ExternalUrl m_proxies;
    std::shared_ptr<Counts> m_counts;
    RequestRateLimiter::Decision m_refusal; // the last request's, for refuse() (which follows on this thread)
    QHash<std::pair<QHostAddress, quint16>, ConnectionWatch *> m_watches; // this thread's connections
    ServerMetrics *m_metrics = nullptr;
    int m_thread = 0;
};

} // namespace Flotilla
