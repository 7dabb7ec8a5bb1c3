// flotilla-agent against a DDI server that is not flotillad (FakeHawkbit: hawkBit's documented shapes only),
// and against what no honest server sends: corrupt artifacts, malformed or absurd deployments, links to other
// hosts. Every bad input ends in a closed/failure feedback that says what was wrong, with nothing installed and
// the agent still running.
#include "tests/agent/agentprocess.h"
#include "tests/agent/fakehawkbit.h"
#include "tests/common/swuimage.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestDdiCompatibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void installsFromHawkbitShapes();
    void waitsForTheMaintenanceWindow();
    void cancelGoesToTheStopId();
    void newerActionReplacesAWaitingOne();
    void corruptArtifacts_data();
    void corruptArtifacts();
    void badDeployments_data();
    void badDeployments();
    void closedActionDropsItsFeedback();
    void mutualTls_data();
    void mutualTls();

private:
    void startAgent(const QMap<QString, QString> &extra = {});
    QString installedFile() const { return m_dir->filePath(u"device/payload.bin"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeHawkbit> m_server;
    std::unique_ptr<AgentProcess> m_agent;
    QByteArray m_payload;
};

void TestDdiCompatibility::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FakeHawkbit>();
    m_agent = std::make_unique<AgentProcess>(m_dir->path());
    m_payload = QByteArray("firmware 4.2 ").repeated(4096);
}

void TestDdiCompatibility::cleanup()
{
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("FLOTILLA_TEST_VERBOSE")) {
        qWarning().noquote() << "agent log:\n" << m_agent->log().right(6000);
        qWarning().noquote() << "feedback:" << m_server->feedbackKinds() << m_server->details();
    }
    m_agent.reset();
    m_server.reset();
}

void TestDdiCompatibility::startAgent(const QMap<QString, QString> &extra)
{
    QMap<QString, QString> keys { { u"server/url"_s, m_server->url() },
                                  { u"device/controllerId"_s, u"dev-9"_s },
                                  { u"auth/gatewayToken"_s, u"gateway-key"_s },
                                  { u"handlers/os"_s, u"file:"_s + m_dir->filePath(u"device"_s) } };
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        keys.insert(it.key(), it.value());
    m_agent->configure(keys);
    QVERIFY(m_agent->start());
}

