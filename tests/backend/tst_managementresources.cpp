// The Management API's resources one by one, over loopback against a whole Server: targets and actions,
// repository, rollout deletion and group targets, tenant configuration, queries, deletes that name what depends
// on them, users, closed actions, tags, and failed reads answered as errors rather than empty pages.
#include "backend/artifactstore.h"
#include "backend/managementserver.h"
#include "backend/sqlstore.h"
#include "proto/mgmt/mgmttypes.h"
#include "tests/backend/managementfixture.h"
#include "tests/common/tableaway.h"

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

class TestManagementResources : public ManagementFixture
{
    Q_OBJECT
private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void targetAndActionResources();
    void repositoryResources();
    void typesThroughTheirWireTypes();
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
    void whatCannotBeCheckedIsNotDeleted_data();
    void whatCannotBeCheckedIsNotDeleted();
    void aRolloutThatCannotBeReadIsNotMissing_data();
    void aRolloutThatCannotBeReadIsNotMissing();
    void aRolloutStepTheStoreFailsIsAServerError_data();
    void aRolloutStepTheStoreFailsIsAServerError();
    void aModuleTheStoreCannotWriteIsNotAConflict();
    void aBulkChangeWhoseMatchCannotBeReadIsAnError_data();
    void aBulkChangeWhoseMatchCannotBeReadIsAnError();
    void credentialsThatCannotBeCheckedAreNotUnauthorized();
    void anEntityWhoseMetadataStaysIsNotDeleted_data();
    void anEntityWhoseMetadataStaysIsNotDeleted();

private:
    int readyRollout(const QByteArray &targets);
    // The server's own store connection.
    QSqlDatabase serverDatabase() const { return FlotillaTest::storeConnection(m_dir->filePath(u"db"_s)); }
};

void TestManagementResources::targetAndActionResources()
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

void TestManagementResources::repositoryResources()
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

