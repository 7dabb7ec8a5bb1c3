// flotilla-agent against a real flotillad on loopback (through a TcpProxy the test can stall or cut): the
// built-in handlers end to end, kill -9 at every phase, reboots with verification, feedback queued through an
// outage, cancel, consent, download-only and multi-assignment. The server's own records (Management API) are
// what the assertions read.
#include "tests/agent/agentprocess.h"
#include "tests/agent/flotilladfixture.h"
#include "tests/common/swuimage.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {
const QString device = u"dev-001"_s;
}

class TestDeviceAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fileHandlerInstallsAndSendsAttributes();
    void scriptHandlerRunsEveryStep();
    void swupdateHandlerInstalls_data();
    void swupdateHandlerInstalls();
    void killAtEveryPhase_data();
    void killAtEveryPhase();
    void rebootIsVerified_data();
    void rebootIsVerified();
    void feedbackWaitsForTheServer();
    void cancel_data();
    void cancel();
    void consentPolicy_data();
    void consentPolicy();
    void downloadOnlyStopsAtDownloaded();
    void multiAssignmentByWeight();
    void sigtermResumesTheDownload();
    void crashLoopIsStopped();
    void rebootDuringInstallRestores();
    void httpsWithTheServersCa_data();
    void httpsWithTheServersCa();
    void notifiesSystemd();
    void tornStateFileStartsClean();
    void badConfigurationNamesTheKey_data();
    void badConfigurationNamesTheKey();

private:
    bool startServer(const QString &tenantIni = {});
    void configureAgent(const QMap<QString, QString> &extra = {});
    QStringList steps() const { return readLines(m_dir->filePath(u"steps.log"_s)); }
    int countOf(const QStringList &list, const QString &value) const { return int(list.count(value)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FlotilladFixture> m_server;
    std::unique_ptr<AgentProcess> m_agent;
    Flotilla::Target m_target;
    SetWithArtifact m_v1, m_v2, m_big;
    QByteArray m_v1Content, m_v2Content, m_bigContent;
    QString m_script;
};

void TestDeviceAgent::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FlotilladFixture>(m_dir->path());
    m_target = m_server->addTarget(device);
    QVERIFY(m_target.id > 0);
    m_v1Content = randomBytes(64 * 1024);
    m_v2Content = randomBytes(65 * 1024);
    m_bigContent = randomBytes(8 * 1024 * 1024);
    m_v1 = m_server->addSet(u"fw"_s, u"1.0"_s, u"app.bin"_s, m_v1Content);
    m_v2 = m_server->addSet(u"fw"_s, u"2.0"_s, u"app.bin"_s, m_v2Content);
    m_big = m_server->addSet(u"big"_s, u"3.0"_s, u"image.bin"_s, m_bigContent);
    QVERIFY(m_v1.setId > 0 && m_v2.setId > 0 && m_big.setId > 0);
    m_script = writeStepScript(m_dir->path());
    m_agent = std::make_unique<AgentProcess>(m_dir->path());
}

void TestDeviceAgent::cleanup()
{
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("FLOTILLA_TEST_VERBOSE")) {
        qWarning().noquote() << "agent log:\n" << m_agent->log().right(8000);
        qWarning().noquote() << "steps:" << steps();
    }
    m_agent.reset();
    m_server.reset();
}

bool TestDeviceAgent::startServer(const QString &tenantIni)
{
    return m_server->start(tenantIni);
}

void TestDeviceAgent::configureAgent(const QMap<QString, QString> &extra)
{
    QMap<QString, QString> keys {
        { u"server/url"_s, m_server->agentUrl() },
        { u"device/controllerId"_s, device },
        { u"auth/targetToken"_s, m_target.securityToken },
        { u"handlers/default"_s, u"script:"_s + m_script },
    };
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        keys.insert(it.key(), it.value());
    m_agent->configure(keys);
}

