// Conformance with hawkBit's Management API, written from hawkBit's own model classes
// (org.eclipse.hawkbit.mgmt.json.model.*: MgmtTarget, MgmtAction, MgmtRolloutResponseBody,
// MgmtRolloutGroupResponseBody, MgmtSystemTenantConfigurationValue, MgmtTag, MgmtSoftwareModuleType,
// MgmtDistributionSetType, ExceptionInfo) and REST interfaces (Mgmt*RestApi) and its error mapping
// (RestConfiguration.ResponseExceptionHandler). One row per resource and field, so a regression names the field;
// then the requests a hawkBit script sends, with the status and error code hawkBit answers.
// Everything runs against one whole Server (the composition flotillad runs) over loopback.
// This file: the field rows, links, openapi.json, error bodies and the tenant configuration keys;
// tst_hawkbitresources and tst_hawkbitautomation the other resources, against the same server (hawkbitserver.h).
#include "tests/backend/hawkbitserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestHawkbitCompat : public HawkbitServer
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { start(); }
    void cleanupTestCase() { stop(); }
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
};

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
    // A field of the wrong type is unreadable, as Jackson finds it for hawkBit; never a silent default.
    const QString notReadable = u"org.eclipse.hawkbit.rest.exception.MessageNotReadableException"_s;
    QTest::newRow("target name a number") << "POST"_ba << u"/targets"_s << R"([{"controllerId":"typed","name":5}])"_ba
                                          << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("module encrypted as text")
        << "POST"_ba << u"/softwaremodules"_s << R"([{"type":"os","name":"m","version":"1","encrypted":"no"}])"_ba
        << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("set modules as numbers")
        << "POST"_ba << u"/distributionsets"_s << R"([{"type":"os","name":"s","version":"1","modules":[1]}])"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("assignment weight as text")
        << "POST"_ba << u"/distributionsets/1/assignedTargets"_s << R"([{"id":"solo","weight":"heavy"}])"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("assignedDS set as text") << "POST"_ba << u"/targets/solo/assignedDS"_s << R"({"id":"one"})"_ba << 400
                                            << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a module type's maxAssignments as text")
        << "POST"_ba << u"/softwaremoduletypes"_s << R"([{"key":"fw","name":"fw","maxAssignments":"one"}])"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a set type's module as a number")
        << "POST"_ba << u"/distributionsettypes"_s << R"([{"key":"k","name":"k","mandatorymodules":[7]}])"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a target type's description a number")
        << "PUT"_ba << u"/targettypes/Gateway"_s << R"({"description":5})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a set type's module type id as text")
        << "POST"_ba << u"/distributionsettypes/os_set/optionalmoduletypes"_s << R"({"id":"os"})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a filter's query a number") << "POST"_ba << u"/targetfilters"_s << R"({"name":"f","query":5})"_ba
                                               << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("an auto-assigned set's weight as text")
        << "POST"_ba << u"/autoassignments"_s
        << R"({"name":"w","targetFilterQuery":"controllerId==x","distributionSetId":1,"weight":"heavy"})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("an auto-assignment's confirmation as text")
        << "POST"_ba << u"/autoassignments"_s
        << R"({"name":"c","targetFilterQuery":"controllerId==x","distributionSetId":1,"confirmationRequired":"yes"})"_ba
        << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a rollout's weight as text")
        << "POST"_ba << u"/rollouts"_s
        << R"({"name":"w","targetFilterQuery":"controllerId==c-*","distributionSetId":1,"amountGroups":1,"weight":"x"})"_ba
        << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a rollout group's percentage as text")
        << "POST"_ba << u"/rollouts"_s
        << R"({"name":"p","targetFilterQuery":"controllerId==c-*","distributionSetId":1,"groups":[{"targetPercentage":"all"}]})"_ba
        << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a forecast's start as text")
        << "POST"_ba << u"/rollouts/forecast"_s
        << R"({"name":"f","targetFilterQuery":"controllerId==c-*","distributionSetId":1,"amountGroups":1,"startAt":"now"})"_ba
        << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a rollout's new name a number") << "PUT"_ba << u"/rollouts/1"_s << R"({"name":7})"_ba << 400
                                                   << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a target's attributes request as text")
        << "PUT"_ba << u"/targets/solo"_s << R"({"requestAttributes":"yes"})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a module's vendor a number") << "PUT"_ba << u"/softwaremodules/1"_s << R"({"vendor":5})"_ba << 400
                                                << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a set's version a number") << "PUT"_ba << u"/distributionsets/1"_s << R"({"version":2})"_ba << 400
                                              << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("invalidate's cancelRollouts as text")
        << "POST"_ba << u"/distributionsets/1/invalidate"_s << R"({"cancelRollouts":"yes"})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("an action's forceType a number")
        << "PUT"_ba << u"/targets/solo/actions/1"_s << R"({"forceType":1})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a confirmation's details not text")
        << "PUT"_ba << u"/targets/solo/actions/1/confirmation"_s << R"({"confirmation":"confirmed","details":[{}]})"_ba
        << 400 << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a tag's targets as numbers") << "POST"_ba << u"/targettags/1/assigned"_s << R"([1,2])"_ba << 400
                                                << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a set's modules by name")
        << "POST"_ba << u"/distributionsets/1/assignedSM"_s << R"([{"id":"linux"}])"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("an auto-confirm remark a number")
        << "POST"_ba << u"/targets/solo/autoConfirm/activate"_s << R"({"remark":5})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a tag's name a number") << "POST"_ba << u"/targettags"_s << R"([{"name":5}])"_ba << 400
                                           << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a set tag's colour a number")
        << "POST"_ba << u"/distributionsettags"_s << R"([{"name":"lab","colour":255}])"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a user's roles as text")
        << "POST"_ba << u"/users"_s << R"({"username":"eve","password":"long enough","roles":"admin"})"_ba << 400
        << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
    QTest::newRow("a user's password a number") << "PUT"_ba << u"/users/admin"_s << R"({"password":12345678})"_ba << 400
                                                << u"hawkbit.server.error.rest.body.notReadable"_s << notReadable;
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
    QCOMPARE(m_server->store().configuration().tenantConfiguration().autoClose, true);
    QCOMPARE(api.send("DELETE", u"/system/configs/repository.actions.autoclose.enabled"_s).status, 204);
    QCOMPARE(m_server->store().configuration().tenantConfiguration().autoClose, false);
}

void TestHawkbitCompat::tenantConfigurationBatchIsAllOrNothing()
{
    HttpClient &api = admin();
    QCOMPARE(api.put(u"/system/configs"_s, R"({"pollingTime":"00:02:00","maintenanceWindowPollCount":4})").status, 204);
    QCOMPARE(m_server->store().configuration().tenantConfiguration().pollingSecs, qint64(120));
    QCOMPARE(m_server->store().configuration().tenantConfiguration().maintenanceWindowPollCount, 4);
    // One unknown key or bad value: nothing of the batch is applied.
    HttpAnswer a = api.put(u"/system/configs"_s, R"({"pollingTime":"00:03:00","colour":"red"})");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.json()["errorCode"_L1].toString(), u"hawkbit.server.error.configKeyInvalid"_s);
    a = api.put(u"/system/configs"_s, R"({"pollingTime":"00:03:00","maintenanceWindowPollCount":0})");
    QCOMPARE(a.status, 400);
    QCOMPARE(m_server->store().configuration().tenantConfiguration().pollingSecs, qint64(120));
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

QTEST_GUILESS_MAIN(TestHawkbitCompat)
#include "tst_hawkbitcompat.moc"
