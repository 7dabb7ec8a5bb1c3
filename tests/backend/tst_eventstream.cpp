// The live event stream: authentication of the WebSocket upgrade, events for committed changes in order with
// gapless sequence numbers, replay with ?since=, resync beyond the kept log, poll coalescing.
#include "backend/eventstream.h"
#include "backend/server.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {
// A WebSocket client that collects the JSON messages it receives.
class Listener : public QObject
{
public:
    explicit Listener(const QUrl &url, const QByteArray &authorization = {})
    {
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &m) { messages.append(QJsonDocument::fromJson(m.toUtf8()).object()); });
        QNetworkRequest request(url);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        socket.open(request);
    }
    bool waitConnected()
    {
        QSignalSpy spy(&socket, &QWebSocket::connected);
        return socket.state() == QAbstractSocket::ConnectedState || spy.wait(5000);
    }
    QStringList types() const
    {
        QStringList list;
        for (const QJsonObject &m : messages)
            list << m.value("type"_L1).toString();
        return list;
    }
    QWebSocket socket;
    QList<QJsonObject> messages;
};
} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void upgradeNeedsCredentials();
    void changesArriveInOrder();
    void replaySinceAndResync();
    void pollsAreCoalesced();
    void logKeepsItsCapacity();

private:
    QUrl eventsUrl(const QString &query = {}) const
    {
        QUrl u(m_server->url().replace(u"http"_s, u"ws"_s) + u"/rest/v1/events"_s);
        u.setQuery(query);
        return u;
    }
    static QByteArray admin() { return "Basic " + QByteArray("admin:admin-password").toBase64(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
};

void TestEventStream::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    ServerConfig config = loopbackServerConfig(*m_dir);
    config.gatewayToken = u"gw"_s;
    QString error;
    m_server = startWithAdmin(config, &error);
    QVERIFY2(m_server, qPrintable(error));
}

void TestEventStream::cleanup()
{
    m_server.reset();
}

void TestEventStream::upgradeNeedsCredentials()
{
    Listener anonymous(eventsUrl());
    QSignalSpy refused(&anonymous.socket, &QWebSocket::disconnected);
    QVERIFY(refused.wait(5000) || anonymous.socket.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(anonymous.socket.state() != QAbstractSocket::ConnectedState);

    QVERIFY(m_server->accounts().createUser(u"nobody"_s, u"nobody-password"_s, { u"approver"_s }));
    Listener wrong(eventsUrl(), "Basic " + QByteArray("admin:nope").toBase64());
    QVERIFY(!wrong.waitConnected());

    Listener ok(eventsUrl(), admin());
    QVERIFY(ok.waitConnected());
    // access_token= for clients that cannot set headers
    HttpClient api(m_server->url() + u"/rest/v1"_s);
    api.setAuthorization(admin());
    const QString token = api.post(u"/auth/token"_s, {}).json()["token"_L1].toString();
    Listener viaQuery(eventsUrl(u"access_token="_s + token));
    QVERIFY(viaQuery.waitConnected());
}

void TestEventStream::changesArriveInOrder()
{
    Listener listener(eventsUrl(), admin());
    QVERIFY(listener.waitConnected());
    HttpClient api(m_server->url() + u"/rest/v1"_s);
    api.setAuthorization(admin());
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"dev-1"},{"controllerId":"dev-2"}])").status, 201);
    QCOMPARE(api.post(u"/softwaremoduletypes"_s, R"([{"key":"os","name":"OS"}])").status, 201);
    QCOMPARE(api.post(u"/distributionsettypes"_s, R"([{"key":"s","name":"S","mandatorymodules":["os"]}])").status, 201);
    QCOMPARE(api.post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"1"}])").status, 201);
    QCOMPARE(
        api.post(u"/distributionsets"_s, R"([{"name":"fw","version":"1","type":"s","modules":[{"id":1}]}])").status,
        201);
    QCOMPARE(api.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"dev-1"}])").status, 200);
    QTRY_VERIFY(listener.types().contains(u"action.created"_s));
    const QStringList types = listener.types();
    QCOMPARE(types.mid(0, 3), (QStringList { u"hello"_s, u"target.created"_s, u"target.created"_s }));
    QVERIFY(types.indexOf(u"action.created"_s) < types.lastIndexOf(u"target.updated"_s)); // then PENDING
    for (int i = 1; i < listener.messages.size(); ++i)
        QCOMPARE(listener.messages[i]["seq"_L1].toInteger(), listener.messages[i - 1]["seq"_L1].toInteger() + 1);
    const QJsonObject pending = listener.messages[types.lastIndexOf(u"target.updated"_s)]["data"_L1].toObject();
    QCOMPARE(pending["controllerId"_L1].toString(), u"dev-1"_s);
    QCOMPARE(pending["updateStatus"_L1].toString(), u"pending"_s);

    // A refused request publishes nothing.
    const qsizetype before = listener.messages.size();
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"dev-3"},{}])").status, 400);
    QTest::qWait(200);
    QCOMPARE(listener.messages.size(), before);
}

void TestEventStream::replaySinceAndResync()
{
    HttpClient api(m_server->url() + u"/rest/v1"_s);
    api.setAuthorization(admin());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(api.post(u"/targets"_s, u"[{\"controllerId\":\"dev-%1\"}]"_s.arg(i).toUtf8()).status, 201);
    const quint64 last = m_server->events().log().lastSequence();
    QCOMPARE(last, 5u);
    Listener replay(eventsUrl(u"since=2"_s), admin());
    QVERIFY(replay.waitConnected());
    QTRY_COMPARE(replay.messages.size(), 3);
    QCOMPARE(replay.messages.first()["seq"_L1].toInteger(), 3);
    QCOMPARE(replay.messages.last()["data"_L1]["controllerId"_L1].toString(), u"dev-4"_s);
    // ... and then live events follow without a gap.
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"dev-9"}])").status, 201);
    QTRY_COMPARE(replay.messages.size(), 4);
    QCOMPARE(replay.messages.last()["seq"_L1].toInteger(), 6);

    Listener garbage(eventsUrl(u"since=abc"_s), admin());
    QVERIFY(garbage.waitConnected());
    QTRY_COMPARE(garbage.messages.size(), 1);
    QCOMPARE(garbage.messages.first()["type"_L1].toString(), u"resync"_s);
}

void TestEventStream::pollsAreCoalesced()
{
    Listener listener(eventsUrl(), admin());
    QVERIFY(listener.waitConnected());
    HttpClient device(m_server->url());
    device.setAuthorization("GatewayToken gw");
    for (int i = 0; i < 5; ++i)
        QCOMPARE(device.get(u"/DEFAULT/controller/v1/dev-7"_s).status, 200);
    QTRY_VERIFY(listener.types().contains(u"target.polled"_s));
    QTest::qWait(200);
    QCOMPARE(listener.types().count(u"target.polled"_s), 1); // five polls within a second: one event
    QCOMPARE(listener.types().count(u"target.created"_s), 1); // the gateway registered it
}

void TestEventStream::logKeepsItsCapacity()
{
    EventLog log(3);
    for (int i = 0; i < 5; ++i)
        log.publish(u"x"_s, {});
    QCOMPARE(log.lastSequence(), 5u);
    QVERIFY(!log.since(0)); // events 1 and 2 are gone: resync
    QVERIFY(!log.since(1));
    QCOMPARE(log.since(2)->size(), 3);
    QCOMPARE(log.since(4)->first().sequence, 5u);
    QVERIFY(log.since(5)->isEmpty());
    QVERIFY(log.since(99)->isEmpty());
}

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
