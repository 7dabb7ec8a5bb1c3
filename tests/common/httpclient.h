#pragma once

// A blocking HTTP client for integration tests: one request, the answer when it is complete (the event loop
// runs meanwhile, so an in-process server answers too).
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

#include <optional>

namespace FlotillaTest {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    // The href of a rel in a DDI "_links" object, empty when absent.
    QString link(const QString &rel) const
    {
        return json()
            .value(QLatin1String("_links"))
            .toObject()
            .value(rel)
            .toObject()
            .value(QLatin1String("href"))
            .toString();
    }
};

class HttpClient
{
public:
    explicit HttpClient(QString base)
        : m_base(std::move(base))
    { }
    HttpClient(QString base, QByteArray authorization)
        : m_base(std::move(base))
        , m_authorization(std::move(authorization))
    { }

    void setAuthorization(const QByteArray &value) { m_authorization = value; }
    // For https with a test CA.
    void setSslConfiguration(const QSslConfiguration &tls) { m_tls = tls; }
    QString base() const { return m_base; }

    // path is relative to the base unless it is a whole URL.
    HttpAnswer send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000)
    {
        const QUrl url(path.startsWith(QLatin1String("http")) ? path : m_base + path);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!m_authorization.isEmpty())
            request.setRawHeader("Authorization", m_authorization);
        if (m_tls)
            request.setSslConfiguration(*m_tls);
        if (!body.isEmpty() || verb == "POST" || verb == "PUT")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &[key, value] : headers)
            request.setRawHeader(key, value);
        // HEAD through head(): as a custom verb QNAM would wait for the body Content-Length announces.
        QNetworkReply *reply = verb == "HEAD" ? m_nam.head(request) : m_nam.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        answer.error = reply->error();
        reply->deleteLater();
        return answer;
    }
    HttpAnswer get(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", path, {}, headers);
    }
    HttpAnswer post(const QString &path, const QByteArray &body) { return send("POST", path, body); }
    HttpAnswer put(const QString &path, const QByteArray &body) { return send("PUT", path, body); }

private:
    QString m_base;
    QByteArray m_authorization;
    std::optional<QSslConfiguration> m_tls;
    QNetworkAccessManager m_nam;
};

} // namespace FlotillaTest