// The three types as a client writes and reads them (proto/mgmt/mgmttypes.h): references by id and by key, a
// target type whose name stands in for its key, a PUT that changes only what it names.
void TestManagementResources::typesThroughTheirWireTypes()
{
    using namespace Flotilla::Mgmt;
    HttpClient &admin = as("admin");
    const auto post = [&](const QString &path, const QJsonObject &body) {
        return admin.post(path, QJsonDocument(QJsonArray { body }).toJson(QJsonDocument::Compact));
    };
    MgmtSoftwareModuleTypeRequestBodyPost os { u"os"_s, u"OS"_s, u"root file system"_s, u"#336699"_s, 1, 1 };
    HttpAnswer a = post(u"/softwaremoduletypes"_s, os.toJson());
    QCOMPARE(a.status, 201);
    DecodeError error;
    const auto moduleTypes = decodeItems<MgmtSoftwareModuleType>(a.jsonArray(), &error);
    QVERIFY2(moduleTypes, qPrintable(error.message));
    QCOMPARE(moduleTypes->first().minArtifacts, 1);
    QCOMPARE(moduleTypes->first().colour, std::optional<QString>(u"#336699"_s));
    QVERIFY(moduleTypes->first().links.value(u"self"_s).endsWith(
        u"/rest/v1/softwaremoduletypes/%1"_s.arg(moduleTypes->first().id)));
    QCOMPARE(post(u"/softwaremoduletypes"_s,
                  MgmtSoftwareModuleTypeRequestBodyPost { u"app"_s, u"App"_s, {}, {}, 1, 0 }.toJson())
                 .status,
             201);

    MgmtDistributionSetTypeRequestBodyPost setType { u"os_app"_s, u"OS and app"_s, {}, {}, {}, {} };
    setType.mandatorymodules = { MgmtTypeRef { moduleTypes->first().id, {} } };
    setType.optionalmodules = { MgmtTypeRef { std::nullopt, u"app"_s } };
    a = post(u"/distributionsettypes"_s, setType.toJson());
    QCOMPARE(a.status, 201);
    const auto setTypes = decodeItems<MgmtDistributionSetType>(a.jsonArray(), &error);
    QVERIFY2(setTypes, qPrintable(error.message));
    QCOMPARE(setTypes->first().mandatorymodules, QStringList { u"os"_s });
    QCOMPARE(setTypes->first().optionalmodules, QStringList { u"app"_s });
    QVERIFY(!setTypes->first().colour); // left out while unset
    setType.key = u"other"_s;
    setType.optionalmodules = { MgmtTypeRef { std::nullopt, u"nothing"_s } };
    QCOMPARE(post(u"/distributionsettypes"_s, setType.toJson()).status, 404);

    MgmtTargetTypeRequestBodyPost gateway {
        {}, u"Gateway"_s, u"edge box"_s, {}, { MgmtTypeRef { std::nullopt, u"os_app"_s } }
    };
    a = post(u"/targettypes"_s, gateway.toJson());
    QCOMPARE(a.status, 201);
    const auto targetTypes = decodeItems<MgmtTargetType>(a.jsonArray(), &error);
    QVERIFY2(targetTypes, qPrintable(error.message));
    QCOMPARE(targetTypes->first().key, u"Gateway"_s);
    QCOMPARE(targetTypes->first().compatibledistributionsettypes, QStringList { u"os_app"_s });

    // A PUT changes what it names and keeps the rest.
    const MgmtTypeRequestBodyPut describe { std::nullopt, u"Linux images"_s, std::nullopt };
    a = admin.put(u"/softwaremoduletypes/os"_s, QJsonDocument(describe.toJson()).toJson());
    QCOMPARE(a.status, 200);
    const auto changed = MgmtSoftwareModuleType::fromJson(a.json(), &error);
    QVERIFY2(changed, qPrintable(error.message));
    QCOMPARE(changed->description, u"Linux images"_s);
    QCOMPARE(changed->colour, std::optional<QString>(u"#336699"_s));
    QCOMPARE(changed->name, u"OS"_s);
    const MgmtTypeRequestBodyPut rename { u"Edge gateway"_s, std::nullopt, std::nullopt };
    a = admin.put(u"/targettypes/Gateway"_s, QJsonDocument(rename.toJson()).toJson());
    QCOMPARE(a.status, 200);
    QCOMPARE(MgmtTargetType::fromJson(a.json(), &error)->name, u"Edge gateway"_s);
    QCOMPARE(MgmtTargetType::fromJson(a.json(), &error)->description, u"edge box"_s);

    // A module type added to the set type by reference ({"key": ...}).
    QCOMPARE(admin
                 .post(u"/distributionsettypes/os_app/optionalmoduletypes"_s,
                       QJsonDocument(MgmtTypeRef { std::nullopt, u"os"_s }.toJson()).toJson())
                 .status,
             200);
    const auto after = MgmtDistributionSetType::fromJson(admin.get(u"/distributionsettypes/os_app"_s).json(), &error);
    QVERIFY2(after, qPrintable(error.message));
    QCOMPARE(after->optionalmodules, (QStringList { u"app"_s, u"os"_s }));
    QVERIFY(after->mandatorymodules.isEmpty()); // a module type is either mandatory or optional
}

void TestManagementResources::rolloutDeleteAndGroupTargets()
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

void TestManagementResources::tenantConfigurationChanges_data()
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

void TestManagementResources::tenantConfigurationChanges()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const TenantConfiguration before = m_server->store().configuration().tenantConfiguration();
    QCOMPARE(as("admin").put(u"/system/configs/"_s + key, body).status, status);
    QCOMPARE(as("operator").put(u"/system/configs/"_s + key, body).status, 403);
    const QJsonObject configs = as("admin").get(u"/system/configs"_s).json();
    if (status == 200)
        QCOMPARE(configs[key]["value"_L1], QJsonDocument::fromJson(body).object()["value"_L1]);
    else
        QCOMPARE(m_server->store().configuration().tenantConfiguration().pollingSecs, before.pollingSecs);
}

void TestManagementResources::queriesOnOtherResources_data()
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

void TestManagementResources::queriesOnOtherResources()
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

void TestManagementResources::deletesSayWhatDependsOnIt()
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

void TestManagementResources::userManagement()
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

void TestManagementResources::deletingClosedActions()
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

