// The Management API over loopback against a whole Server (the composition flotillad runs): an operator's flow
// from types to a finished rollout with simulated devices answering over DDI, types as hawkBit references them,
// permissions per role, validation errors, uploads, bearer tokens, the OpenAPI document. The resources one by one
// are in tst_managementresources; both run on tests/backend/managementfixture.h.
#include "backend/artifactstore.h"
#include "backend/managementserver.h"
#include "backend/sqlstore.h"
#include "tests/backend/managementfixture.h"

#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestManagementServer : public ManagementFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void operatorFlowToFinishedRollout();
    void typesAsHawkbitReferencesThem();
    void permissions_data();
    void permissions();
    void validation_data();
    void validation();
    void uploadChecksHashesAndSize();
    void bearerTokens();
    void securityTokenNeedsItsPermission();
    void openApiListsEveryRoute();
};

void TestManagementServer::typesAsHawkbitReferencesThem()
{
    // Issue 17: hawkBit names module types by id in a set type, reads single types by id, deletes by id.
    HttpClient &admin = as("admin");
    const HttpAnswer os = admin.post(u"/softwaremoduletypes"_s, R"([{"key":"os","name":"OS"}])");
    QCOMPARE(os.status, 201);
    const qint64 osId = qint64(QJsonDocument::fromJson(os.body).array().first()["id"_L1].toDouble());
    QCOMPARE(admin.post(u"/softwaremoduletypes"_s, R"([{"key":"app","name":"App"}])").status, 201);
    const HttpAnswer set = admin.post(
        u"/distributionsettypes"_s,
        u"[{\"key\":\"os_app\",\"name\":\"OS+App\",\"mandatorymodules\":[{\"id\":%1}],\"optionalmodules\":[{\"key\":\"app\"}]}]"_s
            .arg(osId)
            .toUtf8());
    QCOMPARE(set.status, 201);
    const QJsonObject created = QJsonDocument::fromJson(set.body).array().first().toObject();
    QCOMPARE(created["mandatorymodules"_L1].toArray(), QJsonArray({ u"os"_s }));
    QCOMPARE(created["optionalmodules"_L1].toArray(), QJsonArray({ u"app"_s }));
    const qint64 setTypeId = qint64(created["id"_L1].toDouble());
    // An id no type has: 404 with a JSON body naming it.
    HttpAnswer a
        = admin.post(u"/distributionsettypes"_s, R"([{"key":"x","name":"X","mandatorymodules":[{"id":999}]}])");
    QCOMPARE(a.status, 404);
    QVERIFY(a.json()["message"_L1].toString().contains(u"999"_s));
    // Single resources, by id (hawkBit) or key.
    a = admin.get(u"/softwaremoduletypes/%1"_s.arg(osId));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["key"_L1].toString(), u"os"_s);
    QCOMPARE(admin.get(u"/softwaremoduletypes/app"_s).json()["name"_L1].toString(), u"App"_s);
    a = admin.get(u"/distributionsettypes/%1"_s.arg(setTypeId));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["key"_L1].toString(), u"os_app"_s);
    QCOMPARE(a.json()["mandatorymodules"_L1].toArray(), QJsonArray({ u"os"_s }));
    a = admin.get(u"/softwaremoduletypes/4242"_s);
    QCOMPARE(a.status, 404);
    QVERIFY(!a.json()["message"_L1].toString().isEmpty());
    // Delete by id: the set type first (it uses the module types), then a module type.
    QCOMPARE(admin.send("DELETE", u"/distributionsettypes/%1"_s.arg(setTypeId), {}).status, 204);
    QCOMPARE(admin.get(u"/distributionsettypes/os_app"_s).status, 404);
    QCOMPARE(admin.send("DELETE", u"/softwaremoduletypes/%1"_s.arg(osId), {}).status, 204);
    QCOMPARE(admin.get(u"/softwaremoduletypes/os"_s).status, 404);
}

