// The Management API over loopback against a whole Server (the composition flotillad runs): an operator's flow
// from types to a finished rollout with simulated devices answering over DDI, permissions per role,
// validation errors, bearer tokens.
#include "backend/artifactstore.h"
#include "backend/managementserver.h"
#include "backend/operatoraccounts.h"
#include "backend/server.h"
#include "backend/sqlstore.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"

#include <QFile>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestManagementServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
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
    void targetAndActionResources();
    void repositoryResources();
    void rolloutDeleteAndGroupTargets();
    void tenantConfigurationChanges_data();
    void tenantConfigurationChanges();
    void queriesOnOtherResources_data();
    void queriesOnOtherResources();
    void deletesSayWhatDependsOnIt();
    void userManagement();
    void deletingClosedActions();
    void tagsGroupTargets();
    void failedReadsAreErrorsNotEmptyPages_data();
    void failedReadsAreErrorsNotEmptyPages();

private:
    HttpClient &as(const QByteArray &user);
    HttpAnswer upload(const QByteArray &user, qint64 moduleId, const QByteArray &content,
                      const QList<std::pair<QByteArray, QByteArray>> &fields, const QString &query = {});
    void prepareRepository(); // os type, set type, module 1 with an artifact, set 1

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<HttpClient> m_client;
    QString m_base;
};

void TestManagementServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    ServerConfig config = loopbackServerConfig(*m_dir);
    config.maxArtifactBytes = 64 * 1024;
    QString error;
    m_server = startWithAdmin(config, &error);
    QVERIFY2(m_server, qPrintable(error));
    for (const char *role : { "operator", "viewer", "approver" })
        QVERIFY(m_server->accounts().createUser(QLatin1String(role), u"%1-password"_s.arg(QLatin1String(role)),
                                                { QLatin1String(role) }));
    m_base = m_server->url();
    m_client = std::make_unique<HttpClient>(m_base + u"/rest/v1"_s);
}

void TestManagementServer::cleanup()
{
    m_client.reset();
    m_server.reset();
}

HttpClient &TestManagementServer::as(const QByteArray &user)
{
    const QByteArray credentials = user + ':' + user + "-password";
    m_client->setAuthorization(user.isEmpty() ? QByteArray() : "Basic " + credentials.toBase64());
    return *m_client;
}

HttpAnswer TestManagementServer::upload(const QByteArray &user, qint64 moduleId, const QByteArray &content,
                                        const QList<std::pair<QByteArray, QByteArray>> &fields, const QString &query)
{
    // A multipart body as curl -F builds it.
    const QByteArray boundary = "----flotilla-test-boundary";
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    if (!content.isNull())
        body += "--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"image.swu\"\r\n"
              "Content-Type: application/octet-stream\r\n\r\n"
            + content + "\r\n";
    body += "--" + boundary + "--\r\n";
    return as(user).send("POST", u"/softwaremodules/%1/artifacts"_s.arg(moduleId) + query, body,
                         { { "Content-Type", "multipart/form-data; boundary=" + boundary } });
}

void TestManagementServer::prepareRepository()
{
    HttpClient &admin = as("admin");
    QCOMPARE(admin.post(u"/softwaremoduletypes"_s, R"([{"key":"os","name":"OS"}])").status, 201);
    QCOMPARE(
        admin.post(u"/distributionsettypes"_s, R"([{"key":"os_set","name":"OS","mandatorymodules":[{"key":"os"}]}])")
            .status,
        201);
    QCOMPARE(admin.post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"6.1"}])").status, 201);
    QCOMPARE(upload("admin", 1, "kernel image", {}).status, 201);
    QCOMPARE(admin.post(u"/distributionsets"_s, R"([{"name":"fw","version":"1","type":"os_set","modules":[{"id":1}]}])")
                 .status,
             201);
}

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
            const Target t = *store.targetByControllerId(u"cam-%1"_s.arg(i));
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

