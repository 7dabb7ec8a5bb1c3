// Conformance with hawkBit's Management API, written from hawkBit's own model classes
// (org.eclipse.hawkbit.mgmt.json.model.*: MgmtTarget, MgmtAction, MgmtRolloutResponseBody,
// MgmtRolloutGroupResponseBody, MgmtSystemTenantConfigurationValue, MgmtTag, MgmtSoftwareModuleType,
// MgmtDistributionSetType, ExceptionInfo) and REST interfaces (Mgmt*RestApi) and its error mapping
// (RestConfiguration.ResponseExceptionHandler). One row per resource and field, so a regression names the field;
// then the requests a hawkBit script sends, with the status and error code hawkBit answers.
// Everything runs against one whole Server (the composition flotillad runs) over loopback.
#include "backend/managementserver.h"
#include "backend/server.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestHawkbitCompat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fields_data();
    void fields();
    void openApiListsTheNewRoutes_data();
    void openApiListsTheNewRoutes();
    void selfLinksLeadBack_data();
    void selfLinksLeadBack();
    void linksFollowTheHostTheOperatorUsed();
    void openApiListsEveryField_data();
    void openApiListsEveryField();
    void errorBodies_data();
    void errorBodies();
    void tenantConfigurationKeys();
    void tenantConfigurationBatchIsAllOrNothing();
    void fixedKeysRefuseOtherValues();
    void authenticationModesReachTheDdi();
    void rolloutApprovalKey();
    void rolloutGroupsAsHawkbitDefinesThem();
    void triggerNextGroup();
    void tagsByIdAndOfATarget();
    void setTypeModuleTypes();
    void auditFieldsNameWhoAndWhen();
    void targetTypeById();
    void updatesAsHawkbitTakesThem();
    void typesAsHawkbitChangesThem();
    void minArtifactsKeepASetIncomplete();
    void lastStatusCodeOfAnAction();
    void targetGroups();
    void autoAssignments();
    void autoAssignmentApproval();
    void metadata_data();
    void metadata();
    void moduleMetadataReachesTheDevice();
    void distributionSetTags();
    void userInfo();
    void targetFilters();
    void autoAssignment();
    void invalidation_data();
    void invalidation();
    void setStatistics();

private:
    HttpClient &admin();
    QJsonObject rolloutGroup(int rolloutId, int position);
    QJsonValue fieldOf(const QString &resource, const QString &path);
    int createRollout(const QByteArray &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<HttpClient> m_client;
    QHash<QString, QJsonObject> m_resources; // what the rows read, fetched once
};

HttpClient &TestHawkbitCompat::admin()
{
    m_client->setAuthorization("Basic " + QByteArray("admin:admin-password").toBase64());
    return *m_client;
}

void TestHawkbitCompat::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    ServerConfig config = loopbackServerConfig(*m_dir);
    config.gatewayToken = u"configured-gateway-key"_s;
    QString error;
    m_server = startWithAdmin(config, &error);
    QVERIFY2(m_server, qPrintable(error));
    m_client = std::make_unique<HttpClient>(m_server->url() + u"/rest/v1"_s);

    // A repository as a hawkBit script builds it: types referenced by id, a module, a set.
    HttpClient &api = admin();
    QCOMPARE(api.post(u"/softwaremoduletypes"_s,
                      R"([{"key":"os","name":"OS","description":"Linux images","colour":"#336699",
                           "maxAssignments":1,"minArtifacts":0}])")
                 .status,
             201);
    const int osType = api.get(u"/softwaremoduletypes/os"_s).json()["id"_L1].toInt();
    QCOMPARE(
        api.post(u"/distributionsettypes"_s,
                 u"[{\"key\":\"os_set\",\"name\":\"OS set\",\"colour\":\"blue\",\"mandatorymodules\":[{\"id\":%1}]}]"_s
                     .arg(osType)
                     .toUtf8())
            .status,
        201);
    QCOMPARE(api.post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"6.1"}])").status, 201);
    QCOMPARE(api.post(u"/distributionsets"_s, R"([{"name":"fw","version":"1","type":"os_set","modules":[{"id":1}]}])")
                 .status,
             201);
    QCOMPARE(
        api.post(u"/targets"_s,
                 R"([{"controllerId":"c-10"},{"controllerId":"c-11"},{"controllerId":"c-2"},{"controllerId":"c-3"}])")
            .status,
        201);
    QCOMPARE(api.post(u"/targettags"_s, R"([{"name":"Lab","description":"bench","colour":"#00ff00"}])").status, 201);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"solo"}])").status, 201);
    QCOMPARE(api.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"solo","type":"soft"}])").status, 200);

    const int rollout = createRollout(R"({"name":"r1","targetFilterQuery":"controllerId==c-*","distributionSetId":1,
        "groups":[{"name":"canary","description":"first","targetFilterQuery":"controllerId==c-1*",
                   "targetPercentage":100,"confirmationRequired":true,
                   "successCondition":{"condition":"THRESHOLD","expression":"80"},
                   "successAction":{"action":"PAUSE","expression":""}},
                  {"name":"rest"}]})");
    QVERIFY(rollout > 0);

    HttpClient ddi(m_server->url() + u"/DEFAULT/controller/v1"_s); // one poll: lastControllerRequestAt is set
    ddi.setAuthorization("TargetToken " + api.get(u"/targets/solo"_s).json()["securityToken"_L1].toString().toUtf8());
    QCOMPARE(ddi.get(u"/solo"_s).status, 200);
    m_resources.insert(u"target"_s, api.get(u"/targets/solo"_s).json());
    m_resources.insert(u"action"_s, api.get(u"/targets/solo/actions"_s).json()["content"_L1][0].toObject());
    m_resources.insert(u"rollout"_s, api.get(u"/rollouts/%1"_s.arg(rollout)).json());
    m_resources.insert(u"group"_s, rolloutGroup(rollout, 0));
    m_resources.insert(u"config"_s, api.get(u"/system/configs/pollingTime"_s).json());
    m_resources.insert(u"tag"_s, api.get(u"/targettags"_s).json()["content"_L1][0].toObject());
    m_resources.insert(u"moduletype"_s, api.get(u"/softwaremoduletypes/%1"_s.arg(osType)).json());
    m_resources.insert(u"settype"_s, api.get(u"/distributionsettypes/os_set"_s).json());
    const HttpAnswer targetType = api.post(u"/targettypes"_s, R"([{"name":"Gateway","description":"edge box",
        "colour":"#ff8800","compatibledistributionsettypes":[{"id":1}]}])");
    QCOMPARE(targetType.status, 201);
    m_resources.insert(u"targettype"_s,
                       api.get(u"/targettypes/%1"_s.arg(targetType.jsonArray()[0]["id"_L1].toInt())).json());
    m_resources.insert(u"error"_s, api.get(u"/targets/nobody"_s).json());
    const HttpAnswer autoAssignment = api.post(u"/autoassignments"_s, R"({"name":"later","description":"next year",
        "targetFilterQuery":"controllerId==nobody-*","distributionSetId":1,"startAt":4102444800000,
        "actionType":"downloadonly","weight":300,"confirmationRequired":true})");
    QCOMPARE(autoAssignment.status, 201);
    m_resources.insert(u"autoassignment"_s,
                       api.get(u"/autoassignments/%1"_s.arg(autoAssignment.json()["id"_L1].toInt())).json());
    m_resources.insert(u"module"_s, api.get(u"/softwaremodules/1"_s).json());
    m_resources.insert(u"set"_s, api.get(u"/distributionsets/1"_s).json());
}

void TestHawkbitCompat::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

int TestHawkbitCompat::createRollout(const QByteArray &body)
{
    const HttpAnswer a = admin().post(u"/rollouts"_s, body);
    if (a.status != 201)
        qWarning().noquote() << a.status << a.body;
    return a.status == 201 ? a.json()["id"_L1].toInt() : 0;
}

QJsonObject TestHawkbitCompat::rolloutGroup(int rolloutId, int position)
{
    return admin().get(u"/rollouts/%1/deploygroups"_s.arg(rolloutId)).json()["content"_L1][position].toObject();
}