void TestDeviceAgent::fileHandlerInstallsAndSendsAttributes()
{
    QVERIFY(startServer());
    const QString target = m_dir->filePath(u"device"_s);
    const QString attributes = m_dir->filePath(u"attributes.sh"_s);
    QFile a(attributes);
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write("#!/bin/sh\necho 'kernel=6.12'\necho 'not an attribute'\necho 'serial = A-17'\n");
    a.close();
    a.setPermissions(a.permissions() | QFileDevice::ExeOwner);
    configureAgent({ { u"handlers/os"_s, u"file:"_s + target },
                     { u"device/attributes.hwRevision"_s, u"rev2"_s },
                     { u"device/attributesCommand"_s, attributes } });
    const qint64 action = m_server->assign(device, m_v1.setId);
    QVERIFY(action > 0);
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QFile installed(target + u"/app.bin"_s);
    QVERIFY(installed.open(QIODevice::ReadOnly));
    QCOMPARE(installed.readAll(), m_v1Content);
    const QStringList history = m_server->history(device, action);
    QCOMPARE(countOf(history, u"finished"_s), 1);
    QVERIFY2(history.contains(u"download"_s), qPrintable(history.join(u',')));
    // The attributes: the configured one and the command's key=value lines.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->mgmt().get(u"/targets/%1/attributes"_s.arg(device)).json().contains(u"serial"_s),
                             15000);
    const QJsonObject attrs = m_server->mgmt().get(u"/targets/%1/attributes"_s.arg(device)).json();
    QCOMPARE(attrs.value(u"hwRevision"_s).toString(), u"rev2"_s);
    QCOMPARE(attrs.value(u"kernel"_s).toString(), u"6.12"_s);
    QCOMPARE(attrs.value(u"serial"_s).toString(), u"A-17"_s);
    // The verified download is removed once installed.
    QTRY_VERIFY(QDir(m_agent->downloadDir()).entryList(QDir::Files).isEmpty());
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::scriptHandlerRunsEveryStep()
{
    QVERIFY(startServer());
    configureAgent();
    const qint64 action = m_server->assign(device, m_v1.setId);
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QCOMPARE(steps(),
             (QStringList { u"IsInstalled 1.0"_s, u"Download 1.0"_s, u"Backup 1.0"_s, u"Install 1.0"_s,
                            u"installed 1.0"_s, u"Apply 1.0"_s, u"IsInstalled 1.0"_s }));
    QFile installed(m_dir->filePath(u"installed/app.bin"_s));
    QVERIFY(installed.open(QIODevice::ReadOnly));
    QCOMPARE(installed.readAll(), m_v1Content);
    // What the script printed is in the final feedback.
    QVERIFY2(m_server->messages(device, action).join(u'\n').contains(u"script: installed 1.0"_s),
             qPrintable(m_server->messages(device, action).join(u'\n')));
    // The same set again: isInstalled says it is there; nothing is installed twice.
    const qint64 again = m_server->assign(device, m_v2.setId);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, again), u"finished"_s, 30000);
    QCOMPARE(countOf(steps(), u"installed 2.0"_s), 1);
}

void TestDeviceAgent::swupdateHandlerInstalls_data()
{
    QTest::addColumn<bool>("corrupt");
    QTest::newRow("a signed image: installed") << false;
    QTest::newRow("an image SWUpdate refuses: error, nothing installed") << true;
}

