// A full disk (issue 20): the server's database and artifacts on a small tmpfs that a filler file fills. An upload
// fails with 507 and says the disk is full, leaving no partial file; device feedback either fails with a 5xx JSON
// error (nothing stored) or is stored whole; when space returns both work again, and the database passes SQLite's
// integrity check. Mounting a tmpfs needs root (tools/devroot run is root in its own mount namespace); elsewhere
// the test says so and skips.
#include "tests/backend/managementfixture.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestDiskFull : public ManagementFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void uploadsAndFeedbackFailClearlyAndRecover();

private:
    QStringList artifactFiles() const;
    qint64 fill(); // bytes written until the disk refused more

    QTemporaryDir m_mount;
    bool m_mounted = false;
};

void TestDiskFull::initTestCase()
{
    QVERIFY(m_mount.isValid());
    QProcess mount;
    mount.setProcessChannelMode(QProcess::MergedChannels);
    mount.start(u"mount"_s, { u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=8m"_s, u"flotilla-diskfull"_s, m_mount.path() });
    if (!mount.waitForFinished(10000) || mount.exitCode() != 0)
        QSKIP(qPrintable(u"cannot mount a tmpfs here (needs root, as inside tools/devroot run): "_s
                         + QString::fromUtf8(mount.readAll()).trimmed()));
    m_mounted = true;
}

void TestDiskFull::cleanupTestCase()
{
    tearDown();
    if (m_mounted)
        QProcess::execute(u"umount"_s, { u"-l"_s, m_mount.path() });
}

QStringList TestDiskFull::artifactFiles() const
{
    QStringList files;
    QDirIterator it(m_mount.filePath(u"artifacts"_s), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QFileInfo(it.next()).fileName();
    return files;
}

qint64 TestDiskFull::fill()
{
    QFile filler(m_mount.filePath(u"filler"_s));
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return -1;
    const QByteArray chunk(4096, 'f');
    qint64 written = 0;
    while (filler.write(chunk) == chunk.size())
        written += chunk.size();
    return written;
}

void TestDiskFull::uploadsAndFeedbackFailClearlyAndRecover()
{
    setUp([this](ServerConfig &c) {
        c.database = u"sqlite:"_s + m_mount.filePath(u"flotilla.db"_s);
        c.artifactDirectory = m_mount.filePath(u"artifacts"_s);
        c.maxArtifactBytes = 4 * 1024 * 1024;
    });
    prepareRepository(); // module 1 with one artifact, and a set holding it
    HttpClient &api = as("admin");
    QCOMPARE(api.post(u"/targets"_s, R"([{"controllerId":"dev-1"}])").status, 201);
    const qint64 set = api.get(u"/distributionsets"_s).json()["content"_L1].toArray().at(0)["id"_L1].toInteger();
    const HttpAnswer assigned = api.post(u"/targets/dev-1/assignedDS"_s, u"{\"id\":%1}"_s.arg(set).toUtf8());
    QCOMPARE(assigned.status, 200);
    const qint64 action = assigned.json()["assignedActions"_L1].toArray().at(0)["id"_L1].toInteger();
    HttpClient device(m_base);
    device.setAuthorization("TargetToken "
                            + api.get(u"/targets/dev-1"_s).json()["securityToken"_L1].toString().toUtf8());
    const QString feedbackPath = u"/DEFAULT/controller/v1/dev-1/deploymentBase/%1/feedback"_s.arg(action);
    const QByteArray proceeding
        = R"({"status":{"execution":"proceeding","result":{"finished":"none"},"details":["installing"]}})";
    auto history = [&] {
        return api.get(u"/targets/dev-1/actions/%1/status?limit=1"_s.arg(action)).json()["total"_L1].toInt();
    };
    // The uploads go to a module of their own (a module takes one file of a name).
    const HttpAnswer module = api.post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"6.2"}])");
    QCOMPARE(module.status, 201);
    const qint64 moduleId = module.jsonArray().at(0)["id"_L1].toInteger();
    const QStringList filesBefore = artifactFiles();
    QCOMPARE(filesBefore.size(), 1);

    QVERIFY(fill() > 0);
    QByteArray image(1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < image.size(); ++i)
        image[i] = char(i * 31 + i / 7);

    // The upload: 507, in words, and no part of the file anywhere.
    const HttpAnswer refused = upload("admin", moduleId, image, {});
    QCOMPARE(refused.status, 507);
    QVERIFY2(refused.json()["message"_L1].toString().contains(u"full"_s), refused.body.constData());
    QVERIFY(!refused.json()["errorCode"_L1].toString().isEmpty());
    QCOMPARE(artifactFiles(), filesBefore);
    QCOMPARE(api.get(u"/softwaremodules/%1/artifacts"_s.arg(moduleId)).jsonArray().size(), 0);

    // Feedback: stored whole, or refused with a 5xx the device retries; never half.
    const int historyBefore = history();
    const HttpAnswer f = device.post(feedbackPath, proceeding);
    qInfo("feedback on the full disk: HTTP %d %s", f.status, f.body.left(200).constData());
    if (f.status == 200) {
        QCOMPARE(history(), historyBefore + 1);
    } else {
        QVERIFY2(f.status >= 500, f.body.constData());
        QVERIFY2(!f.json()["message"_L1].toString().isEmpty(), f.body.constData());
        QCOMPARE(history(), historyBefore);
    }
    const int historyAfterFull = history();

    // Space returns: the same upload and feedback work, without a restart.
    QVERIFY(QFile::remove(m_mount.filePath(u"filler"_s)));
    const HttpAnswer stored = upload("admin", moduleId, image, {});
    QCOMPARE(stored.status, 201);
    QCOMPARE(artifactFiles().size(), 2);
    QCOMPARE(api.get(u"/softwaremodules/%1/artifacts"_s.arg(moduleId)).jsonArray().size(), 1);
    QCOMPARE(device.post(feedbackPath, proceeding).status, 200);
    QCOMPARE(history(), historyAfterFull + 1);

    // Nothing is corrupted.
    tearDown();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"integrity"_s);
        db.setDatabaseName(m_mount.filePath(u"flotilla.db"_s));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
    }
    QSqlDatabase::removeDatabase(u"integrity"_s);
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