void TestManagementServer::operatorFlowToFinishedRollout()
{
    prepareRepository();
    HttpClient &op = as("operator");
    QJsonArray targets;
    for (int i = 1; i <= 6; ++i)
        targets.append(QJsonObject { { "controllerId"_L1, u"cam-%1"_s.arg(i) } });
    targets.append(QJsonObject { { "controllerId"_L1, u"sensor-1"_s } });
    QCOMPARE(op.post(u"/targets"_s, QJsonDocument(targets).toJson()).status, 201);
    const HttpAnswer set = op.get(u"/distributionsets/1"_s);
    QCOMPARE(set.json()["complete"_L1].toBool(), true);

    const HttpAnswer created
        = op.post(u"/rollouts"_s,
                  R"({"name":"cameras","targetFilterQuery":"controllerId==cam-*","distributionSetId":1,"amountGroups":3,
            "successCondition":{"condition":"THRESHOLD","expression":"100"},"type":"forced"})");
    QCOMPARE(created.status, 201);
    const int rollout = created.json()["id"_L1].toInt();
    QCOMPARE(created.json()["status"_L1].toString(), u"ready"_s);
    QCOMPARE(created.json()["totalGroups"_L1].toInt(), 3);
    QCOMPARE(op.send("POST", u"/rollouts/%1/start"_s.arg(rollout)).status, 204);
    // As spans in time: the first group's two have started, the other four wait (scheduled, no start), none closed.
    const QJsonArray spans = op.get(u"/rollouts/%1/actions"_s.arg(rollout)).json()["content"_L1].toArray();
    QCOMPARE(spans.size(), 6);
    QCOMPARE(
        std::count_if(spans.begin(), spans.end(), [](const QJsonValue &a) { return a["startedAt"_L1].isDouble(); }), 2);
    for (const QJsonValue &a : spans) {
        QVERIFY(a["closedAt"_L1].isNull());
        QCOMPARE(a["status"_L1].toString(), a["startedAt"_L1].isNull() ? u"scheduled"_s : u"running"_s);
    }

    // The devices poll over DDI and report success; each finished group lets the next one start.
    SqlStore &store = m_server->store();
    for (int round = 0; round < 3; ++round) {
        // Every camera polls; only the running group's two are offered the update...
        QList<std::pair<Target, QString>> offered;
        for (int i = 1; i <= 6; ++i) {
            const Target t = *store.targets().targetByControllerId(u"cam-%1"_s.arg(i));
            HttpClient device(m_base);
            device.setAuthorization("TargetToken " + t.securityToken.toUtf8());
            const QString href = device.get(u"/DEFAULT/controller/v1/"_s + t.controllerId).link(u"deploymentBase"_s);
            if (!href.isEmpty())
                offered.append({ t, href });
        }
        QCOMPARE(offered.size(), 2);
        QCOMPARE(offered.first().first.controllerId, u"cam-%1"_s.arg(2 * round + 1));
        // ... and their success starts the next group.
        for (const auto &[t, href] : std::as_const(offered)) {
            HttpClient device(m_base);
            device.setAuthorization("TargetToken " + t.securityToken.toUtf8());
            const QString id = device.get(href).json()["id"_L1].toString();
            QCOMPARE(device
                         .post(u"/DEFAULT/controller/v1/%1/deploymentBase/%2/feedback"_s.arg(t.controllerId, id),
                               R"({"status":{"execution":"closed","result":{"finished":"success"}}})")
                         .status,
                     200);
        }
    }
    const HttpAnswer after = op.get(u"/rollouts/%1"_s.arg(rollout));
    QCOMPARE(after.json()["status"_L1].toString(), u"finished"_s);
    const QJsonArray groups = op.get(u"/rollouts/%1/deploygroups"_s.arg(rollout)).json()["content"_L1].toArray();
    QCOMPARE(groups.size(), 3);
    for (const QJsonValue &g : groups) {
        QCOMPARE(g["status"_L1].toString(), u"finished"_s);
        QCOMPARE(g["totalTargetsPerStatus"_L1]["finished"_L1].toInt(), 2);
    }
    const HttpAnswer inSync = op.get(u"/targets?q=updateStatus==in_sync&limit=10"_s);
    QCOMPARE(inSync.json()["total"_L1].toInt(), 6);
    const QJsonObject action = op.get(u"/targets/cam-1/actions"_s).json()["content"_L1][0].toObject();
    QCOMPARE(action["detailStatus"_L1].toString(), u"finished"_s);
    const HttpAnswer history = op.get(u"/targets/cam-1/actions/%1"_s.arg(action["id"_L1].toInt()));
    QVERIFY(history.json()["status_history"_L1].toArray().size() >= 3);
    // The sensor was never part of it.
    QCOMPARE(op.get(u"/targets/sensor-1/actions"_s).json()["total"_L1].toInt(), 0);

    // Finished spans: created <= started <= closed, two per group, paged like every list.
    const HttpAnswer done = op.get(u"/rollouts/%1/actions?limit=500"_s.arg(rollout));
    QCOMPARE(done.json()["total"_L1].toInt(), 6);
    QHash<qint64, int> perGroup;
    for (const QJsonValue &a : done.json()["content"_L1].toArray()) {
        QCOMPARE(a["status"_L1].toString(), u"finished"_s);
        QVERIFY(a["target"_L1].toString().startsWith(u"cam-"_s));
        QVERIFY(a["createdAt"_L1].toDouble() <= a["startedAt"_L1].toDouble());
        QVERIFY(a["startedAt"_L1].toDouble() <= a["closedAt"_L1].toDouble());
        ++perGroup[a["group"_L1].toInteger()];
    }
    QCOMPARE(perGroup.size(), 3);
    for (int n : std::as_const(perGroup))
        QCOMPARE(n, 2);
    const HttpAnswer page = op.get(u"/rollouts/%1/actions?offset=4&limit=5"_s.arg(rollout));
    QCOMPARE(page.json()["content"_L1].toArray().size(), 2);
    QCOMPARE(op.get(u"/rollouts/999/actions"_s).status, 404);
    QCOMPARE(op.get(u"/rollouts/%1/actions?limit=0"_s.arg(rollout)).status, 400);
}

