// The counts the rollout chart draws: running, finished and error over time, from action spans.
#include "app/console/models/rolloutprogress.h"

#include <QJsonValue>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Flotilla::RolloutProgressPoint)

namespace {
Mgmt::MgmtActionSpan span(const char *status, qint64 started, qint64 closed)
{
    Mgmt::MgmtActionSpan s;
    s.status = QLatin1StringView(status);
    s.createdAt = 0;
    if (started >= 0)
        s.startedAt = started;
    if (closed >= 0)
        s.closedAt = closed;
    return s;
}
using Spans = QList<Mgmt::MgmtActionSpan>;
using Points = QList<RolloutProgressPoint>;
} // namespace

class TestRolloutProgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overTime_data()
    {
        QTest::addColumn<Spans>("spans");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<Points>("expected");
        QTest::newRow("nothing") << Spans() << qint64(-1) << Points {};
        QTest::newRow("nothing, now") << Spans() << qint64(50) << Points { { 50, 0, 0, 0 } };
        QTest::newRow("scheduled only: no change") << Spans { span("scheduled", -1, -1) } << qint64(-1) << Points {};
        QTest::newRow("one runs, then finishes")
            << Spans { span("finished", 10, 30) } << qint64(-1) << Points { { 10, 1, 0, 0 }, { 30, 0, 1, 0 } };
        QTest::newRow("still running reaches now")
            << Spans { span("running", 10, -1) } << qint64(100) << Points { { 10, 1, 0, 0 }, { 100, 1, 0, 0 } };
        QTest::newRow("error and finished, same start time merged")
            << Spans { span("error", 10, 20), span("finished", 10, 40), span("running", 15, -1) } << qint64(40)
            << Points { { 10, 2, 0, 0 }, { 15, 3, 0, 0 }, { 20, 2, 0, 1 }, { 40, 1, 1, 1 } };
        QTest::newRow("canceled before it started: neither")
            << Spans { span("canceled", -1, 30) } << qint64(-1) << Points { { 30, 0, 0, 0 } };
        QTest::newRow("canceled while running: leaves running only")
            << Spans { span("canceled", 5, 30) } << qint64(-1) << Points { { 5, 1, 0, 0 }, { 30, 0, 0, 0 } };
        QTest::newRow("download-only downloaded counts as finished")
            << Spans { span("downloaded", 5, 9) } << qint64(-1) << Points { { 5, 1, 0, 0 }, { 9, 0, 1, 0 } };
        QTest::newRow("unordered input") << Spans {
            span("finished", 50, 60), span("finished", 10, 20)
        } << qint64(-1) << Points { { 10, 1, 0, 0 }, { 20, 0, 1, 0 }, { 50, 1, 1, 0 }, { 60, 0, 2, 0 } };
    }
    void overTime()
    {
        QFETCH(Spans, spans);
        QFETCH(qint64, now);
        QFETCH(Points, expected);
        const Points got = RolloutProgress::overTime(spans, now);
        QCOMPARE(got.size(), expected.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got.at(i).ms, expected.at(i).ms);
            QCOMPARE(got.at(i).running, expected.at(i).running);
            QCOMPARE(got.at(i).finished, expected.at(i).finished);
            QCOMPARE(got.at(i).error, expected.at(i).error);
        }
    }
};

QTEST_GUILESS_MAIN(TestRolloutProgress)
#include "tst_rolloutprogress.moc"