void TestManagementServer::targetAndActionResources()
{
    prepareRepository();
    HttpClient &admin = as("admin");
    QCOMPARE(
        admin.post(u"/targettypes"_s, R"([{"key":"cam","name":"Camera","compatibledistributionsettypes":["os_set"]}])")
            .status,
        201);
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"cam-1"},{"controllerId":"cam-2"}])").status, 201);
    HttpAnswer a = admin.put(u"/targets/cam-1"_s, R"({"name":"Front door","targetType":"cam"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["name"_L1].toString(), u"Front door"_s);
    QCOMPARE(admin.put(u"/targets/cam-1"_s, R"({"targetType":"toaster"})").status, 404);
    QCOMPARE(admin.send("GET", u"/targets/cam-1/assignedDS"_s).status, 204); // nothing assigned yet

    // Consent on the device's behalf.
    QCOMPARE(admin.put(u"/system/configs/user.confirmation.flow.enabled"_s, R"({"value":true})").status, 200);
    a = admin.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"cam-1","confirmationRequired":true}])");
    QCOMPARE(a.json()["assigned"_L1].toInt(), 1);
    const int action = a.json()["assignedActions"_L1][0]["id"_L1].toInt();
    QCOMPARE(admin.get(u"/targets/cam-1/assignedDS"_s).json()["version"_L1].toString(), u"1"_s);
    QCOMPARE(admin.get(u"/actions?q=status%3D%3Dwait_for_confirmation"_s).json()["total"_L1].toInt(), 1);
    QCOMPARE(admin.put(u"/targets/cam-1/actions/%1/confirmation"_s.arg(action), R"({"confirmation":"maybe"})").status,
             400);
    QCOMPARE(admin
                 .put(u"/targets/cam-1/actions/%1/confirmation"_s.arg(action),
                      R"({"confirmation":"confirmed","details":["approved by phone"]})")
                 .status,
             204);
    QCOMPARE(admin.get(u"/targets/cam-1/actions/%1"_s.arg(action)).json()["detailStatus"_L1].toString(), u"running"_s);
    const QJsonArray history
        = admin.get(u"/targets/cam-1/actions/%1/status?limit=1&offset=1"_s.arg(action)).json()["content"_L1].toArray();
    QCOMPARE(history.size(), 1);
    QVERIFY(history[0]["messages"_L1].toArray().contains(u"approved by phone"_s));
    QVERIFY(history[0]["messages"_L1][0].toString().contains(u"admin"_s));

    // Soft, then forced by the operator.
    a = admin.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"cam-2","type":"soft"}])");
    const int soft = a.json()["assignedActions"_L1][0]["id"_L1].toInt();
    QCOMPARE(admin.put(u"/targets/cam-2/actions/%1"_s.arg(soft), R"({"forceType":"soft"})").status, 400);
    a = admin.put(u"/targets/cam-2/actions/%1"_s.arg(soft), R"({"forceType":"forced"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["actionType"_L1].toString(), u"forced"_s);
    QCOMPARE(a.json()["forceType"_L1].toString(), u"forced"_s); // hawkBit's name (issue 17)
    QCOMPARE(a.json()["type"_L1].toString(), u"update"_s);
    QCOMPARE(admin.put(u"/targets/cam-1/actions/%1"_s.arg(soft), R"({"forceType":"forced"})").status,
             404); // not cam-1's
    // A canceled action is of type "cancel", as in hawkBit.
    QCOMPARE(admin.send("DELETE", u"/targets/cam-2/actions/%1"_s.arg(soft)).status, 204);
    a = admin.get(u"/targets/cam-2/actions/%1"_s.arg(soft));
    QCOMPARE(a.json()["type"_L1].toString(), u"cancel"_s);
    QCOMPARE(a.json()["forceType"_L1].toString(), u"forced"_s);

    // Auto-confirm through the API.
    QCOMPARE(admin.post(u"/targets/cam-2/autoConfirm/activate"_s, R"({"remark":"lab device"})").status, 204);
    QCOMPARE(admin.post(u"/targets/cam-2/autoConfirm/activate"_s, {}).status, 409);
    const QJsonObject autoConfirm = admin.get(u"/targets/cam-2/autoConfirm"_s).json();
    QCOMPARE(autoConfirm["active"_L1].toBool(), true);
    QCOMPARE(autoConfirm["initiator"_L1].toString(), u"admin"_s);
    QCOMPARE(admin.post(u"/targets/cam-2/autoConfirm/deactivate"_s, {}).status, 204);
    QCOMPARE(admin.get(u"/targets/cam-2/autoConfirm"_s).json()["active"_L1].toBool(), false);

    // Actions across targets, filtered.
    QCOMPARE(admin.get(u"/actions?q=target.controllerId%3D%3Dcam-2"_s).json()["total"_L1].toInt(), 1);
    QCOMPARE(admin.get(u"/actions?q=colour%3D%3Dred"_s).status, 400);
    QCOMPARE(admin.get(u"/distributionsets/1/assignedTargets"_s).json()["total"_L1].toInt(), 2);
    QCOMPARE(admin.get(u"/distributionsets/1/installedTargets"_s).json()["total"_L1].toInt(), 0);
    QCOMPARE(admin.get(u"/distributionsets/1/assignedSM"_s).json()["content"_L1][0]["name"_L1].toString(), u"linux"_s);
    QCOMPARE(admin.get(u"/distributionsets/1/elsewhere"_s).status, 404);

    // Deleting a target takes its actions with it.
    QCOMPARE(admin.send("DELETE", u"/targets/cam-2"_s).status, 204); // hawkBit 0.10's answer
    QCOMPARE(admin.get(u"/targets/cam-2"_s).status, 404);
    QCOMPARE(admin.get(u"/actions"_s).json()["total"_L1].toInt(), 1);
}