QJsonValue TestHawkbitCompat::fieldOf(const QString &resource, const QString &path)
{
    QJsonValue v = m_resources.value(resource);
    for (const QString &part : path.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

void TestHawkbitCompat::fields_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("field"); // a.b for nested
    QTest::addColumn<QString>("type"); // string, number, boolean, object, or null
    const struct
    {
        const char *resource;
        QStringList fields;
        const char *type;
    } table[] = {
        // MgmtTarget
        { "target",
          { u"controllerId"_s, u"name"_s, u"description"_s, u"updateStatus"_s, u"address"_s, u"securityToken"_s },
          "string" },
        { "target", { u"createdAt"_s, u"lastControllerRequestAt"_s }, "number" },
        { "target", { u"requestAttributes"_s, u"autoConfirmActive"_s }, "boolean" },
        { "target",
          { u"_links.self.href"_s, u"_links.assignedDS.href"_s, u"_links.installedDS.href"_s,
            u"_links.attributes.href"_s, u"_links.actions.href"_s, u"_links.autoConfirm.href"_s },
          "string" },
        // MgmtBaseEntity's audit fields
        { "target", { u"createdBy"_s, u"lastModifiedBy"_s }, "string" },
        { "target", { u"lastModifiedAt"_s }, "number" },
        { "rollout", { u"createdBy"_s, u"lastModifiedBy"_s }, "string" },
        { "rollout", { u"lastModifiedAt"_s }, "number" },
        { "tag", { u"createdBy"_s, u"lastModifiedBy"_s }, "string" },
        { "tag", { u"createdAt"_s, u"lastModifiedAt"_s }, "number" },
        { "moduletype", { u"createdBy"_s, u"lastModifiedBy"_s }, "string" },
        { "moduletype", { u"createdAt"_s, u"lastModifiedAt"_s }, "number" },
        { "settype", { u"createdBy"_s, u"lastModifiedBy"_s }, "string" },
        { "settype", { u"createdAt"_s, u"lastModifiedAt"_s }, "number" },
        { "module", { u"createdBy"_s, u"lastModifiedBy"_s }, "string" },
        { "module", { u"createdAt"_s, u"lastModifiedAt"_s }, "number" },
        { "set", { u"createdBy"_s, u"lastModifiedBy"_s }, "string" },
        { "set", { u"createdAt"_s, u"lastModifiedAt"_s }, "number" },
        // MgmtSoftwareModule, MgmtDistributionSet
        { "module", { u"name"_s, u"version"_s, u"vendor"_s, u"description"_s, u"_links.self.href"_s }, "string" },
        { "module", { u"id"_s }, "number" },
        { "module", { u"encrypted"_s, u"locked"_s, u"deleted"_s }, "boolean" },
        { "module", { u"typeName"_s }, "string" },
        { "set", { u"typeName"_s, u"description"_s }, "string" },
        { "set", { u"deleted"_s, u"valid"_s }, "boolean" },
        { "action", { u"active"_s }, "boolean" },
        { "action",
          { u"_links.self.href"_s, u"_links.target.href"_s, u"_links.distributionset.href"_s, u"_links.status.href"_s },
          "string" },
        { "rollout",
          { u"_links.self.href"_s, u"_links.start.href"_s, u"_links.pause.href"_s, u"_links.resume.href"_s,
            u"_links.triggerNextGroup.href"_s, u"_links.approve.href"_s, u"_links.deny.href"_s, u"_links.groups.href"_s,
            u"_links.distributionset.href"_s },
          "string" },
        { "set", { u"name"_s, u"version"_s, u"_links.self.href"_s }, "string" },
        { "set", { u"id"_s }, "number" },
        { "set", { u"requiredMigrationStep"_s, u"locked"_s, u"complete"_s }, "boolean" },
        // MgmtAction
        { "action", { u"type"_s, u"status"_s, u"detailStatus"_s, u"forceType"_s }, "string" },
        { "action", { u"id"_s, u"weight"_s, u"createdAt"_s, u"lastModifiedAt"_s }, "number" },
        // MgmtRolloutResponseBody
        { "rollout", { u"name"_s, u"description"_s, u"targetFilterQuery"_s, u"status"_s, u"type"_s }, "string" },
        { "rollout",
          { u"id"_s, u"distributionSetId"_s, u"totalTargets"_s, u"totalGroups"_s, u"weight"_s, u"createdAt"_s },
          "number" },
        { "rollout", { u"deleted"_s, u"dynamic"_s }, "boolean" },
        { "rollout", { u"totalTargetsPerStatus"_s }, "object" },
        { "rollout",
          { u"totalTargetsPerStatus.running"_s, u"totalTargetsPerStatus.notstarted"_s,
            u"totalTargetsPerStatus.scheduled"_s, u"totalTargetsPerStatus.cancelled"_s,
            u"totalTargetsPerStatus.finished"_s, u"totalTargetsPerStatus.error"_s },
          "number" },
        // MgmtRolloutGroupResponseBody
        { "group", { u"name"_s, u"description"_s, u"status"_s, u"targetFilterQuery"_s }, "string" },
        { "group", { u"id"_s, u"targetPercentage"_s, u"totalTargets"_s }, "number" },
        { "group", { u"confirmationRequired"_s, u"dynamic"_s }, "boolean" },
        { "group",
          { u"successCondition"_s, u"successAction"_s, u"errorCondition"_s, u"errorAction"_s,
            u"totalTargetsPerStatus"_s, u"_links"_s },
          "object" },
        { "group",
          { u"successCondition.condition"_s, u"successCondition.expression"_s, u"successAction.action"_s,
            u"errorCondition.condition"_s, u"errorCondition.expression"_s, u"errorAction.action"_s,
            u"_links.self.href"_s },
          "string" },
        { "group", { u"totalTargetsPerStatus.notstarted"_s, u"totalTargetsPerStatus.cancelled"_s }, "number" },
        // MgmtSystemTenantConfigurationValue
        { "config", { u"value"_s, u"_links.self.href"_s }, "string" },
        { "config", { u"global"_s }, "boolean" },
        // MgmtTag
        { "tag", { u"name"_s, u"description"_s, u"colour"_s, u"_links.self.href"_s }, "string" },
        { "tag", { u"id"_s }, "number" },
        // MgmtSoftwareModuleType, MgmtDistributionSetType (MgmtTypeEntity)
        { "moduletype", { u"key"_s, u"name"_s, u"description"_s, u"colour"_s }, "string" },
        { "moduletype", { u"id"_s, u"maxAssignments"_s, u"minArtifacts"_s }, "number" },
        { "moduletype", { u"deleted"_s }, "boolean" },
        { "settype",
          { u"key"_s, u"name"_s, u"description"_s, u"colour"_s, u"_links.mandatorymodules.href"_s },
          "string" },
        { "settype", { u"id"_s }, "number" },
        { "settype", { u"deleted"_s }, "boolean" },
        // MgmtTargetType
        { "targettype",
          { u"key"_s, u"name"_s, u"description"_s, u"colour"_s, u"_links.self.href"_s,
            u"_links.compatibledistributionsettypes.href"_s, u"createdBy"_s },
          "string" },
        { "targettype", { u"id"_s, u"createdAt"_s }, "number" },
        { "targettype", { u"deleted"_s }, "boolean" },
        // MgmtAutoAssignmentResponseBody
        { "autoassignment",
          { u"name"_s, u"description"_s, u"targetFilterQuery"_s, u"status"_s, u"actionType"_s, u"createdBy"_s,
            u"_links.self.href"_s, u"_links.start.href"_s, u"_links.approve.href"_s, u"_links.distributionset.name"_s },
          "string" },
        { "autoassignment", { u"id"_s, u"distributionSetId"_s, u"startAt"_s, u"weight"_s, u"createdAt"_s }, "number" },
        { "autoassignment", { u"confirmationRequired"_s }, "boolean" },
        // ExceptionInfo
        { "error", { u"exceptionClass"_s, u"errorCode"_s, u"message"_s }, "string" },
    };
    for (const auto &row : table) {
        for (const QString &field : row.fields)
            QTest::addRow("%s.%s", row.resource, qPrintable(field))
                << QString::fromLatin1(row.resource) << field << QString::fromLatin1(row.type);
    }
}

void TestHawkbitCompat::fields()
{
    QFETCH(QString, resource);
    QFETCH(QString, field);
    QFETCH(QString, type);
    QVERIFY2(!m_resources.value(resource).isEmpty(), qPrintable(resource));
    const QJsonValue v = fieldOf(resource, field);
    const QString actual = v.isString() ? u"string"_s
        : v.isDouble()                  ? u"number"_s
        : v.isBool()                    ? u"boolean"_s
        : v.isObject()                  ? u"object"_s
        : v.isArray()                   ? u"array"_s
        : v.isNull()                    ? u"null"_s
                                        : u"missing"_s;
    QVERIFY2(actual == type,
             qPrintable(u"%1.%2 is %3, hawkBit's is %4: %5"_s.arg(
                 resource, field, actual, type,
                 QString::fromUtf8(QJsonDocument(m_resources.value(resource)).toJson(QJsonDocument::Compact)))));
}

void TestHawkbitCompat::openApiListsTheNewRoutes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("method");
    QTest::newRow("one config key") << u"/rest/v1/system/configs/{id}"_s << u"get"_s;
    QTest::newRow("delete a config key") << u"/rest/v1/system/configs/{id}"_s << u"delete"_s;
    QTest::newRow("batch configs") << u"/rest/v1/system/configs"_s << u"put"_s;
    QTest::newRow("one group") << u"/rest/v1/rollouts/{id}/deploygroups/{id2}"_s << u"get"_s;
    QTest::newRow("one tag") << u"/rest/v1/targettags/{id}"_s << u"get"_s;
    QTest::newRow("change a tag") << u"/rest/v1/targettags/{id}"_s << u"put"_s;
    QTest::newRow("a target's tags") << u"/rest/v1/targets/{id}/tags"_s << u"get"_s;
    QTest::newRow("mandatory module types") << u"/rest/v1/distributionsettypes/{id}/mandatorymoduletypes"_s << u"get"_s;
    QTest::newRow("optional module types") << u"/rest/v1/distributionsettypes/{id}/optionalmoduletypes"_s << u"get"_s;
    QTest::newRow("one target type") << u"/rest/v1/targettypes/{id}"_s << u"get"_s;
    QTest::newRow("target groups") << u"/rest/v1/targetgroups"_s << u"get"_s;
    QTest::newRow("auto-assignments") << u"/rest/v1/autoassignments"_s << u"get"_s;
    QTest::newRow("create an auto-assignment") << u"/rest/v1/autoassignments"_s << u"post"_s;
    QTest::newRow("approve an auto-assignment") << u"/rest/v1/autoassignments/{id}/approve"_s << u"post"_s;
    QTest::newRow("pause an auto-assignment") << u"/rest/v1/autoassignments/{id}/pause"_s << u"post"_s;
    QTest::newRow("a group's targets") << u"/rest/v1/targetgroups/{id}/assigned"_s << u"get"_s;
    QTest::newRow("a subgroup's targets") << u"/rest/v1/targetgroups/assigned"_s << u"get"_s;
    QTest::newRow("targets into a group by RSQL") << u"/rest/v1/targetgroups/{id}"_s << u"put"_s;
    QTest::newRow("targets out of groups by list") << u"/rest/v1/targetgroups/assigned"_s << u"delete"_s;
    QTest::newRow("change a module type") << u"/rest/v1/softwaremoduletypes/{id}"_s << u"put"_s;
    QTest::newRow("change a set type") << u"/rest/v1/distributionsettypes/{id}"_s << u"put"_s;
    QTest::newRow("change a target type") << u"/rest/v1/targettypes/{id}"_s << u"put"_s;
    QTest::newRow("add a mandatory module type")
        << u"/rest/v1/distributionsettypes/{id}/mandatorymoduletypes"_s << u"post"_s;
    QTest::newRow("remove an optional module type")
        << u"/rest/v1/distributionsettypes/{id}/optionalmoduletypes/{id2}"_s << u"delete"_s;
    QTest::newRow("a target type's set types")
        << u"/rest/v1/targettypes/{id}/compatibledistributionsettypes"_s << u"get"_s;
    QTest::newRow("add set types to a target type")
        << u"/rest/v1/targettypes/{id}/compatibledistributionsettypes"_s << u"post"_s;
    QTest::newRow("remove a set type from a target type")
        << u"/rest/v1/targettypes/{id}/compatibledistributionsettypes/{id2}"_s << u"delete"_s;
}

void TestHawkbitCompat::openApiListsTheNewRoutes()
{
    QFETCH(QString, path);
    QFETCH(QString, method);
    const QJsonObject paths = ManagementServer::openApi().value("paths"_L1).toObject();
    QVERIFY2(paths.value(path).toObject().contains(method), qPrintable(path));
}

void TestHawkbitCompat::selfLinksLeadBack_data()
{
    QTest::addColumn<QString>("resource");
    for (const char *r : { "target", "module", "set", "tag", "group", "moduletype", "settype", "targettype", "rollout",
                           "action", "autoassignment" })
        QTest::newRow(r) << QString::fromLatin1(r);
}

// A resource's self link is an absolute URL, as hawkBit's are, and following it gets the resource again.
void TestHawkbitCompat::selfLinksLeadBack()
{
    QFETCH(QString, resource);
    const QJsonObject r = m_resources.value(resource);
    const QString href = r["_links"_L1]["self"_L1]["href"_L1].toString();
    QVERIFY2(href.startsWith(m_server->url() + u"/rest/v1/"_s), qPrintable(href));
    const HttpAnswer a = admin().get(href);
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["id"_L1], r["id"_L1]);
}

// The links name the server as the request did (its Host header; a public URL or a trusted proxy's
// X-Forwarded-* when configured, as the DDI's links do), nested ones included.
void TestHawkbitCompat::linksFollowTheHostTheOperatorUsed()
{
    const HttpAnswer a = admin().get(u"/targets?q=controllerId==solo"_s, { { "Host", "fleet.example:9000" } });
    QCOMPARE(a.status, 200);
    const QJsonObject target = a.json()["content"_L1][0].toObject();
    QCOMPARE(target["_links"_L1]["self"_L1]["href"_L1].toString(), u"http://fleet.example:9000/rest/v1/targets/solo"_s);
    QCOMPARE(target["_links"_L1]["assignedDS"_L1]["href"_L1].toString(),
             u"http://fleet.example:9000/rest/v1/targets/solo/assignedDS"_s);
    const QJsonObject set = admin().get(u"/distributionsets/1"_s, { { "Host", "fleet.example:9000" } }).json();
    for (const QJsonValue &module : set["modules"_L1].toArray()) // nested entities too
        QVERIFY(module["_links"_L1]["self"_L1]["href"_L1].toString().startsWith(u"http://fleet.example:9000/"_s));
    // Hrefs that are not server paths stay as they are; the bodies keep their other strings.
    QCOMPARE(target["controllerId"_L1].toString(), u"solo"_s);
}

void TestHawkbitCompat::openApiListsEveryField_data()
{
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("schema");
    QTest::newRow("target") << u"target"_s << u"Target"_s;
    QTest::newRow("action") << u"action"_s << u"Action"_s;
    QTest::newRow("rollout") << u"rollout"_s << u"Rollout"_s;
    QTest::newRow("group") << u"group"_s << u"RolloutGroup"_s;
    QTest::newRow("config") << u"config"_s << u"TenantConfigurationValue"_s;
    QTest::newRow("tag") << u"tag"_s << u"Tag"_s;
    QTest::newRow("module type") << u"moduletype"_s << u"SoftwareModuleType"_s;
    QTest::newRow("set type") << u"settype"_s << u"DistributionSetType"_s;
    QTest::newRow("target type") << u"targettype"_s << u"TargetType"_s;
    QTest::newRow("auto-assignment") << u"autoassignment"_s << u"AutoAssignment"_s;
    QTest::newRow("module") << u"module"_s << u"SoftwareModule"_s;
    QTest::newRow("set") << u"set"_s << u"DistributionSet"_s;
    QTest::newRow("error") << u"error"_s << u"Error"_s;
}

