// Crash safety of flotillad (issue 20): kill -9 at random moments, 20 rounds, while 200 simulated devices
// (flotilla-sim) poll, download and report during a running rollout, four witness devices send numbered feedback
// and an operator uploads artifacts. After every kill, before the restart: the database (as the crash left it, WAL
// included) passes SQLite's integrity check, no target has two actions of the rollout, every artifact the
// database names is complete on disk and every file in the artifact store is what its name says. After every
// restart: every feedback the server acknowledged is in its action's history exactly once (an unacknowledged one is
// sent again, as a device does, and counts once), every acknowledged upload is listed with its size and hash.
// At the end the rollout is FINISHED with all 200 devices finished, one action each, and the simulator counted
// 200 installs. FLOTILLA_CRASH_SEED repeats a run, FLOTILLA_CRASH_ROUNDS changes the number of rounds.
#include "tests/agent/flotilladfixture.h"
#include "tests/common/freeport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace FlotillaTest;

namespace {

// A device that sends numbered "proceeding" feedback, one at a time, every 100 ms while told to, through its
// gateway token. What the server answered 200 is acknowledged; what it did not is sent again, unchanged (the
// same body with the same timestamp), before anything new.
class Witness : public QObject
{
public:
    Witness(QNetworkAccessManager &nam, QString base, QString controllerId, qint64 actionId)
        : m_nam(nam)
        , m_base(std::move(base))
        , m_controllerId(std::move(controllerId))
        , m_actionId(actionId)
    { }
    void setBase(const QString &base) { m_base = base; }
    void run()
    {
        m_running = true;
        if (!m_busy)
            sendNext();
    }
    void stop() { m_running = false; }
    bool idle() const { return !m_busy; }
    const QStringList &acknowledged() const { return m_acknowledged; }
    const QString &controllerId() const { return m_controllerId; }
    qint64 actionId() const { return m_actionId; }

private:
    void sendNext()
    {
        if (!m_running)
            return;
        if (m_pending.isEmpty()) {
            const QString message = u"%1 #%2"_s.arg(m_controllerId).arg(++m_sequence);
            m_pending = QJsonDocument(
                            QJsonObject { { "timestamp"_L1, double(QDateTime::currentMSecsSinceEpoch()) },
                                          { "status"_L1,
                                            QJsonObject { { "execution"_L1, "proceeding"_L1 },
                                                          { "result"_L1, QJsonObject { { "finished"_L1, "none"_L1 } } },
                                                          { "details"_L1, QJsonArray { message } } } } })
                            .toJson(QJsonDocument::Compact);
            m_pendingMessage = message;
        }
        QNetworkRequest request(QUrl(
            u"%1/DEFAULT/controller/v1/%2/deploymentBase/%3/feedback"_s.arg(m_base, m_controllerId).arg(m_actionId)));
        request.setRawHeader("Authorization", "GatewayToken sim-gateway-key");
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setTransferTimeout(5000);
        m_busy = true;
        QNetworkReply *reply = m_nam.post(request, m_pending);
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            m_busy = false;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200) {
                m_acknowledged << m_pendingMessage;
                m_pending.clear();
            } else if (status != 0) {
                qWarning() << m_controllerId << "feedback answered" << status << reply->readAll();
                m_unexpected << status;
            }
            if (m_running)
                QTimer::singleShot(100, this, [this] { sendNext(); });
        });
    }

public:
    QList<int> m_unexpected; // answers other than 200 or none at all (the server was killed)

private:
    QNetworkAccessManager &m_nam;
    QString m_base;
    QString m_controllerId;
    qint64 m_actionId;
    int m_sequence = 0;
    QByteArray m_pending; // sent, not yet acknowledged
    QString m_pendingMessage;
    QStringList m_acknowledged;
    bool m_running = false;
    bool m_busy = false;
};

struct Upload
{
    qint64 moduleId = 0;
    QString filename;
    QString sha256;
    qint64 size = 0;
};

