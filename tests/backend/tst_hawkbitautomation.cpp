// Conformance with hawkBit's Management API, the automation and the repository's lifecycle: auto-assignments (both
// forms) and their approval, PUT on modules, sets and rollouts, metadata, set tags, userinfo, target filters,
// invalidation and set statistics. Written from hawkBit's model classes and REST interfaces (Mgmt*RestApi),
// against the server of hawkbitserver.h.
#include "proto/mgmt/mgmtmetadata.h"
#include "proto/mgmt/mgmtoverview.h"
#include "tests/backend/hawkbitserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestHawkbitAutomation : public HawkbitServer
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { start(); }
    void cleanupTestCase() { stop(); }
    void autoAssignments();
    void autoAssignmentApproval();
    void updatesAsHawkbitTakesThem();
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
};

// hawkBit's /autoassignments: refused bodies, a start time, start / pause / resume and what each does to the
// targets the query matches, listing with q and sort, PUT, DELETE and statistics.
void TestHawkbitAutomation::autoAssignments()
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
    // The whole statistics and one part of them, read as hawkBit's MgmtDistributionSetStatistics.
    Mgmt::DecodeError error;
    const auto whole
        = Mgmt::MgmtDistributionSetStatistics::fromJson(api.get(u"/distributionsets/1/statistics"_s).json(), &error);
    QVERIFY2(whole, qPrintable(error.message));
    QVERIFY(whole->actions && whole->actions->contains(u"total"_s));
    QVERIFY(whole->rollouts && whole->rollouts->contains(u"total"_s));
    QCOMPARE(whole->totalAutoAssignments, std::optional<qint64>(before - 1));
    const auto part = Mgmt::MgmtDistributionSetStatistics::fromJson(
        api.get(u"/distributionsets/1/statistics/actions"_s).json(), &error);
    QVERIFY2(part, qPrintable(error.message));
    QCOMPARE(part->actions, whole->actions);
    QVERIFY(!part->rollouts && !part->totalAutoAssignments);
}

// auto.assignment.approval.enabled: new auto-assignments wait; approved they run without a start time, denied
// they never do; the decision names who took it and why.
void TestHawkbitAutomation::autoAssignmentApproval()
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

void TestHawkbitAutomation::updatesAsHawkbitTakesThem()
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
    // Another rollout's name is taken (one of the set made above, so set 1's statistics stay as they are).
    const QByteArray other = u"{\"name\":\"needs-approval\",\"targetFilterQuery\":\"controllerId==c-2\","
                             "\"distributionSetId\":%1,\"amountGroups\":1}"_s.arg(second["id"_L1].toInt())
                                 .toUtf8();
    QVERIFY(createRollout(other) > 0);
    QCOMPARE(api.put(u"/rollouts/1"_s, R"({"name":"needs-approval"})").status, 409);
    QCOMPARE(api.put(u"/rollouts/1"_s, R"({"name":"r1"})").status, 200);
}

void TestHawkbitAutomation::metadata_data()
{
    QTest::addColumn<QString>("owner");
    QTest::addColumn<bool>("module");
    QTest::newRow("target") << u"/targets/c-3"_s << false;
    QTest::newRow("software module") << u"/softwaremodules/1"_s << true;
    QTest::newRow("distribution set") << u"/distributionsets/1"_s << false;
}

void TestHawkbitAutomation::metadata()
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
    // A value of the wrong type is unreadable, never stored as "" (POST) or left as it was silently (PUT).
    const QString site = list + u"/site"_s;
    for (const auto &[verb, path, body] :
         QList<std::tuple<QByteArray, QString, QByteArray>> { { "POST"_ba, list, R"([{"key":"n","value":5}])"_ba },
                                                              { "PUT"_ba, site, R"({"value":5})"_ba },
                                                              { "PUT"_ba, site, R"({"targetVisible":"no"})"_ba } }) {
        a = api.send(verb, path, body);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json()["errorCode"_L1].toString(), u"hawkbit.server.error.rest.body.notReadable"_s);
    }
    Mgmt::DecodeError error;
    const auto page = Mgmt::decodePage<Mgmt::MgmtMetadata>(api.get(list).json(), &error);
    QVERIFY2(page, qPrintable(error.message));
    QCOMPARE(page->total, 2);
    for (const Mgmt::MgmtMetadata &m : page->content)
        QCOMPARE(m.targetVisible.has_value(), module);
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
void TestHawkbitAutomation::moduleMetadataReachesTheDevice()
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
void TestHawkbitAutomation::distributionSetTags()
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
void TestHawkbitAutomation::userInfo()
{
    QJsonObject me = admin().get(u"/userinfo"_s).json();
    QCOMPARE(me["tenant"_L1].toString(), u"DEFAULT"_s);
    QCOMPARE(me["username"_L1].toString(), u"admin"_s);
    QVERIFY(me["permissions"_L1].toArray().contains(u"TENANT_CONFIGURATION"_s));
    QVERIFY(m_server->accounts().createUser(u"olga"_s, u"olga-password"_s, { u"operator"_s }));
    m_client->setAuthorization("Basic " + QByteArray("olga:olga-password").toBase64()); // an operator
    me = m_client->get(u"/userinfo"_s).json();
    QCOMPARE(me["username"_L1].toString(), u"olga"_s);
    QVERIFY(me["permissions"_L1].toArray().contains(u"CREATE_TARGET"_s));
    QVERIFY(!me["permissions"_L1].toArray().contains(u"TENANT_CONFIGURATION"_s));
    m_client->setAuthorization({});
    QCOMPARE(m_client->get(u"/userinfo"_s).status, 401);
}

// hawkBit's MgmtTargetFilterQueryRestApi: saved queries.
void TestHawkbitAutomation::targetFilters()
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
void TestHawkbitAutomation::autoAssignment()
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
    const HttpAnswer unreadable = api.post(path, R"({"id":1,"weight":"heavy"})");
    QCOMPARE(unreadable.status, 400); // never the default weight in its place
    QCOMPARE(unreadable.json()["errorCode"_L1].toString(), u"hawkbit.server.error.rest.body.notReadable"_s);
    QCOMPARE(unreadable.json()["message"_L1].toString(), u"weight must be a whole number"_s);
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
void TestHawkbitAutomation::invalidation_data()
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

void TestHawkbitAutomation::invalidation()
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
void TestHawkbitAutomation::setStatistics()
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

QTEST_GUILESS_MAIN(TestHawkbitAutomation)
#include "tst_hawkbitautomation.moc"
