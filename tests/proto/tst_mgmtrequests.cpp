// What the console sends to the Management API (proto/mgmt's request bodies): each survives encode -> decode as
// the server reads it, a PUT leaves out what it keeps, and a field of the wrong type — in a body or in an item of
// a request array — is an error that names it.
#include "proto/mgmt/mgmtautoassignments.h"
#include "proto/mgmt/mgmtconfiguration.h"
#include "proto/mgmt/mgmtmessages.h"
#include "proto/mgmt/mgmtmetadata.h"
#include "proto/mgmt/mgmtoverview.h"
#include "proto/mgmt/mgmtrequests.h"
#include "proto/mgmt/mgmtrolloutrequests.h"
#include "proto/mgmt/mgmttypes.h"
#include "tests/proto/mgmtwirecheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

class TestMgmtRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entityAndAssignmentBodies();
    void tagAndTypeBodies();
    void configurationAndPutBodies();
    void setStatistics();
    void assignmentResponse();
    void memberLists();
    void rolloutBodies();
    void metadataFilterAutoAssignmentAndUserBodies();
    void requestItems_data();
    void requestItems();
};

// What the console sends for targets, modules, sets and assignments: each survives encode -> decode, as the
// server reads it.
void TestMgmtRequests::entityAndAssignmentBodies()
{
    MgmtTargetRequestBody target;
    target.controllerId = u"dev-1"_s;
    target.name = u"Device 1"_s;
    target.description = u"lab"_s;
    target.securityToken = u"t0ken"_s;
    target.targetType = 3;
    target.group = u"Europe/Berlin"_s;
    checkRoundTrip(target);
    target.targetType.reset();
    target.targetTypeKey = u"gateway"_s; // Flotilla's first form: the type by key
    checkRoundTrip(target);
    MgmtTargetRequestBody bare;
    bare.controllerId = u"bare"_s;
    checkRoundTrip(bare);
    QVERIFY(!bare.toJson().contains("name"_L1)); // the server uses the id

    checkRoundTrip(MgmtSoftwareModuleRequestBodyPost { u"os"_s, u"rootfs"_s, u"1.2"_s, u"ACME"_s, u"image"_s, true });
    checkRoundTrip(
        MgmtDistributionSetRequestBodyPost { u"fw"_s, u"2026.3"_s, u"os_app"_s, u"spring"_s, true, { 5, 6 } });
    MgmtDistributionSetRequestBodyPost oneModule;
    oneModule.modules = { 5 };
    QCOMPARE(oneModule.toJson().value("modules"_L1).toArray(), (QJsonArray { QJsonObject { { "id"_L1, 5 } } }));

    MgmtTargetAssignmentRequestBody assignment;
    assignment.id = u"dev-1"_s;
    assignment.type = u"timeforced"_s;
    assignment.forcetime = 1764600000000;
    assignment.weight = 700;
    assignment.confirmationRequired = true;
    assignment.maintenanceWindow = MgmtMaintenanceWindow { u"0 0 2 ? * *"_s, u"01:00:00"_s, u"UTC"_s };
    checkRoundTrip(assignment);
    MgmtTargetAssignmentRequestBody plain;
    plain.id = u"dev-2"_s;
    checkRoundTrip(plain);
    // POST /targets/{id}/assignedDS names the set by number in "id".
    const auto toSet = MgmtTargetAssignmentRequestBody::fromSetAssignment(
        QJsonObject { { "id"_L1, 4 }, { "type"_L1, u"soft"_s } }, nullptr);
    QVERIFY(toSet);
    QCOMPARE(toSet->setId, std::optional<qint64>(4));
    QCOMPARE(toSet->type, std::optional<QString>(u"soft"_s));
    QCOMPARE(toSet->toJson().value("id"_L1).toInteger(), 4);
}

