// DDI artifact downloads over loopback (tests/backend/ddifixture.h): byte ranges, multipart, If-Range,
// If-Match, HEAD, .MD5SUM, who may download, and what counts as history.
#include "tests/backend/ddifixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestDdiArtifacts : public DdiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void rangeRequests_data();
    void rangeRequests();
    void multipleRangesAreMultipart();
    void ifRangeWithAnotherVersionServesWholeFile();
    void headGivesLengthWithoutBody();
    void md5sumFile();
    void downloadLinksCanPointElsewhere_data();
    void downloadLinksCanPointElsewhere();
    void ifMatchOtherThanSha1Is412();
    void rangeRequestsAreNotHistory();
    void foreignArtifactIs404();
};

void TestDdiArtifacts::rangeRequests_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("contentRange");
    const int size = 100 * 1024;
    QTest::newRow("first byte") << "bytes=0-0"_ba << 206 << 0 << 1 << "bytes 0-0/102400"_ba;
    QTest::newRow("middle") << "bytes=100-199"_ba << 206 << 100 << 100 << "bytes 100-199/102400"_ba;
    QTest::newRow("open end") << "bytes=102000-"_ba << 206 << 102000 << size - 102000
                              << "bytes 102000-102399/102400"_ba;
    QTest::newRow("suffix") << "bytes=-10"_ba << 206 << size - 10 << 10 << "bytes 102390-102399/102400"_ba;
    QTest::newRow("end clipped") << "bytes=102390-999999"_ba << 206 << size - 10 << 10
                                 << "bytes 102390-102399/102400"_ba;
    QTest::newRow("beyond the end: 416") << "bytes=200000-"_ba << 416 << 0 << 0 << "bytes */102400"_ba;
    QTest::newRow("malformed: whole file") << "bytes=abc"_ba << 200 << 0 << size << QByteArray();
    QTest::newRow("other unit: whole file") << "lines=1-2"_ba << 200 << 0 << size << QByteArray();
}

void TestDdiArtifacts::rangeRequests()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(int, first);
    QFETCH(int, length);
    QFETCH(QByteArray, contentRange);
    assign(m_target, m_set.setId);
    const HttpAnswer a
        = device(m_target).get(controller(m_target) + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId),
                               { { "Range", range } });
    QCOMPARE(a.status, status);
    QCOMPARE(a.header("Content-Range"), contentRange);
    if (status == 416) {
        QVERIFY(!a.json()["message"_L1].toString().isEmpty());
        return;
    }
    QCOMPARE(a.body, m_content.mid(first, length));
}

void TestDdiArtifacts::multipleRangesAreMultipart()
{
    assign(m_target, m_set.setId);
    const HttpAnswer a
        = device(m_target).get(controller(m_target) + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId),
                               { { "Range", "bytes=0-9,100-109" } });
    QCOMPARE(a.status, 206);
    const QByteArray type = a.header("Content-Type");
    QVERIFY(type.startsWith("multipart/byteranges; boundary="));
    const QByteArray boundary = type.mid(type.indexOf('=') + 1);
    const QByteArray first = QByteArray("--") + boundary
        + QByteArray("\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-9/102400\r\n\r\n")
        + m_content.mid(0, 10);
    const QByteArray second = QByteArray("Content-Range: bytes 100-109/102400\r\n\r\n") + m_content.mid(100, 10);
    QVERIFY(a.body.contains(first));
    QVERIFY(a.body.contains(second));
    QVERIFY(a.body.indexOf(first) < a.body.indexOf(second));
    const QByteArray closing = QByteArray("--") + boundary + QByteArray("--\r\n");
    QVERIFY(a.body.endsWith(closing));
    QCOMPARE(a.header("Content-Length").toLongLong(), a.body.size());
}

void TestDdiArtifacts::ifRangeWithAnotherVersionServesWholeFile()
{
    assign(m_target, m_set.setId);
    const QString path = controller(m_target) + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId);
    const HttpAnswer stale = device(m_target).get(path, { { "Range", "bytes=0-9" }, { "If-Range", "\"0000\"" } });
    QCOMPARE(stale.status, 200);
    QCOMPARE(stale.body, m_content);
    const QByteArray etag = '"' + m_set.artifact.sha1.toLatin1() + '"';
    const HttpAnswer same = device(m_target).get(path, { { "Range", "bytes=0-9" }, { "If-Range", etag } });
    QCOMPARE(same.status, 206);
    QCOMPARE(same.body, m_content.left(10));
}

void TestDdiArtifacts::headGivesLengthWithoutBody()
{
    assign(m_target, m_set.setId);
    const HttpAnswer a = device(m_target).send(
        "HEAD", controller(m_target) + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.header("Content-Length").toLongLong(), m_content.size());
    QVERIFY(a.body.isEmpty());
}

