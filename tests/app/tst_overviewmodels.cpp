// The Overview's models and cards without a server: the Management API is FakeManagementApi (in memory, as the
// client's transport) and events are the ServerConnection's own signal. What each card shows from an answer, what
// the next-step sentences say, and that a burst of events costs one request per card.
#include "app/console/models/errorsummarymodel.h"
#include "app/console/models/rolloutsinflightmodel.h"
#include "app/console/pages/overviewpage.h"
#include "app/console/serverconnection.h"
#include "tests/common/fakemanagementapi.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestOverviewModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void errorsFromTheServersRanking();
    void rolloutsInFlight();
    void nextStepSentences_data();
    void nextStepSentences();
    void aBurstOfEventsCostsOneRequestPerCard();
    void countsTheConsoleCannotReadAreSaid();

private:
    void open() // as connectTo does, without an event stream
    {
        m_connection->api().setLogin({ QUrl(u"http://fake.invalid"_s), u"console"_s, u"pw"_s });
        Q_EMIT m_connection->serverChanged();
    }

    std::unique_ptr<ServerConnection> m_connection;
    std::unique_ptr<FakeManagementApi> m_api;
    int m_errorReports = 2;
};

void TestOverviewModels::init()
{
    m_connection = std::make_unique<ServerConnection>();
    m_api = std::make_unique<FakeManagementApi>();
    m_connection->api().setTransport(m_api.get());
    m_errorReports = 2;
    m_api->on("GET", u"/overview/errors"_s, [this](const QUrlQuery &query, const QByteArray &) {
        const QJsonArray content { QJsonObject { { "message"_L1, u"Disk full"_s },
                                                 { "count"_L1, m_errorReports },
                                                 { "targets"_L1, 2 },
                                                 { "filter"_L1, u"errorMessage==\"Disk full\""_s } },
                                   QJsonObject { { "message"_L1, u""_s },
                                                 { "count"_L1, 1 },
                                                 { "targets"_L1, 1 },
                                                 { "filter"_L1, u"errorMessage==\"\""_s } } };
        // The model asks for a day and at most ten.
        if (query.queryItemValue(u"hours"_s) != u"24"_s || query.queryItemValue(u"limit"_s) != u"10"_s)
            return FakeAnswer { 400, {} };
        return FakeAnswer { 200, QJsonDocument(QJsonObject { { "content"_L1, content }, { "total"_L1, 2 } }) };
    });
}

void TestOverviewModels::cleanup()
{
    m_connection.reset();
    m_api.reset();
}

void TestOverviewModels::errorsFromTheServersRanking()
{
    ErrorSummaryModel model(*m_connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ApiListModel::loaded);
    open();
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ErrorSummaryModel::Message).data().toString(), u"Disk full"_s);
    QCOMPARE(model.index(0, ErrorSummaryModel::Count).data().toString(), u"2"_s);
    QCOMPARE(model.index(0, 0).data(ErrorSummaryModel::FilterRole).toString(), u"errorMessage==\"Disk full\""_s);
    QVERIFY(!model.index(1, ErrorSummaryModel::Message).data().toString().isEmpty()); // "(no message)"

    // Only an action ending in error makes it ask again; then the new ranking updates the rows in place.
    const int asked = m_api->requestsTo(u"/overview/errors"_s);
    Q_EMIT m_connection->event(u"action.changed"_s, QJsonObject { { "status"_L1, u"running"_s } });
    QTest::qWait(1300);
    QCOMPARE(m_api->requestsTo(u"/overview/errors"_s), asked);
    m_errorReports = 3;
    Q_EMIT m_connection->event(u"action.changed"_s, QJsonObject { { "status"_L1, u"error"_s } });
    QVERIFY(loaded.wait());
    QCOMPARE(m_api->requestsTo(u"/overview/errors"_s), asked + 1);
    QCOMPARE(model.index(0, ErrorSummaryModel::Count).data().toString(), u"3"_s);
}

void TestOverviewModels::rolloutsInFlight()
{
    m_api->on("GET", u"/rollouts"_s, [](const QUrlQuery &query, const QByteArray &) {
        if (!query.queryItemValue(u"q"_s, QUrl::FullyDecoded).startsWith(u"status=in=(creating,"_s))
            return FakeAnswer { 400, {} };
        const QJsonObject rollout {
            { "id"_L1, 7 },
            { "name"_L1, u"wave"_s },
            { "totalTargets"_L1, 10 },
            { "totalTargetsPerStatus"_L1,
              QJsonObject { { "finished"_L1, 4 }, { "error"_L1, 1 }, { "running"_L1, 2 }, { "scheduled"_L1, 3 } } },
            { "nextStep"_L1,
              QJsonObject { { "kind"_L1, u"startGroup"_s },
                            { "group"_L1, u"eu"_s },
                            { "after"_L1, u"canary"_s },
                            { "threshold"_L1, 80 },
                            { "progress"_L1, 40 } } },
        };
        return FakeAnswer {
            200, QJsonDocument(QJsonObject { { "content"_L1, QJsonArray { rollout } }, { "total"_L1, 1 } })
        };
    });
    RolloutsInFlightModel model(*m_connection);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ApiListModel::loaded);
    open();
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 1);
    const QVariantMap counts
        = model.index(0, RolloutsInFlightModel::Progress).data(RolloutsInFlightModel::CountsRole).toMap();
    QCOMPARE(counts.value(u"total"_s).toInt(), 10);
    QCOMPARE(counts.value(u"finished"_s).toInt(), 4);
    QCOMPARE(counts.value(u"running"_s).toInt(), 5); // scheduled ones are still open
    QVERIFY(model.index(0, RolloutsInFlightModel::Next).data().toString().contains(u"“canary”"_s));
}

