// EventRelay and EventStream on one PostgreSQL (backend/eventrelay.h): a batch of events goes to the shared log in
// one statement and keeps its order, with any text in it; every server reads every server's events with the same
// numbers; and the changes of several HTTP threads, taken to the relay many at once, all arrive, once each, each
// thread's in its commit order. On a PostgreSQL the test starts (skipped without one).
#include "backend/eventlog.h"
#include "backend/eventrelay.h"
#include "backend/eventstream.h"
#include "backend/sqlstore.h"
#include "engine/target.h"
#include "tests/backend/postgresfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {

QList<std::pair<QString, QJsonObject>> numbered(const QString &type, const QString &server, int count)
{
    QList<std::pair<QString, QJsonObject>> events;
    for (int i = 0; i < count; ++i)
        events.append({ type, QJsonObject { { u"server"_s, server }, { u"i"_s, i } } });
    return events;
}

// The events the log holds, in its order, with their numbers.
QList<Event> everything(const EventLog &log)
{
    return log.since(0).value_or(QList<Event>());
}

} // namespace

class TestEventRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_skip = m_postgres.start(); }
    void init()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        static int n = 0;
        m_database = u"relay%1"_s.arg(++n);
        QVERIFY(m_postgres.createDatabase(m_database));
    }

    void aBatchKeepsItsOrderAndEveryServerNumbersItAlike();
    void anyTextSurvivesTheBatch_data();
    void anyTextSurvivesTheBatch();
    void changesOfEveryThreadArriveOnceInCommitOrder();
    void anAppendThatFailsLosesOnlyItsOwnBatch();

private:
    PostgresFixture m_postgres;
    QString m_skip;
    QString m_database;
};

