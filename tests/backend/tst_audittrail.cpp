// The audit trail (backend/mgmtauditlog.cpp): every operator change through the Management API, written in the
// change's own transaction with who, when, from where, what was asked, and the resource before and after; read
// at GET /rest/v1/audit by administrators only (RSQL, paging, newest first); secrets never stored; reads, refused
// requests and the forecast leave no entry; retention removes old entries.
#include "tests/backend/managementfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestAuditTrail : public ManagementFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void changesAreRecorded_data();
    void changesAreRecorded();
    void secretsAreRedacted();
    void readsAndRefusalsAreNotRecorded();
    void onlyAdministratorsReadIt_data();
    void onlyAdministratorsReadIt();
    void noRouteChangesIt();
    void filtersPagesAndSorts();
    void clientBehindATrustedProxy();
    void retentionRemovesOldEntries();
    void aFailedAuditEntryKeepsTheChangeOut();

private:
    QJsonArray entries(const QString &query = {});
    void addTarget(const QString &id, const QString &description);
};

QJsonArray TestAuditTrail::entries(const QString &query)
{
    const HttpAnswer a = as("admin").get(u"/audit"_s + query);
    if (a.status != 200)
        qWarning().noquote() << "GET /audit" << query << a.status << a.body;
    return a.json().value("content"_L1).toArray();
}

void TestAuditTrail::addTarget(const QString &id, const QString &description)
{
    const QByteArray body
        = QJsonDocument(QJsonArray { QJsonObject {
                            { "controllerId"_L1, id }, { "name"_L1, id }, { "description"_L1, description } } })
              .toJson(QJsonDocument::Compact);
    QCOMPARE(as("operator").post(u"/targets"_s, body).status, 201);
}

void TestAuditTrail::changesAreRecorded_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("entityId");
    QTest::addColumn<QString>("beforeDescription"); // empty: no "before"
    QTest::addColumn<QString>("afterDescription"); // empty: no "after" object with a description
    QTest::newRow("create") << "POST"_ba << u"/targets"_s
                            << R"([{"controllerId":"dev-2","name":"dev-2","description":"made"}])"_ba << 201
                            << QString() << QString() << u"made"_s;
    QTest::newRow("update") << "PUT"_ba << u"/targets/dev-1"_s << R"({"description":"second"})"_ba << 200 << u"dev-1"_s
                            << u"first"_s << u"second"_s;
    QTest::newRow("delete") << "DELETE"_ba << u"/targets/dev-1"_s << QByteArray() << 204 << u"dev-1"_s << u"first"_s
                            << QString();
}

void TestAuditTrail::changesAreRecorded()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, entityId);
    QFETCH(QString, beforeDescription);
    QFETCH(QString, afterDescription);
    addTarget(u"dev-1"_s, u"first"_s);
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(as("operator").send(method, path, body).status, status);

    const QJsonArray list = entries();
    QCOMPARE(list.size(), 2); // the set-up's create and this change, newest first
    const QJsonObject e = list.at(0).toObject();
    QCOMPARE(e.value("actor"_L1).toString(), u"operator"_s);
    QCOMPARE(e.value("address"_L1).toString(), u"127.0.0.1"_s);
    QCOMPARE(e.value("method"_L1).toString(), QString::fromLatin1(method));
    QCOMPARE(e.value("path"_L1).toString(), path);
    QCOMPARE(e.value("status"_L1).toInt(), status);
    QCOMPARE(e.value("entity"_L1).toString(), u"targets"_s);
    QCOMPARE(e.value("entityId"_L1).toString(), entityId);
    QVERIFY(e.value("at"_L1).toInteger() >= startMs - 1000);
    QVERIFY(e.value("at"_L1).toInteger() <= QDateTime::currentMSecsSinceEpoch());
    QVERIFY(e.value("id"_L1).toInteger() > list.at(1).toObject().value("id"_L1).toInteger());
    if (body.isEmpty())
        QVERIFY(e.value("request"_L1).isNull());
    else
        QCOMPARE(QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact),
                 e.value("request"_L1).isArray()
                     ? QJsonDocument(e.value("request"_L1).toArray()).toJson(QJsonDocument::Compact)
                     : QJsonDocument(e.value("request"_L1).toObject()).toJson(QJsonDocument::Compact));
    if (beforeDescription.isEmpty())
        QVERIFY(e.value("before"_L1).isNull());
    else
        QCOMPARE(e.value("before"_L1).toObject().value("description"_L1).toString(), beforeDescription);
    const QJsonValue after = e.value("after"_L1);
    if (afterDescription.isEmpty()) {
        QVERIFY(after.isNull());
    } else {
        const QJsonObject entity = after.isArray() ? after.toArray().at(0).toObject() : after.toObject();
        QCOMPARE(entity.value("description"_L1).toString(), afterDescription);
    }
}

