// The overview resources (a Flotilla extension of the Management API): against a fleet whose numbers are known
// (tests/common/overviewfleet.h), every count is right, and every count's RSQL filter lists exactly the targets
// it counts; the top errors group by reason; a rollout says what it will do next; bad parameters are 400s.
#include "backend/server.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"
#include "tests/common/overviewfleet.h"

#include <QTest>
#include <QUrlQuery>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;
namespace Fleet = FlotillaTest::OverviewFleet;

class TestMgmtOverview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fleetCounts_data();
    void fleetCounts();
    void everyCountHasItsFilter();
    void topErrors();
    void errorFilterListsTheFailedTargets();
    void rolloutSaysWhatComesNext();
    void badParameters_data();
    void badParameters();
    void forecastPlaysTheFleetAsItBehaves();
    void forecastRefusesBadBodies_data();
    void forecastRefusesBadBodies();

private:
    // How many targets a filter lists (the page's total).
    int countOf(const QString &rsql)
    {
        QUrlQuery q;
        q.addQueryItem(u"q"_s, rsql);
        q.addQueryItem(u"limit"_s, u"1"_s);
        const HttpAnswer a = m_api->get(u"/targets?"_s + q.toString(QUrl::FullyEncoded));
        return a.status == 200 ? a.json()["total"_L1].toInt() : -a.status;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Flotilla::Server> m_server;
    std::unique_ptr<HttpClient> m_api;
    QJsonObject m_targets;
};

void TestMgmtOverview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Flotilla::ServerConfig config = loopbackServerConfig(m_dir);
    config.gatewayToken = u"gw"_s;
    QVERIFY(Fleet::seedStore(m_dir.filePath(u"db"_s)));
    QString error;
    m_server = startWithAdmin(config, &error);
    QVERIFY2(m_server, qPrintable(error));
    m_api = std::make_unique<HttpClient>(m_server->url() + u"/rest/v1"_s);
    m_api->setAuthorization("Basic " + QByteArray("admin:admin-password").toBase64());
    const qint64 set = addFirmwareSet(*m_api);
    QVERIFY(set > 0);
    QVERIFY(Fleet::goLive(*m_api, m_server->url() + u"/DEFAULT/controller/v1/"_s, set));
    const HttpAnswer overview = m_api->get(u"/overview/targets"_s);
    QCOMPARE(overview.status, 200);
    m_targets = overview.json();
}

void TestMgmtOverview::cleanupTestCase()
{
    m_api.reset();
    m_server.reset();
}

void TestMgmtOverview::fleetCounts_data()
{
    QTest::addColumn<QString>("path"); // in the /overview/targets answer
    QTest::addColumn<int>("expected");
    QTest::newRow("total") << u"total"_s << Fleet::Total;
    QTest::newRow("registered") << u"updateStatus.registered"_s << Fleet::Registered;
    QTest::newRow("unknown") << u"updateStatus.unknown"_s << Fleet::Unknown;
    QTest::newRow("in sync") << u"updateStatus.in_sync"_s << Fleet::InSync;
    QTest::newRow("error") << u"updateStatus.error"_s << Fleet::Error;
    QTest::newRow("pending") << u"updateStatus.pending"_s << Fleet::Pending;
    QTest::newRow("overdue") << u"overdue"_s << Fleet::Overdue;
    QTest::newRow("never seen") << u"neverSeen"_s << Fleet::NeverSeen;
}

void TestMgmtOverview::fleetCounts()
{
    QFETCH(QString, path);
    QJsonValue v = m_targets;
    for (const QString &part : path.split(u'.'))
        v = v.toObject().value(part);
    QTEST(v.toInt(-1), "expected");
}

