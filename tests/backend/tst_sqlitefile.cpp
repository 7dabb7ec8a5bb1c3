// The SQLite file as the store holds it (backend/sqlitefile.h, SqlStore::open): a damaged file is refused before
// anything is served from it; the file is opened at its path, whatever the path holds, with its WAL index in this
// process's memory (SQLite's unix-excl VFS); and a second store of the process on the file keeps the lock the first
// holds. SQLite only: PostgreSQL has no file.
#include "backend/sqlstore.h"
#include "backend/sqltargetstore.h"
#include "engine/storesession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestSqliteFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void aFileIsOpenedAtItsPath_data();
    void aFileIsOpenedAtItsPath();
    void aSecondStoreOnTheFileKeepsTheFirstsLocks();
    void refusesADamagedFile_data();
    void refusesADamagedFile();
    void aFleetsPagesStayInMemory();

private:
    QTemporaryDir m_dir;
};

void TestSqliteFile::aFileIsOpenedAtItsPath_data()
{
    QTest::addColumn<QString>("name"); // a directory and a file under the test's directory
    QTest::newRow("plain") << u"plain/flotilla.db"_s;
    QTest::newRow("spaces") << u"with spaces/flotilla db"_s;
    QTest::newRow("URI characters") << u"a?b#c/x%20y&vfs=unix;z.db"_s;
    QTest::newRow("non-ASCII") << u"Ünïcödé/データ.db"_s;
}

// SQLite opens the file as a URI (for its unix-excl VFS): whatever the path holds, the store opens the file at that
// path, and no other; what it wrote is there when it opens the file again. The WAL index stays in this process's
// memory: no -shm file beside the database.
void TestSqliteFile::aFileIsOpenedAtItsPath()
{
    QFETCH(QString, name);
    const QString path = m_dir.filePath(name);
    const QDir dir = QFileInfo(path).absoluteDir();
    {
        SqlStore store;
        QVERIFY2(store.open(path), qPrintable(store.lastError()));
        Target t;
        t.controllerId = u"at-its-path"_s;
        t.securityToken = u"token"_s;
        QVERIFY(store.targets().insertTarget(t).ok());
        QVERIFY(QFileInfo::exists(path + u"-wal"_s));
        QCOMPARE(dir.entryList(QDir::Files | QDir::Hidden),
                 QStringList({ QFileInfo(path).fileName(), QFileInfo(path).fileName() + u"-wal"_s }));
    }
    QVERIFY(QFileInfo(path).size() > 0);
    QCOMPARE(dir.entryList(QDir::Files | QDir::Hidden), QStringList { QFileInfo(path).fileName() });
    SqlStore again;
    QVERIFY2(again.open(u"sqlite:"_s + path), qPrintable(again.lastError()));
    QVERIFY(again.targets().targetByControllerId(u"at-its-path"_s).found());
}

// The second store of a process on a file (another HTTP thread's) must not drop the locks the first holds: closing
// any descriptor of the file would drop every POSIX lock of the process on it, SQLite's included. Both go on reading
// and writing, and the lock another process meets stays while either is open.
void TestSqliteFile::aSecondStoreOnTheFileKeepsTheFirstsLocks()
{
    const QString path = m_dir.filePath(u"two-stores.db"_s);
    {
        SqlStore first; // a database with its WAL checkpointed and removed: the case the damage check reads
        QVERIFY(first.open(path));
    }
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
    // SQLite's own lock (unix-excl: a write lock held while the file is open), as the kernel lists it; opening the
    // file here to ask with F_GETLK would itself drop it.
    const auto lockedForOthers = [&] {
        struct stat st {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return false;
        QFile locks(u"/proc/locks"_s);
        if (!locks.open(QIODevice::ReadOnly | QIODevice::Text))
            return false;
        // "1: POSIX  ADVISORY  WRITE 4242 08:01:123456 1073741826 1073742335"
        for (const QByteArray &line : locks.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() >= 6 && f[1] == "POSIX" && f[3] == "WRITE"
                && f[4].toLongLong() == QCoreApplication::applicationPid()
                && f[5].split(':').value(2).toULongLong() == quint64(st.st_ino))
                return true;
        }
        return false;
    };
    SqlStore first;
    QVERIFY2(first.open(path), qPrintable(first.lastError()));
    QVERIFY2(lockedForOthers(), "SQLite holds no lock on the file");
    SqlStore second;
    QVERIFY2(second.open(path), qPrintable(second.lastError()));
    QVERIFY2(lockedForOthers(), "the second store's open dropped the first's lock");
    Target t;
    t.controllerId = u"two-stores"_s;
    t.securityToken = u"token"_s;
    QVERIFY(second.targets().insertTarget(t).ok());
    QVERIFY(first.targets().targetByControllerId(t.controllerId).found());
    QVERIFY2(lockedForOthers(), "a write dropped the lock");
}