void TestManagementResources::tagsGroupTargets()
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
void TestManagementResources::failedReadsAreErrorsNotEmptyPages_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("createFirst"); // a resource the path needs: POSTed (name "Lab") before; empty: none
    QTest::addColumn<QByteArray>("createBody"); // what createFirst POSTs
    const QByteArray lab = R"([{"name":"Lab"}])";
    const QByteArray target = R"([{"controllerId":"cam-1"}])";
    QTest::newRow("targets") << u"targets"_s << u"/targets"_s << u"listing targets"_s << QString() << lab;
    QTest::newRow("modules") << u"software_modules"_s << u"/softwaremodules"_s << u"listing software modules"_s
                             << QString() << lab;
    QTest::newRow("artifacts of a module page")
        << u"artifacts"_s << u"/softwaremodules"_s << u"artifacts"_s << QString() << lab;
    QTest::newRow("sets") << u"distribution_sets"_s << u"/distributionsets"_s << u"listing distribution sets"_s
                          << QString() << lab;
    QTest::newRow("actions") << u"actions"_s << u"/actions"_s << u"listing actions"_s << QString() << lab;
    QTest::newRow("rollouts") << u"rollouts"_s << u"/rollouts"_s << u"listing rollouts"_s << QString() << lab;
    QTest::newRow("auto-assignments") << u"auto_assignments"_s << u"/autoassignments"_s << u"reading auto-assignments"_s
                                      << QString() << lab;
    QTest::newRow("a type's use") << u"distribution_sets"_s << u"/distributionsettypes/1/optionalmoduletypes"_s
                                  << u"counting distribution_sets"_s << QString() << lab;
    // A tag's members: one query for the list, whose failure is reported too.
    QTest::newRow("a target tag's targets") << u"target_tag_assignments"_s << u"/targettags/1/assigned"_s
                                            << u"listing targets"_s << u"/targettags"_s << lab;
    QTest::newRow("a set tag's sets") << u"ds_tag_assignments"_s << u"/distributionsettags/1/assigned"_s
                                      << u"listing distribution sets"_s << u"/distributionsettags"_s << lab;
    // The engine's store reads (engine/*store.h) and what the API builds from them: a failure is a Failure.
    QTest::newRow("a set's modules") << u"ds_modules"_s << u"/distributionsets/1"_s << u"reading the modules of set"_s
                                     << QString() << lab;
    QTest::newRow("a module's artifacts") << u"artifacts"_s << u"/softwaremodules/1/artifacts"_s
                                          << u"reading the artifacts of module"_s << QString() << lab;
    QTest::newRow("a module's metadata") << u"entity_metadata"_s << u"/softwaremodules/1/metadata"_s
                                         << u"reading the metadata of softwaremodule"_s << QString() << lab;
    QTest::newRow("target filters") << u"target_filters"_s << u"/targetfilters"_s << u"reading target filters"_s
                                    << QString() << lab;
    QTest::newRow("a target's attributes") << u"target_attributes"_s << u"/targets/cam-1/attributes"_s
                                           << u"reading the attributes of target"_s << u"/targets"_s << target;
    QTest::newRow("a target's actions") << u"actions"_s << u"/targets/cam-1/actions"_s
                                        << u"listing the actions of target"_s << u"/targets"_s << target;
    // The SQL stores' own lists.
    QTest::newRow("tags") << u"target_tags"_s << u"/targettags"_s << u"reading tags"_s << QString() << lab;
    QTest::newRow("target groups") << u"targets"_s << u"/targetgroups"_s << u"reading the target groups"_s << QString()
                                   << lab;
    QTest::newRow("module types") << u"software_module_types"_s << u"/softwaremoduletypes?limit=50"_s
                                  << u"reading software_module_types"_s << QString() << lab;
    QTest::newRow("set types") << u"ds_types"_s << u"/distributionsettypes"_s << u"reading ds_types"_s << QString()
                               << lab;
    // Lookups of one entity: a read that fails is a 500, never the 404 of "there is none".
    QTest::newRow("a set") << u"distribution_sets"_s << u"/distributionsets/1"_s << u"reading distribution set 1"_s
                           << QString() << lab;
    QTest::newRow("a module") << u"software_modules"_s << u"/softwaremodules/1"_s << u"reading software module 1"_s
                              << QString() << lab;
    QTest::newRow("a module type by id") << u"software_module_types"_s << u"/softwaremoduletypes/1"_s
                                         << u"reading software_module_types 1"_s << QString() << lab;
    QTest::newRow("a module type by key") << u"software_module_types"_s << u"/softwaremoduletypes/os"_s
                                          << u"reading software module type os"_s << QString() << lab;
    QTest::newRow("a set type by key") << u"ds_type_module_types"_s << u"/distributionsettypes/os_set"_s
                                       << u"reading the module types of set type os_set"_s << QString() << lab;
    QTest::newRow("a target") << u"targets"_s << u"/targets/cam-1"_s << u"reading target cam-1"_s << u"/targets"_s
                              << target;
    QTest::newRow("a set's metadata owner") << u"distribution_sets"_s << u"/distributionsets/1/metadata"_s
                                            << u"reading distribution set 1"_s << QString() << lab;
}

