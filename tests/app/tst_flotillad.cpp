// flotillad as a service manager and a device meet it: configuration errors that name the key, a free port when
// asked for port 0, a whole update over DDI against the real binary, and SIGTERM that lets a running download
// finish before exiting 0.
#include "backend/sqlstore.h"
#include "engine/deploymentservice.h"
#include "tests/common/fleetdata.h"
#include "tests/common/flotillatest.h"
#include "tests/common/httpclient.h"
#include "tests/common/swuimage.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestFlotillad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void badConfigurationNamesTheKey_data();
    void badConfigurationNamesTheKey();
    void configFileAndCommandLine();
    void gatewayTokenLimitsFromTheFile();
    void oneServerOwnsAnSqliteFile();
    void updateOverDdi();
    void sigtermFinishesRunningDownload();
    void servesHttpsWithConfiguredCertificate();
    void refusesOldTlsAndWeakCiphers_data();
    void refusesOldTlsAndWeakCiphers();
    void managementApiAndFirstAdministrator();
    void secretsNeverReachTheLog();

private:
    // Starts flotillad with the scratch database and artifacts plus args; returns its base URL.
    QString start(QProcess &p, const QStringList &args = {});
    QString bin() const { return qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotillad"_s; }
    QString database() const { return u"sqlite:"_s + m_dir->filePath(u"flotilla.db"_s); }
    QString artifactDir() const { return m_dir->filePath(u"artifacts"_s); }
    void stop(QProcess &p);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_startOutput; // what the last start() read before "listening on"
};

void TestFlotillad::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestFlotillad::start(QProcess &p, const QStringList &args)
{
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(
        bin(),
        QStringList { u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, database(), u"--artifact-dir"_s, artifactDir() }
            + args);
    if (!p.waitForStarted())
        return {};
    QByteArray output;
    static const QRegularExpression listening(
        u"started \\(pid \\d+\\), listening on (https?://127\\.0\\.0\\.1:\\d+)"_s);
    QRegularExpressionMatch m;
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && p.state() == QProcess::Running) {
        p.waitForReadyRead(200);
        output += p.readAll();
        m = listening.match(QString::fromUtf8(output));
        if (m.hasMatch()) {
            m_startOutput = QString::fromUtf8(output);
            return m.captured(1);
        }
    }
    qWarning().noquote() << "flotillad did not start:" << output;
    return {};
}

void TestFlotillad::stop(QProcess &p)
{
    QCOMPARE(::kill(p.processId(), SIGTERM), 0);
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

void TestFlotillad::badConfigurationNamesTheKey_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown key") << u"[server]\nlisten=127.0.0.1:0\nlisen=1\n"_s << QStringList() << u"server/lisen"_s;
    QTest::newRow("listen without port") << u"[server]\nlisten=localhost\n"_s << QStringList() << u"server/listen"_s;
    QTest::newRow("not a boolean") << u"[tenant]\nautoClose=maybe\n"_s << QStringList() << u"tenant/autoClose"_s;
    QTest::newRow("bad polling time") << u"[tenant]\npollingTime=5 minutes\n"_s << QStringList()
                                      << u"tenant/pollingTime"_s;
    QTest::newRow("bad public URL") << u"[server]\npublicUrl=ftp://x\n"_s << QStringList() << u"server/publicUrl"_s;
    QTest::newRow("bad trusted proxy") << u"[server]\ntrustedProxies=10.0.0.1, nonsense\n"_s << QStringList()
                                       << u"server/trustedProxies"_s;
    QTest::newRow("certificate without key")
        << u"[server]\ntlsCertificate=/etc/hostname\n"_s << QStringList() << u"server/tlsKey"_s;
    QTest::newRow("bad --listen") << QString() << QStringList { u"--listen"_s, u"nowhere"_s } << u"--listen"_s;
    QTest::newRow("bad --database") << QString() << QStringList { u"--database"_s, u"postgres://"_s } << u"database"_s;
}