void TestSqliteFile::refusesADamagedFile_data()
{
    QTest::addColumn<int>("keepPercent"); // of the file; -1: overwrite the header
    QTest::addColumn<QString>("why");
    QTest::newRow("cut to half") << 50 << u"it is truncated"_s;
    QTest::newRow("cut by one page") << 99 << u"it is truncated"_s;
    QTest::newRow("not SQLite") << -1 << u"not an SQLite database"_s;
}

// A damaged SQLite file (issue 20) is refused at open, with a message that says what to do, before anything is
// served from it; the same file whole opens.
void TestSqliteFile::refusesADamagedFile()
{
    QFETCH(int, keepPercent);
    QFETCH(QString, why);
    const QString path = m_dir.filePath(u"damaged-%1.sqlite"_s.arg(keepPercent + 1));
    {
        SqlStore store;
        QVERIFY(store.open(u"sqlite:"_s + path));
        for (int i = 0; i < 300; ++i) {
            Target t;
            t.controllerId = u"damage-%1"_s.arg(i);
            t.name = QString(200, u'x');
            t.securityToken = u"token"_s;
            t.createdAt = QDateTime::currentDateTimeUtc();
            QVERIFY(store.targets().insertTarget(t).ok());
        }
    } // closed: the write-ahead log is checkpointed into the file and removed
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0);
    {
        SqlStore whole;
        QVERIFY2(whole.open(u"sqlite:"_s + path), qPrintable(whole.lastError()));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 size = file.size();
    if (keepPercent < 0) {
        file.write(QByteArray(100, 'Z'));
    } else {
        const qint64 pageSize = 4096;
        const qint64 keep = keepPercent == 99 ? size - pageSize : size * keepPercent / 100;
        QVERIFY(keep > 0 && keep < size);
        QVERIFY(file.resize(keep));
    }
    file.close();
    SqlStore damaged;
    QVERIFY(!damaged.open(u"sqlite:"_s + path));
    QVERIFY2(damaged.lastError().contains(why), qPrintable(damaged.lastError()));
    QVERIFY2(damaged.lastError().contains(u"backup"_s), qPrintable(damaged.lastError()));
    QVERIFY2(damaged.lastError().contains(QFileInfo(path).absoluteFilePath()), qPrintable(damaged.lastError()));
}

// The read system calls this process has made (/proc/self/io's syscr).
static qint64 readCalls()
{
    QFile io(u"/proc/self/io"_s);
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("syscr:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

// Each connection keeps up to 32 MiB of the file's pages (PRAGMA cache_size; SQLite's default is 2 MB): a fleet's
// targets, read a second time on a connection, come from its memory, not from the file. With the default, most
// polls of random devices of a 100,000-target fleet made a pread each (strace -c -f, bench_ddi, stop 50).
void TestSqliteFile::aFleetsPagesStayInMemory()
{
    const QString path = m_dir.filePath(u"fleet.db"_s);
    // About 5 MB of targets and their indexes (1,275 pages): over twice SQLite's default cache.
    constexpr int Targets = 12000;
    {
        SqlStore writer;
        QVERIFY2(writer.open(path), qPrintable(writer.lastError()));
        StoreTransaction tx(writer);
        for (int i = 0; i < Targets; ++i) {
            Target t;
            t.controllerId = u"fleet-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
            t.name = t.controllerId;
            t.description = QString(300, u'd');
            t.securityToken = Target::generateSecurityToken();
            t.createdAt = QDateTime::currentDateTimeUtc();
            QVERIFY(writer.targets().insertTarget(t).ok());
        }
        QVERIFY(tx.commit().ok());
    } // closed: checkpointed into the file
    SqlStore reader; // a connection of its own, as an HTTP thread's
    QVERIFY2(reader.open(path), qPrintable(reader.lastError()));
    const auto readAll = [&] {
        for (int i = 0; i < Targets; ++i) {
            // A stride through the fleet, as random devices poll: no two reads in a row on one page.
            const int n = int((qint64(i) * 7919) % Targets);
            if (!reader.targets().targetByControllerId(u"fleet-%1"_s.arg(n, 6, 10, QLatin1Char('0'))).found())
                return false;
        }
        return true;
    };
    const qint64 beforeFirst = readCalls();
    QVERIFY(readAll());
    const qint64 first = readCalls() - beforeFirst;
    QVERIFY2(first > 500, qPrintable(u"the first pass made %1 read calls: the fleet is not on the file"_s.arg(first)));
    const qint64 beforeSecond = readCalls();
    QVERIFY(readAll());
    const qint64 second = readCalls() - beforeSecond;
    // A few are the reads of /proc/self/io itself (3 here); the first pass made over a thousand.
    QVERIFY2(second < 10, qPrintable(u"the second pass made %1 read calls (the first %2)"_s.arg(second).arg(first)));
}

QTEST_GUILESS_MAIN(TestSqliteFile)
#include "tst_sqlitefile.moc"
