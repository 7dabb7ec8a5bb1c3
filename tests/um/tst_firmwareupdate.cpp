// Firmware updates end to end, every part a real process on loopback: flotillad, flotilla-agent (its
// UMService hub and firmware handler) and two flotilla-um with A/B slot directories (AosCore's Update Manager protocol
// and update flow). A distribution set with two firmware modules is assigned and the test watches the slots and the
// action.
#include "tests/agent/agentprocess.h"
#include "tests/agent/flotilladfixture.h"
#include "tests/common/freeport.h"
#include "tests/um/umprocess.h"

#include <QTemporaryDir>
#include <QTest>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {
const QString device = u"fw-device"_s;

void writeScript(const QString &path, const QByteArray &body)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}
} // namespace

class TestFirmwareUpdate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void updatesBothInPriorityOrder_data();
    void updatesBothInPriorityOrder();
    void failedStartUpdateRevertsBoth();
    void updateManagerKilledAfterStartUpdateContinues();
    void agentKilledInEachPhaseResumes_data();
    void agentKilledInEachPhaseResumes();
    void silentUpdateManagerTimesOutAndReverts();
    void unknownComponentFailsUpFront();
    void mutualTls_data();
    void mutualTls();

private:
    // Assigns a set with rootfs (os) 2.0 and mcu (mcu) 3.1; the action's id.
    qint64 assignFirmware(bool withUnknownModule = false);
    void startAgent(const QMap<QString, QString> &extra = {});
    UmProcess *startUm(const QString &node, int priority, const QString &component, const QStringList &options = {});
    QString waitForEnd(qint64 actionId, int ms = 60000);
    QString messages(qint64 actionId) { return m_server->messages(device, actionId).join(u"\n"_s); }
    // "node-a,node-b": the order of StartUpdate in the agent's log.
    QString startOrder() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FlotilladFixture> m_server;
    std::unique_ptr<AgentProcess> m_agent;
    std::vector<std::unique_ptr<UmProcess>> m_ums;
    Flotilla::Target m_target;
    quint16 m_umPort = 0;
    QByteArray m_rootfs = randomBytes(300 * 1024);
    QByteArray m_mcu = randomBytes(40 * 1024);
};

void TestFirmwareUpdate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FlotilladFixture>(m_dir->path());
    m_target = m_server->addTarget(device);
    QVERIFY(m_target.id > 0);
    m_agent = std::make_unique<AgentProcess>(m_dir->path());
    m_umPort = freeLoopbackPort();
    QVERIFY(m_umPort > 0);
}

void TestFirmwareUpdate::cleanup()
{
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("FLOTILLA_TEST_VERBOSE")) {
        qWarning().noquote() << "agent log:\n" << m_agent->log().right(8000);
        for (const auto &um : m_ums)
            qWarning().noquote() << um->nodeId() << "log:\n" << um->log().right(3000);
    }
    m_ums.clear();
    m_agent.reset();
    m_server.reset();
}

qint64 TestFirmwareUpdate::assignFirmware(bool withUnknownModule)
{
    qint64 setId = 0;
    {
        Flotilla::SqlStore store;
        Flotilla::ArtifactStore artifacts(m_server->artifactDir());
        if (!store.open(m_server->databaseUrl()) || !artifacts.open())
            return 0;
        const qint64 rootfs
            = makeModule(store.stores(), artifacts, u"os"_s, u"rootfs"_s, u"2.0"_s, u"rootfs.img"_s, m_rootfs);
        const qint64 mcu = makeModule(store.stores(), artifacts, u"mcu"_s, u"mcu"_s, u"3.1"_s, u"mcu.bin"_s, m_mcu);
        setId = store.repository()
                    .insertDistributionSet({ 0, u"board"_s, u"2026.11"_s, u"os"_s, false, false, {} })
                    .value();
        if (!store.repository().addModuleToSet(setId, rootfs) || !store.repository().addModuleToSet(setId, mcu))
            return 0;
        if (withUnknownModule
            && !store.repository().addModuleToSet(setId,
                                                  makeModule(store.stores(), artifacts, u"mcu"_s, u"gpu-blob"_s, u"9"_s,
                                                             u"gpu.bin"_s, QByteArray("gpu"))))
            return 0;
    }
    if (!m_server->start())
        return 0;
    return m_server->assign(device, setId);
}

