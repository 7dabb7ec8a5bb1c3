// The Management API's wire types (proto/mgmt): every value survives encode -> decode, what is encoded is what
// openapi.json documents (fields()), nullable fields are written as null and optional ones left out, and a field
// of the wrong type is an error that names it.
#include "proto/mgmt/mgmtautoassignments.h"
#include "proto/mgmt/mgmtconfiguration.h"
#include "proto/mgmt/mgmtevents.h"
#include "proto/mgmt/mgmtmessages.h"
#include "proto/mgmt/mgmtmetadata.h"
#include "proto/mgmt/mgmtoverview.h"
#include "proto/mgmt/mgmtrequests.h"
#include "proto/mgmt/mgmtrolloutrequests.h"
#include "proto/mgmt/mgmttypes.h"
#include "tests/proto/mgmtwirecheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace {

MgmtTarget fullTarget()
{
    MgmtTarget t;
    t.id = 42;
    t.controllerId = u"dev-ä/1"_s;
    t.name = u"Device 1"_s;
    t.description = u"in the lab"_s;
    t.updateStatus = u"pending"_s;
    t.lastControllerRequestAt = 1764584722123;
    t.address = u"http://10.0.0.7"_s;
    t.createdAt = 1764500000000;
    t.requestAttributes = true;
    t.autoConfirmActive = true;
    t.installedDistributionSetId = 3;
    t.assignedDistributionSetId = 4;
    t.targetType = 7;
    t.targetTypeName = u"Gateway"_s;
    t.group = u"Europe/Berlin"_s;
    t.securityToken = u"s3cret"_s;
    t.audit = { u"alice"_s, u"bob"_s, 1764590000000 };
    t.links = { { u"self"_s, u"/rest/v1/targets/dev"_s }, { u"actions"_s, u"/rest/v1/targets/dev/actions"_s } };
    return t;
}

MgmtAction fullAction()
{
    MgmtAction a;
    a.id = 9;
    a.type = u"update"_s;
    a.status = u"pending"_s;
    a.detailStatus = u"running"_s;
    a.forceType = u"timeforced"_s;
    a.actionType = u"timeforced"_s;
    a.weight = 600;
    a.distributionSetId = 4;
    a.createdAt = 1764500000000;
    a.lastModifiedAt = 1764500001000;
    a.confirmationRequired = true;
    a.active = true;
    a.forceTime = std::optional<qint64>(1764600000000);
    a.rollout = 2;
    a.rolloutName = u"wave"_s;
    a.lastStatusCode = 204;
    a.maintenanceWindow = MgmtMaintenanceWindow { u"0 0 2 ? * *"_s, u"01:00:00"_s, u"Europe/Berlin"_s };
    a.target = u"dev-1"_s;
    a.statusHistory = QList<MgmtActionStatus> { { u"running"_s, 1764500000500, { u"downloading"_s }, 200 },
                                                { u"retrieved"_s, std::nullopt, {}, std::nullopt } };
    a.links = { { u"self"_s, u"/rest/v1/targets/dev-1/actions/9"_s } };
    return a;
}

MgmtSoftwareModule fullModule()
{
    MgmtSoftwareModule m;
    m.id = 5;
    m.type = u"os"_s;
    m.typeName = u"OS"_s;
    m.name = u"rootfs"_s;
    m.version = u"1.2"_s;
    m.vendor = u"ACME"_s;
    m.description = u"the image"_s;
    m.encrypted = false;
    m.locked = true;
    m.deleted = false;
    m.artifacts = QList<MgmtArtifact> { { 11, u"rootfs.swu"_s, 12345678901, u"aa"_s, u"bb"_s, u"cc"_s } };
    m.createdAt = 1764500000000;
    m.audit = { u"alice"_s, u"alice"_s, 1764500000000 };
    m.links = { { u"self"_s, u"/rest/v1/softwaremodules/5"_s } };
    return m;
}

MgmtDistributionSet fullSet()
{
    MgmtDistributionSet s;
    s.id = 4;
    s.name = u"Firmware"_s;
    s.description = u"spring release"_s;
    s.version = u"2026.3"_s;
    s.type = u"os_app"_s;
    s.typeName = u"OS with apps"_s;
    s.requiredMigrationStep = true;
    s.locked = true;
    s.complete = true;
    s.valid = false;
    s.deleted = false;
    MgmtSoftwareModule inSet = fullModule();
    inSet.encrypted.reset(); // a set lists its modules without encrypted and artifacts
    inSet.artifacts.reset();
    inSet.locked.reset();
    inSet.deleted.reset();
    inSet.typeName.reset();
    inSet.createdAt.reset();
    inSet.audit = {};
    s.modules = { inSet };
    s.createdAt = 1764500000000;
    s.audit = { u"alice"_s, u"carol"_s, 1764500009000 };
    s.links = { { u"self"_s, u"/rest/v1/distributionsets/4"_s } };
    return s;
}

