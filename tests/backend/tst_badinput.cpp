// The bad-input sweep (issue 20), generated from the route table that serves and documents the Management API
// (ManagementServer::routes(), the source of openapi.json), so a new route cannot escape it. For every route and
// method: ids that name nothing or are not ids at all ("..", "%00", absurd lengths, SQL), malformed and
// wrongly-typed bodies, wrong content types, and for lists absurd paging, sorting and queries. Every answer is a
// 4xx with hawkBit's JSON error shape — never a 5xx, never a dropped connection — or, for input that happens to
// be harmless, a success; and the store's collections are exactly as they were before the sweep. The DDI's routes
// (DdiServer::routes()) get the same: bad action, module and controller ids, another tenant, malformed and
// wrongly-typed feedback, configData and confirmation bodies, oversized ones, wrong content types, absurd query
// parameters; the device's target, attributes, action and its history are as they were.
#include "backend/ddiserver.h"
#include "backend/managementserver.h"
#include "backend/server.h"
#include "tests/backend/routeverbs.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"

#include <QJsonArray>
#include <QTest>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {

// Path segments no route may take for an id: absent, negative, not a number, traversal, NUL, absurd, injection.
QStringList badPathIds()
{
    return { u"999999999"_s, u"-1"_s,   u"abc"_s,  u"%2e%2e"_s,         u"%00"_s,
             u"%25"_s,       u"0x10"_s, u"1e99"_s, QString(3000, u'x'), u"1%20OR%201=1"_s };
}

// Bodies no route can read, whatever it expects: broken JSON, JSON of the wrong kind, empty objects and lists.
QList<QByteArray> malformedBodies()
{
    return { "{", "[", "null", "\"text\"", "42", "{}", "[{}]", "[null]" };
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noRouteAnswers5xx();
    void noDdiRouteAnswers5xx();
    void fieldsHaveHawkbitsLengths_data();
    void fieldsHaveHawkbitsLengths();

private:
    // The collections and their totals: what must not change.
    QMap<QString, int> snapshot();
    // Checks one answer; a description of the problem, or empty.
    static QString problemWith(const HttpAnswer &a);
    QString send(const QByteArray &verb, const QString &path, const QByteArray &body,
                 const QByteArray &contentType = "application/json");

    QTemporaryDir m_dir;
    std::unique_ptr<Flotilla::Server> m_server;
    std::unique_ptr<HttpClient> m_api;
    QStringList m_problems;
    int m_requests = 0;
    QString m_token; // dev-1's security token
    qint64 m_action = 0; // dev-1's open action
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_server = startWithAdmin(loopbackServerConfig(m_dir), &error);
    QVERIFY2(m_server, qPrintable(error));
    m_api = std::make_unique<HttpClient>(m_server->url() + u"/rest/v1"_s);
    m_api->setAuthorization("Basic " + QByteArray("admin:admin-password").toBase64());
    // Something of every kind, so that routes with a real id reach their body parsing.
    const qint64 set = addFirmwareSet(*m_api);
    QVERIFY(set > 0);
    QCOMPARE(m_api->post(u"/targets"_s, R"([{"controllerId":"dev-1","name":"dev-1"}])").status, 201);
    QCOMPARE(m_api->post(u"/targettags"_s, R"([{"name":"t"}])").status, 201);
    QCOMPARE(m_api->post(u"/distributionsettags"_s, R"([{"name":"d"}])").status, 201);
    // dev-1 gets an action, so the DDI's action routes reach their body parsing.
    const HttpAnswer assigned = m_api->post(u"/targets/dev-1/assignedDS"_s, u"{\"id\":%1}"_s.arg(set).toUtf8());
    QVERIFY2(assigned.status == 200, assigned.body.constData());
    m_action = assigned.json()["assignedActions"_L1].toArray().at(0)["id"_L1].toInteger();
    QVERIFY(m_action > 0);
    m_token = m_api->get(u"/targets/dev-1"_s).json()["securityToken"_L1].toString();
    QVERIFY(!m_token.isEmpty());
}

void TestBadInput::cleanupTestCase()
{
    m_api.reset();
    m_server.reset();
}