void TestFirmwareUpdate::startAgent(const QMap<QString, QString> &extra)
{
    QMap<QString, QString> keys {
        { u"server/url"_s, m_server->agentUrl() },
        { u"device/controllerId"_s, device },
        { u"auth/targetToken"_s, m_target.securityToken },
        { u"handlers/os"_s, u"firmware"_s },
        { u"handlers/mcu"_s, u"firmware"_s },
        { u"updateManagers/listen"_s, u"127.0.0.1:%1"_s.arg(m_umPort) },
        { u"updateManagers/expected"_s, u"node-a,node-b"_s },
        { u"updateManagers/connectTimeout"_s, u"30"_s },
        { u"updateManagers/timeout"_s, u"30"_s },
    };
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        keys.insert(it.key(), it.value());
    m_agent->configure(keys);
    QVERIFY(m_agent->start());
    QVERIFY2(m_agent->waitForLog(u"UMService listening"_s), qPrintable(m_agent->log()));
}

UmProcess *TestFirmwareUpdate::startUm(const QString &node, int priority, const QString &component,
                                       const QStringList &options)
{
    auto um = std::make_unique<UmProcess>(node, m_dir->filePath(u"slots-"_s + node),
                                          QStringList { u"--agent"_s, u"127.0.0.1:%1"_s.arg(m_umPort), u"--priority"_s,
                                                        QString::number(priority), u"--component"_s, component }
                                              + options);
    const QString id = component.section(u':', 0, 0);
    um->install(id, u"a"_s, id == "rootfs"_L1 ? u"1.0"_s : u"3.0"_s, "old " + id.toUtf8());
    if (!um->start())
        return nullptr;
    m_ums.push_back(std::move(um));
    return m_ums.back().get();
}

QString TestFirmwareUpdate::waitForEnd(qint64 actionId, int ms)
{
    QString state;
    (void)QTest::qWaitFor(
        [&] {
            state = m_server->actionState(device, actionId);
            return state == "finished"_L1 || state == "error"_L1 || state == "canceled"_L1;
        },
        ms);
    return state;
}

QString TestFirmwareUpdate::startOrder() const
{
    QStringList order;
    for (const QString &line : m_agent->log().split(u'\n')) {
        if (line.contains(u": sending StartUpdate"_s))
            order << line.section(u"update manager "_s, 1).section(u':', 0, 0);
    }
    return order.join(u',');
}

void TestFirmwareUpdate::updatesBothInPriorityOrder_data()
{
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("images");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ascending") << u"ascending"_s << u"file"_s << u"node-a,node-b"_s;
    QTest::newRow("descending") << u"descending"_s << u"file"_s << u"node-b,node-a"_s;
    QTest::newRow("images from the agent's HTTP server") << u"ascending"_s << u"http"_s << u"node-a,node-b"_s;
}

