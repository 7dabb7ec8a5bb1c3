// The counts the rollout chart draws: running, finished and error over time, from action spans.
#include "app/console/models/rolloutprogress.h"

#include <QJsonValue>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Flotilla::RolloutProgressPoint)

namespace {
QJsonObject span(const char *status, qint64 started, qint64 closed)
{
    return { { "status"_L1, QLatin1StringView(status) },
             { "createdAt"_L1, 0 },
             { "startedAt"_L1, started < 0 ? QJsonValue() : QJsonValue(double(started)) },
             { "closedAt"_L1, closed < 0 ? QJsonValue() : QJsonValue(double(closed)) } };
}
using Points = QList<RolloutProgressPoint>;
} // namespace

class TestRolloutProgress : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overTime_data()
    {
        QTest::addColumn<QList<QJsonObject>>("spans");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<Points>("expected");
        QTest::newRow("nothing") << QList<QJsonObject>() << qint64(-1) << Points {};
        QTest::newRow("nothing, now") << QList<QJsonObject>() << qint64(50) << Points { { 50, 0, 0, 0 } };
        QTest::newRow("scheduled only: no change")
            << QList<QJsonObject> { span("scheduled", -1, -1) } << qint64(-1) << Points {};
        QTest::newRow("one runs, then finishes") << QList<QJsonObject> { span("finished", 10, 30) } << qint64(-1)
                                                 << Points { { 10, 1, 0, 0 }, { 30, 0, 1, 0 } };
        QTest::newRow("still running reaches now") << QList<QJsonObject> { span("running", 10, -1) } << qint64(100)
                                                   << Points { { 10, 1, 0, 0 }, { 100, 1, 0, 0 } };
        QTest::newRow("error and finished, same start time merged")
            << QList<QJsonObject> { span("error", 10, 20), span("finished", 10, 40), span("running", 15, -1) }
            << qint64(40) << Points { { 10, 2, 0, 0 }, { 15, 3, 0, 0 }, { 20, 2, 0, 1 }, { 40, 1, 1, 1 } };
        QTest::newRow("canceled before it started: neither")
            << QList<QJsonObject> { span("canceled", -1, 30) } << qint64(-1) << Points { { 30, 0, 0, 0 } };
        QTest::newRow("canceled while running: leaves running only")
            << QList<QJsonObject> { span("canceled", 5, 30) } << qint64(-1)
            << Points { { 5, 1, 0, 0 }, { 30, 0, 0, 0 } };
        QTest::newRow("download-only downloaded counts as finished")
            << QList<QJsonObject> { span("downloaded", 5, 9) } << qint64(-1)
            << Points { { 5, 1, 0, 0 }, { 9, 0, 1, 0 } };
        QTest::newRow("unordered input") << QList<QJsonObject> {
            span("finished", 50, 60), span("finished", 10, 20)
        } << qint64(-1) << Points { { 10, 1, 0, 0 }, { 20, 0, 1, 0 }, { 50, 1, 1, 0 }, { 60, 0, 2, 0 } };
    }
    void overTime()
    {
        QFETCH(QList<QJsonObject>, spans);
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