MgmtRolloutResponseBody fullRollout()
{
    MgmtRolloutResponseBody r;
    r.id = 2;
    r.name = u"wave"_s;
    r.description = u"all of Europe"_s;
    r.targetFilterQuery = u"group==Europe*"_s;
    r.distributionSetId = 4;
    r.status = u"running"_s;
    r.type = u"forced"_s;
    r.weight = 500;
    r.dynamic = true;
    r.confirmationRequired = true;
    r.deleted = false;
    r.startAt = 1764500000000;
    r.createdAt = 1764400000000;
    r.forcetime = 1764700000000;
    r.totalGroups = 3;
    r.totalTargets = 300;
    r.totalTargetsPerStatus = { 10, 200, 5, 1, 80, 4 };
    r.nextStep = { u"startGroup"_s, u"group-2"_s, u"group-1"_s, 80, 45, 1764800000000 };
    r.audit = { u"alice"_s, u"bob"_s, 1764500000001 };
    r.links = { { u"self"_s, u"/rest/v1/rollouts/2"_s }, { u"start"_s, u"/rest/v1/rollouts/2/start"_s } };
    return r;
}

MgmtRolloutGroupResponseBody fullGroup()
{
    MgmtRolloutGroupResponseBody g;
    g.id = 8;
    g.name = u"group-1"_s;
    g.description = u"canaries"_s;
    g.status = u"running"_s;
    g.dynamic = false;
    g.targetFilterQuery = u"name==canary*"_s;
    g.targetPercentage = 12.5;
    g.confirmationRequired = true;
    g.successThreshold = 80;
    g.successAction = u"PAUSE"_s;
    g.errorThreshold = 20;
    g.totalTargets = 40;
    g.totalTargetsPerStatus = { 1, 2, 3, 4, 5, 6 };
    g.links = { { u"self"_s, u"/rest/v1/rollouts/2/deploygroups/8"_s } };
    return g;
}

MgmtAuditEntry fullAuditEntry()
{
    MgmtAuditEntry e;
    e.id = 12;
    e.at = 1764547200000;
    e.actor = u"admin"_s;
    e.address = u"192.0.2.7"_s;
    e.method = u"PUT"_s;
    e.path = u"/rest/v1/targets/cam-1"_s;
    e.status = 200;
    e.entity = u"targets"_s;
    e.entityId = u"cam-1"_s;
    e.request = QJsonObject { { u"name"_s, u"Front door"_s } };
    e.before = QJsonObject { { u"name"_s, u"cam-1"_s } };
    e.after = QJsonArray { 1, u"two"_s };
    return e;
}

MgmtTag fullTag()
{
    MgmtTag t { 7, u"Simulated"_s, u"rehearsal devices"_s, u"#8e24aa"_s, {}, 1764500000000, {} };
    t.audit = { u"admin"_s, u"grace"_s, 1764547200000 };
    t.links
        = { { u"self"_s, u"/rest/v1/targettags/7"_s }, { u"assignedTargets"_s, u"/rest/v1/targettags/7/assigned"_s } };
    return t;
}

template<typename T> T withEntity(T t, const QString &collection)
{
    t.id = 3;
    t.key = u"os"_s;
    t.name = u"Operating system"_s;
    t.description = u"the root file system"_s;
    t.colour = u"#1e88e5"_s;
    t.audit = { u"admin"_s, u"grace"_s, 1764547200000 };
    t.createdAt = 1764500000000;
    t.links = { { u"self"_s, u"/rest/v1/%1/3"_s.arg(collection) } };
    return t;
}

MgmtSoftwareModuleType fullModuleType()
{
    auto t = withEntity(MgmtSoftwareModuleType(), u"softwaremoduletypes"_s);
    t.maxAssignments = 2;
    t.minArtifacts = 1;
    return t;
}

MgmtDistributionSetType fullSetType()
{
    auto t = withEntity(MgmtDistributionSetType(), u"distributionsettypes"_s);
    t.mandatorymodules = { u"os"_s };
    t.optionalmodules = { u"app"_s, u"config"_s };
    t.links.insert(u"mandatorymodules"_s, u"/rest/v1/distributionsettypes/3/mandatorymoduletypes"_s);
    return t;
}

MgmtTargetType fullTargetType()
{
    auto t = withEntity(MgmtTargetType(), u"targettypes"_s);
    t.compatibledistributionsettypes = { u"os_app"_s };
    return t;
}

MgmtTargetFilterQuery fullFilter()
{
    MgmtTargetFilterQuery f {
        5, u"cameras"_s, u"controllerId==cam-*"_s, 3, u"soft"_s, 700, true, {}, 1764500000000, {}
    };
    f.audit = { u"admin"_s, u"grace"_s, 1764547200000 };
    f.links = { { u"self"_s, u"/rest/v1/targetfilters/5"_s },
                { u"autoAssignDS"_s, u"/rest/v1/targetfilters/5/autoAssignDS"_s } };
    return f;
}

