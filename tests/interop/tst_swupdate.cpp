// A real, independent DDI client against flotillad: Debian's SWUpdate with its hawkBit "suricatta" module.
// The test builds a signed .swu at run time (a throw-away key; sw-description + one file written by the rawfile
// handler into a temporary directory), puts it into the store, assigns it, and lets swupdate do the rest
// (../shared/reference/swupdate-client.md: a successful install reports closed/success only at a restart with
// -c 2). A second case corrupts the payload and expects ERROR.
#include "deploymentservice.h"
#include "fleetdata.h"
#include "flotillatest.h"
#include "httpclient.h"
#include "sqlstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestSwupdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void installsAndConfirmsAfterRestart();
    void corruptPayloadEndsInError();

private:
    bool run(const QString &program, const QStringList &args, const QString &workDir = {});
    QString buildSwu(const QByteArray &payload, bool corrupt);
    void prepare(const QString &swu);
    bool startServer();
    void startSwupdate(QProcess &p, const QStringList &extra = {});
    void terminate(QProcess &p);
    QJsonObject deployment();
    QStringList history();

    QTemporaryDir m_keys;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_server;
    QString m_base;
    Target m_target;
    SetWithArtifact m_set;
    qint64 m_actionId = 0;
    QByteArray m_swupdateLog;
};

bool TestSwupdate::run(const QString &program, const QStringList &args, const QString &workDir)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning().noquote() << program << args.join(u' ') << "failed:" << p.readAll();
        return false;
    }
    return true;
}

void TestSwupdate::initTestCase()
{
    for (const char *tool : { "swupdate", "openssl", "cpio" })
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 qPrintable(u"%1 is missing: it is in tools/devroot.packages"_s.arg(QLatin1String(tool))));
    // SWUpdate verifies the CMS signature with the certificate's emailProtection purpose.
    QVERIFY(run(u"openssl"_s,
                { u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                  u"/CN=Flotilla test signer"_s, u"-addext"_s, u"extendedKeyUsage=emailProtection"_s, u"-keyout"_s,
                  m_keys.filePath(u"key.pem"_s), u"-out"_s, m_keys.filePath(u"cert.pem"_s) }));
}

void TestSwupdate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_swupdateLog.clear();
}

void TestSwupdate::cleanup()
{
    if (m_server.state() == QProcess::Running) {
        ::kill(m_server.processId(), SIGTERM);
        m_server.waitForFinished(10000);
    }
    if (QTest::currentTestFailed() || qEnvironmentVariableIsSet("FLOTILLA_TEST_VERBOSE"))
        qWarning().noquote() << "swupdate said:\n" << m_swupdateLog.right(6000);
}

QString TestSwupdate::buildSwu(const QByteArray &payload, bool corrupt)
{
    const QString work = m_dir->filePath(u"swu"_s);
    QDir().mkpath(work);
    QFile file(work + u"/hello.txt"_s);
    file.open(QIODevice::WriteOnly);
    file.write(payload);
    file.close();
    // A corrupt image: the payload does not match the checksum its signed description promises.
    const QByteArray sha256
        = QCryptographicHash::hash(corrupt ? payload + "tampered" : payload, QCryptographicHash::Sha256).toHex();
    const QString description = uR"(software =
{
    version = "1.0.1";
    hardware-compatibility: [ "1.0" ];
    files: (
        {
            filename = "hello.txt";
            path = "%1/hello.txt";
            sha256 = "%2";
            properties: { create-destination = "true"; atomic-install = "true"; };
        }
    );
}
)"_s.arg(m_dir->filePath(u"device"_s), QString::fromLatin1(sha256));
    QFile sw(work + u"/sw-description"_s);
    sw.open(QIODevice::WriteOnly);
    sw.write(description.toUtf8());
    sw.close();
    if (!run(u"openssl"_s,
             { u"cms"_s, u"-sign"_s, u"-in"_s, u"sw-description"_s, u"-out"_s, u"sw-description.sig"_s, u"-signer"_s,
               m_keys.filePath(u"cert.pem"_s), u"-inkey"_s, m_keys.filePath(u"key.pem"_s), u"-outform"_s, u"DER"_s,
               u"-nosmimecap"_s, u"-binary"_s },
             work))
        return {};
    // sw-description must come first in the cpio archive (newc with CRC, as swupdate expects).
    const QString swu = m_dir->filePath(u"update.swu"_s);
    if (!run(u"bash"_s,
             { u"-c"_s,
               u"printf 'sw-description\\nsw-description.sig\\nhello.txt\\n' | cpio -o -H crc > '%1'"_s.arg(swu) },
             work))
        return {};
    return swu;
}