// Every field a response carries is in openapi.json's schema, with its type: the document cannot fall behind.
void TestHawkbitCompat::openApiListsEveryField()
{
    QFETCH(QString, resource);
    QFETCH(QString, schema);
    const QJsonObject properties
        = ManagementServer::openApi()["components"_L1]["schemas"_L1][schema]["properties"_L1].toObject();
    const QJsonObject actual = m_resources.value(resource);
    QVERIFY(!actual.isEmpty());
    for (auto it = actual.begin(); it != actual.end(); ++it) {
        QVERIFY2(properties.contains(it.key()), qPrintable(u"%1.%2 is not in openapi.json"_s.arg(schema, it.key())));
        const QString type = properties.value(it.key())["type"_L1].toString();
        const QJsonValue v = it.value();
        const bool matches = type.isEmpty() || v.isNull() || (type == u"string"_s && v.isString())
            || (type == u"boolean"_s && v.isBool()) || (type == u"object"_s && v.isObject())
            || (type == u"array"_s && v.isArray()) || (type == u"number"_s && v.isDouble())
            || (type == u"integer"_s && v.isDouble() && v.toDouble() == std::floor(v.toDouble()));
        QVERIFY2(matches, qPrintable(u"%1.%2 is documented as %3"_s.arg(schema, it.key(), type)));
    }
}

void TestHawkbitCompat::errorBodies_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("exceptionClass");
    const QString repo = u"org.eclipse.hawkbit.repository.exception."_s;
    QTest::newRow("unknown entity") << "GET"_ba << u"/targets/nobody"_s << QByteArray() << 404
                                    << u"hawkbit.server.error.repo.entityNotFound"_s
                                    << repo + u"EntityNotFoundException"_s;
    QTest::newRow("duplicate") << "POST"_ba << u"/targets"_s << R"([{"controllerId":"solo"}])"_ba << 409
                               << u"hawkbit.server.error.repo.entityAlreadyExists"_s
                               << repo + u"EntityAlreadyExistsException"_s;
    QTest::newRow("malformed JSON") << "POST"_ba << u"/targets"_s << "[{"_ba << 400
                                    << u"hawkbit.server.error.rest.body.notReadable"_s
                                    << u"org.eclipse.hawkbit.rest.exception.MessageNotReadableException"_s;
    QTest::newRow("bad RSQL") << "GET"_ba << u"/targets?q=name=%3D"_s << QByteArray() << 400
                              << u"hawkbit.server.error.rest.param.rsqlParamSyntax"_s
                              << repo + u"RSQLParameterSyntaxException"_s;
    QTest::newRow("bad sort field") << "GET"_ba << u"/targets?sort=colour:ASC"_s << QByteArray() << 400
                                    << u"hawkbit.server.error.rest.param.invalidField"_s
                                    << u"org.eclipse.hawkbit.mgmt.rest.resource.exception."
                                       "SortParameterUnsupportedFieldException"_s;
    QTest::newRow("unknown config key") << "GET"_ba << u"/system/configs/colour"_s << QByteArray() << 400
                                        << u"hawkbit.server.error.configKeyInvalid"_s
                                        << repo + u"InvalidTenantConfigurationKeyException"_s;
    QTest::newRow("bad config value") << "PUT"_ba << u"/system/configs/pollingTime"_s << R"({"value":"soon"})"_ba << 400
                                      << u"hawkbit.server.error.configValueInvalid"_s
                                      << repo + u"TenantConfigurationValidatorException"_s;
    QTest::newRow("force-quit an action that is not canceling")
        << "DELETE"_ba << u"/targets/solo/actions/1?force=true"_s << QByteArray() << 405
        << u"hawkbit.server.error.action.notForceQuitable"_s << repo + u"ForceQuitActionNotAllowedException"_s;
    QTest::newRow("resume a rollout that is not paused")
        << "POST"_ba << u"/rollouts/1/resume"_s << QByteArray() << 400 << u"hawkbit.server.error.rollout.illegalState"_s
        << repo + u"RolloutIllegalStateException"_s;
    QTest::newRow("modules into a locked set")
        << "POST"_ba << u"/distributionsets/1/assignedSM"_s << R"([{"id":1}])"_ba << 423
        << u"hawkbit.server.error.locked"_s << repo + u"LockedException"_s;
}

void TestHawkbitCompat::errorBodies()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, exceptionClass);
    const HttpAnswer a = admin().send(verb, path, body);
    QVERIFY2(a.status == status, qPrintable(u"%1: %2"_s.arg(a.status).arg(QString::fromUtf8(a.body))));
    QCOMPARE(a.json()["errorCode"_L1].toString(), errorCode);
    QCOMPARE(a.json()["exceptionClass"_L1].toString(), exceptionClass);
    QVERIFY(!a.json()["message"_L1].toString().isEmpty());
}

void TestHawkbitCompat::tenantConfigurationKeys()
{
    HttpClient &api = admin();
    const QJsonObject all = api.get(u"/system/configs"_s).json();
    // Every key hawkBit's MgmtSystemTenantConfigurationValue documents, each as {value, global}.
    for (const QString &key :
         { u"repository.actions.autoclose.enabled"_s, u"user.confirmation.flow.enabled"_s,
           u"authentication.gatewaytoken.enabled"_s, u"authentication.gatewaytoken.key"_s,
           u"authentication.targettoken.enabled"_s, u"authentication.header.enabled"_s,
           u"authentication.header.authority"_s, u"action.cleanup.enabled"_s, u"action.cleanup.auto.expiry"_s,
           u"action.cleanup.auto.status"_s, u"maintenanceWindowPollCount"_s, u"minPollingTime"_s, u"pollingTime"_s,
           u"pollingOverdueTime"_s, u"multi.assignments.enabled"_s, u"batch.assignments.enabled"_s,
           u"implicit.lock.enabled"_s, u"rollout.approval.enabled"_s }) {
        QVERIFY2(all.value(key).toObject().contains("value"_L1), qPrintable(key));
        QVERIFY2(all.value(key).toObject().value("global"_L1).isBool(), qPrintable(key));
    }
    // Set, read back as not global, delete: the default again.
    QCOMPARE(api.put(u"/system/configs/maintenanceWindowPollCount"_s, R"({"value":5})").status, 200);
    QJsonObject one = api.get(u"/system/configs/maintenanceWindowPollCount"_s).json();
    QCOMPARE(one["value"_L1].toInt(), 5);
    QCOMPARE(one["global"_L1].toBool(), false);
    QCOMPARE(api.send("DELETE", u"/system/configs/maintenanceWindowPollCount"_s).status, 204);
    one = api.get(u"/system/configs/maintenanceWindowPollCount"_s).json();
    QCOMPARE(one["value"_L1].toInt(), 3);
    QCOMPARE(one["global"_L1].toBool(), true);
    // hawkBit's converters take a boolean written as a string.
    QCOMPARE(api.put(u"/system/configs/repository.actions.autoclose.enabled"_s, R"({"value":"true"})").status, 200);
    QCOMPARE(m_server->store().tenantConfiguration().autoClose, true);
    QCOMPARE(api.send("DELETE", u"/system/configs/repository.actions.autoclose.enabled"_s).status, 204);
    QCOMPARE(m_server->store().tenantConfiguration().autoClose, false);
}

void TestHawkbitCompat::tenantConfigurationBatchIsAllOrNothing()
{
    HttpClient &api = admin();
    QCOMPARE(api.put(u"/system/configs"_s, R"({"pollingTime":"00:02:00","maintenanceWindowPollCount":4})").status, 204);
    QCOMPARE(m_server->store().tenantConfiguration().pollingSecs, qint64(120));
    QCOMPARE(m_server->store().tenantConfiguration().maintenanceWindowPollCount, 4);
    // One unknown key or bad value: nothing of the batch is applied.
    HttpAnswer a = api.put(u"/system/configs"_s, R"({"pollingTime":"00:03:00","colour":"red"})");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"hawkbit.server.error.configKeyInvalid"_s);
    a = api.put(u"/system/configs"_s, R"({"pollingTime":"00:03:00","maintenanceWindowPollCount":0})");
    QCOMPARE(a.status, 400);
    QCOMPARE(m_server->store().tenantConfiguration().pollingSecs, qint64(120));
    // Keys checked together: the minimum must not exceed the polling time.
    QCOMPARE(api.put(u"/system/configs"_s, R"({"pollingTime":"00:00:20","minPollingTime":"00:00:30"})").status, 400);
    QCOMPARE(api.put(u"/system/configs"_s, R"({"pollingTime":"00:05:00","maintenanceWindowPollCount":3})").status, 204);
}

void TestHawkbitCompat::fixedKeysRefuseOtherValues()
{
    HttpClient &api = admin();
    // Flotilla always locks an assigned set: keeping it so is fine, switching it off is not allowed.
    QCOMPARE(api.put(u"/system/configs/implicit.lock.enabled"_s, R"({"value":true})").status, 200);
    const HttpAnswer a = api.put(u"/system/configs/implicit.lock.enabled"_s, R"({"value":false})");
    QCOMPARE(a.status, 403);
    QCOMPARE(a.json()["errorCode"_L1].toString(),
             u"hawkbit.server.error.repo.tenantConfigurationValueChangeNotAllowed"_s);
    QCOMPARE(api.put(u"/system/configs/authentication.header.enabled"_s, R"({"value":true})").status, 403);
    QCOMPARE(api.get(u"/system/configs/implicit.lock.enabled"_s).json()["value"_L1].toBool(), true);
}

void TestHawkbitCompat::authenticationModesReachTheDdi()
{
    HttpClient &api = admin();
    const QString token = api.get(u"/targets/solo"_s).json()["securityToken"_L1].toString();
    HttpClient ddi(m_server->url() + u"/DEFAULT/controller/v1"_s);
    auto poll = [&](const QByteArray &authorization) {
        ddi.setAuthorization(authorization);
        return ddi.get(u"/solo"_s).status;
    };
    QCOMPARE(poll("TargetToken " + token.toUtf8()), 200);
    QCOMPARE(poll("GatewayToken configured-gateway-key"), 200);
    // authentication.targettoken.enabled off: a target's own token no longer opens the DDI.
    QCOMPARE(api.put(u"/system/configs/authentication.targettoken.enabled"_s, R"({"value":false})").status, 200);
    QCOMPARE(poll("TargetToken " + token.toUtf8()), 401);
    QCOMPARE(api.send("DELETE", u"/system/configs/authentication.targettoken.enabled"_s).status, 204);
    QCOMPARE(poll("TargetToken " + token.toUtf8()), 200);
    // A tenant gateway key replaces the configured one; gateway authentication can be switched off.
    QCOMPARE(api.put(u"/system/configs/authentication.gatewaytoken.key"_s, R"({"value":"tenant-key"})").status, 200);
    QCOMPARE(poll("GatewayToken tenant-key"), 200);
    QCOMPARE(poll("GatewayToken configured-gateway-key"), 401);
    QCOMPARE(api.put(u"/system/configs/authentication.gatewaytoken.enabled"_s, R"({"value":false})").status, 200);
    QCOMPARE(poll("GatewayToken tenant-key"), 401);
    QCOMPARE(api.put(u"/system/configs"_s,
                     R"({"authentication.gatewaytoken.enabled":true,"authentication.gatewaytoken.key":""})")
                 .status,
             204);
    QCOMPARE(poll("GatewayToken configured-gateway-key"), 200);
}

void TestHawkbitCompat::rolloutApprovalKey()
{
    HttpClient &api = admin();
    QCOMPARE(api.put(u"/system/configs/rollout.approval.enabled"_s, R"({"value":true})").status, 200);
    const int id = createRollout(
        R"({"name":"needs-approval","targetFilterQuery":"controllerId==c-2","distributionSetId":1,"amountGroups":1})");
    QVERIFY(id > 0);
    QCOMPARE(api.get(u"/rollouts/%1"_s.arg(id)).json()["status"_L1].toString(), u"waiting_for_approval"_s);
    QCOMPARE(api.send("DELETE", u"/system/configs/rollout.approval.enabled"_s).status, 204);
    const int other = createRollout(
        R"({"name":"no-approval","targetFilterQuery":"controllerId==c-3","distributionSetId":1,"amountGroups":1})");
    QCOMPARE(api.get(u"/rollouts/%1"_s.arg(other)).json()["status"_L1].toString(), u"ready"_s);
}