MgmtAutoAssignmentResponseBody fullAutoAssignment()
{
    MgmtAutoAssignmentResponseBody a;
    a.id = 2;
    a.name = u"next year"_s;
    a.description = u"the spring release"_s;
    a.targetFilterQuery = u"group==Europe/*"_s;
    a.distributionSetId = 3;
    a.status = u"ready"_s;
    a.startAt = 4102444800000;
    a.actionType = u"downloadonly"_s;
    a.weight = 300;
    a.confirmationRequired = true;
    a.approvalDecidedBy = u"grace"_s;
    a.approvalRemark = u"after the audit"_s;
    a.audit = { u"admin"_s, u"grace"_s, 1764547200000 };
    a.createdAt = 1764500000000;
    a.links = { { u"self"_s, u"/rest/v1/autoassignments/2"_s },
                { u"distributionset"_s, u"/rest/v1/distributionsets/3"_s } };
    a.distributionSetName = u"fw:2026.3"_s;
    return a;
}

MgmtTenantConfiguration fullConfiguration()
{
    MgmtTenantConfiguration c;
    c.keys.insert(u"pollingTime"_s,
                  { u"00:05:00"_s, true, { { u"self"_s, u"/rest/v1/system/configs/pollingTime"_s } } });
    c.keys.insert(u"multi.assignments.enabled"_s, { true, false, {} });
    c.keys.insert(u"maintenanceWindowPollCount"_s, { 3, false, {} });
    return c;
}

MgmtFleetOverview fullFleet()
{
    MgmtFleetOverview f { 11, { { u"in_sync"_s, 5 }, { u"error"_s, 2 } }, 2, 1, 1764500000000, 1764500600000, {} };
    f.filters
        = { { u"in_sync"_s, u"updateStatus==in_sync"_s }, { u"neverSeen"_s, u"lastControllerRequestAt=is=null"_s } };
    return f;
}

MgmtErrorSummary fullErrorSummary()
{
    return { { { u"Disk full"_s, 2, 2, u"errorMessage==\"Disk full\""_s }, { u""_s, 1, 1, u"errorMessage==\"\""_s } },
             5,
             1764400000000,
             true };
}

MgmtRolloutForecast fullForecast()
{
    MgmtRolloutForecast f;
    f.status = u"paused"_s;
    f.pausedAt = u"rest"_s;
    f.start = 1800000000000;
    f.end = 1800000600000;
    f.totalTargets = 1205;
    f.bytes = 3 * 1024 * 1024;
    f.groups = { { u"canary"_s, 5, 1800000000000, 1800000300000, 5, 0 },
                 { u"rest"_s, 1200, 1800000300000, std::nullopt, 900, 12 } };
    f.assumptions = { 300, 180, 0.015, true, 40, 3, 604800 };
    return f;
}

} // namespace

class TestMgmtMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void encodesWhatTheSchemaDocuments_data();
    void encodesWhatTheSchemaDocuments();
    void nullableAndOptionalFields();
    void wrongTypesAreNamed_data();
    void wrongTypesAreNamed();
    void pages();
    void targetTypeByKeyOrId();
    void groupConditions();
    void events();
    void eventEnvelope_data();
    void eventEnvelope();
};

// Encoded, sent as text and decoded, every value comes back equal: the full one and the empty one.
void TestMgmtMessages::roundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("full");
    for (const char *type : { "target",      "action",    "module",         "set",    "rollout",         "group",
                              "error",       "audit",     "user",           "span",   "forecast",        "tag",
                              "module type", "set type",  "target type",    "filter", "auto-assignment", "auto-confirm",
                              "token",       "user info", "actions deleted" }) {
        QTest::addRow("%s full", type) << QString::fromLatin1(type) << true;
        QTest::addRow("%s empty", type) << QString::fromLatin1(type) << false;
    }
}

