#include "client/apiclient.h"
#include "client/clientlogging.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Flotilla {

QByteArray ServerLogin::authorization() const
{
    if (user.isEmpty())
        return "Bearer " + secret.toUtf8();
    return "Basic " + (user + u':' + secret).toUtf8().toBase64();
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_network.setAutoDeleteReplies(false); // ApiReply owns its QNetworkReply
    m_network.setTransferTimeout(30000);
}

ApiClient::~ApiClient() = default;

void ApiClient::setLogin(const ServerLogin &login)
{
    m_login = login;
    m_network.clearConnectionCache();
}

void ApiClient::setTransport(QNetworkAccessManager *transport)
{
    m_transport = transport ? transport : &m_network;
    m_transport->setAutoDeleteReplies(false);
}

void ApiClient::trustCertificate(const QSslCertificate &certificate)
{
    if (!m_trusted.contains(certificate))
        m_trusted.append(certificate);
}

QUrl ApiClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_login.url;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/rest/v1"_s + path);
    url.setQuery(query);
    return url;
}

QString ApiClient::pathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QUrl ApiClient::eventsUrl() const
{
    QUrl url = urlFor(u"/events"_s);
    url.setScheme(url.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    return url;
}

QNetworkRequest ApiClient::request(const QString &path, const QUrlQuery &query) const
{
    QNetworkRequest r(urlFor(path, query));
    r.setRawHeader("Authorization", m_login.authorization());
    r.setRawHeader("Accept", "application/json");
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return r;
}

ApiReply *ApiClient::wrap(QNetworkReply *reply)
{
    // Only the exact certificates the operator accepted get their errors ignored, and only those errors.
    connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            if (!m_trusted.contains(e.certificate()))
                return;
        }
        reply->ignoreSslErrors(errors);
    });
    return new ApiReply(reply, this);
}

ApiReply *ApiClient::get(const QString &path, const QUrlQuery &query)
{
    return wrap(m_transport->get(request(path, query)));
}

ApiReply *ApiClient::send(const QByteArray &verb, const QString &path, const QJsonValue &body)
{
    QNetworkRequest r = request(path);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray bytes = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
        : body.isObject()                   ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                                            : QByteArray();
    return wrap(m_transport->sendCustomRequest(r, verb, bytes));
}

ApiReply *ApiClient::post(const QString &path, const QJsonValue &body)
{
    return send("POST", path, body);
}

ApiReply *ApiClient::put(const QString &path, const QJsonValue &body)
{
    return send("PUT", path, body);
}

ApiReply *ApiClient::remove(const QString &path)
{
    return wrap(m_transport->deleteResource(request(path)));
}

ApiReply *ApiClient::upload(const QString &path, const QString &filePath)
{
    auto *file = new QFile(filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        // Fail like any other request, asynchronously and with the reason: QNetworkAccessManager reports why the
        // local file cannot be read.
        return wrap(m_network.get(QNetworkRequest(QUrl::fromLocalFile(filePath))));
    }
    auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    const QString name = QFileInfo(filePath).fileName();
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   u"form-data; name=\"file\"; filename=\"%1\""_s.arg(name).toUtf8());
    part.setBodyDevice(file);
    file->setParent(multi);
    multi->append(part);
    QNetworkRequest r = request(path);
    QNetworkReply *reply = m_transport->post(r, multi);
    multi->setParent(reply);
    qCDebug(lcClient) << "uploading" << filePath << "to" << r.url();
    return wrap(reply);
}

} // namespace Flotilla