// Tags and types: a PUT leaves out what it keeps; a type reference in each of its forms.
void TestMgmtRequests::tagAndTypeBodies()
{
    checkRoundTrip(MgmtTagRequestBodyPut { u"Lab"_s, u"bench devices"_s, u"#00ff00"_s });
    const MgmtTagRequestBodyPut colourOnly { std::nullopt, std::nullopt, u"#ff0000"_s };
    checkRoundTrip(colourOnly);
    QCOMPARE(colourOnly.toJson().keys(), QStringList { u"colour"_s }); // a PUT that keeps name and description
    checkRoundTrip(MgmtSoftwareModuleTypeRequestBodyPost { u"os"_s, u"OS"_s, u"root fs"_s, u"#111111"_s, 1, 1 });
    MgmtDistributionSetTypeRequestBodyPost setType { u"os_app"_s, u"OS and app"_s, {}, {}, {}, {} };
    setType.mandatorymodules = { MgmtTypeRef { 3, {} } };
    setType.optionalmodules = { MgmtTypeRef { std::nullopt, u"app"_s } };
    checkRoundTrip(setType);
    MgmtTargetTypeRequestBodyPost targetType { {}, u"Gateway"_s, {}, {}, { MgmtTypeRef { 4, {} } } };
    checkRoundTrip(targetType);
    QVERIFY(!targetType.toJson().contains("key"_L1)); // the server takes the name for it
    const MgmtTypeRequestBodyPut descriptionOnly { std::nullopt, u"new words"_s, std::nullopt };
    checkRoundTrip(descriptionOnly);
    QCOMPARE(descriptionOnly.toJson().keys(), QStringList { u"description"_s }); // the colour stays
    // A type reference: hawkBit's {"id": n}, Flotilla's {"key": k} and "k"; the id wins when both are there.
    const QJsonArray refs { QJsonObject { { "id"_L1, 3 } }, QJsonObject { { "key"_L1, u"app"_s } }, u"os"_s,
                            QJsonObject { { "id"_L1, 5 }, { "key"_L1, u"ignored"_s } } };
    const std::optional<QList<MgmtTypeRef>> decodedRefs = typeRefsOf(refs, nullptr);
    QVERIFY(decodedRefs);
    QCOMPARE(decodedRefs->size(), 4);
    QCOMPARE(decodedRefs->at(0).idOrKey(), u"3"_s);
    QCOMPARE(decodedRefs->at(1).idOrKey(), u"app"_s);
    QCOMPARE(decodedRefs->at(2).idOrKey(), u"os"_s);
    QCOMPARE(decodedRefs->at(3).idOrKey(), u"5"_s);
}