// An operator who creates a software module and uploads an artifact into it (0.5 to 2 MiB), again and again.
class Uploader : public QObject
{
public:
    Uploader(QNetworkAccessManager &nam, QString base, quint32 seed)
        : m_nam(nam)
        , m_base(std::move(base))
        , m_random(seed)
    { }
    void run()
    {
        m_running = true;
        if (!m_busy)
            createModule();
    }
    void stop() { m_running = false; }
    bool idle() const { return !m_busy; }
    const QList<Upload> &acknowledged() const { return m_acknowledged; }
    QList<int> m_unexpected;

private:
    QNetworkRequest request(const QString &path) const
    {
        QNetworkRequest r(QUrl(m_base + u"/rest/v1"_s + path));
        r.setRawHeader("Authorization", "Basic " + "admin:admin-secret"_ba.toBase64());
        r.setTransferTimeout(15000);
        return r;
    }
    void finish(QNetworkReply *reply, int expected, const std::function<void(const QByteArray &)> &next)
    {
        reply->deleteLater();
        m_busy = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status != expected && status != 0) {
            qWarning() << "operator request answered" << status << body;
            m_unexpected << status;
        }
        if (!m_running)
            return;
        if (status == expected)
            next(body);
        else
            QTimer::singleShot(100, this, [this] { createModule(); });
    }
    void createModule()
    {
        if (!m_running)
            return;
        QNetworkRequest r = request(u"/softwaremodules"_s);
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QByteArray body = QJsonDocument(QJsonArray { QJsonObject { { "name"_L1, u"upload-%1"_s.arg(++m_modules) },
                                                                         { "version"_L1, "1.0"_L1 },
                                                                         { "type"_L1, "upload"_L1 } } })
                                    .toJson(QJsonDocument::Compact);
        m_busy = true;
        QNetworkReply *reply = m_nam.post(r, body);
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply] {
            finish(reply, 201, [this](const QByteArray &answer) {
                upload(QJsonDocument::fromJson(answer).array().at(0)["id"_L1].toInteger());
            });
        });
    }
    void upload(qint64 moduleId)
    {
        QByteArray content(qsizetype(512 * 1024 + m_random.bounded(3 * 512 * 1024)), Qt::Uninitialized);
        for (char &c : content)
            c = char(m_random.generate() & 0xff);
        Upload u { moduleId, u"image-%1.bin"_s.arg(moduleId),
                   QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()),
                   content.size() };
        const QByteArray boundary = "----flotilla-crash-test";
        const QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + u.filename.toUtf8() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--"
            + boundary + "--\r\n";
        QNetworkRequest r = request(u"/softwaremodules/%1/artifacts"_s.arg(moduleId));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("multipart/form-data; boundary=" + boundary));
        m_busy = true;
        QNetworkReply *reply = m_nam.post(r, body);
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply, u] {
            finish(reply, 201, [this, u](const QByteArray &) {
                m_acknowledged << u;
                createModule();
            });
        });
    }

    QNetworkAccessManager &m_nam;
    QString m_base;
    QRandomGenerator m_random;
    int m_modules = 0;
    QList<Upload> m_acknowledged;
    bool m_running = false;
    bool m_busy = false;
};

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    // The database and artifacts as the kill left them. The database is checked on a copy (its WAL with it), so
    // the restarted server recovers the WAL itself, as it would after a real crash.
    static void checkWhatTheCrashLeft(FlotilladFixture &server, const QTemporaryDir &dir, int round, qint64 rolloutId)
    {
        const QString copy = dir.filePath(u"check-%1.db"_s.arg(round));
        QVERIFY(QFile::copy(server.databasePath(), copy));
        if (QFile::exists(server.databasePath() + u"-wal"_s))
            QVERIFY(QFile::copy(server.databasePath() + u"-wal"_s, copy + u"-wal"_s));
        const QString connection = u"check-%1"_s.arg(round);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
            QVERIFY(q.exec(u"PRAGMA foreign_key_check"_s));
            QVERIFY2(!q.next(), "a row points at a row that is not there");
            QVERIFY(q.exec(u"SELECT target_id, COUNT(*) FROM actions WHERE rollout_id = %1 GROUP BY target_id "
                           "HAVING COUNT(*) > 1"_s.arg(rolloutId)));
            if (q.next())
                QFAIL(qPrintable(u"target %1 has two actions of the rollout"_s.arg(q.value(0).toLongLong())));
            // Every artifact the database names is on disk, whole.
            QVERIFY(q.exec(u"SELECT sha256, size FROM artifacts"_s));
            while (q.next()) {
                const QString sha = q.value(0).toString();
                const QString path = server.artifactDir() + u'/' + sha.left(2) + u'/' + sha;
                QVERIFY2(QFileInfo(path).size() == q.value(1).toLongLong(), qPrintable(path));
            }
        }
        QSqlDatabase::removeDatabase(connection);
        QFile::remove(copy);
        QFile::remove(copy + u"-wal"_s);
        // Every file under its final name is what the name says (only incoming-* files may be partial).
        QDirIterator files(server.artifactDir(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QFileInfo file = files.nextFileInfo();
            if (file.fileName().startsWith(u"incoming-"_s))
                continue;
            QCOMPARE(sha256Of(file.filePath()), file.fileName());
        }
    }

