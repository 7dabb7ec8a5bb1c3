#pragma once

// The device's side of hawkBit DDI v1: requests to the server with the device's credentials (TargetToken or
// GatewayToken), TLS with a CA file and an optional client certificate. It follows only the links the server
// handed out (never builds a resource URL itself, apart from the base poll), and refuses links to other hosts.
#include "agent/agentconfig.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace Flotilla::Agent {

struct DdiReply
{
    int status = 0; // HTTP status; 0 when the server was not reached
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    bool ok() const { return status >= 200 && status < 300; }
    // The server was not reached or could not answer (worth retrying later).
    bool transient() const { return status == 0 || status >= 500 || status == 429 || status == 408; }
    QString describe() const;
};

class DdiClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const DdiReply &)>;

    // network: a QNetworkAccessManager shared with other clients (a simulated fleet's devices share one, and
    // with it its connections and its thread); nullptr: the client's own.
    explicit DdiClient(const AgentConfig &config, QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~DdiClient() override;
    // False (with *error) when the CA file or the client certificate cannot be used.
    bool setUpTls(QString *error);

    // {server}/{tenant}/controller/v1/{controllerId}
    QUrl baseUrl() const;
    // The base resource of another device on the same server and tenant (a gateway polls for the devices behind
    // it, a simulated fleet for its dormant devices).
    QUrl baseUrlOf(const QString &controllerId) const;
    // Whether the server handed out this link for DDI resources (its own scheme, host and port).
    bool isServerLink(const QUrl &url) const;
    // Whether an artifact may be downloaded from this link: the server's host or one of server/downloadHosts.
    bool isDownloadLink(const QUrl &url) const;

    void get(const QUrl &url, Callback done);
    // A GET with another device's TargetToken (empty: this client's credentials).
    void getAs(const QUrl &url, const QString &targetToken, Callback done);
    // Requests sent and not yet answered.
    int pendingRequests() const { return m_pending; }
    void put(const QUrl &url, const QByteArray &json, Callback done);
    void post(const QUrl &url, const QByteArray &json, Callback done);
    // A request for a download: credentials only to the server itself, never to another host.
    QNetworkRequest downloadRequest(const QUrl &url) const;
    QNetworkAccessManager *network() { return m_network; }

private:
    QNetworkRequest request(const QUrl &url, const QString &targetToken = {}) const;
    void send(QNetworkReply *reply, Callback done);

    const AgentConfig &m_config;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkAccessManager *m_network;
    int m_pending = 0;
    // Only for https: constructing a QSslConfiguration loads the TLS backend (and OpenSSL's ssl library).
    std::optional<QSslConfiguration> m_tls;
};

} // namespace Flotilla::Agent
