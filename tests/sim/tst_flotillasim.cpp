// flotilla-sim against a real flotillad (issue 19): 1,000 simulated devices register through the gateway key and
// send their attributes; a five-group rollout in which the last group's devices fail their install pauses at
// the error threshold; resumed, it finishes; the simulator's report and the server's counts agree.
#include "tests/agent/flotilladfixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace FlotillaTest;

class TestFlotillaSim : public QObject
{
    Q_OBJECT

private:
    static int total(HttpClient &mgmt, const QString &query)
    {
        const HttpAnswer a = mgmt.get(u"/targets?limit=1&q="_s + QString::fromLatin1(QUrl::toPercentEncoding(query)));
        return a.status == 200 ? a.json().value("total"_L1).toInt() : -1;
    }
    static QJsonObject rollout(HttpClient &mgmt, int id) { return mgmt.get(u"/rollouts/%1"_s.arg(id)).json(); }
    // Waits until the rollout's status is `status`; false (with the last status in *last) after the deadline.
    static bool waitForStatus(HttpClient &mgmt, int id, const QString &status, int seconds, QString *last)
    {
        QDeadlineTimer deadline(std::chrono::seconds { seconds });
        while (!deadline.hasExpired()) {
            *last = rollout(mgmt, id).value("status"_L1).toString();
            if (*last == status)
                return true;
            QTest::qWait(250);
        }
        return false;
    }

private Q_SLOTS:
    void rolloutPausesAtTheErrorThresholdAndFinishesWhenResumed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FlotilladFixture server(dir.path());
        const SetWithArtifact set = server.addSet(u"fw"_s, u"2.0"_s, u"fw.bin"_s, randomBytes(64 * 1024));
        QVERIFY(set.setId > 0);
        QVERIFY(server.start({}, u"[ddi]\ngatewayToken=sim-gateway-key"_s));