void TestFlotillad::badConfigurationNamesTheKey()
{
    QFETCH(QString, ini);
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    QStringList all = { u"--artifact-dir"_s, artifactDir(), u"--database"_s, database() };
    if (!ini.isNull()) {
        QFile f(m_dir->filePath(u"flotillad.ini"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ini.toUtf8());
        f.close();
        all << u"--config"_s << f.fileName();
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(bin(), all + args);
    QVERIFY(p.waitForFinished(15000));
    const QString output = QString::fromUtf8(p.readAll());
    QCOMPARE(p.exitCode(), 2);
    QVERIFY2(output.contains(mentions), qPrintable(output));
}

// One process owns an SQLite file (its HTTP threads share it): a second flotillad on the same file is refused at
// start with what to do, the first goes on serving, and once it has stopped the file can be used again.
void TestFlotillad::oneServerOwnsAnSqliteFile()
{
    QProcess first;
    const QString base = start(first);
    QVERIFY(!base.isEmpty());
    QProcess second;
    second.setProcessChannelMode(QProcess::MergedChannels);
    second.start(bin(),
                 { u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, database(), u"--artifact-dir"_s, artifactDir() });
    QVERIFY(second.waitForFinished(15000));
    const QString output = QString::fromUtf8(second.readAll());
    QVERIFY(second.exitCode() != 0);
    QVERIFY2(output.contains(u"is in use by another process"_s) && output.contains(u"PostgreSQL"_s),
             qPrintable(output));
    QCOMPARE(HttpClient(base).get(u"/rest/v1/targets"_s).status, 401); // still serving
    stop(first);
    QProcess again;
    QVERIFY(!start(again).isEmpty());
    stop(again);
}

void TestFlotillad::configFileAndCommandLine()
{
    // The file sets tenant configuration and a gateway token; --gateway-token overrides the file's.
    QFile f(m_dir->filePath(u"flotillad.ini"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[ddi]\ngatewayToken=from-file\n[tenant]\npollingTime=00:02:00\nminPollingTime=00:00:10\n"
            "consentFlow=true\n");
    f.close();
    QProcess p;
    const QString base = start(p, { u"--config"_s, f.fileName(), u"--gateway-token"_s, u"from-cli"_s });
    QVERIFY(!base.isEmpty());
    HttpClient client(base);
    client.setAuthorization("GatewayToken from-file");
    QCOMPARE(client.get(u"/DEFAULT/controller/v1/dev-x"_s).status, 401);
    client.setAuthorization("GatewayToken from-cli");
    const HttpAnswer poll = client.get(u"/DEFAULT/controller/v1/dev-x"_s);
    QCOMPARE(poll.status, 200);
    QCOMPARE(poll.json()["config"_L1]["polling"_L1]["sleep"_L1].toString(), u"00:02:00"_s);
    stop(p);
    SqlStore store;
    QVERIFY(store.open(database()));
    QVERIFY(store.configuration().tenantConfiguration().consentFlow);
    QVERIFY(store.targets().targetByControllerId(u"dev-x"_s).found());
}

void TestFlotillad::gatewayTokenLimitsFromTheFile()
{
    // Two HTTP threads: the registration budget is the process's, not each thread's.
    QFile f(m_dir->filePath(u"flotillad.ini"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[server]\nhttpThreads=2\n[ddi]\ngatewayToken=gw\ngatewayTargets=plant-a-*, lab-??\n"
            "registrationsPerMinute=3\n");
    f.close();
    QProcess p;
    const QString base = start(p, { u"--config"_s, f.fileName() });
    QVERIFY(!base.isEmpty());
    QList<int> statuses;
    for (const QString &id : { u"plant-b-1"_s, u"plant-a-1"_s, u"lab-01"_s, u"plant-a-2"_s, u"plant-a-3"_s }) {
        HttpClient client(base); // a connection each, so both threads serve some
        client.setAuthorization("GatewayToken gw");
        statuses << client.get(u"/DEFAULT/controller/v1/"_s + id).status;
    }
    QCOMPARE(statuses, (QList<int> { 401, 200, 200, 200, 429 }));
    stop(p);
    SqlStore store;
    QVERIFY(store.open(database()));
    QVERIFY(store.targets().targetByControllerId(u"plant-b-1"_s).absent());
    QVERIFY(store.targets().targetByControllerId(u"plant-a-2"_s).found());
    QVERIFY(store.targets().targetByControllerId(u"plant-a-3"_s).absent());
}

void TestFlotillad::updateOverDdi()
{
    Target target;
    SetWithArtifact set;
    const QByteArray content = QByteArray("flotilla payload ").repeated(4096);
    {
        SqlStore store;
        QVERIFY(store.open(database()));
        ArtifactStore artifacts(artifactDir());
        QVERIFY(artifacts.open());
        target = makeTarget(store.stores(), u"dev-001"_s);
        set = makeSet(store.stores(), artifacts, u"fw"_s, u"2.0"_s, u"image.swu"_s, content);
        SystemClock clock;
        DeploymentService deployment(store.stores(), clock);
        QCOMPARE(deployment.assign({ target.id }, set.setId, {}).assigned, 1);
    }
    QProcess p;
    const QString base = start(p);
    QVERIFY(!base.isEmpty());
    HttpClient dev(base);
    dev.setAuthorization("TargetToken " + target.securityToken.toUtf8());
    const QString href = dev.get(u"/DEFAULT/controller/v1/dev-001"_s).link(u"deploymentBase"_s);
    QVERIFY2(href.startsWith(base), qPrintable(href));
    const HttpAnswer deployment = dev.get(href);
    QCOMPARE(deployment.status, 200);
    const QString download
        = deployment
              .json()["deployment"_L1]["chunks"_L1][0]["artifacts"_L1][0]["_links"_L1]["download-http"_L1]["href"_L1]
              .toString();
    const HttpAnswer tail = dev.get(download, { { "Range", "bytes=100-" } });
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, content.mid(100));
    const QString fb
        = u"/DEFAULT/controller/v1/dev-001/deploymentBase/%1/feedback"_s.arg(deployment.json()["id"_L1].toString());
    QCOMPARE(dev.post(fb, R"({"status":{"execution":"proceeding","result":{"finished":"none"}}})").status, 200);
    QCOMPARE(dev.post(fb, R"({"status":{"execution":"closed","result":{"finished":"success"}}})").status, 200);
    QVERIFY(!dev.get(u"/DEFAULT/controller/v1/dev-001"_s).link(u"installedBase"_s).isEmpty());
    stop(p);

    SqlStore store;
    QVERIFY(store.open(database()));
    const Target after = *store.targets().target(target.id);
    QCOMPARE(after.state, TargetState::InSync);
    QCOMPARE(after.installedDistributionSetId, set.setId);
}

void TestFlotillad::sigtermFinishesRunningDownload()
{
    Target target;
    SetWithArtifact set;
    const qint64 size = 48 * 1024 * 1024; // larger than the socket buffers: the transfer is still running
    {
        SqlStore store;
        QVERIFY(store.open(database()));
        ArtifactStore artifacts(artifactDir());
        QVERIFY(artifacts.open());
        target = makeTarget(store.stores(), u"dev-001"_s);
        set = makeSet(store.stores(), artifacts, u"fw"_s, u"3.0"_s, u"big.bin"_s, QByteArray(size, 'z'));
        SystemClock clock;
        QCOMPARE(DeploymentService(store.stores(), clock).assign({ target.id }, set.setId, {}).assigned, 1);
    }
    QProcess p;
    const QString base = start(p);
    QVERIFY(!base.isEmpty());
    const QUrl url(base);
    QTcpSocket socket;
    socket.setReadBufferSize(64 * 1024); // a slow device: back-pressure keeps the transfer running
    socket.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /DEFAULT/controller/v1/dev-001/softwaremodules/" + QByteArray::number(set.moduleId)
                 + "/artifacts/big.bin HTTP/1.1\r\nHost: " + url.authority().toLatin1()
                 + "\r\nAuthorization: TargetToken " + target.securityToken.toLatin1() + "\r\n\r\n");
    QVERIFY(socket.waitForBytesWritten(5000));
    QVERIFY(socket.waitForReadyRead(5000)); // the answer has begun
    QCOMPARE(::kill(p.processId(), SIGTERM), 0);
    QTest::qWait(300);
    QVERIFY2(p.state() == QProcess::Running, p.readAll().constData()); // still serving the download

    // Read the whole answer: status line and headers, then exactly `size` body bytes.
    QByteArray head;
    qsizetype headerEnd = -1;
    qint64 body = 0;
    while (body < size) {
        if (!socket.bytesAvailable() && !socket.waitForReadyRead(10000))
            break;
        QByteArray chunk = socket.readAll();
        if (headerEnd < 0) {
            head += chunk;
            headerEnd = head.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                continue;
            chunk = head.mid(headerEnd + 4);
        }
        body += chunk.size();
    }
    QVERIFY(head.startsWith("HTTP/1.1 200"));
    QCOMPARE(body, size);
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitCode(), 0);
}

void TestFlotillad::servesHttpsWithConfiguredCertificate()
{
    const QString cert = m_dir->filePath(u"cert.pem"_s);
    const QString key = m_dir->filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                    u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                    u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert });
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile ini(m_dir->filePath(u"tls.ini"_s));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(u"[server]\ntlsCertificate=%1\ntlsKey=%2\n[ddi]\ngatewayToken=gw\n"_s.arg(cert, key).toUtf8());
    ini.close();
    QProcess p;
    const QString base = start(p, { u"--config"_s, ini.fileName() });
    QVERIFY2(base.startsWith(u"https://"_s), qPrintable(base));

    // A client that trusts this certificate gets DDI over TLS, with https links.
    const QSslConfiguration system = QSslConfiguration::defaultConfiguration();
    QSslConfiguration ssl = system;
    ssl.setCaCertificates(QSslCertificate::fromPath(cert));
    QSslConfiguration::setDefaultConfiguration(ssl);
    HttpClient client(base);
    client.setAuthorization("GatewayToken gw");
    const HttpAnswer poll = client.get(u"/DEFAULT/controller/v1/tls-device"_s);
    QCOMPARE(poll.error, QNetworkReply::NoError);
    QCOMPARE(poll.status, 200);
    QVERIFY(poll.link(u"configData"_s).startsWith(base));
    // One that does not trust it is refused by TLS, not served in plain text.
    QSslConfiguration::setDefaultConfiguration(system);
    HttpClient untrusting(base);
    untrusting.setAuthorization("GatewayToken gw");
    QCOMPARE(untrusting.get(u"/DEFAULT/controller/v1/tls-device"_s).error, QNetworkReply::SslHandshakeFailedError);
    stop(p);
}

