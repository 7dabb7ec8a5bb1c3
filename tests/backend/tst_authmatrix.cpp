// The authorization matrix (issue 20), generated from the route table that serves and documents the Management
// API (ManagementServer::routes()), so a new route cannot escape it: every route and method, asked by each role
// (admin, operator, approver, viewer), with a bearer token, with no credentials, with a device's token, with a
// bearer token never issued, and (once per permission) with a wrong password. A role that lacks the route's permission
// gets 403; one that has it never gets 401 or 403; no or wrong credentials get 401, always with hawkBit's JSON error
// body. Nothing answers 5xx.
#include "backend/managementserver.h"
#include "backend/permission.h"
#include "backend/server.h"
#include "tests/backend/routeverbs.h"
#include "tests/common/httpclient.h"
#include "tests/common/loopbackserver.h"

#include <QSet>
#include <QTest>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;
using Flotilla::ManagementServer;
using Flotilla::Roles;

class TestAuthMatrix : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyRouteAsEveryone();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Flotilla::Server> m_server;
};

void TestAuthMatrix::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_server = startWithAdmin(loopbackServerConfig(m_dir), &error);
    QVERIFY2(m_server, qPrintable(error));
    HttpClient admin(m_server->url() + u"/rest/v1"_s);
    admin.setAuthorization("Basic " + QByteArray("admin:admin-password").toBase64());
    for (const QString &role : Roles::names()) {
        if (role == "admin"_L1)
            continue;
        const HttpAnswer a = admin.post(
            u"/users"_s,
            u"{\"username\":\"as-%1\",\"password\":\"%1-password\",\"roles\":[\"%1\"]}"_s.arg(role).toUtf8());
        QVERIFY2(a.status == 201, a.body.constData());
    }
    QCOMPARE(admin.post(u"/targets"_s, R"([{"controllerId":"dev-1","name":"dev-1","securityToken":"device-token-1"}])")
                 .status,
             201);
}

void TestAuthMatrix::cleanupTestCase()
{
    m_server.reset();
}

void TestAuthMatrix::everyRouteAsEveryone()
{
    struct Caller
    {
        QString name;
        QByteArray authorization;
        QStringList roles; // empty: not an operator at all
        bool wrongPassword = false;
    };
    QList<Caller> callers;
    for (const QString &role : Roles::names()) {
        const QString user = role == "admin"_L1 ? u"admin:admin-password"_s : u"as-%1:%1-password"_s.arg(role);
        callers.append({ role, "Basic " + user.toUtf8().toBase64(), { role } });
    }
    // A bearer token carries its operator's roles.
    HttpClient viewer(m_server->url() + u"/rest/v1"_s);
    viewer.setAuthorization("Basic " + QByteArray("as-viewer:viewer-password").toBase64());
    const HttpAnswer issued = viewer.post(u"/auth/token"_s, {});
    QCOMPARE(issued.status, 201);
    callers.append(
        { u"viewer's bearer token"_s, "Bearer " + issued.json()["token"_L1].toString().toLatin1(), { u"viewer"_s } });
    callers.append({ u"no credentials"_s, {}, {} });
    callers.append({ u"a wrong password"_s, "Basic " + QByteArray("admin:admin-passwore").toBase64(), {}, true });
    callers.append({ u"a device's TargetToken"_s, "TargetToken device-token-1", {} });
    callers.append({ u"a bearer token that was never issued"_s, "Bearer " + QByteArray(43, 'A'), {} });

    HttpClient http(m_server->url());
    QStringList problems;
    int requests = 0;
    QSet<Flotilla::Permission> permissionsSeen;
    for (const ManagementServer::Route &route : ManagementServer::routes()) {
        const QByteArray verb = verbOf(route.method);
        // Ids that name nothing: the answer is decided by the credentials alone, and nothing changes.
        QString path = route.path;
        path.replace(u"<arg>"_s, u"999999999"_s);
        const QByteArray body = verb == "POST" || verb == "PUT" ? "{}" : "";
        const bool firstOfItsPermission = !permissionsSeen.contains(route.permission);
        permissionsSeen.insert(route.permission);
        for (const Caller &c : std::as_const(callers)) {
            // A wrong password costs a full PBKDF2 (as it should): once per permission, not on all 155 routes (every
            // route is behind the same check, which the cheap refusals above and below prove on each of them).
            if (c.wrongPassword && !firstOfItsPermission)
                continue;
            ++requests;
            QList<std::pair<QByteArray, QByteArray>> headers { { "Content-Type", "application/json" } };
            if (!c.authorization.isEmpty())
                headers.append({ "Authorization", c.authorization });
            const HttpAnswer a = http.send(verb, m_server->url() + u"/rest/v1"_s + path, body, headers);
            const int expected = c.roles.isEmpty() ? 401 : (Roles::grants(c.roles, route.permission) ? 0 : 403);
            const bool ok = expected == 0 ? (a.status >= 200 && a.status < 500 && a.status != 401 && a.status != 403)
                                          : a.status == expected;
            const bool errorBody = a.status < 400 || !a.json()["message"_L1].toString().isEmpty();
            if (!ok || !errorBody)
                problems << u"%1 %2 as %3: HTTP %4 (expected %5) %6"_s.arg(QString::fromLatin1(verb), path, c.name)
                                .arg(a.status)
                                .arg(expected == 0 ? u"neither 401 nor 403"_s : QString::number(expected))
                                .arg(QString::fromUtf8(a.body.left(120)));
        }
    }
    qInfo("%d routes, %lld callers, %d requests", int(ManagementServer::routes().size()), qint64(callers.size()),
          requests);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 30).join(u'\n')));
}

QTEST_GUILESS_MAIN(TestAuthMatrix)
#include "tst_authmatrix.moc"
