// The rollout wizard's forecast table and sentences (RolloutForecastModel): durations as a person reads them,
// one row per group with times from the forecast's start, the verdict for a rollout that finishes, pauses or
// waits for silent devices, and what was assumed; checked with QAbstractItemModelTester.
#include "app/console/models/rolloutforecastmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestRolloutForecastModel : public QObject
{
    Q_OBJECT

private:
    static QJsonObject forecast(const QString &status, const QJsonValue &pausedAt, int silent, bool fromHistory)
    {
        const double start = 1'800'000'000'000.0;
        return QJsonObject {
            { "status"_L1, status },
            { "pausedAt"_L1, pausedAt },
            { "start"_L1, start },
            { "end"_L1, start + 7500 * 1000 },
            { "bytes"_L1, 3.0 * 1024 * 1024 },
            { "groups"_L1,
              QJsonArray { QJsonObject { { "name"_L1, u"canary"_s },
                                         { "targets"_L1, 5 },
                                         { "startsAt"_L1, start },
                                         { "endsAt"_L1, start + 600 * 1000 },
                                         { "finished"_L1, 5 },
                                         { "failed"_L1, 0 } },
                           QJsonObject { { "name"_L1, u"rest"_s },
                                         { "targets"_L1, 1200 },
                                         { "startsAt"_L1, start + 600 * 1000 },
                                         { "endsAt"_L1, QJsonValue::Null },
                                         { "finished"_L1, 900 },
                                         { "failed"_L1, 12 } } } },
            { "assumptions"_L1,
              QJsonObject { { "pollingSeconds"_L1, 300 },
                            { "installSeconds"_L1, 150 },
                            { "failureRate"_L1, 0.025 },
                            { "fromHistory"_L1, fromHistory },
                            { "historyActions"_L1, 40 },
                            { "silentTargets"_L1, silent } } },
        };
    }

private Q_SLOTS:
    void durations_data()
    {
        QTest::addColumn<qint64>("secs");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << qint64(45) << u"45 s"_s;
        QTest::newRow("minutes, rounded") << qint64(150) << u"3 min"_s;
        QTest::newRow("hours and minutes") << qint64(7500) << u"2 h 5 min"_s;
        QTest::newRow("whole hours") << qint64(3 * 3600) << u"3 h"_s;
        QTest::newRow("days and hours") << qint64(3 * 86400 + 4 * 3600) << u"3 d 4 h"_s;
        QTest::newRow("whole days") << qint64(7 * 86400) << u"7 d"_s;
    }
    void durations()
    {
        QFETCH(qint64, secs);
        QFETCH(QString, text);
        QCOMPARE(RolloutForecastModel::durationText(secs), text);
    }

    void rowsPerGroup()
    {
        RolloutForecastModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.verdict().isEmpty());
        model.setForecast(forecast(u"running"_s, QJsonValue::Null, 0, true));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(RolloutForecastModel::ColumnCount));
        QCOMPARE(model.index(0, RolloutForecastModel::Group).data().toString(), u"canary"_s);
        QCOMPARE(model.index(0, RolloutForecastModel::Starts).data().toString(), u"at once"_s);
        QCOMPARE(model.index(0, RolloutForecastModel::Ends).data().toString(), u"after 10 min"_s);
        QCOMPARE(model.index(1, RolloutForecastModel::Starts).data().toString(), u"after 10 min"_s);
        QCOMPARE(model.index(1, RolloutForecastModel::Ends).data().toString(), u"not within 7 days"_s);
        QCOMPARE(model.index(1, RolloutForecastModel::Failed).data().toString(), QLocale().toString(12));
        QVERIFY(model.index(0, RolloutForecastModel::Ends).data(Qt::ToolTipRole).toString().size() > 4);
        QVERIFY(!model.index(1, RolloutForecastModel::Ends).data(Qt::ToolTipRole).isValid());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void verdicts_data()
    {
        QTest::addColumn<QJsonObject>("forecast");
        QTest::addColumn<QStringList>("says");
        QTest::newRow("finishes") << forecast(u"finished"_s, QJsonValue::Null, 0, true)
                                  << QStringList { u"All 2 group(s) finish after 2 h 5 min"_s, u"downloaded"_s };
        QTest::newRow("pauses") << forecast(u"paused"_s, u"rest"_s, 0, true)
                                << QStringList { u"Pauses in rest after 2 h 5 min"_s, u"error threshold"_s };
        QTest::newRow("silent devices") << forecast(u"running"_s, QJsonValue::Null, 3, true)
                                        << QStringList { u"Does not finish within 7 days"_s,
                                                         u"3 target(s) have not polled"_s };
    }
    void verdicts()
    {
        QFETCH(QJsonObject, forecast);
        QFETCH(QStringList, says);
        RolloutForecastModel model;
        model.setForecast(forecast);
        for (const QString &part : says)
            QVERIFY2(model.verdict().contains(part), qPrintable(model.verdict()));
    }

    void assumptionsSayWhereTheyComeFrom()
    {
        RolloutForecastModel model;
        model.setForecast(forecast(u"finished"_s, QJsonValue::Null, 0, true));
        QVERIFY2(model.assumptions().contains(u"poll every 5 min, an install takes 3 min"_s),
                 qPrintable(model.assumptions()));
        QVERIFY2(model.assumptions().contains(u"40 action(s) of the last 30 days"_s), qPrintable(model.assumptions()));
        model.setForecast(forecast(u"finished"_s, QJsonValue::Null, 0, false));
        QVERIFY2(model.assumptions().contains(u"defaults"_s), qPrintable(model.assumptions()));
    }

    // An answer the console cannot read is an error saying what is wrong, never a table of defaults.
    void anUnreadableForecastIsAnError()
    {
        RolloutForecastModel model;
        QVERIFY(model.setForecast(forecast(u"finished"_s, QJsonValue::Null, 0, true)));
        QCOMPARE(model.rowCount(), 2);
        QJsonObject broken = forecast(u"finished"_s, QJsonValue::Null, 0, true);
        QJsonArray groups = broken.value("groups"_L1).toArray();
        QJsonObject first = groups.at(0).toObject();
        first.insert("targets"_L1, u"five"_s);
        groups.replace(0, first);
        broken.insert("groups"_L1, groups);
        QString why;
        QVERIFY(!model.setForecast(broken, &why));
        QVERIFY2(why.contains(u"targets must be a whole number"_s), qPrintable(why));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.verdict().isEmpty());
    }
};

QTEST_MAIN(TestRolloutForecastModel)
#include "tst_rolloutforecastmodel.moc"
