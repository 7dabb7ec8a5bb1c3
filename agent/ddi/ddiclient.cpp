#include "agent/ddi/ddiclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

int portOf(const QUrl &url)
{
    return url.port(url.scheme() == "https"_L1 ? 443 : 80);
}

} // namespace

QString DdiReply::describe() const
{
    if (status == 0)
        return errorString.isEmpty() ? u"no answer"_s : errorString;
    // hawkBit's error body: {"errorCode": ..., "message": ...}
    QString message = QString::fromUtf8(body.left(300)).simplified();
    return message.isEmpty() ? u"HTTP %1"_s.arg(status) : u"HTTP %1: %2"_s.arg(status).arg(message);
}

DdiClient::DdiClient(const AgentConfig &config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_ownNetwork(network ? nullptr : std::make_unique<QNetworkAccessManager>())
    , m_network(network ? network : m_ownNetwork.get())
{
    if (m_ownNetwork) {
        m_ownNetwork->setAutoDeleteReplies(false);
        m_ownNetwork->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
}

DdiClient::~DdiClient()
{
    // Requests still open end with the client (their callbacks belong to its owner), before the network goes.
    qDeleteAll(findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly));
}

bool DdiClient::setUpTls(QString *error)
{
    if (m_config.serverUrl.scheme() != "https"_L1)
        return true;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_config.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_config.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = u"server/caFile: %1 holds no PEM certificate"_s.arg(m_config.caFile);
            return false;
        }
        tls.setCaCertificates(cas);
    }
    if (!m_config.clientCertificate.isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(m_config.clientCertificate, QSsl::Pem);
        if (chain.isEmpty()) {
            *error = u"server/clientCertificate: %1 holds no PEM certificate"_s.arg(m_config.clientCertificate);
            return false;
        }
        QFile keyFile(m_config.clientKey);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = u"server/clientKey: %1 cannot be read"_s.arg(m_config.clientKey);
            return false;
        }
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            *error = u"server/clientKey: %1 is not an unencrypted PEM RSA or EC key"_s.arg(m_config.clientKey);
            return false;
        }
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(key);
    }
    m_tls = tls;
    return true;
}

QUrl DdiClient::baseUrl() const
{
    return baseUrlOf(m_config.controllerId);
}

QUrl DdiClient::baseUrlOf(const QString &controllerId) const
{
    QUrl url = m_config.serverUrl;
    url.setPath(url.path() + u'/' + m_config.tenant + u"/controller/v1/"_s + controllerId);
    return url;
}

bool DdiClient::isServerLink(const QUrl &url) const
{
    return url.isValid() && url.scheme() == m_config.serverUrl.scheme()
        && url.host().compare(m_config.serverUrl.host(), Qt::CaseInsensitive) == 0
        && portOf(url) == portOf(m_config.serverUrl);
}

bool DdiClient::isDownloadLink(const QUrl &url) const
{
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
        return false;
    if (url.host().compare(m_config.serverUrl.host(), Qt::CaseInsensitive) == 0
        && portOf(url) == portOf(m_config.serverUrl))
        return true;
    return m_config.downloadHosts.contains(url.host().toLower());
}

QNetworkRequest DdiClient::request(const QUrl &url, const QString &targetToken) const
{
    QNetworkRequest r(url);
    r.setRawHeader("Accept", "application/hal+json, application/json");
    r.setHeader(QNetworkRequest::UserAgentHeader, u"flotilla-agent/%1"_s.arg(QCoreApplication::applicationVersion()));
    if (!targetToken.isEmpty())
        r.setRawHeader("Authorization", "TargetToken " + targetToken.toUtf8());
    else if (!m_config.targetToken.isEmpty())
        r.setRawHeader("Authorization", "TargetToken " + m_config.targetToken.toUtf8());
    else if (!m_config.gatewayToken.isEmpty())
        r.setRawHeader("Authorization", "GatewayToken " + m_config.gatewayToken.toUtf8());
    r.setTransferTimeout(std::chrono::seconds(m_config.requestTimeoutSeconds));
    if (m_tls)
        r.setSslConfiguration(*m_tls);
    return r;
}

QNetworkRequest DdiClient::downloadRequest(const QUrl &url) const
{
    QNetworkRequest r = request(url);
    r.setRawHeader("Accept", "application/octet-stream");
    if (!isServerLink(url))
        r.setRawHeader("Authorization", QByteArray()); // a CDN gets no device credentials
    return r;
}

void DdiClient::get(const QUrl &url, Callback done)
{
    send(m_network->get(request(url)), std::move(done));
}

void DdiClient::getAs(const QUrl &url, const QString &targetToken, Callback done)
{
    send(m_network->get(request(url, targetToken)), std::move(done));
}

void DdiClient::put(const QUrl &url, const QByteArray &json, Callback done)
{
    QNetworkRequest r = request(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    send(m_network->put(r, json), std::move(done));
}

void DdiClient::post(const QUrl &url, const QByteArray &json, Callback done)
{
    QNetworkRequest r = request(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    send(m_network->post(r, json), std::move(done));
}

void DdiClient::send(QNetworkReply *reply, Callback done)
{
    reply->setParent(this);
    ++m_pending;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        --m_pending;
        DdiReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        if (r.status == 0)
            r.errorString = reply->errorString();
        // A body beyond 1 MiB is not a DDI document.
        if (reply->isOpen())
            r.body = reply->read(1 << 20);
        reply->deleteLater();
        done(r);
    });
}

} // namespace Flotilla::Agent