void TestEventRelay::aBatchKeepsItsOrderAndEveryServerNumbersItAlike()
{
    EventLog logA(5000);
    EventLog logB(5000);
    EventRelay a(m_postgres.url(m_database), logA);
    EventRelay b(m_postgres.url(m_database), logB);
    QString error;
    QVERIFY2(a.start(&error), qPrintable(error));
    QVERIFY2(b.start(&error), qPrintable(error));

    a.append(numbered(u"target.created"_s, u"a"_s, 500));
    b.append(numbered(u"action.changed"_s, u"b"_s, 300));
    a.append(numbered(u"rollout.changed"_s, u"a"_s, 1));
    // Each hears the other's NOTIFY (or its one-second safety net) and reads what it has not.
    QTRY_COMPARE_WITH_TIMEOUT(everything(logA).size(), 801, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(everything(logB).size(), 801, 10000);

    const QList<Event> seenA = everything(logA);
    const QList<Event> seenB = everything(logB);
    QList<int> fromA;
    QList<int> fromB;
    for (qsizetype k = 0; k < seenA.size(); ++k) {
        // One global order: the same number, type and data on both servers, without gaps.
        QCOMPARE(seenA[k].sequence, seenB[k].sequence);
        QCOMPARE(seenA[k].type, seenB[k].type);
        QCOMPARE(seenA[k].data, seenB[k].data);
        if (k > 0)
            QCOMPARE(seenA[k].sequence, seenA[k - 1].sequence + 1);
        (seenA[k].data[u"server"_s].toString() == u"a"_s ? fromA : fromB).append(seenA[k].data[u"i"_s].toInt());
    }
    // Each batch in the order it was given, its rows together (one statement under the append lock).
    QList<int> expectedA;
    for (int i = 0; i < 500; ++i)
        expectedA.append(i);
    expectedA.append(0);
    QCOMPARE(fromA, expectedA);
    QCOMPARE(fromB.size(), 300);
    for (int i = 0; i < 300; ++i)
        QCOMPARE(fromB[i], i);
    const qsizetype firstB
        = std::find_if(seenA.cbegin(), seenA.cend(), [](const Event &e) { return e.type == u"action.changed"_s; })
        - seenA.cbegin();
    QCOMPARE(seenA[firstB + 299].type, u"action.changed"_s);
}

void TestEventRelay::anyTextSurvivesTheBatch_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes and backslashes") << uR"(a "quoted" \ back\slash \" \\)"_s;
    QTest::newRow("array syntax") << u"{1,2},{NULL},\"NULL\", NULL ,}{"_s;
    QTest::newRow("the word NULL") << u"NULL"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("white space and controls") << u"  tab\tline\nreturn\r  "_s;
    QTest::newRow("unicode") << u"Größe 设备 🚀 \u200b"_s;
    QTest::newRow("SQL") << u"'); DROP TABLE event_log; --"_s;
}

void TestEventRelay::anyTextSurvivesTheBatch()
{
    QFETCH(QString, text);
    EventLog log(100);
    EventRelay relay(m_postgres.url(m_database), log);
    QString error;
    QVERIFY2(relay.start(&error), qPrintable(error));
    const QJsonObject data { { u"message"_s, text }, { u"list"_s, QJsonArray { QJsonValue(text), 1, true } } };
    relay.append({ { u"first"_s, QJsonObject { { u"n"_s, 1 } } },
                   { text.isEmpty() ? u"x"_s : text, data },
                   { u"last"_s, QJsonObject { { u"n"_s, 3 } } } });
    const QList<Event> seen = everything(log);
    QCOMPARE(seen.size(), 3);
    QCOMPARE(seen[0].type, u"first"_s);
    QCOMPARE(seen[1].type, text.isEmpty() ? u"x"_s : text);
    QCOMPARE(seen[1].data, data);
    QCOMPARE(seen[2].data[u"n"_s].toInt(), 3);
}

void TestEventRelay::changesOfEveryThreadArriveOnceInCommitOrder()
{
    EventStream stream(20000);
    EventRelay relay(m_postgres.url(m_database), stream.log());
    QString error;
    {
        SqlStore migrate; // the schema, before the threads race to make it
        QVERIFY2(migrate.open(m_postgres.url(m_database)), qPrintable(migrate.lastError()));
    }
    QVERIFY2(relay.start(&error), qPrintable(error));
    stream.setRelay(&relay);

    // Three HTTP threads' stores, each creating targets one transaction at a time, all publishing to the stream.
    constexpr int Threads = 3;
    constexpr int PerThread = 150;
    QList<QThread *> threads;
    QAtomicInt failures = 0;
    for (int t = 0; t < Threads; ++t) {
        threads.append(QThread::create([&, t] {
            SqlStore store;
            if (!store.open(m_postgres.url(m_database))) {
                failures.ref();
                return;
            }
            store.setChangeListener(
                [&stream, &store](const QList<StoreChange> &changes) { stream.publishChanges(store, changes); });
            for (int i = 0; i < PerThread; ++i) {
                Target target;
                target.controllerId = u"t%1-%2"_s.arg(t).arg(i, 3, 10, QChar(u'0'));
                target.name = target.controllerId;
                target.createdAt = QDateTime::currentDateTimeUtc();
                target.securityToken = Target::generateSecurityToken();
                if (!store.targets().insertTarget(target))
                    failures.ref();
            }
            store.setChangeListener({});
        }));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        while (!thread->wait(10))
            QCoreApplication::processEvents(); // the stream's thread takes the other threads' events meanwhile
        delete thread;
    }
    QCOMPARE(failures.loadRelaxed(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(everything(stream.log()).size(), Threads * PerThread, 10000);
    QTest::qWait(200); // nothing more comes: each change once
    const QList<Event> seen = everything(stream.log());
    QCOMPARE(seen.size(), Threads * PerThread);
    QList<int> next(Threads, 0);
    for (const Event &e : seen) {
        QCOMPARE(e.type, u"target.created"_s);
        const QStringList parts = e.data[u"controllerId"_s].toString().mid(1).split(u'-');
        QCOMPARE(parts.size(), 2);
        const int t = parts[0].toInt();
        QCOMPARE(parts[1].toInt(), next[t]); // each thread's in the order it committed them
        ++next[t];
    }
    QCOMPARE(next, QList<int>(Threads, PerThread));
}

// An append that fails (here: the table is away for a moment) loses its own batch, logged, and leaves the relay's
// connection out of any transaction: the next append is stored and numbered right after the last good one.
void TestEventRelay::anAppendThatFailsLosesOnlyItsOwnBatch()
{
    EventLog log(5000);
    EventRelay relay(m_postgres.url(m_database), log);
    QString error;
    QVERIFY2(relay.start(&error), qPrintable(error));
    relay.append(numbered(u"target.created"_s, u"first"_s, 3));
    QTRY_COMPARE_WITH_TIMEOUT(everything(log).size(), 3, 10000);

    const QString connection = u"relay-test-admin"_s;
    {
        QSqlDatabase admin = SqlStore::addPostgresConnection(m_postgres.url(m_database), connection);
        QVERIFY(admin.open());
        QSqlQuery q(admin);
        QVERIFY2(q.exec(u"ALTER TABLE event_log RENAME TO event_log_away"_s), qPrintable(q.lastError().text()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"2 events are lost for every server"_s));
        relay.append(numbered(u"target.created"_s, u"lost"_s, 2));
        QVERIFY2(q.exec(u"ALTER TABLE event_log_away RENAME TO event_log"_s), qPrintable(q.lastError().text()));
        admin.close();
    }
    QSqlDatabase::removeDatabase(connection);

    relay.append(numbered(u"target.created"_s, u"after"_s, 2));
    QTRY_COMPARE_WITH_TIMEOUT(everything(log).size(), 5, 10000);
    const QList<Event> seen = everything(log);
    QStringList servers;
    for (const Event &e : seen)
        servers.append(e.data[u"server"_s].toString());
    QCOMPARE(servers, QStringList({ u"first"_s, u"first"_s, u"first"_s, u"after"_s, u"after"_s }));
    QCOMPARE(seen[3].sequence, seen[2].sequence + 1); // nothing of the lost batch was numbered
}

QTEST_GUILESS_MAIN(TestEventRelay)
#include "tst_eventrelay.moc"