// A configuration value, and the PUT and command bodies; a field of the wrong type is named.
void TestMgmtRequests::configurationAndPutBodies()
{
    // A configuration value: any JSON (the key decides its type, the server checks it); absent is not null.
    checkRoundTrip(MgmtSystemTenantConfigurationValueRequest { u"00:01:00"_s });
    checkRoundTrip(MgmtSystemTenantConfigurationValueRequest { QJsonValue() });
    QVERIFY(MgmtSystemTenantConfigurationValueRequest::fromJson({}, nullptr)->value.isUndefined());
    QCOMPARE(MgmtSystemTenantConfigurationValueRequest().toJson(), QJsonObject());
    // The PUTs: what is absent stays (left out), and a target's type and group may be cleared with null.
    const MgmtTargetRequestBodyPut clearType { std::nullopt, std::nullopt, QJsonValue(), std::nullopt, std::nullopt };
    checkRoundTrip(clearType);
    QCOMPARE(clearType.toJson(), (QJsonObject { { "targetType"_L1, QJsonValue() } }));
    checkRoundTrip(MgmtTargetRequestBodyPut { u"cam"_s, u"lab"_s, QJsonValue(7), true, u"Europe/Berlin"_s });
    checkRoundTrip(MgmtTargetRequestBodyPut { {}, {}, QJsonValue(u"gateway"_s), {}, {} });
    const auto noGroup = MgmtTargetRequestBodyPut::fromJson(QJsonObject { { "group"_L1, QJsonValue() } }, nullptr);
    QVERIFY(noGroup && noGroup->group == QString()); // null leaves every group, as "" does
    checkRoundTrip(MgmtSoftwareModuleRequestBodyPut { u"kernel"_s, std::nullopt, std::nullopt });
    checkRoundTrip(MgmtDistributionSetRequestBodyPut { u"fw"_s, u"2"_s, std::nullopt, true, true });
    checkRoundTrip(MgmtInvalidateDistributionSetRequestBody { u"soft"_s, true });
    checkRoundTrip(MgmtActionRequestBodyPut { u"forced"_s });
    checkRoundTrip(MgmtActionConfirmationRequestBodyPut { u"confirmed"_s, 42, { u"on the phone"_s } });
    for (const auto &[json, message] :
         { std::pair { R"({"targetType":{"id":3}})"_ba, u"targetType must be a target type's id (or key), or null"_s },
           std::pair { R"({"requestAttributes":"yes"})"_ba, u"requestAttributes must be true or false"_s } }) {
        DecodeError why;
        QVERIFY(!MgmtTargetRequestBodyPut::fromJson(QJsonDocument::fromJson(json).object(), &why));
        QCOMPARE(why.message, message);
    }
    {
        DecodeError why;
        QVERIFY(!MgmtActionConfirmationRequestBodyPut::fromJson(
            QJsonDocument::fromJson(R"({"confirmation":"confirmed","details":[1]})").object(), &why));
        QCOMPARE(why.message, u"details must be an array of strings"_s);
    }
}

// A set's statistics: whole, or one part (the others absent).
void TestMgmtRequests::setStatistics()
{
    MgmtDistributionSetStatistics statistics;
    statistics.actions = QMap<QString, qint64> { { u"RUNNING"_s, 2 }, { u"total"_s, 2 } };
    statistics.rollouts = QMap<QString, qint64> { { u"total"_s, 0 } };
    statistics.totalAutoAssignments = 3;
    checkRoundTrip(statistics);
    const MgmtDistributionSetStatistics onlyAutoAssignments { std::nullopt, std::nullopt, 1 };
    checkRoundTrip(onlyAutoAssignments);
    QCOMPARE(onlyAutoAssignments.toJson().keys(), QStringList { u"totalAutoAssignments"_s });
    {
        DecodeError why;
        QVERIFY(!MgmtDistributionSetStatistics::fromJson(
            QJsonDocument::fromJson(R"({"actions":{"RUNNING":"two"}})").object(), &why));
        QCOMPARE(why.message, u"actions.RUNNING must be a whole number"_s);
    }
}

// What an assignment did.
void TestMgmtRequests::assignmentResponse()
{
    const MgmtTargetAssignmentResponseBody did { 2, 1, 3, { { 41, u"a"_s }, { 42, u"b"_s } } };
    checkRoundTrip(did);
    const QStringList written = did.toJson().keys();
    QCOMPARE(namesOf(MgmtTargetAssignmentResponseBody::fields()), QSet<QString>(written.begin(), written.end()));
    {
        DecodeError why;
        QVERIFY(!MgmtTargetAssignmentResponseBody::fromJson(
            QJsonDocument::fromJson(R"({"assigned":1,"assignedActions":[{"id":"x"}]})").object(), &why));
        QCOMPARE(why.message, u"assignedActions[0].id must be a whole number"_s);
    }
}

