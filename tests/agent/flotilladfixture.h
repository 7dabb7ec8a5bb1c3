#pragma once

// A real flotillad for the agent's tests: a SQLite store prepared before it starts (a target, sets with one
// artifact each), the Management API with an administrator, and a TcpProxy in front of it that the agent
// talks through (to drop or stall the connection).
#include "backend/sqlstore.h"
#include "tests/common/fleetdata.h"
#include "tests/common/httpclient.h"
#include "tests/common/tcpproxy.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTemporaryDir>

#include <csignal>
#include <memory>

namespace FlotillaTest {

class FlotilladFixture
{
public:
    explicit FlotilladFixture(const QString &dir)
        : m_dir(dir)
    { }
    ~FlotilladFixture() { stop(); }

    QString databasePath() const { return m_dir + QStringLiteral("/flotilla.db"); }
    QString databaseUrl() const
    {
        return m_databaseUrl.isEmpty() ? QStringLiteral("sqlite:") + databasePath() : m_databaseUrl;
    }
    QString artifactDir() const
    {
        return m_artifactDir.isEmpty() ? m_dir + QStringLiteral("/artifacts") : m_artifactDir;
    }
    // Before start(): another database than the directory's SQLite file (a postgres:// URL, the nodes of a cluster
    // sharing it) and another artifact directory (one every node mounts).
    void setDatabaseUrl(const QString &url) { m_databaseUrl = url; }
    void setArtifactDir(const QString &dir) { m_artifactDir = dir; }

    // Before start(): the device and the sets it may get.
    Flotilla::Target addTarget(const QString &controllerId)
    {
        Flotilla::SqlStore store;
        if (!store.open(databaseUrl()))
            return {};
        return makeTarget(store.stores(), controllerId);
    }
    SetWithArtifact addSet(const QString &name, const QString &version, const QString &filename,
                           const QByteArray &content, const QString &type = QStringLiteral("os"))
    {
        Flotilla::SqlStore store;
        if (!store.open(databaseUrl()))
            return {};
        Flotilla::ArtifactStore artifacts(artifactDir());
        if (!artifacts.open())
            return {};
        return makeSet(store.stores(), artifacts, name, version, filename, content, type);
    }