void TestSwupdate::prepare(const QString &swu)
{
    SqlStore store;
    QVERIFY(store.open(u"sqlite:"_s + m_dir->filePath(u"flotilla.db"_s)));
    ArtifactStore artifacts(m_dir->filePath(u"artifacts"_s));
    QVERIFY(artifacts.open());
    QFile f(swu);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_target = makeTarget(store, u"dev-001"_s);
    m_set = makeSet(store, artifacts, u"swu-test"_s, u"1.0.1"_s, u"update-ok.swu"_s, f.readAll());
    QVERIFY(m_set.setId > 0);
    SystemClock clock;
    const AssignmentResult r = DeploymentService(store, clock).assign({ m_target.id }, m_set.setId, {});
    QCOMPARE(r.assigned, 1);
    m_actionId = r.actionIds.first();
}

bool TestSwupdate::startServer()
{
    QFile ini(m_dir->filePath(u"flotillad.ini"_s));
    ini.open(QIODevice::WriteOnly);
    ini.write("[tenant]\npollingTime=00:00:01\nminPollingTime=00:00:01\n");
    ini.close();
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotillad"_s,
                   { u"--config"_s, ini.fileName(), u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s,
                     u"sqlite:"_s + m_dir->filePath(u"flotilla.db"_s), u"--artifact-dir"_s,
                     m_dir->filePath(u"artifacts"_s) });
    static const QRegularExpression listening(u"started \\(pid \\d+\\), listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
    QByteArray output;
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && m_server.state() != QProcess::NotRunning) {
        m_server.waitForReadyRead(200);
        output += m_server.readAll();
        const QRegularExpressionMatch m = listening.match(QString::fromUtf8(output));
        if (m.hasMatch()) {
            m_base = m.captured(1);
            return true;
        }
    }
    qWarning().noquote() << "flotillad did not start:" << output;
    return false;
}

void TestSwupdate::startSwupdate(QProcess &p, const QStringList &extra)
{
    const QString runDir = m_dir->filePath(u"run"_s);
    QDir().mkpath(runDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TMPDIR"_s, runDir); // its IPC sockets and extracted files
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&p, &QProcess::readyRead, &p, [this, &p] { m_swupdateLog += p.readAll(); });
    const QStringList suricatta = QStringList {
        u"-S"_s, u"hawkbit"_s,           u"-t"_s, u"DEFAULT"_s, u"-u"_s, m_base, u"-i"_s, m_target.controllerId,
        u"-k"_s, m_target.securityToken, u"-p"_s, u"1"_s,       u"-r"_s, u"2"_s, u"-w"_s, u"1"_s
    } + extra;
    p.start(u"swupdate"_s,
            { u"-v"_s, u"-B"_s, u"none"_s, u"-k"_s, m_keys.filePath(u"cert.pem"_s), u"-H"_s, u"testboard:1.0"_s,
              u"-u"_s, suricatta.join(u' ') });
    QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
}

void TestSwupdate::terminate(QProcess &p)
{
    if (p.state() == QProcess::NotRunning)
        return;
    ::kill(p.processId(), SIGTERM);
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished(5000);
    }
    m_swupdateLog += p.readAll();
}