// Lists of members: targets by controllerId, entities by id, each in either form.
void TestMgmtRequests::memberLists()
{
    QCOMPARE(controllerIdsOf(QJsonArray { u"a"_s, QJsonObject { { "controllerId"_L1, u"b"_s } } }, nullptr),
             std::optional<QStringList>({ u"a"_s, u"b"_s }));
    QCOMPARE(idsOf(QJsonArray { 3, u"4"_s, QJsonObject { { "id"_L1, 5 } } }, nullptr),
             std::optional<QList<qint64>>({ 3, 4, 5 }));
    for (const auto &[items, message, targets] :
         { std::tuple { QJsonArray { u"a"_s, 7 }, u"[1] must be a controllerId or {\"controllerId\": ...}"_s, true },
           std::tuple { QJsonArray { QJsonObject { { "controllerId"_L1, u""_s } } },
                        u"[0] must be a controllerId or {\"controllerId\": ...}"_s, true },
           std::tuple { QJsonArray { 1, u"two"_s }, u"[1] must be an id or {\"id\": n}"_s, false },
           std::tuple { QJsonArray { 1.5 }, u"[0] must be an id or {\"id\": n}"_s, false },
           std::tuple { QJsonArray { QJsonObject { { "id"_L1, true } } }, u"[0] must be an id or {\"id\": n}"_s,
                        false } }) {
        DecodeError why;
        QVERIFY(targets ? !controllerIdsOf(items, &why) : !idsOf(items, &why));
        QCOMPARE(why.message, message);
    }
    checkRoundTrip(MgmtTargetAutoConfirmUpdate { u"ops"_s, u"night shift"_s });
    QCOMPARE(MgmtTargetAutoConfirmUpdate().toJson(), QJsonObject()); // the operator who asks, no remark
}

// A rollout: groups listed with their own conditions, or by number; what is absent is left out.
void TestMgmtRequests::rolloutBodies()
{
    MgmtRolloutRestRequestBodyPost rollout;
    rollout.name = u"spring"_s;
    rollout.targetFilterQuery = u"controllerId==cam-*"_s;
    rollout.distributionSetId = 3;
    rollout.type = u"timeforced"_s;
    rollout.forcetime = 1764600000000;
    rollout.startAt = 1764590000000;
    rollout.weight = 600;
    rollout.approvalRequired = true;
    rollout.successCondition = MgmtRolloutCondition { u"THRESHOLD"_s, u"80"_s };
    rollout.successAction = MgmtRolloutAction { u"PAUSE"_s, {} };
    rollout.errorCondition = MgmtRolloutCondition { std::nullopt, u"20"_s };
    rollout.errorAction = MgmtRolloutAction { u"PAUSE"_s, {} };
    MgmtRolloutGroup canary;
    canary.name = u"canary"_s;
    canary.targetFilterQuery = u"group==Lab"_s;
    canary.targetPercentage = 12.5;
    canary.successCondition = MgmtRolloutCondition { std::nullopt, u"100"_s };
    canary.confirmationRequired = true;
    MgmtRolloutGroup rest;
    rest.name = u"rest"_s;
    rollout.groups = QList<MgmtRolloutGroup> { canary, rest };
    checkRoundTrip(rollout);
    QVERIFY(!rest.toJson().contains("targetPercentage"_L1)); // all that is left of the filter
    MgmtRolloutRestRequestBodyPost byNumber;
    byNumber.name = u"by number"_s;
    byNumber.amountGroups = 4;
    checkRoundTrip(byNumber);
    QVERIFY(!byNumber.toJson().contains("groups"_L1));
    QVERIFY(!byNumber.toJson().contains("successCondition"_L1)); // the server's default
    const MgmtRolloutRestRequestBodyPut describe { std::nullopt, u"the spring release"_s };
    checkRoundTrip(describe);
    QCOMPARE(describe.toJson().keys(), QStringList { u"description"_s }); // the name stays
    for (const auto &[json, message] :
         { std::pair { R"({"weight":"heavy"})"_ba, u"weight must be a whole number"_s },
           std::pair { R"({"groups":[{"name":"a"},{"targetPercentage":"half"}]})"_ba,
                       u"groups[1].targetPercentage must be a number"_s },
           std::pair { R"({"successCondition":{"expression":80}})"_ba,
                       u"successCondition.expression must be a string"_s },
           std::pair { R"({"errorAction":"PAUSE"})"_ba, u"errorAction must be an object"_s },
           std::pair { R"({"startAt":"now"})"_ba, u"startAt must be a whole number"_s } }) {
        DecodeError why;
        QVERIFY(!MgmtRolloutRestRequestBodyPost::fromJson(QJsonDocument::fromJson(json).object(), &why));
        QCOMPARE(why.message, message);
    }
}