void TestManagementServer::repositoryResources()
{
    prepareRepository();
    HttpClient &admin = as("admin");
    QCOMPARE(admin.get(u"/softwaremoduletypes"_s).json()["content"_L1][0]["key"_L1].toString(), u"os"_s);
    QCOMPARE(admin.get(u"/distributionsettypes"_s).json()["content"_L1][0]["mandatorymodules"_L1][0].toString(),
             u"os"_s);
    QCOMPARE(admin.get(u"/targettypes"_s).json()["total"_L1].toInt(), 0);
    const QJsonArray artifacts = QJsonDocument::fromJson(admin.get(u"/softwaremodules/1/artifacts"_s).body).array();
    QCOMPARE(artifacts.size(), 1);
    const int artifact = artifacts[0]["id"_L1].toInt();
    const HttpAnswer download = admin.get(u"/softwaremodules/1/artifacts/%1/download"_s.arg(artifact));
    QCOMPARE(download.status, 200);
    QCOMPARE(download.body, "kernel image");
    QCOMPARE(as("viewer").get(u"/softwaremodules/1/artifacts/%1/download"_s.arg(artifact)).status, 403);
    const QString file = m_server->artifacts().pathOf(artifacts[0]["hashes"_L1]["sha256"_L1].toString());
    QVERIFY(QFile::exists(file));
    QCOMPARE(as("admin").send("DELETE", u"/softwaremodules/1/artifacts/%1"_s.arg(artifact)).status, 204);
    QVERIFY(!QFile::exists(file)); // no other artifact refers to the content
    QCOMPARE(as("admin").get(u"/softwaremodules/1/artifacts/%1/download"_s.arg(artifact)).status, 404);
    // A locked set takes no more modules.
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"dev"}])").status, 201);
    QCOMPARE(admin.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"dev"}])").status, 200);
    QCOMPARE(admin.post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"6.2"}])").status, 201);
    QCOMPARE(admin.post(u"/distributionsets/1/assignedSM"_s, R"([{"id":2}])").status, 423); // hawkBit: LOCKED
}

