// PostgresListener (backend/postgreslistener.h): one listening connection per process and database; every
// notification reaches every subscriber, on the subscriber's thread, in the order sent; a store busy with prepared
// statements misses none (a store connection that listened for itself did, now and then); a lost connection is
// opened again and every channel told once. On a PostgreSQL the test starts (skipped without one).
#include "backend/postgreslistener.h"
#include "backend/sqlstore.h"
#include "tests/backend/postgresfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {

// What a subscriber heard, and on which thread; read on the test's thread.
struct Heard
{
    QMutex lock;
    QStringList items; // "channel:payload"
    QSet<QThread *> threads;
    void add(const QString &channel, const QString &payload)
    {
        QMutexLocker locker(&lock);
        items.append(channel + u':' + payload);
        threads.insert(QThread::currentThread());
    }
    QStringList snapshot()
    {
        QMutexLocker locker(&lock);
        return items;
    }
};

} // namespace

class TestPostgresListener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_skip = m_postgres.start();
        if (m_skip.isEmpty())
            QVERIFY(m_postgres.createDatabase(u"second"_s));
    }
    void init()
    {
        if (!m_skip.isEmpty())
            QSKIP(qPrintable(m_skip));
        m_sender = SqlStore::addPostgresConnection(m_postgres.url(), u"sender"_s);
        QVERIFY2(m_sender.open(), qPrintable(m_sender.lastError().text()));
    }
    void cleanup()
    {
        m_sender.close();
        m_sender = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"sender"_s);
    }

    void oneListenerPerDatabase();
    void everySubscriberHearsEveryNotificationOnItsThread();
    void aBusyStoreMissesNone();
    void aLostConnectionIsOpenedAgainAndEveryChannelTold();
    void anUnreachableDatabaseIsAnError();

private:
    bool notify(const QString &channel, const QString &payload)
    {
        QSqlQuery q(m_sender);
        q.prepare(u"SELECT pg_notify(?, ?)"_s);
        q.addBindValue(channel);
        q.addBindValue(payload);
        return q.exec();
    }

    PostgresFixture m_postgres;
    QString m_skip;
    QSqlDatabase m_sender;
};

void TestPostgresListener::oneListenerPerDatabase()
{
    QString error;
    const std::shared_ptr<PostgresListener> first = PostgresListener::acquire(m_postgres.url(), &error);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(PostgresListener::acquire(m_postgres.url(), &error), first);
    const std::shared_ptr<PostgresListener> other = PostgresListener::acquire(m_postgres.url(u"second"_s), &error);
    QVERIFY2(other, qPrintable(error));
    QVERIFY(other != first);
    // One connection per database in pg_stat_activity, whatever the number of holders.
    QSqlQuery q(m_sender);
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'flotilla-listener'"_s)
            && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
}

