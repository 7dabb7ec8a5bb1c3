// server/httpThreads (backend/httpstack.h, backend/httpworker.h, backend/sqlitefile.h): a Server with several HTTP
// threads on SQLite, over loopback, through many client connections at once (the kernel spreads them over the
// threads' SO_REUSEPORT sockets): connections land on more than one thread; concurrent writes all succeed and reach
// the event stream once each, numbered in commit order; a deleted user and a changed configuration are seen by every
// thread at once; the connection cap and the request rate count over all threads; flotillad's default is one thread
// per core.
#include "tests/backend/managementfixture.h"
#include "tests/common/eventstreamclient.h"
#include "tests/common/prometheustext.h"
#include "tests/common/rawhttpconnection.h"

#include "backend/servermetrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Admin = "Basic " + QByteArray("admin:admin-password").toBase64();

// The event stream, as the administrator sees it.
class EventClient : public EventStreamClient
{
public:
    explicit EventClient(const Server &server, const QString &query = {})
        : EventStreamClient(server, Admin, query)
    { }
};

} // namespace

class TestHttpThreads : public ManagementFixture
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        m_connections.clear();
        tearDown();
    }
    void connectionsAreSpreadOverTheThreads();
    void concurrentWritesAllLandAndStreamInCommitOrder();
    void everyThreadSeesADeletedUserAndANewConfigurationAtOnce();
    void aWriteOutsideATransactionIsSeenAtOnce();
    void limitsCountOverAllThreads();
    void onePerCoreByDefault();

private:
    static constexpr int Threads = 3;
    void start(const std::function<void(ServerConfig &)> &more = {})
    {
        setUp([&](ServerConfig &c) {
            c.httpThreads = Threads;
            c.metricsEnabled = true;
            if (more)
                more(c);
        });
    }
    // n connections, each connected.
    bool open(int n)
    {
        for (int i = 0; i < n; ++i) {
            m_connections.push_back(std::make_unique<RawHttpConnection>(m_server->port()));
            if (!m_connections.back()->connected())
                return false;
        }
        return true;
    }
    std::vector<std::unique_ptr<RawHttpConnection>> m_connections;
};

// 32 connections over 3 threads: all served, by more than one thread (all on one: a chance of 3 in 3^32), and
// /metrics says how many threads there are and which accepted what.
void TestHttpThreads::connectionsAreSpreadOverTheThreads()
{
    start();
    QCOMPARE(m_server->httpThreads(), Threads);
    QVERIFY(open(32));
    const QList<HttpAnswer> answers = atOnce(m_connections, "GET", [](int) { return u"/rest/v1/targets"_s; }, Admin);
    QCOMPARE(statuses(answers), QList<int>(32, 200));
    const QMap<int, quint64> byThread = m_server->metrics().connectionsByThread();
    quint64 total = 0;
    int busy = 0;
    for (auto [thread, count] : byThread.asKeyValueRange()) {
        QVERIFY2(thread >= 0 && thread < Threads, qPrintable(QString::number(thread)));
        total += count;
        busy += count > 0 ? 1 : 0;
    }
    QCOMPARE(total, quint64(32));
    QVERIFY2(busy >= 2, qPrintable(u"only %1 thread(s) accepted"_s.arg(busy)));

    const PrometheusText text
        = PrometheusText::parse(RawHttpConnection(m_server->port()).request("GET", u"/metrics"_s, Admin).body);
    QCOMPARE(text.value(u"flotilla_http_threads"_s), double(Threads));
    double accepted = 0;
    for (int t = 0; t < Threads; ++t)
        accepted += text.value(u"flotilla_http_connections_accepted_total{thread=\"%1\"}"_s.arg(t));
    QCOMPARE(accepted, 33.0); // the scrape's own connection too
}

// 96 targets created at once over 16 connections (SQLite: one writer at a time, BEGIN IMMEDIATE): every request
// succeeds, and the event stream has each exactly once, numbered without gaps in the order the ids were given
// (which is commit order); ?since= replays the same list.
void TestHttpThreads::concurrentWritesAllLandAndStreamInCommitOrder()
{
    start();
    EventClient events(*m_server);
    QVERIFY(events.connected());
    QVERIFY(open(16));
    QSet<QString> sent;
    for (int round = 0; round < 6; ++round) {
        const QList<HttpAnswer> answers = atOnce(
            m_connections, "POST", [](int) { return u"/rest/v1/targets"_s; }, Admin,
            [&](int i) {
                const QString id = u"dev-%1-%2"_s.arg(round).arg(i);
                sent.insert(id);
                return u"[{\"controllerId\":\"%1\"}]"_s.arg(id).toUtf8();
            });
        QCOMPARE(statuses(answers), QList<int>(16, 201));
    }
    QTRY_COMPARE_WITH_TIMEOUT(events.created.size(), 96, 10000);
    QSet<QString> seen;
    for (qsizetype i = 0; i < events.created.size(); ++i) {
        const EventStreamClient::Created &e = events.created[i];
        QVERIFY2(!seen.contains(e.controllerId), qPrintable(e.controllerId + u" twice"_s));
        seen.insert(e.controllerId);
        if (i > 0)
            QVERIFY2(e.id > events.created[i - 1].id, "events out of commit order");
    }
    for (qsizetype i = 1; i < events.sequences.size(); ++i)
        QCOMPARE(events.sequences[i], events.sequences[i - 1] + 1); // every event once, numbered without gaps
    QCOMPARE(seen, sent);
    QCOMPARE(m_server->store().countRows(u"targets"_s), 96);

    EventClient again(*m_server, u"?since=%1"_s.arg(events.created.first().seq - 1));
    QVERIFY(again.connected());
    QTRY_COMPARE_WITH_TIMEOUT(again.created.size(), 96, 10000);
    QCOMPARE(again.created, events.created);
}