void TestHawkbitCompat::rolloutGroupsAsHawkbitDefinesThem()
{
    // r1 (initTestCase): the canary group takes the targets its own filter matches, the rest the others.
    const QJsonObject canary = rolloutGroup(1, 0);
    const QJsonObject rest = rolloutGroup(1, 1);
    QCOMPARE(canary["name"_L1].toString(), u"canary"_s);
    QCOMPARE(canary["description"_L1].toString(), u"first"_s);
    QCOMPARE(canary["targetFilterQuery"_L1].toString(), u"controllerId==c-1*"_s);
    QCOMPARE(canary["totalTargets"_L1].toInt(), 2);
    QCOMPARE(canary["confirmationRequired"_L1].toBool(), true);
    QCOMPARE(canary["successCondition"_L1]["expression"_L1].toString(), u"80"_s);
    QCOMPARE(canary["successCondition"_L1]["condition"_L1].toString(), u"THRESHOLD"_s);
    QCOMPARE(canary["successAction"_L1]["action"_L1].toString(), u"PAUSE"_s);
    QCOMPARE(canary["totalTargetsPerStatus"_L1]["notstarted"_L1].toInt(), 2);
    QCOMPARE(rest["name"_L1].toString(), u"rest"_s);
    QCOMPARE(rest["totalTargets"_L1].toInt(), 2);
    QCOMPARE(rest["confirmationRequired"_L1].toBool(), false); // the rollout's
    const QJsonObject rollout = admin().get(u"/rollouts/1"_s).json();
    QCOMPARE(rollout["totalTargets"_L1].toInt(), 4);
    QCOMPARE(rollout["totalGroups"_L1].toInt(), 2);
    // One group by id, as its self link says.
    const QString self = canary["_links"_L1]["self"_L1]["href"_L1].toString();
    QVERIFY(self.endsWith(u"/rollouts/1/deploygroups/%1"_s.arg(canary["id"_L1].toInt())));
    QCOMPARE(admin().get(self.mid(self.indexOf(u"/rollouts/"_s))).json(), canary);
    QCOMPARE(admin().get(u"/rollouts/1/deploygroups/9999"_s).status, 404);
    // A group filter that does not parse is refused and names the group.
    const HttpAnswer bad = admin().post(u"/rollouts"_s,
                                        R"({"name":"bad","targetFilterQuery":"controllerId==c-*","distributionSetId":1,
            "groups":[{"name":"g","targetFilterQuery":"name=="}]})");
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.json()["message"_L1].toString().contains(u"groups[0]"_s));
}

void TestHawkbitCompat::triggerNextGroup()
{
    const int id = createRollout(R"({"name":"stepwise","targetFilterQuery":"controllerId==c-1*","distributionSetId":1,
        "amountGroups":2,"successCondition":{"condition":"THRESHOLD","expression":"100"}})");
    QVERIFY(id > 0);
    HttpClient &api = admin();
    QCOMPARE(api.post(u"/rollouts/%1/triggerNextGroup"_s.arg(id), {}).status, 400); // not running yet
    QCOMPARE(api.post(u"/rollouts/%1/start"_s.arg(id), {}).status, 204);
    QTRY_COMPARE(rolloutGroup(id, 0)["status"_L1].toString(), u"running"_s);
    QCOMPARE(rolloutGroup(id, 1)["status"_L1].toString(), u"scheduled"_s);
    QCOMPARE(rolloutGroup(id, 1)["totalTargetsPerStatus"_L1]["scheduled"_L1].toInt(), 1);
    // The first group has not succeeded; the operator starts the second anyway.
    QCOMPARE(api.post(u"/rollouts/%1/triggerNextGroup"_s.arg(id), {}).status, 204);
    QCOMPARE(rolloutGroup(id, 1)["status"_L1].toString(), u"running"_s);
    const HttpAnswer none = api.post(u"/rollouts/%1/triggerNextGroup"_s.arg(id), {});
    QCOMPARE(none.status, 400);
    QCOMPARE(none.json()["errorCode"_L1].toString(), u"hawkbit.server.error.rollout.illegalState"_s);
    // Its actions name it, as hawkBit's MgmtAction does (rolloutName beside the id), in lists and alone.
    bool found = false;
    for (const QJsonValue &a : api.get(u"/targets/c-10/actions"_s).json()["content"_L1].toArray()) {
        if (a["rollout"_L1].toInt() != id)
            continue;
        found = true;
        QCOMPARE(a["rolloutName"_L1].toString(), u"stepwise"_s);
        QCOMPARE(api.get(u"/targets/c-10/actions/%1"_s.arg(a["id"_L1].toInt())).json()["rolloutName"_L1].toString(),
                 u"stepwise"_s);
    }
    QVERIFY(found);
    QCOMPARE(api.post(u"/rollouts/%1/stop"_s.arg(id), {}).status, 204);
}

void TestHawkbitCompat::tagsByIdAndOfATarget()
{
    HttpClient &api = admin();
    const int tag = m_resources.value(u"tag"_s)["id"_L1].toInt();
    QCOMPARE(api.get(u"/targettags/%1"_s.arg(tag)).json()["name"_L1].toString(), u"Lab"_s);
    QCOMPARE(api.get(u"/targettags/9999"_s).status, 404);
    // hawkBit 0.10's body is a list of controller ids; the older form and one id in the path work too.
    QCOMPARE(api.post(u"/targettags/%1/assigned"_s.arg(tag), R"(["solo"])").status, 204);
    QCOMPARE(api.post(u"/targettags/%1/assigned"_s.arg(tag), R"([{"controllerId":"c-3"}])").status, 204);
    QCOMPARE(api.post(u"/targettags/%1/assigned/c-2"_s.arg(tag), {}).status, 204);
    QCOMPARE(api.get(u"/targettags/%1/assigned"_s.arg(tag)).json()["total"_L1].toInt(), 3);
    QCOMPARE(api.send("DELETE", u"/targettags/%1/assigned/c-2"_s.arg(tag)).status, 204);
    QCOMPARE(api.send("DELETE", u"/targettags/%1/assigned/c-3"_s.arg(tag)).status, 204);
    const HttpAnswer tags = api.get(u"/targets/solo/tags"_s);
    QCOMPARE(tags.status, 200);
    QCOMPARE(tags.jsonArray().size(), 1); // hawkBit answers a plain list
    QCOMPARE(tags.jsonArray()[0]["name"_L1].toString(), u"Lab"_s);
    QCOMPARE(api.get(u"/targets/c-2/tags"_s).jsonArray().size(), 0);
    // PUT changes what it names and keeps the rest.
    const HttpAnswer put = api.put(u"/targettags/%1"_s.arg(tag), R"({"description":"the bench"})");
    QCOMPARE(put.status, 200);
    QCOMPARE(put.json()["name"_L1].toString(), u"Lab"_s);
    QCOMPARE(api.get(u"/targettags/%1"_s.arg(tag)).json()["description"_L1].toString(), u"the bench"_s);
    QCOMPARE(api.post(u"/targettags"_s, R"([{"name":"Field"}])").status, 201);
    QCOMPARE(api.put(u"/targettags/%1"_s.arg(tag), R"({"name":"Field"})").status, 409);
    QCOMPARE(api.put(u"/targettags/%1"_s.arg(tag), R"({"name":""})").status, 400);
}

void TestHawkbitCompat::setTypeModuleTypes()
{
    HttpClient &api = admin();
    const int setType = m_resources.value(u"settype"_s)["id"_L1].toInt();
    const HttpAnswer mandatory = api.get(u"/distributionsettypes/%1/mandatorymoduletypes"_s.arg(setType));
    QCOMPARE(mandatory.status, 200);
    QCOMPARE(mandatory.jsonArray().size(), 1);
    QCOMPARE(mandatory.jsonArray()[0]["key"_L1].toString(), u"os"_s);
    QCOMPARE(mandatory.jsonArray()[0]["maxAssignments"_L1].toInt(), 1);
    QCOMPARE(api.get(u"/distributionsettypes/%1/optionalmoduletypes"_s.arg(setType)).jsonArray().size(), 0);
    QCOMPARE(api.get(u"/distributionsettypes/9999/mandatorymoduletypes"_s).status, 404);
}

void TestHawkbitCompat::auditFieldsNameWhoAndWhen()
{
    HttpClient &api = admin();
    const QJsonObject set = api.get(u"/distributionsets/1"_s).json();
    QCOMPARE(set["createdBy"_L1].toString(), u"admin"_s);
    QCOMPARE(set["lastModifiedBy"_L1].toString(), u"admin"_s);
    QVERIFY(set["createdAt"_L1].toDouble() > 0);
    // A change by another operator: lastModified* move, created* stay.
    QVERIFY(m_server->accounts().createUser(u"olga"_s, u"olga-password"_s, { u"operator"_s }));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    m_client->setAuthorization("Basic " + QByteArray("olga:olga-password").toBase64());
    QCOMPARE(m_client->put(u"/targets/c-2"_s, R"({"description":"moved to rack 4"})").status, 200);
    const QJsonObject target = admin().get(u"/targets/c-2"_s).json();
    QCOMPARE(target["createdBy"_L1].toString(), u"admin"_s);
    QCOMPARE(target["lastModifiedBy"_L1].toString(), u"olga"_s);
    QVERIFY(target["lastModifiedAt"_L1].toDouble() >= double(before));
    QVERIFY(target["createdAt"_L1].toDouble() <= target["lastModifiedAt"_L1].toDouble());
    // A list answers the same as the single resource.
    const QJsonArray page = admin().get(u"/targets?q=controllerId==c-2"_s).json()["content"_L1].toArray();
    QCOMPARE(page[0]["lastModifiedBy"_L1].toString(), u"olga"_s);
    // A target that registered itself over the DDI (gateway token): hawkBit's plug-and-play creator.
    HttpClient ddi(m_server->url() + u"/DEFAULT/controller/v1"_s);
    ddi.setAuthorization("GatewayToken configured-gateway-key");
    QCOMPARE(ddi.get(u"/self-made"_s).status, 200);
    QCOMPARE(admin().get(u"/targets/self-made"_s).json()["createdBy"_L1].toString(), u"CONTROLLER_PLUG_AND_PLAY"_s);
    QCOMPARE(admin().get(u"/rollouts/1"_s).json()["createdBy"_L1].toString(), u"admin"_s);
}

void TestHawkbitCompat::targetTypeById()
{
    HttpClient &api = admin();
    QCOMPARE(
        api.post(u"/targettypes"_s, R"([{"key":"cam","name":"Camera","compatibledistributionsettypes":["os_set"]}])")
            .status,
        201);
    const QJsonArray types = api.get(u"/targettypes"_s).json()["content"_L1].toArray();
    const auto cam
        = std::find_if(types.begin(), types.end(), [](const QJsonValue &t) { return t["key"_L1] == u"cam"_s; });
    QVERIFY(cam != types.end());
    const int camId = (*cam)["id"_L1].toInt();
    QCOMPARE((*cam)["createdBy"_L1].toString(), u"admin"_s);
    // hawkBit's MgmtTargetRequestBody names the type by id; the answer gives the id and targetTypeName.
    QCOMPARE(api.post(u"/targets"_s, u"[{\"controllerId\":\"cam-9\",\"targetType\":%1}]"_s.arg(camId).toUtf8()).status,
             201);
    QJsonObject t = api.get(u"/targets/cam-9"_s).json();
    QCOMPARE(t["targetType"_L1].toInt(), camId);
    QCOMPARE(t["targetTypeName"_L1].toString(), u"Camera"_s);
    QCOMPARE(api.put(u"/targets/cam-9"_s, R"({"targetType":null})").status, 200);
    QVERIFY(!api.get(u"/targets/cam-9"_s).json().contains("targetType"_L1));
    QCOMPARE(api.put(u"/targets/cam-9"_s, u"{\"targetType\":%1}"_s.arg(camId).toUtf8()).status, 200);
    QCOMPARE(api.get(u"/targets/cam-9"_s).json()["targetTypeName"_L1].toString(), u"Camera"_s);
    QCOMPARE(api.put(u"/targets/cam-9"_s, R"({"targetType":9999})").status, 404);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"cam-10","targetType":9999}])").status, 404);
}