void TestMgmtMessages::roundTrip()
{
    QFETCH(QString, type);
    QFETCH(bool, full);
    if (type == u"target"_s)
        checkRoundTrip(full ? fullTarget() : MgmtTarget());
    else if (type == u"action"_s)
        checkRoundTrip(full ? fullAction() : MgmtAction());
    else if (type == u"module"_s)
        checkRoundTrip(full ? fullModule() : MgmtSoftwareModule());
    else if (type == u"set"_s)
        checkRoundTrip(full ? fullSet() : MgmtDistributionSet());
    else if (type == u"rollout"_s)
        checkRoundTrip(full ? fullRollout() : MgmtRolloutResponseBody());
    else if (type == u"group"_s)
        checkRoundTrip(full ? fullGroup() : MgmtRolloutGroupResponseBody());
    else if (type == u"audit"_s)
        checkRoundTrip(full ? fullAuditEntry() : MgmtAuditEntry());
    else if (type == u"user"_s)
        checkRoundTrip(full ? MgmtUser { 3, u"grace"_s, { u"operator"_s, u"approver"_s } } : MgmtUser());
    else if (type == u"forecast"_s)
        checkRoundTrip(full ? fullForecast() : MgmtRolloutForecast());
    else if (type == u"tag"_s)
        checkRoundTrip(full ? fullTag() : MgmtTag());
    else if (type == u"metadata"_s)
        checkRoundTrip(full ? MgmtMetadata { u"site"_s, u"Berlin"_s, true } : MgmtMetadata());
    else if (type == u"configuration"_s)
        checkRoundTrip(full ? fullConfiguration() : MgmtTenantConfiguration());
    else if (type == u"fleet"_s)
        checkRoundTrip(full ? fullFleet() : MgmtFleetOverview());
    else if (type == u"errors"_s)
        checkRoundTrip(full ? fullErrorSummary() : MgmtErrorSummary());
    else if (type == u"filter"_s)
        checkRoundTrip(full ? fullFilter() : MgmtTargetFilterQuery());
    else if (type == u"auto-assignment"_s)
        checkRoundTrip(full ? fullAutoAssignment() : MgmtAutoAssignmentResponseBody());
    else if (type == u"module type"_s)
        checkRoundTrip(full ? fullModuleType() : MgmtSoftwareModuleType());
    else if (type == u"set type"_s)
        checkRoundTrip(full ? fullSetType() : MgmtDistributionSetType());
    else if (type == u"target type"_s)
        checkRoundTrip(full ? fullTargetType() : MgmtTargetType());
    else if (type == u"auto-confirm"_s)
        checkRoundTrip(full ? MgmtTargetAutoConfirm { true, u"grace"_s, u"night shift"_s } : MgmtTargetAutoConfirm());
    else if (type == u"token"_s)
        checkRoundTrip(full ? MgmtToken { u"c2VjcmV0"_s, 1764600000000 } : MgmtToken());
    else if (type == u"user info"_s)
        checkRoundTrip(full ? MgmtUserInfo { u"DEFAULT"_s, u"grace"_s, { u"READ_TARGET"_s, u"UPDATE_TARGET"_s } }
                            : MgmtUserInfo());
    else if (type == u"actions deleted"_s)
        checkRoundTrip(full ? MgmtActionsDeleted { 3, 2 } : MgmtActionsDeleted());
    else if (type == u"span"_s)
        checkRoundTrip(full ? MgmtActionSpan { 9, u"cam-1"_s, 4, u"running"_s, 1000, 2000, std::nullopt }
                            : MgmtActionSpan());
    else
        checkRoundTrip(full ? ExceptionInfo { u"org.Ex"_s, u"code"_s, u"message"_s } : ExceptionInfo());
}

// A value with every field set encodes exactly the fields its type documents for openapi.json (and the audit
// fields where the type carries them): the document cannot name a field the server never sends, nor miss one.
void TestMgmtMessages::encodesWhatTheSchemaDocuments_data()
{
    QTest::addColumn<QJsonObject>("encoded");
    QTest::addColumn<QStringList>("documented");
    const auto documented = [](const QList<FieldSpec> &fields, bool audited) {
        QSet<QString> names = namesOf(fields);
        if (audited)
            names.unite(namesOf(MgmtAudit::fields()));
        QStringList list = names.values();
        list.sort();
        return list;
    };
    QTest::newRow("target") << fullTarget().toJson() << documented(MgmtTarget::fields(), true);
    QTest::newRow("action") << fullAction().toJson() << documented(MgmtAction::fields(), false);
    QTest::newRow("module") << fullModule().toJson() << documented(MgmtSoftwareModule::fields(), true);
    QTest::newRow("set") << fullSet().toJson() << documented(MgmtDistributionSet::fields(), true);
    QTest::newRow("rollout") << fullRollout().toJson() << documented(MgmtRolloutResponseBody::fields(), true);
    QTest::newRow("group") << fullGroup().toJson() << documented(MgmtRolloutGroupResponseBody::fields(), false);
    QTest::newRow("error") << ExceptionInfo { u"a"_s, u"b"_s, u"c"_s }.toJson()
                           << documented(ExceptionInfo::fields(), false);
    QTest::newRow("audit entry") << fullAuditEntry().toJson() << documented(MgmtAuditEntry::fields(), false);
    QTest::newRow("tag") << fullTag().toJson() << documented(MgmtTag::fields(), true);
    QTest::newRow("fleet") << fullFleet().toJson() << documented(MgmtFleetOverview::fields(), false);
    QTest::newRow("fleet, never overdue")
        << MgmtFleetOverview().toJson() << documented(MgmtFleetOverview::fields(), false); // null, not left out
    QTest::newRow("error count") << fullErrorSummary().content.first().toJson()
                                 << documented(MgmtErrorCount::fields(), false);
    QTest::newRow("configuration value") << fullConfiguration().keys.value(u"pollingTime"_s).toJson()
                                         << documented(MgmtSystemTenantConfigurationValue::fields(), false);
    QTest::newRow("metadata") << MgmtMetadata { u"site"_s, u"Berlin"_s, false }.toJson()
                              << documented(MgmtMetadata::fields(), false);
    QTest::newRow("filter") << fullFilter().toJson() << documented(MgmtTargetFilterQuery::fields(), true);
    QTest::newRow("auto-assignment") << fullAutoAssignment().toJson()
                                     << documented(MgmtAutoAssignmentResponseBody::fields(), true);
    QTest::newRow("module type") << fullModuleType().toJson() << documented(MgmtSoftwareModuleType::fields(), true);
    QTest::newRow("set type") << fullSetType().toJson() << documented(MgmtDistributionSetType::fields(), true);
    QTest::newRow("target type") << fullTargetType().toJson() << documented(MgmtTargetType::fields(), true);
    QTest::newRow("forecast") << fullForecast().toJson() << documented(MgmtRolloutForecast::fields(), false);
    QTest::newRow("span") << MgmtActionSpan { 9, u"cam-1"_s, 4, u"finished"_s, 1000, 2000, 3000 }.toJson()
                          << documented(MgmtActionSpan::fields(), false);
    QTest::newRow("user") << MgmtUser { 3, u"grace"_s, { u"operator"_s } }.toJson()
                          << documented(MgmtUser::fields(), false);
    QTest::newRow("auto-confirm") << MgmtTargetAutoConfirm { true, u"grace"_s, u"r"_s }.toJson()
                                  << documented(MgmtTargetAutoConfirm::fields(), false);
    QTest::newRow("token") << MgmtToken { u"t"_s, 1 }.toJson() << documented(MgmtToken::fields(), false);
    QTest::newRow("user info") << MgmtUserInfo { u"DEFAULT"_s, u"grace"_s, {} }.toJson()
                               << documented(MgmtUserInfo::fields(), false);
    QTest::newRow("actions deleted") << MgmtActionsDeleted { 1, 0 }.toJson()
                                     << documented(MgmtActionsDeleted::fields(), false);
}