void TestFirmwareUpdate::updatesBothInPriorityOrder()
{
    QFETCH(QString, order);
    QFETCH(QString, images);
    QFETCH(QString, expected);
    const qint64 action = assignFirmware();
    QVERIFY(action > 0);
    startAgent({ { u"updateManagers/priorityOrder"_s, order }, { u"updateManagers/imageUrls"_s, images } });
    UmProcess *a = startUm(u"node-a"_s, 1, u"rootfs:os"_s);
    UmProcess *b = startUm(u"node-b"_s, 5, u"mcu:mcu"_s);
    QVERIFY(a && b);
    QCOMPARE(waitForEnd(action), u"finished"_s);
    QCOMPARE(startOrder(), expected);
    // Slots switched, images are the artifacts' bytes, the old slots dropped by ApplyUpdate.
    QCOMPARE(a->bootSlot(u"rootfs"_s), u"b"_s);
    QCOMPARE(a->version(u"rootfs"_s, u"b"_s), u"2.0"_s);
    QVERIFY(a->image(u"rootfs"_s, u"b"_s) == m_rootfs);
    QVERIFY(!a->hasImage(u"rootfs"_s, u"a"_s));
    QCOMPARE(b->bootSlot(u"mcu"_s), u"b"_s);
    QCOMPARE(b->version(u"mcu"_s, u"b"_s), u"3.1"_s);
    QVERIFY(b->image(u"mcu"_s, u"b"_s) == m_mcu);
    // PrepareUpdate went to both before any StartUpdate; the feedback tells the phases.
    const QString log = m_agent->log();
    QVERIFY(log.indexOf(u"node-a: sending PrepareUpdate"_s) < log.indexOf(u"sending StartUpdate"_s));
    QVERIFY(log.indexOf(u"node-b: sending PrepareUpdate"_s) < log.indexOf(u"sending StartUpdate"_s));
    QVERIFY2(messages(action).contains(u"firmware: WaitingActive"_s), qPrintable(messages(action)));
    QCOMPARE(log.contains(u"serving Update Manager images on http://127.0.0.1:"_s), images == "http"_L1);
}

void TestFirmwareUpdate::failedStartUpdateRevertsBoth()
{
    const QString flash = m_dir->filePath(u"flash.sh"_s);
    writeScript(flash, "echo \"flash write error at block 17\"\nexit 3\n");
    const qint64 action = assignFirmware();
    QVERIFY(action > 0);
    startAgent();
    UmProcess *a = startUm(u"node-a"_s, 1, u"rootfs:os"_s);
    UmProcess *b = startUm(u"node-b"_s, 5, u"mcu:mcu"_s, { u"--update-command"_s, flash });
    QVERIFY(a && b);
    QCOMPARE(waitForEnd(action), u"error"_s);
    QCOMPARE(startOrder(), u"node-a,node-b"_s);
    // node-a had switched; both are back on their old slots with the old versions.
    QTRY_COMPARE_WITH_TIMEOUT(a->bootSlot(u"rootfs"_s), u"a"_s, 10000);
    QCOMPARE(a->version(u"rootfs"_s, u"a"_s), u"1.0"_s);
    QVERIFY(!a->hasImage(u"rootfs"_s, u"b"_s));
    QCOMPARE(b->bootSlot(u"mcu"_s), u"a"_s);
    QCOMPARE(b->version(u"mcu"_s, u"a"_s), u"3.0"_s);
    const QString text = messages(action);
    QVERIFY2(text.contains(u"node-b reported FAILED"_s), qPrintable(text));
    QVERIFY2(text.contains(u"flash write error at block 17"_s), qPrintable(text));
    QVERIFY2(text.contains(u"exit_code 3"_s), qPrintable(text));
    QVERIFY2(text.contains(u"reverted"_s), qPrintable(text));
    QVERIFY(m_agent->log().contains(u"node-a: sending RevertUpdate"_s));
    QVERIFY(m_agent->log().contains(u"node-b: sending RevertUpdate"_s));
}

