#include "backend/externalurl.h"

#include <QHttpServerRequest>

using namespace Qt::StringLiterals;

namespace Flotilla {

ExternalUrl::ExternalUrl(QUrl publicUrl, QList<std::pair<QHostAddress, int>> trustedProxies, bool tls)
    : m_publicUrl(std::move(publicUrl))
    , m_trustedProxies(std::move(trustedProxies))
    , m_tls(tls)
{ }

bool ExternalUrl::parseProxies(const QString &text, QList<std::pair<QHostAddress, int>> *out, QString *error)
{
    for (const QString &raw : text.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        std::pair<QHostAddress, int> subnet = QHostAddress::parseSubnet(entry);
        if (subnet.first.isNull()) {
            const QHostAddress single(entry);
            if (single.isNull()) {
                if (error)
                    *error = u"'%1' is not an IP address or subnet"_s.arg(entry);
                return false;
            }
            subnet = { single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32 };
        }
        out->append(subnet);
    }
    return true;
}

bool ExternalUrl::isTrustedProxy(const QHostAddress &peer) const
{
    for (const auto &subnet : m_trustedProxies) {
        if (peer.isInSubnet(subnet))
            return true;
        // An IPv4 proxy seen through a dual-stack socket arrives as ::ffff:a.b.c.d.
        bool ok = false;
        const quint32 v4 = peer.toIPv4Address(&ok);
        if (ok && QHostAddress(v4).isInSubnet(subnet))
            return true;
    }
    return false;
}

QHostAddress ExternalUrl::clientOf(const QHttpServerRequest &request) const
{
    const QHostAddress peer = request.remoteAddress();
    if (!isTrustedProxy(peer))
        return peer;
    // Each proxy appends the address it was reached from: the last one no trusted proxy added is the client.
    const QList<QByteArray> hops = request.value("x-forwarded-for").split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break;
        if (!isTrustedProxy(hop))
            return hop;
    }
    return peer;
}

QString ExternalUrl::baseFor(const QHttpServerRequest &request) const
{
    if (m_publicUrl.isValid() && !m_publicUrl.isEmpty()) {
        QString base = m_publicUrl.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
        while (base.endsWith(u'/'))
            base.chop(1);
        return base;
    }
    QString scheme = m_tls ? u"https"_s : u"http"_s;
    QString host = QString::fromLatin1(request.value("host"));
    if (isTrustedProxy(request.remoteAddress())) {
        const QByteArray proto = request.value("x-forwarded-proto").split(',').first().trimmed().toLower();
        const QByteArray fwdHost = request.value("x-forwarded-host").split(',').first().trimmed();
        const QByteArray fwdPort = request.value("x-forwarded-port").split(',').first().trimmed();
        if (proto == "http" || proto == "https")
            scheme = QString::fromLatin1(proto);
        if (!fwdHost.isEmpty())
            host = QString::fromLatin1(fwdHost);
        if (!fwdPort.isEmpty()) {
            bool ok = false;
            const int port = fwdPort.toInt(&ok);
            if (ok && port > 0 && port < 65536) {
                // Replace a port the forwarded host may carry; leave the scheme's default port implicit.
                QUrl u(scheme + u"://"_s + host);
                u.setPort((scheme == u"https"_s && port == 443) || (scheme == u"http"_s && port == 80) ? -1 : port);
                host = u.authority();
            }
        }
    }
    if (host.isEmpty()) {
        host = request.localAddress().toString();
        if (request.localAddress().protocol() == QAbstractSocket::IPv6Protocol)
            host = u'[' + host + u']';
        host += u':' + QString::number(request.localPort());
    }
    return scheme + u"://"_s + host;
}

} // namespace Flotilla