void TestManagementResources::whatCannotBeCheckedIsNotDeleted_data()
{
    QTest::addColumn<QString>("table"); // one the check reads, renamed away while the DELETE runs
    QTest::addColumn<QString>("path");
    QTest::newRow("a set whose rollouts cannot be read") << u"rollouts"_s << u"/distributionsets/1"_s;
    QTest::newRow("a set whose actions cannot be read") << u"actions"_s << u"/distributionsets/1"_s;
    QTest::newRow("a module whose sets cannot be read") << u"ds_modules"_s << u"/softwaremodules/1"_s;
    QTest::newRow("a type whose modules cannot be read") << u"software_modules"_s << u"/softwaremoduletypes/1"_s;
}

// A delete is refused while something uses what it deletes; when what uses it cannot be read, that is a 500 and
// nothing is deleted (before, an unreadable list counted as "nothing uses it").
void TestManagementResources::whatCannotBeCheckedIsNotDeleted()
{
    QFETCH(QString, table);
    QFETCH(QString, path);
    prepareRepository();
    QCOMPARE(as("admin").send("DELETE", u"/distributionsets/1"_s).status, 204); // frees module 1 and its type
    QCOMPARE(as("admin")
                 .post(u"/distributionsets"_s, R"([{"name":"fw","version":"2","type":"os_set","modules":[{"id":1}]}])")
                 .status,
             201);
    const QString setPath = path == u"/distributionsets/1"_s ? u"/distributionsets/2"_s : path;
    QCOMPARE(as("admin").get(setPath).status, 200);

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), table);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = as("admin").send("DELETE", setPath);
    }

    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json().value("message"_L1).toString().contains(u"reading"_s), failed.body.constData());
    QCOMPARE(as("admin").get(setPath).status, 200); // still there
}

void TestManagementResources::failedReadsAreErrorsNotEmptyPages()
{
    QFETCH(QString, table);
    QFETCH(QString, path);
    QFETCH(QString, what);
    QFETCH(QString, createFirst);
    QFETCH(QByteArray, createBody);
    prepareRepository();
    if (!createFirst.isEmpty())
        QCOMPARE(as("admin").post(createFirst, createBody).status, 201);
    const bool post = path.endsWith(u"moduletypes"_s);
    const auto request = [&] {
        return post ? as("admin").post(path, R"({"id":1})") : as("admin").get(path);
    };
    const int healthy = request().status;
    QVERIFY2(healthy == 200 || healthy == 201 || healthy == 403, qPrintable(QString::number(healthy)));

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), table);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = request();
    }

    QCOMPARE(failed.status, 500);
    const QJsonObject error = failed.json();
    QCOMPARE(error.value("errorCode"_L1).toString(), u"hawkbit.server.error.repo.genericError"_s);
    QVERIFY2(error.value("message"_L1).toString().contains(what), failed.body.constData());
    QVERIFY(!error.contains("content"_L1));
    // Nothing lost: the same request answers as before.
    QCOMPARE(request().status, healthy);
}

