// The content-addressed artifact store: hashes computed while streaming, declared hashes enforced, nothing left
// behind by a refused upload, the same content stored once.
#include "backend/artifactstore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(Flotilla::ArtifactStore::Hashes)
Q_DECLARE_METATYPE(Flotilla::ArtifactStore::AddError)

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestArtifactStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void storesByContentWithAllHashes();
    void declaredHashes_data();
    void declaredHashes();
    void sizeLimit();
    void sameContentOnce();
    void abandonedUploadsRemovedAtOpen_data();
    void abandonedUploadsRemovedAtOpen();

private:
    std::optional<ArtifactStore::Stored> add(const QByteArray &content, const ArtifactStore::Hashes &declared = {},
                                             qint64 max = 1 << 20, ArtifactStore::AddError *error = nullptr);
    QStringList filesInStore() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ArtifactStore> m_store;
};

void TestArtifactStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<ArtifactStore>(m_dir->filePath(u"artifacts"_s));
    QVERIFY(m_store->open());
}

std::optional<ArtifactStore::Stored> TestArtifactStore::add(const QByteArray &content,
                                                            const ArtifactStore::Hashes &declared, qint64 max,
                                                            ArtifactStore::AddError *error)
{
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    return m_store->add(buffer, declared, max, error);
}

QStringList TestArtifactStore::filesInStore() const
{
    QStringList files;
    QDir root(m_store->directory());
    for (const QString &sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        for (const QString &f : QDir(root.filePath(sub)).entryList(QDir::Files))
            files << sub + u'/' + f;
    files << root.entryList(QDir::Files); // leftovers of refused uploads would lie here
    return files;
}

void TestArtifactStore::storesByContentWithAllHashes()
{
    const QByteArray content = QByteArray("firmware image ").repeated(10000);
    const auto stored = add(content);
    QVERIFY(stored);
    QCOMPARE(stored->size, content.size());
    QCOMPARE(stored->hashes.sha1,
             QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex()));
    QCOMPARE(stored->hashes.md5,
             QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex()));
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QCOMPARE(stored->hashes.sha256, sha256);
    QCOMPARE(m_store->pathOf(sha256), m_store->directory() + u'/' + sha256.left(2) + u'/' + sha256);
    QFile f(m_store->pathOf(sha256));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

void TestArtifactStore::declaredHashes_data()
{
    const QByteArray content = "payload";
    const QString sha1 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex());
    const QString md5 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex());
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QTest::addColumn<ArtifactStore::Hashes>("declared");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<ArtifactStore::AddError>("expected");
    using E = ArtifactStore::AddError;
    QTest::newRow("none declared") << ArtifactStore::Hashes {} << true << E::None;
    QTest::newRow("all three match") << ArtifactStore::Hashes { sha1, md5, sha256 } << true << E::None;
    QTest::newRow("upper-case hex matches") << ArtifactStore::Hashes { sha1.toUpper(), {}, {} } << true << E::None;
    QTest::newRow("wrong sha1") << ArtifactStore::Hashes { QString(40, u'0'), md5, sha256 } << false << E::Sha1Mismatch;
    QTest::newRow("wrong md5") << ArtifactStore::Hashes { sha1, QString(32, u'0'), sha256 } << false << E::Md5Mismatch;
    QTest::newRow("wrong sha256") << ArtifactStore::Hashes { {}, {}, QString(64, u'f') } << false << E::Sha256Mismatch;
}

void TestArtifactStore::declaredHashes()
{
    QFETCH(ArtifactStore::Hashes, declared);
    QFETCH(bool, accepted);
    QFETCH(ArtifactStore::AddError, expected);
    ArtifactStore::AddError error = ArtifactStore::AddError::None;
    QCOMPARE(add("payload", declared, 1 << 20, &error).has_value(), accepted);
    QCOMPARE(error, expected);
    if (!accepted) {
        QVERIFY(m_store->errorString().contains(u"does not match"_s));
        QVERIFY2(filesInStore().isEmpty(), qPrintable(filesInStore().join(u", "_s)));
    }
}

void TestArtifactStore::sizeLimit()
{
    ArtifactStore::AddError error = ArtifactStore::AddError::None;
    QVERIFY(!add(QByteArray(2048, 'x'), {}, 1024, &error));
    QCOMPARE(error, ArtifactStore::AddError::TooLarge);
    QVERIFY(filesInStore().isEmpty());
    QVERIFY(add(QByteArray(1024, 'x'), {}, 1024));
}

void TestArtifactStore::sameContentOnce()
{
    QVERIFY(add("same"));
    QVERIFY(add("same"));
    QCOMPARE(filesInStore().size(), 1);
}

// An upload a crash cut off leaves its temporary file; the next open removes it once nobody has written to it for
// an hour (a live upload on another server sharing the directory keeps its file fresh). Stored artifacts stay.
void TestArtifactStore::abandonedUploadsRemovedAtOpen_data()
{
    QTest::addColumn<int>("ageSeconds");
    QTest::addColumn<bool>("removed");
    QTest::newRow("just written") << 0 << false;
    QTest::newRow("untouched 59 minutes") << 59 * 60 << false;
    QTest::newRow("untouched an hour and a minute") << 61 * 60 << true;
    QTest::newRow("untouched a week") << 7 * 24 * 3600 << true;
}

void TestArtifactStore::abandonedUploadsRemovedAtOpen()
{
    QFETCH(int, ageSeconds);
    QFETCH(bool, removed);
    QVERIFY(add("kept"_ba));
    const QString incoming = m_dir->filePath(u"artifacts/incoming-AbC123"_s);
    QFile file(incoming);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("half an upload");
    QVERIFY(file.flush()); // a write after setFileTime would make the file new again
    QVERIFY(file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-ageSeconds), QFileDevice::FileModificationTime));
    file.close();

    ArtifactStore reopened(m_dir->filePath(u"artifacts"_s));
    QVERIFY(reopened.open());
    QCOMPARE(QFile::exists(incoming), !removed);
    QVERIFY(reopened.contains(
        QString::fromLatin1(QCryptographicHash::hash("kept"_ba, QCryptographicHash::Sha256).toHex())));
}

QTEST_GUILESS_MAIN(TestArtifactStore)
#include "tst_artifactstore.moc"