void TestManagementServer::rolloutDeleteAndGroupTargets()
{
    prepareRepository();
    HttpClient &admin = as("admin");
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"a-1"},{"controllerId":"a-2"}])").status, 201);
    const HttpAnswer created
        = admin.post(u"/rollouts"_s,
                     R"({"name":"r","targetFilterQuery":"controllerId==a-*","distributionSetId":1,"amountGroups":2})");
    const int rollout = created.json()["id"_L1].toInt();
    const QJsonArray groups = admin.get(u"/rollouts/%1/deploygroups"_s.arg(rollout)).json()["content"_L1].toArray();
    const QJsonArray inFirst
        = admin.get(u"/rollouts/%1/deploygroups/%2/targets"_s.arg(rollout).arg(groups[0]["id"_L1].toInt()))
              .json()["content"_L1]
              .toArray();
    QCOMPARE(inFirst.size(), 1);
    QCOMPARE(inFirst[0]["controllerId"_L1].toString(), u"a-1"_s);
    QCOMPARE(admin.get(u"/rollouts/%1/deploygroups/999/targets"_s.arg(rollout)).status, 404);
    QCOMPARE(admin.send("POST", u"/rollouts/%1/start"_s.arg(rollout)).status, 204);
    const HttpAnswer running = admin.send("DELETE", u"/rollouts/%1"_s.arg(rollout));
    QCOMPARE(running.status, 400); // hawkBit's wrong-state answer
    QCOMPARE(running.json()["errorCode"_L1].toString(), u"hawkbit.server.error.rollout.illegalState"_s);
    QCOMPARE(admin.send("POST", u"/rollouts/%1/stop"_s.arg(rollout)).status, 204);
    QCOMPARE(admin.send("DELETE", u"/rollouts/%1"_s.arg(rollout)).status, 204);
    QCOMPARE(admin.get(u"/rollouts/%1"_s.arg(rollout)).status, 404);
    QCOMPARE(admin.get(u"/targets/a-1/actions"_s).json()["total"_L1].toInt(), 1); // history stays
}

void TestManagementServer::tenantConfigurationChanges_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("auto-close on") << u"repository.actions.autoclose.enabled"_s << R"({"value":true})"_ba << 200;
    QTest::newRow("boolean as text") << u"multi.assignments.enabled"_s << R"({"value":"yes"})"_ba << 400;
    QTest::newRow("polling time") << u"pollingTime"_s << R"({"value":"00:02:00"})"_ba << 200;
    QTest::newRow("polling time not HH:mm:ss") << u"pollingTime"_s << R"({"value":"2 minutes"})"_ba << 400;
    QTest::newRow("minimum above polling time") << u"minPollingTime"_s << R"({"value":"01:00:00"})"_ba << 400;
    QTest::newRow("poll count") << u"maintenanceWindowPollCount"_s << R"({"value":4})"_ba << 200;
    QTest::newRow("poll count zero") << u"maintenanceWindowPollCount"_s << R"({"value":0})"_ba << 400;
    QTest::newRow("unknown key") << u"colour"_s << R"({"value":1})"_ba << 400;
}

void TestManagementServer::tenantConfigurationChanges()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const TenantConfiguration before = m_server->store().tenantConfiguration();
    QCOMPARE(as("admin").put(u"/system/configs/"_s + key, body).status, status);
    QCOMPARE(as("operator").put(u"/system/configs/"_s + key, body).status, 403);
    const QJsonObject configs = as("admin").get(u"/system/configs"_s).json();
    if (status == 200)
        QCOMPARE(configs[key]["value"_L1], QJsonDocument::fromJson(body).object()["value"_L1]);
    else
        QCOMPARE(m_server->store().tenantConfiguration().pollingSecs, before.pollingSecs);
}

void TestManagementServer::queriesOnOtherResources_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("total");
    QTest::newRow("modules by version") << u"/softwaremodules?q=version%3D%3D6.*"_s << 200 << 1;
    QTest::newRow("modules by unknown field") << u"/softwaremodules?q=colour%3D%3Dx"_s << 400 << 0;
    QTest::newRow("sets by name") << u"/distributionsets?q=name%3D%3Dfw;version%3D%3D1"_s << 200 << 1;
    QTest::newRow("sets none") << u"/distributionsets?q=name%3D%3Dnope"_s << 200 << 0;
    QTest::newRow("rollouts by status") << u"/rollouts?q=status%3D%3Dready"_s << 200 << 1;
    QTest::newRow("rollouts by bad status") << u"/rollouts?q=status%3D%3Dsleeping"_s << 400 << 0;
    QTest::newRow("rollouts sorted by name") << u"/rollouts?sort=name:DESC"_s << 200 << 1;
    // What HTTP libraries send for sort=name:DESC (issue 17: query values are percent-decoded).
    QTest::newRow("sort percent-encoded") << u"/rollouts?sort=name%3ADESC"_s << 200 << 1;
    QTest::newRow("several sorts percent-encoded") << u"/actions?sort=weight%3ADESC%2Cid%3AASC"_s << 200 << 0;
    QTest::newRow("offset and limit percent-encoded") << u"/distributionsets?offset=%30&limit=%35"_s << 200 << 1;
    QTest::newRow("modules sorted by an unknown field") << u"/softwaremodules?sort=colour:ASC"_s << 400 << 0;
    QTest::newRow("actions sorted by weight") << u"/actions?sort=weight:DESC,id:ASC"_s << 200 << 0;
    QTest::newRow("sort direction must be ASC or DESC") << u"/distributionsets?sort=name:UP"_s << 400 << 0;
}

