// DDI benchmark: flotillad against nginx (Debian's nginx-light) on loopback, with the same wrk settings.
//  1. Base polls: nginx serving a static file the size of a base-poll answer, then flotillad answering base
//     polls of one of N registered targets that has an open action. Goal: flotillad >= 0.6 x nginx. nginx at its
//     fastest for a small file: it is measured twice per round, with sendfile on + tcp_nopush (Debian's default,
//     right for the download) and with sendfile off (faster for a 158-byte answer: no sendfile call, one write),
//     and each round's ratio is taken against the faster of the two.
//  2. A 256 MB artifact downloaded from each. Goal: flotillad >= 0.8 x nginx, and flotillad's RSS grows by
//     at most 16 MB while it streams.
// Both servers get one worker (flotillad serves on one thread; nginx runs worker_processes 1), wrk one thread;
// with --threads N, N of each (flotillad's server/httpThreads, nginx's worker_processes, wrk's threads), and the
// poll goals are issue 21's: one-target >= 0.7, fleet-wide >= 0.5 of nginx at the same worker count.
//  3. Durable feedback through DDI: `connections` devices at once POST deploymentBase feedback (proceeding, each body
//     new) to 2,000 open actions. Goal (issue 21, PostgreSQL): >= 10,000 per second; every answer 200.
// --database postgres: flotillad on a PostgreSQL the bench starts (fsync and synchronous_commit on) instead of its
// SQLite file (WAL, synchronous=NORMAL).
//   tools/devroot run build/ci/tests/bin/bench_ddi [--threads N] [--database sqlite|postgres] [targets=100000]
//                                                  [seconds=10] [connections=64] [rounds=3]
// Each part runs `rounds` times with the two servers taking turns; the goals are judged on the median ratios.
// FLOTILLA_BENCH_WRAPPER runs flotillad under a wrapper, for profiling, e.g.
//   FLOTILLA_BENCH_WRAPPER="valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out" (figures are then not
//   comparable; callgrind counts the server's instructions per request).
#include "backend/artifactstore.h"
#include "backend/sqlstore.h"
#include "engine/deploymentservice.h"
#include "tests/backend/postgresfixture.h"
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <cstdio>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {

using FlotillaBench::cpuSeconds;
using FlotillaBench::cpuSecondsWithChildren;
using FlotillaBench::rssKiB;
using FlotillaBench::say;

[[noreturn]] void die(const QString &why)
{
    FlotillaBench::die("bench_ddi", why);
}

struct WrkResult
{
    double requestsPerSecond = 0;
    double bytesPerSecond = 0;
    qint64 requests = 0;
    QString raw;
};

double scaled(const QString &number, const QString &unit)
{
    const double v = number.toDouble();
    if (unit.startsWith(u'G'))
        return v * 1024 * 1024 * 1024;
    if (unit.startsWith(u'M'))
        return v * 1024 * 1024;
    if (unit.startsWith(u'K') || unit.startsWith(u'k'))
        return v * 1024;
    return v;
}

// Runs wrk; while it runs, samples the RSS of pid (if any) and keeps the maximum.
WrkResult wrk(const QStringList &args, qint64 pid = 0, qint64 *maxRss = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"wrk"_s, args);
    if (!p.waitForStarted())
        die(u"wrk does not start: "_s + p.errorString());
    while (!p.waitForFinished(50)) {
        if (pid && maxRss)
            *maxRss = std::max(*maxRss, rssKiB(pid));
    }
    WrkResult r;
    r.raw = QString::fromUtf8(p.readAll());
    static const QRegularExpression rps(u"Requests/sec:\\s+([\\d.]+)"_s);
    static const QRegularExpression total(u"(\\d+) requests in"_s);
    r.requests = total.match(r.raw).captured(1).toLongLong();
    static const QRegularExpression tps(u"Transfer/sec:\\s+([\\d.]+)(\\w+)"_s);
    const auto m1 = rps.match(r.raw);
    const auto m2 = tps.match(r.raw);
    if (!m1.hasMatch() || !m2.hasMatch())
        die(u"wrk printed no rate:\n"_s + r.raw);
    r.requestsPerSecond = m1.captured(1).toDouble();
    r.bytesPerSecond = scaled(m2.captured(1), m2.captured(2));
    if (r.raw.contains(u"Non-2xx"_s))
        die(u"wrk saw error answers:\n"_s + r.raw);
    return r;
}