QJsonObject TestSwupdate::deployment()
{
    HttpClient device(m_base);
    device.setAuthorization("TargetToken " + m_target.securityToken.toUtf8());
    return device.get(u"/DEFAULT/controller/v1/dev-001"_s).json();
}

QStringList TestSwupdate::history()
{
    HttpClient device(m_base);
    device.setAuthorization("TargetToken " + m_target.securityToken.toUtf8());
    QStringList messages;
    const QJsonArray list
        = device.get(u"/DEFAULT/controller/v1/dev-001/deploymentBase/%1?actionHistory=-1"_s.arg(m_actionId))
              .json()["actionHistory"_L1]["messages"_L1]
              .toArray();
    for (const QJsonValue &v : list)
        messages << v.toString();
    return messages;
}

void TestSwupdate::installsAndConfirmsAfterRestart()
{
    const QByteArray payload = "installed by SWUpdate through Flotilla\n";
    const QString swu = buildSwu(payload, false);
    QVERIFY(!swu.isEmpty());
    prepare(swu);
    QVERIFY(startServer());

    QProcess first;
    startSwupdate(first);
    const QString installed = m_dir->filePath(u"device/hello.txt"_s);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(installed), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(history().contains(u"All Chunks Installed."_s), 30000);
    QFile f(installed);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), payload);
    // Installed but not confirmed: the action is still running.
    QVERIFY(!deployment()["_links"_L1].toObject().contains("installedBase"_L1));
    terminate(first);

    // The "reboot" into the new software with a good test: swupdate reports closed/success at start-up.
    QProcess second;
    startSwupdate(second, { u"-c"_s, u"2"_s });
    QTRY_VERIFY_WITH_TIMEOUT(deployment()["_links"_L1].toObject().contains("installedBase"_L1), 60000);
    QVERIFY(!deployment()["_links"_L1].toObject().contains("deploymentBase"_L1));
    terminate(second);
    QCOMPARE(::kill(m_server.processId(), SIGTERM), 0);
    QVERIFY(m_server.waitForFinished(15000));
    QCOMPARE(m_server.exitCode(), 0);

    SqlStore store;
    QVERIFY(store.open(u"sqlite:"_s + m_dir->filePath(u"flotilla.db"_s)));
    QCOMPARE(store.action(m_actionId)->state, ActionState::Finished);
    const Target t = *store.target(m_target.id);
    QCOMPARE(t.state, TargetState::InSync);
    QCOMPARE(t.installedDistributionSetId, m_set.setId);
    QCOMPARE(store.targetAttributes(m_target.id).isEmpty(), true); // no identify data was given
}

void TestSwupdate::corruptPayloadEndsInError()
{
    const QString swu = buildSwu("this is not what the description signed\n", true);
    QVERIFY(!swu.isEmpty());
    prepare(swu);
    QVERIFY(startServer());
    QProcess p;
    startSwupdate(p);
    // The failure report closes the action: nothing is offered any more.
    QTRY_VERIFY_WITH_TIMEOUT(
        history().size() > 0 && !deployment()["_links"_L1].toObject().contains("deploymentBase"_L1), 60000);
    terminate(p);
    QVERIFY(!QFile::exists(m_dir->filePath(u"device/hello.txt"_s)));
    QCOMPARE(::kill(m_server.processId(), SIGTERM), 0);
    QVERIFY(m_server.waitForFinished(15000));

    SqlStore store;
    QVERIFY(store.open(u"sqlite:"_s + m_dir->filePath(u"flotilla.db"_s)));
    QCOMPARE(store.action(m_actionId)->state, ActionState::Error);
    const Target t = *store.target(m_target.id);
    QCOMPARE(t.state, TargetState::Error);
    QCOMPARE(t.installedDistributionSetId, 0);
}

QTEST_GUILESS_MAIN(TestSwupdate)
#include "tst_swupdate.moc"