void TestDeviceAgent::swupdateHandlerInstalls()
{
    // Debian's SWUpdate as the device's installer daemon; the agent hands it the verified .swu over its socket.
    QFETCH(bool, corrupt);
    QVERIFY(makeSwuSigningKey(m_dir->path()));
    const QByteArray payload = "installed by SWUpdate, handed over by flotilla-agent\n";
    const QString swu = buildSwu(m_dir->path(), m_dir->path(), payload, m_dir->filePath(u"device"_s), corrupt);
    QVERIFY(!swu.isEmpty());
    QFile image(swu);
    QVERIFY(image.open(QIODevice::ReadOnly));
    const SetWithArtifact set = m_server->addSet(u"rootfs"_s, u"1.0.1"_s, u"update.swu"_s, image.readAll());
    QVERIFY(startServer());
    const QString run = m_dir->filePath(u"run"_s);
    QDir().mkpath(run);
    QProcess swupdate;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TMPDIR"_s, run); // its IPC sockets
    swupdate.setProcessEnvironment(env);
    swupdate.setProcessChannelMode(QProcess::MergedChannels);
    swupdate.start(
        u"swupdate"_s,
        { u"-v"_s, u"-B"_s, u"none"_s, u"-k"_s, m_dir->filePath(u"cert.pem"_s), u"-H"_s, u"testboard:1.0"_s });
    QVERIFY(swupdate.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(run + u"/sockinstctrl"_s), 10000);
    configureAgent({ { u"handlers/os"_s, u"swupdate:"_s + run + u"/sockinstctrl"_s } });
    const qint64 action = m_server->assign(device, set.setId);
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), corrupt ? u"error"_s : u"finished"_s, 60000);
    QFile installed(m_dir->filePath(u"device/hello.txt"_s));
    QCOMPARE(installed.exists(), !corrupt);
    if (!corrupt) {
        QVERIFY(installed.open(QIODevice::ReadOnly));
        QCOMPARE(installed.readAll(), payload);
    } else {
        QVERIFY2(m_server->messages(device, action).join(u'\n').contains(u"SWUpdate refused or failed"_s),
                 qPrintable(m_server->messages(device, action).join(u'\n')));
    }
    QCOMPARE(m_agent->terminate(), 0);
    swupdate.terminate();
    swupdate.waitForFinished(10000);
}

void TestDeviceAgent::killAtEveryPhase_data()
{
    QTest::addColumn<QString>("phase");
    QTest::newRow("mid-download") << u"download"_s;
    QTest::newRow("after the download (Backup)") << u"Backup"_s;
    QTest::newRow("during Install") << u"Install"_s;
    QTest::newRow("after Install, before the final feedback") << u"final"_s;
}

void TestDeviceAgent::killAtEveryPhase()
{
    QFETCH(QString, phase);
    QVERIFY(startServer());
    configureAgent();
    const qint64 action = m_server->assign(device, m_big.setId);
    QVERIFY(action > 0);
    // "final": Apply waits until the server is cut off, so the closed feedback can only be queued.
    const QString hold = m_dir->filePath(u"hold-"_s + (phase == "final"_L1 ? u"Apply"_s : phase));
    if (phase == "download"_L1)
        m_server->proxy().setStallAfter(2 * 1024 * 1024);
    else
        QFile(hold).open(QIODevice::WriteOnly);
    QVERIFY(m_agent->start());
    if (phase == "download"_L1) {
        // The .part file holds some, not all, of the image.
        const QString part = m_agent->downloadDir() + u'/' + m_big.artifact.sha256 + u".part"_s;
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 1024 * 1024, 20000);
        QVERIFY(QFileInfo(part).size() < m_bigContent.size());
    } else if (phase == "final"_L1) {
        // The server is gone once the install ends: the final feedback can only be queued.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath(u"at-Apply"_s)), 30000);
        m_server->proxy().setRefusing(true);
        m_server->proxy().dropAll();
        QFile::remove(hold);
        QTRY_VERIFY_WITH_TIMEOUT(
            QFile(m_agent->stateDir() + u"/state.json"_s).open(QIODevice::ReadOnly) &&
                [this] {
                    QFile f(m_agent->stateDir() + u"/state.json"_s);
                    f.open(QIODevice::ReadOnly);
                    return f.readAll().contains("closed/success");
                }(),
            20000);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath(u"at-"_s + phase)), 30000);
    }
    m_agent->kill();
    QFile::remove(hold);
    m_server->proxy().setStallAfter(-1);
    m_server->proxy().setRefusing(false);
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QCOMPARE(countOf(steps(), u"installed 3.0"_s), 1);
    const QStringList history = m_server->history(device, action);
    QCOMPARE(countOf(history, u"finished"_s), 1);
    QFile installed(m_dir->filePath(u"installed/image.bin"_s));
    QVERIFY(installed.open(QIODevice::ReadOnly));
    QVERIFY(installed.readAll() == m_bigContent);
    if (phase == "download"_L1)
        QVERIFY2(m_agent->waitForLog(u"resuming at"_s), "the second start resumes the partial file");
    // (The server may already have the closed feedback: it can arrive just before the cut; it counts once.)
    if (phase == "final"_L1)
        QVERIFY2(m_agent->waitForLog(u"from before the restart are queued"_s), "the queue survived the kill");
    else
        QVERIFY2(m_agent->waitForLog(u"resuming action"_s), "the restarted agent picks up the saved action");
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::rebootIsVerified_data()
{
    QTest::addColumn<bool>("healthy");
    QTest::newRow("healthy after the reboot: finished") << true;
    QTest::newRow("unhealthy after the reboot: error, restored") << false;
}

