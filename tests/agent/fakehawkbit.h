#pragma once

// A DDI server in the test process that speaks only what hawkBit documents (hawkBit's DDI API
// documentation): string ids, "download-http" links only (OSS defaults), a sleep with hawkBit 0.10's jitter suffix, and
// whatever deployment body, artifact bytes or feedback status a test sets. It records every request, so the
// agent's feedback can be read back in order. Not flotillad: it proves the agent needs nothing of flotillad's.
#include <QCryptographicHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>

#include <optional>

namespace FlotillaTest {

class FakeHawkbit
{
public:
    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray body;
        QByteArray authorization;
        QByteArray range;
    };

    // With tls: HTTPS (QSslServer), e.g. with peerVerifyMode VerifyPeer for mutual TLS.
    explicit FakeHawkbit(const std::optional<QSslConfiguration> &tls = std::nullopt)
    {
        if (tls) {
            auto *ssl = new QSslServer(&m_http);
            ssl->setSslConfiguration(*tls);
            m_tcp = ssl;
            m_scheme = QStringLiteral("https");
        } else {
            m_tcp = new QTcpServer(&m_http);
        }
        m_tcp->listen(QHostAddress::LocalHost, 0);
        m_http.bind(m_tcp);
        m_http.setMissingHandler(&m_http,
                                 [this](const QHttpServerRequest &r, QHttpServerResponder &w) { handle(r, w); });
    }
    quint16 port() const { return m_tcp->serverPort(); }
    QString url() const { return QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(port()); }
    QString controller() const { return url() + QStringLiteral("/DEFAULT/controller/v1/dev-9"); }

    // The action the base poll presents: "deploymentBase" (with the deployment body given), "cancelAction",
    // "confirmationBase" or nothing.
    void present(const QString &rel, const QString &actionId, const QByteArray &deploymentBody = {})
    {
        m_rel = rel;
        m_actionId = actionId;
        m_deployment = deploymentBody;
        ++m_etag;
    }
    void setArtifact(const QString &filename, const QByteArray &bytes) { m_artifacts.insert(filename, bytes); }
    void setFeedbackStatus(int status) { m_feedbackStatus = status; }
    void setStopId(const QString &stopId) { m_stopId = stopId; }

    // A deployment body as hawkBit writes it, for one chunk whose artifacts are named here.
    QByteArray deployment(const QString &actionId, const QString &download, const QString &update,
                          const QList<std::pair<QString, QByteArray>> &files, const QString &window = {},
                          const QString &part = QStringLiteral("os")) const
    {
        QJsonArray artifacts;
        for (const auto &[name, bytes] : files) {
            const QString href = controller() + QStringLiteral("/softwaremodules/1/artifacts/") + name;
            artifacts.append(QJsonObject {
                { QStringLiteral("filename"), name },
                { QStringLiteral("size"), double(bytes.size()) },
                { QStringLiteral("hashes"),
                  QJsonObject {
                      { QStringLiteral("sha1"),
                        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex()) },
                      { QStringLiteral("md5"),
                        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex()) },
                      { QStringLiteral("sha256"),
                        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) } } },
                { QStringLiteral("_links"),
                  QJsonObject {
                      { QStringLiteral("download-http"), QJsonObject { { QStringLiteral("href"), href } } },
                      { QStringLiteral("md5sum-http"),
                        QJsonObject { { QStringLiteral("href"), QString(href + QStringLiteral(".MD5SUM")) } } } } },
            });
        }
        QJsonObject d { { QStringLiteral("download"), download },
                        { QStringLiteral("update"), update },
                        { QStringLiteral("chunks"),
                          QJsonArray { QJsonObject { { QStringLiteral("part"), part },
                                                     { QStringLiteral("version"), QStringLiteral("4.2") },
                                                     { QStringLiteral("name"), QStringLiteral("firmware") },
                                                     { QStringLiteral("artifacts"), artifacts } } } } };
        if (!window.isEmpty())
            d.insert(QStringLiteral("maintenanceWindow"), window);
        return QJsonDocument(QJsonObject { { QStringLiteral("id"), actionId }, { QStringLiteral("deployment"), d } })
            .toJson(QJsonDocument::Compact);
    }

    QList<Request> requests() const { return m_requests; }
    // The feedback bodies POSTed to a resource ("deploymentBase", "cancelAction", "confirmationBase").
    QList<QJsonObject> feedback(const QString &resource = QStringLiteral("deploymentBase")) const
    {
        QList<QJsonObject> list;
        for (const Request &r : m_requests) {
            if (r.method == "POST" && r.path.contains(QLatin1Char('/') + resource + QLatin1Char('/'))
                && r.path.endsWith(QStringLiteral("/feedback")))
                list << QJsonDocument::fromJson(r.body).object();
        }
        return list;
    }
    // "execution/finished" of each deployment feedback, in order.
    QStringList feedbackKinds(const QString &resource = QStringLiteral("deploymentBase")) const
    {
        QStringList kinds;
        for (const QJsonObject &f : feedback(resource)) {
            const QJsonObject s = f.value(QStringLiteral("status")).toObject();
            kinds << s.value(QStringLiteral("execution")).toString() + QLatin1Char('/')
                    + s.value(QStringLiteral("result")).toObject().value(QStringLiteral("finished")).toString();
        }
        return kinds;
    }
    QString details(const QString &resource = QStringLiteral("deploymentBase")) const
    {
        QStringList all;
        for (const QJsonObject &f : feedback(resource)) {
            for (const QJsonValue &d :
                 f.value(QStringLiteral("status")).toObject().value(QStringLiteral("details")).toArray())
                all << d.toString();
        }
        return all.join(QLatin1Char('\n'));
    }
    int count(const QByteArray &method, const QString &pathPart) const
    {
        int n = 0;
        for (const Request &r : m_requests)
            n += r.method == method && r.path.contains(pathPart);
        return n;
    }

