// The console's event stream client against a real server through a proxy that can cut the connection: events
// arrive in order; after a drop it says Reconnecting, comes back by itself, and replays what happened meanwhile
// with ?since= (nothing lost, nothing twice); when the server no longer holds the missed events it asks for a
// reload (resyncNeeded).
#include "backend/server.h"
#include "client/eventclient.h"
#include "tests/common/httpclient.h"
#include "tests/common/slowdown.h"
#include "tests/common/tcpproxy.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestEventClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void reconnectsAndReplays();
    void resyncWhenTheLogMovedOn();

private:
    QByteArray admin() const { return "Basic " + QByteArray("admin:admin-password").toBase64(); }
    QUrl eventsUrl(quint16 port) const { return QUrl(u"ws://127.0.0.1:%1/rest/v1/events"_s.arg(port)); }
    bool createTargets(const QString &prefix, int n);
    QTemporaryDir m_dir;
    std::unique_ptr<Server> m_server;
};

void TestEventClient::init()
{
    ServerConfig c;
    c.listenAddress = QHostAddress::LocalHost;
    c.listenPort = 0;
    c.database = u"sqlite:"_s + m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".db"_s);
    c.artifactDirectory = m_dir.filePath(u"artifacts"_s);
    c.initialAdminUser = u"admin"_s;
    c.initialAdminPassword = u"admin-password"_s;
    m_server = std::make_unique<Server>(c);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestEventClient::cleanup()
{
    m_server.reset();
}

bool TestEventClient::createTargets(const QString &prefix, int n)
{
    HttpClient api(m_server->url() + u"/rest/v1"_s);
    api.setAuthorization(admin());
    QByteArray body = "[";
    for (int i = 0; i < n; ++i)
        body += (i ? ",{\"controllerId\":\"" : "{\"controllerId\":\"") + (prefix + QString::number(i)).toUtf8() + "\"}";
    // 10,050 targets in one request take a few seconds, several times that under the ASan preset.
    return api.send("POST", u"/targets"_s, body + ']', {}, Flotilla::Test::slowed(30000)).status == 201;
}

void TestEventClient::reconnectsAndReplays()
{
    TcpProxy proxy(m_server->port());
    EventClient client;
    QStringList created;
    connect(&client, &EventClient::event, this, [&created](const QString &type, const QJsonObject &data) {
        if (type == u"target.created"_s)
            created << data.value("controllerId"_L1).toString();
    });
    QSignalSpy resync(&client, &EventClient::resyncNeeded);
    client.open(eventsUrl(proxy.port()), admin());
    QTRY_COMPARE(client.state(), EventClient::State::Connected);
    QVERIFY(createTargets(u"a-"_s, 3));
    QTRY_COMPARE(created, (QStringList { u"a-0"_s, u"a-1"_s, u"a-2"_s }));

    // The connection drops and stays down while more happens.
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_COMPARE(client.state(), EventClient::State::Reconnecting);
    QVERIFY(createTargets(u"b-"_s, 2));
    QTest::qWait(1500); // at least one refused attempt
    QVERIFY(client.reconnectDelayMs() > 1000); // backing off
    proxy.setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), EventClient::State::Connected, 10000);
    QTRY_COMPARE(created, (QStringList { u"a-0"_s, u"a-1"_s, u"a-2"_s, u"b-0"_s, u"b-1"_s }));
    QCOMPARE(resync.size(), 0);
    // Live again.
    QVERIFY(createTargets(u"c-"_s, 1));
    QTRY_COMPARE(created.last(), u"c-0"_s);
    QCOMPARE(created.size(), 6);
}

void TestEventClient::resyncWhenTheLogMovedOn()
{
    TcpProxy proxy(m_server->port());
    EventClient client;
    QSignalSpy resync(&client, &EventClient::resyncNeeded);
    client.open(eventsUrl(proxy.port()), admin());
    QTRY_COMPARE(client.state(), EventClient::State::Connected);
    QVERIFY(createTargets(u"a-"_s, 1));
    proxy.setRefusing(true);
    proxy.dropAll();
    QTRY_COMPARE(client.state(), EventClient::State::Reconnecting);
    // More than the server keeps (10,000 events) happens while the client is away.
    QVERIFY(createTargets(u"many-"_s, 10050));
    proxy.setRefusing(false);
    QVERIFY(resync.wait(15000));
    QTRY_COMPARE(client.state(), EventClient::State::Connected);
}

QTEST_GUILESS_MAIN(TestEventClient)
#include "tst_eventclient.moc"
