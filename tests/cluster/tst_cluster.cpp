// Scale-out end to end with the real programs (issue 21): a PostgreSQL the test starts, two flotillad on it (nodes
// a and b, two HTTP threads each, one artifact directory both mount) and an nginx load balancer in front of them,
// which the devices use. Devices poll through nginx and both nodes answer; an operator's WebSocket on a sees, in
// order, the feedback that arrives on b; a user deleted through a is refused by every HTTP thread of b at once; a
// rollout runs to FINISHED while a, the node running the scheduler, is killed with SIGKILL midway (b takes over; no
// action lost, none created twice, every group's counts right). Skipped without PostgreSQL or nginx.
#include "tests/agent/flotilladfixture.h"
#include "tests/backend/postgresfixture.h"
#include "tests/common/eventstreamclient.h"
#include "tests/common/httpclient.h"
#include "tests/common/rawhttpconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Admin = "Basic " + QByteArray("admin:admin-secret").toBase64();

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// nginx as the load balancer: round robin over the nodes, a node that fails to answer is skipped for 2 s (and the
// request tried on the next for the methods nginx may repeat), the node that answered in X-Flotilla-Node.
class LoadBalancer
{
public:
    ~LoadBalancer()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            m_nginx.waitForFinished(5000);
        }
    }
    bool start(const QString &dir, const QList<quint16> &nodes)
    {
        m_port = freePort();
        QString upstreams;
        for (quint16 node : nodes)
            upstreams += u"    server 127.0.0.1:%1 max_fails=1 fail_timeout=2s;\n"_s.arg(node);
        QDir().mkpath(dir + u"/tmp"_s);
        QFile conf(dir + u"/nginx.conf"_s);
        if (!conf.open(QIODevice::WriteOnly))
            return false;
        conf.write(u"daemon off; worker_processes 1; pid %1/nginx.pid; error_log %1/nginx-error.log;\n"
                   "events { worker_connections 1024; }\n"
                   "http { access_log off;\n"
                   "  client_body_temp_path %1/tmp; proxy_temp_path %1/tmp; fastcgi_temp_path %1/tmp;\n"
                   "  uwsgi_temp_path %1/tmp; scgi_temp_path %1/tmp;\n"
                   "  upstream flotilla {\n%2  }\n"
                   "  server { listen 127.0.0.1:%3; client_max_body_size 64m;\n"
                   "    location / { proxy_pass http://flotilla; proxy_http_version 1.1;\n"
                   "      proxy_set_header Host $http_host; proxy_set_header Connection \"\";\n"
                   "      proxy_connect_timeout 2s; proxy_next_upstream error timeout http_502;\n"
                   "      add_header X-Flotilla-Node $upstream_addr always; } } }\n"_s.arg(dir, upstreams)
                       .arg(m_port)
                       .toUtf8());
        conf.close();
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(u"/usr/sbin/nginx"_s,
                      { u"-c"_s, conf.fileName(), u"-p"_s, dir, u"-e"_s, dir + u"/nginx-error.log"_s });
        if (!m_nginx.waitForStarted())
            return false;
        // Listening once a connection is accepted.
        return QTest::qWaitFor(
            [this] {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, m_port);
                return m_nginx.state() == QProcess::Running && probe.waitForConnected(200);
            },
            10000);
    }
    QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }
    QString output() { return QString::fromUtf8(m_nginx.readAll()); }

private:
    QProcess m_nginx;
    quint16 m_port = 0;
};

// A device as the DDI sees it, through the load balancer: polls, takes the deployment it is offered and reports
// it installed.
struct Device
{
    QString controllerId;
    QByteArray token;
    int installed = 0;

    // One poll and, when an action is offered, its closed/success feedback. The node that answered the poll ("" when
    // none did).
    QString step(const QString &balancer)
    {
        HttpClient ddi(balancer + u"/DEFAULT/controller/v1/"_s + controllerId, "TargetToken " + token);
        const HttpAnswer poll = ddi.get(QString());
        if (poll.status != 200)
            return {};
        static const QRegularExpression deployment(u"/deploymentBase/(\\d+)"_s);
        const QString href = poll.json()["_links"_L1]["deploymentBase"_L1]["href"_L1].toString();
        if (const QRegularExpressionMatch m = deployment.match(href); m.hasMatch()) {
            const QJsonObject feedback { { "id"_L1, m.captured(1) },
                                         { "status"_L1,
                                           QJsonObject {
                                               { "execution"_L1, u"closed"_s },
                                               { "result"_L1, QJsonObject { { "finished"_L1, u"success"_s } } } } } };
            if (ddi.post(u"/deploymentBase/%1/feedback"_s.arg(m.captured(1)), QJsonDocument(feedback).toJson()).status
                == 200)
                ++installed;
        }
        return QString::fromUtf8(poll.header("X-Flotilla-Node"));
    }
};

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void devicesPollThroughTheBalancerAndBothNodesAnswer();
    void feedbackArrivingOnBIsStreamedOnAInOrder();
    void aUserDeletedThroughAIsRefusedByEveryThreadOfB();
    void aRolloutFinishesWhileTheSchedulerNodeIsKilled();