void TestFirmwareUpdate::updateManagerKilledAfterStartUpdateContinues()
{
    // node-a "reboots" after StartUpdate: its reboot command only leaves a mark, the test kills it -9 and
    // starts it again, as a power cycle would.
    const QString marker = m_dir->filePath(u"rebooted"_s);
    const QString reboot = m_dir->filePath(u"reboot.sh"_s);
    writeScript(reboot, "touch " + marker.toUtf8() + "\n");
    const qint64 action = assignFirmware();
    QVERIFY(action > 0);
    startAgent();
    UmProcess *a = startUm(u"node-a"_s, 1, u"rootfs:os"_s, { u"--reboot-command"_s, reboot });
    UmProcess *b = startUm(u"node-b"_s, 5, u"mcu:mcu"_s);
    QVERIFY(a && b);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 30000);
    a->kill();
    QCOMPARE(a->bootSlot(u"rootfs"_s), u"b"_s); // persisted before the reboot
    QVERIFY(a->start());
    QCOMPARE(waitForEnd(action), u"finished"_s);
    QCOMPARE(a->version(u"rootfs"_s, u"b"_s), u"2.0"_s);
    QCOMPARE(b->bootSlot(u"mcu"_s), u"b"_s);
    QCOMPARE(m_agent->log().count(u"node-a: sending StartUpdate"_s), 1); // UPDATED after the restart: not again
}

void TestFirmwareUpdate::agentKilledInEachPhaseResumes_data()
{
    QTest::addColumn<QString>("killAt");
    QTest::newRow("Downloading") << u": Download"_s;
    QTest::newRow("Pending (routing to the UMs)") << u"firmware: Pending"_s;
    QTest::newRow("Installing (PrepareUpdate sent)") << u"node-b: sending PrepareUpdate"_s;
    QTest::newRow("WaitingActive (StartUpdate sent)") << u"node-a: sending StartUpdate"_s;
    // node-a is paused once it is UPDATED, so the agent is still waiting for its IDLE when it is killed.
    QTest::newRow("Finalizing (ApplyUpdate sent)") << u"node-a: sending ApplyUpdate"_s;
}

void TestFirmwareUpdate::agentKilledInEachPhaseResumes()
{
    QFETCH(QString, killAt);
    // A slow flash keeps StartUpdate open for a moment.
    const QString flash = m_dir->filePath(u"flash.sh"_s);
    writeScript(flash, "sleep 1\n");
    const qint64 action = assignFirmware();
    QVERIFY(action > 0);
    startAgent();
    UmProcess *a = startUm(u"node-a"_s, 1, u"rootfs:os"_s, { u"--update-command"_s, flash });
    UmProcess *b = startUm(u"node-b"_s, 5, u"mcu:mcu"_s, { u"--update-command"_s, flash });
    QVERIFY(a && b);
    const bool finalizing = killAt.contains(u"ApplyUpdate"_s);
    if (finalizing) {
        QVERIFY(m_agent->waitForLog(u"node-b: sending StartUpdate"_s, 30000));
        a->pause();
    }
    QVERIFY2(m_agent->waitForLog(killAt, 30000), qPrintable(killAt));
    m_agent->kill();
    if (finalizing) {
        QCOMPARE(m_server->actionState(device, action), u"running"_s);
        a->resume();
    }
    QVERIFY(m_agent->start());
    QCOMPARE(waitForEnd(action), u"finished"_s);
    QVERIFY(m_agent->log().contains(u"resuming action"_s));
    QCOMPARE(a->bootSlot(u"rootfs"_s), u"b"_s);
    QCOMPARE(a->version(u"rootfs"_s, u"b"_s), u"2.0"_s);
    QCOMPARE(b->bootSlot(u"mcu"_s), u"b"_s);
    QCOMPARE(b->version(u"mcu"_s, u"b"_s), u"3.1"_s);
}

void TestFirmwareUpdate::silentUpdateManagerTimesOutAndReverts()
{
    const QString hang = m_dir->filePath(u"hang.sh"_s);
    writeScript(hang, "exec sleep 600\n");
    const qint64 action = assignFirmware();
    QVERIFY(action > 0);
    startAgent({ { u"updateManagers/timeout"_s, u"3"_s } });
    UmProcess *a = startUm(u"node-a"_s, 1, u"rootfs:os"_s);
    UmProcess *b = startUm(u"node-b"_s, 5, u"mcu:mcu"_s, { u"--update-command"_s, hang });
    QVERIFY(a && b);
    QCOMPARE(waitForEnd(action), u"error"_s);
    const QString text = messages(action);
    QVERIFY2(text.contains(u"node-b did not answer within 3 s"_s), qPrintable(text));
    QTRY_COMPARE_WITH_TIMEOUT(a->bootSlot(u"rootfs"_s), u"a"_s, 10000);
    QCOMPARE(b->bootSlot(u"mcu"_s), u"a"_s);
}

