// The Overview page against an embedded server holding a fleet whose numbers are known (tests/common/
// overviewfleet.h: overdue, never-seen, failed and consent-waiting devices): the numbers, the top errors, a
// rollout's next step, updates through the event stream, and every number leading to the Targets page with the
// filter of exactly what it counts. Screenshots in light and dark palettes.
#include "app/console/mainwindow.h"
#include "app/console/models/errorsummarymodel.h"
#include "app/console/models/rolloutsinflightmodel.h"
#include "app/console/models/targettablemodel.h"
#include "app/console/pages/consentpage.h"
#include "app/console/pages/fleetchart.h"
#include "app/console/pages/overviewpage.h"
#include "app/console/pages/targetspage.h"
#include "app/console/pagestack.h"
#include "tests/app/consolefixture.h"
#include "tests/common/overviewfleet.h"
#include "tests/common/screenshotdir.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;
namespace Fleet = FlotillaTest::OverviewFleet;

class TestOverviewPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void opensOnTheOverviewWithTheServersNumbers();
    void topErrorsAndConsent();
    void numbersLeadToTheirTargets_data();
    void numbersLeadToTheirTargets();
    void errorRowAndChartSliceLeadToTheirTargets();
    void updatesThroughEvents();
    void screenshots();

private:
    std::unique_ptr<EmbeddedServer> m_server;
    std::unique_ptr<MainWindow> m_window;
    OverviewPage *m_overview = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_testers[2];
};

void TestOverviewPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<EmbeddedServer>();
    QVERIFY(Fleet::seedStore(m_server->dir.filePath(u"flotilla.db"_s)));
    QVERIFY(m_server->start());
    const qint64 set = m_server->createSet();
    QVERIFY(set > 0);
    QVERIFY(Fleet::goLive(*m_server->api, m_server->url + u"/DEFAULT/controller/v1/"_s, set));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_overview = m_window->overviewPage();
    m_testers[0] = std::make_unique<QAbstractItemModelTester>(m_overview->rollouts(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_testers[1] = std::make_unique<QAbstractItemModelTester>(m_overview->errors(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestOverviewPage::cleanupTestCase()
{
    for (auto &t : m_testers)
        t.reset();
    m_window.reset();
    m_server.reset();
}

// A server with targets opens on the Overview, and its numbers are the server's.
void TestOverviewPage::opensOnTheOverviewWithTheServersNumbers()
{
    QCOMPARE(m_window->pages()->currentIndex(), 0); // Welcome until connected
    QSignalSpy loaded(m_overview, &OverviewPage::loaded);
    m_window->connectToServer(m_server->login());
    QVERIFY(loaded.wait(10000));
    QCOMPARE(m_window->pages()->currentPage(), m_overview);
    QCOMPARE(m_overview->count(u"total"_s), Fleet::Total);
    QCOMPARE(m_overview->count(u"registered"_s), Fleet::Registered);
    QCOMPARE(m_overview->count(u"unknown"_s), Fleet::Unknown);
    QCOMPARE(m_overview->count(u"in_sync"_s), Fleet::InSync);
    QCOMPARE(m_overview->count(u"error"_s), Fleet::Error);
    QCOMPARE(m_overview->count(u"pending"_s), Fleet::Pending);
    QCOMPARE(m_overview->count(u"overdue"_s), Fleet::Overdue);
    QCOMPARE(m_overview->count(u"neverSeen"_s), Fleet::NeverSeen);
    QCOMPARE(m_overview->fleetChart()->countOf(u"error"_s), Fleet::Error);
    // The button says the number and is named for a screen reader.
    QPushButton *error = m_overview->button(u"error"_s);
    QVERIFY(error->text().startsWith(u"3"_s));
    QVERIFY(error->accessibleName().contains(u"3"_s));
    QVERIFY(error->isEnabled());
    QVERIFY(!m_overview->button(u"in_sync"_s)->accessibleName().isEmpty());
}

void TestOverviewPage::topErrorsAndConsent()
{
    ErrorSummaryModel *errors = m_overview->errors();
    QTRY_COMPARE(errors->rowCount(), 2);
    QCOMPARE(errors->index(0, ErrorSummaryModel::Message).data().toString(), u"Disk full"_s);
    QCOMPARE(errors->index(0, ErrorSummaryModel::Count).data().toString(), u"2"_s);
    QCOMPARE(errors->index(1, ErrorSummaryModel::Message).data().toString(), u"Checksum mismatch"_s);
    QCOMPARE(m_overview->count(u"consent"_s), Fleet::WaitingForConsent);
    // The consent card leads to the Consent page.
    QTest::mouseClick(m_overview->button(u"consent"_s), Qt::LeftButton);
    QCOMPARE(m_window->pages()->currentPage(), m_window->consentPage());
    m_window->pages()->setCurrentPage(m_overview);
}

void TestOverviewPage::numbersLeadToTheirTargets_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("targets");
    QTest::newRow("error") << u"error"_s << u"updateStatus==error"_s << Fleet::Error;
    QTest::newRow("registered") << u"registered"_s << u"updateStatus==registered"_s << Fleet::Registered;
    QTest::newRow("never seen") << u"neverSeen"_s << u"lastControllerRequestAt=is=null"_s << Fleet::NeverSeen;
    QTest::newRow("overdue") << u"overdue"_s << u"lastControllerRequestAt=lt="_s << Fleet::Overdue;
}

void TestOverviewPage::numbersLeadToTheirTargets()
{
    QFETCH(QString, key);
    QFETCH(QString, filter);
    QFETCH(int, targets);
    m_window->pages()->setCurrentPage(m_overview);
    QTest::mouseClick(m_overview->button(key), Qt::LeftButton);
    TargetsPage *page = m_window->targetsPage();
    QCOMPARE(m_window->pages()->currentPage(), page);
    QVERIFY2(page->filter().startsWith(filter), qPrintable(page->filter()));
    QTRY_COMPARE(page->model()->rowCount(), targets);
}

void TestOverviewPage::errorRowAndChartSliceLeadToTheirTargets()
{
    // Enter on the first error row: the two targets that reported "Disk full".
    m_window->pages()->setCurrentPage(m_overview);
    QTableView *view = m_overview->errorView();
    view->setFocus();
    view->setCurrentIndex(m_overview->errors()->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    TargetsPage *page = m_window->targetsPage();
    QCOMPARE(m_window->pages()->currentPage(), page);
    QCOMPARE(page->filter(), u"errorMessage==\"Disk full\""_s);
    QTRY_COMPARE(page->model()->rowCount(), 2);

    // A click on the chart's "unknown" slice.
    m_window->pages()->setCurrentPage(m_overview);
    auto *series = qobject_cast<QPieSeries *>(m_overview->fleetChart()->chart()->series().constFirst());
    QVERIFY(series);
    QPieSlice *unknown = nullptr;
    for (QPieSlice *s : series->slices()) {
        if (s->property("state").toString() == u"unknown"_s)
            unknown = s;
    }
    QVERIFY(unknown);
    QCOMPARE(unknown->value(), qreal(Fleet::Unknown));
    Q_EMIT unknown->clicked();
    QCOMPARE(m_window->pages()->currentPage(), page);
    QCOMPARE(page->filter(), u"updateStatus==unknown"_s);
    QTRY_COMPARE(page->model()->rowCount(), Fleet::Unknown);
}

// No polling: a device's first poll, a new failure and a rollout reach the cards through the event stream.
void TestOverviewPage::updatesThroughEvents()
{
    m_window->pages()->setCurrentPage(m_overview);
    QTRY_COMPARE(m_window->connection().events().state(), EventClient::State::Connected);
    // new-0 polls for the first time: one fewer never seen, one more registered.
    QCOMPARE(m_server->poll(u"new-0"_s).status, 200);
    QTRY_COMPARE(m_overview->count(u"neverSeen"_s), Fleet::NeverSeen - 1);
    QCOMPARE(m_overview->count(u"unknown"_s), Fleet::Unknown - 1);
    QCOMPARE(m_overview->count(u"registered"_s), Fleet::Registered + 1);

    // Another "Disk full": the count goes up; the fleet card sees a fourth error.
    QCOMPARE(
        m_server->api->post(u"/distributionsets/1/assignedTargets"_s, R"([{"id":"fresh-0","type":"forced"}])").status,
        200);
    QVERIFY(
        Fleet::fail(*m_server->api, m_server->url + u"/DEFAULT/controller/v1/"_s, u"fresh-0"_s, { u"Disk full"_s }));
    QTRY_COMPARE(m_overview->errors()->index(0, ErrorSummaryModel::Count).data().toString(), u"3"_s);
    QTRY_COMPARE(m_overview->count(u"error"_s), Fleet::Error + 1);

    // A rollout appears in flight with what it will do next.
    QCOMPARE(m_overview->rollouts()->rowCount(), 0);
    const HttpAnswer created = m_server->api->post(u"/rollouts"_s, R"({"name":"wave","distributionSetId":1,
        "targetFilterQuery":"controllerId==late-*","amountGroups":2,
        "successCondition":{"condition":"THRESHOLD","expression":"50"}})");
    QCOMPARE(created.status, 201);
    QTRY_COMPARE(m_overview->rollouts()->rowCount(), 1);
    QTRY_COMPARE(m_overview->rollouts()->index(0, RolloutsInFlightModel::Next).data().toString(),
                 RolloutsInFlightModel::describe(Mgmt::MgmtRolloutNextStep { u"waitForStart"_s, {}, {}, {}, {}, {} }));
    QCOMPARE(m_server->api->post(u"/rollouts/%1/start"_s.arg(created.json()["id"_L1].toInt()), {}).status, 204);
    QTRY_VERIFY2(m_overview->rollouts()->index(0, RolloutsInFlightModel::Next).data().toString().contains(u"50"_s),
                 qPrintable(m_overview->rollouts()->index(0, RolloutsInFlightModel::Next).data().toString()));
    const QVariantMap counts = m_overview->rollouts()
                                   ->index(0, RolloutsInFlightModel::Progress)
                                   .data(RolloutsInFlightModel::CountsRole)
                                   .toMap();
    QCOMPARE(counts.value(u"total"_s).toInt(), 2);
}

void TestOverviewPage::screenshots()
{
    m_window->pages()->setCurrentPage(m_overview);
    QTest::qWait(300);
    QVERIFY(m_window->grab().save(screenshotDir() + u"/console-overview.png"_s));
    const QPalette original = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QTest::qWait(300);
    QCOMPARE(m_overview->fleetChart()->chart()->backgroundBrush().color(), darkPalette().color(QPalette::Base));
    const QImage image = m_window->grab().toImage();
    // Most of the window is dark.
    const auto [light, samples] = lightSamples(image);
    QVERIFY2(light * 10 < samples, qPrintable(u"%1 of %2 samples are light"_s.arg(light).arg(samples)));
    QVERIFY(image.save(screenshotDir() + u"/console-overview-dark.png"_s));
    QApplication::setPalette(original);
}

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