void TestManagementServer::queriesOnOtherResources()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(int, total);
    prepareRepository();
    QCOMPARE(as("admin").post(u"/targets"_s, R"([{"controllerId":"q-1"}])").status, 201);
    QCOMPARE(as("admin")
                 .post(u"/rollouts"_s,
                       R"({"name":"q","targetFilterQuery":"controllerId==q-*","distributionSetId":1,"amountGroups":1})")
                 .status,
             201);
    const HttpAnswer a = as("admin").get(path);
    QCOMPARE(a.status, status);
    if (status == 200)
        QCOMPARE(a.json()["total"_L1].toInt(), total);
}

void TestManagementServer::deletesSayWhatDependsOnIt()
{
    prepareRepository();
    HttpClient &admin = as("admin");
    // The module is in set fw 1: refused, and the message says so.
    HttpAnswer a = admin.send("DELETE", u"/softwaremodules/1"_s);
    QCOMPARE(a.status, 409);
    QVERIFY2(a.json()["message"_L1].toString().contains(u"distribution set fw 1"_s), a.body.constData());
    QCOMPARE(admin.send("DELETE", u"/softwaremoduletypes/os"_s).status, 409);
    QCOMPARE(admin.send("DELETE", u"/distributionsettypes/os_set"_s).status, 409);
    // Assigned: the set is used by an action.
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"d-1"}])").status, 201);
    QCOMPARE(admin.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"d-1"}])").status, 200);
    a = admin.send("DELETE", u"/distributionsets/1"_s);
    QCOMPARE(a.status, 409);
    QVERIFY(a.json()["message"_L1].toString().contains(u"1 action(s) on 1 target(s)"_s));
    // An unused set, module and types go.
    QCOMPARE(admin.post(u"/softwaremodules"_s, R"([{"type":"os","name":"spare","version":"1"}])").status, 201);
    QCOMPARE(upload("admin", 2, "spare image", {}).status, 201);
    QCOMPARE(admin.post(u"/distributionsets"_s, R"([{"name":"spare","version":"1","type":"os_set"}])").status, 201);
    QCOMPARE(admin.send("DELETE", u"/distributionsets/2"_s).status, 204);
    QCOMPARE(admin.get(u"/distributionsets/2"_s).status, 404);
    QCOMPARE(admin.send("DELETE", u"/softwaremodules/2"_s).status, 204);
    QCOMPARE(admin.get(u"/softwaremodules/2"_s).status, 404);
    QCOMPARE(admin.post(u"/targettypes"_s, R"([{"key":"unused","name":"Unused"}])").status, 201);
    QCOMPARE(admin.send("DELETE", u"/targettypes/unused"_s).status, 204);
    QCOMPARE(admin.send("DELETE", u"/targettypes/unused"_s).status, 404);
    QCOMPARE(as("viewer").send("DELETE", u"/softwaremodules/1"_s).status, 403);
}