void TestMgmtMessages::encodesWhatTheSchemaDocuments()
{
    QFETCH(QJsonObject, encoded);
    QFETCH(QStringList, documented);
    QStringList keys = encoded.keys();
    keys.sort();
    QCOMPARE(keys, documented);
}

// Fields hawkBit always writes are null without a value; optional ones are left out.
void TestMgmtMessages::nullableAndOptionalFields()
{
    const QJsonObject target = MgmtTarget().toJson();
    for (const char *nullable :
         { "lastControllerRequestAt", "createdAt", "installedDistributionSetId", "assignedDistributionSetId" }) {
        QVERIFY2(target.contains(QLatin1StringView(nullable)), nullable);
        QVERIFY2(target.value(QLatin1StringView(nullable)).isNull(), nullable);
    }
    for (const char *optional : { "targetType", "targetTypeName", "group", "securityToken", "createdBy" })
        QVERIFY2(!target.contains(QLatin1StringView(optional)), optional);

    const QJsonObject action = MgmtAction().toJson();
    QVERIFY(action.value("createdAt"_L1).isNull());
    for (const char *optional :
         { "forceTime", "rollout", "rolloutName", "lastStatusCode", "maintenanceWindow", "target", "status_history" })
        QVERIFY2(!action.contains(QLatin1StringView(optional)), optional);
    // A time-forced action without its time still says so.
    MgmtAction timeForced;
    timeForced.forceTime = std::optional<qint64>();
    QVERIFY(timeForced.toJson().contains("forceTime"_L1));
    QVERIFY(timeForced.toJson().value("forceTime"_L1).isNull());
    const auto back = MgmtAction::fromJson(throughText(timeForced.toJson()), nullptr);
    QVERIFY(back && back->forceTime && !*back->forceTime);

    // A status entry without a code has code null.
    QVERIFY(MgmtActionStatus().toJson().value("code"_L1).isNull());
    // A module as a set lists it: no encrypted, no artifacts.
    const QJsonObject inSet = fullSet().toJson().value("modules"_L1).toArray().first().toObject();
    QVERIFY(!inSet.contains("encrypted"_L1));
    QVERIFY(!inSet.contains("artifacts"_L1));
    QCOMPARE(inSet.value("name"_L1).toString(), u"rootfs"_s);
}

