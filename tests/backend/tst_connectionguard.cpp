// What one client may take from the server (backend/connectionguard.h), over loopback sockets written by hand:
// "Connection: close" is honoured after the whole answer (also a streamed artifact), a request header trickled in
// (slow-loris) gets 408 and the close, idle connections are closed, connections per address are capped (429),
// and requests per second per client address are limited as hawkBit's DoS filter does (429 with Retry-After),
// by the forwarded client behind a trusted proxy.
#include "tests/backend/managementfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {

struct RawAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// One client connection, read without blocking the event loop the server runs on.
class RawConnection
{
public:
    explicit RawConnection(const QUrl &base)
    {
        QObject::connect(&m_socket, &QAbstractSocket::disconnected, &m_socket, [this] { m_closed = true; });
        QObject::connect(&m_socket, &QIODevice::readyRead, &m_socket, [this] { m_buffer += m_socket.readAll(); });
        m_socket.connectToHost(base.host(), quint16(base.port()));
    }
    bool connected(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // The next whole answer (a Content-Length body); status 0 when none came in time.
    RawAnswer answer(int timeoutMs = 10000)
    {
        RawAnswer a;
        (void)QTest::qWaitFor(
            [&] {
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return m_closed;
                a.head = m_buffer.left(end);
                const qint64 length = a.header("content-length").toLongLong();
                return m_buffer.size() >= end + 4 + length || m_closed;
            },
            timeoutMs);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return a;
        a.head = m_buffer.left(end);
        const qint64 length = a.header("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return a;
        a.status = a.head.mid(9, 3).toInt();
        a.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return a;
    }
    bool closedWithin(int timeoutMs)
    {
        return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
    }
    bool isClosed() const { return m_closed; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &extraHeaders = {},
                   const QByteArray &body = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
        + QByteArray("admin:admin-password").toBase64() + "\r\n" + extraHeaders;
    if (!body.isNull())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

QString errorCodeOf(const RawAnswer &a)
{
    return QJsonDocument::fromJson(a.body).object().value("errorCode"_L1).toString();
}

} // namespace

class TestConnectionGuard : public ManagementFixture
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { tearDown(); }
    void connectionCloseClosesAfterTheAnswer_data();
    void connectionCloseClosesAfterTheAnswer();
    void keepAliveStaysOpen();
    void slowHeaderGets408();
    void slowButCompleteHeaderIsServed();
    void idleConnectionsAreClosed();
    void aBusyConnectionIsNotIdle();
    void eachRequestHasItsOwnHeaderTime();
    void connectionsPerAddressAreCapped();
    void requestsPerSecondAreLimited();
    void artifactDownloadsAreNotCounted();
    void loopbackIsExemptByDefault();
    void forwardedClientsCountSeparately();

private:
    QUrl base() const { return QUrl(m_base); }
};

void TestConnectionGuard::connectionCloseClosesAfterTheAnswer_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("bytes"); // -1: any
    QTest::newRow("JSON answer") << "/rest/v1/softwaremoduletypes"_ba << 200 << qint64(-1);
    QTest::newRow("no such route") << "/nothing/here"_ba << 404 << qint64(-1);
    QTest::newRow("4 MiB artifact, streamed")
        << "/rest/v1/softwaremodules/1/artifacts/1/download"_ba << 200 << qint64(4 * 1024 * 1024);
    // Its first poll registers the device and writes: the answer waits for its group's commit.
    QTest::newRow("a device's first poll, held for a group commit")
        << "/DEFAULT/controller/v1/new-device"_ba << 200 << qint64(-1);
}

void TestConnectionGuard::connectionCloseClosesAfterTheAnswer()
{
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(qint64, bytes);
    setUp([](ServerConfig &c) {
        c.maxArtifactBytes = 8 * 1024 * 1024;
        c.anonymousDdi = true;
    });
    QCOMPARE(as("admin").post(u"/softwaremoduletypes"_s, R"([{"key":"os","name":"OS"}])").status, 201);
    QCOMPARE(as("admin").post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"6.1"}])").status, 201);
    QByteArray image(4 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < image.size(); ++i)
        image[i] = char(i * 7 + i / 4096);
    QCOMPARE(upload("admin", 1, image, {}).status, 201);

    RawConnection c(base());
    QVERIFY(c.connected());
    // A device polls without the operator's credentials (anonymous DDI here).
    c.send(path.startsWith("/DEFAULT/") ? "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                        : request("GET", path, "Connection: close\r\n"));
    const RawAnswer a = c.answer(20000);
    QCOMPARE(a.status, status);
    if (bytes >= 0) {
        QCOMPARE(a.body.size(), bytes);
        QVERIFY(a.body == image); // all of it, in order, before the close
    }
    QVERIFY2(c.closedWithin(5000), "the server kept the connection open after Connection: close");
}