void TestAuditTrail::secretsAreRedacted()
{
    QCOMPARE(as("admin")
                 .post(u"/users"_s, R"({"username":"eve","password":"correct horse battery","roles":["viewer"]})")
                 .status,
             201);
    QCOMPARE(as("operator").post(u"/auth/token"_s, {}).status, 201);
    QCOMPARE(as("admin").post(u"/targets"_s, R"([{"controllerId":"dev-1"}])").status, 201);
    const QByteArray all = as("admin").get(u"/audit"_s).body;
    QVERIFY2(!all.contains("correct horse battery"), all.constData());
    const QJsonArray list = entries();
    QCOMPARE(list.size(), 3);
    const QJsonObject token = list.at(1).toObject();
    QCOMPARE(token.value("path"_L1).toString(), u"/auth/token"_s);
    QCOMPARE(token.value("after"_L1).toObject().value("token"_L1).toString(), u"(redacted)"_s);
    const QJsonObject user = list.at(2).toObject();
    QCOMPARE(user.value("request"_L1).toObject().value("password"_L1).toString(), u"(redacted)"_s);
    QCOMPARE(user.value("request"_L1).toObject().value("username"_L1).toString(), u"eve"_s);
    // A target's security token is a secret too.
    const QJsonObject target = list.at(0).toObject().value("after"_L1).toArray().at(0).toObject();
    QCOMPARE(target.value("securityToken"_L1).toString(), u"(redacted)"_s);
    const QString securityToken = as("admin").get(u"/targets/dev-1"_s).json().value("securityToken"_L1).toString();
    QVERIFY(securityToken.size() >= 16);
    QVERIFY(!all.contains(securityToken.toUtf8()));
}

void TestAuditTrail::readsAndRefusalsAreNotRecorded()
{
    prepareRepository();
    const int before = entries().size();
    QVERIFY(before > 0);
    QCOMPARE(as("viewer").get(u"/targets"_s).status, 200);
    QCOMPARE(as("viewer").post(u"/targets"_s, R"([{"controllerId":"x"}])").status, 403);
    QCOMPARE(as("operator").put(u"/targets/nobody"_s, R"({"description":"x"})").status, 404);
    QCOMPARE(as("operator").post(u"/targets"_s, R"([{"controllerId":""}])").status, 400);
    QCOMPARE(as("operator").post(u"/targets"_s, "not json").status, 400);
    QCOMPARE(as("").post(u"/targets"_s, R"([{"controllerId":"y"}])").status, 401);
    // A forecast computes and stores nothing.
    QVERIFY(as("operator")
                .post(u"/rollouts/forecast"_s,
                      R"({"name":"r","distributionSetId":1,"targetFilterQuery":"id==*","amountGroups":1})")
                .status
            < 500);
    QCOMPARE(entries().size(), before);
}

void TestAuditTrail::onlyAdministratorsReadIt_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<int>("status");
    QTest::newRow("admin") << "admin"_ba << 200;
    QTest::newRow("operator") << "operator"_ba << 403;
    QTest::newRow("approver") << "approver"_ba << 403;
    QTest::newRow("viewer") << "viewer"_ba << 403;
    QTest::newRow("nobody") << QByteArray() << 401;
}

void TestAuditTrail::onlyAdministratorsReadIt()
{
    QFETCH(QByteArray, user);
    QFETCH(int, status);
    QCOMPARE(as(user).get(u"/audit"_s).status, status);
}

void TestAuditTrail::noRouteChangesIt()
{
    addTarget(u"dev-1"_s, u"x"_s);
    const int before = entries().size();
    for (const QByteArray &method : { "POST"_ba, "PUT"_ba, "PATCH"_ba, "DELETE"_ba }) {
        for (const QString &path : { u"/audit"_s, u"/audit/1"_s }) {
            const int status = as("admin").send(method, path, "{}").status;
            QVERIFY2(status == 404 || status == 405,
                     qPrintable(u"%1 %2: %3"_s.arg(QLatin1StringView(method), path).arg(status)));
        }
    }
    QCOMPARE(entries().size(), before);
}