void TestDdiCompatibility::installsFromHawkbitShapes()
{
    m_server->setArtifact(u"payload.bin"_s, m_payload);
    m_server->present(u"deploymentBase"_s, u"8"_s,
                      m_server->deployment(u"8"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, m_payload } }));
    startAgent();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->feedbackKinds().value(m_server->feedbackKinds().size() - 1),
                              u"closed/success"_s, 20000);
    QFile f(installedFile());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), m_payload);
    const QStringList kinds = m_server->feedbackKinds();
    QCOMPARE(kinds.constFirst(), u"proceeding/none"_s);
    QVERIFY2(kinds.contains(u"download/none"_s), qPrintable(kinds.join(u',')));
    QCOMPARE(kinds.count(u"closed/success"_s), 1);
    // Every feedback carries a timestamp (the server's key for a repeat) and the gateway token went along.
    for (const QJsonObject &fb : m_server->feedback())
        QVERIFY(fb.value(u"timestamp"_s).isDouble());
    for (const FakeHawkbit::Request &r : m_server->requests())
        QCOMPARE(r.authorization, QByteArray("GatewayToken gateway-key"));
    // The download progress counts to 100.
    const QJsonObject last = m_server->feedback().at(kinds.lastIndexOf(u"download/none"_s));
    QCOMPARE(last[u"status"_s][u"result"_s][u"progress"_s][u"of"_s].toInt(), 100);
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDdiCompatibility::waitsForTheMaintenanceWindow()
{
    m_server->setArtifact(u"payload.bin"_s, m_payload);
    m_server->present(
        u"deploymentBase"_s, u"9"_s,
        m_server->deployment(u"9"_s, u"forced"_s, u"skip"_s, { { u"payload.bin"_s, m_payload } }, u"unavailable"_s));
    startAgent();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"downloaded/none"_s), 20000);
    QTest::qWait(2500); // several polls: still waiting
    QVERIFY(!QFile::exists(installedFile()));
    QVERIFY(!m_server->feedbackKinds().contains(u"closed/success"_s));
    QVERIFY(m_server->details().contains(u"maintenance window"_s));
    // The window opens: hawkBit presents update=forced, maintenanceWindow=available (and a new c= in the link).
    m_server->present(
        u"deploymentBase"_s, u"9"_s,
        m_server->deployment(u"9"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, m_payload } }, u"available"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"closed/success"_s), 20000);
    QVERIFY(QFile::exists(installedFile()));
    QCOMPARE(m_server->count("GET", u"/artifacts/payload.bin"_s), 1); // downloaded once
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDdiCompatibility::cancelGoesToTheStopId()
{
    m_server->setArtifact(u"payload.bin"_s, m_payload);
    m_server->present(
        u"deploymentBase"_s, u"10"_s,
        m_server->deployment(u"10"_s, u"forced"_s, u"skip"_s, { { u"payload.bin"_s, m_payload } }, u"unavailable"_s));
    startAgent();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"downloaded/none"_s), 20000);
    m_server->setStopId(u"10"_s);
    m_server->present(u"cancelAction"_s, u"10"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->feedbackKinds(u"cancelAction"_s), QStringList { u"closed/success"_s }, 20000);
    QCOMPARE(m_server->count("POST", u"/cancelAction/10/feedback"_s), 1);
    m_server->present({}, {});
    QTest::qWait(1500);
    QVERIFY(!QFile::exists(installedFile()));
    QCOMPARE(m_server->feedbackKinds(u"cancelAction"_s).size(), 1); // answered once
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDdiCompatibility::newerActionReplacesAWaitingOne()
{
    // AosCore: a newer desired state replaces one not yet installing; the old action gets no feedback from
    // the device (it is still open on the server, which may present it again).
    const QByteArray newer = QByteArray("firmware 4.3 ").repeated(2048);
    m_server->setArtifact(u"payload.bin"_s, m_payload);
    m_server->setArtifact(u"newer.bin"_s, newer);
    m_server->present(
        u"deploymentBase"_s, u"20"_s,
        m_server->deployment(u"20"_s, u"forced"_s, u"skip"_s, { { u"payload.bin"_s, m_payload } }, u"unavailable"_s));
    startAgent();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"downloaded/none"_s), 20000);
    const int before = int(m_server->feedback().size());
    m_server->present(u"deploymentBase"_s, u"21"_s,
                      m_server->deployment(u"21"_s, u"forced"_s, u"forced"_s, { { u"newer.bin"_s, newer } }));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->count("POST", u"/deploymentBase/21/feedback"_s) > 0
                                 && m_server->feedbackKinds().constLast() == u"closed/success"_s,
                             20000);
    QFile f(m_dir->filePath(u"device/newer.bin"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), newer);
    QVERIFY(!QFile::exists(installedFile()));
    QCOMPARE(m_server->count("POST", u"/deploymentBase/20/feedback"_s), before); // nothing more for 20
    QVERIFY(m_agent->waitForLog(u"action 21 replaces action 20"_s));
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDdiCompatibility::corruptArtifacts_data()
{
    QTest::addColumn<QByteArray>("served"); // what the server sends for an artifact described as m_payload
    QTest::addColumn<QString>("reason");
    const QByteArray payload = QByteArray("firmware 4.2 ").repeated(4096);
    QByteArray flipped = payload;
    flipped[100] = char(flipped[100] ^ 1);
    QTest::newRow("wrong sha256 (same size)") << flipped << u"sha256"_s;
    QTest::newRow("truncated") << payload.left(payload.size() - 10) << u"sent only"_s;
    QTest::newRow("longer than announced") << payload + "tail" << u"more than"_s;
}

