// The Consent page against an embedded server with a test device that denies and then is confirmed for.
#include "app/console/mainwindow.h"
#include "app/console/models/actionhistorymodel.h"
#include "app/console/models/consentactionmodel.h"
#include "app/console/pages/consentpage.h"
#include "app/console/pages/decisiondialog.h"
#include "app/console/pagestack.h"
#include "tests/app/consolefixture.h"
#include "tests/common/screenshotdir.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestConsentPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void consentPage();
};

// The Consent page against an embedded server: a device denies (its action stays, the history says so), the
// operator confirms on its behalf with a remark, cancels another action, and turns a target's auto-confirm on
// (which confirms what waits) and off. Decisions never go through on Enter.
void TestConsentPage::consentPage()
{
    EmbeddedServer server;
    QVERIFY(server.start());
    QVERIFY(server.createTargets(u"cam-"_s, 3));
    QVERIFY(server.createTargets(u"door-"_s, 1));
    const qint64 set = server.createSet();
    QCOMPARE(server.api->put(u"/system/configs/user.confirmation.flow.enabled"_s, R"({"value":true})").status, 200);
    const HttpAnswer assigned = server.api->post(
        u"/distributionsets/%1/assignedTargets"_s.arg(set),
        R"([{"id":"cam-000","confirmationRequired":true},{"id":"cam-001","confirmationRequired":true},
            {"id":"cam-002","confirmationRequired":true},{"id":"door-000","confirmationRequired":true}])");
    QCOMPARE(assigned.json()["assigned"_L1].toInt(), 4);
    QHash<QString, qint64> actionOf;
    for (const QJsonValue &a : assigned.json()["assignedActions"_L1].toArray())
        actionOf.insert(server.api->get(u"/actions?q=id==%1"_s.arg(a["id"_L1].toInteger()))
                            .json()["content"_L1][0]["target"_L1]
                            .toString(),
                        a["id"_L1].toInteger());
    QCOMPARE(actionOf.size(), 4);

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    ConsentPage *page = window.consentPage();
    QAbstractItemModelTester t1(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(page->history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.connectToServer(server.login());
    window.pages()->setCurrentPage(window.consentPage());
    QTRY_COMPARE(page->model()->rowCount(), 4);
    QTRY_COMPARE(window.connection().events().state(), EventClient::State::Connected);

    // The filters: by target pattern.
    QTest::keyClicks(page->findChild<QLineEdit *>(u"consentTargetFilter"_s), u"cam-*"_s);
    QTRY_COMPARE(page->model()->rowCount(), 3);

    // A device denies: its action stays on the list; its history says the device denied it.
    const auto cam0 = server.ddi(u"cam-000"_s);
    QCOMPARE(cam0->post(u"/confirmationBase/%1/feedback"_s.arg(actionOf[u"cam-000"_s]),
                        R"({"confirmation":"denied","details":["user is busy"]})")
                 .status,
             200);
    const auto rowOf = [&](const QString &target) {
        for (int r = 0; r < page->model()->rowCount(); ++r)
            if (page->model()->index(r, 0).data(ConsentActionModel::ControllerIdRole).toString() == target)
                return r;
        return -1;
    };
    page->view()->selectRow(rowOf(u"cam-000"_s));
    QTRY_VERIFY(page->history()->rowCount() >= 2);
    bool sawDenial = false;
    QTRY_VERIFY([&] {
        for (int r = 0; r < page->history()->rowCount(); ++r)
            if (page->history()
                    ->index(r, ActionHistoryModel::Messages)
                    .data()
                    .toString()
                    .contains(u"Denied by the device"_s))
                sawDenial = true;
        return sawDenial;
    }());
    QCOMPARE(page->model()->rowCount(), 3); // denied: still waiting

    // Confirm on its behalf: Enter does not decide; the button with the remark does.
    auto *confirm = page->findChild<QPushButton *>(u"confirmButton"_s);
    QVERIFY(confirm->isEnabled());
    bool enterCanceled = false;
    QTimer::singleShot(0, this, [&enterCanceled] {
        auto *dialog = qobject_cast<DecisionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QTest::keyClick(dialog->findChild<QLineEdit *>(u"decisionRemark"_s), Qt::Key_Return);
        enterCanceled = !dialog->isVisible() && dialog->result() == QDialog::Rejected;
    });
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(enterCanceled);
    QCOMPARE(page->model()->rowCount(), 3);
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<DecisionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"decisionRemark"_s), u"called the site, go ahead"_s);
        QTest::mouseClick(dialog->deedButton(), Qt::LeftButton);
    });
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowCount(), 2);
    const QJsonArray history = server.api->get(u"/targets/cam-000/actions/%1/status"_s.arg(actionOf[u"cam-000"_s]))
                                   .json()["content"_L1]
                                   .toArray();
    const QString all = QString::fromUtf8(QJsonDocument(history).toJson());
    QVERIFY2(all.contains(u"called the site, go ahead"_s) && all.contains(u"on the device's behalf by console"_s),
             qPrintable(all));
    QCOMPARE(server.api->get(u"/targets/cam-000/actions/%1"_s.arg(actionOf[u"cam-000"_s]))
                 .json()["detailStatus"_L1]
                 .toString(),
             u"running"_s);

    // Cancel another: asks first (Cancel is the default), then the action leaves the list.
    page->view()->selectRow(rowOf(u"cam-001"_s));
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
    });
    QTest::mouseClick(page->findChild<QPushButton *>(u"cancelActionButton"_s), Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowCount(), 1);

    // Auto-confirm for cam-002: on (initiator, remark) confirms what waits; off again.
    page->view()->selectRow(rowOf(u"cam-002"_s));
    auto *autoConfirm = page->findChild<QPushButton *>(u"autoConfirmButton"_s);
    QTRY_VERIFY(autoConfirm->isEnabled());
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<DecisionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QCOMPARE(dialog->initiator(), u"console"_s); // the operator, changeable
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"decisionRemark"_s), u"lab device"_s);
        QTest::mouseClick(dialog->deedButton(), Qt::LeftButton);
    });
    QTest::mouseClick(autoConfirm, Qt::LeftButton);
    QTRY_COMPARE(page->model()->rowCount(), 0);
    const QJsonObject state = server.api->get(u"/targets/cam-002/autoConfirm"_s).json();
    QCOMPARE(state["active"_L1].toBool(), true);
    QCOMPARE(state["initiator"_L1].toString(), u"console"_s);
    QCOMPARE(state["remark"_L1].toString(), u"lab device"_s);
    // The door's action is still there without the filter; screenshot, then turn cam-002's auto-confirm off.
    page->findChild<QLineEdit *>(u"consentTargetFilter"_s)->clear();
    QTRY_COMPARE(page->model()->rowCount(), 1);
    page->view()->selectRow(0);
    QTRY_VERIFY(page->history()->rowCount() >= 1);
    QTest::qWait(200);
    QVERIFY(window.grab().save(screenshotDir() + u"/console-consent.png"_s));
    QCOMPARE(server.api->post(u"/targets/cam-002/autoConfirm/deactivate"_s, "{}").status, 204);
    QCOMPARE(server.api->get(u"/targets/cam-002/autoConfirm"_s).json()["active"_L1].toBool(), false);
}

QTEST_MAIN(TestConsentPage)
#include "tst_consentpage.moc"