        QFile fleet(dir.filePath(u"fleet.json"_s));
        QVERIFY(fleet.open(QIODevice::WriteOnly));
        fleet.write(R"({"profiles": [
            {"name": "steady", "share": 9, "installSeconds": 0.2, "attributes": {"hw": "rev-a", "serial": "S{n}"}},
            {"name": "flaky", "share": 1, "installSeconds": 0.2, "failure": {"install": 1.0},
             "attributes": {"hw": "rev-b"}}]})");
        fleet.close();

        const QString reportPath = dir.filePath(u"report.json"_s);
        QProcess sim;
        sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sim.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotilla-sim"_s,
                  { u"--server"_s, server.serverUrl(), u"--gateway-token"_s, u"sim-gateway-key"_s, u"--devices"_s,
                    u"1000"_s, u"--fleet"_s, fleet.fileName(), u"--report"_s, reportPath, u"--state-dir"_s,
                    dir.filePath(u"sim"_s), u"--status-interval"_s, u"10"_s });
        QVERIFY(sim.waitForStarted());
        auto cleanup = qScopeGuard([&sim] {
            if (sim.state() != QProcess::NotRunning) {
                sim.kill();
                sim.waitForFinished();
            }
        });

        // Every device registered itself and sent its attributes (the profile's and the simulator's own).
        HttpClient &mgmt = server.mgmt();
        QTRY_COMPARE_WITH_TIMEOUT(total(mgmt, u"attribute.simProfile==flaky"_s), 100, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(total(mgmt, u"attribute.simulated==true and attribute.hw==rev-a"_s), 900, 60000);
        QCOMPARE(total(mgmt, u"attribute.serial==S17"_s), 1);

        // Four groups of steady devices, then the flaky ones; pause when a group's errors pass 20 %.
        QJsonArray groups;
        for (const auto &[filter, percent] : { std::pair { "rev-a", 25.0 },
                                               { "rev-a", 33.34 },
                                               { "rev-a", 50.0 },
                                               { "rev-a", 100.0 },
                                               { "rev-b", 100.0 } }) {
            groups.append(
                QJsonObject { { "name"_L1, u"g%1"_s.arg(groups.size() + 1) },
                              { "targetFilterQuery"_L1, QString(u"attribute.hw=="_s + QLatin1StringView(filter)) },
                              { "targetPercentage"_L1, percent } });
        }
        const QByteArray body
            = QJsonDocument(
                  QJsonObject {
                      { "name"_L1, "sim rollout"_L1 },
                      { "distributionSetId"_L1, double(set.setId) },
                      { "targetFilterQuery"_L1, "attribute.simulated==true"_L1 },
                      { "successCondition"_L1,
                        QJsonObject { { "condition"_L1, "THRESHOLD"_L1 }, { "expression"_L1, "100"_L1 } } },
                      { "errorCondition"_L1,
                        QJsonObject { { "condition"_L1, "THRESHOLD"_L1 }, { "expression"_L1, "20"_L1 } } },
                      { "errorAction"_L1, QJsonObject { { "action"_L1, "PAUSE"_L1 }, { "expression"_L1, ""_L1 } } },
                      { "groups"_L1, groups },
                  })
                  .toJson(QJsonDocument::Compact);
        const HttpAnswer created = mgmt.post(u"/rollouts"_s, body);
        QVERIFY2(created.status == 201, created.body.constData());
        const int id = created.json().value("id"_L1).toInt();
        QString status;
        QVERIFY2(waitForStatus(mgmt, id, u"ready"_s, 60, &status), qPrintable(status));
        const QJsonArray planned = mgmt.get(u"/rollouts/%1/deploygroups"_s.arg(id)).json()["content"_L1].toArray();
        QCOMPARE(planned.size(), 5);
        QList<int> sizes;
        for (const QJsonValue &g : planned)
            sizes << g["totalTargets"_L1].toInt();
        QCOMPARE(sizes, QList<int>({ 225, 225, 225, 225, 100 }));

        QCOMPARE(mgmt.send("POST", u"/rollouts/%1/start"_s.arg(id)).status, 204);
        QVERIFY2(waitForStatus(mgmt, id, u"paused"_s, 180, &status), qPrintable(status));
        // It paused in the last group, which hawkBit marks "error": the four before it all succeeded.
        const QJsonArray atPause = mgmt.get(u"/rollouts/%1/deploygroups"_s.arg(id)).json()["content"_L1].toArray();
        for (int g = 0; g < 4; ++g)
            QCOMPARE(atPause[g]["status"_L1].toString(), u"finished"_s);
        QCOMPARE(atPause[4]["status"_L1].toString(), u"error"_s);

        QCOMPARE(mgmt.send("POST", u"/rollouts/%1/resume"_s.arg(id)).status, 204);
        QVERIFY2(waitForStatus(mgmt, id, u"finished"_s, 120, &status), qPrintable(status));
        // Finished as in hawkBit: no group left to start. The last group's devices may still be reporting
        // their (failed) installs; they all end.
        const auto count = [&](const char *state) {
            return rollout(mgmt, id)["totalTargetsPerStatus"_L1][QLatin1StringView(state)].toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(count("error"), 100, 30000);
        QCOMPARE(count("finished"), 900);
        QCOMPARE(count("running"), 0);

        // The simulator saw the same: 900 installs succeeded, 100 failed, every feedback taken, no errors.
        ::kill(pid_t(sim.processId()), SIGTERM);
        QVERIFY(sim.waitForFinished(30000));
        QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sim.exitCode(), 0);
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(report["devices"_L1].toInt(), 1000);
        QCOMPARE(report["outcomes"_L1]["Succeeded"_L1].toInt(), 900);
        QCOMPARE(report["outcomes"_L1]["Failed"_L1].toInt(), 100);
        QCOMPARE(report["profiles"_L1].toObject(), QJsonObject({ { "steady"_L1, 900 }, { "flaky"_L1, 100 } }));
        QVERIFY2(report["errors"_L1].toObject().isEmpty(),
                 QJsonDocument(report["errors"_L1].toObject()).toJson().constData());
        const QJsonObject feedback = report["requests"_L1]["feedback"_L1].toObject();
        QVERIFY(feedback["count"_L1].toInt() >= 2000); // at least started and closed per action
        QCOMPARE(feedback["ok"_L1].toInt(), feedback["count"_L1].toInt());
        QCOMPARE(report["requests"_L1]["download"_L1]["ok"_L1].toInt(), 1000);
        QVERIFY(report["polls"_L1].toInt() >= 1000);
        QVERIFY(report["requests"_L1]["poll"_L1]["p99Ms"_L1].toDouble() > 0);
    }
};

QTEST_GUILESS_MAIN(TestFlotillaSim)
#include "tst_flotillasim.moc"