void TestMgmtMessages::wrongTypesAreNamed_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("target id as text") << u"target"_s << R"({"id":"42"})"_ba << u"id must be a whole number"_s;
    // Beyond 2^53 a JSON number no longer names one integer; far beyond, no qint64 at all.
    QTest::newRow("target id beyond 2^53") << u"target"_s << R"({"id":1e16})"_ba << u"id must be a whole number"_s;
    QTest::newRow("target id absurd") << u"target"_s << R"({"id":-1e300})"_ba << u"id must be a whole number"_s;
    QTest::newRow("target id fractional") << u"target"_s << R"({"id":4.5})"_ba << u"id must be a whole number"_s;
    QTest::newRow("target name as number") << u"target"_s << R"({"name":7})"_ba << u"name must be a string"_s;
    QTest::newRow("target flag as text") << u"target"_s << R"({"requestAttributes":"yes"})"_ba
                                         << u"requestAttributes must be true or false"_s;
    QTest::newRow("target links") << u"target"_s << R"({"_links":{"self":"/x"}})"_ba
                                  << u"_links must be an object of links {rel: {href}}"_s;
    QTest::newRow("action weight too big")
        << u"action"_s << R"({"weight":4294967296})"_ba << u"weight must be a whole number of 32 bits"_s;
    QTest::newRow("action window") << u"action"_s << R"({"maintenanceWindow":{"schedule":5}})"_ba
                                   << u"maintenanceWindow.schedule must be a string"_s;
    QTest::newRow("action history entry")
        << u"action"_s << R"({"status_history":[{"type":"running"},{"messages":[1]}]})"_ba
        << u"status_history[1].messages must be an array of strings"_s;
    QTest::newRow("module artifact hash") << u"module"_s << R"({"artifacts":[{"hashes":{"sha1":1}}]})"_ba
                                          << u"artifacts[0].hashes.sha1 must be a string"_s;
    QTest::newRow("module artifacts not a list")
        << u"module"_s << R"({"artifacts":{}})"_ba << u"artifacts must be an array"_s;
    QTest::newRow("set module") << u"set"_s << R"({"modules":[{"id":true}]})"_ba
                                << u"modules[0].id must be a whole number"_s;
    QTest::newRow("rollout counts") << u"rollout"_s << R"({"totalTargetsPerStatus":{"error":"1"}})"_ba
                                    << u"totalTargetsPerStatus.error must be a whole number"_s;
    QTest::newRow("rollout next step") << u"rollout"_s << R"({"nextStep":[]})"_ba << u"nextStep must be an object"_s;
    QTest::newRow("group threshold") << u"group"_s
                                     << R"({"successCondition":{"condition":"THRESHOLD","expression":"most"}})"_ba
                                     << u"successCondition must be a THRESHOLD of 0 to 100"_s;
    QTest::newRow("tag colour as number") << u"tag"_s << R"({"colour":255})"_ba << u"colour must be a string"_s;
    QTest::newRow("fleet filter a number")
        << u"fleet"_s << R"({"filters":{"overdue":5}})"_ba << u"filters.overdue must be a string"_s;
    QTest::newRow("fleet count as text") << u"fleet"_s << R"({"updateStatus":{"in_sync":"five"}})"_ba
                                         << u"updateStatus.in_sync must be a whole number"_s;
    // The CI fuzz run's crash (fuzz_mgmtbodies, type byte '+'): a total past 2^53 was accepted and re-encoded as
    // another number. Page totals are whole numbers from 0 to 2^53 - 1.
    QTest::newRow("errors total beyond 2^53 (fuzz crash)")
        << u"errors"_s
        << R"({"content":[{"mepsage":"Diesk full\""}],"total":2222222222222222222,"size":1,"sincea":false})"_ba
        << u"a page must have content (an array) and total (a whole number from 0 to 2^53 - 1)"_s;
    QTest::newRow("errors total 2^53")
        << u"errors"_s << R"({"content":[],"total":9007199254740992})"_ba
        << u"a page must have content (an array) and total (a whole number from 0 to 2^53 - 1)"_s;
    QTest::newRow("errors total negative")
        << u"errors"_s << R"({"content":[],"total":-1})"_ba
        << u"a page must have content (an array) and total (a whole number from 0 to 2^53 - 1)"_s;
    QTest::newRow("errors total fractional")
        << u"errors"_s << R"({"content":[],"total":2.5})"_ba
        << u"a page must have content (an array) and total (a whole number from 0 to 2^53 - 1)"_s;
    QTest::newRow("errors truncated as text")
        << u"errors"_s << R"({"content":[],"total":0,"truncated":"no"})"_ba << u"truncated must be true or false"_s;
    QTest::newRow("configuration key not an object") << u"configuration"_s << R"({"pollingTime":"00:05:00"})"_ba
                                                     << u"pollingTime must be an object {value, global}"_s;
    QTest::newRow("configuration global as text")
        << u"configuration"_s << R"({"pollingTime":{"value":"00:05:00","global":"yes"}})"_ba
        << u"pollingTime.global must be true or false"_s;
    QTest::newRow("metadata value as number")
        << u"metadata"_s << R"({"key":"site","value":5})"_ba << u"value must be a string"_s;
    QTest::newRow("filter weight as text")
        << u"filter"_s << R"({"autoAssignWeight":"heavy"})"_ba << u"autoAssignWeight must be a whole number"_s;
    QTest::newRow("auto-assignment set name")
        << u"auto-assignment"_s << R"({"_links":{"distributionset":{"href":"/x","name":5}}})"_ba
        << u"_links.distributionset.name must be a string"_s;
    QTest::newRow("auto-assignment startAt as text")
        << u"auto-assignment"_s << R"({"startAt":"tomorrow"})"_ba << u"startAt must be a whole number"_s;
    QTest::newRow("module type maxAssignments as text")
        << u"module type"_s << R"({"maxAssignments":"one"})"_ba << u"maxAssignments must be a whole number"_s;
    QTest::newRow("set type modules as text")
        << u"set type"_s << R"({"mandatorymodules":"os"})"_ba << u"mandatorymodules must be an array of strings"_s;
    QTest::newRow("target type deleted as text")
        << u"target type"_s << R"({"deleted":"no"})"_ba << u"deleted must be true or false"_s;
    QTest::newRow("forecast group") << u"forecast"_s << R"({"groups":[{"finished":"all"}]})"_ba
                                    << u"groups[0].finished must be a whole number"_s;
    QTest::newRow("forecast assumptions") << u"forecast"_s << R"({"assumptions":{"fromHistory":1}})"_ba
                                          << u"assumptions.fromHistory must be true or false"_s;
    QTest::newRow("span start as text") << u"span"_s << R"({"startedAt":"now"})"_ba
                                        << u"startedAt must be a whole number"_s;
    QTest::newRow("user roles as text") << u"user"_s << R"({"roles":"admin"})"_ba
                                        << u"roles must be an array of strings"_s;
    QTest::newRow("audit time as text") << u"audit"_s << R"({"at":"yesterday"})"_ba << u"at must be a whole number"_s;
    QTest::newRow("audit status as text")
        << u"audit"_s << R"({"status":"200"})"_ba << u"status must be a whole number"_s;
    QTest::newRow("audit before as text")
        << u"audit"_s << R"({"before":"{}"})"_ba << u"before must be an object, an array or null"_s;
    QTest::newRow("group action") << u"group"_s << R"({"successAction":{"expression":""}})"_ba
                                  << u"successAction must be an object {action, expression}"_s;
}