void TestMgmtOverview::everyCountHasItsFilter()
{
    const QJsonObject filters = m_targets["filters"_L1].toObject();
    const QJsonObject byStatus = m_targets["updateStatus"_L1].toObject();
    QCOMPARE(filters.size(), byStatus.size() + 2);
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
        QCOMPARE(countOf(filters[it.key()].toString()), it.value().toInt());
    QCOMPARE(countOf(filters["overdue"_L1].toString()), Fleet::Overdue);
    QCOMPARE(countOf(filters["neverSeen"_L1].toString()), Fleet::NeverSeen);
    // The consent card's count is a plain action listing.
    QCOMPARE(m_api->get(u"/actions?q=status==wait_for_confirmation&limit=1"_s).json()["total"_L1].toInt(),
             Fleet::WaitingForConsent);
    // The overdue boundary is the tenant's polling time plus overdue time (hawkBit's), both 5 minutes by default.
    const qint64 before = m_targets["overdueBefore"_L1].toInteger();
    QVERIFY(qAbs(QDateTime::currentMSecsSinceEpoch() - 600'000 - before) < 60'000);
    // The fresh-* devices polled a minute before the server started: they turn overdue nine minutes from then,
    // the soonest of all (the others polled later).
    const qint64 nextOverdue = m_targets["nextOverdueAt"_L1].toInteger();
    QVERIFY(nextOverdue > before + 600'000 - 120'000);
    QVERIFY(nextOverdue < QDateTime::currentMSecsSinceEpoch() + 540'000);
}

void TestMgmtOverview::topErrors()
{
    const HttpAnswer a = m_api->get(u"/overview/errors?hours=24&limit=5"_s);
    QCOMPARE(a.status, 200);
    const QJsonArray content = a.json()["content"_L1].toArray();
    QCOMPARE(content.size(), 2);
    QCOMPARE(content[0]["message"_L1].toString(), u"Disk full"_s);
    QCOMPARE(content[0]["count"_L1].toInt(), 2);
    QCOMPARE(content[0]["targets"_L1].toInt(), 2);
    QCOMPARE(content[1]["message"_L1].toString(), u"Checksum mismatch"_s);
    QCOMPARE(content[1]["count"_L1].toInt(), 1);
    QCOMPARE(a.json()["truncated"_L1].toBool(true), false);
    // limit cuts the list, total still counts the groups.
    const HttpAnswer one = m_api->get(u"/overview/errors?limit=1"_s);
    QCOMPARE(one.json()["content"_L1].toArray().size(), 1);
    QCOMPARE(one.json()["total"_L1].toInt(), 2);
}

void TestMgmtOverview::errorFilterListsTheFailedTargets()
{
    const QJsonArray content = m_api->get(u"/overview/errors"_s).json()["content"_L1].toArray();
    QCOMPARE(countOf(content[0]["filter"_L1].toString()), 2);
    QCOMPARE(countOf(content[1]["filter"_L1].toString()), 1);
    QUrlQuery q;
    q.addQueryItem(u"q"_s, content[0]["filter"_L1].toString());
    const QJsonArray targets
        = m_api->get(u"/targets?"_s + q.toString(QUrl::FullyEncoded)).json()["content"_L1].toArray();
    QStringList ids;
    for (const QJsonValue &t : targets)
        ids << t["controllerId"_L1].toString();
    ids.sort();
    QCOMPARE(ids, QStringList({ u"fail-0"_s, u"fail-1"_s }));
    // A message with quotes and a backslash survives the round trip through the filter.
    QCOMPARE(countOf(u"errorMessage==\"no such\\\\\\\"thing\""_s), 0);
}

void TestMgmtOverview::rolloutSaysWhatComesNext()
{
    const HttpAnswer created
        = m_api->post(u"/rollouts"_s, R"({"name":"fresh","targetFilterQuery":"controllerId==fresh-*",
        "distributionSetId":1,"amountGroups":2,
        "successCondition":{"condition":"THRESHOLD","expression":"50"}})");
    QCOMPARE(created.status, 201);
    const int id = created.json()["id"_L1].toInt();
    QTRY_COMPARE(m_api->get(u"/rollouts/%1"_s.arg(id)).json()["status"_L1].toString(), u"ready"_s);
    QCOMPARE(m_api->get(u"/rollouts/%1"_s.arg(id)).json()["nextStep"_L1]["kind"_L1].toString(), u"waitForStart"_s);
    QCOMPARE(m_api->post(u"/rollouts/%1/start"_s.arg(id), {}).status, 204);
    QTRY_COMPARE(m_api->get(u"/rollouts/%1"_s.arg(id)).json()["status"_L1].toString(), u"running"_s);
    // In the listing too: the console's card reads it from there.
    const QJsonObject listed = m_api->get(u"/rollouts?q=name==fresh"_s).json()["content"_L1][0].toObject();
    const QJsonObject next = listed["nextStep"_L1].toObject();
    QCOMPARE(next["kind"_L1].toString(), u"startGroup"_s);
    // The second group starts when the first reaches its threshold.
    const QJsonArray groups = m_api->get(u"/rollouts/%1/deploygroups"_s.arg(id)).json()["content"_L1].toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(next["after"_L1].toString(), groups[0]["name"_L1].toString());
    QCOMPARE(next["group"_L1].toString(), groups[1]["name"_L1].toString());
    QCOMPARE(next["threshold"_L1].toInt(), 50);
    QCOMPARE(next["progress"_L1].toInt(), 0);
}

void TestMgmtOverview::badParameters_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("hours not a number") << u"/overview/errors?hours=day"_s;
    QTest::newRow("hours zero") << u"/overview/errors?hours=0"_s;
    QTest::newRow("hours over 30 days") << u"/overview/errors?hours=721"_s;
    QTest::newRow("limit negative") << u"/overview/errors?limit=-1"_s;
    QTest::newRow("limit huge") << u"/overview/errors?limit=99999999999"_s;
}

