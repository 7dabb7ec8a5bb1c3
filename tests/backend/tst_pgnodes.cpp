// Several servers on one PostgreSQL (backend/schedulerlease.h): the periodic work — the rollout scheduler among it —
// runs on exactly one of them, the one holding the lease; when that one goes, another takes over within 10 s and
// rollouts keep moving; caches and event streams follow every node's changes through PostgreSQL's notifications, on
// every HTTP thread. Two whole Servers in this process, three HTTP threads each, on a PostgreSQL the test starts
// (skipped without one).
#include "backend/schedulerlease.h"
#include "backend/server.h"
#include "backend/sqlstore.h"
#include "tests/backend/postgresfixture.h"
#include "tests/common/eventstreamclient.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"
#include "tests/common/prometheustext.h"
#include "tests/common/rawhttpconnection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <csignal>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestPgNodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup()
    {
        m_b.reset();
        m_a.reset();
    }
    void oneLeaseAmongConnections();
    void oneServerRunsThePeriodicWorkAndAnotherTakesOver();
    void aKilledSchedulerIsReplaced();
    void aDeletedUserIsRefusedByEveryNode();
    void aConfigurationChangeIsSeenByEveryNode();
    void everyNodeStreamsEveryNodesChangesInOneOrder();
    void sqliteAlwaysRunsIt();

private:
    std::unique_ptr<Server> startNode(const QString &name);
    // Nodes a (the first, so the lease holder) and b on this test's database; false when one does not start.
    bool startTwoNodes()
    {
        m_a = startNode(u"a"_s);
        m_b = m_a ? startNode(u"b"_s) : nullptr;
        return m_a && m_b;
    }
    static double schedulerGauge(Server &server);
    // A Management API client of the server, with the given Basic credentials (the administrator's by default).
    static HttpClient apiOf(const Server &server, const QByteArray &userAndPassword = "admin:admin-password")
    {
        return HttpClient(server.url() + u"/rest/v1"_s, "Basic " + userAndPassword.toBase64());
    }
    // n connections to the server (over its HTTP threads); empty when one does not connect.
    static std::vector<std::unique_ptr<RawHttpConnection>> connectionsTo(const Server &server, int n)
    {
        std::vector<std::unique_ptr<RawHttpConnection>> connections;
        for (int i = 0; i < n; ++i) {
            connections.push_back(std::make_unique<RawHttpConnection>(server.port()));
            if (!connections.back()->connected())
                return {};
        }
        return connections;
    }
    // A rollout of the targets controllerId==<prefix>-* that its start time (now) starts; its id, 0 on failure.
    static int rolloutStartingNow(HttpClient &api, const QString &prefix);

    PostgresFixture m_postgres;
    QString m_skip;
    QString m_database;
    int m_databases = 0;
    QTemporaryDir m_dir;
    std::unique_ptr<Server> m_a;
    std::unique_ptr<Server> m_b;
};

void TestPgNodes::initTestCase()
{
    m_skip = m_postgres.start();
}

void TestPgNodes::init()
{
    if (!m_skip.isEmpty() && QByteArray(QTest::currentTestFunction()) != "sqliteAlwaysRunsIt")
        QSKIP(qPrintable(m_skip));
    if (m_skip.isEmpty()) {
        m_database = u"lease%1"_s.arg(++m_databases);
        QVERIFY(m_postgres.createDatabase(m_database));
    }
}

std::unique_ptr<Server> TestPgNodes::startNode(const QString &name)
{
    ServerConfig config = loopbackServerConfig(m_dir);
    config.database = m_postgres.url(m_database);
    config.artifactDirectory = m_dir.filePath(m_database + u"-artifacts"_s); // shared, as nodes mount one
    config.metricsEnabled = true;
    config.httpThreads = 3; // each with its own store connection, each with its own caches
    QString error;
    std::unique_ptr<Server> server = startWithAdmin(config, &error);
    if (!server)
        qWarning().noquote() << name << "did not start:" << error;
    return server;
}

double TestPgNodes::schedulerGauge(Server &server)
{
    HttpClient client(server.url(), "Basic " + QByteArray("admin:admin-password").toBase64());
    const PrometheusText metrics = PrometheusText::parse(client.send("GET", u"/metrics"_s).body);
    return metrics.has(u"flotilla_node_scheduler"_s) ? metrics.value(u"flotilla_node_scheduler"_s) : -1;
}

int TestPgNodes::rolloutStartingNow(HttpClient &api, const QString &prefix)
{
    if (api.post(u"/targets"_s, u"[{\"controllerId\":\"%1-1\"},{\"controllerId\":\"%1-2\"}]"_s.arg(prefix).toUtf8())
            .status
        != 201)
        return 0;
    const HttpAnswer created = api.post(
        u"/rollouts"_s,
        u"{\"name\":\"%1\",\"targetFilterQuery\":\"controllerId==%1-*\",\"distributionSetId\":1,\"amountGroups\":1,"
        "\"startAt\":%2}"_s.arg(prefix)
            .arg(QDateTime::currentMSecsSinceEpoch())
            .toUtf8());
    if (created.status != 201)
        qWarning() << created.body;
    return created.status == 201 ? created.json().value("id"_L1).toInt() : 0;
}