void TestMgmtMessages::wrongTypesAreNamed()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    DecodeError error;
    bool decoded = true;
    if (type == u"target"_s)
        decoded = MgmtTarget::fromJson(o, &error).has_value();
    else if (type == u"action"_s)
        decoded = MgmtAction::fromJson(o, &error).has_value();
    else if (type == u"module"_s)
        decoded = MgmtSoftwareModule::fromJson(o, &error).has_value();
    else if (type == u"set"_s)
        decoded = MgmtDistributionSet::fromJson(o, &error).has_value();
    else if (type == u"rollout"_s)
        decoded = MgmtRolloutResponseBody::fromJson(o, &error).has_value();
    else if (type == u"audit"_s)
        decoded = MgmtAuditEntry::fromJson(o, &error).has_value();
    else if (type == u"user"_s)
        decoded = MgmtUser::fromJson(o, &error).has_value();
    else if (type == u"span"_s)
        decoded = MgmtActionSpan::fromJson(o, &error).has_value();
    else if (type == u"forecast"_s)
        decoded = MgmtRolloutForecast::fromJson(o, &error).has_value();
    else if (type == u"tag"_s)
        decoded = MgmtTag::fromJson(o, &error).has_value();
    else if (type == u"metadata"_s)
        decoded = MgmtMetadata::fromJson(o, &error).has_value();
    else if (type == u"configuration"_s)
        decoded = MgmtTenantConfiguration::fromJson(o, &error).has_value();
    else if (type == u"fleet"_s)
        decoded = MgmtFleetOverview::fromJson(o, &error).has_value();
    else if (type == u"errors"_s)
        decoded = MgmtErrorSummary::fromJson(o, &error).has_value();
    else if (type == u"filter"_s)
        decoded = MgmtTargetFilterQuery::fromJson(o, &error).has_value();
    else if (type == u"auto-assignment"_s)
        decoded = MgmtAutoAssignmentResponseBody::fromJson(o, &error).has_value();
    else if (type == u"module type"_s)
        decoded = MgmtSoftwareModuleType::fromJson(o, &error).has_value();
    else if (type == u"set type"_s)
        decoded = MgmtDistributionSetType::fromJson(o, &error).has_value();
    else if (type == u"target type"_s)
        decoded = MgmtTargetType::fromJson(o, &error).has_value();
    else
        decoded = MgmtRolloutGroupResponseBody::fromJson(o, &error).has_value();
    QVERIFY(!decoded);
    QCOMPARE(error.message, message);
}