void TestDeviceAgent::rebootIsVerified()
{
    QFETCH(bool, healthy);
    QVERIFY(startServer());
    // "Rebooting" gives the device a new boot id and kills the agent, as a real reboot would.
    const QString reboot = m_dir->filePath(u"reboot.sh"_s);
    QFile r(reboot);
    QVERIFY(r.open(QIODevice::WriteOnly));
    r.write("#!/bin/sh\necho rebooted >> '" + m_dir->filePath(u"steps.log"_s).toUtf8() + "'\necho boot-2 > '"
            + m_agent->bootIdFile().toUtf8() + "'\nkill -KILL $PPID\n");
    r.close();
    r.setPermissions(r.permissions() | QFileDevice::ExeOwner);
    configureAgent(
        { { u"reboot/command"_s, reboot }, { u"health/command"_s, healthy ? u"/bin/true"_s : u"/bin/false"_s } });
    QFile exitCode(m_dir->filePath(u"exit-Install"_s));
    QVERIFY(exitCode.open(QIODevice::WriteOnly));
    exitCode.write("10"); // Install asks for an immediate reboot (ADU 605)
    exitCode.close();
    const qint64 action = m_server->assign(device, m_v1.setId);
    QVERIFY(m_agent->start());
    QVERIFY(m_agent->waitForExit(30000));
    QVERIFY(steps().contains(u"rebooted"_s));
    // Not reported as done before the reboot.
    QCOMPARE(m_server->actionState(device, action), u"running"_s);
    // The script's Install exited before marking it installed: the reboot "completes" it.
    QDir().mkpath(m_dir->filePath(u"installed"_s));
    QFile(m_dir->filePath(u"installed/1.0"_s)).open(QIODevice::WriteOnly);
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), healthy ? u"finished"_s : u"error"_s, 30000);
    QCOMPARE(countOf(steps(), u"Install 1.0"_s), 1);
    if (healthy) {
        QVERIFY(!steps().contains(u"restored 1.0"_s));
    } else {
        QVERIFY(steps().contains(u"restored 1.0"_s));
        QVERIFY2(m_server->messages(device, action).join(u'\n').contains(u"health check failed"_s),
                 qPrintable(m_server->messages(device, action).join(u'\n')));
    }
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::feedbackWaitsForTheServer()
{
    QVERIFY(startServer());
    configureAgent();
    QFile(m_dir->filePath(u"hold-Install"_s)).open(QIODevice::WriteOnly);
    const qint64 action = m_server->assign(device, m_v1.setId);
    QVERIFY(m_agent->start());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath(u"at-Install"_s)), 30000);
    // Everything sent before the outage has arrived ("Install started" goes out as Install begins).
    QTRY_VERIFY_WITH_TIMEOUT(m_server->messages(device, action).contains(u"Install started"_s), 20000);
    const QStringList before = m_server->history(device, action);
    m_server->proxy().setRefusing(true);
    m_server->proxy().dropAll();
    QFile::remove(m_dir->filePath(u"hold-Install"_s));
    QTRY_VERIFY_WITH_TIMEOUT(steps().contains(u"IsInstalled 1.0"_s) && steps().count(u"IsInstalled 1.0"_s) == 2, 20000);
    QTest::qWait(3000); // several retries while the server is away
    QCOMPARE(m_server->history(device, action), before);
    m_server->proxy().setRefusing(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    const QStringList after = m_server->history(device, action);
    QCOMPARE(countOf(after, u"finished"_s), 1);
    QCOMPARE(after.constLast(), u"finished"_s); // in order: the progress first, the closing last
    // One warning per outage, not one per attempt.
    QCOMPARE(m_agent->count(u"cannot be reached"_s), 1);
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::cancel_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("end");
    QTest::newRow("during Download (the agent's own, half way): canceled") << u"Download"_s << u"canceled"_s;
    QTest::newRow("during Backup: canceled") << u"Backup"_s << u"canceled"_s;
    QTest::newRow("during Install: rejected, the install finishes") << u"Install"_s << u"finished"_s;
}