// Two subscribers, this thread and another one's; 100 notifications on two channels, sent one by one and some in
// one transaction: each subscriber hears all of them, in the order sent, on its own thread; a channel nobody listened
// to is not heard.
void TestPostgresListener::everySubscriberHearsEveryNotificationOnItsThread()
{
    QString error;
    const std::shared_ptr<PostgresListener> listener = PostgresListener::acquire(m_postgres.url(), &error);
    QVERIFY2(listener, qPrintable(error));
    QVERIFY2(listener->listen(u"one"_s, &error), qPrintable(error));
    QVERIFY2(listener->listen(u"two"_s, &error), qPrintable(error));
    QVERIFY(listener->listen(u"two"_s, &error)); // again: nothing changes

    Heard here;
    Heard there;
    QObject hereContext;
    QThread thread;
    thread.start();
    QObject thereContext;
    thereContext.moveToThread(&thread);
    listener->notifications().subscribe(&hereContext, [&](const QString &c, const QString &p) { here.add(c, p); });
    listener->notifications().subscribe(&thereContext, [&](const QString &c, const QString &p) { there.add(c, p); });

    QStringList sent;
    for (int i = 0; i < 80; ++i) {
        const QString channel = i % 2 ? u"two"_s : u"one"_s;
        QVERIFY(notify(channel, QString::number(i)));
        sent.append(channel + u':' + QString::number(i));
    }
    QVERIFY(notify(u"nobody"_s, u"x"_s));
    QVERIFY(m_sender.transaction());
    for (int i = 80; i < 100; ++i) {
        QVERIFY(notify(u"one"_s, QString::number(i)));
        sent.append(u"one:"_s + QString::number(i));
    }
    QVERIFY(m_sender.commit());

    QTRY_COMPARE_WITH_TIMEOUT(here.snapshot().size(), 100, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(there.snapshot().size(), 100, 10000);
    QTest::qWait(200); // nothing more (the channel nobody listened to)
    QCOMPARE(here.snapshot(), sent);
    QCOMPARE(there.snapshot(), sent);
    QCOMPARE(here.threads, QSet<QThread *> { QThread::currentThread() });
    QCOMPARE(there.threads, QSet<QThread *> { &thread });

    listener->notifications().unsubscribe(&thereContext);
    QVERIFY(notify(u"one"_s, u"after"_s));
    QTRY_COMPARE_WITH_TIMEOUT(here.snapshot().size(), 101, 10000);
    QCOMPARE(there.snapshot().size(), 100);
    thread.quit();
    thread.wait();
}

// A store listens (through the process's listener) while its own connection runs prepared statements without
// pause and notifications arrive in between: it hears all 300. When the store's connection listened for itself,
// libpq read a notification that came during a prepared statement into a queue Qt's driver did not look at again.
void TestPostgresListener::aBusyStoreMissesNone()
{
    SqlStore store;
    QVERIFY2(store.open(m_postgres.url()), qPrintable(store.lastError()));
    QStringList heard;
    QVERIFY(store.listen(u"busy"_s, [&](const QString &payload) { heard.append(payload); }));
    QStringList sent;
    for (int i = 0; i < 300; ++i) {
        QVERIFY(notify(u"busy"_s, QString::number(i)));
        sent.append(QString::number(i));
        QVERIFY(store.countRows(u"targets"_s) >= 0);
        QVERIFY(store.countRows(u"rollouts"_s) >= 0);
        if (i % 50 == 0)
            QCoreApplication::processEvents();
    }
    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 300, 10000);
    QCOMPARE(heard, sent);
    // A channel the store stopped listening to is no longer called back (the process may go on listening).
    QVERIFY(store.listen(u"busy"_s, {}));
    QVERIFY(notify(u"busy"_s, u"late"_s));
    QTest::qWait(300);
    QCOMPARE(heard.size(), 300);
}

// PostgreSQL ends the listening connection (as a restart or a network cut does): within a few health checks it is
// open again, every channel is told once (an empty payload: what was sent meanwhile is unknown, caches are dropped),
// and notifications arrive again.
void TestPostgresListener::aLostConnectionIsOpenedAgainAndEveryChannelTold()
{
    QString error;
    const std::shared_ptr<PostgresListener> listener = PostgresListener::acquire(m_postgres.url(), &error);
    QVERIFY2(listener, qPrintable(error));
    QVERIFY(listener->listen(u"alpha"_s, &error));
    QVERIFY(listener->listen(u"beta"_s, &error));
    Heard heard;
    QObject context;
    listener->notifications().subscribe(&context, [&](const QString &c, const QString &p) { heard.add(c, p); });

    QSqlQuery q(m_sender);
    QVERIFY(q.exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                   "'flotilla-listener' AND datname = 'postgres'"_s)
            && q.next());
    QVERIFY(q.value(0).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(heard.snapshot().size() >= 2, 3 * PostgresListener::CheckIntervalMs);
    QStringList told = heard.snapshot();
    told.sort();
    QCOMPARE(told, (QStringList { u"alpha:"_s, u"beta:"_s }));

    QVERIFY(notify(u"beta"_s, u"again"_s));
    QTRY_COMPARE_WITH_TIMEOUT(heard.snapshot().size(), 3, 10000);
    QCOMPARE(heard.snapshot().last(), u"beta:again"_s);
}

void TestPostgresListener::anUnreachableDatabaseIsAnError()
{
    QString error;
    QVERIFY(!PostgresListener::acquire(u"postgres://flotilla@127.0.0.1:1/nothing"_s, &error));
    QVERIFY2(error.contains(u"notification connection"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPostgresListener)
#include "tst_postgreslistener.moc"