// The repository, the targets given and a READY rollout "r" over those whose id starts with "a-"; its id, or 0.
int TestManagementResources::readyRollout(const QByteArray &targets)
{
    prepareRepository();
    HttpClient &admin = as("admin");
    if (admin.post(u"/targets"_s, targets).status != 201)
        return 0;
    const HttpAnswer created
        = admin.post(u"/rollouts"_s,
                     R"({"name":"r","targetFilterQuery":"controllerId==a-*","distributionSetId":1,"amountGroups":1})");
    return created.status == 201 ? created.json()["id"_L1].toInt() : 0;
}

void TestManagementResources::aRolloutThatCannotBeReadIsNotMissing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // %1: the rollout's id
    QTest::newRow("read") << QByteArray("GET") << u"/rollouts/%1"_s;
    QTest::newRow("its groups") << QByteArray("GET") << u"/rollouts/%1/deploygroups"_s;
    QTest::newRow("a command") << QByteArray("POST") << u"/rollouts/%1/start"_s;
    QTest::newRow("delete") << QByteArray("DELETE") << u"/rollouts/%1"_s;
}

// A rollout whose row cannot be read is a 500 naming the read, not the 404 of a rollout that does not exist, and
// nothing about it changes.
void TestManagementResources::aRolloutThatCannotBeReadIsNotMissing()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    HttpClient &admin = as("admin");
    const int rollout = readyRollout(R"([{"controllerId":"a-1"}])");
    QVERIFY(rollout > 0);

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), u"rollouts"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = admin.send(method, path.arg(rollout));
    }

    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json().value("message"_L1).toString().contains(u"reading rollout %1"_s.arg(rollout)),
             failed.body.constData());
    const HttpAnswer after = admin.get(u"/rollouts/%1"_s.arg(rollout));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json()["status"_L1].toString(), u"ready"_s);
}

void TestManagementResources::aRolloutStepTheStoreFailsIsAServerError_data()
{
    QTest::addColumn<QString>("path"); // %1: the rollout's id
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("table"); // taken away while the request runs
    QTest::addColumn<QString>("words"); // in the 500's message
    QTest::newRow("start: its groups") << u"/rollouts/%1/start"_s << QByteArray() << u"rollout_groups"_s
                                       << u"rollout"_s;
    QTest::newRow("start: its actions") << u"/rollouts/%1/start"_s << QByteArray() << u"action_status"_s << u"action"_s;
    QTest::newRow("create: a group's targets")
        << u"/rollouts"_s
        << QByteArray(R"({"name":"r2","targetFilterQuery":"controllerId==a-*","distributionSetId":1,"amountGroups":1})")
        << u"rollout_group_targets"_s << u"group"_s;
}

// Issue 18, item 6: a rollout step whose store fails is the server's 500 (hawkBit's generic error) and changes
// nothing; before, every failed command was the operator's 400 RolloutIllegalState and a failed create a 400 —
// the service's words were matched, and a store failure had none of them.
void TestManagementResources::aRolloutStepTheStoreFailsIsAServerError()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, table);
    QFETCH(QString, words);
    HttpClient &admin = as("admin");
    const int rollout = readyRollout(R"([{"controllerId":"a-1"},{"controllerId":"a-2"}])");
    QVERIFY(rollout > 0);

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), table);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = admin.post(path.arg(rollout), body);
    }
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.json().value("errorCode"_L1).toString(), u"hawkbit.server.error.repo.genericError"_s);
    QVERIFY2(failed.json().value("message"_L1).toString().contains(words), failed.body.constData());
    // Nothing changed: the rollout is still READY, no second one was made, and the step works now.
    const HttpAnswer after = admin.get(u"/rollouts/%1"_s.arg(rollout));
    QCOMPARE(after.json()["status"_L1].toString(), u"ready"_s);
    QCOMPARE(admin.get(u"/rollouts"_s).json()["total"_L1].toInt(), 1);
    QCOMPARE(admin.post(path.arg(rollout), body).status, body.isEmpty() ? 204 : 201);
}

