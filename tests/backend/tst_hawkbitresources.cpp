// Conformance with hawkBit's Management API, resource by resource: rollouts and their groups, tags, types, audit
// fields, an action's last status code, target groups. Written from hawkBit's model classes and REST interfaces
// (Mgmt*RestApi), against the server of hawkbitserver.h.
#include "tests/backend/hawkbitserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestHawkbitResources : public HawkbitServer
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { start(); }
    void cleanupTestCase() { stop(); }
    void rolloutApprovalKey();
    void rolloutGroupsAsHawkbitDefinesThem();
    void triggerNextGroup();
    void tagsByIdAndOfATarget();
    void setTypeModuleTypes();
    void auditFieldsNameWhoAndWhen();
    void targetTypeById();
    void typesAsHawkbitChangesThem();
    void minArtifactsKeepASetIncomplete();
    void lastStatusCodeOfAnAction();
    void targetGroups();
};

void TestHawkbitResources::rolloutApprovalKey()
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

void TestHawkbitResources::rolloutGroupsAsHawkbitDefinesThem()
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

void TestHawkbitResources::triggerNextGroup()
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

void TestHawkbitResources::tagsByIdAndOfATarget()
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

void TestHawkbitResources::setTypeModuleTypes()
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

void TestHawkbitResources::auditFieldsNameWhoAndWhen()
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

void TestHawkbitResources::targetTypeById()
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
void TestHawkbitResources::typesAsHawkbitChangesThem()
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
void TestHawkbitResources::minArtifactsKeepASetIncomplete()
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
void TestHawkbitResources::lastStatusCodeOfAnAction()
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
void TestHawkbitResources::targetGroups()
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

QTEST_GUILESS_MAIN(TestHawkbitResources)
#include "tst_hawkbitresources.moc"