void TestManagementServer::permissions_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("no credentials") << QByteArray() << "GET"_ba << u"/targets"_s << QByteArray() << 401;
    QTest::newRow("viewer reads targets") << "viewer"_ba << "GET"_ba << u"/targets"_s << QByteArray() << 200;
    QTest::newRow("viewer may not create targets")
        << "viewer"_ba << "POST"_ba << u"/targets"_s << R"([{"controllerId":"x"}])"_ba << 403;
    QTest::newRow("operator creates targets")
        << "operator"_ba << "POST"_ba << u"/targets"_s << R"([{"controllerId":"x"}])"_ba << 201;
    QTest::newRow("operator may not manage users") << "operator"_ba << "GET"_ba << u"/users"_s << QByteArray() << 403;
    QTest::newRow("admin manages users") << "admin"_ba << "GET"_ba << u"/users"_s << QByteArray() << 200;
    QTest::newRow("approver may not start")
        << "approver"_ba << "POST"_ba << u"/rollouts/1/start"_s << QByteArray() << 403;
    QTest::newRow("operator may not approve")
        << "operator"_ba << "POST"_ba << u"/rollouts/1/approve"_s << QByteArray() << 403;
    QTest::newRow("approver reaches approve")
        << "approver"_ba << "POST"_ba << u"/rollouts/99/approve"_s << QByteArray() << 404;
    QTest::newRow("viewer may not read the tenant configuration")
        << "viewer"_ba << "GET"_ba << u"/system/configs"_s << QByteArray() << 403;
    QTest::newRow("admin reads the tenant configuration")
        << "admin"_ba << "GET"_ba << u"/system/configs"_s << QByteArray() << 200;
}