void TestFirmwareUpdate::unknownComponentFailsUpFront()
{
    const qint64 action = assignFirmware(true);
    QVERIFY(action > 0);
    startAgent();
    UmProcess *a = startUm(u"node-a"_s, 1, u"rootfs:os"_s);
    UmProcess *b = startUm(u"node-b"_s, 5, u"mcu:mcu"_s);
    QVERIFY(a && b);
    QCOMPARE(waitForEnd(action), u"error"_s);
    const QString text = messages(action);
    QVERIFY2(text.contains(u"no Update Manager reports firmware component gpu-blob 9"_s), qPrintable(text));
    QVERIFY(!m_agent->log().contains(u"sending PrepareUpdate"_s));
    QCOMPARE(a->bootSlot(u"rootfs"_s), u"a"_s);
    QVERIFY(!a->hasImage(u"rootfs"_s, u"b"_s));
}

void TestFirmwareUpdate::mutualTls_data()
{
    QTest::addColumn<bool>("withCertificate");
    QTest::newRow("UMs present certificates the agent trusts: updated") << true;
    QTest::newRow("a UM without a certificate is not let in") << false;
}

void TestFirmwareUpdate::mutualTls()
{
    // updateManagers/certificate + key + caFile on the agent; --ca-file, --certificate, --key on the UMs.
    QFETCH(bool, withCertificate);
    for (const QString &name : { u"agent"_s, u"um"_s }) {
        QProcess openssl;
        openssl.start(u"openssl"_s,
                      { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                        u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN="_s + name, u"-addext"_s,
                        u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, m_dir->filePath(name + u".key"_s), u"-out"_s,
                        m_dir->filePath(name + u".pem"_s) });
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
    }
    const qint64 action = assignFirmware();
    QVERIFY(action > 0);
    startAgent({ { u"updateManagers/certificate"_s, m_dir->filePath(u"agent.pem"_s) },
                 { u"updateManagers/key"_s, m_dir->filePath(u"agent.key"_s) },
                 { u"updateManagers/caFile"_s, m_dir->filePath(u"um.pem"_s) },
                 { u"updateManagers/connectTimeout"_s, u"8"_s } });
    QVERIFY(m_agent->log().contains(u"mutual TLS"_s));
    QStringList tls { u"--ca-file"_s, m_dir->filePath(u"agent.pem"_s) };
    if (withCertificate)
        tls << u"--certificate"_s << m_dir->filePath(u"um.pem"_s) << u"--key"_s << m_dir->filePath(u"um.key"_s);
    UmProcess *a = startUm(u"node-a"_s, 1, u"rootfs:os"_s, tls);
    UmProcess *b = startUm(u"node-b"_s, 5, u"mcu:mcu"_s, tls);
    QVERIFY(a && b);
    if (withCertificate) {
        QCOMPARE(waitForEnd(action), u"finished"_s);
        QCOMPARE(a->bootSlot(u"rootfs"_s), u"b"_s);
        QCOMPARE(b->bootSlot(u"mcu"_s), u"b"_s);
        return;
    }
    // Nobody registers; the update waits for the expected UMs, then fails without touching a slot.
    QCOMPARE(waitForEnd(action), u"error"_s);
    QVERIFY2(messages(action).contains(u"expected Update Manager(s) not connected: node-a, node-b"_s),
             qPrintable(messages(action)));
    QVERIFY(!m_agent->log().contains(u"registered from"_s));
    QCOMPARE(a->bootSlot(u"rootfs"_s), u"a"_s);
}

QTEST_GUILESS_MAIN(TestFirmwareUpdate)
#include "tst_firmwareupdate.moc"