void TestDeviceAgent::cancel()
{
    QFETCH(QString, step);
    QFETCH(QString, end);
    QVERIFY(startServer());
    configureAgent();
    const bool download = step == "Download"_L1;
    const QString part = m_agent->downloadDir() + u'/' + m_big.artifact.sha256 + u".part"_s;
    if (download)
        m_server->proxy().setStallAfter(2 * 1024 * 1024); // the image hangs half way; polls still pass
    else
        QFile(m_dir->filePath(u"hold-"_s + step)).open(QIODevice::WriteOnly);
    const qint64 action = m_server->assign(device, download ? m_big.setId : m_v1.setId);
    QVERIFY(m_agent->start());
    if (download)
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 1024 * 1024, 30000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath(u"at-"_s + step)), 30000);
    const HttpAnswer c = m_server->mgmt().send("DELETE", u"/targets/%1/actions/%2"_s.arg(device).arg(action));
    QVERIFY2(c.status == 200 || c.status == 204, c.body.constData());
    if (step == "Install"_L1) {
        QTRY_VERIFY_WITH_TIMEOUT(m_server->history(device, action).contains(u"cancel_rejected"_s), 20000);
        QFile::remove(m_dir->filePath(u"hold-"_s + step));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), end, 30000);
    QCOMPARE(steps().contains(u"installed 1.0"_s), end == "finished"_L1);
    if (download) {
        // The transfer stopped: the handler was only asked whether 3.0 was installed, and the partial file is gone.
        m_server->proxy().setStallAfter(-1);
        QCOMPARE(steps(), QStringList { u"IsInstalled 3.0"_s });
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(part), 10000);
        QCOMPARE(countOf(m_server->history(device, action), u"canceled"_s), 1);
    }
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::consentPolicy_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("state");
    QTest::newRow("confirm") << u"confirm"_s << u"finished"_s;
    QTest::newRow("deny: the action keeps waiting") << u"deny"_s << u"wait_for_confirmation"_s;
}

