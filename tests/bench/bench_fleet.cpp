// Fleet benchmark (issue 19): flotilla-sim against flotillad (SQLite) on loopback.
//  1. `devices` simulated devices register through the gateway key and poll every `poll` seconds; over `seconds`
//     seconds of that: flotillad's CPU (% of one core) and RSS, the simulator's CPU, its private memory per idle
//     device (against a 100-device run), and the poll latency the devices saw (p50/p99, from the sim's report).
//  2. A rollout to all of them in 5 groups (a 16 KiB artifact, each group started when the one before finished):
//     the time from start to FINISHED.
// With "postgres" as fourth argument flotillad uses a durable PostgreSQL (fsync on) the bench starts itself.
//   tools/devroot run build/ci/tests/bin/bench_fleet [devices=10000] [poll=10] [seconds=60] [sqlite|postgres]
#include "backend/artifactstore.h"
#include "backend/sqlstore.h"
#include "tests/backend/postgresfixture.h"
#include "tests/bench/benchsupport.h"
#include "tests/common/fleetdata.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;
using FlotillaBench::cpuSeconds;
using FlotillaBench::privateKiB;
using FlotillaBench::rssKiB;
using FlotillaBench::say;

namespace {

[[noreturn]] void die(const QString &why)
{
    FlotillaBench::die("bench_fleet", why);
}

void spin(int ms)
{
    FlotillaBench::wait(ms);
}

struct Mgmt
{
    QString base;
    QNetworkAccessManager nam;
    std::pair<int, QJsonObject> send(const QByteArray &verb, const QString &path, const QByteArray &body = {})
    {
        QNetworkRequest r { QUrl(base + u"/rest/v1"_s + path) };
        r.setRawHeader("Authorization", "Basic " + QByteArray("admin:admin-secret").toBase64());
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        QNetworkReply *reply = nam.sendCustomRequest(r, verb, body);
        FlotillaBench::waitFor(reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return { status, o };
    }
    int targets()
    {
        return send("GET", u"/targets?limit=1&q=attribute.simulated%3D%3Dtrue"_s).second["total"_L1].toInt();
    }
};

// flotilla-sim with `devices` devices; returns once every one of them is registered with its attributes.
void startSim(QProcess &sim, const QString &bin, const QString &base, const QString &prefix, int devices, int poll,
              const QString &report, Mgmt &mgmt, int already)
{
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start(bin + u"/flotilla-sim"_s,
              { u"--server"_s, base, u"--gateway-token"_s, u"bench-gw"_s, u"--devices"_s, QString::number(devices),
                u"--prefix"_s, prefix, u"--ramp-up"_s, QString::number(poll), u"--report"_s, report,
                u"--status-interval"_s, u"0"_s });
    if (!sim.waitForStarted())
        die(u"flotilla-sim did not start"_s);
    QElapsedTimer t;
    t.start();
    while (mgmt.targets() < already + devices) {
        if (sim.state() == QProcess::NotRunning)
            die(u"flotilla-sim stopped"_s);
        if (t.elapsed() > 600000)
            die(u"the devices did not all register in 10 minutes"_s);
        spin(500);
    }
    say(u"  %1 devices registered in %2 s"_s.arg(devices).arg(t.elapsed() / 1000.0, 0, 'f', 1));
}

QJsonObject stopSim(QProcess &sim, const QString &report)
{
    ::kill(pid_t(sim.processId()), SIGTERM);
    if (!sim.waitForFinished(60000))
        die(u"flotilla-sim did not stop"_s);
    QFile f(report);
    if (!f.open(QIODevice::ReadOnly))
        die(u"no report from flotilla-sim"_s);
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int devices = std::max(200, args.value(1, u"10000"_s).toInt());
    const int poll = std::max(1, args.value(2, u"10"_s).toInt());
    const int seconds = std::max(5, args.value(3, u"60"_s).toInt());
    const QString bin = QCoreApplication::applicationDirPath() + u"/../../bin"_s;
    QTemporaryDir dir;

    const bool postgres = args.value(4) == "postgres"_L1;
    PostgresFixture pg;
    QString db = u"sqlite:"_s + dir.filePath(u"flotilla.db"_s);
    if (postgres) {
        if (const QString why = pg.start(/*durable=*/true); !why.isEmpty() || !pg.createDatabase(u"fleet"_s))
            die(u"PostgreSQL: "_s + why);
        db = pg.url(u"fleet"_s);
    }
    qint64 setId = 0;
    {
        Flotilla::SqlStore store;
        Flotilla::ArtifactStore artifacts(dir.filePath(u"artifacts"_s));
        if (!store.open(db) || !artifacts.open())
            die(u"cannot prepare the store"_s);
        setId = FlotillaTest::makeSet(store.stores(), artifacts, u"fw"_s, u"2.0"_s, u"fw.bin"_s,
                                      QByteArray(16 * 1024, 'x'))
                    .setId;
    }
    QFile ini(dir.filePath(u"flotillad.ini"_s));
    if (!ini.open(QIODevice::WriteOnly))
        die(u"cannot write the configuration"_s);
    ini.write(u"[ddi]\ngatewayToken=bench-gw\n[tenant]\npollingTime=%1\nminPollingTime=00:00:01\n"_s
                  .arg(QTime(0, 0).addSecs(poll).toString(u"HH:mm:ss"_s))
                  .toUtf8());
    ini.close();
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FLOTILLA_ADMIN_USER"_s, u"admin"_s);
    env.insert(u"FLOTILLA_ADMIN_PASSWORD"_s, u"admin-secret"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"flotilla.ddi.info=false"_s);
    server.setProcessEnvironment(env);
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(bin + u"/flotillad"_s,
                 { u"--config"_s, ini.fileName(), u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, db,
                   u"--artifact-dir"_s, dir.filePath(u"artifacts"_s) });
    QByteArray log;
    Mgmt mgmt;
    static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
    for (QDeadlineTimer d(20000); !d.hasExpired() && mgmt.base.isEmpty();) {
        server.waitForReadyRead(200);
        log += server.readAll();
        mgmt.base = listening.match(QString::fromUtf8(log)).captured(1);
    }
    if (mgmt.base.isEmpty())
        die(u"flotillad did not start: "_s + QString::fromUtf8(log));
    QObject::connect(&server, &QProcess::readyRead, &server, [&server] { server.readAll(); });

    // The simulator's own cost: 100 devices, then `devices`; the difference per device is what a device costs.
    say(u"bench_fleet: %1 devices polling every %2 s against flotillad (%3)"_s.arg(devices).arg(poll).arg(
        postgres ? u"PostgreSQL, fsync on"_s : u"SQLite"_s));
    QProcess small;
    startSim(small, bin, mgmt.base, u"base-"_s, 100, poll, dir.filePath(u"small.json"_s), mgmt, 0);
    spin(poll * 1000 + 1000); // every one asleep again after sending its attributes
    const qint64 smallPrivate = privateKiB(small.processId());
    stopSim(small, dir.filePath(u"small.json"_s));

    QProcess sim;
    const int before = mgmt.targets();
    startSim(sim, bin, mgmt.base, u"sim-"_s, devices, poll, dir.filePath(u"report.json"_s), mgmt, before);
    spin(poll * 1000 + 1000);
    const auto reportNow = [&sim, &dir] {
        QFile::remove(dir.filePath(u"report.json"_s));
        ::kill(pid_t(sim.processId()), SIGUSR1);
        QFile f(dir.filePath(u"report.json"_s));
        for (QDeadlineTimer d(10000); !f.exists() && !d.hasExpired();)
            spin(50);
        if (!f.open(QIODevice::ReadOnly))
            die(u"no report from flotilla-sim"_s);
        return QJsonDocument::fromJson(f.readAll()).object();
    };
    reportNow(); // the window starts here
    const double serverCpu0 = cpuSeconds(server.processId());
    const double simCpu0 = cpuSeconds(sim.processId());
    QElapsedTimer steady;
    steady.start();
    spin(seconds * 1000);
    const double wall = steady.elapsed() / 1000.0;
    const double serverCpu = (cpuSeconds(server.processId()) - serverCpu0) / wall * 100;
    const double simCpu = (cpuSeconds(sim.processId()) - simCpu0) / wall * 100;
    const qint64 simPrivate = privateKiB(sim.processId());
    const QJsonObject idle = reportNow()["window"_L1]["requests"_L1]["poll"_L1].toObject();
    say(u"  idle fleet over %1 s: flotillad %2 % CPU, RSS %3 MB; flotilla-sim %4 % CPU, private %5 MB"_s
            .arg(wall, 0, 'f', 0)
            .arg(serverCpu, 0, 'f', 1)
            .arg(rssKiB(server.processId()) / 1024.0, 0, 'f', 1)
            .arg(simCpu, 0, 'f', 1)
            .arg(simPrivate / 1024.0, 0, 'f', 1));
    say(u"  polls while idle: %1 (%2/s), p50 %3 ms, p99 %4 ms, max %5 ms"_s.arg(idle["count"_L1].toInt())
            .arg(idle["count"_L1].toInt() / wall, 0, 'f', 0)
            .arg(idle["p50Ms"_L1].toDouble(), 0, 'f', 1)
            .arg(idle["p99Ms"_L1].toDouble(), 0, 'f', 1)
            .arg(idle["maxMs"_L1].toDouble(), 0, 'f', 1));
    say(u"  flotilla-sim memory per idle device: %1 bytes ((%2 KiB - %3 KiB) / %4 devices; goal <= 2048)"_s
            .arg(double(simPrivate - smallPrivate) * 1024 / (devices - 100), 0, 'f', 0)
            .arg(simPrivate)
            .arg(smallPrivate)
            .arg(devices - 100));

    // A rollout to the whole fleet in five groups.
    const QByteArray body = QJsonDocument(QJsonObject {
                                              { "name"_L1, "bench"_L1 },
                                              { "distributionSetId"_L1, double(setId) },
                                              { "targetFilterQuery"_L1, "controllerId==sim-*"_L1 },
                                              { "amountGroups"_L1, 5 },
                                          })
                                .toJson(QJsonDocument::Compact);
    const auto [created, rollout] = mgmt.send("POST", u"/rollouts"_s, body);
    if (created != 201)
        die(u"the rollout was refused: %1"_s.arg(QString::fromUtf8(QJsonDocument(rollout).toJson())));
    const int id = rollout["id"_L1].toInt();
    for (QDeadlineTimer d(120000); mgmt.send("GET", u"/rollouts/%1"_s.arg(id)).second["status"_L1] != "ready"_L1;) {
        if (d.hasExpired())
            die(u"the rollout did not become ready"_s);
        spin(200);
    }
    QElapsedTimer rolloutTime;
    rolloutTime.start();
    const double serverCpuR0 = cpuSeconds(server.processId());
    const double simCpuR0 = cpuSeconds(sim.processId());
    mgmt.send("POST", u"/rollouts/%1/start"_s.arg(id));
    QJsonObject status;
    for (;;) {
        status = mgmt.send("GET", u"/rollouts/%1"_s.arg(id)).second;
        if (status["status"_L1] == "finished"_L1)
            break;
        if (rolloutTime.elapsed() > 3600000)
            die(u"the rollout did not finish in an hour"_s);
        spin(1000);
    }
    const double rolloutSeconds = rolloutTime.elapsed() / 1000.0;
    say(u"  rollout to %1 targets in 5 groups: FINISHED after %2 s (%3 finished, %4 error); flotillad %5 % CPU, "
        "flotilla-sim %6 % CPU"_s.arg(devices)
            .arg(rolloutSeconds, 0, 'f', 1)
            .arg(status["totalTargetsPerStatus"_L1]["finished"_L1].toInt())
            .arg(status["totalTargetsPerStatus"_L1]["error"_L1].toInt())
            .arg((cpuSeconds(server.processId()) - serverCpuR0) / rolloutSeconds * 100, 0, 'f', 0)
            .arg((cpuSeconds(sim.processId()) - simCpuR0) / rolloutSeconds * 100, 0, 'f', 0));

    const QJsonObject report = stopSim(sim, dir.filePath(u"report.json"_s));
    const QJsonObject polls = report["window"_L1]["requests"_L1]["poll"_L1].toObject();
    say(u"  polls during the rollout: %1, p50 %2 ms, p99 %3 ms, max %4 ms; errors: %5"_s.arg(polls["count"_L1].toInt())
            .arg(polls["p50Ms"_L1].toDouble(), 0, 'f', 1)
            .arg(polls["p99Ms"_L1].toDouble(), 0, 'f', 1)
            .arg(polls["maxMs"_L1].toDouble(), 0, 'f', 1)
            .arg(QString::fromUtf8(QJsonDocument(report["errors"_L1].toObject()).toJson(QJsonDocument::Compact))));
    ::kill(pid_t(server.processId()), SIGTERM);
    server.waitForFinished(30000);
    return 0;
}