// hawkBit's PUT on types (description, colour; a target type's name too), a set type's module types and a
// target type's set types changed one by one, and the set type read-only once sets use it.
void TestHawkbitCompat::typesAsHawkbitChangesThem()
{
    HttpClient &api = admin();
    const int osType = m_resources.value(u"moduletype"_s)["id"_L1].toInt();
    HttpAnswer a
        = api.put(u"/softwaremoduletypes/%1"_s.arg(osType), R"({"description":"Yocto images","colour":"red"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["description"_L1].toString(), u"Yocto images"_s);
    QCOMPARE(a.json()["colour"_L1].toString(), u"red"_s);
    QCOMPARE(a.json()["key"_L1].toString(), u"os"_s); // the key stays
    QCOMPARE(api.get(u"/softwaremoduletypes/os"_s).json()["colour"_L1].toString(), u"red"_s);
    QCOMPARE(api.put(u"/softwaremoduletypes/%1"_s.arg(osType), R"({"colour":"#0123456789abcdefXYZ"})").status, 400);
    QCOMPARE(api.put(u"/softwaremoduletypes/9999"_s, R"({"colour":"red"})").status, 404);
    QCOMPARE(api.put(u"/distributionsettypes/os_set"_s, R"({"description":"images"})").json()["description"_L1],
             u"images"_s);
    // A module type for apps; a fresh set type takes it as optional, then mandatory, then not at all.
    QCOMPARE(api.post(u"/softwaremoduletypes"_s, R"([{"key":"app","name":"App","maxAssignments":5}])").status, 201);
    const int appType = api.get(u"/softwaremoduletypes/app"_s).json()["id"_L1].toInt();
    a = api.post(u"/distributionsettypes"_s, R"([{"key":"bare","name":"Bare"}])");
    QCOMPARE(a.status, 201);
    const int bare = a.jsonArray()[0]["id"_L1].toInt();
    const QByteArray appRef = u"{\"id\":%1}"_s.arg(appType).toUtf8();
    QCOMPARE(api.post(u"/distributionsettypes/%1/optionalmoduletypes"_s.arg(bare), appRef).status, 200);
    QCOMPARE(api.get(u"/distributionsettypes/%1/optionalmoduletypes/%2"_s.arg(bare).arg(appType)).status, 200);
    QCOMPARE(api.get(u"/distributionsettypes/%1/mandatorymoduletypes/%2"_s.arg(bare).arg(appType)).status, 404);
    QCOMPARE(api.post(u"/distributionsettypes/%1/mandatorymoduletypes"_s.arg(bare), appRef).status, 200);
    QJsonObject t = api.get(u"/distributionsettypes/%1"_s.arg(bare)).json();
    QCOMPARE(t["mandatorymodules"_L1].toArray(), QJsonArray { u"app"_s });
    QCOMPARE(t["optionalmodules"_L1].toArray(), QJsonArray()); // moved, not doubled
    QCOMPARE(api.post(u"/distributionsettypes/%1/mandatorymoduletypes"_s.arg(bare), R"({"id":9999})").status, 404);
    QCOMPARE(api.send("DELETE", u"/distributionsettypes/%1/mandatorymoduletypes/%2"_s.arg(bare).arg(appType)).status,
             204);
    QCOMPARE(api.send("DELETE", u"/distributionsettypes/%1/mandatorymoduletypes/%2"_s.arg(bare).arg(appType)).status,
             404);
    QCOMPARE(api.get(u"/distributionsettypes/%1"_s.arg(bare)).json()["mandatorymodules"_L1].toArray(), QJsonArray());
    // os_set is used by set 1: its content is read-only, as in hawkBit (403 entityReadOnly).
    a = api.post(u"/distributionsettypes/os_set/optionalmoduletypes"_s, appRef);
    QCOMPARE(a.status, 403);
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"hawkbit.server.error.entityReadOnly"_s);
    QCOMPARE(api.get(u"/distributionsettypes/os_set"_s).json()["optionalmodules"_L1].toArray(), QJsonArray());

    // A target type: by id, renamed, its set types added and removed by id.
    const int gateway = m_resources.value(u"targettype"_s)["id"_L1].toInt();
    QCOMPARE(m_resources.value(u"targettype"_s)["key"_L1].toString(), u"Gateway"_s); // no key given: the name
    a = api.put(u"/targettypes/%1"_s.arg(gateway), R"({"name":"Edge gateway","colour":"#000000"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["name"_L1].toString(), u"Edge gateway"_s);
    QCOMPARE(a.json()["description"_L1].toString(), u"edge box"_s); // not sent: kept
    QCOMPARE(api.put(u"/targettypes/%1"_s.arg(gateway), R"({"name":""})").status, 400);
    QJsonArray compatible = api.get(u"/targettypes/%1/compatibledistributionsettypes"_s.arg(gateway)).jsonArray();
    QCOMPARE(compatible.size(), 1);
    QCOMPARE(compatible[0]["key"_L1].toString(), u"os_set"_s);
    QCOMPARE(api.post(u"/targettypes/%1/compatibledistributionsettypes"_s.arg(gateway),
                      u"[{\"id\":%1}]"_s.arg(bare).toUtf8())
                 .status,
             200);
    compatible = api.get(u"/targettypes/%1/compatibledistributionsettypes"_s.arg(gateway)).jsonArray();
    QCOMPARE(compatible.size(), 2);
    QCOMPARE(api.post(u"/targettypes/%1/compatibledistributionsettypes"_s.arg(gateway), R"([{"id":9999}])").status,
             404);
    QCOMPARE(api.send("DELETE", u"/targettypes/%1/compatibledistributionsettypes/%2"_s.arg(gateway).arg(bare)).status,
             204);
    QCOMPARE(api.get(u"/targettypes/%1"_s.arg(gateway)).json()["compatibledistributionsettypes"_L1].toArray(),
             QJsonArray { u"os_set"_s });
    QCOMPARE(api.send("DELETE", u"/targettypes/%1/compatibledistributionsettypes/%2"_s.arg(gateway).arg(bare)).status,
             404);
    QCOMPARE(api.get(u"/targettypes/9999"_s).status, 404);
    QCOMPARE(api.post(u"/targettypes"_s, R"([{"name":"X","compatibledistributionsettypes":[{"id":9999}]}])").status,
             404);
}

// hawkBit's minArtifacts: a set whose module has fewer artifacts than its type asks for is not complete and
// cannot be assigned.
void TestHawkbitCompat::minArtifactsKeepASetIncomplete()
{
    HttpClient &api = admin();
    QCOMPARE(
        api.post(u"/softwaremoduletypes"_s, R"([{"key":"img","name":"Image","maxAssignments":1,"minArtifacts":1}])")
            .status,
        201);
    QCOMPARE(api.get(u"/softwaremoduletypes/img"_s).json()["minArtifacts"_L1].toInt(), 1);
    QCOMPARE(api.post(u"/softwaremoduletypes"_s, R"([{"key":"neg","name":"N","minArtifacts":-1}])").status, 400);
    QCOMPARE(api.post(u"/distributionsettypes"_s, R"([{"key":"img_set","name":"Images","mandatorymodules":["img"]}])")
                 .status,
             201);
    HttpAnswer a = api.post(u"/softwaremodules"_s, R"([{"type":"img","name":"rootfs","version":"2"}])");
    QCOMPARE(a.status, 201);
    const int module = a.jsonArray()[0]["id"_L1].toInt();
    a = api.post(
        u"/distributionsets"_s,
        u"[{\"name\":\"imgset\",\"version\":\"2\",\"type\":\"img_set\",\"modules\":[{\"id\":%1}]}]"_s.arg(module)
            .toUtf8());
    QCOMPARE(a.status, 201);
    const int set = a.jsonArray()[0]["id"_L1].toInt();
    QCOMPARE(api.get(u"/distributionsets/%1"_s.arg(set)).json()["complete"_L1].toBool(), false);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"img-1"}])").status, 201);
    a = api.post(u"/distributionsets/%1/assignedTargets"_s.arg(set), R"([{"id":"img-1"}])");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"hawkbit.server.error.distributionset.incomplete"_s);
    QVERIFY2(a.json()["message"_L1].toString().contains(u"rootfs 2 has 0 of the 1 artifacts"_s),
             qPrintable(a.json()["message"_L1].toString()));
}

// hawkBit's MgmtAction.lastStatusCode: the code of the newest feedback that carried one; absent before any.
void TestHawkbitCompat::lastStatusCodeOfAnAction()
{
    HttpClient &api = admin();
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"coded"}])").status, 201);
    QCOMPARE(api.post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"coded"}])").status, 200);
    const int action = api.get(u"/targets/coded/actions"_s).json()["content"_L1][0]["id"_L1].toInt();
    QVERIFY(action > 0);
    QVERIFY(!api.get(u"/targets/coded/actions/%1"_s.arg(action)).json().contains("lastStatusCode"_L1));
    HttpClient ddi(m_server->url() + u"/DEFAULT/controller/v1"_s);
    ddi.setAuthorization("TargetToken " + api.get(u"/targets/coded"_s).json()["securityToken"_L1].toString().toUtf8());
    const QString feedback = u"/coded/deploymentBase/%1/feedback"_s.arg(action);
    QCOMPARE(
        ddi.post(feedback, R"({"status":{"execution":"proceeding","result":{"finished":"none"},"code":12}})").status,
        200);
    QCOMPARE(ddi.post(feedback, R"({"status":{"execution":"proceeding","result":{"finished":"none"}}})").status,
             200); // no code: the last one stands
    QCOMPARE(api.get(u"/targets/coded/actions/%1"_s.arg(action)).json()["lastStatusCode"_L1].toInt(), 12);
    QCOMPARE(
        ddi.post(feedback, R"({"status":{"execution":"closed","result":{"finished":"failure"},"code":-3}})").status,
        200);
    QCOMPARE(api.get(u"/targets/coded/actions"_s).json()["content"_L1][0]["lastStatusCode"_L1].toInt(), -3);
    const QJsonArray all = api.get(u"/actions?q=target.controllerId==coded"_s).json()["content"_L1].toArray();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0]["lastStatusCode"_L1].toInt(), -3);
}

