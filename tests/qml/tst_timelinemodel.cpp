// Flotilla.Timeline's C++ side: the timeline model (lanes, range, markers, live updates without a reset), the
// action track (positions, silences), and the bars item (hit testing, culling) — models checked with
// QAbstractItemModelTester.
#include "qml/timeline/actiontrackmodel.h"
#include "qml/timeline/timelinebars.h"
#include "qml/timeline/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Flotilla_TimelinePlugin)

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {
enum SpanRole { Id = Qt::UserRole + 1, Label, Lane, Status, Created, Started, End };
constexpr qint64 T0 = 1'800'000'000'000; // a fixed moment

QStandardItemModel *spanModel(QObject *parent)
{
    auto *m = new QStandardItemModel(parent);
    m->setItemRoleNames({ { Id, "actionId" },
                          { Label, "label" },
                          { Lane, "lane" },
                          { Status, "status" },
                          { Created, "createdMs" },
                          { Started, "startedMs" },
                          { End, "endMs" } });
    return m;
}
void addSpan(QStandardItemModel *m, qint64 id, qint64 lane, const QString &status, qint64 created, qint64 started,
             qint64 end)
{
    auto *item = new QStandardItem;
    item->setData(id, Id);
    item->setData(u"target-%1"_s.arg(id), Label);
    item->setData(lane, Lane);
    item->setData(status, Status);
    item->setData(created, Created);
    item->setData(started, Started);
    item->setData(end, End);
    m->appendRow(item);
}
QStandardItemModel *historyModel(QObject *parent, const QList<qint64> &times)
{
    auto *m = new QStandardItemModel(parent);
    m->setItemRoleNames({ { Qt::UserRole + 1, "atMs" },
                          { Qt::UserRole + 2, "status" },
                          { Qt::UserRole + 3, "messages" },
                          { Qt::UserRole + 4, "code" } });
    for (qint64 t : times) {
        auto *item = new QStandardItem;
        item->setData(t, Qt::UserRole + 1);
        item->setData(u"running"_s, Qt::UserRole + 2);
        m->appendRow(item);
    }
    return m;
}
// Items of the visual tree (Repeater delegates included) with this objectName.
void itemsNamed(QQuickItem *item, const QString &name, QList<QQuickItem *> &found)
{
    if (item->objectName() == name)
        found << item;
    for (QQuickItem *child : item->childItems())
        itemsNamed(child, name, found);
}
QVariantMap marker(const TimelineModel &model, int lane, const QString &kind)
{
    for (const QVariant &v : model.markers())
        if (v.toMap().value(u"lane"_s).toInt() == lane && v.toMap().value(u"kind"_s).toString() == kind)
            return v.toMap();
    return {};
}
} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lanesRangeAndRoles();
    void markers_data();
    void markers();
    void liveUpdatesWithoutReset();
    void actionTrack_data();
    void actionTrack();
    void barsHitTestingAndCulling();
    void qmlViewZoomPanAndWindows();
};

void TestTimelineModel::lanesRangeAndRoles()
{
    QStandardItemModel *source = spanModel(this);
    addSpan(source, 1, 30, u"running"_s, T0, T0 + 1000, -1);
    addSpan(source, 2, 10, u"finished"_s, T0 - 5000, T0, T0 + 9000);
    addSpan(source, 3, 20, u"scheduled"_s, T0, -1, -1);
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSpans(source);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.laneCount(), 3);
    QCOMPARE(model.laneKeys(), (QList<qint64> { 10, 20, 30 }));
    QCOMPARE(model.index(0, 0).data(TimelineModel::LaneRole).toInt(), 2); // key 30 is the third lane
    QCOMPARE(model.index(1, 0).data(TimelineModel::LaneRole).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(TimelineModel::ActionIdRole).toLongLong(), 1);
    QCOMPARE(model.index(0, 0).data(TimelineModel::StatusRole).toString(), u"running"_s);
    QCOMPARE(model.firstMs(), qreal(T0 - 5000));
    QVERIFY(model.lastMs() >= qreal(T0 + 9000));
    QCOMPARE(model.bars().size(), 3);
    QCOMPARE(model.bars().at(2).started, -1);
    QCOMPARE(model.roleNames().value(TimelineModel::EndRole), QByteArray("endMs"));
}

void TestTimelineModel::markers_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<qint64>("thresholdAt"); // -1: no marker
    QTest::newRow("50 %: the 2nd of 4 finished") << 50.0 << T0 + 20000;
    QTest::newRow("75 %: the 3rd") << 75.0 << T0 + 30000;
    QTest::newRow("100 %: never (one failed)") << 100.0 << qint64(-1);
}