void TestConnectionGuard::keepAliveStaysOpen()
{
    setUp();
    RawConnection c(base());
    QVERIFY(c.connected());
    for (int i = 0; i < 3; ++i) {
        c.send(request("GET", "/rest/v1/softwaremoduletypes"));
        QCOMPARE(c.answer().status, 200);
    }
    QTest::qWait(500);
    QVERIFY(!c.isClosed());
}

void TestConnectionGuard::slowHeaderGets408()
{
    setUp([](ServerConfig &c) { c.headerTimeoutSecs = 1; });
    RawConnection c(base());
    QVERIFY(c.connected());
    // A header line every 300 ms, never the blank line that ends it: slow-loris.
    c.send("GET /rest/v1/softwaremoduletypes HTTP/1.1\r\nHost: localhost\r\n");
    QElapsedTimer t;
    t.start();
    int line = 0;
    while (!c.isClosed() && t.elapsed() < 5000) {
        c.send("X-Trickle-" + QByteArray::number(++line) + ": a\r\n");
        QTest::qWait(300);
    }
    QVERIFY2(c.isClosed(), "a trickled header kept the connection for 5 s");
    QVERIFY2(t.elapsed() < 2500, qPrintable(u"closed after %1 ms"_s.arg(t.elapsed())));
}

void TestConnectionGuard::slowButCompleteHeaderIsServed()
{
    setUp([](ServerConfig &c) { c.headerTimeoutSecs = 2; });
    RawConnection c(base());
    QVERIFY(c.connected());
    // The same trickle, finished within the timeout: an ordinary slow link.
    const QByteArray r = request("GET", "/rest/v1/softwaremoduletypes");
    for (qsizetype i = 0; i < r.size(); i += 16) {
        c.send(r.mid(i, 16));
        QTest::qWait(20);
    }
    QCOMPARE(c.answer().status, 200);
    QVERIFY(!c.isClosed());
}

void TestConnectionGuard::idleConnectionsAreClosed()
{
    setUp([](ServerConfig &c) { c.idleTimeoutSecs = 1; });
    RawConnection silent(base());
    RawConnection served(base());
    QVERIFY(silent.connected());
    QVERIFY(served.connected());
    served.send(request("GET", "/rest/v1/softwaremoduletypes"));
    QCOMPARE(served.answer().status, 200);
    QVERIFY2(silent.closedWithin(4000), "a connection that never sent a byte stayed open");
    QVERIFY2(served.closedWithin(4000), "an idle keep-alive connection stayed open");
}

// Requests every 400 ms for 2.4 s on a connection with a 1 s idle timeout: it is never idle for a second, so it stays
// open throughout; silent after that, it is closed.
void TestConnectionGuard::aBusyConnectionIsNotIdle()
{
    setUp([](ServerConfig &c) { c.idleTimeoutSecs = 1; });
    RawConnection c(base());
    QVERIFY(c.connected());
    for (int i = 0; i < 6; ++i) {
        c.send(request("GET", "/rest/v1/softwaremoduletypes"));
        QCOMPARE(c.answer().status, 200);
        QTest::qWait(400);
        QVERIFY2(!c.isClosed(), qPrintable(u"closed after request %1, within a second of it"_s.arg(i + 1)));
    }
    QVERIFY2(c.closedWithin(4000), "a connection silent after its requests stayed open");
}

// The header timeout counts from each request's first byte, not from the first request's: on a keep-alive connection
// with a 1 s timeout, a second request that begins 700 ms after the first and trickles its header for 600 ms (within
// its own second, past the first's) is served.
void TestConnectionGuard::eachRequestHasItsOwnHeaderTime()
{
    setUp([](ServerConfig &c) { c.headerTimeoutSecs = 1; });
    RawConnection c(base());
    QVERIFY(c.connected());
    c.send(request("GET", "/rest/v1/softwaremoduletypes"));
    QCOMPARE(c.answer().status, 200);
    QTest::qWait(700);
    const QByteArray r = request("GET", "/rest/v1/softwaremoduletypes");
    const qsizetype piece = r.size() / 6 + 1;
    for (qsizetype i = 0; i < r.size(); i += piece) {
        QTest::qWait(100);
        c.send(r.mid(i, piece));
    }
    QCOMPARE(c.answer().status, 200);
    QVERIFY(!c.isClosed());
}

void TestConnectionGuard::connectionsPerAddressAreCapped()
{
    setUp([](ServerConfig &c) { c.connectionsPerAddress = 3; });
    std::vector<std::unique_ptr<RawConnection>> open;
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<RawConnection>(base()));
        QVERIFY(open.back()->connected());
        open.back()->send(request("GET", "/rest/v1/softwaremoduletypes"));
        QCOMPARE(open.back()->answer().status, 200);
    }
    RawConnection fourth(base());
    QVERIFY(fourth.connected());
    const RawAnswer refused = fourth.answer();
    QCOMPARE(refused.status, 429);
    QCOMPARE(errorCodeOf(refused), u"flotilla.http.tooManyConnections"_s);
    QVERIFY(fourth.closedWithin(5000));

    open.pop_back(); // one closes: room for the next
    QTest::qWait(200);
    RawConnection next(base());
    QVERIFY(next.connected());
    next.send(request("GET", "/rest/v1/softwaremoduletypes"));
    QCOMPARE(next.answer().status, 200);
}