// hawkBit's target groups (MgmtTargetGroupRestApi and the target's group field): joined by list or RSQL, listed
// with or without subgroups, left by list or RSQL, and a field RSQL filters on.
void TestHawkbitCompat::targetGroups()
{
    HttpClient &api = admin();
    const QByteArray targets = R"([{"controllerId":"g-1","group":"Europe"},{"controllerId":"g-2"},)"
                               R"({"controllerId":"g-3"},{"controllerId":"g-4"}])";
    QCOMPARE(api.post(u"/targets"_s, targets).status, 201);
    QCOMPARE(api.get(u"/targets/g-1"_s).json()["group"_L1].toString(), u"Europe"_s);
    QCOMPARE(api.post(u"/targets"_s, "[{\"controllerId\":\"g-x\",\"group\":\"Europe//East\"}]").status, 400);
    QCOMPARE(api.put(u"/targets/g-2"_s, R"({"group":"Europe/East"})").status, 200);
    QCOMPARE(api.put(u"/targetgroups/Asia/assigned"_s, R"(["g-3"])").status, 204);
    QCOMPARE(api.put(u"/targetgroups/assigned?group=Europe/East/Berlin"_s, R"(["g-4"])").status, 204);
    QCOMPARE(api.put(u"/targetgroups/Asia/assigned"_s, R"(["g-4","nobody"])").status, 404);
    QCOMPARE(api.get(u"/targets/g-4"_s).json()["group"_L1].toString(), u"Europe/East/Berlin"_s); // unchanged
    QCOMPARE(api.get(u"/targetgroups"_s).jsonArray(),
             (QJsonArray { u"Asia"_s, u"Europe"_s, u"Europe/East"_s, u"Europe/East/Berlin"_s }));

    auto members = [&](const QString &path) {
        QStringList ids;
        const HttpAnswer a = api.get(path);
        for (const QJsonValue &t : a.json()["content"_L1].toArray())
            ids << t["controllerId"_L1].toString();
        return ids;
    };
    QCOMPARE(members(u"/targetgroups/Europe/assigned"_s), QStringList { u"g-1"_s });
    QCOMPARE(members(u"/targetgroups/assigned?group=Europe/East"_s), QStringList { u"g-2"_s });
    QCOMPARE(members(u"/targetgroups/assigned?group=Europe&subgroups=true&sort=controllerId:DESC"_s),
             (QStringList { u"g-4"_s, u"g-2"_s, u"g-1"_s }));
    QCOMPARE(api.get(u"/targetgroups/assigned?group=Europe&subgroups=true&limit=1"_s).json()["total"_L1].toInt(), 3);
    QCOMPARE(members(u"/targets?q=group==Europe*"_s), (QStringList { u"g-1"_s, u"g-2"_s, u"g-4"_s }));
    QCOMPARE(api.get(u"/targetgroups/assigned"_s).status, 400); // no group

    // By RSQL: the Asia target and g-1 move to Africa; then Europe's subgroups leave theirs.
    QCOMPARE(api.put(u"/targetgroups/Africa?q=controllerId=in=(g-1,g-3)"_s, QByteArray()).status, 204);
    QCOMPARE(members(u"/targetgroups/Africa/assigned"_s), (QStringList { u"g-1"_s, u"g-3"_s }));
    QCOMPARE(api.put(u"/targetgroups/Africa"_s, QByteArray()).status, 400); // q is required
    QCOMPARE(api.put(u"/targetgroups/Africa?q=nosuchfield==1"_s, QByteArray()).status, 400);
    QCOMPARE(api.put(u"/targetgroups?group=Africa/North&q=controllerId==g-3"_s, QByteArray()).status, 204);
    QCOMPARE(api.get(u"/targets/g-3"_s).json()["group"_L1].toString(), u"Africa/North"_s);
    QCOMPARE(api.send("DELETE", u"/targetgroups?q=group==Europe/*"_s).status, 204);
    QVERIFY(!api.get(u"/targets/g-2"_s).json().contains("group"_L1));
    QVERIFY(!api.get(u"/targets/g-4"_s).json().contains("group"_L1));
    QCOMPARE(api.send("DELETE", u"/targetgroups/assigned"_s, R"(["g-1"])").status, 204);
    QVERIFY(!api.get(u"/targets/g-1"_s).json().contains("group"_L1));
    QCOMPARE(api.get(u"/targetgroups"_s).jsonArray(), (QJsonArray { u"Africa/North"_s }));
    QCOMPARE(api.get(u"/targets/g-3"_s).json()["lastModifiedBy"_L1].toString(), u"admin"_s);
}

// hawkBit's /autoassignments: refused bodies, a start time, start / pause / resume and what each does to the
// targets the query matches, listing with q and sort, PUT, DELETE and statistics.
void TestHawkbitCompat::autoAssignments()
{
    HttpClient &api = admin();
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"aa-1"},{"controllerId":"aa-2"}])").status, 201);
    auto create = [&](const QByteArray &body) {
        return api.post(u"/autoassignments"_s, body);
    };
    const QByteArray timeforced = R"({"name":"x","targetFilterQuery":"controllerId==aa-*","distributionSetId":1,)"
                                  R"("actionType":"timeforced"})";
    HttpAnswer a = create(timeforced);
    QCOMPARE(a.status, 400);
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"hawkbit.server.error.repo.invalidAutoAssignActionType"_s);
    QCOMPARE(create(R"({"name":"x","targetFilterQuery":"controllerId==aa-*","distributionSetId":9999})").status, 404);
    QCOMPARE(create(R"({"name":"x","distributionSetId":1})").status, 400);
    QCOMPARE(create(R"({"name":"x","targetFilterQuery":"nosuch==1","distributionSetId":1})").status, 400);
    QCOMPARE(create(R"({"targetFilterQuery":"controllerId==aa-*","distributionSetId":1})").status, 400);
    QCOMPARE(create(R"({"name":"later","targetFilterQuery":"controllerId==aa-*","distributionSetId":1})").status,
             409); // the fixture's name

    // A start time far ahead: ready, and nothing is assigned until the operator starts it.
    const QByteArray body = R"({"name":"aa","targetFilterQuery":"controllerId==aa-*","distributionSetId":1,)"
                            R"("startAt":4102444800000,"actionType":"soft","weight":700})";
    a = create(body);
    QCOMPARE(a.status, 201);
    const int id = a.json()["id"_L1].toInt();
    QCOMPARE(a.json()["status"_L1].toString(), u"ready"_s);
    const QString self = u"/autoassignments/%1"_s.arg(id);
    auto actions = [&](const QString &target) {
        return api.get(u"/targets/%1/actions"_s.arg(target)).json()["total"_L1].toInt();
    };
    QTest::qWait(2500); // longer than one auto-assignment tick
    QCOMPARE(actions(u"aa-1"_s), 0);
    QCOMPARE(api.post(self + u"/pause"_s, {}).status, 409); // not running
    QCOMPARE(api.post(self + u"/approve"_s, {}).json()["errorCode"_L1].toString(),
             u"hawkbit.server.error.auto.assignment.illegalState"_s);
    QCOMPARE(api.post(self + u"/start"_s, {}).status, 204);
    QCOMPARE(api.get(self).json()["status"_L1].toString(), u"running"_s);
    QCOMPARE(api.post(self + u"/start"_s, {}).status, 409);
    QTRY_COMPARE_WITH_TIMEOUT(actions(u"aa-1"_s), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(actions(u"aa-2"_s), 1, 10000);
    const QJsonObject action = api.get(u"/targets/aa-1/actions"_s).json()["content"_L1][0].toObject();
    QCOMPARE(action["forceType"_L1].toString(), u"soft"_s);
    QCOMPARE(action["weight"_L1].toInt(), 700);

    // Paused: a new match waits; resumed: it gets the set.
    QCOMPARE(api.post(self + u"/pause"_s, {}).status, 204);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"aa-3"}])").status, 201);
    QTest::qWait(2500);
    QCOMPARE(actions(u"aa-3"_s), 0);
    QCOMPARE(api.post(self + u"/resume"_s, {}).status, 204);
    QTRY_COMPARE_WITH_TIMEOUT(actions(u"aa-3"_s), 1, 10000);

    // Listing with q and sort; PUT renames; DELETE leaves the actions.
    QJsonArray list = api.get(u"/autoassignments?q=status==running"_s).json()["content"_L1].toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0]["name"_L1].toString(), u"aa"_s);
    list = api.get(u"/autoassignments?sort=name:DESC&q=distributionSet.name==fw"_s).json()["content"_L1].toArray();
    QVERIFY(list.size() >= 2);
    QCOMPARE(list[0]["name"_L1].toString(), u"later"_s);
    QCOMPARE(api.get(u"/autoassignments?q=actionType==soft"_s).json()["total"_L1].toInt(), 1);
    QCOMPARE(api.get(u"/autoassignments?sort=nosuch:ASC"_s).status, 400);
    QCOMPARE(api.put(self, R"({"name":"later"})").status, 409);
    a = api.put(self, R"({"name":"aa renamed","description":"all aa targets"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["name"_L1].toString(), u"aa renamed"_s);
    QCOMPARE(a.json()["targetFilterQuery"_L1].toString(), u"controllerId==aa-*"_s); // stays
    QCOMPARE(a.json()["lastModifiedBy"_L1].toString(), u"admin"_s);
    const int before
        = api.get(u"/distributionsets/1/statistics/autoassignments"_s).json()["totalAutoAssignments"_L1].toInt();
    QVERIFY(before >= 2); // the fixture's and this one
    QCOMPARE(api.send("DELETE", self).status, 204);
    QCOMPARE(api.get(self).status, 404);
    QCOMPARE(api.get(u"/distributionsets/1/statistics/autoassignments"_s).json()["totalAutoAssignments"_L1].toInt(),
             before - 1);
    QCOMPARE(actions(u"aa-1"_s), 1);
    QCOMPARE(api.get(u"/autoassignments/abc"_s).status, 404);
}

// auto.assignment.approval.enabled: new auto-assignments wait; approved they run without a start time, denied
// they never do; the decision names who took it and why.
void TestHawkbitCompat::autoAssignmentApproval()
{
    HttpClient &api = admin();
    QCOMPARE(api.put(u"/system/configs/auto.assignment.approval.enabled"_s, R"({"value":true})").status, 200);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"ap-1"}])").status, 201);
    HttpAnswer a = api.post(u"/autoassignments"_s,
                            R"({"name":"ap","targetFilterQuery":"controllerId==ap-1","distributionSetId":1})");
    QCOMPARE(a.status, 201);
    QCOMPARE(a.json()["status"_L1].toString(), u"waiting_for_approval"_s);
    const QString ap = u"/autoassignments/%1"_s.arg(a.json()["id"_L1].toInt());
    a = api.post(u"/autoassignments"_s,
                 R"({"name":"no","targetFilterQuery":"controllerId==ap-1","distributionSetId":1})");
    const QString no = u"/autoassignments/%1"_s.arg(a.json()["id"_L1].toInt());
    QCOMPARE(api.put(u"/system/configs/auto.assignment.approval.enabled"_s, R"({"value":false})").status, 200);
    QCOMPARE(api.post(ap + u"/start"_s, {}).status, 409);
    QTest::qWait(2500);
    QCOMPARE(api.get(u"/targets/ap-1/actions"_s).json()["total"_L1].toInt(), 0);
    QCOMPARE(api.post(no + u"/deny?remark=not%20now"_s, {}).status, 204);
    const QJsonObject denied = api.get(no).json();
    QCOMPARE(denied["status"_L1].toString(), u"approval_denied"_s);
    QCOMPARE(denied["approvalRemark"_L1].toString(), u"not now"_s);
    QCOMPARE(api.post(no + u"/approve"_s, {}).status, 409);
    QCOMPARE(api.post(ap + u"/approve?remark=go"_s, {}).status, 204);
    const QJsonObject approved = api.get(ap).json();
    QCOMPARE(approved["approvalDecidedBy"_L1].toString(), u"admin"_s);
    QCOMPARE(approved["approvalRemark"_L1].toString(), u"go"_s);
    QTRY_COMPARE_WITH_TIMEOUT(api.get(ap).json()["status"_L1].toString(), u"running"_s, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(api.get(u"/targets/ap-1/actions"_s).json()["total"_L1].toInt(), 1, 10000);
    QCOMPARE(api.get(no).json()["status"_L1].toString(), u"approval_denied"_s);
    // Deciding is the approver's: an operator reads it but cannot approve.
    QCOMPARE(api.post(u"/users"_s, R"({"username":"op-aa","password":"op-aa-password","roles":["operator"]})").status,
             201);
    HttpClient op(m_server->url() + u"/rest/v1"_s);
    op.setAuthorization("Basic " + QByteArray("op-aa:op-aa-password").toBase64());
    QCOMPARE(op.post(no + u"/approve"_s, {}).status, 403);
    QCOMPARE(op.get(no).status, 200);
}