void TestDeviceAgent::consentPolicy()
{
    QFETCH(QString, policy);
    QFETCH(QString, state);
    QVERIFY(startServer(u"consentFlow=true\n"_s));
    configureAgent({ { u"consent/policy"_s, policy } });
    const qint64 action = m_server->assign(device, m_v1.setId, { { u"confirmationRequired"_s, true } });
    QCOMPARE(m_server->actionState(device, action), u"wait_for_confirmation"_s);
    QVERIFY(m_agent->start());
    if (policy == "deny"_L1) {
        QTRY_VERIFY_WITH_TIMEOUT(m_server->messages(device, action).join(u'\n').contains(u"denied by the device"_s),
                                 20000);
        QTest::qWait(2500); // polls go on; the denial is not repeated
        QCOMPARE(m_server->messages(device, action).join(u'\n').count(u"denied by the device"_s), 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), state, 30000);
    QCOMPARE(steps().contains(u"installed 1.0"_s), policy == "confirm"_L1);
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::downloadOnlyStopsAtDownloaded()
{
    QVERIFY(startServer());
    configureAgent();
    const qint64 action = m_server->assign(device, m_v1.setId, { { u"type"_s, u"downloadonly"_s } });
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"downloaded"_s, 30000);
    QVERIFY(!steps().contains(u"Install 1.0"_s));
    // The verified file stays for the assignment that installs it: no second download.
    const QString file = m_agent->downloadDir() + u'/' + m_v1.artifact.sha256;
    QVERIFY(QFile::exists(file));
    const qint64 install = m_server->assign(device, m_v1.setId);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, install), u"finished"_s, 30000);
    QCOMPARE(m_agent->count(u"downloading app.bin"_s), 1);
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::multiAssignmentByWeight()
{
    QVERIFY(startServer(u"multiAssignment=true\n"_s));
    configureAgent();
    const qint64 light = m_server->assign(device, m_v1.setId, { { u"weight"_s, 100 } });
    const qint64 heavy = m_server->assign(device, m_v2.setId, { { u"weight"_s, 900 } });
    QVERIFY(light > 0 && heavy > 0);
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, light), u"finished"_s, 40000);
    QCOMPARE(m_server->actionState(device, heavy), u"finished"_s);
    const QStringList done = steps().filter(u"installed "_s);
    QCOMPARE(done, (QStringList { u"installed 2.0"_s, u"installed 1.0"_s }));
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::sigtermResumesTheDownload()
{
    QVERIFY(startServer());
    configureAgent();
    m_server->proxy().setStallAfter(3 * 1024 * 1024);
    const qint64 action = m_server->assign(device, m_big.setId);
    QVERIFY(m_agent->start());
    const QString part = m_agent->downloadDir() + u'/' + m_big.artifact.sha256 + u".part"_s;
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 1024 * 1024, 20000);
    QCOMPARE(m_agent->terminate(), 0);
    QVERIFY(QFileInfo(part).size() > 1024 * 1024); // kept for the next start
    m_server->proxy().setStallAfter(-1);
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QVERIFY(m_agent->waitForLog(u"resuming at"_s));
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::crashLoopIsStopped()
{
    QVERIFY(startServer());
    configureAgent({ { u"workflow/maxResumes"_s, u"2"_s } });
    QFile(m_dir->filePath(u"crash-Install"_s)).open(QIODevice::WriteOnly);
    const qint64 action = m_server->assign(device, m_v1.setId);
    for (int start = 0; start < 8 && m_server->actionState(device, action) != "error"_L1; ++start) {
        if (!m_agent->isRunning())
            QVERIFY(m_agent->start());
        (void)QTest::qWaitFor(
            [this, action] { return !m_agent->isRunning() || m_server->actionState(device, action) == "error"_L1; },
            20000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"error"_s, 20000);
    // Started once, resumed twice (the limit), stopped at the third resume: three installs that crashed.
    QCOMPARE(countOf(steps(), u"crash 1.0"_s), 3);
    QVERIFY(steps().contains(u"restored 1.0"_s));
    QVERIFY2(m_server->messages(device, action).join(u'\n').contains(u"crash or reboot loop"_s),
             qPrintable(m_server->messages(device, action).join(u'\n')));
    QVERIFY(m_agent->isRunning()); // and it goes on polling
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::rebootDuringInstallRestores()
{
    // Mender's rule: a reboot nobody asked for in the middle of Install is a failure; Restore runs.
    QVERIFY(startServer());
    configureAgent();
    QFile(m_dir->filePath(u"hold-Install"_s)).open(QIODevice::WriteOnly);
    const qint64 action = m_server->assign(device, m_v1.setId);
    QVERIFY(m_agent->start());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath(u"at-Install"_s)), 30000);
    m_agent->kill();
    m_agent->setBootId(u"boot-after-power-loss"_s);
    QFile::remove(m_dir->filePath(u"hold-Install"_s));
    QVERIFY(m_agent->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"error"_s, 30000);
    QVERIFY(steps().contains(u"restored 1.0"_s));
    QVERIFY(!steps().contains(u"installed 1.0"_s));
    QVERIFY2(m_server->messages(device, action).join(u'\n').contains(u"restarted during Install"_s),
             qPrintable(m_server->messages(device, action).join(u'\n')));
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::httpsWithTheServersCa_data()
{
    QTest::addColumn<bool>("trusted");
    QTest::newRow("server/caFile holds the server's CA: installed") << true;
    QTest::newRow("another CA: refused, nothing installed") << false;
}

void TestDeviceAgent::httpsWithTheServersCa()
{
    QFETCH(bool, trusted);
    for (const char *name : { "server", "stranger" }) {
        QVERIFY(runTool(u"openssl"_s,
                        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                          u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                          u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s,
                          m_dir->filePath(QLatin1StringView(name) + u".key"_s), u"-out"_s,
                          m_dir->filePath(QLatin1StringView(name) + u".pem"_s) }));
    }
    QVERIFY(m_server->start(
        {}, u"tlsCertificate=%1\ntlsKey=%2\n"_s.arg(m_dir->filePath(u"server.pem"_s), m_dir->filePath(u"server.key"_s)),
        m_dir->filePath(u"server.pem"_s)));
    QVERIFY(m_server->agentUrl().startsWith(u"https://"_s));
    configureAgent({ { u"server/caFile"_s, m_dir->filePath(trusted ? u"server.pem"_s : u"stranger.pem"_s) } });
    const qint64 action = m_server->assign(device, m_v1.setId);
    QVERIFY(action > 0);
    QVERIFY(m_agent->start());
    if (trusted) {
        QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    } else {
        QVERIFY(m_agent->waitForLog(u"cannot be reached"_s));
        QTest::qWait(2000);
        QCOMPARE(m_server->actionState(device, action), u"running"_s);
        QVERIFY(steps().isEmpty());
    }
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::notifiesSystemd()
{
    // systemd's notify protocol (Type=notify, WatchdogSec): a datagram socket in NOTIFY_SOCKET.
    const QByteArray path = QFile::encodeName(m_dir->filePath(u"notify"_s));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), std::min<size_t>(size_t(path.size()), sizeof address.sun_path - 1));
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    m_agent->configure({ { u"server/url"_s, u"http://127.0.0.1:9"_s }, { u"device/controllerId"_s, device } });
    m_agent->setEnvironment(u"NOTIFY_SOCKET"_s, QString::fromLocal8Bit(path));
    m_agent->setEnvironment(u"WATCHDOG_USEC"_s, u"400000"_s); // a watchdog ping every 0.2 s
    QVERIFY(m_agent->start());
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            char buffer[512];
            ssize_t n;
            while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
                received += QByteArray(buffer, n) + '\n';
            return received.contains("READY=1") && received.contains("WATCHDOG=1");
        }(),
        10000);
    QVERIFY(received.contains("STATUS=polling http://127.0.0.1:9"));
    QCOMPARE(m_agent->terminate(), 0);
    char buffer[512];
    ssize_t n;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
        received += QByteArray(buffer, n);
    QVERIFY(received.contains("STOPPING=1"));
    ::close(fd);
}

