// flotilla-um's idle memory (issue 15: RSS <= 12 MB) and the agent's with its UMService serving: a real
// flotilla-agent with --um-listen and one flotilla-um registered with it, sampled for a while.
//   tools/devroot run build/ci/tests/bin/bench_um [seconds=20]
#include "tests/bench/benchsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace FlotillaBench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 20;
    const QString bin = QCoreApplication::applicationDirPath() + u"/../../bin"_s;
    QTemporaryDir dir;
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    QProcess agent;
    agent.setProcessChannelMode(QProcess::MergedChannels);
    agent.start(bin + u"/flotilla-agent"_s,
                { u"--server"_s, u"http://127.0.0.1:9"_s, u"--controller-id"_s, u"bench"_s, u"--state-dir"_s,
                  dir.filePath(u"state"_s), u"--um-listen"_s, u"127.0.0.1:%1"_s.arg(port) });
    if (!agent.waitForStarted())
        die("bench_um", u"flotilla-agent does not start"_s);
    QByteArray agentLog;
    const auto waitFor = [&](const QByteArray &text) {
        for (int i = 0; i < 100 && !agentLog.contains(text); ++i) {
            agent.waitForReadyRead(100);
            agentLog += agent.readAll();
        }
        if (!agentLog.contains(text))
            die("bench_um",
                u"the agent never said \"%1\":\n%2"_s.arg(QString::fromLatin1(text), QString::fromUtf8(agentLog)));
    };
    waitFor("UMService listening");
    QProcess um;
    um.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    um.start(bin + u"/flotilla-um"_s,
             { u"--agent"_s, u"127.0.0.1:%1"_s.arg(port), u"--node-id"_s, u"node-a"_s, u"--component"_s, u"rootfs:os"_s,
               u"--slot-dir"_s, dir.filePath(u"slots"_s) });
    if (!um.waitForStarted())
        die("bench_um", u"flotilla-um does not start"_s);
    waitFor("update manager node-a registered");
    qint64 umPeak = 0, umPrivatePeak = 0, agentPeak = 0, agentPrivatePeak = 0;
    for (int i = 0; i < seconds * 2; ++i) {
        QThread::msleep(500);
        umPeak = std::max(umPeak, rssKiB(um.processId()));
        umPrivatePeak = std::max(umPrivatePeak, privateKiB(um.processId()));
        agentPeak = std::max(agentPeak, rssKiB(agent.processId()));
        agentPrivatePeak = std::max(agentPrivatePeak, privateKiB(agent.processId()));
    }
    say(u"flotilla-um idle, registered (%1 s): RSS %2 MB (goal <= 12), private %3 MB"_s.arg(seconds)
            .arg(double(umPeak) / 1024.0, 0, 'f', 1)
            .arg(double(umPrivatePeak) / 1024.0, 0, 'f', 1));
    say(u"flotilla-agent with its UMService and one UM: RSS %1 MB, private %2 MB"_s
            .arg(double(agentPeak) / 1024.0, 0, 'f', 1)
            .arg(double(agentPrivatePeak) / 1024.0, 0, 'f', 1));
    um.terminate();
    um.waitForFinished(5000);
    agent.terminate();
    agent.waitForFinished(5000);
    return 0;
}