private:
    void handle(const QHttpServerRequest &r, QHttpServerResponder &w)
    {
        Request rec { r.method() == QHttpServerRequest::Method::Post      ? QByteArrayLiteral("POST")
                          : r.method() == QHttpServerRequest::Method::Put ? QByteArrayLiteral("PUT")
                                                                          : QByteArrayLiteral("GET"),
                      r.url().path(), r.body(), r.value("Authorization"), r.value("Range") };
        m_requests << rec;
        const QString base = QStringLiteral("/DEFAULT/controller/v1/dev-9");
        const QString path = rec.path;
        if (rec.method == "GET" && path == base) {
            QJsonObject links;
            if (!m_rel.isEmpty())
                links.insert(m_rel,
                             QJsonObject { { QStringLiteral("href"),
                                             QString(controller() + QLatin1Char('/') + m_rel + QLatin1Char('/')
                                                     + m_actionId + QStringLiteral("?c=%1").arg(m_etag)) } });
            const QJsonObject body {
                { QStringLiteral("config"),
                  QJsonObject { { QStringLiteral("polling"),
                                  QJsonObject { { QStringLiteral("sleep"), QStringLiteral("00:00:01~10%") } } } } },
                { QStringLiteral("_links"), links }
            };
            return w.write(QJsonDocument(body));
        }
        if (rec.method == "GET" && path == base + QStringLiteral("/deploymentBase/") + m_actionId)
            return w.write(m_deployment, "application/hal+json");
        if (rec.method == "GET" && path == base + QStringLiteral("/cancelAction/") + m_actionId) {
            const QJsonObject body {
                { QStringLiteral("id"), m_actionId },
                { QStringLiteral("cancelAction"),
                  QJsonObject { { QStringLiteral("stopId"), m_stopId.isEmpty() ? m_actionId : m_stopId } } }
            };
            return w.write(QJsonDocument(body));
        }
        if (rec.method == "POST" && path.endsWith(QStringLiteral("/feedback")))
            return w.write(QByteArray(), "application/json", QHttpServerResponder::StatusCode(m_feedbackStatus));
        if (rec.method == "PUT" && path == base + QStringLiteral("/configData"))
            return w.write(QHttpServerResponder::StatusCode::Ok);
        const QString prefix = base + QStringLiteral("/softwaremodules/1/artifacts/");
        if (rec.method == "GET" && path.startsWith(prefix) && m_artifacts.contains(path.mid(prefix.size())))
            return w.write(m_artifacts.value(path.mid(prefix.size())), "application/octet-stream");
        w.write(QByteArray(R"({"errorCode":"hawkbit.server.error.repo.entitiyNotFound","message":"not found"})"),
                "application/json", QHttpServerResponder::StatusCode::NotFound);
    }

    QHttpServer m_http;
    QTcpServer *m_tcp = nullptr; // owned by m_http
    QString m_scheme = QStringLiteral("http");
    QString m_rel;
    QString m_actionId;
    QString m_stopId;
    QByteArray m_deployment;
    int m_etag = 0;
    int m_feedbackStatus = 200;
    QMap<QString, QByteArray> m_artifacts;
    QList<Request> m_requests;
};

} // namespace FlotillaTest