void TestDeviceAgent::tornStateFileStartsClean()
{
    QVERIFY(startServer());
    configureAgent();
    QDir().mkpath(m_agent->stateDir());
    QFile torn(m_agent->stateDir() + u"/state.json"_s);
    QVERIFY(torn.open(QIODevice::WriteOnly));
    torn.write("{\"version\":1,\"current\":{\"actionId\":\"4\",\"pha");
    torn.close();
    QVERIFY(m_agent->start());
    QVERIFY(m_agent->waitForLog(u"is damaged"_s));
    const qint64 action = m_server->assign(device, m_v1.setId);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QCOMPARE(QDir(m_agent->stateDir()).entryList({ u"state.json.broken-*"_s }).size(), 1);
    QCOMPARE(m_agent->terminate(), 0);
}

void TestDeviceAgent::badConfigurationNamesTheKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("server/url") << u"server/url"_s << u"ftp://x"_s;
    QTest::newRow("handlers") << u"handlers/os"_s << u"copy:/tmp"_s;
    QTest::newRow("consent/policy") << u"consent/policy"_s << u"maybe"_s;
    QTest::newRow("server/retryInterval") << u"server/retryInterval"_s << u"soon"_s;
    QTest::newRow("server/caFile") << u"server/caFile"_s << u"/nonexistent/ca.pem"_s;
}

void TestDeviceAgent::badConfigurationNamesTheKey()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    m_agent->configure(
        { { u"server/url"_s, u"http://127.0.0.1:9"_s }, { u"device/controllerId"_s, device }, { key, value } });
    QVERIFY(m_agent->start());
    QVERIFY(m_agent->waitForExit(10000));
    QVERIFY2(m_agent->log().contains(key), qPrintable(m_agent->log()));
    QVERIFY(!m_agent->isRunning());
}

QTEST_GUILESS_MAIN(TestDeviceAgent)
#include "tst_deviceagent.moc"