void TestTimelineModel::markers()
{
    QFETCH(double, threshold);
    QFETCH(qint64, thresholdAt);
    QStandardItemModel *source = spanModel(this);
    // Group 1 (key 7): four actions, started from T0, closed at +10 s, +20 s, +30 s (finished) and +40 s (error).
    addSpan(source, 1, 7, u"finished"_s, T0 - 1000, T0, T0 + 10000);
    addSpan(source, 2, 7, u"finished"_s, T0 - 1000, T0 + 500, T0 + 20000);
    addSpan(source, 3, 7, u"finished"_s, T0 - 1000, T0 + 700, T0 + 30000);
    addSpan(source, 4, 7, u"error"_s, T0 - 1000, T0 + 900, T0 + 40000);
    // Group 2: one still running.
    addSpan(source, 5, 8, u"running"_s, T0 - 1000, T0 + 40000, -1);
    TimelineModel model;
    model.setSpans(source);
    model.setThresholds({ threshold, 50 });
    QCOMPARE(marker(model, 0, u"start"_s).value(u"ms"_s).toLongLong(), T0);
    QCOMPARE(marker(model, 0, u"finish"_s).value(u"ms"_s).toLongLong(), T0 + 40000);
    if (thresholdAt < 0)
        QVERIFY(marker(model, 0, u"threshold"_s).isEmpty());
    else
        QCOMPARE(marker(model, 0, u"threshold"_s).value(u"ms"_s).toLongLong(), thresholdAt);
    QCOMPARE(marker(model, 1, u"start"_s).value(u"ms"_s).toLongLong(), T0 + 40000);
    QVERIFY(marker(model, 1, u"finish"_s).isEmpty()); // still open
    QVERIFY(marker(model, 1, u"threshold"_s).isEmpty());
}