// Metadata, target filters, auto-assignments and users: a PUT leaves out what it keeps.
void TestMgmtRequests::metadataFilterAutoAssignmentAndUserBodies()
{
    const MgmtMetadataBodyPut visibleOnly { std::nullopt, true };
    checkRoundTrip(visibleOnly);
    QCOMPARE(visibleOnly.toJson().keys(), QStringList { u"targetVisible"_s }); // a PUT that keeps the value
    QCOMPARE(MgmtMetadata({ u"site"_s, u"Berlin"_s, std::nullopt }).toJson().keys(),
             (QStringList { u"key"_s, u"value"_s })); // a target's or set's entry has no targetVisible
    checkRoundTrip(MgmtTargetFilterQueryRequestBody { u"cameras"_s, u"controllerId==cam-*"_s });
    const MgmtTargetFilterQueryRequestBody queryOnly { std::nullopt, u"name==x"_s };
    checkRoundTrip(queryOnly);
    QCOMPARE(queryOnly.toJson().keys(), QStringList { u"query"_s }); // a PUT that keeps the name
    checkRoundTrip(MgmtDistributionSetAutoAssignment { 3, u"soft"_s, 500, false });
    const MgmtDistributionSetAutoAssignment setOnly { 3, std::nullopt, std::nullopt, std::nullopt };
    checkRoundTrip(setOnly);
    QCOMPARE(setOnly.toJson().keys(), QStringList { u"id"_s }); // forced, the default weight
    checkRoundTrip(MgmtAutoAssignmentRequestBody { u"aa"_s, u"spring"_s, u"controllerId==aa-*"_s, 1, 4102444800000,
                                                   u"soft"_s, 700, true });
    const MgmtAutoAssignmentRequestBody renameOnly { u"renamed"_s, std::nullopt, {}, {}, {}, {}, {}, false };
    checkRoundTrip(renameOnly);
    DecodeError error;
    QVERIFY(!MgmtAutoAssignmentRequestBody::fromJson(QJsonObject { { "confirmationRequired"_L1, u"yes"_s } }, &error));
    QCOMPARE(error.message, u"confirmationRequired must be true or false"_s);
    checkRoundTrip(MgmtUserRequestBody { u"grace"_s, u"long enough"_s, { u"operator"_s } });
    const MgmtUserRequestBody rolesOnly { std::nullopt, std::nullopt, { u"viewer"_s } };
    checkRoundTrip(rolesOnly);
    QCOMPARE(rolesOnly.toJson().keys(), QStringList { u"roles"_s }); // a PUT that keeps the password
    QVERIFY(!MgmtUserRequestBody::fromJson(QJsonObject { { "password"_L1, 5 } }, &error));
    QCOMPARE(error.message, u"password must be a string"_s);
}