void TestHawkbitCompat::updatesAsHawkbitTakesThem()
{
    HttpClient &api = admin();
    // MgmtSoftwareModuleRequestBodyPut: description, vendor. A module is locked with its set (set 1 is assigned).
    HttpAnswer a = api.put(u"/softwaremodules/1"_s, R"({"description":"kernel","vendor":"ACME"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["vendor"_L1].toString(), u"ACME"_s);
    QCOMPARE(a.json()["locked"_L1].toBool(), true);
    QCOMPARE(a.json()["typeName"_L1].toString(), u"OS"_s);
    QCOMPARE(api.get(u"/softwaremodules/1"_s).json()["description"_L1].toString(), u"kernel"_s);
    QCOMPARE(api.put(u"/softwaremodules/1"_s, R"({"locked":true})").status, 400);
    QCOMPARE(api.put(u"/softwaremodules/999"_s, R"({"vendor":"x"})").status, 404);
    // MgmtDistributionSetRequestBodyPut: name, description, version, requiredMigrationStep, locked.
    a = api.put(u"/distributionsets/1"_s, R"({"description":"first release","requiredMigrationStep":true})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["description"_L1].toString(), u"first release"_s);
    QCOMPARE(a.json()["requiredMigrationStep"_L1].toBool(), true);
    QCOMPARE(a.json()["typeName"_L1].toString(), u"OS set"_s);
    QCOMPARE(api.put(u"/distributionsets/1"_s, R"({"locked":false})").status, 423); // a lock is not undone
    const HttpAnswer created
        = api.post(u"/distributionsets"_s, R"([{"name":"fw","version":"2","type":"os_set","description":"second"}])");
    QCOMPARE(created.jsonArray()[0]["description"_L1].toString(), u"second"_s);
    QCOMPARE(api.put(u"/distributionsets/1"_s, R"({"version":"2"})").status, 409); // fw 2 exists
    const QJsonObject second = api.get(u"/distributionsets?q=version==2"_s).json()["content"_L1][0].toObject();
    QCOMPARE(second["locked"_L1].toBool(), false);
    QCOMPARE(api.put(u"/distributionsets/%1"_s.arg(second["id"_L1].toInt()), R"({"locked":true})")
                 .json()["locked"_L1]
                 .toBool(),
             true);
    // MgmtRolloutRestRequestBodyPut: name, description.
    a = api.put(u"/rollouts/1"_s, R"({"name":"r1 renamed","description":"the canary run"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["name"_L1].toString(), u"r1 renamed"_s);
    QCOMPARE(api.get(u"/rollouts/1"_s).json()["description"_L1].toString(), u"the canary run"_s);
    QCOMPARE(api.put(u"/rollouts/1"_s, R"({"name":"needs-approval"})").status, 409);
    QCOMPARE(api.put(u"/rollouts/1"_s, R"({"name":"r1"})").status, 200);
}

void TestHawkbitCompat::metadata_data()
{
    QTest::addColumn<QString>("owner");
    QTest::addColumn<bool>("module");
    QTest::newRow("target") << u"/targets/c-3"_s << false;
    QTest::newRow("software module") << u"/softwaremodules/1"_s << true;
    QTest::newRow("distribution set") << u"/distributionsets/1"_s << false;
}

void TestHawkbitCompat::metadata()
{
    QFETCH(QString, owner);
    QFETCH(bool, module);
    HttpClient &api = admin();
    const QString list = owner + u"/metadata"_s;
    HttpAnswer a = api.post(list, R"([{"key":"site","value":"Berlin"},{"key":"rack","value":"4"}])");
    QCOMPARE(a.status, 201);
    QCOMPARE(api.get(list).json()["total"_L1].toInt(), 2);
    QCOMPARE(api.get(list + u"/site"_s).json()["value"_L1].toString(), u"Berlin"_s);
    QCOMPARE(api.get(list + u"/site"_s).json().contains("targetVisible"_L1), module);
    QCOMPARE(api.put(list + u"/site"_s, R"({"value":"Hamburg"})").status, 204); // hawkBit 0.10's answer
    QCOMPARE(api.get(list + u"/site"_s).json()["value"_L1].toString(), u"Hamburg"_s);
    QCOMPARE(api.post(list, R"([{"key":"site","value":"again"}])").status, 409);
    QCOMPARE(api.get(list + u"/site"_s).json()["value"_L1].toString(), u"Hamburg"_s); // nothing overwritten
    QCOMPARE(api.post(list, R"([{"key":"","value":"x"}])").status, 400);
    QCOMPARE(api.post(list, u"[{\"key\":\"%1\",\"value\":\"x\"}]"_s.arg(QString(129, u'k')).toUtf8()).status, 400);
    QCOMPARE(api.post(list, R"([{"key":"shown","value":"x","targetVisible":true}])").status, module ? 201 : 400);
    QCOMPARE(api.send("DELETE", list + u"/site"_s).status, 204);
    QCOMPARE(api.get(list + u"/site"_s).status, 404);
    QCOMPARE(api.send("DELETE", list + u"/site"_s).status, 404);
    QCOMPARE(api.put(list + u"/nothing"_s, R"({"value":"x"})").status, 404);
    QCOMPARE(api.send("DELETE", list + u"/rack"_s).status, 204);
    if (module)
        QCOMPARE(api.send("DELETE", list + u"/shown"_s).status, 204);
    QCOMPARE(api.get(list).json()["total"_L1].toInt(), 0);
    QCOMPARE(api.get(owner.section(u'/', 0, 1) + u"/999999/metadata"_s).status, 404);
}

// hawkBit shows a module's targetVisible metadata to the device in the deployment's chunk.
void TestHawkbitCompat::moduleMetadataReachesTheDevice()
{
    HttpClient &api = admin();
    QCOMPARE(api.post(u"/softwaremodules/1/metadata"_s,
                      R"([{"key":"install-hint","value":"reboot twice","targetVisible":true},
                          {"key":"internal","value":"not for devices"}])")
                 .status,
             201);
    HttpClient ddi(m_server->url() + u"/DEFAULT/controller/v1"_s);
    ddi.setAuthorization("GatewayToken configured-gateway-key");
    const QString deployment = ddi.get(u"/solo"_s).link(u"deploymentBase"_s);
    QVERIFY(!deployment.isEmpty());
    const QJsonArray chunks
        = ddi.get(deployment.mid(deployment.indexOf(u"/solo/"_s))).json()["deployment"_L1]["chunks"_L1].toArray();
    QCOMPARE(chunks.size(), 1);
    const QJsonArray metadata = chunks[0]["metadata"_L1].toArray();
    QCOMPARE(metadata.size(), 1);
    QCOMPARE(metadata[0]["key"_L1].toString(), u"install-hint"_s);
    QCOMPARE(metadata[0]["value"_L1].toString(), u"reboot twice"_s);
}

// hawkBit's MgmtDistributionSetTagRestApi: the same shape as target tags, for sets.
void TestHawkbitCompat::distributionSetTags()
{
    HttpClient &api = admin();
    HttpAnswer a
        = api.post(u"/distributionsettags"_s, R"([{"name":"Stable","description":"field tested","colour":"#0a0"}])");
    QCOMPARE(a.status, 201);
    const int tag = a.jsonArray()[0]["id"_L1].toInt();
    QCOMPARE(a.jsonArray()[0]["createdBy"_L1].toString(), u"admin"_s);
    QCOMPARE(api.post(u"/distributionsettags"_s, R"([{"name":"Stable"}])").status, 409);
    QCOMPARE(api.get(u"/distributionsettags/%1"_s.arg(tag)).json()["description"_L1].toString(), u"field tested"_s);
    // Target tags and set tags are apart: the target tag list does not show it.
    for (const QJsonValue &t : api.get(u"/targettags"_s).json()["content"_L1].toArray())
        QVERIFY(t["name"_L1].toString() != u"Stable"_s);
    // Tag by hawkBit 0.10's list of ids, by one id in the path; list, then a set's own tags (a plain list).
    QCOMPARE(api.post(u"/distributionsettags/%1/assigned"_s.arg(tag), "[1]").status, 204);
    QCOMPARE(api.post(u"/distributionsettags/%1/assigned/2"_s.arg(tag), {}).status, 204);
    const QJsonObject assigned = api.get(u"/distributionsettags/%1/assigned"_s.arg(tag)).json();
    QCOMPARE(assigned["total"_L1].toInt(), 2);
    QCOMPARE(assigned["content"_L1][0]["typeName"_L1].toString(), u"OS set"_s);
    const HttpAnswer ofSet = api.get(u"/distributionsets/1/tags"_s);
    QCOMPARE(ofSet.status, 200);
    QCOMPARE(ofSet.jsonArray().size(), 1);
    QCOMPARE(ofSet.jsonArray()[0]["name"_L1].toString(), u"Stable"_s);
    QCOMPARE(api.post(u"/distributionsettags/%1/assigned"_s.arg(tag), "[9999]").status, 404);
    // Untag by list and by path; PUT changes the tag; DELETE removes it and leaves the sets.
    QCOMPARE(api.send("DELETE", u"/distributionsettags/%1/assigned"_s.arg(tag), "[1]").status, 204);
    QCOMPARE(api.send("DELETE", u"/distributionsettags/%1/assigned/2"_s.arg(tag)).status, 204);
    QCOMPARE(api.get(u"/distributionsettags/%1/assigned"_s.arg(tag)).json()["total"_L1].toInt(), 0);
    QCOMPARE(api.put(u"/distributionsettags/%1"_s.arg(tag), R"({"name":"LTS"})").json()["name"_L1].toString(),
             u"LTS"_s);
    QCOMPARE(api.post(u"/distributionsettags/%1/assigned"_s.arg(tag), "[1]").status, 204);
    QCOMPARE(api.send("DELETE", u"/distributionsettags/%1"_s.arg(tag)).status, 204);
    QCOMPARE(api.get(u"/distributionsettags/%1"_s.arg(tag)).status, 404);
    QCOMPARE(api.get(u"/distributionsets/1"_s).status, 200);
    QCOMPARE(api.get(u"/distributionsets/1/tags"_s).jsonArray().size(), 0);
}

// hawkBit's MgmtUserInfo: who the credentials belong to, and what they may do.
void TestHawkbitCompat::userInfo()
{
    QJsonObject me = admin().get(u"/userinfo"_s).json();
    QCOMPARE(me["tenant"_L1].toString(), u"DEFAULT"_s);
    QCOMPARE(me["username"_L1].toString(), u"admin"_s);
    QVERIFY(me["permissions"_L1].toArray().contains(u"TENANT_CONFIGURATION"_s));
    m_client->setAuthorization("Basic " + QByteArray("olga:olga-password").toBase64()); // an operator
    me = m_client->get(u"/userinfo"_s).json();
    QCOMPARE(me["username"_L1].toString(), u"olga"_s);
    QVERIFY(me["permissions"_L1].toArray().contains(u"CREATE_TARGET"_s));
    QVERIFY(!me["permissions"_L1].toArray().contains(u"TENANT_CONFIGURATION"_s));
    m_client->setAuthorization({});
    QCOMPARE(m_client->get(u"/userinfo"_s).status, 401);
}

// hawkBit's MgmtTargetFilterQueryRestApi: saved queries.
void TestHawkbitCompat::targetFilters()
{
    HttpClient &api = admin();
    HttpAnswer a = api.post(u"/targetfilters"_s, R"({"name":"cameras","query":"controllerId==cam-*"})");
    QCOMPARE(a.status, 201);
    const int id = a.json()["id"_L1].toInt();
    QCOMPARE(a.json()["query"_L1].toString(), u"controllerId==cam-*"_s);
    QCOMPARE(a.json()["createdBy"_L1].toString(), u"admin"_s);
    QVERIFY(!a.json().contains("autoAssignDistributionSet"_L1));
    QCOMPARE(api.post(u"/targetfilters"_s, R"({"name":"cameras","query":"name==x"})").status, 409);
    a = api.post(u"/targetfilters"_s, R"({"name":"broken","query":"name=="})");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"hawkbit.server.error.rest.param.rsqlParamSyntax"_s);
    QCOMPARE(api.post(u"/targetfilters"_s, R"({"query":"name==x"})").status, 400);
    QCOMPARE(api.get(u"/targetfilters"_s).json()["total"_L1].toInt(), 1);
    a = api.put(u"/targetfilters/%1"_s.arg(id), R"({"query":"controllerId==cam-9"})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["name"_L1].toString(), u"cameras"_s);
    QCOMPARE(api.get(u"/targetfilters/%1"_s.arg(id)).json()["query"_L1].toString(), u"controllerId==cam-9"_s);
    QCOMPARE(api.get(u"/targetfilters/%1/autoAssignDS"_s.arg(id)).status, 204);
    const QJsonObject listed = api.get(u"/targetfilters"_s).json()["content"_L1][0].toObject();
    const QJsonObject properties
        = ManagementServer::openApi()["components"_L1]["schemas"_L1]["TargetFilter"_L1]["properties"_L1].toObject();
    for (auto it = listed.begin(); it != listed.end(); ++it)
        QVERIFY2(properties.contains(it.key()), qPrintable(it.key()));
    QCOMPARE(api.send("DELETE", u"/targetfilters/%1"_s.arg(id)).status, 204);
    QCOMPARE(api.get(u"/targetfilters/%1"_s.arg(id)).status, 404);
}

// A filter with an auto-assigned set: every target it matches, now or later, gets the set once.
void TestHawkbitCompat::autoAssignment()
{
    HttpClient &api = admin();
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"auto-1"},{"controllerId":"auto-2"}])").status, 201);
    const int id
        = api.post(u"/targetfilters"_s, R"({"name":"autos","query":"controllerId==auto-*"})").json()["id"_L1].toInt();
    const QString path = u"/targetfilters/%1/autoAssignDS"_s.arg(id);
    const HttpAnswer bad = api.post(path, R"({"id":1,"type":"timeforced"})");
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json()["errorCode"_L1].toString(), u"hawkbit.server.error.repo.invalidAutoAssignActionType"_s);
    QCOMPARE(api.post(path, R"({"id":9999,"type":"soft"})").status, 404);
    const HttpAnswer a = api.post(path, R"({"id":1,"type":"soft","weight":500,"confirmationRequired":false})");
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json()["autoAssignDistributionSet"_L1].toInt(), 1);
    QCOMPARE(a.json()["autoAssignActionType"_L1].toString(), u"soft"_s);
    QCOMPARE(a.json()["autoAssignWeight"_L1].toInt(), 500);
    QCOMPARE(api.get(path).json()["id"_L1].toInt(), 1);
    auto actions = [&](const QString &target) {
        return api.get(u"/targets/%1/actions"_s.arg(target)).json();
    };
    QTRY_COMPARE_WITH_TIMEOUT(actions(u"auto-1"_s)["total"_L1].toInt(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(actions(u"auto-2"_s)["total"_L1].toInt(), 1, 10000);
    const QJsonObject action = actions(u"auto-1"_s)["content"_L1][0].toObject();
    QCOMPARE(action["forceType"_L1].toString(), u"soft"_s);
    QCOMPARE(action["weight"_L1].toInt(), 500);
    // A target that comes to match later gets it too; a cancelled one is not assigned again.
    const int first = action["id"_L1].toInt();
    QCOMPARE(api.send("DELETE", u"/targets/auto-1/actions/%1"_s.arg(first)).status, 204);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"auto-3"}])").status, 201);
    QTRY_COMPARE_WITH_TIMEOUT(actions(u"auto-3"_s)["total"_L1].toInt(), 1, 10000);
    QCOMPARE(actions(u"auto-1"_s)["total"_L1].toInt(), 1);
    // Without the auto-assignment, new targets get nothing.
    QCOMPARE(api.send("DELETE", path).status, 204);
    QCOMPARE(api.get(path).status, 204);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"auto-4"}])").status, 201);
    QTest::qWait(2500); // longer than one auto-assignment tick
    QCOMPARE(actions(u"auto-4"_s)["total"_L1].toInt(), 0);
}

