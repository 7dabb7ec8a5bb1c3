// A statement read through SQLite's own API (backend/sqlitestatement.h), as the DDI poll reads its target: values
// come exactly as QSQLITE gives them for the same row; binds of each type find their row, one of a type SQLite does
// not store is refused with an error that names it; a statement that cannot be prepared says why when run; and a
// read done with (read to its end, or finished) holds no read transaction: its
// connection's next statements see what other connections committed since.
#include "backend/sqlitestatement.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestSqliteStatement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void valuesComeAsQSqliteGivesThem_data();
    void valuesComeAsQSqliteGivesThem();
    void bindsFindTheirRow_data();
    void bindsFindTheirRow();
    void refusesWhatItCannotBind_data();
    void refusesWhatItCannotBind();
    void aStatementThatCannotBePreparedSaysWhy();
    void aReadDoneWithHoldsNoTransaction_data();
    void aReadDoneWithHoldsNoTransaction();

private:
    // The rows a connection's next statement sees.
    static int rowsSeen(const QSqlDatabase &db);

    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    QSqlDatabase m_other;
};

void TestSqliteStatement::init()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"t.db"_s);
    QFile::remove(path);
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"statement"_s);
    m_db.setDatabaseName(path);
    QVERIFY(m_db.open());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(u"PRAGMA journal_mode=WAL"_s));
    QVERIFY2(q.exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB, n INTEGER)"_s),
             qPrintable(q.lastError().text()));
    QVERIFY(q.prepare(u"INSERT INTO t (id, i, r, s, b, n) VALUES (?, ?, ?, ?, ?, ?)"_s));
    const QList<QVariantList> rows {
        { 1, Q_INT64_C(9007199254740993), 2.5, u"plain"_s, QByteArray("\0\1\2", 3), QVariant() },
        { 2, -7, -0.125, u"Ünïcödé データ \"quoted\""_s, QByteArray(), 4 },
        { 3, 0, 0.0, u""_s, QByteArray("x"), QVariant() },
    };
    for (const QVariantList &row : rows) {
        for (const QVariant &v : row)
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }
    m_other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
    m_other.setDatabaseName(path);
    QVERIFY(m_other.open());
}

void TestSqliteStatement::cleanup()
{
    m_db.close();
    m_other.close();
    m_db = QSqlDatabase();
    m_other = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"statement"_s);
    QSqlDatabase::removeDatabase(u"other"_s);
}

int TestSqliteStatement::rowsSeen(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT count(*) FROM t"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TestSqliteStatement::valuesComeAsQSqliteGivesThem_data()
{
    QTest::addColumn<QString>("select");
    QTest::newRow("columns") << u"SELECT id, i, r, s, b, n FROM t ORDER BY id"_s;
    QTest::newRow("expressions") << u"SELECT id * 2, s || '!', r + 1, NULL, length(b) FROM t ORDER BY id DESC"_s;
    QTest::newRow("outer join, nulls") << u"SELECT t.id, u.s, u.n FROM t LEFT JOIN t u ON u.id = t.id + 1"_s;
    QTest::newRow("no rows") << u"SELECT id, s FROM t WHERE id > 99"_s;
}

void TestSqliteStatement::valuesComeAsQSqliteGivesThem()
{
    QFETCH(QString, select);
    QList<QVariantList> expected;
    {
        QSqlQuery q(m_db);
        QVERIFY(q.exec(select));
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i);
            expected << row;
        }
    }
    SqliteStatement statement(m_db, select);
    QVERIFY2(statement.isPrepared(), qPrintable(statement.error()));
    for (int run = 0; run < 2; ++run) { // and again: the statement is reused
        QVERIFY2(statement.exec({}), qPrintable(statement.error()));
        QList<QVariantList> got;
        while (statement.next()) {
            QVariantList row;
            for (int i = 0; i < expected.value(0).size(); ++i)
                row << statement.value(i);
            got << row;
        }
        QVERIFY2(statement.error().isEmpty(), qPrintable(statement.error()));
        QCOMPARE(got.size(), expected.size());
        for (qsizetype r = 0; r < got.size(); ++r) {
            for (qsizetype c = 0; c < got[r].size(); ++c) {
                const QVariant &a = got[r][c];
                const QVariant &e = expected[r][c];
                QCOMPARE(a.isNull(), e.isNull());
                if (!e.isNull()) {
                    QCOMPARE(a.metaType(), e.metaType());
                    QCOMPARE(a, e);
                }
            }
        }
    }
}