void TestManagementServer::permissions()
{
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const HttpAnswer a = as(user).send(method, path, body);
    QCOMPARE(a.status, status);
    if (status >= 400) {
        // hawkBit's ExceptionInfo: its error codes and exception classes (no hawkBit code for 401).
        static const QHash<int, std::pair<QString, QString>> expected {
            { 401, { u"flotilla.mgmt.unauthorized"_s, u"BadCredentialsException"_s } },
            { 403,
              { u"hawkbit.server.error.insufficientPermission"_s,
                u"org.eclipse.hawkbit.repository.exception.InsufficientPermissionException"_s } },
            { 404,
              { u"hawkbit.server.error.repo.entityNotFound"_s,
                u"org.eclipse.hawkbit.repository.exception.EntityNotFoundException"_s } },
        };
        QCOMPARE(a.json()["errorCode"_L1].toString(), expected.value(status).first);
        QVERIFY2(a.json()["exceptionClass"_L1].toString().endsWith(expected.value(status).second), a.body.constData());
        QVERIFY(!a.json()["message"_L1].toString().isEmpty());
    }
    if (status == 403)
        QVERIFY(a.json()["message"_L1].toString().contains(u"lacks the permission"_s));
}

void TestManagementServer::validation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("target without controllerId") << "POST"_ba << u"/targets"_s << "[{}]"_ba << 400 << u"controllerId"_s;
    QTest::newRow("targets not an array")
        << "POST"_ba << u"/targets"_s << R"({"controllerId":"a"})"_ba << 400 << u"array"_s;
    QTest::newRow("malformed JSON") << "POST"_ba << u"/targets"_s << "[{"_ba << 400 << u"malformed JSON"_s;
    QTest::newRow("duplicate target") << "POST"_ba << u"/targets"_s << R"([{"controllerId":"cam-1"}])"_ba << 409
                                      << u"exists"_s;
    QTest::newRow("unknown target") << "GET"_ba << u"/targets/ghost"_s << QByteArray() << 404 << u"ghost"_s;
    QTest::newRow("module of an unknown type")
        << "POST"_ba << u"/softwaremodules"_s << R"([{"type":"nope","name":"a","version":"1"}])"_ba << 404 << u"nope"_s;
    QTest::newRow("module without version")
        << "POST"_ba << u"/softwaremodules"_s << R"([{"type":"os","name":"a"}])"_ba << 400 << u"version"_s;
    QTest::newRow("wrong assignment type") << "POST"_ba << u"/distributionsets/1/assignedTargets"_s
                                           << R"([{"id":"cam-1","type":"sometimes"}])"_ba << 400 << u"sometimes"_s;
    QTest::newRow("assignment to an unknown target")
        << "POST"_ba << u"/distributionsets/1/assignedTargets"_s << R"([{"id":"ghost"}])"_ba << 404 << u"ghost"_s;
    QTest::newRow("assignment of an unknown set")
        << "POST"_ba << u"/distributionsets/77/assignedTargets"_s << R"([{"id":"cam-1"}])"_ba << 404 << u"77"_s;
    QTest::newRow("timeforced without forcetime")
        << "POST"_ba << u"/distributionsets/1/assignedTargets"_s << R"([{"id":"cam-1","type":"timeforced"}])"_ba << 400
        << u"forcetime"_s;
    QTest::newRow("bad maintenance window")
        << "POST"_ba << u"/distributionsets/1/assignedTargets"_s
        << R"([{"id":"cam-1","maintenanceWindow":{"schedule":"0 0 61 * * ?","duration":"01:00:00","timezone":"UTC"}}])"_ba
        << 400 << u"maintenanceWindow.schedule"_s;
    QTest::newRow("limit over 500") << "GET"_ba << u"/targets?limit=501"_s << QByteArray() << 400 << u"limit"_s;
    QTest::newRow("sort by an unknown field")
        << "GET"_ba << u"/targets?sort=colour:ASC"_s << QByteArray() << 400 << u"colour"_s;
    QTest::newRow("RSQL syntax error with position")
        << "GET"_ba << u"/targets?q=name%3D%3D"_s << QByteArray() << 400 << u"at 6"_s;
    QTest::newRow("RSQL injection is a value")
        << "GET"_ba << u"/targets?q=name%3D%3D%22x';DROP TABLE targets;--%22"_s << QByteArray() << 200 << QString();
    QTest::newRow("rollout without filter")
        << "POST"_ba << u"/rollouts"_s << R"({"name":"r","distributionSetId":1,"amountGroups":1})"_ba << 400
        << u"targetFilterQuery"_s;
    QTest::newRow("rollout with a bad threshold")
        << "POST"_ba << u"/rollouts"_s
        << R"({"name":"r","targetFilterQuery":"name==*","distributionSetId":1,"amountGroups":1,"successCondition":{"expression":"150"}})"_ba
        << 400 << u"percentage"_s;
    QTest::newRow("rollout of an unknown set")
        << "POST"_ba << u"/rollouts"_s
        << R"({"name":"r","targetFilterQuery":"name==*","distributionSetId":9,"amountGroups":1})"_ba << 404 << u"9"_s;
    QTest::newRow("unknown rollout command")
        << "POST"_ba << u"/rollouts/1/explode"_s << QByteArray() << 404 << u"explode"_s;
}