void TestFlotillad::refusesOldTlsAndWeakCiphers_data()
{
    QTest::addColumn<QStringList>("client"); // openssl s_client options
    QTest::addColumn<bool>("accepted");
    // SECLEVEL=0 lets this client offer what Debian's OpenSSL would not: the server must refuse it itself.
    QTest::newRow("TLS 1.3") << QStringList { u"-tls1_3"_s } << true;
    QTest::newRow("TLS 1.2, ECDHE + AES-GCM")
        << QStringList { u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-GCM-SHA256"_s } << true;
    QTest::newRow("TLS 1.2, ECDHE + ChaCha20")
        << QStringList { u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-CHACHA20-POLY1305"_s } << true;
    QTest::newRow("TLS 1.2, CBC with SHA-1")
        << QStringList { u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-SHA@SECLEVEL=0"_s } << false;
    QTest::newRow("TLS 1.2, CBC with SHA-256")
        << QStringList { u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-ECDSA-AES128-SHA256@SECLEVEL=0"_s } << false;
    QTest::newRow("TLS 1.1") << QStringList { u"-tls1_1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s } << false;
    QTest::newRow("TLS 1.0") << QStringList { u"-tls1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s } << false;
}

void TestFlotillad::refusesOldTlsAndWeakCiphers()
{
    QFETCH(QStringList, client);
    QFETCH(bool, accepted);
    const QString cert = m_dir->filePath(u"cert.pem"_s);
    const QString key = m_dir->filePath(u"key.pem"_s);
    QVERIFY(runTool(u"openssl"_s,
                    { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                      u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s,
                      cert }));
    auto handshake = [&](quint16 port) {
        QProcess s;
        s.start(u"openssl"_s, QStringList { u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port) } + client);
        s.closeWriteChannel();
        return s.waitForFinished(20000) && s.exitStatus() == QProcess::NormalExit && s.exitCode() == 0;
    };
    if (!accepted) {
        // The client really speaks what the row offers: OpenSSL's own test server, told to allow it, answers it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess control;
        control.start(u"openssl"_s,
                      { u"s_server"_s, u"-accept"_s, u"127.0.0.1:%1"_s.arg(port), u"-cert"_s, cert, u"-key"_s, key,
                        u"-cipher"_s, u"ALL@SECLEVEL=0"_s, u"-naccept"_s, u"1"_s });
        QVERIFY(control.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return control.readAllStandardOutput().contains("ACCEPT"); }, 10000));
        QVERIFY2(handshake(port), "the client could not make even a permissive server accept the offer");
        control.kill();
        control.waitForFinished();
    }
    QFile ini(m_dir->filePath(u"tls.ini"_s));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(u"[server]\ntlsCertificate=%1\ntlsKey=%2\n"_s.arg(cert, key).toUtf8());
    ini.close();
    QProcess p;
    const QUrl base(start(p, { u"--config"_s, ini.fileName() }));
    QCOMPARE(base.scheme(), u"https"_s);
    QCOMPARE(handshake(quint16(base.port())), accepted);
    stop(p);
}

void TestFlotillad::managementApiAndFirstAdministrator()
{
    // Without FLOTILLA_ADMIN_USER/PASSWORD it says how to create the first administrator.
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"FLOTILLA_ADMIN_USER"_s);
        env.remove(u"FLOTILLA_ADMIN_PASSWORD"_s);
        p.setProcessEnvironment(env);
        QVERIFY(!start(p).isEmpty());
        QVERIFY2(m_startOutput.contains(u"FLOTILLA_ADMIN_USER"_s), qPrintable(m_startOutput));
        stop(p);
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FLOTILLA_ADMIN_USER"_s, u"root"_s);
    env.insert(u"FLOTILLA_ADMIN_PASSWORD"_s, u"root-password"_s);
    p.setProcessEnvironment(env);
    const QString base = start(p, { u"--gateway-token"_s, u"gw"_s });
    QVERIFY(!base.isEmpty());
    HttpClient api(base + u"/rest/v1"_s);
    QCOMPARE(api.get(u"/targets"_s).status, 401);
    api.setAuthorization("Basic " + QByteArray("root:root-password").toBase64());
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"api-1"}])").status, 201);
    HttpClient device(base);
    device.setAuthorization("GatewayToken gw");
    QCOMPARE(device.get(u"/DEFAULT/controller/v1/api-1"_s).status, 200);
    const QJsonObject target = api.get(u"/targets/api-1"_s).json();
    QCOMPARE(target["updateStatus"_L1].toString(), u"registered"_s);
    QVERIFY(target["lastControllerRequestAt"_L1].toDouble() > 0);
    QCOMPARE(api.get(u"/openapi.json"_s).json()["openapi"_L1].toString(), u"3.0.3"_s);
    stop(p);
}