void TestOverviewModels::nextStepSentences_data()
{
    QTest::addColumn<QJsonObject>("step");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("start group") << QJsonObject { { "kind"_L1, u"startGroup"_s },
                                                  { "group"_L1, u"eu"_s },
                                                  { "after"_L1, u"canary"_s },
                                                  { "threshold"_L1, 80 },
                                                  { "progress"_L1, 40 } }
                                 << QStringList { u"eu"_s, u"canary"_s, u"80"_s, u"40"_s };
    QTest::newRow("paused on error") << QJsonObject {
        { "kind"_L1, u"pausedOnError"_s }, { "group"_L1, u"canary"_s }, { "threshold"_L1, 20 }, { "progress"_L1, 35 }
    } << QStringList { u"canary"_s, u"35"_s, u"20"_s };
    QTest::newRow("paused on success") << QJsonObject {
        { "kind"_L1, u"pausedOnSuccess"_s }, { "group"_L1, u"eu"_s }, { "after"_L1, u"canary"_s }
    } << QStringList { u"eu"_s, u"canary"_s };
    QTest::newRow("approval") << QJsonObject { { "kind"_L1, u"waitForApproval"_s } } << QStringList { u"approval"_s };
    QTest::newRow("finishing") << QJsonObject { { "kind"_L1, u"finishGroups"_s }, { "group"_L1, u"last"_s } }
                               << QStringList { u"last"_s };
    QTest::newRow("dynamic") << QJsonObject { { "kind"_L1, u"waitForTargets"_s } } << QStringList { u"dynamic"_s };
}

void TestOverviewModels::nextStepSentences()
{
    QFETCH(QJsonObject, step);
    QFETCH(QStringList, mentions);
    Mgmt::DecodeError error;
    const std::optional<Mgmt::MgmtRolloutNextStep> decoded = Mgmt::MgmtRolloutNextStep::fromJson(step, &error);
    QVERIFY2(decoded, qPrintable(error.message));
    const QString sentence = RolloutsInFlightModel::describe(*decoded);
    for (const QString &m : mentions)
        QVERIFY2(sentence.contains(m), qPrintable(sentence + u" lacks "_s + m));
    // Every kind has its own sentence, not the fallback.
    Mgmt::MgmtRolloutNextStep none;
    none.kind = u"none"_s;
    QVERIFY(sentence != RolloutsInFlightModel::describe(none));
}