void TestAuditTrail::filtersPagesAndSorts()
{
    addTarget(u"a-1"_s, u"x"_s);
    addTarget(u"a-2"_s, u"x"_s);
    QCOMPARE(as("admin").send("DELETE", u"/targets/a-1"_s).status, 204);
    QCOMPARE(as("operator").put(u"/targets/a-2"_s, R"({"description":"y"})").status, 200);

    QCOMPARE(entries(u"?q=actor==admin"_s).size(), 1);
    QCOMPARE(entries(u"?q=method==DELETE;entityId==a-1"_s).size(), 1);
    QCOMPARE(entries(u"?q=entity==targets"_s).size(), 4);
    QCOMPARE(entries(u"?q=status=ge=201"_s).size(), 3); // two creates (201), one delete (204)
    const HttpAnswer page = as("admin").get(u"/audit?limit=2&offset=1"_s);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json().value("total"_L1).toInt(), 4);
    QCOMPARE(page.json().value("size"_L1).toInt(), 2);
    const QJsonArray newest = entries();
    QCOMPARE(newest.at(0).toObject().value("method"_L1).toString(), u"PUT"_s);
    const QJsonArray oldest = entries(u"?sort=id:ASC"_s);
    QCOMPARE(oldest.at(0).toObject().value("entityId"_L1).toString(), QString()); // the first POST /targets
    QCOMPARE(as("admin").get(u"/audit?q=nosuchfield==1"_s).status, 400);
    QCOMPARE(as("admin").get(u"/audit?sort=request:ASC"_s).status, 400);
}

void TestAuditTrail::clientBehindATrustedProxy()
{
    tearDown();
    setUp([](ServerConfig &c) { c.trustedProxies = u"127.0.0.1"_s; });
    QCOMPARE(as("operator")
                 .send("POST", u"/targets"_s, R"([{"controllerId":"p-1"}])",
                       { { "X-Forwarded-For", "203.0.113.9, 127.0.0.1" } })
                 .status,
             201);
    QCOMPARE(entries().at(0).toObject().value("address"_L1).toString(), u"203.0.113.9"_s);
}

void TestAuditTrail::retentionRemovesOldEntries()
{
    addTarget(u"dev-1"_s, u"x"_s);
    SqlAuditTrail::AuditEntry old;
    old.at = QDateTime::currentDateTimeUtc().addDays(-400);
    old.actor = u"admin"_s;
    old.method = u"DELETE"_s;
    old.path = u"/targets/ancient"_s;
    old.status = 204;
    QVERIFY(m_server->store().auditTrail().appendAuditEntry(old));
    QCOMPARE(entries().size(), 2);
    // The next start prunes (and so does every hour): 365 days by default.
    const QString database = m_dir->filePath(u"db"_s);
    const std::unique_ptr<QTemporaryDir> keep = std::move(m_dir);
    tearDown();
    setUp([&](ServerConfig &c) { c.database = u"sqlite:"_s + database; });
    const QJsonArray left = entries();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).toObject().value("entityId"_L1).toString(), QString());
    // 0 keeps everything.
    QVERIFY(m_server->store().auditTrail().appendAuditEntry(old));
    const std::unique_ptr<QTemporaryDir> keep2 = std::move(m_dir);
    tearDown();
    setUp([&](ServerConfig &c) {
        c.database = u"sqlite:"_s + database;
        c.auditRetentionDays = 0;
    });
    QCOMPARE(entries().size(), 2);
}

// The change and its entry are one transaction: when the entry cannot be written (here a trigger refuses entries
// whose request mentions "doomed"), the operator gets a 500 saying the change was not stored, and nothing of the
// change is kept; other changes go on being made and recorded.
void TestAuditTrail::aFailedAuditEntryKeepsTheChangeOut()
{
    tearDown();
    QTemporaryDir prepared;
    QVERIFY(prepared.isValid());
    const QString path = prepared.filePath(u"db"_s);
    {
        SqlStore store;
        QVERIFY2(store.open(u"sqlite:"_s + path), qPrintable(store.lastError()));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"trigger"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"CREATE TRIGGER refuse_doomed BEFORE INSERT ON audit_log WHEN NEW.request LIKE '%doomed%' "
                        "BEGIN SELECT RAISE(ABORT, 'audit entry refused'); END"_s),
                 qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"trigger"_s);
    setUp([&](ServerConfig &config) { config.database = u"sqlite:"_s + path; });

    // A create: refused as a whole.
    const HttpAnswer created = as("operator").post(u"/targets"_s, R"([{"controllerId":"dev-doomed","name":"x"}])"_ba);
    QCOMPARE(created.status, 500);
    const QString message = created.json().value("message"_L1).toString();
    QVERIFY2(message.contains(u"not stored"_s) && message.contains(u"audit entry refused"_s), created.body.constData());
    QCOMPARE(as("operator").get(u"/targets/dev-doomed"_s).status, 404);

    // An update: the target keeps what it had.
    addTarget(u"dev-fine"_s, u"kept"_s);
    QCOMPARE(as("operator").put(u"/targets/dev-fine"_s, R"({"description":"doomed"})"_ba).status, 500);
    QCOMPARE(as("operator").get(u"/targets/dev-fine"_s).json().value("description"_L1).toString(), u"kept"_s);

    // The trail has the one change that was made.
    const QJsonArray list = entries();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value("method"_L1).toString(), u"POST"_s);
    QCOMPARE(list.at(0).toObject().value("path"_L1).toString(), u"/targets"_s);
}

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
