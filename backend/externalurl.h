#pragma once

#include <QHostAddress>
#include <QList>
#include <QUrl>

class QHttpServerRequest;

namespace Flotilla {

// The base URL devices must use to reach this server, for the links the DDI API hands out. Wrong links behind
// proxies are hawkBit's most reported problem, so the order is explicit:
//  1. the configured public URL, when there is one;
//  2. X-Forwarded-Proto/-Host/-Port, but only when the request comes from a configured trusted proxy;
//  3. the request's own Host header with the listener's scheme.
class ExternalUrl
{
public:
    ExternalUrl() = default;
    ExternalUrl(QUrl publicUrl, QList<std::pair<QHostAddress, int>> trustedProxies, bool tls);

    // Parses "10.0.0.1, 192.168.0.0/16, ::1" into subnets; false on the first bad entry (named in error).
    static bool parseProxies(const QString &text, QList<std::pair<QHostAddress, int>> *out, QString *error);

    // scheme://host[:port][/path prefix], without a trailing slash.
    QString baseFor(const QHttpServerRequest &request) const;
    bool isTrustedProxy(const QHostAddress &peer) const;
    // Who sent the request: the peer, or behind a trusted proxy the last address in X-Forwarded-For that no
    // trusted proxy added.
    QHostAddress clientOf(const QHttpServerRequest &request) const;

private:
    QUrl m_publicUrl;
    QList<std::pair<QHostAddress, int>> m_trustedProxies;
    bool m_tls = false;
};

} // namespace Flotilla