void TestOverviewModels::aBurstOfEventsCostsOneRequestPerCard()
{
    int overdue = 2;
    m_api->on("GET", u"/overview/targets"_s, [&overdue](const QUrlQuery &, const QByteArray &) {
        const QJsonObject byStatus {
            { "in_sync"_L1, 5 }, { "pending"_L1, 1 }, { "error"_L1, 2 }, { "registered"_L1, 3 }, { "unknown"_L1, 0 }
        };
        QJsonObject filters;
        for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
            filters.insert(it.key(), QString(u"updateStatus=="_s + it.key()));
        filters.insert("overdue"_L1, u"lastControllerRequestAt=lt=1"_s);
        filters.insert("neverSeen"_L1, u"lastControllerRequestAt=is=null"_s);
        return FakeAnswer { 200,
                            QJsonDocument(QJsonObject { { "total"_L1, 11 },
                                                        { "updateStatus"_L1, byStatus },
                                                        { "overdue"_L1, overdue },
                                                        { "neverSeen"_L1, 0 },
                                                        { "filters"_L1, filters } }) };
    });
    m_api->on("GET", u"/actions"_s, [](const QUrlQuery &query, const QByteArray &) {
        const int waiting = query.queryItemValue(u"q"_s) == u"status==wait_for_confirmation"_s ? 4 : -1;
        return FakeAnswer { 200,
                            QJsonDocument(QJsonObject { { "content"_L1, QJsonArray {} }, { "total"_L1, waiting } }) };
    });
    m_api->on("GET", u"/rollouts"_s, [](const QUrlQuery &, const QByteArray &) {
        return FakeAnswer { 200, QJsonDocument(QJsonObject { { "content"_L1, QJsonArray {} }, { "total"_L1, 0 } }) };
    });
    OverviewPage page(*m_connection);
    page.show(); // a hidden page counts the fleet once it is shown (below)
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy loaded(&page, &OverviewPage::loaded);
    open();
    QVERIFY(loaded.wait());
    QCOMPARE(page.count(u"total"_s), 11);
    QCOMPARE(page.count(u"overdue"_s), 2);
    QCOMPARE(page.count(u"consent"_s), 4);
    QVERIFY(!page.button(u"unknown"_s)->isEnabled()); // nothing to list
    QVERIFY(page.button(u"error"_s)->isEnabled());
    QSignalSpy filter(&page, &OverviewPage::targetsFilterRequested);
    page.button(u"overdue"_s)->click();
    QCOMPARE(filter.takeFirst().at(0).toString(), u"lastControllerRequestAt=lt=1"_s);

    // 200 target and action events in a burst: one more request for the fleet card, one for consent.
    const int fleetAsked = m_api->requestsTo(u"/overview/targets"_s);
    const int consentAsked = m_api->requestsTo(u"/actions"_s);
    overdue = 1;
    QSignalSpy fleet(&page, &OverviewPage::fleetLoaded);
    for (int i = 0; i < 100; ++i) {
        Q_EMIT m_connection->event(u"target.polled"_s, QJsonObject { { "id"_L1, i } });
        Q_EMIT m_connection->event(u"action.changed"_s, QJsonObject { { "id"_L1, i }, { "status"_L1, u"running"_s } });
    }
    QVERIFY(fleet.wait());
    QTest::qWait(1200);
    QCOMPARE(m_api->requestsTo(u"/overview/targets"_s), fleetAsked + 1);
    QCOMPARE(m_api->requestsTo(u"/actions"_s), consentAsked + 1);
    QCOMPARE(page.count(u"overdue"_s), 1);

    // Hidden (another page is open), the page does not ask for fleet-wide counts as targets change (on a live
    // fleet of 100,000 that was one aggregate over all of them a second, and a chart redrawn on the GUI thread,
    // for a page nobody looked at); shown again, it asks once.
    page.hide();
    overdue = 0;
    for (int i = 0; i < 100; ++i)
        Q_EMIT m_connection->event(u"target.polled"_s, QJsonObject { { "id"_L1, i } });
    QTest::qWait(1200);
    QCOMPARE(m_api->requestsTo(u"/overview/targets"_s), fleetAsked + 1);
    page.show();
    QVERIFY(fleet.wait());
    QCOMPARE(m_api->requestsTo(u"/overview/targets"_s), fleetAsked + 2);
    QCOMPARE(page.count(u"overdue"_s), 0);
}

// An answer of the wrong shape is said on the page, never shown as zeros (proto/mgmt/mgmtoverview.h).
void TestOverviewModels::countsTheConsoleCannotReadAreSaid()
{
    m_api->on("GET", u"/overview/targets"_s, [](const QUrlQuery &, const QByteArray &) {
        return FakeAnswer { 200, QJsonDocument(QJsonObject { { "total"_L1, 11 }, { "overdue"_L1, u"two"_s } }) };
    });
    m_api->on("GET", u"/actions"_s, [](const QUrlQuery &, const QByteArray &) {
        return FakeAnswer { 200, QJsonDocument(QJsonObject { { "content"_L1, QJsonArray {} }, { "total"_L1, 0 } }) };
    });
    m_api->on("GET", u"/rollouts"_s, [](const QUrlQuery &, const QByteArray &) {
        return FakeAnswer { 200, QJsonDocument(QJsonObject { { "content"_L1, QJsonArray {} }, { "total"_L1, 0 } }) };
    });
    m_api->on("GET", u"/overview/errors"_s, [](const QUrlQuery &, const QByteArray &) {
        const QJsonArray content { QJsonObject { { "message"_L1, u"Disk full"_s }, { "count"_L1, u"many"_s } } };
        return FakeAnswer { 200, QJsonDocument(QJsonObject { { "content"_L1, content }, { "total"_L1, 1 } }) };
    });
    OverviewPage page(*m_connection);
    QSignalSpy loaded(&page, &OverviewPage::loaded);
    QSignalSpy fleetLoaded(&page, &OverviewPage::fleetLoaded);
    open();
    QVERIFY(loaded.wait());
    QCOMPARE(fleetLoaded.count(), 0);
    QCOMPARE(page.count(u"total"_s), -1); // never set
    const QString hint = page.findChild<QLabel *>(u"overdueHint"_s)->text();
    QVERIFY2(hint.contains(u"overdue must be a whole number"_s), qPrintable(hint));
    const QLabel *errorsFailure = page.findChild<QLabel *>(u"topErrorsFailure"_s);
    QVERIFY(!errorsFailure->isHidden());
    QVERIFY2(errorsFailure->text().contains(u"count must be a whole number"_s), qPrintable(errorsFailure->text()));
    QVERIFY(page.findChild<QLabel *>(u"rolloutsInFlightFailure"_s)->isHidden());

    ErrorSummaryModel errors(*m_connection);
    QSignalSpy failed(&errors, &ApiListModel::loadFailed);
    errors.reload();
    QVERIFY(failed.wait());
    QVERIFY2(failed.first().at(0).toString().contains(u"count must be a whole number"_s),
             qPrintable(failed.first().at(0).toString()));
    QCOMPARE(errors.rowCount(), 0);
}

QTEST_MAIN(TestOverviewModels)
#include "tst_overviewmodels.moc"
