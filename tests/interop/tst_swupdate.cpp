// A real, independent DDI client against flotillad: Debian's SWUpdate with its hawkBit "suricatta" module.
// The test builds a signed .swu at run time (a throw-away key; sw-description + one file written by the rawfile
// handler into a temporary directory), puts it into the store, assigns it, and lets swupdate do the rest
// (SWUpdate's suricatta hawkBit client: a successful install reports closed/success only at a restart with
// -c 2). A second case corrupts the payload and expects ERROR.
#include "backend/sqlstore.h"
#include "engine/deploymentservice.h"
#include "tests/common/fleetdata.h"
#include "tests/common/flotillatest.h"
#include "tests/common/httpclient.h"
#include "tests/common/swuimage.h"

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

void TestSwupdate::initTestCase()
{
    for (const char *tool : { "swupdate", "openssl", "cpio" })
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 qPrintable(u"%1 is missing: it is in tools/devroot.packages"_s.arg(QLatin1String(tool))));
    QVERIFY(makeSwuSigningKey(m_keys.path()));
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
    return FlotillaTest::buildSwu(m_dir->path(), m_keys.path(), payload, m_dir->filePath(u"device"_s), corrupt);
}

void TestSwupdate::prepare(const QString &swu)
{
    SqlStore store;
    QVERIFY(store.open(u"sqlite:"_s + m_dir->filePath(u"flotilla.db"_s)));
    ArtifactStore artifacts(m_dir->filePath(u"artifacts"_s));
    QVERIFY(artifacts.open());
    QFile f(swu);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_target = makeTarget(store.stores(), u"dev-001"_s);
    m_set = makeSet(store.stores(), artifacts, u"swu-test"_s, u"1.0.1"_s, u"update-ok.swu"_s, f.readAll());
    QVERIFY(m_set.setId > 0);
    SystemClock clock;
    const AssignmentResult r = DeploymentService(store.stores(), clock).assign({ m_target.id }, m_set.setId, {});
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
    QCOMPARE(store.actions().action(m_actionId)->state, ActionState::Finished);
    const Target t = *store.targets().target(m_target.id);
    QCOMPARE(t.state, TargetState::InSync);
    QCOMPARE(t.installedDistributionSetId, m_set.setId);
    QCOMPARE((*store.targets().targetAttributes(m_target.id)).isEmpty(), true); // no identify data was given
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
    QCOMPARE(store.actions().action(m_actionId)->state, ActionState::Error);
    const Target t = *store.targets().target(m_target.id);
    QCOMPARE(t.state, TargetState::Error);
    QCOMPARE(t.installedDistributionSetId, 0);
}

QTEST_GUILESS_MAIN(TestSwupdate)
#include "tst_swupdate.moc"