QMap<QString, int> TestBadInput::snapshot()
{
    QMap<QString, int> totals;
    for (const QString &c : { u"targets"_s, u"softwaremodules"_s, u"distributionsets"_s, u"rollouts"_s, u"targettags"_s,
                              u"distributionsettags"_s, u"targetfilters"_s, u"softwaremoduletypes"_s,
                              u"distributionsettypes"_s, u"targettypes"_s, u"autoassignments"_s, u"users"_s }) {
        const HttpAnswer a = m_api->get(u"/%1?limit=1"_s.arg(c));
        totals.insert(c, a.status == 200 ? a.json()["total"_L1].toInt() : -a.status);
    }
    const HttpAnswer actions = m_api->get(u"/targets/dev-1/actions?limit=1"_s);
    totals.insert(u"actions of dev-1"_s, actions.json()["total"_L1].toInt());
    return totals;
}

QString TestBadInput::problemWith(const HttpAnswer &a)
{
    if (a.status == 0)
        return u"no answer (%1)"_s.arg(int(a.error));
    if (a.status >= 500)
        return u"HTTP %1: %2"_s.arg(a.status).arg(QString::fromUtf8(a.body.left(200)));
    if (a.status >= 400) {
        const QJsonObject e = a.json();
        if (e["message"_L1].toString().isEmpty() || e["errorCode"_L1].toString().isEmpty())
            return u"HTTP %1 without hawkBit's error body: %2"_s.arg(a.status).arg(QString::fromUtf8(a.body.left(200)));
    }
    return {};
}

QString TestBadInput::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                           const QByteArray &contentType)
{
    ++m_requests;
    const QString url = m_server->url() + u"/rest/v1"_s + path;
    const HttpAnswer a = m_api->send(verb, QString(url), body, { { "Content-Type", contentType } });
    const QString problem = problemWith(a);
    if (!problem.isEmpty())
        m_problems << u"%1 %2 (body %3): %4"_s.arg(QString::fromLatin1(verb), path,
                                                   QString::fromUtf8(body.left(40)).simplified(), problem);
    return problem;
}