// Each thread has its own store connection and credential cache; a change made on one reaches the others through
// the store's notifications (SqliteFile), before their next request.
void TestHttpThreads::everyThreadSeesADeletedUserAndANewConfigurationAtOnce()
{
    start();
    QVERIFY(open(24));
    const QByteArray ops = "Basic " + QByteArray("ops:ops-password").toBase64();
    QCOMPARE(RawHttpConnection(m_server->port())
                 .request("POST", u"/rest/v1/users"_s, Admin,
                          R"({"username":"ops","password":"ops-password","roles":["operator"]})")
                 .status,
             201);
    // Every connection's thread has verified (and cached) ops' password, and read the configuration.
    QCOMPARE(
        statuses(atOnce(m_connections, "GET", [](int) { return u"/rest/v1/targets"_s; }, ops)), QList<int>(24, 200));
    for (const HttpAnswer &a :
         atOnce(m_connections, "GET", [](int) { return u"/rest/v1/system/configs/pollingTime"_s; }, Admin))
        QCOMPARE(a.json().value("value"_L1).toString(), u"00:05:00"_s);

    RawHttpConnection admin(m_server->port());
    QCOMPARE(admin.request("DELETE", u"/rest/v1/users/ops"_s, Admin).status, 204);
    QCOMPARE(admin.request("PUT", u"/rest/v1/system/configs/pollingTime"_s, Admin, R"({"value":"00:01:00"})").status,
             200);
    QCOMPARE(
        statuses(atOnce(m_connections, "GET", [](int) { return u"/rest/v1/targets"_s; }, ops)), QList<int>(24, 401));
    for (const HttpAnswer &a :
         atOnce(m_connections, "GET", [](int) { return u"/rest/v1/system/configs/pollingTime"_s; }, Admin))
        QCOMPARE(a.json().value("value"_L1).toString(), u"00:01:00"_s);
    QVERIFY(m_server->metrics().connectionsByThread().size() >= 2);
}

// SQLite commits a write made outside a transaction only when no other statement of its connection is open: a lookup
// that read its one row (left open) must not keep the next write uncommitted, unseen by the other threads' connections.
void TestHttpThreads::aWriteOutsideATransactionIsSeenAtOnce()
{
    start();
    QVERIFY(open(24));
    QVERIFY(m_server->store().accounts().userByName(u"admin"_s).found()); // its statement read one row of one
    QVERIFY(m_server->accounts().createUser(u"late"_s, u"late-password"_s, { u"viewer"_s }));
    const QByteArray late = "Basic " + QByteArray("late:late-password").toBase64();
    QCOMPARE(
        statuses(atOnce(m_connections, "GET", [](int) { return u"/rest/v1/targets"_s; }, late)), QList<int>(24, 200));
}

// The connection cap per address and the requests per second per client are the server's, not each thread's: with
// a cap of 10, the 11th and 12th connections are refused whichever thread takes them; with 5 reads a second, 10
// requests at once over 10 connections (3 to 4 per thread: each thread alone would allow them all) get at most 6
// answers past the limit.
void TestHttpThreads::limitsCountOverAllThreads()
{
    start([](ServerConfig &c) {
        c.connectionsPerAddress = 10;
        c.readsPerSecond = 5;
        c.rateLimitExempt = u"none"_s;
    });
    std::vector<std::unique_ptr<RawHttpConnection>> all;
    for (int i = 0; i < 12; ++i)
        all.push_back(std::make_unique<RawHttpConnection>(m_server->port()));
    // The two over the cap are answered (429) and closed as they are accepted, before they ask anything.
    int refusedConnections = 0;
    (void)QTest::qWaitFor(
        [&] {
            refusedConnections = 0;
            for (const auto &c : all) {
                const std::optional<HttpAnswer> a = c->unasked();
                if (a && a->status == 429 && a->json().value("errorCode"_L1) == u"flotilla.http.tooManyConnections"_s)
                    ++refusedConnections;
            }
            return refusedConnections >= 2;
        },
        5000);
    for (auto &c : all) {
        if (!c->unasked())
            m_connections.push_back(std::move(c));
    }
    QCOMPARE(m_connections.size(), size_t(10));
    const QList<HttpAnswer> answers
        = atOnce(m_connections, "GET", [](int) { return u"/rest/v1/targets"_s; }, QByteArray());
    int rateLimited = 0;
    int served = 0;
    for (const HttpAnswer &a : answers) {
        if (a.status == 429 && a.json().value("errorCode"_L1) == u"flotilla.http.tooManyRequests"_s)
            ++rateLimited;
        else if (a.status == 401) // past the limits, then refused for want of credentials
            ++served;
    }
    QCOMPARE(refusedConnections, 2);
    QCOMPARE(served + rateLimited, 10);
    QVERIFY2(served <= 6, qPrintable(u"%1 requests passed a limit of 5 a second"_s.arg(served)));
    QVERIFY(served >= 5);
}

void TestHttpThreads::onePerCoreByDefault()
{
    QCOMPARE(ServerConfig::defaults().httpThreads, 0);
    setUp([](ServerConfig &c) { c.httpThreads = 0; });
    QCOMPARE(m_server->httpThreads(), std::max(1, QThread::idealThreadCount()));
    QCOMPARE(RawHttpConnection(m_server->port()).request("GET", u"/rest/v1/targets"_s, Admin).status, 200);
}

QTEST_MAIN(TestHttpThreads)
#include "tst_httpthreads.moc"