// A request array: the first item that is not an object, or has a field of the wrong type, is the error, with its
// index.
void TestMgmtRequests::requestItems_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // empty: decodes
    QTest::newRow("targets") << u"target"_s << R"([{"controllerId":"a"},{"controllerId":"b","targetType":"gw"}])"_ba
                             << QString();
    QTest::newRow("target not an object")
        << u"target"_s << R"([{"controllerId":"a"},"b"])"_ba << u"[1] must be an object"_s;
    QTest::newRow("controllerId a number")
        << u"target"_s << R"([{"controllerId":5}])"_ba << u"[0].controllerId must be a string"_s;
    QTest::newRow("targetType an object") << u"target"_s << R"([{"controllerId":"a","targetType":{}}])"_ba
                                          << u"[0].targetType must be a target type's id (or key)"_s;
    QTest::newRow("module encrypted as text")
        << u"module"_s << R"([{"name":"a","encrypted":"yes"}])"_ba << u"[0].encrypted must be true or false"_s;
    QTest::newRow("set module id as text")
        << u"set"_s << R"([{"name":"a","modules":[{"id":"5"}]}])"_ba << u"[0].modules[0].id must be a whole number"_s;
    QTest::newRow("set modules not a list")
        << u"set"_s << R"([{"name":"a","modules":5}])"_ba << u"[0].modules must be an array"_s;
    QTest::newRow("assignment weight fractional")
        << u"assignment"_s << R"([{"id":"a"},{"id":"b","weight":1.5}])"_ba << u"[1].weight must be a whole number"_s;
    QTest::newRow("assignment forcetime as text")
        << u"assignment"_s << R"([{"id":"a","forcetime":"soon"}])"_ba << u"[0].forcetime must be a whole number"_s;
    QTest::newRow("set type module ref a number")
        << u"set type"_s << R"([{"key":"a","name":"a","mandatorymodules":[{"id":1},5]}])"_ba
        << u"[0].mandatorymodules[1] must be a type's id ({\"id\": n}) or key"_s;
    QTest::newRow("set type module id as text")
        << u"set type"_s << R"([{"key":"a","name":"a","optionalmodules":[{"id":"os"}]}])"_ba
        << u"[0].optionalmodules[0].id must be a whole number"_s;
    QTest::newRow("set type module ref empty")
        << u"set type"_s << R"([{"key":"a","name":"a","mandatorymodules":[{}]}])"_ba
        << u"[0].mandatorymodules[0].key must be a type's key when there is no id"_s;
    QTest::newRow("set type module ref an empty key") // fuzz_mgmtbodies: "" decoded, {"key":""} did not
        << u"set type"_s << R"([{"key":"a","name":"a","mandatorymodules":[{"id":3},""]}])"_ba
        << u"[0].mandatorymodules[1] must be a type's id ({\"id\": n}) or key"_s;
    QTest::newRow("target type set types")
        << u"target type"_s << R"([{"name":"gw","compatibledistributionsettypes":[{"id":2},"os"]}])"_ba << QString();
    QTest::newRow("module type minArtifacts fractional")
        << u"module type"_s << R"([{"key":"a","name":"a","minArtifacts":0.5}])"_ba
        << u"[0].minArtifacts must be a whole number"_s;
    QTest::newRow("assignment window") << u"assignment"_s << R"([{"id":"a","maintenanceWindow":{"duration":3600}}])"_ba
                                       << u"[0].maintenanceWindow.duration must be a string"_s;
}

void TestMgmtRequests::requestItems()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const QJsonArray items = QJsonDocument::fromJson(json).array();
    DecodeError error;
    bool decoded = false;
    if (type == u"target"_s)
        decoded = decodeItems<MgmtTargetRequestBody>(items, &error).has_value();
    else if (type == u"module"_s)
        decoded = decodeItems<MgmtSoftwareModuleRequestBodyPost>(items, &error).has_value();
    else if (type == u"set"_s)
        decoded = decodeItems<MgmtDistributionSetRequestBodyPost>(items, &error).has_value();
    else if (type == u"module type"_s)
        decoded = decodeItems<MgmtSoftwareModuleTypeRequestBodyPost>(items, &error).has_value();
    else if (type == u"set type"_s)
        decoded = decodeItems<MgmtDistributionSetTypeRequestBodyPost>(items, &error).has_value();
    else if (type == u"target type"_s)
        decoded = decodeItems<MgmtTargetTypeRequestBodyPost>(items, &error).has_value();
    else
        decoded = decodeItems<MgmtTargetAssignmentRequestBody>(items, &error).has_value();
    QCOMPARE(decoded, message.isEmpty());
    QCOMPARE(error.message, message);
}

QTEST_GUILESS_MAIN(TestMgmtRequests)
#include "tst_mgmtrequests.moc"