void TestMgmtOverview::badParameters()
{
    QFETCH(QString, path);
    const HttpAnswer a = m_api->get(path);
    QCOMPARE(a.status, 400);
    QVERIFY(!a.json()["message"_L1].toString().isEmpty());
}

// POST /rollouts/forecast: the fresh devices poll and install, the overdue and never-seen ones are assumed silent,
// so the group that holds them never ends and the next never starts; nothing is created.
void TestMgmtOverview::forecastPlaysTheFleetAsItBehaves()
{
    const int rolloutsBefore = m_api->get(u"/rollouts"_s).json()["total"_L1].toInt();
    const qint64 set = m_api->get(u"/distributionsets"_s).json()["content"_L1][0]["id"_L1].toInteger();
    QJsonObject body { { "name"_L1, u"what if"_s },
                       { "distributionSetId"_L1, double(set) },
                       { "targetFilterQuery"_L1,
                         u"controllerId==fresh-* or controllerId==late-* or controllerId==new-*"_s },
                       { "amountGroups"_L1, 3 },
                       { "successCondition"_L1, QJsonObject { { "expression"_L1, u"100"_s } } } };
    HttpAnswer a = m_api->post(u"/rollouts/forecast"_s, QJsonDocument(body).toJson());
    QVERIFY2(a.status == 200, a.body.constData());
    QJsonObject f = a.json();
    QCOMPARE(f["totalTargets"_L1].toInt(), 9);
    QCOMPARE(f["assumptions"_L1]["silentTargets"_L1].toInt(), Fleet::Overdue + Fleet::NeverSeen);
    QCOMPARE(f["status"_L1].toString(), u"running"_s); // still waiting for silent devices at the horizon
    QJsonArray groups = f["groups"_L1].toArray();
    QCOMPARE(groups.size(), 3);
    const double start = f["start"_L1].toDouble();
    // Group 1, the fresh devices: starts at once, each polls within its interval and installs.
    QCOMPARE(groups[0]["targets"_L1].toInt(), 3);
    QCOMPARE(groups[0]["startsAt"_L1].toDouble(), start);
    QVERIFY(groups[0]["endsAt"_L1].toDouble() > start);
    QCOMPARE(groups[0]["finished"_L1].toInt() + groups[0]["failed"_L1].toInt(), 3);
    // Group 2 holds late-0, late-1 and new-0, all silent: it starts and never ends; group 3 never starts.
    QCOMPARE(groups[1]["startsAt"_L1].toDouble(), groups[0]["endsAt"_L1].toDouble());
    QVERIFY(groups[1]["endsAt"_L1].isNull());
    QVERIFY(groups[2]["startsAt"_L1].isNull());
    const double poll = f["assumptions"_L1]["pollingSeconds"_L1].toDouble();
    const double install = f["assumptions"_L1]["installSeconds"_L1].toDouble();
    QVERIFY(poll > 0 && install > 0);
    // The fresh devices polled a minute ago: the last of them reports within one interval plus an install.
    QVERIFY(groups[0]["endsAt"_L1].toDouble() <= start + (poll + install) * 1000);

    // The fresh devices alone: the whole rollout finishes.
    body["targetFilterQuery"_L1] = u"controllerId==fresh-*"_s;
    a = m_api->post(u"/rollouts/forecast"_s, QJsonDocument(body).toJson());
    QCOMPARE(a.status, 200);
    f = a.json();
    QCOMPARE(f["status"_L1].toString(), u"finished"_s);
    QCOMPARE(f["assumptions"_L1]["silentTargets"_L1].toInt(), 0);
    QVERIFY(f["end"_L1].toDouble() > start);
    QVERIFY(f["pausedAt"_L1].isNull());

    // A forecast creates nothing.
    QCOMPARE(m_api->get(u"/rollouts"_s).json()["total"_L1].toInt(), rolloutsBefore);
}

void TestMgmtOverview::forecastRefusesBadBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("not json") << "{"_ba << 400;
    QTest::newRow("no name") << R"({"distributionSetId":1,"targetFilterQuery":"name==x","amountGroups":1})"_ba << 400;
    QTest::newRow("bad filter")
        << R"({"name":"n","distributionSetId":1,"targetFilterQuery":"name=x","amountGroups":1})"_ba << 400;
    QTest::newRow("no groups") << R"({"name":"n","distributionSetId":1,"targetFilterQuery":"name==x"})"_ba << 400;
    QTest::newRow("unknown set")
        << R"({"name":"n","distributionSetId":999,"targetFilterQuery":"name==x","amountGroups":1})"_ba << 404;
}

void TestMgmtOverview::forecastRefusesBadBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const HttpAnswer a = m_api->post(u"/rollouts/forecast"_s, body);
    QCOMPARE(a.status, status);
    QVERIFY2(!a.json()["message"_L1].toString().isEmpty(), a.body.constData());
}

QTEST_GUILESS_MAIN(TestMgmtOverview)
#include "tst_mgmtoverview.moc"