// The lock itself: two leases on one database, one holds it; the other gets it once the first is gone.
void TestPgNodes::oneLeaseAmongConnections()
{
    const QString url = m_postgres.url(m_database);
    auto first = std::make_unique<SchedulerLease>(url, 100);
    SchedulerLease second(url, 100);
    QSignalSpy firstAcquired(first.get(), &SchedulerLease::acquired);
    QSignalSpy secondAcquired(&second, &SchedulerLease::acquired);
    first->start();
    QCOMPARE(firstAcquired.size(), 1); // at once, on start()
    second.start();
    QTest::qWait(400); // several tries
    QVERIFY(first->isHeld());
    QVERIFY(!second.isHeld());
    QCOMPARE(secondAcquired.size(), 0);
    first.reset(); // its connection closes: PostgreSQL releases the lock
    QVERIFY(secondAcquired.wait(5000));
    QVERIFY(second.isHeld());
    QCOMPARE(secondAcquired.size(), 1);
}

void TestPgNodes::oneServerRunsThePeriodicWorkAndAnotherTakesOver()
{
    QVERIFY(startTwoNodes());
    std::unique_ptr<Server> &a = m_a;
    std::unique_ptr<Server> &b = m_b;
    QVERIFY(a->runsPeriodicWork()); // the first to start takes the lease at once
    QTest::qWait(2 * SchedulerLease::DefaultIntervalMs); // b has tried again, more than once
    QVERIFY(a->runsPeriodicWork());
    QVERIFY(!b->runsPeriodicWork());
    QCOMPARE(schedulerGauge(*a), 1.0);
    QCOMPARE(schedulerGauge(*b), 0.0);

    // Work asked of b is done by a's scheduler: a rollout whose start time has come is started.
    HttpClient api = apiOf(*b);
    QVERIFY(addFirmwareSet(api) > 0);
    const int first = rolloutStartingNow(api, u"first"_s);
    QVERIFY(first > 0);
    auto statusOf = [&](int rollout) {
        return api.get(u"/rollouts/%1"_s.arg(rollout)).json().value("status"_L1).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(first), u"running"_s, 15000);

    // a goes; b takes the lease within 10 s and drives the next rollout.
    QElapsedTimer takeover;
    takeover.start();
    a.reset();
    QTRY_VERIFY_WITH_TIMEOUT(b->runsPeriodicWork(), 10000);
    qInfo("b took over %lld ms after a went", qint64(takeover.elapsed()));
    QVERIFY(takeover.elapsed() < 10000);
    QCOMPARE(schedulerGauge(*b), 1.0);
    const int second = rolloutStartingNow(api, u"second"_s);
    QVERIFY(second > 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(second), u"running"_s, 15000);
}

// kill -9 of the flotillad holding the lease: no goodbye, no closed transaction; PostgreSQL sees its connection
// drop and the other server takes over within 10 s.
void TestPgNodes::aKilledSchedulerIsReplaced()
{
    QProcess a;
    a.setProcessChannelMode(QProcess::MergedChannels);
    a.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotillad"_s,
            { u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, m_postgres.url(m_database), u"--artifact-dir"_s,
              m_dir.filePath(m_database + u"-artifacts"_s) });
    QVERIFY(a.waitForStarted());
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT((log += a.readAll()).contains("scheduler lease taken"), 15000);
    std::unique_ptr<Server> b = startNode(u"b"_s);
    QVERIFY(b);
    QTest::qWait(2 * SchedulerLease::DefaultIntervalMs);
    QVERIFY(!b->runsPeriodicWork());
    QElapsedTimer takeover;
    takeover.start();
    ::kill(pid_t(a.processId()), SIGKILL);
    QVERIFY(a.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(b->runsPeriodicWork(), 10000);
    qInfo("b took over %lld ms after a was killed", qint64(takeover.elapsed()));
}