    // tenantIni: extra lines for the [tenant] group (consentFlow=true, multiAssignment=true).
    // serverIni: lines for the [server] group (tlsCertificate=..., tlsKey=...).
    // More flotillad options for the next start() (--clock-rate 10, ...).
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    bool start(const QString &tenantIni = {}, const QString &serverIni = {}, const QString &caFile = {})
    {
        QFile ini(m_dir + QStringLiteral("/flotillad.ini"));
        ini.open(QIODevice::WriteOnly | QIODevice::Truncate);
        ini.write("[server]\n" + serverIni.toUtf8() + "\n[tenant]\npollingTime=00:00:01\nminPollingTime=00:00:01\n"
                  + tenantIni.toUtf8());
        ini.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLOTILLA_ADMIN_USER"), QStringLiteral("admin"));
        env.insert(QStringLiteral("FLOTILLA_ADMIN_PASSWORD"), QStringLiteral("admin-secret"));
        m_server.setProcessEnvironment(env);
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + QStringLiteral("/flotillad"),
                       QStringList { QStringLiteral("--config"), ini.fileName(), QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), databaseUrl(),
                                     QStringLiteral("--artifact-dir"), artifactDir() }
                           + m_extraArguments);
        static const QRegularExpression listening(QStringLiteral("listening on (https?)://127\\.0\\.0\\.1:(\\d+)"));
        const qsizetype logBefore = m_log.size(); // a restart looks for its own line, not the last start's
        QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired() && m_server.state() != QProcess::NotRunning) {
            m_server.waitForReadyRead(200);
            m_log += m_server.readAll();
            const QRegularExpressionMatch m = listening.match(QString::fromUtf8(m_log.mid(logBefore)));
            if (m.hasMatch()) {
                m_scheme = m.captured(1);
                m_port = quint16(m.captured(2).toUInt());
                m_proxy = std::make_unique<TcpProxy>(m_port);
                m_mgmt = std::make_unique<HttpClient>(
                    QStringLiteral("%1://127.0.0.1:%2/rest/v1").arg(m_scheme).arg(m_port));
                m_mgmt->setAuthorization("Basic " + QByteArrayLiteral("admin:admin-secret").toBase64());
                if (!caFile.isEmpty()) {
                    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
                    tls.setCaCertificates(QSslCertificate::fromPath(caFile));
                    m_mgmt->setSslConfiguration(tls);
                }
                return true;
            }
        }
        qWarning().noquote() << "flotillad did not start:" << m_log;
        return false;
    }
    void stop()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_server.processId()), SIGTERM);
        m_server.waitForFinished(15000);
    }
    // kill -9: no chance to finish a request, a transaction or a file.
    void crash()
    {
        if (m_server.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_server.processId()), SIGKILL);
        m_server.waitForFinished(15000);
        m_log += m_server.readAll();
    }
    QString log()
    {
        m_log += m_server.readAll();
        return QString::fromUtf8(m_log);
    }

    // The server itself, without the proxy (many clients at once).
    QString serverUrl() const { return QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_port); }
    // What the agent uses: through the proxy.
    QString agentUrl() const { return QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_proxy->port()); }
    TcpProxy &proxy() { return *m_proxy; }
    HttpClient &mgmt() { return *m_mgmt; }

    // Assigns a set to the target; the new action's id (0 when refused).
    qint64 assign(const QString &controllerId, qint64 setId, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("id"), double(setId));
        const HttpAnswer a = m_mgmt->post(QStringLiteral("/targets/%1/assignedDS").arg(controllerId),
                                          QJsonDocument(extra).toJson(QJsonDocument::Compact));
        const QJsonArray actions = a.json().value(QStringLiteral("assignedActions")).toArray();
        if (a.status != 200 || actions.isEmpty()) {
            qWarning().noquote() << "assignment refused:" << a.status << a.body;
            return 0;
        }
        return qint64(actions.first().toObject().value(QStringLiteral("id")).toDouble());
    }
    QJsonObject action(const QString &controllerId, qint64 actionId)
    {
        return m_mgmt->get(QStringLiteral("/targets/%1/actions/%2").arg(controllerId).arg(actionId)).json();
    }
    // "finished", "error", "running", "canceled", "wait_for_confirmation", ...
    QString actionState(const QString &controllerId, qint64 actionId)
    {
        return action(controllerId, actionId).value(QStringLiteral("detailStatus")).toString();
    }
    // The history's types, oldest first ("running", "download", "finished", ...).
    QStringList history(const QString &controllerId, qint64 actionId)
    {
        QStringList types;
        for (const QJsonValue &v : action(controllerId, actionId).value(QStringLiteral("status_history")).toArray())
            types << v.toObject().value(QStringLiteral("type")).toString();
        return types;
    }
    // Every message of the history, oldest first.
    QStringList messages(const QString &controllerId, qint64 actionId)
    {
        QStringList all;
        for (const QJsonValue &v : action(controllerId, actionId).value(QStringLiteral("status_history")).toArray()) {
            for (const QJsonValue &m : v.toObject().value(QStringLiteral("messages")).toArray())
                all << m.toString();
        }
        return all;
    }

    quint16 port() const { return m_port; }

private:
    QStringList m_extraArguments;
    QString m_dir;
    QString m_databaseUrl;
    QString m_artifactDir;
    QProcess m_server;
    QByteArray m_log;
    quint16 m_port = 0;
    QString m_scheme = QStringLiteral("http");
    std::unique_ptr<TcpProxy> m_proxy;
    std::unique_ptr<HttpClient> m_mgmt;
};

inline QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen { quint32(size) };
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(gen.generate() & 0xff);
    return data;
}

} // namespace FlotillaTest
