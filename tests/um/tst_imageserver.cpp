// The agent's loopback image server for Update Managers: only offered files, whole or one Range, HEAD, 416
// for a range past the end, JSON 404 for anything else.
#include "agent/um/imageserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla::Agent;
using namespace Qt::StringLiterals;

class TestImageServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void serves_data();
    void serves();
    void refusesWhatIsNotOffered();

private:
    QNetworkReply *get(const QUrl &url, const QByteArray &range = {}, bool head = false);

    QTemporaryDir m_dir;
    ImageServer m_server;
    QNetworkAccessManager m_network;
    QByteArray m_image;
    QUrl m_url;
};

void TestImageServer::initTestCase()
{
    for (int i = 0; i < 10000; ++i)
        m_image += QByteArray::number(i) + ',';
    QFile f(m_dir.filePath(u"rootfs.img"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_image);
    f.close();
    QString error;
    QVERIFY2(m_server.listen(u"127.0.0.1:0"_s, &error), qPrintable(error));
    m_url = m_server.offer(f.fileName(), u"ABCDEF0123"_s);
    QVERIFY(m_url.toString().startsWith(u"http://127.0.0.1:"_s));
    QVERIFY(m_url.path().endsWith(u"/images/abcdef0123"_s));
}

QNetworkReply *TestImageServer::get(const QUrl &url, const QByteArray &range, bool head)
{
    QNetworkRequest r(url);
    if (!range.isEmpty())
        r.setRawHeader("Range", range);
    QNetworkReply *reply = head ? m_network.head(r) : m_network.get(r);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(10000))
        qWarning() << "no answer";
    return reply;
}

void TestImageServer::serves_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<bool>("head");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("length");
    const qint64 size = 48890; // "0,1,...,9999,"
    QTest::newRow("whole") << QByteArray() << false << 200 << qint64(0) << size;
    QTest::newRow("resume from 1000") << QByteArray("bytes=1000-") << false << 206 << qint64(1000) << size - 1000;
    QTest::newRow("one range") << QByteArray("bytes=10-19") << false << 206 << qint64(10) << qint64(10);
    QTest::newRow("HEAD") << QByteArray() << true << 200 << qint64(0) << qint64(0);
    QTest::newRow("past the end") << QByteArray("bytes=999999-") << false << 416 << qint64(0) << qint64(-1);
}

void TestImageServer::serves()
{
    QFETCH(QByteArray, range);
    QFETCH(bool, head);
    QFETCH(int, status);
    QFETCH(qint64, from);
    QFETCH(qint64, length);
    QCOMPARE(m_image.size(), 48890);
    std::unique_ptr<QNetworkReply> reply(get(m_url, range, head));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    const QByteArray body = reply->readAll();
    if (length >= 0)
        QCOMPARE(body, m_image.mid(from, length));
    else
        QVERIFY(body.startsWith("{\"message\""));
    if (head)
        QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), qint64(m_image.size()));
    if (status != 416)
        QCOMPARE(reply->rawHeader("Accept-Ranges"), QByteArray("bytes"));
}

void TestImageServer::refusesWhatIsNotOffered()
{
    QUrl other = m_url;
    other.setPath(u"/images/0000"_s);
    for (const QUrl &url : { other, m_url.resolved(QUrl(u"/etc/passwd"_s)), m_url.resolved(QUrl(u"/images/"_s)) }) {
        std::unique_ptr<QNetworkReply> reply(get(url));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        QVERIFY(reply->readAll().startsWith("{\"message\""));
    }
    m_server.withdrawAll();
    std::unique_ptr<QNetworkReply> gone(get(m_url));
    QCOMPARE(gone->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
}

QTEST_GUILESS_MAIN(TestImageServer)
#include "tst_imageserver.moc"