private Q_SLOTS:
    void killedServerLosesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FlotilladFixture server(dir.path());
        const quint16 port = freeLoopbackPort();
        server.setExtraArguments({ u"--listen"_s, u"127.0.0.1:%1"_s.arg(port) });
        const SetWithArtifact set = server.addSet(u"fw"_s, u"2.0"_s, u"fw.bin"_s, randomBytes(256 * 1024));
        const SetWithArtifact witnessSet = server.addSet(u"wfw"_s, u"1.0"_s, u"w.bin"_s, randomBytes(4096));
        QVERIFY(set.setId > 0 && witnessSet.setId > 0);
        const QString serverIni = u"[ddi]\ngatewayToken=sim-gateway-key"_s;
        QVERIFY(server.start({}, serverIni));
        const QString base = server.serverUrl();

        const quint32 seed = qEnvironmentVariableIsSet("FLOTILLA_CRASH_SEED")
            ? quint32(qEnvironmentVariableIntValue("FLOTILLA_CRASH_SEED"))
            : QRandomGenerator::system()->generate();
        const int rounds = qEnvironmentVariableIsSet("FLOTILLA_CRASH_ROUNDS")
            ? qEnvironmentVariableIntValue("FLOTILLA_CRASH_ROUNDS")
            : 20;
        qInfo("FLOTILLA_CRASH_SEED=%u, %d rounds", seed, rounds);
        QRandomGenerator random(seed);

        // 200 devices that install in 2 s.
        QFile fleet(dir.filePath(u"fleet.json"_s));
        QVERIFY(fleet.open(QIODevice::WriteOnly));
        fleet.write(R"({"profiles": [{"name": "steady", "installSeconds": 2}]})");
        fleet.close();
        const QString reportPath = dir.filePath(u"report.json"_s);
        QProcess sim;
        sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sim.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotilla-sim"_s,
                  { u"--server"_s, base, u"--gateway-token"_s, u"sim-gateway-key"_s, u"--devices"_s, u"200"_s,
                    u"--fleet"_s, fleet.fileName(), u"--state-dir"_s, dir.filePath(u"sim"_s), u"--report"_s, reportPath,
                    u"--status-interval"_s, u"0"_s });
        QVERIFY(sim.waitForStarted());
        auto cleanup = qScopeGuard([&sim] {
            if (sim.state() != QProcess::NotRunning) {
                sim.kill();
                sim.waitForFinished();
            }
        });
        // The fixture makes a new client at every start; the port stays, so this one does too.
        HttpClient mgmt(base + u"/rest/v1"_s);
        mgmt.setAuthorization("Basic " + "admin:admin-secret"_ba.toBase64());
        const auto total = [&](const QString &query) {
            const HttpAnswer a
                = mgmt.get(u"/targets?limit=1&q="_s + QString::fromLatin1(QUrl::toPercentEncoding(query)));
            return a.status == 200 ? a.json().value("total"_L1).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(total(u"attribute.simulated==true"_s), 200, 60000);

        // Four witnesses, each with an action of its own to report on.
        QNetworkAccessManager nam;
        std::vector<std::unique_ptr<Witness>> witnesses;
        HttpClient ddi(base + u"/DEFAULT/controller/v1/"_s);
        ddi.setAuthorization("GatewayToken sim-gateway-key");
        for (int w = 1; w <= 4; ++w) {
            const QString id = u"witness-%1"_s.arg(w);
            QCOMPARE(ddi.get(id).status, 200); // registers it
            const qint64 action = server.assign(id, witnessSet.setId);
            QVERIFY(action > 0);
            witnesses.push_back(std::make_unique<Witness>(nam, base, id, action));
        }
        Uploader uploader(nam, base, seed);
        const HttpAnswer type
            = mgmt.post(u"/softwaremoduletypes"_s, R"([{"key": "upload", "name": "Upload", "maxAssignments": 1}])"_ba);
        QVERIFY2(type.status == 201, type.body.constData());

        // The rollout: five groups over the simulated devices.
        const HttpAnswer created = mgmt.post(
            u"/rollouts"_s,
            QJsonDocument(QJsonObject { { "name"_L1, "crash rollout"_L1 },
                                        { "distributionSetId"_L1, double(set.setId) },
                                        { "targetFilterQuery"_L1, "attribute.simulated==true"_L1 },
                                        { "amountGroups"_L1, 5 },
                                        { "successCondition"_L1, QJsonObject { { "expression"_L1, "100"_L1 } } } })
                .toJson(QJsonDocument::Compact));
        QVERIFY2(created.status == 201, created.body.constData());
        const qint64 rolloutId = created.json()["id"_L1].toInteger();
        const auto rolloutStatus = [&] {
            return mgmt.get(u"/rollouts/%1"_s.arg(rolloutId)).json().value("status"_L1).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(), u"ready"_s, 30000);
        QCOMPARE(mgmt.send("POST", u"/rollouts/%1/start"_s.arg(rolloutId)).status, 204);

        QStringList finishedAt; // the rollout's status at each kill
        for (int round = 1; round <= rounds; ++round) {
            for (auto &w : witnesses)
                w->run();
            uploader.run();
            QTest::qWait(300 + int(random.bounded(2700)));
            finishedAt << rolloutStatus();
            server.crash();
            for (auto &w : witnesses)
                w->stop();
            uploader.stop();
            QTRY_VERIFY_WITH_TIMEOUT(
                uploader.idle()
                    && std::all_of(witnesses.begin(), witnesses.end(), [](const auto &w) { return w->idle(); }),
                20000);
            checkWhatTheCrashLeft(server, dir, round, rolloutId);
            if (QTest::currentTestFailed())
                return;

            QVERIFY2(server.start({}, serverIni), qPrintable(server.log().right(2000)));
            QCOMPARE(server.serverUrl(), base);
            // Every acknowledged feedback is there, once.
            for (const auto &w : witnesses) {
                const QStringList history = server.messages(w->controllerId(), w->actionId());
                for (const QString &message : w->acknowledged())
                    QVERIFY2(history.count(message) == 1,
                             qPrintable(u"round %1: '%2' is in the history %3 times"_s.arg(round).arg(message).arg(
                                 history.count(message))));
                QVERIFY2(w->m_unexpected.isEmpty(), "a feedback got an answer other than 200");
            }
            // Every acknowledged upload is listed, with its size and hash.
            for (const Upload &u : uploader.acknowledged()) {
                const QJsonArray listed = mgmt.get(u"/softwaremodules/%1/artifacts"_s.arg(u.moduleId)).jsonArray();
                QCOMPARE(listed.size(), 1);
                QCOMPARE(listed[0]["providedFilename"_L1].toString(), u.filename);
                QCOMPARE(listed[0]["size"_L1].toInteger(), u.size);
                QCOMPARE(listed[0]["hashes"_L1]["sha256"_L1].toString(), u.sha256);
            }
            QVERIFY2(uploader.m_unexpected.isEmpty(), "an operator request got an unexpected answer");
        }
        qInfo() << "rollout status at each kill:" << finishedAt.join(u", "_s);
        qInfo() << "acknowledged: uploads" << uploader.acknowledged().size() << "feedback"
                << std::accumulate(witnesses.begin(), witnesses.end(), 0,
                                   [](int n, const auto &w) { return n + int(w->acknowledged().size()); });
        QVERIFY(!uploader.acknowledged().isEmpty());

        // An uploaded artifact downloads whole.
        const Upload &last = uploader.acknowledged().constLast();
        const QJsonArray lastListed = mgmt.get(u"/softwaremodules/%1/artifacts"_s.arg(last.moduleId)).jsonArray();
        const HttpAnswer download = mgmt.get(
            u"/softwaremodules/%1/artifacts/%2/download"_s.arg(last.moduleId).arg(lastListed[0]["id"_L1].toInteger()));
        QCOMPARE(download.status, 200);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(download.body, QCryptographicHash::Sha256).toHex()),
                 last.sha256);

        // The rollout ends FINISHED: every device finished, in the right groups.
        QTRY_COMPARE_WITH_TIMEOUT(rolloutStatus(), u"finished"_s, 240000);
        const auto finishedCount = [&] {
            return mgmt.get(u"/rollouts/%1"_s.arg(rolloutId)).json()["totalTargetsPerStatus"_L1]["finished"_L1].toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount(), 200, 120000);
        const QJsonArray groups
            = mgmt.get(u"/rollouts/%1/deploygroups?limit=10"_s.arg(rolloutId)).json()["content"_L1].toArray();
        QCOMPARE(groups.size(), 5);
        for (const QJsonValue &g : groups) {
            const QJsonObject group
                = mgmt.get(u"/rollouts/%1/deploygroups/%2"_s.arg(rolloutId).arg(g["id"_L1].toInteger())).json();
            QCOMPARE(group["status"_L1].toString(), u"finished"_s);
            QCOMPARE(group["totalTargets"_L1].toInt(), 40);
            QCOMPARE(group["totalTargetsPerStatus"_L1]["finished"_L1].toInt(), 40);
        }

        // The simulator installed each device once.
        ::kill(pid_t(sim.processId()), SIGTERM);
        QVERIFY(sim.waitForFinished(30000));
        QCOMPARE(sim.exitCode(), 0);
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(report["outcomes"_L1]["Succeeded"_L1].toInt(), 200);

        // And the database agrees: one action per device, every one closed.
        server.stop();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"final"_s);
            db.setDatabaseName(server.databasePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT COUNT(*), COUNT(DISTINCT target_id), SUM(active) FROM actions WHERE rollout_id = "
                           "%1"_s.arg(rolloutId))
                    && q.next());
            QCOMPARE(q.value(0).toInt(), 200);
            QCOMPARE(q.value(1).toInt(), 200);
            QCOMPARE(q.value(2).toInt(), 0);
        }
        QSqlDatabase::removeDatabase(u"final"_s);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
