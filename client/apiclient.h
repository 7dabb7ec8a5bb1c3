#pragma once

#include "client/apireply.h"

#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

namespace Flotilla {

// Where a console talks to: the server's base URL and how to prove who we are.
struct ServerLogin
{
    QUrl url; // http(s)://host:port — the Management API is under /rest/v1
    QString user; // empty: secret is a bearer token
    QString secret;

    QByteArray authorization() const;
    bool isValid() const { return url.isValid() && !url.host().isEmpty() && !secret.isEmpty(); }
};

// The Management API over HTTP(S), asynchronously: every call returns an ApiReply at once and never blocks.
// A TLS certificate the system does not trust fails the request with the reasons, unless the operator chose
// to trust exactly that certificate (trustCertificate) — errors are never ignored wholesale.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setLogin(const ServerLogin &login);
    const ServerLogin &login() const { return m_login; }
    bool isConfigured() const { return m_login.isValid(); }

    // Certificates the operator accepted after seeing why they are not trusted (kept for this client only).
    void trustCertificate(const QSslCertificate &certificate);
    QList<QSslCertificate> trustedCertificates() const { return m_trusted; }

    // path: below /rest/v1, e.g. "/targets" or "/targets/dev-1/actions".
    ApiReply *get(const QString &path, const QUrlQuery &query = {});
    ApiReply *post(const QString &path, const QJsonValue &body);
    ApiReply *put(const QString &path, const QJsonValue &body);
    ApiReply *remove(const QString &path);
    // multipart/form-data upload of a file (field "file"), streamed from disk; progress() reports bytes sent.
    ApiReply *upload(const QString &path, const QString &filePath);

    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;
    // One segment of a path (a controller id, a user name), percent-encoded: "/targets/" + pathSegment(id).
    static QString pathSegment(const QString &segment);
    // ws(s)://…/rest/v1/events, for EventClient.
    QUrl eventsUrl() const;
    QNetworkAccessManager *network() { return m_transport; }
    // Send every request through this manager instead of the client's own (tests: a fake Management API that
    // answers in memory, so console models run without a server). Not owned; nullptr restores the own one.
    void setTransport(QNetworkAccessManager *transport);

private:
    QNetworkRequest request(const QString &path, const QUrlQuery &query = {}) const;
    ApiReply *wrap(QNetworkReply *reply);
    ApiReply *send(const QByteArray &verb, const QString &path, const QJsonValue &body);

    QNetworkAccessManager m_network;
    QNetworkAccessManager *m_transport = &m_network;
    ServerLogin m_login;
    QList<QSslCertificate> m_trusted;
};

} // namespace Flotilla
