// The indexes behind the Management API's filters, the DDI poll's lookups and the rollout counts (issue 21): every
// call the plan benchmark checks at a million targets (tests/bench/queryplans.cpp, `bench_store … postgres`) runs
// here on a small fleet with sequential scans disabled, so PostgreSQL reads much of a large table (a sequential scan,
// or an index walked end to end under a filter) only when no index can answer the statement (an RSQL field compiled
// to an expression no index covers, a migration that lost an index).
// Also the benchmark's measure of a large scan, on plans as auto_explain writes them. On a PostgreSQL the test
// starts (skipped without one).
#include "backend/sqlstore.h"
#include "tests/backend/postgresfixture.h"
#include "tests/bench/queryplans.h"
#include "tests/common/planlog.h"

#include <QDateTime>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestQueryPlans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_skip = m_postgres.start();
        if (!m_skip.isEmpty())
            return;
        QVERIFY(m_postgres.createDatabase(u"plans"_s));
        const QString url = m_postgres.url(u"plans"_s);
        {
            SqlStore schema; // the migrations, before the fleet is grown
            QVERIFY2(schema.open(url), qPrintable(schema.lastError()));
        }
        QVERIFY(prepareForPlans(
            url, Targets, m_now,
            { u"enable_seqscan = off"_s, u"auto_explain.log_analyze = on"_s, u"auto_explain.log_timing = off"_s }));
        QVERIFY2(m_store.open(url), qPrintable(m_store.lastError())); // a new connection: auto_explain on
        std::optional<QList<PlanProbe>> probes = planProbes(m_store, Targets, m_now);
        QVERIFY(probes);
        m_probes = *probes;
        QCOMPARE_GT(m_probes.size(), 30);
        m_log.emplace(m_postgres.logPath());
    }

    void everyCallCanUseAnIndex_data();
    void everyCallCanUseAnIndex();
    void aLargeScanIsOneThatReadsMuchOfALargeTable_data();
    void aLargeScanIsOneThatReadsMuchOfALargeTable();

private:
    static constexpr int Targets = 20000;
    const qint64 m_now = QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC).toMSecsSinceEpoch();
    PostgresFixture m_postgres;
    QString m_skip;
    SqlStore m_store;
    QList<PlanProbe> m_probes;
    std::optional<PlanCheck::PlanLog> m_log;
};

void TestQueryPlans::everyCallCanUseAnIndex_data()
{
    QTest::addColumn<int>("probe");
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    for (int i = 0; i < m_probes.size(); ++i)
        QTest::newRow(qPrintable(m_probes.at(i).label)) << i;
}

void TestQueryPlans::everyCallCanUseAnIndex()
{
    QFETCH(int, probe);
    const PlanProbe &p = m_probes.at(probe);
    m_log->skip();
    QVERIFY2(p.run(), qPrintable(m_store.lastError()));
    const QStringList plans = m_log->plans();
    QVERIFY2(!plans.isEmpty(), "auto_explain logged no plan");
    if (!p.scanReason.isEmpty())
        QSKIP(qPrintable(u"a scan is the right plan here: "_s + p.scanReason));
    if (p.page)
        QSKIP("one page: whether to walk the id index depends on where the matches lie (bench_store checks it at "
              "a million targets); the total of the same filter is checked here");
    // With sequential scans off, an unindexed filter shows as an index walked end to end: more rows read than a
    // tenth of the fleet.
    for (const QString &plan : plans) {
        const QString scan = PlanCheck::largeScanIn(plan, Targets / 10);
        QVERIFY2(scan.isEmpty(), qPrintable(scan + u"\n"_s + plan));
    }
}

void TestQueryPlans::aLargeScanIsOneThatReadsMuchOfALargeTable_data()
{
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("an index lookup") << u"Limit (actual rows=1 loops=1)\n  ->  Index Scan using targets_pkey on "
                                        "targets t (actual rows=1 loops=1)\n        Index Cond: (id = 5)"_s
                                     << QString();
    QTest::newRow("a sequential scan, however short")
        << u"Seq Scan on actions (actual rows=3 loops=1)\n  Filter: (state = 6)\n  Rows Removed by Filter: 2"_s
        << u"a sequential scan of actions (5 rows)"_s;
    QTest::newRow("an index walked and filtered")
        << u"Limit (actual rows=50 loops=1)\n  ->  Index Scan using targets_pkey on targets t (actual rows=50 "
           "loops=1)\n        Filter: (lower((address)::text) = '10.0.0.1'::text)\n        Rows Removed by Filter: "
           "250950"_s
        << u"251000 rows of targets read (index scan)"_s;
    QTest::newRow("parallel workers: rows times loops")
        << u"Parallel Index Only Scan using targets_pkey on targets t (actual rows=333333 loops=3)"_s
        << u"999999 rows of targets read (index only scan)"_s;
    QTest::newRow("the filter of the next node is not this one's")
        << u"Nested Loop (actual rows=10 loops=1)\n  ->  Index Scan using target_tag_assignments_pkey on "
           "target_tag_assignments tga (actual rows=10 loops=1)\n  ->  Index Scan using targets_pkey on targets "
           "t (actual rows=1 loops=10)\n        Rows Removed by Filter: 900000"_s
        << u"9000010 rows of targets read (index scan)"_s;
    QTest::newRow("a small table is not large")
        << u"Seq Scan on target_tags tg (actual rows=1 loops=1)\n  Rows Removed by Filter: 9"_s << QString();
    QTest::newRow("never executed") << u"Index Scan using actions_target on actions (never executed)"_s << QString();
}

void TestQueryPlans::aLargeScanIsOneThatReadsMuchOfALargeTable()
{
    QFETCH(QString, plan);
    QFETCH(QString, verdict);
    QCOMPARE(PlanCheck::largeScanIn(plan, 100000), verdict);
}

QTEST_GUILESS_MAIN(TestQueryPlans)
#include "tst_queryplans.moc"
