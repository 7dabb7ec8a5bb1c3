// flotilla-sim against a real flotillad (issue 19): 1,000 simulated devices register through the gateway key and
// send their attributes; a five-group rollout in which the last group's devices fail their install pauses at
// the error threshold; resumed, it finishes; the simulator's report and the server's counts agree. The forecast
// against what the fleet then does, on a virtual clock (both at --clock-rate 10). Maintenance-window adherence
// from an INI fleet file.
#include "tests/agent/flotilladfixture.h"
#include "tests/common/slowdown.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace FlotillaTest;

class TestFlotillaSim : public QObject
{
    Q_OBJECT

private:
    // flotilla-sim against `server` through its gateway key, its state in <dir>/sim; `options` add to that.
    static bool startSim(QProcess &sim, FlotilladFixture &server, const QTemporaryDir &dir, int devices,
                         const QString &fleetFile, const QStringList &options)
    {
        sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        sim.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotilla-sim"_s,
                  QStringList { u"--server"_s, server.serverUrl(), u"--gateway-token"_s, u"sim-gateway-key"_s,
                                u"--devices"_s, QString::number(devices), u"--fleet"_s, fleetFile, u"--state-dir"_s,
                                dir.filePath(u"sim"_s) }
                      + options);
        return sim.waitForStarted();
    }
    static int total(HttpClient &mgmt, const QString &query)
    {
        const HttpAnswer a = mgmt.get(u"/targets?limit=1&q="_s + QString::fromLatin1(QUrl::toPercentEncoding(query)));
        return a.status == 200 ? a.json().value("total"_L1).toInt() : -1;
    }
    static QJsonObject rollout(HttpClient &mgmt, int id) { return mgmt.get(u"/rollouts/%1"_s.arg(id)).json(); }
    // Waits until the rollout's status is `status`; false (with the last status in *last) after the deadline.
    static bool waitForStatus(HttpClient &mgmt, int id, const QString &status, int seconds, QString *last)
    {
        QDeadlineTimer deadline(std::chrono::seconds { Flotilla::Test::slowed(seconds) });
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
        QVERIFY(startSim(sim, server, dir, 1000, fleet.fileName(),
                         { u"--report"_s, reportPath, u"--status-interval"_s, u"10"_s }));
        auto cleanup = qScopeGuard([&sim] {
            if (sim.state() != QProcess::NotRunning) {
                sim.kill();
                sim.waitForFinished();
            }
        });

        // Every device registered itself and sent its attributes (the profile's and the simulator's own).
        HttpClient &mgmt = server.mgmt();
        QTRY_COMPARE_WITH_TIMEOUT(total(mgmt, u"attribute.simProfile==flaky"_s), 100, Flotilla::Test::slowed(60000));
        QTRY_COMPARE_WITH_TIMEOUT(total(mgmt, u"attribute.simulated==true and attribute.hw==rev-a"_s), 900,
                                  Flotilla::Test::slowed(60000));
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
        QTRY_COMPARE_WITH_TIMEOUT(count("error"), 100, Flotilla::Test::slowed(30000));
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

    // The forecast (POST /rollouts/forecast) against what then happens: the same rollout run on 100 simulated
    // devices polling every 3 s without jitter and installing in 1 s. After a first rollout has given the server
    // a history (install time, failure rate), each group starts within one poll interval of its forecast.
    void forecastMatchesWhatTheFleetThenDoes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FlotilladFixture server(dir.path());
        // A virtual clock: server and simulator run ten times faster than the wall clock, so a fleet that polls
        // every 30 s and installs in 10 s plays its two rollouts in well under a minute.
        const double rate = 10;
        server.setExtraArguments({ u"--clock-rate"_s, QString::number(rate) });
        const SetWithArtifact first = server.addSet(u"fw"_s, u"1.0"_s, u"fw1.bin"_s, randomBytes(4096));
        const SetWithArtifact second = server.addSet(u"fw"_s, u"2.0"_s, u"fw2.bin"_s, randomBytes(4096));
        QVERIFY(first.setId > 0 && second.setId > 0);
        QVERIFY(server.start({}, u"[ddi]\ngatewayToken=sim-gateway-key"_s));
        HttpClient &mgmt = server.mgmt();
        const int poll = 30; // seconds of the virtual clock
        QCOMPARE(mgmt.put(u"/system/configs/pollingTime"_s, R"({"value":"00:00:30"})").status, 200);

        QFile fleet(dir.filePath(u"fleet.json"_s));
        QVERIFY(fleet.open(QIODevice::WriteOnly));
        fleet.write(R"({"profiles": [{"name": "even", "pollJitter": 0, "installSeconds": 10}]})");
        fleet.close();
        QProcess sim;
        QVERIFY(startSim(sim, server, dir, 100, fleet.fileName(),
                         { u"--ramp-up"_s, QString::number(poll), u"--status-interval"_s, u"0"_s, u"--clock-rate"_s,
                           QString::number(rate) }));
        auto cleanup = qScopeGuard([&sim] {
            sim.kill();
            sim.waitForFinished();
        });
        QTRY_COMPARE_WITH_TIMEOUT(total(mgmt, u"attribute.simulated==true"_s), 100, Flotilla::Test::slowed(30000));

        const auto rolloutBody = [](const QString &name, qint64 set) {
            return QJsonDocument(QJsonObject {
                                     { "name"_L1, name },
                                     { "distributionSetId"_L1, double(set) },
                                     { "targetFilterQuery"_L1, "attribute.simulated==true"_L1 },
                                     { "amountGroups"_L1, 4 },
                                     { "successCondition"_L1, QJsonObject { { "expression"_L1, "100"_L1 } } },
                                 })
                .toJson(QJsonDocument::Compact);
        };
        // Creates the rollout, waits until it is ready, calls beforeStart (the operator's last look), starts it.
        const auto run = [&](const QByteArray &body, QList<qint64> *groupStartsMs,
                             const std::function<void()> &beforeStart = {}) -> bool {
            const HttpAnswer created = mgmt.post(u"/rollouts"_s, body);
            if (created.status != 201)
                return false;
            const int id = created.json().value("id"_L1).toInt();
            QString status;
            if (!waitForStatus(mgmt, id, u"ready"_s, 30, &status))
                return false;
            if (beforeStart)
                beforeStart();
            QElapsedTimer clock;
            clock.start();
            if (mgmt.send("POST", u"/rollouts/%1/start"_s.arg(id)).status != 204)
                return false;
            QList<qint64> starts(4, -1);
            QDeadlineTimer deadline(std::chrono::seconds { 120 });
            while (!deadline.hasExpired()) {
                const QJsonArray groups
                    = mgmt.get(u"/rollouts/%1/deploygroups"_s.arg(id)).json()["content"_L1].toArray();
                for (qsizetype g = 0; g < groups.size() && g < 4; ++g) {
                    if (starts[g] < 0 && groups[g]["status"_L1].toString() != "scheduled"_L1
                        && groups[g]["status"_L1].toString() != "ready"_L1)
                        starts[g] = qint64(double(clock.elapsed()) * rate); // in the virtual clock's ms
                }
                if (rollout(mgmt, id)["status"_L1].toString() == "finished"_L1) {
                    *groupStartsMs = starts;
                    return true;
                }
                QTest::qWait(100);
            }
            return false;
        };

        // A first rollout: the history the forecast learns the install time and failure rate from.
        QList<qint64> warmUp;
        QVERIFY(run(rolloutBody(u"history"_s, first.setId), &warmUp));
        QTest::qWait(int(poll * 1000 / rate)); // every device back to its even rhythm

        // The forecast is asked for just before Start, as an operator does (at ten times the wall clock's speed,
        // the second a ready wait takes would shift every device's poll by ten).
        const QByteArray body = rolloutBody(u"forecast me"_s, second.setId);
        HttpAnswer forecast;
        QList<qint64> actualStarts;
        QVERIFY(run(body, &actualStarts, [&] { forecast = mgmt.post(u"/rollouts/forecast"_s, body); }));
        QCOMPARE(forecast.status, 200);
        const QJsonObject f = forecast.json();
        QVERIFY2(f["assumptions"_L1]["fromHistory"_L1].toBool(), forecast.body.constData());
        QCOMPARE(f["assumptions"_L1]["failureRate"_L1].toDouble(), 0.0);
        QCOMPARE(f["assumptions"_L1]["silentTargets"_L1].toInt(), 0);
        QCOMPARE(f["status"_L1].toString(), u"finished"_s);
        QList<qint64> forecastStarts;
        for (const QJsonValue &g : f["groups"_L1].toArray())
            forecastStarts << qint64(g["startsAt"_L1].toDouble() - f["start"_L1].toDouble());
        QCOMPARE(forecastStarts.size(), 4);

        qInfo() << "group starts, ms after the start: forecast" << forecastStarts << "actual" << actualStarts;
        // QTest::toString hands over a new[] buffer (LeakSanitizer found them leaked here, 8 per run).
        const std::unique_ptr<char[]> forecastText(QTest::toString(forecastStarts));
        const std::unique_ptr<char[]> actualText(QTest::toString(actualStarts));
        for (int g = 0; g < 4; ++g) {
            QVERIFY2(
                std::abs(actualStarts[g] - forecastStarts[g]) <= poll * 1000,
                qPrintable(u"group %1: forecast +%2 ms, actual +%3 ms (all forecast %4, actual %5)"_s.arg(g + 1)
                               .arg(forecastStarts[g])
                               .arg(actualStarts[g])
                               .arg(QString::fromLatin1(forecastText.get()), QString::fromLatin1(actualText.get()))));
        }
    }

    // Maintenance-window adherence, from an INI fleet file: of 20 devices given an update whose window is closed
    // (it opens twelve hours from now), the ten that respect it download and wait ("downloaded"); the ten whose
    // person presses Install now install outside it.
    void devicesRespectOrIgnoreTheMaintenanceWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FlotilladFixture server(dir.path());
        const SetWithArtifact set = server.addSet(u"fw"_s, u"3.0"_s, u"fw3.bin"_s, randomBytes(8192));
        QVERIFY(set.setId > 0);
        QVERIFY(server.start({}, u"[ddi]\ngatewayToken=sim-gateway-key"_s));
        HttpClient &mgmt = server.mgmt();
        QCOMPARE(mgmt.put(u"/system/configs/pollingTime"_s, R"({"value":"00:00:01"})").status, 200);

        QFile fleet(dir.filePath(u"fleet.ini"_s));
        QVERIFY(fleet.open(QIODevice::WriteOnly));
        fleet.write("[fleet]\nprofiles=patient, impatient\n\n"
                    "[patient]\nshare=1\ninstallSeconds=0.2\nmaintenanceWindow=respect\nattributes.kind=patient\n\n"
                    "[impatient]\nshare=1\ninstallSeconds=0.2\nmaintenanceWindow=ignore\nattributes.kind=impatient\n");
        fleet.close();
        QProcess sim;
        QVERIFY(startSim(sim, server, dir, 20, fleet.fileName(),
                         { u"--prefix"_s, u"mw-"_s, u"--status-interval"_s, u"0"_s }));
        auto cleanup = qScopeGuard([&sim] {
            sim.kill();
            sim.waitForFinished();
        });
        QTRY_COMPARE_WITH_TIMEOUT(total(mgmt, u"attribute.kind==patient"_s), 10, Flotilla::Test::slowed(30000));
        QTRY_COMPARE_WITH_TIMEOUT(total(mgmt, u"attribute.kind==impatient"_s), 10, Flotilla::Test::slowed(30000));

        const int closedHour = (QDateTime::currentDateTimeUtc().time().hour() + 12) % 24;
        const QJsonObject window { { "schedule"_L1, u"0 0 %1 * * ?"_s.arg(closedHour) },
                                   { "duration"_L1, "00:30:00"_L1 },
                                   { "timezone"_L1, "+00:00"_L1 } };
        QJsonArray targets;
        for (int n = 1; n <= 20; ++n)
            targets.append(
                QJsonObject { { "id"_L1, u"mw-%1"_s.arg(n, 2, 10, QChar(u'0')) }, { "maintenanceWindow"_L1, window } });
        const HttpAnswer assigned = mgmt.post(u"/distributionsets/%1/assignedTargets"_s.arg(set.setId),
                                              QJsonDocument(targets).toJson(QJsonDocument::Compact));
        QVERIFY2(assigned.status == 200, assigned.body.constData());
        QCOMPARE(assigned.json().value("assigned"_L1).toInt(), 20);

        // Per device, its action's state and the last thing it reported ("finished finished", "running downloaded").
        const auto states = [&](const QString &kind) {
            QMap<QString, int> out;
            const QJsonArray devices
                = mgmt.get(u"/targets?limit=50&q=attribute.kind=="_s + kind).json()["content"_L1].toArray();
            for (const QJsonValue &t : devices) {
                const QString id = t["controllerId"_L1].toString();
                const QJsonArray actions = mgmt.get(u"/targets/%1/actions"_s.arg(id)).json()["content"_L1].toArray();
                for (const QJsonValue &a : actions) {
                    const QJsonObject action = server.action(id, a["id"_L1].toInteger());
                    const QJsonArray history = action["status_history"_L1].toArray();
                    ++out[action["detailStatus"_L1].toString() + u' '
                          + (history.isEmpty() ? QString() : history.last()["type"_L1].toString())];
                }
            }
            return out;
        };
        QTRY_COMPARE_WITH_TIMEOUT(states(u"impatient"_s), (QMap<QString, int> { { u"finished finished"_s, 10 } }),
                                  Flotilla::Test::slowed(60000));
        const QMap<QString, int> waiting { { u"running downloaded"_s, 10 } };
        QTRY_COMPARE_WITH_TIMEOUT(states(u"patient"_s), waiting, Flotilla::Test::slowed(60000));
        // And they keep waiting: a few more polls change nothing.
        QTest::qWait(3000);
        QCOMPARE(states(u"patient"_s), waiting);
    }
};

QTEST_GUILESS_MAIN(TestFlotillaSim)
#include "tst_flotillasim.moc"