// A module whose insert fails is the store's 500, not the 409 "exists" it was taken for before; a module that does
// exist is still the 409 (asked before the insert, which PostgreSQL needs: it refuses every statement after a
// failed one in the change's transaction).
void TestManagementResources::aModuleTheStoreCannotWriteIsNotAConflict()
{
    prepareRepository(); // module 1 is linux 6.1
    HttpClient &admin = as("admin");
    const QByteArray module = R"([{"type":"os","name":"linux","version":"6.2"}])";
    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), u"software_modules"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = admin.post(u"/softwaremodules"_s, module);
    }
    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json().value("message"_L1).toString().contains(u"linux 6.2"_s), failed.body.constData());
    QCOMPARE(admin.post(u"/softwaremodules"_s, module).status, 201);
    const HttpAnswer again = admin.post(u"/softwaremodules"_s, module);
    QCOMPARE(again.status, 409);
    QVERIFY2(again.json().value("message"_L1).toString().contains(u"linux 6.2 of type os exists"_s),
             again.body.constData());
}

void TestManagementResources::aBulkChangeWhoseMatchCannotBeReadIsAnError_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("table"); // taken away while the request runs
    QTest::newRow("deleting closed actions by q") << QByteArray("DELETE") << u"/actions?q=id=ge=0"_s << u"actions"_s;
    QTest::newRow("moving targets into a group by q")
        << QByteArray("PUT") << u"/targetgroups/Africa?q=controllerId==b-*"_s << u"targets"_s;
}

// Issue 18, item 6: a bulk change by RSQL whose match cannot be read is a 500; before, the failed read was an
// empty match, answered as success having changed nothing ({"deleted": 0} or 204).
void TestManagementResources::aBulkChangeWhoseMatchCannotBeReadIsAnError()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, table);
    HttpClient &admin = as("admin");
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"b-1"}])").status, 201);
    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), table);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = admin.send(method, path);
    }
    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json().value("message"_L1).toString().contains(u"listing %1"_s.arg(table)),
             failed.body.constData());
    QVERIFY(admin.send(method, path).status < 300); // and it works once the store reads again
}

// Credentials the store cannot read are a 500, not a 401 after which a client asks its user for a password that is
// right; the same request works once the store reads again.
void TestManagementResources::credentialsThatCannotBeCheckedAreNotUnauthorized()
{
    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), u"users"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = as("viewer").get(u"/targets"_s); // not used before: no verified credential cached
    }
    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json().value("message"_L1).toString().contains(u"reading user viewer"_s), failed.body.constData());
    QCOMPARE(as("viewer").get(u"/targets"_s).status, 200);
}

void TestManagementResources::anEntityWhoseMetadataStaysIsNotDeleted_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("target") << u"/targets/m-1"_s;
    QTest::newRow("software module") << u"/softwaremodules/1"_s;
    QTest::newRow("distribution set") << u"/distributionsets/1"_s;
}

// Deleting a target, module or set deletes its metadata in the same transaction: when the metadata cannot be
// deleted, that is a 500 and the entity is still there with its metadata (before, the failure was ignored and
// the entity's metadata outlived it, to be found by the next entity given the same id).
void TestManagementResources::anEntityWhoseMetadataStaysIsNotDeleted()
{
    QFETCH(QString, path);
    prepareRepository();
    HttpClient &admin = as("admin");
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"m-1"}])").status, 201);
    if (path.startsWith(u"/softwaremodules"_s))
        QCOMPARE(admin.send("DELETE", u"/distributionsets/1"_s).status, 204); // frees module 1
    QCOMPARE(admin.post(path + u"/metadata"_s, R"([{"key":"site","value":"Berlin"}])").status, 201);

    HttpAnswer failed;
    {
        const FlotillaTest::TableAway away(serverDatabase(), u"entity_metadata"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        failed = admin.send("DELETE", path);
    }

    QCOMPARE(failed.status, 500);
    QVERIFY2(failed.json().value("message"_L1).toString().contains(u"deleting metadata"_s), failed.body.constData());
    QCOMPARE(admin.get(path).status, 200);
    QCOMPARE(admin.get(path + u"/metadata/site"_s).json().value("value"_L1).toString(), u"Berlin"_s);
    QCOMPARE(admin.send("DELETE", path).status, 204);
    QCOMPARE(admin.get(path).status, 404);
}

QTEST_GUILESS_MAIN(TestManagementResources)
#include "tst_managementresources.moc"