void TestManagementServer::validation()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    prepareRepository();
    QCOMPARE(as("admin").post(u"/targets"_s, R"([{"controllerId":"cam-1"}])").status, 201);
    QCOMPARE(as("admin")
                 .post(u"/rollouts"_s,
                       R"({"name":"one","targetFilterQuery":"name==cam-*","distributionSetId":1,"amountGroups":1})")
                 .status,
             201);
    const int targetsBefore = m_server->store().countRows(u"targets"_s);
    const HttpAnswer a = as("admin").send(method, path, body);
    QCOMPARE(a.status, status);
    if (!mentions.isEmpty())
        QVERIFY2(a.json()["message"_L1].toString().contains(mentions), a.body.constData());
    if (status >= 400)
        QCOMPARE(m_server->store().countRows(u"targets"_s), targetsBefore); // nothing created on the way
}

void TestManagementServer::uploadChecksHashesAndSize()
{
    prepareRepository();
    const QByteArray content = "second image";
    const QByteArray sha1 = QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex();
    HttpAnswer a = upload("admin", 1, content, { { "filename", "b.swu" }, { "sha1sum", QByteArray(40, '0') } });
    QCOMPARE(a.status, 400);
    QVERIFY(a.json()["message"_L1].toString().contains(u"sha1"_s));
    a = upload("admin", 1, content, { { "filename", "b.swu" }, { "sha1sum", sha1 } });
    QCOMPARE(a.status, 201);
    QCOMPARE(a.json()["hashes"_L1]["sha1"_L1].toString(), QString::fromLatin1(sha1));
    QCOMPARE(upload("admin", 1, content, { { "filename", "b.swu" } }).status, 409); // same name again
    // hawkBit's request parameters may come in the query string (issue 17): a wrong md5sum there is refused too.
    a = upload("admin", 1, content, {}, u"?filename=q.swu&md5sum="_s + QString(32, u'0'));
    QCOMPARE(a.status, 400);
    QVERIFY2(a.json()["message"_L1].toString().contains(u"md5"_s), a.body.constData());
    const QByteArray md5 = QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex();
    a = upload("admin", 1, content, {}, u"?filename=q.swu&md5sum="_s + QString::fromLatin1(md5));
    QCOMPARE(a.status, 201);
    QCOMPARE(a.json()["providedFilename"_L1].toString(), u"q.swu"_s);
    a = upload("admin", 1, QByteArray(65 * 1024, 'x'), { { "filename", "big.bin" } });
    QCOMPARE(a.status, 413);
    QCOMPARE(upload("admin", 1, QByteArray(), {}).status, 400); // no file part
    QCOMPARE(upload("viewer", 1, content, { { "filename", "c.swu" } }).status, 403);
    QCOMPARE(upload("admin", 42, content, {}).status, 404);
    QCOMPARE(as("admin").get(u"/softwaremodules/1"_s).json()["artifacts"_L1].toArray().size(), 3);
}