void TestDdiCompatibility::corruptArtifacts()
{
    QFETCH(QByteArray, served);
    QFETCH(QString, reason);
    m_server->setArtifact(u"payload.bin"_s, served);
    m_server->present(u"deploymentBase"_s, u"11"_s,
                      m_server->deployment(u"11"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, m_payload } }));
    startAgent();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"closed/failure"_s), 20000);
    QVERIFY2(m_server->details().contains(u"payload.bin"_s), qPrintable(m_server->details()));
    QVERIFY2(m_server->details().contains(reason), qPrintable(m_server->details()));
    QVERIFY(!QFile::exists(installedFile()));
    // Nothing unverified stays behind.
    QVERIFY(QDir(m_agent->downloadDir()).entryList(QDir::Files).isEmpty());
    QVERIFY(m_agent->isRunning());
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDdiCompatibility::badDeployments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    const QByteArray payload = QByteArray("firmware 4.2 ").repeated(4096);
    FakeHawkbit shapes; // only to build bodies with the right hashes
    QTest::newRow("malformed JSON") << QByteArray(R"({"id":"12","deployment":{"download":"forced",)")
                                    << u"malformed JSON"_s;
    QTest::newRow("no chunks") << QByteArray(R"({"id":"12","deployment":{"download":"forced","update":"forced"}})")
                               << u"chunks"_s;
    QTest::newRow("a chunk with no artifacts") << QByteArray(
        R"({"id":"12","deployment":{"download":"forced","update":"forced","chunks":[{"part":"os","version":"1","name":"x","artifacts":[]}]}})")
                                               << u"no artifacts"_s;
    QByteArray noLinks = shapes.deployment(u"12"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, payload } });
    noLinks.replace("download-http", "elsewhere");
    QTest::newRow("no download link") << noLinks << u"no download link"_s;
    QByteArray otherHost = shapes.deployment(u"12"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, payload } });
    otherHost.replace("127.0.0.1", "198.51.100.7");
    QTest::newRow("a link to another host") << otherHost << u"198.51.100.7"_s;
    QByteArray absurd = shapes.deployment(u"12"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, payload } });
    absurd.replace(R"("size":53248)", R"("size":1000000000000000)");
    QTest::newRow("an absurd size") << absurd << u"downloads/maxSize"_s;
    QByteArray path = shapes.deployment(u"12"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, payload } });
    path.replace(R"("filename":"payload.bin")", R"("filename":"../../etc/passwd")");
    QTest::newRow("a path as filename") << path << u"plain file name"_s;
    QByteArray noHash = shapes.deployment(u"12"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, payload } });
    const qsizetype h = noHash.indexOf(R"("hashes":)");
    noHash.remove(h, noHash.indexOf('}', h) - h + 2);
    QTest::newRow("no hashes") << noHash << u"no hash"_s;
    QByteArray unknownPart
        = shapes.deployment(u"12"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, payload } }, {}, u"bootloader"_s);
    QTest::newRow("no handler for the part") << unknownPart << u"handlers/bootloader"_s;
}

