#pragma once

// The server every hawkBit conformance test (tst_hawkbitcompat, tst_hawkbitresources, tst_hawkbitautomation) runs
// against: one whole Server (the composition flotillad runs) over loopback, with a repository as a hawkBit script
// builds it (module type "os" referenced by id, set type "os_set", module 1, set 1), targets c-10, c-11, c-2, c-3
// and solo (which has polled and has an action), a target tag, a target type, the rollout r1 with the groups
// "canary" and "rest", and the auto-assignment "later"; m_resources holds what the field rows read, fetched once.
#include "backend/managementserver.h"
#include "backend/server.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"

#include <QJsonArray>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

namespace FlotillaTest {

using namespace Qt::StringLiterals;

class HawkbitServer : public QObject
{
protected:
    // Call from initTestCase(); QVERIFY/QCOMPARE inside end it on failure.
    void start();
    void stop()
    {
        m_client.reset();
        m_server.reset();
    }
    HttpClient &admin()
    {
        m_client->setAuthorization("Basic " + QByteArray("admin:admin-password").toBase64());
        return *m_client;
    }
    QJsonObject rolloutGroup(int rolloutId, int position);
    QJsonValue fieldOf(const QString &resource, const QString &path);
    int createRollout(const QByteArray &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Flotilla::Server> m_server;
    std::unique_ptr<HttpClient> m_client;
    QHash<QString, QJsonObject> m_resources; // what the rows read, fetched once
};

inline void HawkbitServer::start()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Flotilla::ServerConfig config = loopbackServerConfig(*m_dir);
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

inline int HawkbitServer::createRollout(const QByteArray &body)
{
    const HttpAnswer a = admin().post(u"/rollouts"_s, body);
    if (a.status != 201)
        qWarning().noquote() << a.status << a.body;
    return a.status == 201 ? a.json()["id"_L1].toInt() : 0;
}

inline QJsonObject HawkbitServer::rolloutGroup(int rolloutId, int position)
{
    return admin().get(u"/rollouts/%1/deploygroups"_s.arg(rolloutId)).json()["content"_L1][position].toObject();
}

inline QJsonValue HawkbitServer::fieldOf(const QString &resource, const QString &path)
{
    QJsonValue v = m_resources.value(resource);
    for (const QString &part : path.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

} // namespace FlotillaTest