private:
    // Targets <prefix>-00.. created through the balancer, as devices with their tokens.
    QList<Device> createDevices(const QString &prefix, int count);
    HttpClient api(const QString &base) const { return HttpClient(base + u"/rest/v1"_s, Admin); }

    QTemporaryDir m_dir;
    PostgresFixture m_postgres;
    std::unique_ptr<FlotilladFixture> m_a;
    std::unique_ptr<FlotilladFixture> m_b;
    LoadBalancer m_balancer;
    qint64 m_setId = 0;
};

void TestCluster::initTestCase()
{
    if (QStandardPaths::findExecutable(u"nginx"_s, { u"/usr/sbin"_s }).isEmpty())
        QSKIP("nginx is missing (tools/devroot.packages has it)");
    if (const QString why = m_postgres.start(); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY(m_postgres.createDatabase(u"cluster"_s));
    const auto node = [this](const QString &name) {
        QDir().mkpath(m_dir.filePath(name));
        auto n = std::make_unique<FlotilladFixture>(m_dir.filePath(name));
        n->setDatabaseUrl(m_postgres.url(u"cluster"_s));
        n->setArtifactDir(m_dir.filePath(u"artifacts"_s));
        return n;
    };
    // a first: it takes the scheduler lease.
    m_a = node(u"a"_s);
    QVERIFY(m_a->start({}, u"httpThreads=2"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_a->log().contains(u"scheduler lease taken"_s), 15000);
    m_b = node(u"b"_s);
    QVERIFY(m_b->start({}, u"httpThreads=2"_s));
    QVERIFY2(m_balancer.start(m_dir.filePath(u"nginx"_s), { m_a->port(), m_b->port() }),
             qPrintable(m_balancer.output()));
    const SetWithArtifact set = m_a->addSet(u"fw"_s, u"2.0"_s, u"fw.bin"_s, randomBytes(4096));
    QVERIFY(set.setId > 0);
    m_setId = set.setId;
}

QList<Device> TestCluster::createDevices(const QString &prefix, int count)
{
    QJsonArray body;
    for (int i = 0; i < count; ++i)
        body.append(QJsonObject { { "controllerId"_L1, u"%1-%2"_s.arg(prefix).arg(i, 2, 10, QChar(u'0')) } });
    const HttpAnswer created = api(m_balancer.url()).post(u"/targets"_s, QJsonDocument(body).toJson());
    QList<Device> devices;
    if (created.status != 201) {
        qWarning() << "targets not created:" << created.status << created.body;
        return devices;
    }
    for (const QJsonValue &t : created.jsonArray())
        devices.append({ t["controllerId"_L1].toString(), t["securityToken"_L1].toString().toUtf8() });
    return devices;
}

// 20 devices poll three times each through nginx: every poll answered, by both nodes.
void TestCluster::devicesPollThroughTheBalancerAndBothNodesAnswer()
{
    QList<Device> devices = createDevices(u"poll"_s, 20);
    QCOMPARE(devices.size(), 20);
    QSet<QString> nodes;
    int answered = 0;
    for (int round = 0; round < 3; ++round) {
        for (Device &d : devices) {
            const QString node = d.step(m_balancer.url());
            answered += node.isEmpty() ? 0 : 1;
            nodes.insert(node);
        }
    }
    QCOMPARE(answered, 60);
    QCOMPARE(nodes, (QSet<QString> { u"127.0.0.1:%1"_s.arg(m_a->port()), u"127.0.0.1:%1"_s.arg(m_b->port()) }));
}

// The operator watches a; the device reports to b (three steps, then done): a's stream carries b's changes to the
// action in the order they were made, each once.
void TestCluster::feedbackArrivingOnBIsStreamedOnAInOrder()
{
    QList<Device> devices = createDevices(u"watch"_s, 1);
    QCOMPARE(devices.size(), 1);
    const QString controllerId = devices[0].controllerId;
    EventStreamClient onA(m_a->serverUrl(), Admin);
    QVERIFY(onA.connected());
    const qint64 action = m_a->assign(controllerId, m_setId);
    QVERIFY(action > 0);

    HttpClient device(m_b->serverUrl() + u"/DEFAULT/controller/v1/"_s + controllerId,
                      "TargetToken " + devices[0].token);
    const QStringList steps = { u"Downloading"_s, u"Installing"_s, u"Rebooting"_s };
    for (const QString &step : steps) {
        const QJsonObject body { { "id"_L1, QString::number(action) },
                                 { "status"_L1,
                                   QJsonObject { { "execution"_L1, u"proceeding"_s },
                                                 { "result"_L1, QJsonObject { { "finished"_L1, u"none"_s } } },
                                                 { "details"_L1, QJsonArray { step } } } } };
        const HttpAnswer answer
            = device.post(u"/deploymentBase/%1/feedback"_s.arg(action), QJsonDocument(body).toJson());
        QVERIFY2(answer.status == 200, answer.body.constData());
    }
    const QJsonObject done { { "id"_L1, QString::number(action) },
                             { "status"_L1,
                               QJsonObject { { "execution"_L1, u"closed"_s },
                                             { "result"_L1, QJsonObject { { "finished"_L1, u"success"_s } } } } } };
    QCOMPARE(device.post(u"/deploymentBase/%1/feedback"_s.arg(action), QJsonDocument(done).toJson()).status, 200);

    // The action's events on a: created, its first status (the assignment), one change per feedback (the last one
    // finished), in order.
    const auto actionEvents = [&] {
        QList<QJsonObject> mine;
        for (const QJsonObject &e : std::as_const(onA.events)) {
            if (e["type"_L1].toString().startsWith(u"action."_s) && e["data"_L1]["id"_L1].toInteger() == action)
                mine.append(e);
        }
        return mine;
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        !actionEvents().isEmpty() && actionEvents().last()["data"_L1]["status"_L1].toString() == u"finished"_s, 10000);
    QTest::qWait(300); // nothing after it
    const QList<QJsonObject> seen = actionEvents();
    QCOMPARE(seen.first()["type"_L1].toString(), u"action.created"_s);
    QCOMPARE(seen.size(), 2 + steps.size() + 1);
    for (qsizetype i = 1; i < seen.size(); ++i) {
        QCOMPARE(seen[i]["type"_L1].toString(), u"action.changed"_s);
        QVERIFY(seen[i]["seq"_L1].toInteger() > seen[i - 1]["seq"_L1].toInteger());
        QCOMPARE(seen[i]["data"_L1]["status"_L1].toString(), i + 1 < seen.size() ? u"running"_s : u"finished"_s);
    }
    // The whole stream numbered without gaps or repeats.
    for (qsizetype i = 1; i < onA.sequences.size(); ++i)
        QCOMPARE(onA.sequences[i], onA.sequences[i - 1] + 1);
}

// Every HTTP thread of b verified ops's password (and would trust it for a minute); a deletes ops; 16 connections
// to b, over both its threads, refuse ops at once, and so does the balancer.
void TestCluster::aUserDeletedThroughAIsRefusedByEveryThreadOfB()
{
    HttpClient onA = api(m_a->serverUrl());
    QCOMPARE(onA.post(u"/users"_s, R"({"username":"ops","password":"ops-password","roles":["operator"]})").status, 201);
    std::vector<std::unique_ptr<RawHttpConnection>> toB;
    for (int i = 0; i < 16; ++i) {
        toB.push_back(std::make_unique<RawHttpConnection>(m_b->port()));
        QVERIFY(toB.back()->connected());
    }
    const QByteArray ops = "Basic " + QByteArray("ops:ops-password").toBase64();
    const auto targets = [](int) {
        return u"/rest/v1/targets"_s;
    };
    QCOMPARE(statuses(atOnce(toB, "GET", targets, ops)), QList<int>(16, 200));
    QCOMPARE(onA.send("DELETE", u"/users/ops"_s).status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(statuses(atOnce(toB, "GET", targets, ops)), QList<int>(16, 401), 5000);
    HttpClient opsThroughBalancer(m_balancer.url() + u"/rest/v1"_s, ops);
    QCOMPARE(opsThroughBalancer.get(u"/targets"_s).status, 401);
    QCOMPARE(opsThroughBalancer.get(u"/targets"_s).status, 401);
}

// 30 devices, a rollout of three groups started by its start time (the scheduler, on a). Once the first group is
// done, a is killed (SIGKILL: no goodbye). The devices go on through nginx, which now finds only b; b takes the
// scheduler lease and the rollout reaches FINISHED: every device has exactly one action, finished; every group holds
// its ten targets, all finished.
void TestCluster::aRolloutFinishesWhileTheSchedulerNodeIsKilled()
{
    QList<Device> devices = createDevices(u"roll"_s, 30);
    QCOMPARE(devices.size(), 30);
    HttpClient viaBalancer = api(m_balancer.url());
    const HttpAnswer created = viaBalancer.post(
        u"/rollouts"_s,
        u"{\"name\":\"cluster\",\"targetFilterQuery\":\"controllerId==roll-*\",\"distributionSetId\":%1,"
        "\"amountGroups\":3,\"startAt\":%2}"_s.arg(m_setId)
            .arg(QDateTime::currentMSecsSinceEpoch())
            .toUtf8());
    QCOMPARE(created.status, 201);
    const qint64 rollout = created.json()["id"_L1].toInteger();
    const auto rolloutState = [&] {
        return viaBalancer.get(u"/rollouts/%1"_s.arg(rollout)).json();
    };

    // The devices take turns; a is killed as soon as the first of them has reported success, with the first group
    // under way and the next ones for the scheduler to start.
    bool killed = false;
    QElapsedTimer sinceKill;
    qint64 takeover = -1; // ms from a's death to b's taking the scheduler lease, as seen between the devices' turns
    int installed = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    while (rolloutState()["status"_L1].toString() != u"finished"_s && elapsed.elapsed() < 90000) {
        for (Device &d : devices) {
            const int before = d.installed;
            d.step(m_balancer.url());
            installed += d.installed - before;
            if (!killed && installed >= 1) {
                qInfo("killing a (the scheduler) after %lld ms, %d devices installed", qint64(elapsed.elapsed()),
                      installed);
                m_a->crash();
                sinceKill.start();
                killed = true;
            }
        }
        if (killed && takeover < 0 && m_b->log().contains(u"scheduler lease taken"_s))
            takeover = sinceKill.elapsed();
        QTest::qWait(200);
    }
    QVERIFY2(killed, "no device was ever offered the rollout");
    const QJsonObject finished = rolloutState();
    QVERIFY2(finished["status"_L1].toString() == u"finished"_s, QJsonDocument(finished).toJson().constData());
    // b runs the scheduler from then on, within 10 s of a's death.
    if (takeover < 0 && QTest::qWaitFor([&] { return m_b->log().contains(u"scheduler lease taken"_s); }, 10000))
        takeover = sinceKill.elapsed();
    QVERIFY2(takeover >= 0 && takeover <= 10000, qPrintable(m_b->log()));
    qInfo("b took the scheduler lease %lld ms after a was killed", takeover);
    qInfo("the rollout finished %lld ms after it started", qint64(elapsed.elapsed()));
    QCOMPARE(finished["totalTargets"_L1].toInt(), 30);
    QCOMPARE(finished["totalTargetsPerStatus"_L1]["finished"_L1].toInt(), 30);

    // No action lost, none created twice.
    for (const Device &d : std::as_const(devices)) {
        const QJsonObject actions = viaBalancer.get(u"/targets/%1/actions"_s.arg(d.controllerId)).json();
        QCOMPARE(actions["total"_L1].toInt(), 1);
        QCOMPARE(actions["content"_L1][0]["detailStatus"_L1].toString(), u"finished"_s);
        QVERIFY(d.installed
                <= 1); // 0 when a acknowledged it and died before answering: the device was not offered it again
    }
    const QJsonArray groups
        = viaBalancer.get(u"/rollouts/%1/deploygroups"_s.arg(rollout)).json()["content"_L1].toArray();
    QCOMPARE(groups.size(), 3);
    for (const QJsonValue &g : groups) {
        QCOMPARE(g["status"_L1].toString(), u"finished"_s);
        QCOMPARE(g["totalTargets"_L1].toInt(), 10);
        QCOMPARE(g["totalTargetsPerStatus"_L1]["finished"_L1].toInt(), 10);
    }
}

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