void TestFlotillad::secretsNeverReachTheLog()
{
    // Every debug message on, Qt's own included: the log still holds no password, token or credential.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FLOTILLA_ADMIN_USER"_s, u"root"_s);
    env.insert(u"FLOTILLA_ADMIN_PASSWORD"_s, u"first-admin-secret"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    p.setProcessEnvironment(env);
    const QString base = start(p, { u"--gateway-token"_s, u"gateway-key-secret"_s });
    QVERIFY(!base.isEmpty());
    HttpClient api(base + u"/rest/v1"_s);
    api.setAuthorization("Basic " + QByteArray("root:first-admin-secret").toBase64());
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"log-1"}])").status, 201);
    QCOMPARE(api.post(u"/users"_s, R"({"username":"eve","password":"second-user-secret","roles":["viewer"]})").status,
             201);
    const QString targetToken = api.get(u"/targets/log-1"_s).json().value("securityToken"_L1).toString();
    QVERIFY(!targetToken.isEmpty());
    const QString bearer = api.post(u"/auth/token"_s, {}).json().value("token"_L1).toString();
    QVERIFY(!bearer.isEmpty());
    HttpClient device(base);
    device.setAuthorization("TargetToken " + targetToken.toUtf8());
    QCOMPARE(device.get(u"/DEFAULT/controller/v1/log-1"_s).status, 200);
    device.setAuthorization("GatewayToken gateway-key-secret");
    QCOMPARE(device.get(u"/DEFAULT/controller/v1/log-1"_s).status, 200);
    device.setAuthorization("TargetToken wrong-target-secret");
    QCOMPARE(device.get(u"/DEFAULT/controller/v1/log-1"_s).status, 401);
    api.setAuthorization("Bearer " + bearer.toUtf8());
    QCOMPARE(api.get(u"/audit"_s).status, 200);
    api.setAuthorization("Basic " + QByteArray("root:wrong-password-secret").toBase64());
    QCOMPARE(api.get(u"/targets"_s).status, 401);
    stop(p);
    const QByteArray log = m_startOutput.toUtf8() + p.readAll();
    QVERIFY2(log.contains("flotilla."), "the log is empty: the test would prove nothing");
    for (const QByteArray &secret :
         { "first-admin-secret"_ba, QByteArray("root:first-admin-secret").toBase64(), "second-user-secret"_ba,
           "gateway-key-secret"_ba, targetToken.toUtf8(), bearer.toUtf8(), "wrong-target-secret"_ba,
           "wrong-password-secret"_ba, QByteArray("root:wrong-password-secret").toBase64() })
        QVERIFY2(!log.contains(secret), secret.constData());
}

QTEST_GUILESS_MAIN(TestFlotillad)
#include "tst_flotillad.moc"