void TestManagementServer::userManagement()
{
    HttpClient &admin = as("admin");
    QCOMPARE(admin.post(u"/users"_s, R"({"username":"eve","password":"short","roles":["viewer"]})").status, 400);
    QCOMPARE(admin.post(u"/users"_s, R"({"username":"eve","password":"eve-password","roles":["god"]})").status, 400);
    QCOMPARE(admin.post(u"/users"_s, R"({"username":"eve","password":"eve-password","roles":["viewer"]})").status, 201);
    QCOMPARE(admin.post(u"/users"_s, R"({"username":"eve","password":"eve-password","roles":["viewer"]})").status, 409);
    QCOMPARE(as("eve").post(u"/targets"_s, R"([{"controllerId":"x"}])").status, 403);
    QCOMPARE(as("admin").put(u"/users/eve"_s, R"({"roles":["operator"]})").status, 200);
    QCOMPARE(as("eve").post(u"/targets"_s, R"([{"controllerId":"x"}])").status, 201); // new roles apply at once
    // The last administrator stays one.
    HttpAnswer a = as("admin").put(u"/users/admin"_s, R"({"roles":["viewer"]})");
    QCOMPARE(a.status, 409);
    QVERIFY(a.json()["message"_L1].toString().contains(u"last administrator"_s));
    QCOMPARE(as("admin").send("DELETE", u"/users/admin"_s).status, 409);
    QCOMPARE(as("admin").send("DELETE", u"/users/eve"_s).status, 204);
    QCOMPARE(as("eve").get(u"/targets"_s).status, 401);
    QCOMPARE(as("admin").send("DELETE", u"/users/eve"_s).status, 404);
    QCOMPARE(as("operator").send("DELETE", u"/users/viewer"_s).status, 403);
}

void TestManagementServer::deletingClosedActions()
{
    prepareRepository();
    HttpClient &admin = as("admin");
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"c-1"},{"controllerId":"c-2"}])").status, 201);
    QCOMPARE(admin.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"c-1"},{"id":"c-2"}])").status, 200);
    const QJsonArray actions = admin.get(u"/actions?sort=id:ASC"_s).json()["content"_L1].toArray();
    const int first = actions[0]["id"_L1].toInt();
    QCOMPARE(admin.send("DELETE", u"/targets/c-1/actions/%1"_s.arg(first)).status, 204); // CANCELING
    QCOMPARE(admin.send("DELETE", u"/actions"_s).status, 400); // neither q nor ids
    HttpAnswer a = admin.send("DELETE", u"/actions?ids=%1,%2"_s.arg(first).arg(actions[1]["id"_L1].toInt()));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["deleted"_L1].toInt(), 0); // both still open
    QCOMPARE(a.json()["kept"_L1].toInt(), 2);
    QCOMPARE(admin.send("DELETE", u"/targets/c-1/actions/%1?force=true"_s.arg(first)).status, 204); // closed now
    a = admin.send("DELETE", u"/actions?q=status%3D%3Dcanceled"_s);
    QCOMPARE(a.json()["deleted"_L1].toInt(), 1);
    QCOMPARE(admin.get(u"/actions"_s).json()["total"_L1].toInt(), 1);
    QCOMPARE(admin.send("DELETE", u"/actions?ids=x"_s).status, 400);
}