void TestSqliteStatement::bindsFindTheirRow_data()
{
    QTest::addColumn<QString>("select");
    QTest::addColumn<QVariantList>("binds");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("int") << u"SELECT id FROM t WHERE i = ?"_s << QVariantList { -7 } << QList<qint64> { 2 };
    QTest::newRow("qint64") << u"SELECT id FROM t WHERE i = ?"_s << QVariantList { Q_INT64_C(9007199254740993) }
                            << QList<qint64> { 1 };
    QTest::newRow("bool") << u"SELECT id FROM t WHERE i = ?"_s << QVariantList { false } << QList<qint64> { 3 };
    QTest::newRow("double") << u"SELECT id FROM t WHERE r = ?"_s << QVariantList { -0.125 } << QList<qint64> { 2 };
    QTest::newRow("text, not ASCII") << u"SELECT id FROM t WHERE s = ?"_s
                                     << QVariantList { u"Ünïcödé データ \"quoted\""_s } << QList<qint64> { 2 };
    QTest::newRow("empty text") << u"SELECT id FROM t WHERE s = ?"_s << QVariantList { u""_s } << QList<qint64> { 3 };
    QTest::newRow("blob with a zero byte")
        << u"SELECT id FROM t WHERE b = ?"_s << QVariantList { QByteArray("\0\1\2", 3) } << QList<qint64> { 1 };
    QTest::newRow("null") << u"SELECT id FROM t WHERE n IS ? ORDER BY id"_s << QVariantList { QVariant() }
                          << QList<qint64> { 1, 3 };
    QTest::newRow("two") << u"SELECT id FROM t WHERE id >= ? AND s <> ? ORDER BY id"_s << QVariantList { 2, u""_s }
                         << QList<qint64> { 2 };
    QTest::newRow("none match") << u"SELECT id FROM t WHERE s = ?"_s << QVariantList { u"plai"_s } << QList<qint64> {};
}

void TestSqliteStatement::bindsFindTheirRow()
{
    QFETCH(QString, select);
    QFETCH(QVariantList, binds);
    QFETCH(QList<qint64>, ids);
    SqliteStatement statement(m_db, select);
    for (int run = 0; run < 2; ++run) { // the second run's binds replace the first's
        QVERIFY2(statement.exec(binds), qPrintable(statement.error()));
        QList<qint64> got;
        while (statement.next())
            got << statement.value(0).toLongLong();
        QCOMPARE(got, ids);
    }
}

void TestSqliteStatement::refusesWhatItCannotBind_data()
{
    QTest::addColumn<QVariantList>("binds");
    QTest::addColumn<QString>("error");
    QTest::newRow("a date") << QVariantList { QDateTime::currentDateTimeUtc() } << u"QDateTime"_s;
    QTest::newRow("too few") << QVariantList {} << u"0 values for 1 parameters"_s;
    QTest::newRow("too many") << QVariantList { 1, 2 } << u"2 values for 1 parameters"_s;
}

void TestSqliteStatement::refusesWhatItCannotBind()
{
    QFETCH(QVariantList, binds);
    QFETCH(QString, error);
    SqliteStatement statement(m_db, u"SELECT id FROM t WHERE id = ?"_s);
    QVERIFY(!statement.exec(binds));
    QVERIFY2(statement.error().contains(error), qPrintable(statement.error()));
    QVERIFY(!statement.next());
    // Usable afterwards.
    QVERIFY2(statement.exec({ 2 }), qPrintable(statement.error()));
    QVERIFY(statement.next());
    QCOMPARE(statement.value(0).toLongLong(), 2);
    QVERIFY(statement.error().isEmpty());
}

void TestSqliteStatement::aStatementThatCannotBePreparedSaysWhy()
{
    SqliteStatement statement(m_db, u"SELECT x FROM nowhere"_s);
    QVERIFY(!statement.isPrepared());
    QVERIFY2(statement.error().contains(u"no such table: nowhere"_s), qPrintable(statement.error()));
    QVERIFY(!statement.exec({}));
    QVERIFY2(statement.error().contains(u"no such table: nowhere"_s), qPrintable(statement.error()));
    QVERIFY(!statement.next());

    SqliteStatement closed(QSqlDatabase(), u"SELECT 1"_s);
    QVERIFY(!closed.isPrepared());
    QVERIFY2(closed.error().contains(u"not an open SQLite connection"_s), qPrintable(closed.error()));
}

void TestSqliteStatement::aReadDoneWithHoldsNoTransaction_data()
{
    QTest::addColumn<int>("rowsRead");
    QTest::addColumn<bool>("finish");
    QTest::newRow("read to its end") << 3 << false;
    QTest::newRow("first row only, finished") << 1 << true;
    QTest::newRow("no row read, finished") << 0 << true;
}

// A statement that is still reading holds its connection's read transaction, and with it the snapshot it began
// with: the connection's next statements would not see what others committed since (nor would SQLite checkpoint the
// WAL past it). Read to its end, or finished, the statement holds nothing.
void TestSqliteStatement::aReadDoneWithHoldsNoTransaction()
{
    QFETCH(int, rowsRead);
    QFETCH(bool, finish);
    SqliteStatement statement(m_db, u"SELECT id FROM t ORDER BY id"_s);
    QVERIFY(statement.exec({}));
    for (int i = 0; i < rowsRead; ++i)
        QVERIFY(statement.next());
    if (finish)
        statement.finish();
    else
        QVERIFY(!statement.next());
    QSqlQuery write(m_other);
    QVERIFY2(write.exec(u"INSERT INTO t (id, s) VALUES (10, 'after')"_s), qPrintable(write.lastError().text()));
    QCOMPARE(rowsSeen(m_db), 4);
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_sqlitestatement.moc"