// hawkBit's POST /distributionsets/{id}/invalidate: the set is never assigned again; its open actions are
// cancelled (soft), closed at once (force) or left (none); its rollouts stop with a cancel or when asked.
void TestHawkbitCompat::invalidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("actionAfter"); // the open action's detailStatus afterwards
    QTest::addColumn<QString>("rolloutAfter");
    QTest::newRow("none") << R"({"actionCancelationType":"none"})"_ba << u"running"_s << u"running"_s;
    QTest::newRow("none, rollouts cancelled")
        << R"({"actionCancelationType":"none","cancelRollouts":true})"_ba << u"running"_s << u"stopped"_s;
    QTest::newRow("soft") << R"({"actionCancelationType":"soft"})"_ba << u"canceling"_s << u"stopped"_s;
    QTest::newRow("force") << R"({"actionCancelationType":"force"})"_ba << u"canceled"_s << u"stopped"_s;
}

void TestHawkbitCompat::invalidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, actionAfter);
    QFETCH(QString, rolloutAfter);
    static int round = 0;
    ++round;
    HttpClient &api = admin();
    // A set of its own per row, a target with an action the device has seen, and a running rollout.
    const QString version = u"inv-%1"_s.arg(round);
    const HttpAnswer created = api.post(
        u"/distributionsets"_s,
        u"[{\"name\":\"fw\",\"version\":\"%1\",\"type\":\"os_set\",\"modules\":[{\"id\":1}]}]"_s.arg(version).toUtf8());
    QCOMPARE(created.status, 201);
    const int set = created.jsonArray()[0]["id"_L1].toInt();
    const QString device = u"inv-dev-%1"_s.arg(round);
    QCOMPARE(api.post(u"/targets"_s, u"[{\"controllerId\":\"%1\"}]"_s.arg(device).toUtf8()).status, 201);
    const HttpAnswer assigned = api.post(u"/distributionsets/%1/assignedTargets"_s.arg(set),
                                         u"[{\"id\":\"%1\",\"type\":\"soft\"}]"_s.arg(device).toUtf8());
    QCOMPARE(assigned.status, 200);
    const int action = assigned.json()["assignedActions"_L1][0]["id"_L1].toInt();
    HttpClient ddi(m_server->url() + u"/DEFAULT/controller/v1"_s);
    ddi.setAuthorization("GatewayToken configured-gateway-key");
    const QString feedback = u"/%1/deploymentBase/%2/feedback"_s.arg(device).arg(action);
    QCOMPARE(ddi.post(feedback,
                      R"({"id":")" + QByteArray::number(action)
                          + R"(","status":{"execution":"proceeding","result":{"finished":"none"}}})")
                 .status,
             200);
    QCOMPARE(api.post(u"/targets"_s, u"[{\"controllerId\":\"inv-roll-%1\"}]"_s.arg(round).toUtf8()).status, 201);
    const int rollout = createRollout(
        u"{\"name\":\"inv-%1\",\"targetFilterQuery\":\"controllerId==inv-roll-%1\",\"distributionSetId\":%2,"
        "\"amountGroups\":1}"_s.arg(round)
            .arg(set)
            .toUtf8());
    QVERIFY(rollout > 0);
    QCOMPARE(api.post(u"/rollouts/%1/start"_s.arg(rollout), {}).status, 204);
    QTRY_COMPARE(api.get(u"/rollouts/%1"_s.arg(rollout)).json()["status"_L1].toString(), u"running"_s);

    const int autoAssignment = api.post(u"/autoassignments"_s,
                                        u"{\"name\":\"inv-%1\",\"targetFilterQuery\":\"controllerId==nobody\","
                                        "\"distributionSetId\":%2}"_s.arg(round)
                                            .arg(set)
                                            .toUtf8())
                                   .json()["id"_L1]
                                   .toInt();
    QVERIFY(autoAssignment > 0);
    QCOMPARE(api.post(u"/distributionsets/%1/invalidate"_s.arg(set), body).status, 204);
    QCOMPARE(api.get(u"/autoassignments/%1"_s.arg(autoAssignment)).status, 404); // dropped, as hawkBit does
    QCOMPARE(api.get(u"/distributionsets/%1"_s.arg(set)).json()["valid"_L1].toBool(), false);
    QCOMPARE(api.get(u"/targets/%1/actions/%2"_s.arg(device).arg(action)).json()["detailStatus"_L1].toString(),
             actionAfter);
    QCOMPARE(api.get(u"/rollouts/%1"_s.arg(rollout)).json()["status"_L1].toString(), rolloutAfter);
    // Never assigned again: not directly, not by a rollout, not by a filter.
    const HttpAnswer again = api.post(u"/distributionsets/%1/assignedTargets"_s.arg(set), R"([{"id":"c-3"}])");
    QCOMPARE(again.status, 400);
    QCOMPARE(again.json()["errorCode"_L1].toString(), u"hawkbit.server.error.distributionset.invalid"_s);
    const HttpAnswer rolloutAgain = api.post(u"/rollouts"_s,
                                             u"{\"name\":\"inv-again-%1\",\"targetFilterQuery\":\"controllerId==c-3\","
                                             "\"distributionSetId\":%2,\"amountGroups\":1}"_s.arg(round)
                                                 .arg(set)
                                                 .toUtf8());
    QCOMPARE(rolloutAgain.status, 400);
    const int filter
        = api.post(u"/targetfilters"_s, u"{\"name\":\"inv-%1\",\"query\":\"controllerId==c-3\"}"_s.arg(round).toUtf8())
              .json()["id"_L1]
              .toInt();
    QCOMPARE(api.post(u"/targetfilters/%1/autoAssignDS"_s.arg(filter), u"{\"id\":%1}"_s.arg(set).toUtf8()).status, 400);
    QCOMPARE(api.post(u"/distributionsets/%1/invalidate"_s.arg(set), R"({"actionCancelationType":"later"})").status,
             400);
}

// hawkBit's MgmtDistributionSetStatistics: a set's actions and rollouts by state, each with a total.
void TestHawkbitCompat::setStatistics()
{
    HttpClient &api = admin();
    const int set
        = api.post(u"/distributionsets"_s, R"([{"name":"fw","version":"stats","type":"os_set","modules":[{"id":1}]}])")
              .jsonArray()[0]["id"_L1]
              .toInt();
    QVERIFY(set > 0);
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"st-1"},{"controllerId":"st-2"}])").status, 201);
    QCOMPARE(api.post(u"/distributionsets/%1/assignedTargets"_s.arg(set), R"([{"id":"st-1"},{"id":"st-2"}])").status,
             200);
    const int action = api.get(u"/targets/st-2/actions"_s).json()["content"_L1][0]["id"_L1].toInt();
    QCOMPARE(api.send("DELETE", u"/targets/st-2/actions/%1"_s.arg(action)).status, 204);
    QVERIFY(createRollout(u"{\"name\":\"stats\",\"targetFilterQuery\":\"controllerId==st-1\","
                          "\"distributionSetId\":%1,\"amountGroups\":1}"_s.arg(set)
                              .toUtf8())
            > 0);
    const int filter
        = api.post(u"/targetfilters"_s, R"({"name":"stats","query":"controllerId==st-9"})").json()["id"_L1].toInt();
    QCOMPARE(api.post(u"/targetfilters/%1/autoAssignDS"_s.arg(filter), u"{\"id\":%1}"_s.arg(set).toUtf8()).status, 200);
    const QJsonObject all = api.get(u"/distributionsets/%1/statistics"_s.arg(set)).json();
    QCOMPARE(all["actions"_L1]["total"_L1].toInt(), 2);
    const QJsonObject actions = all["actions"_L1].toObject();
    int sum = 0;
    for (auto it = actions.begin(); it != actions.end(); ++it) {
        QVERIFY2(it.key() == u"total"_s || it.key() == it.key().toUpper(), qPrintable(it.key()));
        if (it.key() != u"total"_s)
            sum += it.value().toInt();
    }
    QCOMPARE(sum, 2);
    QVERIFY(actions.contains("CANCELED"_L1) || actions.contains("CANCELING"_L1));
    QCOMPARE(all["rollouts"_L1]["READY"_L1].toInt(), 1);
    QCOMPARE(all["rollouts"_L1]["total"_L1].toInt(), 1);
    QCOMPARE(all["totalAutoAssignments"_L1].toInt(), 1);
    QCOMPARE(api.get(u"/distributionsets/%1/statistics/actions"_s.arg(set)).json()["actions"_L1]["total"_L1].toInt(),
             2);
    QCOMPARE(api.get(u"/distributionsets/%1/statistics/rollouts"_s.arg(set)).json()["rollouts"_L1]["total"_L1].toInt(),
             1);
    QCOMPARE(api.get(u"/distributionsets/%1/statistics/autoassignments"_s.arg(set))
                 .json()["totalAutoAssignments"_L1]
                 .toInt(),
             1);
    QCOMPARE(api.get(u"/distributionsets/999999/statistics"_s).status, 404);
    QCOMPARE(api.send("DELETE", u"/targetfilters/%1/autoAssignDS"_s.arg(filter)).status, 204);
}

QTEST_GUILESS_MAIN(TestHawkbitCompat)
#include "tst_hawkbitcompat.moc"
