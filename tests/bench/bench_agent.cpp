// Device agent benchmark: the real flotilla-agent against the real flotillad on loopback.
//  1. Idle memory: RSS after `polls` base polls (1 s apart). Goal <= 20 MB.
//  2. Idle CPU: user + system time over `minutes` minutes of polls every 10 s. Goal <= 0.5 s per 10 minutes.
//  3. Download: an artifact of `megabytes` MB downloaded and verified (size and SHA-256) by the agent,
//     against `curl -o` of the same URL from the same flotillad; the two take turns for `rounds` rounds and the
//     goal is judged on the median ratio. Goal: agent >= 0.8 x curl, and the agent's RSS grows <= 16 MB.
//   tools/devroot run build/ci/tests/bin/bench_agent [megabytes=1024] [polls=100] [minutes=10] [rounds=3]
#include "backend/artifactstore.h"
#include "backend/sqlstore.h"
#include "tests/bench/benchsupport.h"
#include "tests/common/fleetdata.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {

using FlotillaBench::cpuSeconds;
using FlotillaBench::privateKiB;
using FlotillaBench::rssKiB;
using FlotillaBench::say;

[[noreturn]] void die(const QString &why)
{
    FlotillaBench::die("bench_agent", why);
}

void spin(int ms)
{
    FlotillaBench::wait(ms);
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

struct Http
{
    QNetworkAccessManager nam;
    QByteArray auth = "Basic " + QByteArray("admin:admin-secret").toBase64();
    QJsonObject send(const QByteArray &verb, const QString &url, const QByteArray &body = {})
    {
        QNetworkRequest r { QUrl(url) };
        r.setRawHeader("Authorization", auth);
        r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        QNetworkReply *reply = nam.sendCustomRequest(r, verb, body);
        FlotillaBench::waitFor(reply);
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return o;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 megabytes = args.value(1, u"1024"_s).toLongLong();
    const int polls = args.value(2, u"100"_s).toInt();
    const double minutes = args.value(3, u"10"_s).toDouble();
    const int rounds = std::max(1, args.value(4, u"3"_s).toInt());
    const QString bin = QCoreApplication::applicationDirPath() + u"/../../bin"_s;
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(u"artifacts"_s));

    // The store: one device, `rounds` sets that share one artifact of `megabytes` MB.
    say(u"preparing a %1 MB artifact"_s.arg(megabytes));
    const QString source = dir.filePath(u"image.bin"_s);
    {
        QFile f(source);
        if (!f.open(QIODevice::WriteOnly))
            die(u"cannot write "_s + source);
        QByteArray block(1 << 20, Qt::Uninitialized);
        QRandomGenerator gen(7);
        for (qsizetype i = 0; i < block.size(); i += 4)
            *reinterpret_cast<quint32 *>(block.data() + i) = gen.generate();
        for (qint64 i = 0; i < megabytes; ++i) {
            block[0] = char(i); // no two megabytes alike
            f.write(block);
        }
    }
    const QString db = u"sqlite:"_s + dir.filePath(u"flotilla.db"_s);
    Target target;
    QList<qint64> sets;
    QString artifactName = u"image.bin"_s;
    qint64 moduleId = 0;
    {
        SqlStore store;
        if (!store.open(db))
            die(u"cannot open the store"_s);
        ArtifactStore artifacts(dir.filePath(u"artifacts"_s));
        artifacts.open();
        target = FlotillaTest::makeTarget(store.stores(), u"bench-device"_s);
        QFile f(source);
        f.open(QIODevice::ReadOnly);
        const auto stored = artifacts.add(f, {}, qint64(1) << 40);
        if (!stored)
            die(u"cannot store the artifact"_s);
        for (int r = 0; r < rounds; ++r) {
            const qint64 module
                = store.repository()
                      .insertSoftwareModule({ 0, u"os"_s, u"bench"_s, u"1.%1"_s.arg(r), u"bench"_s, {}, false })
                      .value();
            moduleId = moduleId ? moduleId : module;
            store.repository()
                .insertArtifact({ 0, module, artifactName, stored->size, stored->hashes.sha1, stored->hashes.md5,
                                  stored->hashes.sha256, QDateTime::currentDateTimeUtc() })
                .value();
            const qint64 set
                = store.repository()
                      .insertDistributionSet({ 0, u"bench"_s, u"1.%1"_s.arg(r), u"os"_s, false, false, {} })
                      .value();
            if (const Result<void> added = store.repository().addModuleToSet(set, module); !added)
                qFatal("bench_agent: %s", qPrintable(added.error().message));
            sets << set;
        }
    }
    QFile::remove(source);

    // flotillad
    QFile ini(dir.filePath(u"flotillad.ini"_s));
    ini.open(QIODevice::WriteOnly);
    ini.write("[tenant]\npollingTime=00:00:01\nminPollingTime=00:00:01\n");
    ini.close();
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FLOTILLA_ADMIN_USER"_s, u"admin"_s);
    env.insert(u"FLOTILLA_ADMIN_PASSWORD"_s, u"admin-secret"_s);
    server.setProcessEnvironment(env);
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(bin + u"/flotillad"_s,
                 { u"--config"_s, ini.fileName(), u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, db,
                   u"--artifact-dir"_s, dir.filePath(u"artifacts"_s) });
    QByteArray serverLog;
    QString base;
    static const QRegularExpression listening(u"listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
    for (QDeadlineTimer d(20000); !d.hasExpired() && base.isEmpty();) {
        server.waitForReadyRead(200);
        serverLog += server.readAll();
        base = listening.match(QString::fromUtf8(serverLog)).captured(1);
    }
    if (base.isEmpty())
        die(u"flotillad did not start: "_s + QString::fromUtf8(serverLog));
    QObject::connect(&server, &QProcess::readyRead, &server, [&server] { server.readAll(); });

    // The agent: a script handler that only notes an install (the bench measures the agent, not a copy).
    const QString handler = dir.filePath(u"handler.sh"_s);
    {
        QFile h(handler);
        h.open(QIODevice::WriteOnly);
        h.write("#!/bin/sh\nok=\"$(dirname \"$0\")/ok-$FLOTILLA_VERSION\"\ncase \"$1\" in\n"
                "IsInstalled) [ -e \"$ok\" ] ;;\nInstall) touch \"$ok\" ;;\nesac\n");
        h.close();
        h.setPermissions(h.permissions() | QFileDevice::ExeOwner);
    }
    {
        QSettings agentIni(dir.filePath(u"agent.ini"_s), QSettings::IniFormat);
        agentIni.setValue(u"server/url"_s, base);
        agentIni.setValue(u"device/controllerId"_s, target.controllerId);
        agentIni.setValue(u"auth/targetToken"_s, target.securityToken);
        agentIni.setValue(u"paths/state"_s, dir.filePath(u"state"_s));
        agentIni.setValue(u"handlers/default"_s, QString(u"script:"_s + handler));
    }
    QProcess agent;
    QProcessEnvironment agentEnv = QProcessEnvironment::systemEnvironment();
    agentEnv.insert(u"QT_LOGGING_RULES"_s, u"flotilla.agent.debug=true"_s);
    agentEnv.insert(u"QT_MESSAGE_PATTERN"_s, u"%{time process} %{message}"_s);
    agent.setProcessEnvironment(agentEnv);
    agent.setProcessChannelMode(QProcess::MergedChannels);
    QByteArray agentLog;
    QObject::connect(&agent, &QProcess::readyRead, &agent, [&] { agentLog += agent.readAll(); });
    agent.start(bin + u"/flotilla-agent"_s, { u"--config"_s, dir.filePath(u"agent.ini"_s) });
    if (!agent.waitForStarted())
        die(u"flotilla-agent did not start"_s);
    const qint64 pid = agent.processId();
    const auto pollCount = [&agentLog] {
        return int(agentLog.count("polled; next poll"));
    };

    // 1. Idle memory after `polls` polls.
    say(u"1. idle memory: waiting for %1 polls (1 s apart)"_s.arg(polls));
    while (pollCount() < polls && agent.state() == QProcess::Running)
        spin(200);
    const double rss = double(rssKiB(pid)) / 1024.0;
    say(u"   RSS after %1 polls: %2 MB (goal <= 20 MB) %3; of which private to the agent: %4 MB"_s.arg(pollCount())
            .arg(rss, 0, 'f', 1)
            .arg(rss <= 20 ? u"ok"_s : u"MISSED"_s)
            .arg(double(privateKiB(pid)) / 1024.0, 0, 'f', 1));
    // What brought it in: the two library chains Debian's Qt packaging adds (a device image's own Qt build has
    // neither), grpc++ (the UMService hub and the local API), and the rest.
    const QMap<QString, qint64> chains = FlotillaBench::rssByChainKiB(
        pid, { u"libproxy.so"_s, u"libQt6Gui.so"_s, u"libgrpc++.so"_s, u"libprotobuf.so"_s });
    const auto mb = [&chains](const QString &chain) {
        return double(chains.value(chain)) / 1024.0;
    };
    const double withoutPackaging = rss - mb(u"libproxy.so"_s) - mb(u"libQt6Gui.so"_s);
    say(u"   of the RSS: libproxy and what it loads (Debian's libQt6Network) %1 MB, libQt6Gui and what it loads "
        "(Debian's libQt6StateMachine) %2 MB, grpc++ and protobuf %3 MB, the rest (the agent, Qt Core and "
        "Network, C++ runtime, heap) %4 MB"_s.arg(mb(u"libproxy.so"_s), 0, 'f', 1)
            .arg(mb(u"libQt6Gui.so"_s), 0, 'f', 1)
            .arg(mb(u"libgrpc++.so"_s) + mb(u"libprotobuf.so"_s), 0, 'f', 1)
            .arg(mb(QString()), 0, 'f', 1));
    say(u"   without the two chains of Debian's Qt packaging: %1 MB (goal <= 20 MB) %2"_s
            .arg(withoutPackaging, 0, 'f', 1)
            .arg(withoutPackaging <= 20 ? u"ok"_s : u"MISSED"_s));

    // 2. Idle CPU with polls every 10 s.
    Http http;
    http.send("PUT", base + u"/rest/v1/system/configs/pollingTime"_s, R"({"value":"00:00:10"})");
    const int before = pollCount();
    while (pollCount() < before + 2)
        spin(200); // the agent has taken the new sleep
    const double cpu0 = cpuSeconds(pid);
    const int polls0 = pollCount();
    say(u"2. idle CPU: %1 minutes of polls every 10 s"_s.arg(minutes));
    spin(int(minutes * 60 * 1000));
    const double cpu = cpuSeconds(pid) - cpu0;
    const double per10 = cpu * 10.0 / minutes;
    say(u"   CPU %1 s over %2 min (%3 polls): %4 s per 10 minutes (goal <= 0.5 s) %5"_s.arg(cpu, 0, 'f', 2)
            .arg(minutes)
            .arg(pollCount() - polls0)
            .arg(per10, 0, 'f', 2)
            .arg(per10 <= 0.5 ? u"ok"_s : u"MISSED"_s));
    http.send("PUT", base + u"/rest/v1/system/configs/pollingTime"_s, R"({"value":"00:00:01"})");

    // 3. Download: the agent and curl take turns.
    say(u"3. download of %1 MB, %2 rounds"_s.arg(megabytes).arg(rounds));
    QList<double> ratios;
    qint64 worstGrowth = 0;
    static const QRegularExpression started(u"^\\s*(\\d+\\.\\d+) downloading image\\.bin"_s,
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression verified(u"^\\s*(\\d+\\.\\d+) image\\.bin verified"_s,
                                             QRegularExpression::MultilineOption);
    const QString url
        = base + u"/DEFAULT/controller/v1/%1/softwaremodules/%2/artifacts/image.bin"_s.arg(target.controllerId);
    for (int r = 0; r < rounds; ++r) {
        const qsizetype logStart = agentLog.size();
        const qint64 rssBefore = rssKiB(pid);
        qint64 rssPeak = rssBefore;
        const QJsonObject assigned
            = http.send("POST", base + u"/rest/v1/targets/%1/assignedDS"_s.arg(target.controllerId),
                        QByteArray(R"({"id":)" + QByteArray::number(sets.at(r)) + "}"));
        if (assigned.value(u"assigned"_s).toInt() != 1)
            die(u"assignment refused: "_s + QString::fromUtf8(QJsonDocument(assigned).toJson()));
        QRegularExpressionMatch a, b;
        for (QDeadlineTimer d(120000); !d.hasExpired();) {
            spin(100);
            rssPeak = std::max(rssPeak, rssKiB(pid));
            const QString log = QString::fromUtf8(agentLog.mid(logStart));
            a = started.match(log);
            b = verified.match(log);
            if (a.hasMatch() && b.hasMatch())
                break;
        }
        if (!a.hasMatch() || !b.hasMatch()) {
            QStringList lines = QString::fromUtf8(agentLog).split(u'\n');
            lines.removeIf([](const QString &l) { return l.contains(u"polled; next poll"_s); });
            die(u"the agent did not download:\n"_s + lines.join(u'\n').right(3000));
        }
        const double agentSeconds = b.captured(1).toDouble() - a.captured(1).toDouble();
        // Wait for the action to end (the file is deleted) before curl runs.
        for (QDeadlineTimer d(60000); !d.hasExpired() && !agentLog.mid(logStart).contains(" ended: "); spin(100)) { }
        QElapsedTimer t;
        t.start();
        QProcess curl;
        curl.start(u"curl"_s,
                   { u"-s"_s, u"-f"_s, u"-o"_s, dir.filePath(u"curl.bin"_s), u"-H"_s,
                     u"Authorization: TargetToken "_s + target.securityToken, url.arg(moduleId + r) });
        while (curl.state() != QProcess::NotRunning)
            spin(20);
        const double curlSeconds = double(t.nsecsElapsed()) / 1e9;
        if (curl.exitCode() != 0)
            die(u"curl failed: "_s + QString::fromUtf8(curl.readAllStandardError()));
        QFile::remove(dir.filePath(u"curl.bin"_s));
        static const QRegularExpression synced(u"fsync of image\\.bin took (\\d+) ms"_s);
        const QString syncMs = synced.match(QString::fromUtf8(agentLog.mid(logStart))).captured(1);
        const double ratio = curlSeconds / agentSeconds;
        ratios << ratio;
        worstGrowth = std::max(worstGrowth, rssPeak - rssBefore);
        say(u"   round %1: agent %2 s (%3 MB/s, verified; fsync %8 ms), curl %4 s (%5 MB/s): %6 of curl; agent RSS +%7 MB"_s
                .arg(r + 1)
                .arg(agentSeconds, 0, 'f', 2)
                .arg(double(megabytes) / agentSeconds, 0, 'f', 0)
                .arg(curlSeconds, 0, 'f', 2)
                .arg(double(megabytes) / curlSeconds, 0, 'f', 0)
                .arg(ratio, 0, 'f', 2)
                .arg(double(rssPeak - rssBefore) / 1024.0, 0, 'f', 1)
                .arg(syncMs));
    }
    const double m = median(ratios);
    say(u"   median %1 of curl (goal >= 0.8) %2; largest RSS growth %3 MB (goal <= 16 MB) %4"_s.arg(m, 0, 'f', 2)
            .arg(m >= 0.8 ? u"ok"_s : u"MISSED"_s)
            .arg(double(worstGrowth) / 1024.0, 0, 'f', 1)
            .arg(worstGrowth <= 16 * 1024 ? u"ok"_s : u"MISSED"_s));
    ::kill(pid_t(pid), SIGTERM);
    agent.waitForFinished(10000);
    ::kill(pid_t(server.processId()), SIGTERM);
    server.waitForFinished(30000);
    return 0;
}