void TestBadInput::noRouteAnswers5xx()
{
    const QMap<QString, int> before = snapshot();
    // Ids that name nothing, or are not ids.
    const QStringList badIds = badPathIds();
    // A real resource per collection, for routes whose body should be reached.
    const QMap<QString, QString> realId { { u"targets"_s, u"dev-1"_s },         { u"softwaremodules"_s, u"1"_s },
                                          { u"distributionsets"_s, u"2"_s },    { u"targettags"_s, u"1"_s },
                                          { u"distributionsettags"_s, u"2"_s }, { u"softwaremoduletypes"_s, u"1"_s },
                                          { u"distributionsettypes"_s, u"2"_s } };
    const QList<QByteArray> badBodies = malformedBodies()
        + QList<QByteArray> {
              R"({"name": 5, "id": "x", "controllerId": [], "type": {}, "value": {"a": 1}})",
              R"([{"name": 5, "id": "x", "controllerId": [], "type": {}, "key": 7}])",
              R"({"id": -1, "distributionSetId": 1e308, "amountGroups": -5, "targetFilterQuery": "(((("})",
              R"([{"id": 99999999999999999999, "controllerId": "a\u0000b"}])",
              "{\"name\": \"\xff\xfe\x80\"}",
              QByteArray("{\"name\": \"") + QByteArray(200000, 'n') + "\"}",
          };
    const QStringList badQueries { u"offset=-1"_s,
                                   u"limit=abc"_s,
                                   u"limit=100000000"_s,
                                   u"offset=1e9"_s,
                                   u"sort=nosuchfield:ASC"_s,
                                   u"sort=name:SIDEWAYS"_s,
                                   u"q=(((("_s,
                                   u"q=name%3D%3D"_s,
                                   u"q=%00"_s,
                                   u"offset=1&offset=2&limit=1&limit=9"_s };

    int routes = 0;
    for (const Flotilla::ManagementServer::Route &route : Flotilla::ManagementServer::routes()) {
        ++routes;
        const QByteArray verb = verbOf(route.method);
        const QString collection = route.path.section(u'/', 1, 1);
        const int args = int(route.path.count(u"<arg>"_s));
        // Every argument bad in turn (the others bad too: nothing may be found, nothing may change).
        if (args > 0) {
            for (const QString &bad : badIds) {
                QString path = route.path;
                path.replace(u"<arg>"_s, bad);
                send(verb, path, verb == "POST" || verb == "PUT" ? "{}" : "");
            }
        }
        // The first argument real, the rest bad; or no argument: the body's parsing is reached.
        QString reachable = route.path;
        if (args > 0)
            reachable.replace(reachable.indexOf(u"<arg>"_s), 5, realId.value(collection, u"1"_s));
        reachable.replace(u"<arg>"_s, u"999999999"_s);
        if (verb == "POST" || verb == "PUT") {
            // A real resource's delete or update with junk is still junk; but a POST of a command such as
            // /rollouts/<id>/start with an unknown id is fine to send.
            for (const QByteArray &body : badBodies)
                send(verb, reachable, body);
            send(verb, reachable, "{\"name\":\"x\"}", "text/plain");
            send(verb, reachable, "name=x", "application/x-www-form-urlencoded");
        }
        if (verb == "GET" && args == 0) {
            for (const QString &q : badQueries)
                send(verb, route.path + u'?' + q, {});
        }
    }
    QVERIFY2(routes > 80, qPrintable(QString::number(routes)));
    qInfo("%d routes, %d requests", routes, m_requests);
    QVERIFY2(m_problems.isEmpty(),
             qPrintable(u"%1 of %2 answers break the rules:\n"_s.arg(m_problems.size()).arg(m_requests)
                        + m_problems.mid(0, 60).join(u'\n')));
    const QMap<QString, int> after = snapshot();
    if (after != before)
        qWarning().noquote() << "targets now:" << m_api->get(u"/targets"_s).body;
    QCOMPARE(after, before);
    // A body sent as text/plain or a form was not read as JSON (415): the target kept its name.
    QCOMPARE(m_api->get(u"/targets/dev-1"_s).json()["name"_L1].toString(), u"dev-1"_s);
    QCOMPARE(send("PUT", u"/targets/dev-1"_s, R"({"name":"renamed"})", "text/plain"), QString());
    QCOMPARE(m_api
                 ->send("PUT", m_server->url() + u"/rest/v1/targets/dev-1"_s, R"({"name":"x"})",
                        { { "Content-Type", "text/plain" } })
                 .status,
             415);
}

void TestBadInput::noDdiRouteAnswers5xx()
{
    // What the device side may change, read through the Management API before and after.
    auto state = [this] {
        QJsonObject target = m_api->get(u"/targets/dev-1"_s).json();
        for (const char *volatileKey : { "lastControllerRequestAt", "pollStatus", "_links", "lastModifiedAt" })
            target.remove(QLatin1StringView(volatileKey));
        QMap<QString, QByteArray> s;
        s.insert(u"target"_s, QJsonDocument(target).toJson(QJsonDocument::Compact));
        s.insert(u"attributes"_s, m_api->get(u"/targets/dev-1/attributes"_s).body);
        s.insert(
            u"action"_s,
            QByteArray::number(m_api->get(u"/targets/dev-1/actions/%1"_s.arg(m_action)).status)
                + m_api->get(u"/targets/dev-1/actions/%1"_s.arg(m_action)).json()["status"_L1].toString().toUtf8());
        s.insert(
            u"history"_s,
            QByteArray::number(
                m_api->get(u"/targets/dev-1/actions/%1/status?limit=1"_s.arg(m_action)).json()["total"_L1].toInt()));
        s.insert(u"targets"_s, QByteArray::number(m_api->get(u"/targets?limit=1"_s).json()["total"_L1].toInt()));
        return s;
    };
    HttpClient device(m_server->url());
    device.setAuthorization("TargetToken " + m_token.toUtf8());
    QStringList problems;
    int requests = 0;
    auto check = [&](const QByteArray &verb, const QString &path, const QByteArray &body,
                     const QByteArray &contentType = "application/json") {
        ++requests;
        const HttpAnswer a = device.send(verb, path, body, { { "Content-Type", contentType } });
        QString problem;
        if (a.status == 0)
            problem = u"no answer (%1)"_s.arg(int(a.error));
        else if (a.status >= 500)
            problem = u"HTTP %1: %2"_s.arg(a.status).arg(QString::fromUtf8(a.body.left(200)));
        else if (a.status >= 400 && verb != "HEAD"
                 && (a.json()["errorCode"_L1].toString().isEmpty() || a.json()["message"_L1].toString().isEmpty()))
            problem
                = u"HTTP %1 without the DDI's error body: %2"_s.arg(a.status).arg(QString::fromUtf8(a.body.left(200)));
        if (!problem.isEmpty())
            problems << u"%1 %2 (body %3): %4"_s.arg(QString::fromLatin1(verb), path.left(120),
                                                     QString::fromUtf8(body.left(40)).simplified(), problem);
    };
    const QString root = u"/DEFAULT/controller/v1/"_s;
    // The device reads its action once as it should (that is history: "retrieved"); from here on nothing the
    // sweep sends may change anything.
    QCOMPARE(device.get(root + u"dev-1/deploymentBase/%1"_s.arg(m_action)).status, 200);
    const QMap<QString, QByteArray> before = state();
    const QStringList badIds = badPathIds();
    QList<QByteArray> badBodies = malformedBodies()
        + QList<QByteArray> {
              "{\"\xff\xfe\": 1}",
              R"({"id":"x","status":{"execution":"nonsense","result":{"finished":"success"}}})",
              R"({"status":{"execution":"closed","result":{"finished":5}}})",
              R"({"status":{"execution":"proceeding","result":{"finished":"none","progress":{"cnt":-1,"of":"x"}}}})",
              R"({"status":{"execution":["closed"],"result":{}},"time":{}})",
              R"({"status":{"execution":"closed","result":{"finished":"success"},"details":[1,{},null]}})",
              R"({"confirmation":"maybe","code":"x","details":"not a list"})",
              R"({"mode":"bogus","data":{"k":"v"}})",
              R"({"mode":"merge","data":{"k":{"nested":1}}})",
              R"({"mode":"merge","data":[1,2]})",
              R"({"initiator":5,"remark":[]})",
              QByteArray(R"({"mode":"merge","data":{")") + QByteArray(200, 'k') + R"(":"v"}})",
              QByteArray(R"({"status":{"execution":"closed","result":{"finished":"success"},"details":[")")
                  + QByteArray(600000, 'd') + "\"]}}", // over the 512 KiB body limit: 413
          };
    QByteArray manyAttributes = R"({"mode":"merge","data":{)";
    for (int i = 0; i < 5000; ++i)
        manyAttributes += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":\"v\"";
    badBodies << manyAttributes + "}}";
    const QStringList badQueries { u"actionHistory=-5"_s, u"actionHistory=abc"_s, u"actionHistory=100000000"_s,
                                   u"c=1&c=2&actionHistory=1&actionHistory=3"_s, u"c=%00"_s };

    int routes = 0;
    for (const Flotilla::DdiServer::Route &route : Flotilla::DdiServer::routes()) {
        ++routes;
        const QByteArray verb = verbOf(route.methods.testFlag(QHttpServerRequest::Method::Head)
                                           ? QHttpServerRequest::Method::Get
                                           : QHttpServerRequest::Method(route.methods.toInt()));
        const int args = int(route.path.count(u"<arg>"_s));
        const bool writes = verb == "POST" || verb == "PUT";
        for (const QString &bad : badIds) {
            // Every argument bad in turn; then the controllerId itself bad (another device's, or no id at all).
            if (args > 0) {
                QString path = route.path;
                path.replace(u"<arg>"_s, bad);
                check(verb, root + u"dev-1"_s + path, writes ? "{}" : "");
            }
            QString path = route.path;
            path.replace(u"<arg>"_s, QString::number(m_action));
            check(verb, root + bad + path, writes ? "{}" : "");
        }
        QString real = route.path;
        real.replace(real.indexOf(u"<arg>"_s) < 0 ? 0 : real.indexOf(u"<arg>"_s), real.contains(u"<arg>"_s) ? 5 : 0,
                     route.path.startsWith(u"/softwaremodules"_s) ? u"1"_s : QString::number(m_action));
        real.replace(u"<arg>"_s, u"no-such-file"_s);
        if (writes) {
            for (const QByteArray &body : std::as_const(badBodies))
                check(verb, root + u"dev-1"_s + real, body);
            check(verb, root + u"dev-1"_s + real, R"({"status":{"execution":"closed"}})", "text/plain");
            check(verb, root + u"dev-1"_s + real, "status=closed", "application/x-www-form-urlencoded");
        } else {
            for (const QString &q : badQueries)
                check(verb, root + u"dev-1"_s + real + u'?' + q, {});
            if (route.methods.testFlag(QHttpServerRequest::Method::Head))
                check("HEAD", root + u"dev-1"_s + real, {});
        }
        // Another tenant is nobody's.
        check(verb, u"/NOPE/controller/v1/dev-1"_s + real, writes ? "{}" : "");
    }
    QVERIFY2(routes >= 15, qPrintable(QString::number(routes)));
    qInfo("%d DDI routes, %d requests", routes, requests);
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 of %2 answers break the rules:\n"_s.arg(problems.size()).arg(requests)
                        + problems.mid(0, 60).join(u'\n')));
    const QMap<QString, QByteArray> after = state();
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(),
                 qPrintable(u"%1 changed: %2 -> %3"_s.arg(it.key(), QString::fromUtf8(it.value()),
                                                          QString::fromUtf8(after.value(it.key())))));
}

void TestBadInput::fieldsHaveHawkbitsLengths_data()
{
    // hawkBit's repository model sizes (NamedEntity 128/512, NamedVersionedEntity 64, SoftwareModule vendor 256
    // and metadata 128/4000, Target controllerId 256, TargetFilterQuery 1024, Type key 64, Tag colour 16).
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body"); // %1: the value under test
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("limit");
    QTest::newRow("type key") << u"/softwaremoduletypes"_s << uR"([{"key":"%1","name":"n"}])"_s << u"key"_s << 64;
    QTest::newRow("type name") << u"/softwaremoduletypes"_s << uR"([{"key":"k-name","name":"%1"}])"_s << u"name"_s
                               << 128;
    QTest::newRow("module version") << u"/softwaremodules"_s << uR"([{"type":"os","name":"m1","version":"%1"}])"_s
                                    << u"version"_s << 64;
    QTest::newRow("module vendor") << u"/softwaremodules"_s
                                   << uR"([{"type":"os","name":"m2","version":"1","vendor":"%1"}])"_s << u"vendor"_s
                                   << 256;
    QTest::newRow("module description") << u"/softwaremodules"_s
                                        << uR"([{"type":"os","name":"m3","version":"1","description":"%1"}])"_s
                                        << u"description"_s << 512;
    QTest::newRow("controllerId") << u"/targets"_s << uR"([{"controllerId":"%1"}])"_s << u"controllerId"_s << 256;
    QTest::newRow("target name") << u"/targets"_s << uR"([{"controllerId":"t-name","name":"%1"}])"_s << u"name"_s
                                 << 128;
    QTest::newRow("tag colour") << u"/targettags"_s << uR"([{"name":"c","colour":"%1"}])"_s << u"colour"_s << 16;
    QTest::newRow("filter query") << u"/targetfilters"_s << uR"({"name":"f","query":"name==%1"})"_s << u"query"_s
                                  << 1024 - 6;
    QTest::newRow("metadata key") << u"/targets/dev-1/metadata"_s << uR"([{"key":"%1","value":"v"}])"_s << u"key"_s
                                  << 128;
    QTest::newRow("metadata value") << u"/targets/dev-1/metadata"_s << uR"([{"key":"mv","value":"%1"}])"_s << u"value"_s
                                    << 4000;
}

void TestBadInput::fieldsHaveHawkbitsLengths()
{
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(QString, field);
    QFETCH(int, limit);
    static int row = 0;
    const QChar fill = QChar(u'a' + (row++ % 26)); // each row its own value, so none collides with another's
    const HttpAnswer over = m_api->post(path, body.arg(QString(limit + 1, fill)).toUtf8());
    QCOMPARE(over.status, 400);
    QCOMPARE(over.json()["errorCode"_L1].toString(), u"hawkbit.server.error.repo.constraintViolation"_s);
    QVERIFY2(over.json()["message"_L1].toString().startsWith(field + u": at most"_s), over.body.constData());
    const HttpAnswer at = m_api->post(path, body.arg(QString(limit, fill)).toUtf8());
    QVERIFY2(at.status == 200 || at.status == 201, at.body.constData());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