void TestDdiArtifacts::md5sumFile()
{
    assign(m_target, m_set.setId);
    const HttpAnswer a = device(m_target).get(
        controller(m_target) + u"/softwaremodules/%1/artifacts/update.swu.MD5SUM"_s.arg(m_set.moduleId));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.body, m_set.artifact.md5.toLatin1() + "  update.swu\n");
    QVERIFY(a.header("Content-Disposition").contains("update.swu.MD5SUM"));
    const HttpAnswer list
        = device(m_target).get(controller(m_target) + u"/softwaremodules/%1/artifacts"_s.arg(m_set.moduleId));
    QCOMPARE(list.status, 200);
    const QJsonArray artifacts = QJsonDocument::fromJson(list.body).array();
    QCOMPARE(artifacts.size(), 1);
    QCOMPARE(artifacts[0]["hashes"_L1]["md5"_L1].toString(), m_set.artifact.md5);
}

// artifacts/downloadBaseUrl: the deployment's and the artifact list's download links point at a CDN or a static
// web server in front of the artifact directory, at the file's place there; the .MD5SUM stays with the server.
void TestDdiArtifacts::downloadLinksCanPointElsewhere_data()
{
    QTest::addColumn<QString>("base");
    QTest::newRow("without a slash") << u"https://cdn.example.com/flotilla"_s;
    QTest::newRow("with a slash") << u"https://cdn.example.com/flotilla/"_s;
}

void TestDdiArtifacts::downloadLinksCanPointElsewhere()
{
    QFETCH(QString, base);
    DdiSettings settings;
    settings.downloadBaseUrl = base;
    startServer(settings);
    const qint64 action = assign(m_target, m_set.setId);
    const HttpAnswer deployment = device(m_target).get(controller(m_target) + u"/deploymentBase/%1"_s.arg(action));
    QCOMPARE(deployment.status, 200);
    const QJsonObject artifact = deployment.json()["deployment"_L1]["chunks"_L1][0]["artifacts"_L1][0].toObject();
    const QString sha256 = m_set.artifact.sha256;
    const QString expected = u"https://cdn.example.com/flotilla/"_s + sha256.left(2) + u'/' + sha256;
    QCOMPARE(artifact["_links"_L1]["download"_L1]["href"_L1].toString(), expected);
    QCOMPARE(artifact["_links"_L1]["download-http"_L1]["href"_L1].toString(), expected);
    QVERIFY(artifact["_links"_L1]["md5sum"_L1]["href"_L1].toString().startsWith(m_client->base()));
    // The path below the base is where the artifact directory keeps the content: a web server serving the
    // directory answers it with the artifact.
    QFile file(m_artifacts->pathOf(sha256));
    QVERIFY(file.fileName().endsWith(u'/' + sha256.left(2) + u'/' + sha256));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_content);
    const HttpAnswer list
        = device(m_target).get(controller(m_target) + u"/softwaremodules/%1/artifacts"_s.arg(m_set.moduleId));
    QCOMPARE(QJsonDocument::fromJson(list.body).array()[0]["_links"_L1]["download"_L1]["href"_L1].toString(), expected);
}

void TestDdiArtifacts::ifMatchOtherThanSha1Is412()
{
    assign(m_target, m_set.setId);
    const QString path = controller(m_target) + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId);
    const HttpAnswer other = device(m_target).get(path, { { "If-Match", "\"0123\"" } });
    QCOMPARE(other.status, 412);
    QCOMPARE(other.json()["errorCode"_L1].toString(), u"flotilla.ddi.preconditionFailed"_s);
    const HttpAnswer same = device(m_target).get(path, { { "If-Match", '"' + m_set.artifact.sha1.toLatin1() + '"' } });
    QCOMPARE(same.status, 200);
}

void TestDdiArtifacts::rangeRequestsAreNotHistory()
{
    const qint64 actionId = assign(m_target, m_set.setId);
    const int before = (*m_store->actions().countStatus(actionId));
    const QString path = controller(m_target) + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(device(m_target).get(path, { { "Range", "bytes=0-99" } }).status, 206);
    QCOMPARE((*m_store->actions().countStatus(actionId)), before);
    QCOMPARE(device(m_target).get(path).status, 200);
    QCOMPARE((*m_store->actions().countStatus(actionId)), before + 1);
}

void TestDdiArtifacts::foreignArtifactIs404()
{
    const Target other = makeTarget(m_store->stores(), u"dev-002"_s);
    assign(other, m_set.setId); // only dev-002 has this module
    const HttpAnswer a = device(m_target).get(controller(m_target)
                                              + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId));
    QCOMPARE(a.status, 404);
    QVERIFY(a.body.startsWith("{"));
    QCOMPARE(device(m_target).get(controller(m_target) + u"/softwaremodules/%1/artifacts"_s.arg(m_set.moduleId)).status,
             404);
    // ... and dev-002 may.
    QCOMPARE(
        device(other).get(controller(other) + u"/softwaremodules/%1/artifacts/update.swu"_s.arg(m_set.moduleId)).status,
        200);
}

QTEST_GUILESS_MAIN(TestDdiArtifacts)
#include "tst_ddiartifacts.moc"