// The fleet-wide polls speak for every target with the tenant's gateway key.
constexpr QByteArrayView gatewayKey = "bench-gateway-key";

QString startFlotillad(QProcess &p, const QString &dir, const QString &database, int threads)
{
    QFile ini(dir + u"/flotillad.ini"_s);
    ini.open(QIODevice::WriteOnly);
    ini.write("[server]\nhttpThreads=" + QByteArray::number(threads)
              + "\n[tenant]\npollingTime=00:05:00\n[ddi]\ngatewayToken=" + gatewayKey + "\n");
    ini.close();
    p.setProcessChannelMode(QProcess::MergedChannels);
    QStringList command = QProcess::splitCommand(qEnvironmentVariable("FLOTILLA_BENCH_WRAPPER"));
    command << QCoreApplication::applicationDirPath() + u"/../../bin/flotillad"_s << u"--config"_s << ini.fileName()
            << u"--listen"_s << u"127.0.0.1:0"_s << u"--database"_s << database << u"--artifact-dir"_s
            << dir + u"/artifacts"_s;
    p.start(command.takeFirst(), command);
    static const QRegularExpression listening(u"started \\(pid \\d+\\), listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
    QByteArray output;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 120000 && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(100);
        output += p.readAll();
        const auto m = listening.match(QString::fromUtf8(output));
        if (m.hasMatch())
            return m.captured(1);
    }
    die(u"flotillad did not start: "_s + QString::fromUtf8(output));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    int threads = 1;
    if (const qsizetype at = args.indexOf(u"--threads"_s); at > 0) {
        threads = std::max(1, args.value(at + 1).toInt());
        args.remove(at, 2);
    }
    bool postgres = false;
    if (const qsizetype at = args.indexOf(u"--database"_s); at > 0) {
        postgres = args.value(at + 1) == u"postgres"_s;
        if (!postgres && args.value(at + 1) != u"sqlite"_s)
            die(u"--database takes sqlite or postgres"_s);
        args.remove(at, 2);
    }
    const int targets = args.size() > 1 ? args.at(1).toInt() : 100000;
    const QString seconds = args.size() > 2 ? args.at(2) : u"10"_s;
    const QString connections = args.size() > 3 ? args.at(3) : u"64"_s;
    const int rounds = std::max(1, args.size() > 4 ? args.at(4).toInt() : 3);
    for (const char *tool : { "wrk", "nginx" }) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool), { u"/usr/sbin"_s, u"/usr/bin"_s }).isEmpty())
            die(u"%1 is missing (it is in tools/devroot.packages)"_s.arg(QLatin1String(tool)));
    }
    QTemporaryDir dir;
    const QString root = dir.path();
    constexpr qint64 artifactSize = qint64(256) * 1024 * 1024;

    // --- the fleet and a 256 MB artifact ---------------------------------------------------------------------
    QElapsedTimer timer;
    timer.start();
    QString token;
    QString controllerId;
    qint64 moduleId = 0;
    PostgresFixture postgresServer;
    QString database = u"sqlite:"_s + root + u"/flotilla.db"_s;
    if (postgres) {
        if (const QString why = postgresServer.start(/*durable=*/true); !why.isEmpty())
            die(u"PostgreSQL: "_s + why);
        if (!postgresServer.createDatabase(u"bench"_s))
            die(u"PostgreSQL: the database cannot be created"_s);
        database = postgresServer.url(u"bench"_s);
    }
    // The devices that send feedback: the first FeedbackActions targets, each with an open action.
    constexpr int FeedbackActions = 2000;
    QList<std::pair<QString, qint64>> feedbackActions; // controllerId, action id
    {
        SqlStore store;
        if (!store.open(database))
            die(store.lastError());
        StoreTransaction tx(store);
        Target polled;
        for (int i = 0; i < targets; ++i) {
            Target t;
            t.controllerId = u"device-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
            t.name = t.controllerId;
            t.state = TargetState::Registered;
            t.securityToken = Target::generateSecurityToken();
            t.createdAt = QDateTime::currentDateTimeUtc();
            t.requestAttributes = false;
            // The first half of the fleet has polled before (a fleet in its steady state); the second half never
            // has, so its first polls (each written at once) are measured apart.
            if (i < targets / 2) {
                t.lastPoll = t.createdAt.addSecs(-60);
                t.address = u"127.0.0.1"_s;
            }
            t.id = store.targets().insertTarget(t).value();
            if (i == targets / 2)
                polled = t;
        }
        if (const Result<void> committed = tx.commit(); !committed)
            die(committed.error().message);
        token = polled.securityToken;
        controllerId = polled.controllerId;
        QFile big(root + u"/big.bin"_s);
        big.open(QIODevice::WriteOnly);
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (qint64 written = 0; written < artifactSize; written += block.size()) {
            for (int i = 0; i < block.size(); i += 4)
                *reinterpret_cast<quint32 *>(block.data() + i) = quint32(written + i) * 2654435761u;
            big.write(block);
        }
        big.close();
        big.open(QIODevice::ReadOnly);
        ArtifactStore artifacts(root + u"/artifacts"_s);
        artifacts.open();
        const auto stored = artifacts.add(big, {}, artifactSize);
        if (!stored)
            die(artifacts.errorString());
        moduleId = store.repository().insertSoftwareModule({ 0, u"os"_s, u"fw"_s, u"2.0"_s, {}, {}, false }).value();
        store.repository()
            .insertArtifact({ 0, moduleId, u"big.bin"_s, stored->size, stored->hashes.sha1, stored->hashes.md5,
                              stored->hashes.sha256, QDateTime::currentDateTimeUtc() })
            .value();
        const qint64 setId
            = store.repository().insertDistributionSet({ 0, u"fw"_s, u"2.0"_s, u"os"_s, false, false, {} }).value();
        if (!store.repository().addModuleToSet(setId, moduleId))
            die(u"the module could not be added to the set"_s);
        SystemClock clock;
        if (DeploymentService(store.stores(), clock).assign({ polled.id }, setId, {}).assigned != 1)
            die(u"assignment failed"_s);
        QList<qint64> feedbackTargets;
        for (int i = 0; i < std::min(FeedbackActions, targets / 2); ++i)
            feedbackTargets.append(store.targets().targetByControllerId(u"device-%1"_s.arg(i, 6, 10, QChar(u'0')))->id);
        const AssignmentResult forFeedback
            = DeploymentService(store.stores(), clock).assign(feedbackTargets, setId, {});
        if (forFeedback.assigned != feedbackTargets.size())
            die(u"assignment for the feedback failed: "_s + forFeedback.message);
        for (qsizetype i = 0; i < feedbackTargets.size(); ++i)
            feedbackActions.append({ u"device-%1"_s.arg(i, 6, 10, QChar(u'0')), forFeedback.actionIds.at(i) });
        say(u"fleet on %3: %1 targets, %4 with an open action; 256 MB artifact (prepared in %2 s)"_s.arg(targets)
                .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                .arg(postgres ? u"PostgreSQL (fsync and synchronous_commit on)"_s : u"SQLite (WAL)"_s)
                .arg(1 + feedbackActions.size()));
    }

    // --- flotillad -------------------------------------------------------------------------------------------
    QProcess flotillad;
    const QString base = startFlotillad(flotillad, root, database, threads);
    const QString pollPath = u"/DEFAULT/controller/v1/"_s + controllerId;
    const QString authHeader = u"Authorization: TargetToken "_s + token;
    const QString artifactPath = pollPath + u"/softwaremodules/%1/artifacts/big.bin"_s.arg(moduleId);

    // One poll answer, to give nginx a file of the same size.
    QProcess one;
    one.start(u"bash"_s,
              { u"-c"_s,
                u"exec 3<>/dev/tcp/127.0.0.1/%1; printf 'GET %2 HTTP/1.1\\r\\nHost: x\\r\\n%3\\r\\n"
                "Connection: close\\r\\n\\r\\n' >&3; timeout 3 cat <&3"_s.arg(QUrl(base).port())
                    .arg(pollPath, authHeader) });
    one.waitForFinished(10000);
    const QByteArray answer = one.readAllStandardOutput();
    const QByteArray pollBody = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    if (!answer.startsWith("HTTP/1.1 200") || !pollBody.contains("deploymentBase"))
        die(u"the base poll did not present the action: "_s + QString::fromUtf8(answer));

    // --- nginx on a free port
    // ---------------------------------------------------------------------------------------------
    quint16 nginxPort = 0;
    quint16 nginxPlainPort = 0; // the server block with sendfile off
    {
        QTcpServer probe;
        QTcpServer probe2;
        probe.listen(QHostAddress::LocalHost, 0);
        probe2.listen(QHostAddress::LocalHost, 0);
        nginxPort = probe.serverPort();
        nginxPlainPort = probe2.serverPort();
    }
    QDir().mkpath(root + u"/www"_s);
    QFile pollFile(root + u"/www/poll.json"_s);
    pollFile.open(QIODevice::WriteOnly);
    pollFile.write(pollBody);
    pollFile.close();
    QFile::link(root + u"/big.bin"_s, root + u"/www/big.bin"_s);
    QFile conf(root + u"/nginx.conf"_s);
    conf.open(QIODevice::WriteOnly);
    conf.write(u"daemon off; worker_processes %4; pid %1/nginx.pid; error_log %1/nginx-error.log;\n"
               "events { worker_connections 1024; }\n"
               "http { access_log off; keepalive_requests 1000000;\n"
               "  client_body_temp_path %1/tmp; proxy_temp_path %1/tmp; fastcgi_temp_path %1/tmp;\n"
               "  uwsgi_temp_path %1/tmp; scgi_temp_path %1/tmp;\n"
               "  server { listen 127.0.0.1:%2; root %1/www; default_type application/json;\n"
               "           sendfile on; tcp_nopush on; }\n"
               "  server { listen 127.0.0.1:%3; root %1/www; default_type application/json;\n"
               "           sendfile off; tcp_nopush off; } }\n"_s.arg(root)
                   .arg(nginxPort)
                   .arg(nginxPlainPort)
                   .arg(threads)
                   .toUtf8());
    conf.close();
    QDir().mkpath(root + u"/tmp"_s);
    // nginx's workers drop root: let them read the files.
    const auto readable = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    for (const QString &d : QStringList { root, root + u"/www"_s })
        QFile::setPermissions(d, readable | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    for (const QString &f : QStringList { root + u"/www/poll.json"_s, root + u"/big.bin"_s })
        QFile::setPermissions(f, readable);
    QProcess nginx;
    nginx.setProcessChannelMode(QProcess::MergedChannels);
    nginx.start(u"/usr/sbin/nginx"_s,
                { u"-c"_s, conf.fileName(), u"-p"_s, root, u"-e"_s, root + u"/nginx-error.log"_s });
    if (!nginx.waitForStarted())
        die(u"nginx does not start"_s);
    QThread::msleep(500);
    if (nginx.state() != QProcess::Running)
        die(u"nginx stopped: "_s + QString::fromUtf8(nginx.readAll()));
    const QString nginxBase = u"http://127.0.0.1:%1"_s.arg(nginxPort);
    const QString nginxPlainBase = u"http://127.0.0.1:%1"_s.arg(nginxPlainPort);

    // CPU time per request of flotillad, and of PostgreSQL (its postmaster and backends) with --database postgres,
    // over one wrk run: steadier than requests/s on a shared host, and it says which of the two a change spared.
    const qint64 postgresPid = postgres ? postgresServer.serverPid() : 0;
    struct CpuMark
    {
        double flotillad = 0;
        double postgres = 0;
    };
    const auto cpuMark = [&] {
        return CpuMark { cpuSeconds(flotillad.processId()), postgresPid ? cpuSecondsWithChildren(postgresPid) : 0 };
    };
    // CPU seconds spent over a wrk run, in microseconds per request it made.
    const auto usPerRequest = [](double cpuSecs, const WrkResult &run) {
        return cpuSecs * 1e6 / double(std::max<qint64>(1, run.requests));
    };
    const auto cpuPerRequest = [&](const CpuMark &before, const WrkResult &run) {
        const CpuMark after = cpuMark();
        QString line = u"CPU per request: flotillad %1 us"_s.arg(usPerRequest(after.flotillad - before.flotillad, run),
                                                                 0, 'f', 0);
        if (postgresPid)
            line += u", PostgreSQL %1 us"_s.arg(usPerRequest(after.postgres - before.postgres, run), 0, 'f', 0);
        return line;
    };

    // The machine's speed drifts (a shared host): the two servers take turns, and the goal is judged on the
    // median of the rounds' ratios.
    const QStringList load = { u"-t%1"_s.arg(threads), u"-c"_s + connections, u"-d"_s + seconds + u"s"_s };
    const double onePollGoal = threads > 1 ? 0.7 : 0.6;
    say(u"base poll: %1 bytes; wrk %2; %3 rounds; flotillad %4 HTTP thread(s), nginx %4 worker(s)"_s
            .arg(pollBody.size())
            .arg(load.join(u' '))
            .arg(rounds)
            .arg(threads));
    QList<double> ratios;
    QList<double> nginxRates;
    for (int round = 1; round <= rounds; ++round) {
        // nginx's CPU per request too (its master and workers): what the ratio means in CPU, on any host.
        const double nginxStart = cpuSecondsWithChildren(nginx.processId());
        const WrkResult sendfilePolls = wrk(load + QStringList { nginxBase + u"/poll.json"_s });
        const double nginxMiddle = cpuSecondsWithChildren(nginx.processId());
        const WrkResult plainPolls = wrk(load + QStringList { nginxPlainBase + u"/poll.json"_s });
        const double nginxEnd = cpuSecondsWithChildren(nginx.processId());
        const CpuMark before = cpuMark();
        const WrkResult ddiPolls = wrk(load + QStringList { u"-H"_s, authHeader, base + pollPath });
        const QString cpu = cpuPerRequest(before, ddiPolls);
        const double fastest = std::max(sendfilePolls.requestsPerSecond, plainPolls.requestsPerSecond);
        ratios.append(ddiPolls.requestsPerSecond / fastest);
        nginxRates.append(fastest);
        say(u"  round %1: nginx static file %2 requests/s with sendfile on, %3 with it off (CPU per request %7 and %8 "
            "us); flotillad base poll %4 requests/s, ratio %5 (to the faster nginx); %6"_s.arg(round)
                .arg(sendfilePolls.requestsPerSecond, 0, 'f', 0)
                .arg(plainPolls.requestsPerSecond, 0, 'f', 0)
                .arg(ddiPolls.requestsPerSecond, 0, 'f', 0)
                .arg(ratios.last(), 0, 'f', 2)
                .arg(cpu)
                .arg(usPerRequest(nginxMiddle - nginxStart, sendfilePolls), 0, 'f', 0)
                .arg(usPerRequest(nginxEnd - nginxMiddle, plainPolls), 0, 'f', 0));
    }
    std::sort(ratios.begin(), ratios.end());
    const double pollRatio = ratios.at(ratios.size() / 2);
    std::sort(nginxRates.begin(), nginxRates.end());
    const double nginxRate = nginxRates.at(nginxRates.size() / 2);
    say(u"  median ratio %1 (lowest %2, highest %3; goal >= %5) %4"_s.arg(pollRatio, 0, 'f', 2)
            .arg(ratios.first(), 0, 'f', 2)
            .arg(ratios.last(), 0, 'f', 2)
            .arg(pollRatio >= onePollGoal ? u"met"_s : u"MISSED"_s)
            .arg(onePollGoal, 0, 'f', 2));

    if (qEnvironmentVariableIsSet("FLOTILLA_BENCH_WRAPPER")) {
        // Profiling the polls: the download under a profiler would only bury them.
        ::kill(nginx.processId(), SIGQUIT);
        nginx.waitForFinished(5000);
        ::kill(flotillad.processId(), SIGTERM);
        flotillad.waitForFinished(60000);
        return 0;
    }
    // The same load spread over the fleet, each poll for a random target (the gateway key speaks for any), so every
    // poll reads another target: this shows the figure above owes nothing to one target being read over and over.
    // First over the half of the fleet that has polled before (the goal: a fleet's steady state, where a poll's
    // time is written in batches), then over the half that never has (no goal: each first poll is written at once,
    // as hawkBit registers a target).
    const auto fleetRun = [&](const QString &name, int from, int count) {
        QFile script(root + u"/%1.lua"_s.arg(name));
        script.open(QIODevice::WriteOnly);
        script.write("local from = " + QByteArray::number(from) + "\nlocal count = " + QByteArray::number(count)
                     + "\nrequest = function()\n"
                       "  local path = string.format('/DEFAULT/controller/v1/device-%06d', from + math.random(0, "
                       "count - 1))\n"
                       "  return wrk.format('GET', path, { ['Authorization'] = 'GatewayToken "
                     + gatewayKey.toByteArray() + "' })\nend\n");
        script.close();
        const CpuMark before = cpuMark();
        const WrkResult run = wrk(load + QStringList { u"-s"_s, script.fileName(), base });
        return std::pair { run.requestsPerSecond, cpuPerRequest(before, run) };
    };
    const auto [fleetRate, fleetCpu] = fleetRun(u"fleet"_s, 0, targets / 2);
    const double fleetRatio = fleetRate / nginxRate;
    say(u"  fleet-wide: flotillad base polls of random targets that polled before (%1 of them) %2 requests/s, %3 of "
        "nginx's median (%4); %5"_s.arg(targets / 2)
            .arg(fleetRate, 0, 'f', 0)
            .arg(fleetRatio, 0, 'f', 2)
            .arg(threads > 1 ? u"goal >= 0.50: "_s + (fleetRatio >= 0.5 ? u"met"_s : u"MISSED"_s) : u"no goal"_s)
            .arg(fleetCpu));
    const auto [firstRate, firstCpu] = fleetRun(u"first"_s, targets / 2 + 1, targets - targets / 2 - 1);
    say(u"  first polls: random targets that never polled (%1 of them; each poll's registration written at once) "
        "%2 requests/s, %3 of nginx's median (no goal); %4"_s.arg(targets - targets / 2 - 1)
            .arg(firstRate, 0, 'f', 0)
            .arg(firstRate / nginxRate, 0, 'f', 2)
            .arg(firstCpu));

    // Durable feedback: every request a new proceeding report (its details numbered: no two bodies alike, none
    // taken for a retry) to one of the open actions, round robin; each is a committed transaction before the 200.
    QFile feedbackScript(root + u"/feedback.lua"_s);
    feedbackScript.open(QIODevice::WriteOnly);
    QByteArray table = "local actions = {\n";
    for (const auto &[device, actionId] : std::as_const(feedbackActions))
        table += "  { '" + device.toUtf8() + "', " + QByteArray::number(actionId) + " },\n";
    feedbackScript.write(
        table
        + "}\n"
          "local n = 0\n"
          "request = function()\n"
          "  n = n + 1\n"
          "  local a = actions[(n % #actions) + 1]\n"
          "  local body = string.format('{\"id\":\"%d\",\"status\":{\"execution\":\"proceeding\",'\n"
          "    .. '\"result\":{\"finished\":\"none\"},\"details\":[\"step %d\"]}}', a[2], n)\n"
          "  return wrk.format('POST', string.format('/DEFAULT/controller/v1/%s/deploymentBase/%d/feedback', "
          "a[1], a[2]),\n"
          "    { ['Authorization'] = 'GatewayToken "
        + gatewayKey.toByteArray() + "', ['Content-Type'] = 'application/json' }, body)\nend\n");
    feedbackScript.close();
    const CpuMark beforeFeedback = cpuMark();
    const WrkResult feedback = wrk(load + QStringList { u"-s"_s, feedbackScript.fileName(), base });
    const QString feedbackCpu = cpuPerRequest(beforeFeedback, feedback);
    const double feedbackGoal = 10000;
    say(u"durable feedback through DDI, wrk %1 over %2 open actions: %3 per second (goal >= %4 on PostgreSQL) %5; %6"_s
            .arg(load.join(u' '))
            .arg(feedbackActions.size())
            .arg(feedback.requestsPerSecond, 0, 'f', 0)
            .arg(feedbackGoal, 0, 'f', 0)
            .arg(!postgres                                        ? u"(SQLite: no goal)"_s
                     : feedback.requestsPerSecond >= feedbackGoal ? u"met"_s
                                                                  : u"MISSED"_s)
            .arg(feedbackCpu));

    const QStringList single = { u"-t1"_s, u"-c1"_s, u"-d"_s + seconds + u"s"_s };
    say(u"256 MB artifact, wrk %1 (repeated whole downloads); %2 rounds"_s.arg(single.join(u' ')).arg(rounds));
    const qint64 rssBefore = rssKiB(flotillad.processId());
    qint64 rssMax = rssBefore;
    QList<double> downloadRatios;
    for (int round = 1; round <= rounds; ++round) {
        const WrkResult staticDownload = wrk(single + QStringList { nginxBase + u"/big.bin"_s });
        const WrkResult ddiDownload
            = wrk(single + QStringList { u"-H"_s, authHeader, base + artifactPath }, flotillad.processId(), &rssMax);
        downloadRatios.append(ddiDownload.bytesPerSecond / staticDownload.bytesPerSecond);
        say(u"  round %1: nginx %2 MB/s, flotillad %3 MB/s, ratio %4"_s.arg(round)
                .arg(staticDownload.bytesPerSecond / 1048576.0, 0, 'f', 0)
                .arg(ddiDownload.bytesPerSecond / 1048576.0, 0, 'f', 0)
                .arg(downloadRatios.last(), 0, 'f', 2));
    }
    std::sort(downloadRatios.begin(), downloadRatios.end());
    const double downloadRatio = downloadRatios.at(downloadRatios.size() / 2);
    const double growthMiB = (rssMax - rssBefore) / 1024.0;
    say(u"  median ratio %1 (lowest %2, highest %3; goal >= 0.80) %4"_s.arg(downloadRatio, 0, 'f', 2)
            .arg(downloadRatios.first(), 0, 'f', 2)
            .arg(downloadRatios.last(), 0, 'f', 2)
            .arg(downloadRatio >= 0.8 ? u"met"_s : u"MISSED"_s));
    say(u"  flotillad RSS %1 MB before, %2 MB at most while streaming: +%3 MB (goal <= 16) %4"_s
            .arg(rssBefore / 1024.0, 0, 'f', 1)
            .arg(rssMax / 1024.0, 0, 'f', 1)
            .arg(growthMiB, 0, 'f', 1)
            .arg(growthMiB <= 16 ? u"met"_s : u"MISSED"_s));

    ::kill(nginx.processId(), SIGQUIT);
    nginx.waitForFinished(5000);
    ::kill(flotillad.processId(), SIGTERM);
    flotillad.waitForFinished(10000);
    return 0;
}
