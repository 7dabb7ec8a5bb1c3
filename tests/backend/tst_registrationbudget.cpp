// The registration budget (backend/registrationbudget.h) on a clock the test moves: a full bucket holds one
// minute's worth, it refills continuously and never beyond that, Retry-After says when the next registration is
// allowed, and threads share it.
#include "backend/registrationbudget.h"

#include <QTest>
#include <QThread>

#include <atomic>

using namespace Flotilla;

class TestRegistrationBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenRefill_data();
    void burstThenRefill();
    void anIdleBudgetHoldsOneMinutesWorth();
    void threadsShareOneBudget();
};

void TestRegistrationBudget::burstThenRefill_data()
{
    QTest::addColumn<double>("perMinute");
    QTest::addColumn<int>("burst"); // allowed at once
    QTest::addColumn<int>("retryAfter"); // for the first refused
    QTest::addColumn<qint64>("refillMs"); // after this long one more is allowed
    QTest::newRow("2 a minute") << 2.0 << 2 << 30 << qint64(30000);
    QTest::newRow("60 a minute") << 60.0 << 60 << 1 << qint64(1000);
    QTest::newRow("one in 50 minutes: one at first") << 0.02 << 1 << 3000 << qint64(3000000);
    QTest::newRow("600 a minute") << 600.0 << 600 << 1 << qint64(100);
}

void TestRegistrationBudget::burstThenRefill()
{
    QFETCH(double, perMinute);
    QFETCH(int, burst);
    QFETCH(int, retryAfter);
    QFETCH(qint64, refillMs);
    RegistrationBudget budget(perMinute);
    const qint64 t0 = 1000000;
    for (int i = 0; i < burst; ++i)
        QVERIFY2(budget.take(t0).allowed, qPrintable(QString::number(i)));
    const RegistrationBudget::Decision refused = budget.take(t0);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterSecs, retryAfter);
    QVERIFY(refused.firstRefusal);
    const RegistrationBudget::Decision again = budget.take(t0 + refillMs - 1); // not quite yet
    QVERIFY(!again.allowed);
    QVERIFY(!again.firstRefusal); // the same burst: no second log line
    QVERIFY(budget.take(t0 + refillMs + 1).allowed);
    const RegistrationBudget::Decision afterOne = budget.take(t0 + refillMs + 1); // and only that one
    QVERIFY(!afterOne.allowed);
    QVERIFY(afterOne.firstRefusal); // a new burst after a registration
}

void TestRegistrationBudget::anIdleBudgetHoldsOneMinutesWorth()
{
    RegistrationBudget budget(5);
    QVERIFY(budget.take(0).allowed);
    int allowed = 0;
    while (budget.take(3600000).allowed) // an hour later: five, not three hundred
        ++allowed;
    QCOMPARE(allowed, 5);
    // A clock read on another thread a little behind is not a refill, nor a crash.
    QVERIFY(!budget.take(3599990).allowed);
}

void TestRegistrationBudget::threadsShareOneBudget()
{
    RegistrationBudget budget(100);
    std::atomic<int> allowed = 0;
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads << QThread::create([&] {
            for (int i = 0; i < 100; ++i) {
                if (budget.take(5000).allowed)
                    ++allowed;
            }
        });
        threads.last()->start();
    }
    for (QThread *t : threads) {
        QVERIFY(t->wait(10000));
        delete t;
    }
    QCOMPARE(allowed.load(), 100);
}

QTEST_GUILESS_MAIN(TestRegistrationBudget)
#include "tst_registrationbudget.moc"