void TestManagementServer::bearerTokens()
{
    const HttpAnswer issued = as("operator").post(u"/auth/token"_s, {});
    QCOMPARE(issued.status, 201);
    const QByteArray token = issued.json()["token"_L1].toString().toLatin1();
    QVERIFY(token.size() >= 40);
    QVERIFY(issued.json()["expiresAt"_L1].toDouble() > QDateTime::currentMSecsSinceEpoch());
    m_client->setAuthorization("Bearer " + token);
    QCOMPARE(m_client->get(u"/targets"_s).status, 200);
    QCOMPARE(m_client->get(u"/users"_s).status, 403); // the token carries the operator's roles
    m_client->setAuthorization("Bearer " + token + "x");
    QCOMPARE(m_client->get(u"/targets"_s).status, 401);
    m_client->setAuthorization("Basic " + QByteArray("operator:wrong-password").toBase64());
    QCOMPARE(m_client->get(u"/targets"_s).status, 401);
}

void TestManagementServer::securityTokenNeedsItsPermission()
{
    QCOMPARE(as("admin").post(u"/targets"_s, R"([{"controllerId":"cam-1","securityToken":"fixed-token-123"}])").status,
             201);
    QCOMPARE(as("admin").get(u"/targets/cam-1"_s).json()["securityToken"_L1].toString(), u"fixed-token-123"_s);
    QVERIFY(!as("operator").get(u"/targets/cam-1"_s).json().contains("securityToken"_L1));
}

void TestManagementServer::openApiListsEveryRoute()
{
    m_client->setAuthorization({});
    const HttpAnswer doc = m_client->get(u"/openapi.json"_s);
    QCOMPARE(doc.status, 200);
    const QJsonObject api = doc.json();
    QCOMPARE(api["openapi"_L1].toString(), u"3.0.3"_s);
    const QJsonObject paths = api["paths"_L1].toObject();
    // Every documented operation is a real route: without credentials it answers 401 (a missing route is 404),
    // and every route the server registers is documented.
    int operations = 0;
    for (auto it = paths.constBegin(); it != paths.constEnd(); ++it) {
        QString path = it.key();
        if (path == u"/rest/v1/events"_s)
            continue; // a WebSocket, tested in tst_eventstream
        path.replace(u"{id}"_s, u"1"_s).replace(u"{id2}"_s, u"1"_s).replace(u"{command}"_s, u"start"_s);
        const QJsonObject methods = it.value().toObject();
        for (auto m = methods.constBegin(); m != methods.constEnd(); ++m) {
            const HttpAnswer a = m_client->send(m.key().toUpper().toLatin1(), m_base + path);
            QVERIFY2(a.status == 401, qPrintable(u"%1 %2 answered %3"_s.arg(m.key(), path).arg(a.status)));
            QVERIFY(!m.value()["summary"_L1].toString().isEmpty());
            ++operations;
        }
    }
    QCOMPARE(operations, ManagementServer::routes().size());
    for (const ManagementServer::Route &r : ManagementServer::routes()) {
        QString path = u"/rest/v1"_s + r.path;
        for (int n = 1; path.contains(u"<arg>"_s); ++n)
            path.replace(path.indexOf(u"<arg>"_s), 5,
                         n == 1                                     ? u"{id}"_s
                             : r.path == u"/rollouts/<arg>/<arg>"_s ? u"{command}"_s
                                                                    : u"{id2}"_s);
        QVERIFY2(paths.contains(path), qPrintable(path));
    }
    QCOMPARE(m_client->get(u"/not-a-resource"_s).status, 404);
}

QTEST_GUILESS_MAIN(TestManagementServer)
#include "tst_managementserver.moc"