// Caches that affect answers follow the other servers' changes through PostgreSQL's notifications, not a
// time-to-live, on every HTTP thread: 24 connections to b (over its 3 threads, each with its own store connection
// and credential cache) verified ops's password a moment ago (and would trust it for a minute); a deletes ops; every
// connection to b refuses ops at once. Five rounds, a new user each: a notification missed now and then (as one
// thread's connection did before the process had one listening connection) fails one of them.
void TestPgNodes::aDeletedUserIsRefusedByEveryNode()
{
    QVERIFY(startTwoNodes());
    HttpClient adminOnA = apiOf(*m_a);
    const std::vector<std::unique_ptr<RawHttpConnection>> onB = connectionsTo(*m_b, 24);
    QVERIFY(!onB.empty());
    const auto targets = [](int) {
        return u"/rest/v1/targets"_s;
    };
    for (int round = 0; round < 5; ++round) {
        const QString user = u"ops%1"_s.arg(round);
        const QByteArray credentials = "Basic " + (user + u":ops-password"_s).toUtf8().toBase64();
        QCOMPARE(adminOnA
                     .post(u"/users"_s,
                           u"{\"username\":\"%1\",\"password\":\"ops-password\",\"roles\":[\"operator\"]}"_s.arg(user)
                               .toUtf8())
                     .status,
                 201);
        QCOMPARE(statuses(atOnce(onB, "GET", targets, credentials)), QList<int>(24, 200)); // verified, cached
        QCOMPARE(adminOnA.send("DELETE", u"/users/"_s + user).status, 204);
        QElapsedTimer refused;
        refused.start();
        QTRY_COMPARE_WITH_TIMEOUT(statuses(atOnce(onB, "GET", targets, credentials)), QList<int>(24, 401), 5000);
        qInfo("round %d: every connection to b refused the deleted user %lld ms after a deleted it", round,
              qint64(refused.elapsed()));
        // And a's own cache, of course.
        QCOMPARE(apiOf(*m_a, (user + u":ops-password"_s).toUtf8()).get(u"/targets"_s).status, 401);
    }
    QVERIFY(m_b->metrics().connectionsByThread().size() >= 2);
}

// The tenant configuration every HTTP thread of b has read is read again when a changes it: ten changes in a row,
// each seen over all 24 connections to b.
void TestPgNodes::aConfigurationChangeIsSeenByEveryNode()
{
    QVERIFY(startTwoNodes());
    HttpClient adminOnA = apiOf(*m_a);
    const std::vector<std::unique_ptr<RawHttpConnection>> onB = connectionsTo(*m_b, 24);
    QVERIFY(!onB.empty());
    const QByteArray admin = "Basic " + QByteArray("admin:admin-password").toBase64();
    const auto pollingTimesOnB = [&] {
        QStringList values;
        for (const HttpAnswer &a :
             atOnce(onB, "GET", [](int) { return u"/rest/v1/system/configs/pollingTime"_s; }, admin))
            values.append(a.json().value("value"_L1).toString());
        return values;
    };
    QCOMPARE(pollingTimesOnB(), QStringList(24, u"00:05:00"_s)); // read, and kept, by every thread of b
    for (int minutes = 1; minutes <= 10; ++minutes) {
        const QString value = u"00:%1:00"_s.arg(minutes, 2, 10, QChar(u'0'));
        QCOMPARE(adminOnA.put(u"/system/configs/pollingTime"_s, u"{\"value\":\"%1\"}"_s.arg(value).toUtf8()).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(pollingTimesOnB(), QStringList(24, value), 5000);
    }
}

// A WebSocket on either server sees the changes made through both, with the same numbers in the same order, and
// ?since= replays them alike from either.
void TestPgNodes::everyNodeStreamsEveryNodesChangesInOneOrder()
{
    QVERIFY(startTwoNodes());
    std::unique_ptr<Server> &a = m_a;
    std::unique_ptr<Server> &b = m_b;
    const QByteArray admin = "Basic " + QByteArray("admin:admin-password").toBase64();
    EventStreamClient onA(*a, admin);
    EventStreamClient onB(*b, admin);
    QVERIFY(onA.connected());
    QVERIFY(onB.connected());
    HttpClient apiA = apiOf(*a);
    HttpClient apiB = apiOf(*b);
    for (int i = 1; i <= 6; ++i)
        QCOMPARE((i % 2 ? apiA : apiB).post(u"/targets"_s, u"[{\"controllerId\":\"x-%1\"}]"_s.arg(i).toUtf8()).status,
                 201);
    QTRY_COMPARE_WITH_TIMEOUT(onA.created.size(), 6, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(onB.created.size(), 6, 5000);
    QCOMPARE(onB.created, onA.created);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(onA.created[i].controllerId, u"x-%1"_s.arg(i + 1));

    // A client that reconnects with ?since= to the other server gets the same events.
    const qint64 before = onA.created.first().seq - 1;
    EventStreamClient again(*b, admin, u"?since=%1"_s.arg(before));
    QVERIFY(again.connected());
    QTRY_COMPARE_WITH_TIMEOUT(again.created.size(), 6, 5000);
    QCOMPARE(again.created, onA.created);
}

void TestPgNodes::sqliteAlwaysRunsIt()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<Server> server = startWithAdmin(loopbackServerConfig(dir), &error);
    QVERIFY2(server, qPrintable(error));
    QVERIFY(server->runsPeriodicWork());
}

QTEST_MAIN(TestPgNodes)
#include "tst_pgnodes.moc"