void TestConnectionGuard::requestsPerSecondAreLimited()
{
    // One request every 2 s: a full bucket holds one, and it refills too slowly for a busy test machine to matter.
    setUp([](ServerConfig &c) {
        c.rateLimitExempt = u"none"_s;
        c.readsPerSecond = 0.5;
        c.writesPerSecond = 0.5;
    });
    RawConnection c(base());
    QVERIFY(c.connected());
    c.send(request("GET", "/rest/v1/softwaremoduletypes"));
    QCOMPARE(c.answer().status, 200);
    c.send(request("GET", "/rest/v1/softwaremoduletypes"));
    const RawAnswer refused = c.answer();
    QCOMPARE(refused.status, 429);
    QCOMPARE(errorCodeOf(refused), u"flotilla.http.tooManyRequests"_s);
    QCOMPARE(refused.header("retry-after"), "2"_ba);
    QVERIFY(!c.isClosed()); // refused, not dropped

    // Writes have their own budget, reads do not spend it.
    c.send(request("POST", "/rest/v1/softwaremoduletypes", {}, R"([{"key":"k1","name":"K"}])"));
    QCOMPARE(c.answer().status, 201);
    c.send(request("POST", "/rest/v1/softwaremoduletypes", {}, R"([{"key":"kx","name":"K"}])"));
    QCOMPARE(c.answer().status, 429);

    // When Retry-After has passed a read goes through again; nothing of the refused write was stored.
    QTest::qWait(2100);
    c.send(request("GET", "/rest/v1/softwaremoduletypes"));
    const RawAnswer a = c.answer();
    QCOMPARE(a.status, 200);
    QVERIFY(a.body.contains(R"("key":"k1")"));
    QVERIFY(!a.body.contains(R"("key":"kx")"));
}

void TestConnectionGuard::artifactDownloadsAreNotCounted()
{
    setUp([](ServerConfig &c) {
        c.rateLimitExempt = u"none"_s;
        c.readsPerSecond = 0.5;
        c.anonymousDdi = true;
    });
    RawConnection c(base());
    QVERIFY(c.connected());
    // A streaming installer's byte ranges (RAUC): far more than one every 2 s, none refused. The artifact does not
    // exist, so each is the DDI's own 404; the point is that the guard lets them through.
    for (int i = 0; i < 20; ++i) {
        c.send("GET /DEFAULT/controller/v1/dev-1/softwaremodules/1/artifacts/image.swu HTTP/1.1\r\nHost: l\r\n"
               "Range: bytes=0-99\r\n\r\n");
        QVERIFY(c.answer().status != 429);
    }
    c.send("GET /DEFAULT/controller/v1/dev-1 HTTP/1.1\r\nHost: l\r\n\r\n");
    QCOMPARE(c.answer().status, 200);
    c.send("GET /DEFAULT/controller/v1/dev-1 HTTP/1.1\r\nHost: l\r\n\r\n");
    QCOMPARE(c.answer().status, 429); // polls count
}

void TestConnectionGuard::loopbackIsExemptByDefault()
{
    setUp([](ServerConfig &c) { c.readsPerSecond = 2; });
    RawConnection c(base());
    QVERIFY(c.connected());
    for (int i = 0; i < 20; ++i) {
        c.send(request("GET", "/rest/v1/softwaremoduletypes"));
        QCOMPARE(c.answer().status, 200);
    }
}

void TestConnectionGuard::forwardedClientsCountSeparately()
{
    setUp([](ServerConfig &c) {
        c.rateLimitExempt = u"none"_s;
        c.readsPerSecond = 0.5;
        c.trustedProxies = u"127.0.0.1"_s;
    });
    RawConnection proxy(base());
    QVERIFY(proxy.connected());
    auto from = [](const QByteArray &client) {
        return "X-Forwarded-For: " + client + ", 127.0.0.1\r\n";
    };
    proxy.send(request("GET", "/rest/v1/softwaremoduletypes", from("203.0.113.5")));
    QCOMPARE(proxy.answer().status, 200);
    proxy.send(request("GET", "/rest/v1/softwaremoduletypes", from("203.0.113.5")));
    QCOMPARE(proxy.answer().status, 429);
    // Another device behind the same proxy has its own budget.
    proxy.send(request("GET", "/rest/v1/softwaremoduletypes", from("203.0.113.6")));
    QCOMPARE(proxy.answer().status, 200);
}

QTEST_GUILESS_MAIN(TestConnectionGuard)
#include "tst_connectionguard.moc"