void TestTimelineModel::liveUpdatesWithoutReset()
{
    QStandardItemModel *source = spanModel(this);
    addSpan(source, 1, 1, u"running"_s, T0, T0, -1);
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSpans(source);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy bars(&model, &TimelineModel::barsChanged);
    // Feedback arrives: the action finishes; a new group starts.
    source->item(0)->setData(u"finished"_s, Status);
    source->item(0)->setData(T0 + 5000, End);
    addSpan(source, 2, 2, u"running"_s, T0 + 6000, T0 + 6000, -1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QVERIFY(changed.size() >= 2);
    QTRY_VERIFY(bars.size() >= 1); // one rebuild for the burst
    QCOMPARE(bars.size(), 1);
    QCOMPARE(model.laneCount(), 2);
    QCOMPARE(model.bars().at(0).status, u"finished"_s);
    QCOMPARE(model.bars().at(0).end, T0 + 5000);
    QCOMPARE(marker(model, 0, u"finish"_s).value(u"ms"_s).toLongLong(), T0 + 5000);
}

void TestTimelineModel::actionTrack_data()
{
    QTest::addColumn<QList<qint64>>("times");
    QTest::addColumn<int>("silences");
    QTest::addColumn<int>("silentRow");
    QTest::addColumn<qint64>("silentMs");
    const qint64 min = 60000;
    QTest::newRow("steady") << QList<qint64> { T0, T0 + min, T0 + 2 * min } << 0 << -1 << qint64(0);
    QTest::newRow("an hour of silence") << QList<qint64> { T0, T0 + min, T0 + 2 * min, T0 + 62 * min } << 1 << 3
                                        << 60 * min;
    QTest::newRow("out of order") << QList<qint64> { T0 + 62 * min, T0, T0 + min } << 1 << 0 << 61 * min;
}

void TestTimelineModel::actionTrack()
{
    QFETCH(QList<qint64>, times);
    QFETCH(int, silences);
    QFETCH(int, silentRow);
    QFETCH(qint64, silentMs);
    ActionTrackModel track;
    QAbstractItemModelTester tester(&track, QAbstractItemModelTester::FailureReportingMode::QtTest);
    track.setHistory(historyModel(this, times));
    QCOMPARE(track.rowCount(), times.size());
    QCOMPARE(track.silences(), silences);
    qreal lowest = 2, highest = -1;
    for (int r = 0; r < track.rowCount(); ++r) {
        const qreal p = track.index(r, 0).data(ActionTrackModel::PositionRole).toReal();
        lowest = std::min(lowest, p);
        highest = std::max(highest, p);
        const qreal silent = track.index(r, 0).data(ActionTrackModel::SilentBeforeRole).toReal();
        QCOMPARE(silent > 0, r == silentRow);
        if (r == silentRow)
            QCOMPARE(qint64(silent), silentMs);
    }
    QCOMPARE(lowest, 0.0);
    QCOMPARE(highest, 1.0);
    // A shorter threshold finds more.
    track.setSilentAfterMs(30000);
    QVERIFY(track.silences() >= silences);
}

void TestTimelineModel::barsHitTestingAndCulling()
{
    QStandardItemModel *source = spanModel(this);
    addSpan(source, 11, 1, u"finished"_s, T0, T0 + 1000, T0 + 10000); // lane 0: 0..10 s
    addSpan(source, 12, 2, u"error"_s, T0 + 50000, T0 + 50000, T0 + 60000); // lane 1: 50..60 s
    TimelineModel model;
    model.setSpans(source);
    QQuickView view;
    view.resize(1000, 200);
    auto *bars = new TimelineBars(view.contentItem());
    bars->setSize(QSizeF(1000, 100));
    bars->setModel(&model);
    bars->setLaneHeight(40);
    bars->setViewStart(qreal(T0));
    bars->setViewEnd(qreal(T0 + 100000)); // 100 ms per pixel
    bars->setNowMs(qreal(T0 + 100000));
    QCOMPARE(bars->xForTime(qreal(T0 + 50000)), 500.0);
    QCOMPARE(bars->timeForX(100), qreal(T0 + 10000));
    QCOMPARE(bars->actionAt(50, 10), 11); // 5 s, lane 0
    QCOMPARE(bars->actionAt(550, 50), 12); // 55 s, lane 1
    QCOMPARE(bars->actionAt(550, 10), 0); // lane 0 has nothing at 55 s
    QCOMPARE(bars->actionAt(300, 50), 0);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(bars->visibleBars(), 2);
    bars->setViewStart(qreal(T0 + 20000)); // the first bar scrolls out of view
    QTRY_COMPARE(bars->visibleBars(), 1);
}

// The QML view: the first data sets the range; zoom keeps the moment under the pointer; "Now" brings now into
// view; maintenance windows are shaded where they fall; source updates keep the zoom.
void TestTimelineModel::qmlViewZoomPanAndWindows()
{
    QStandardItemModel *source = spanModel(this);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    addSpan(source, 1, 1, u"finished"_s, now - 3600000, now - 3500000, now - 1800000);
    addSpan(source, 2, 2, u"running"_s, now - 3600000, now - 1700000, -1);
    QQuickView view;
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1000, 400);
    QQmlComponent component(view.engine());
    component.loadFromModule("Flotilla.Timeline", "RolloutTimeline");
    QObject *root = component.createWithInitialProperties(
        { { u"spans"_s, QVariant::fromValue<QObject *>(source) },
          { u"windows"_s,
            QVariantList {
                QVariantMap { { u"startMs"_s, double(now - 3000000) }, { u"endMs"_s, double(now - 2400000) } } } } });
    QVERIFY2(root, qPrintable(component.errorString()));
    view.setContent(QUrl(), &component, root);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(root->property("viewInitialised").toBool());
    const double start = root->property("viewStart").toDouble();
    const double end = root->property("viewEnd").toDouble();
    QVERIFY(start <= double(now - 3600000) && end >= double(now));
    // The window's shade lies between the x of its start and end.
    QList<QQuickItem *> shades;
    itemsNamed(qobject_cast<QQuickItem *>(root), u"maintenanceWindowShade"_s, shades);
    QCOMPARE(shades.size(), 1);
    QVERIFY(shades.first()->width() > 10);
    // Zoom in around the middle: half the span, the middle stays.
    auto *bars = root->findChild<TimelineBars *>(u"timelineBars"_s);
    QVERIFY(bars);
    const double middle = bars->timeForX(bars->width() / 2);
    QVERIFY(QMetaObject::invokeMethod(root, "zoomAround", Q_ARG(QVariant, bars->width() / 2), Q_ARG(QVariant, 0.5)));
    const double zoomedSpan = root->property("viewEnd").toDouble() - root->property("viewStart").toDouble();
    QVERIFY(qAbs(zoomedSpan - (end - start) / 2) < 1);
    QVERIFY(qAbs(bars->timeForX(bars->width() / 2) - middle) < 1000);
    // Live data does not move the view.
    const double zoomedStart = root->property("viewStart").toDouble();
    source->item(1)->setData(u"finished"_s, Status);
    source->item(1)->setData(now, End);
    QTRY_COMPARE(root->property("model").value<TimelineModel *>()->bars().at(1).status, u"finished"_s);
    QCOMPARE(root->property("viewStart").toDouble(), zoomedStart);
    // Pan far away, then "Now" brings the present back into view.
    root->setProperty("viewStart", zoomedStart - 86400000.0);
    root->setProperty("viewEnd", zoomedStart - 86400000.0 + zoomedSpan);
    QVERIFY(QMetaObject::invokeMethod(root, "jumpToNow"));
    QVERIFY(root->property("viewStart").toDouble() < double(QDateTime::currentMSecsSinceEpoch()));
    QVERIFY(root->property("viewEnd").toDouble() > double(QDateTime::currentMSecsSinceEpoch()));
}

QTEST_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