void TestManagementServer::tagsGroupTargets()
{
    HttpClient &admin = as("admin");
    QCOMPARE(
        admin.post(u"/targets"_s, R"([{"controllerId":"t-1"},{"controllerId":"t-2"},{"controllerId":"t-3"}])").status,
        201);
    QCOMPARE(admin.post(u"/targettags"_s, R"([{"name":"Lab","colour":"#00aa00"},{"name":"Field"}])").status, 201);
    QCOMPARE(admin.post(u"/targettags"_s, R"([{"name":"Lab"}])").status, 409);
    QCOMPARE(admin.post(u"/targettags"_s, R"([{"description":"no name"}])").status, 400);
    QCOMPARE(admin.post(u"/targettags/1/assigned"_s, R"([{"controllerId":"t-1"},{"controllerId":"t-3"}])").status, 204);
    QCOMPARE(admin.post(u"/targettags/1/assigned"_s, R"([{"controllerId":"t-1"}])").status, 204); // again: no change
    QCOMPARE(admin.post(u"/targettags/1/assigned"_s, R"([{"controllerId":"ghost"}])").status, 404);
    QCOMPARE(admin.get(u"/targettags/1/assigned"_s).json()["total"_L1].toInt(), 2);
    QCOMPARE(admin.get(u"/targets?q=tag%3D%3Dlab"_s).json()["total"_L1].toInt(), 2); // case-insensitive
    QCOMPARE(admin.get(u"/targets?q=tag!%3DLab"_s).json()["total"_L1].toInt(), 1);
    QCOMPARE(admin.send("DELETE", u"/targettags/1/assigned/t-3"_s).status, 204);
    QCOMPARE(admin.get(u"/targets?q=tag%3D%3DLab"_s).json()["total"_L1].toInt(), 1);
    QCOMPARE(as("viewer").post(u"/targettags"_s, R"([{"name":"Nope"}])").status, 403);
    as("admin"); // the same client, back to the administrator
    QCOMPARE(admin.send("DELETE", u"/targettags/1"_s).status, 204);
    QCOMPARE(admin.get(u"/targets?q=tag%3D%3DLab"_s).json()["total"_L1].toInt(), 0);
    QCOMPARE(admin.get(u"/targets"_s).json()["total"_L1].toInt(), 3); // the targets stay
    QCOMPARE(admin.get(u"/targettags"_s).json()["total"_L1].toInt(), 1);
}

// A read the store cannot do (here: a table taken away behind the server's back) is a 500 with hawkBit's generic
// error naming what failed, never a 200 with an empty page that says "there is nothing"; with the table back the
// same request answers the data again.
void TestManagementServer::failedReadsAreErrorsNotEmptyPages_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("what");
    QTest::newRow("targets") << u"targets"_s << u"/targets"_s << u"listing targets"_s;
    QTest::newRow("modules") << u"software_modules"_s << u"/softwaremodules"_s << u"listing software modules"_s;
    QTest::newRow("artifacts of a module page") << u"artifacts"_s << u"/softwaremodules"_s << u"artifacts"_s;
    QTest::newRow("sets") << u"distribution_sets"_s << u"/distributionsets"_s << u"listing distribution sets"_s;
    QTest::newRow("actions") << u"actions"_s << u"/actions"_s << u"listing actions"_s;
    QTest::newRow("rollouts") << u"rollouts"_s << u"/rollouts"_s << u"listing rollouts"_s;
    QTest::newRow("auto-assignments") << u"auto_assignments"_s << u"/autoassignments"_s
                                      << u"reading auto-assignments"_s;
    QTest::newRow("a type's use") << u"distribution_sets"_s << u"/distributionsettypes/1/optionalmoduletypes"_s
                                  << u"counting distribution_sets"_s;
}

void TestManagementServer::failedReadsAreErrorsNotEmptyPages()
{
    QFETCH(QString, table);
    QFETCH(QString, path);
    QFETCH(QString, what);
    prepareRepository();
    const bool post = path.endsWith(u"moduletypes"_s);
    const auto request = [&] {
        return post ? as("admin").post(path, R"({"id":1})") : as("admin").get(path);
    };
    const int healthy = request().status;
    QVERIFY2(healthy == 200 || healthy == 201 || healthy == 403, qPrintable(QString::number(healthy)));

    // The server's own connection (SQLite in exclusive locking mode: no second one gets in) renames the table away,
    // and back afterwards.
    QSqlDatabase db;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        if (QSqlDatabase::database(name, false).databaseName() == m_dir->filePath(u"db"_s))
            db = QSqlDatabase::database(name, false);
    }
    QVERIFY(db.isOpen());
    QSqlQuery rename(db);
    QVERIFY2(rename.exec(u"ALTER TABLE %1 RENAME TO gone_%1"_s.arg(table)), qPrintable(rename.lastError().text()));
    const HttpAnswer failed = request();
    QVERIFY2(rename.exec(u"ALTER TABLE gone_%1 RENAME TO %1"_s.arg(table)), qPrintable(rename.lastError().text()));

    QCOMPARE(failed.status, 500);
    const QJsonObject error = failed.json();
    QCOMPARE(error.value("errorCode"_L1).toString(), u"hawkbit.server.error.repo.genericError"_s);
    QVERIFY2(error.value("message"_L1).toString().contains(what), failed.body.constData());
    QVERIFY(!error.contains("content"_L1));
    // Nothing lost: the same request answers as before.
    QCOMPARE(request().status, healthy);
}

QTEST_GUILESS_MAIN(TestManagementServer)
#include "tst_managementserver.moc"
