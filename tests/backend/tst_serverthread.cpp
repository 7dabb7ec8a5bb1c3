// The server on its own thread, as the console embeds it: start() does not block the caller, the server answers
// while the caller's event loop runs, a failure is reported instead of thrown, and destruction joins cleanly.
#include "backend/serverthread.h"
#include "tests/common/httpclient.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestServerThread : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsOnItsOwnThread();
    void reportsFailure();
    void oneHttpThreadUnlessTold();
    void localCredentialIsCreatedOnceAndKept();
    void deviceUrl_data();
    void deviceUrl();

private:
    static ServerConfig config(const QTemporaryDir &dir);
};

ServerConfig TestServerThread::config(const QTemporaryDir &dir)
{
    ServerConfig c;
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    c.database = u"sqlite:"_s + dir.filePath(u"not/yet/there/flotilla.db"_s); // a first start creates the path
    c.artifactDirectory = dir.filePath(u"artifacts"_s);
    c.initialAdminUser = u"console"_s;
    c.initialAdminPassword = u"console-password"_s;
    return c;
}

void TestServerThread::startsOnItsOwnThread()
{
    QTemporaryDir dir;
    auto server = std::make_unique<ServerThread>(config(dir));
    QSignalSpy started(server.get(), &ServerThread::started);
    QElapsedTimer timer;
    timer.start();
    server->start();
    QVERIFY(!server->isRunning()); // start() only asks the other thread
    QVERIFY(started.wait(10000));
    QVERIFY(server->isRunning());
    const QString url = started.first().at(0).toString();
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), qPrintable(url));
    QCOMPARE(started.first().at(1).toString(), url); // bound to loopback: devices would use the same
    // This thread's event loop drives the client while the server's thread answers.
    HttpClient api(url + u"/rest/v1"_s);
    api.setAuthorization("Basic " + QByteArray("console:console-password").toBase64());
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"from-the-gui-thread"}])").status, 201);
    QCOMPARE(api.get(u"/targets/from-the-gui-thread"_s).status, 200);
    server.reset(); // stops and joins
    // Its data stays for the next start.
    auto again = std::make_unique<ServerThread>(config(dir));
    QSignalSpy restarted(again.get(), &ServerThread::started);
    again->start();
    QVERIFY(restarted.wait(10000));
    HttpClient next(restarted.first().at(0).toString() + u"/rest/v1"_s);
    next.setAuthorization("Basic " + QByteArray("console:console-password").toBase64());
    QCOMPARE(next.get(u"/targets/from-the-gui-thread"_s).status, 200);
}

void TestServerThread::reportsFailure()
{
    QTemporaryDir dir;
    QTcpServer occupied;
    QVERIFY(occupied.listen(QHostAddress::LocalHost, 0));
    ServerConfig c = config(dir);
    c.listenPort = occupied.serverPort();
    ServerThread server(c);
    QSignalSpy failed(&server, &ServerThread::failed);
    server.start();
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().at(0).toString().contains(u"server/listen"_s), qPrintable(failed.first().at(0).toString()));
    QVERIFY(!server.isRunning());
}

// The console's server serves one operator and a LAN: one HTTP thread, where flotillad takes one per core.
void TestServerThread::oneHttpThreadUnlessTold()
{
    QCOMPARE(ServerConfig::defaults().httpThreads, 0);
    QCOMPARE(ServerThread(ServerConfig::defaults()).config().httpThreads, 1);
    ServerConfig four = ServerConfig::defaults();
    four.httpThreads = 4;
    QCOMPARE(ServerThread(four).config().httpThreads, 4);
}

void TestServerThread::localCredentialIsCreatedOnceAndKept()
{
    QTemporaryDir dir;
    ServerConfig c = config(dir);
    c.initialAdminUser.clear();
    c.localCredentialFile = dir.filePath(u"secret/console-admin"_s);
    QString password;
    for (int run = 0; run < 2; ++run) {
        ServerThread server(c);
        QSignalSpy started(&server, &ServerThread::started);
        server.start();
        QVERIFY(started.wait(10000));
        const auto [user, secret] = server.localCredential();
        QCOMPARE(user, u"console"_s);
        QCOMPARE(secret.size(), 32);
        if (run == 0)
            password = secret;
        QCOMPARE(secret, password); // the same on the next start
        HttpClient api(started.first().at(0).toString() + u"/rest/v1"_s);
        api.setAuthorization("Basic " + (user + u':' + secret).toUtf8().toBase64());
        QCOMPARE(api.get(u"/users"_s).status, 200);
    }
    const QFileDevice::Permissions p = QFile(c.localCredentialFile).permissions();
    QVERIFY(p & QFileDevice::ReadOwner);
    QVERIFY(!(p & QFileDevice::ReadOther) && !(p & QFileDevice::ReadGroup));
}

void TestServerThread::deviceUrl_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<QString>("publicUrl");
    QTest::addColumn<QString>("expectedPrefix");
    QTest::newRow("public URL wins") << u"0.0.0.0:8080"_s << u"https://ota.example.com"_s
                                     << u"https://ota.example.com"_s;
    QTest::newRow("explicit address") << u"192.0.2.7:8080"_s << QString() << u"http://192.0.2.7:9000"_s;
    QTest::newRow("all interfaces: a real address, never 0.0.0.0") << u"0.0.0.0:8080"_s << QString() << u"http://"_s;
}

void TestServerThread::deviceUrl()
{
    QFETCH(QString, listen);
    QFETCH(QString, publicUrl);
    QFETCH(QString, expectedPrefix);
    ServerConfig c;
    QString error;
    QVERIFY(c.setListen(listen, &error));
    c.publicUrl = QUrl(publicUrl);
    const QString url = ServerThread::deviceUrl(c, 9000);
    QVERIFY2(url.startsWith(expectedPrefix), qPrintable(url));
    QVERIFY(!url.contains(u"0.0.0.0"_s));
}

QTEST_GUILESS_MAIN(TestServerThread)
#include "tst_serverthread.moc"