void TestDdiCompatibility::badDeployments()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    m_server->setArtifact(u"payload.bin"_s, m_payload);
    m_server->present(u"deploymentBase"_s, u"12"_s, body);
    startAgent();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"closed/failure"_s), 20000);
    QVERIFY2(m_server->details().contains(reason), qPrintable(m_server->details()));
    QCOMPARE(m_server->count("POST", u"/deploymentBase/12/feedback"_s), int(m_server->feedbackKinds().size()));
    QVERIFY(!QFile::exists(installedFile()));
    QCOMPARE(m_server->count("GET", u"198.51.100.7"_s), 0);
    QTest::qWait(1500); // polls go on; the same broken action is not reported again
    QCOMPARE(m_server->feedbackKinds().count(u"closed/failure"_s), 1);
    QVERIFY(m_agent->isRunning());
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDdiCompatibility::closedActionDropsItsFeedback()
{
    m_server->setArtifact(u"payload.bin"_s, m_payload);
    m_server->setFeedbackStatus(410);
    m_server->present(u"deploymentBase"_s, u"13"_s,
                      m_server->deployment(u"13"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, m_payload } }));
    startAgent();
    QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"closed/success"_s), 20000);
    m_server->present({}, {});
    QTest::qWait(1500);
    // Every message was tried once and dropped (410 Gone): nothing is retried, the saved queue is empty.
    QSet<QByteArray> bodies;
    int posts = 0;
    for (const FakeHawkbit::Request &r : m_server->requests()) {
        if (r.method == "POST") {
            ++posts;
            bodies.insert(r.body);
        }
    }
    QCOMPARE(posts, int(bodies.size()));
    QCOMPARE(m_server->feedbackKinds().count(u"closed/success"_s), 1);
    QTRY_VERIFY([this] {
        QFile state(m_agent->stateDir() + u"/state.json"_s);
        return state.open(QIODevice::ReadOnly)
            && QJsonDocument::fromJson(state.readAll()).object().value(u"feedback"_s).toArray().isEmpty();
    }());
    QVERIFY(m_agent->waitForLog(u"is closed on the server"_s));
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDdiCompatibility::mutualTls_data()
{
    QTest::addColumn<bool>("withCertificate");
    QTest::newRow("the device presents its certificate: installed") << true;
    QTest::newRow("no client certificate: the server refuses, nothing installed") << false;
}

void TestDdiCompatibility::mutualTls()
{
    // server/clientCertificate + server/clientKey against a server that requires a client certificate it trusts.
    QFETCH(bool, withCertificate);
    for (const char *name : { "server", "device" }) {
        QVERIFY(runTool(u"openssl"_s,
                        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                          u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                          QLatin1StringView(name) == "server"_L1 ? u"/CN=127.0.0.1"_s : u"/CN=dev-9"_s, u"-addext"_s,
                          u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s,
                          m_dir->filePath(QLatin1StringView(name) + u".key"_s), u"-out"_s,
                          m_dir->filePath(QLatin1StringView(name) + u".pem"_s) }));
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(QSslCertificate::fromPath(m_dir->filePath(u"server.pem"_s)));
    QFile key(m_dir->filePath(u"server.key"_s));
    QVERIFY(key.open(QIODevice::ReadOnly));
    tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
    tls.setCaCertificates(QSslCertificate::fromPath(m_dir->filePath(u"device.pem"_s)));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_server = std::make_unique<FakeHawkbit>(tls);
    QVERIFY(m_server->url().startsWith(u"https://"_s));
    m_server->setArtifact(u"payload.bin"_s, m_payload);
    m_server->present(u"deploymentBase"_s, u"30"_s,
                      m_server->deployment(u"30"_s, u"forced"_s, u"forced"_s, { { u"payload.bin"_s, m_payload } }));
    QMap<QString, QString> keys { { u"server/caFile"_s, m_dir->filePath(u"server.pem"_s) } };
    if (withCertificate) {
        keys.insert(u"server/clientCertificate"_s, m_dir->filePath(u"device.pem"_s));
        keys.insert(u"server/clientKey"_s, m_dir->filePath(u"device.key"_s));
    }
    startAgent(keys);
    if (withCertificate) {
        QTRY_VERIFY_WITH_TIMEOUT(m_server->feedbackKinds().contains(u"closed/success"_s), 20000);
        QVERIFY(QFile::exists(installedFile()));
    } else {
        QVERIFY(m_agent->waitForLog(u"cannot be reached"_s));
        QTest::qWait(1500);
        QVERIFY(m_server->requests().isEmpty());
        QVERIFY(!QFile::exists(installedFile()));
    }
    QCOMPARE(m_agent->terminate(), 0);
}

QTEST_GUILESS_MAIN(TestDdiCompatibility)
#include "tst_ddicompatibility.moc"