void TestMgmtMessages::pages()
{
    QJsonArray content;
    content.append(fullTarget().toJson());
    content.append(MgmtTarget().toJson());
    const QJsonObject page = throughText(pageJson(content, 1234));
    QCOMPARE(page.value("size"_L1).toInt(), 2);
    DecodeError error;
    const auto decoded = decodePage<MgmtTarget>(page, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    QCOMPARE(decoded->total, qint64(1234));
    QCOMPARE(decoded->content.size(), 2);
    QVERIFY(decoded->content.first() == fullTarget());

    // Not a page, or a page with a bad item: an error, never a short list.
    QVERIFY(!decodePage<MgmtTarget>(QJsonObject { { "content"_L1, QJsonObject() } }, &error));
    QVERIFY(!error.message.isEmpty());
    QJsonArray bad = content;
    bad.append(QJsonObject { { "id"_L1, u"x"_s } });
    QVERIFY(!decodePage<MgmtTarget>(pageJson(bad, 3), &error));
    QCOMPARE(error.message, u"id must be a whole number"_s);
    QVERIFY(!decodePage<MgmtTarget>(QJsonObject { { "content"_L1, QJsonArray { 1 } }, { "total"_L1, 1 } }, &error));

    // The largest total JSON's doubles name exactly is accepted and kept.
    const auto largest = decodePage<MgmtTarget>(pageJson(QJsonArray(), 9007199254740991), &error);
    QVERIFY2(largest, qPrintable(error.message));
    QCOMPARE(largest->total, qint64(9007199254740991));
}

// hawkBit names a target's type by id; a type the server could not resolve goes by key (Flotilla's first form).
void TestMgmtMessages::targetTypeByKeyOrId()
{
    MgmtTarget byKey;
    byKey.targetTypeKey = u"gateway"_s;
    QCOMPARE(byKey.toJson().value("targetType"_L1).toString(), u"gateway"_s);
    const auto back = MgmtTarget::fromJson(byKey.toJson(), nullptr);
    QVERIFY(back);
    QCOMPARE(back->targetTypeKey, u"gateway"_s);
    QVERIFY(!back->targetType);

    MgmtTarget both = byKey;
    both.targetType = 7; // the id wins on the wire
    QCOMPARE(both.toJson().value("targetType"_L1).toInteger(), 7);
}

void TestMgmtMessages::groupConditions()
{
    const QJsonObject g = fullGroup().toJson();
    QCOMPARE(g.value("successCondition"_L1).toObject(),
             (QJsonObject { { "condition"_L1, u"THRESHOLD"_s }, { "expression"_L1, u"80"_s } }));
    QCOMPARE(g.value("successAction"_L1).toObject(),
             (QJsonObject { { "action"_L1, u"PAUSE"_s }, { "expression"_L1, u""_s } }));
    QCOMPARE(g.value("errorCondition"_L1).toObject(),
             (QJsonObject { { "condition"_L1, u"THRESHOLD"_s }, { "expression"_L1, u"20"_s } }));
    QCOMPARE(g.value("errorAction"_L1).toObject(),
             (QJsonObject { { "action"_L1, u"PAUSE"_s }, { "expression"_L1, u""_s } }));
}

// The event stream's data: each type survives encode -> decode, and its JSON is what the console reads.
void TestMgmtMessages::events()
{
    checkRoundTrip(TargetChangedEvent { 4, u"dev-4"_s, u"pending"_s });
    checkRoundTrip(TargetPolledEvent { 4, u"dev-4"_s, 1764584722123 });
    checkRoundTrip(EntityEvent { 12 });
    checkRoundTrip(ActionChangedEvent { 9, 4, u"running"_s, 2, 8 });
    checkRoundTrip(RolloutChangedEvent { 2, u"wave"_s, u"paused"_s });
    checkRoundTrip(RolloutGroupChangedEvent { 8, 40, 30, 2, 8 });
    checkRoundTrip(ResyncEvent { u"the events after 3 are no longer kept"_s });
    QCOMPARE(ActionChangedEvent({ 9, 4, u"running"_s, 0, 0 }).toJson(),
             (QJsonObject { { "id"_L1, 9 },
                            { "targetId"_L1, 4 },
                            { "status"_L1, u"running"_s },
                            { "rolloutId"_L1, 0 },
                            { "rolloutGroupId"_L1, 0 } }));
    DecodeError error;
    QVERIFY(!TargetPolledEvent::fromJson(QJsonObject { { "at"_L1, u"now"_s } }, &error));
    QCOMPARE(error.message, u"at must be a whole number"_s);
}

void TestMgmtMessages::eventEnvelope_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // empty: reads
    QTest::newRow("event") << R"({"seq":7,"type":"target.polled","data":{"id":1}})"_ba << QString();
    QTest::newRow("hello without data") << R"({"seq":0,"type":"hello"})"_ba << QString();
    QTest::newRow("no sequence") << R"({"type":"target.polled","data":{}})"_ba
                                 << u"seq must be a sequence number >= 0"_s;
    QTest::newRow("negative sequence") << R"({"seq":-1,"type":"hello"})"_ba << u"seq must be a sequence number >= 0"_s;
    QTest::newRow("sequence as text") << R"({"seq":"7","type":"hello"})"_ba << u"seq must be a whole number"_s;
    QTest::newRow("no type") << R"({"seq":7,"data":{}})"_ba << u"type must be a non-empty string"_s;
    QTest::newRow("data not an object") << R"({"seq":7,"type":"x","data":[1]})"_ba << u"data must be an object"_s;
}

void TestMgmtMessages::eventEnvelope()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    DecodeError error;
    const std::optional<EventMessage> m = EventMessage::fromJson(QJsonDocument::fromJson(json).object(), &error);
    QCOMPARE(m.has_value(), message.isEmpty());
    QCOMPARE(error.message, message);
    if (m)
        checkRoundTrip(*m);
}

QTEST_GUILESS_MAIN(TestMgmtMessages)
#include "tst_mgmtmessages.moc"
