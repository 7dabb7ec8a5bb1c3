// The console's pages against an embedded server, driven like an operator: a module is created and an artifact
// uploaded on the Software page, a set composed, the set deployed to a target from the Targets page (the dialog
// says what will happen), and the action appears live in the target's details as a test device polls and
// reports. Every model the pages use is checked with QAbstractItemModelTester. Rollout buttons follow the state
// machine. A PNG per page goes to <build>/tests/screenshots (or FLOTILLA_SCREENSHOT_DIR). The operator's flow runs
// in stages (operatorFlow1... to 10) that report their failures separately.
#include "app/console/mainwindow.h"
#include "app/console/models/actionhistorymodel.h"
#include "app/console/models/actiontablemodel.h"
#include "app/console/models/auditmodel.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/models/rolloutgroupmodel.h"
#include "app/console/models/rolloutspanmodel.h"
#include "app/console/models/rollouttablemodel.h"
#include "app/console/models/softwaremodulemodel.h"
#include "app/console/models/targettablemodel.h"
#include "app/console/models/usermodel.h"
#include "app/console/pages/assignmentpreview.h"
#include "app/console/pages/deploydialog.h"
#include "app/console/pages/rolloutchart.h"
#include "app/console/pages/rolloutspage.h"
#include "app/console/pages/settingspage.h"
#include "app/console/pages/softwarepage.h"
#include "app/console/pages/targetspage.h"
#include "app/console/pages/userdialog.h"
#include "app/console/pagestack.h"
#include "app/console/serverconnection.h"
#include "app/console/statusstyle.h"
#include "qml/timeline/timelinemodel.h"
#include "tests/app/consolefixture.h"
#include "tests/common/screenshotdir.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QQuickItem>
#include <QQuickWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <cmath>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestConsolePages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { m_flow.reset(); }
    void assignmentPreview_data();
    void assignmentPreview();
    void rolloutCommandsFollowTheStateMachine_data();
    void rolloutCommandsFollowTheStateMachine();
    void operatorFlow1Connects();
    void operatorFlow2UploadsAnArtifact();
    void operatorFlow3CancelsAnUpload();
    void operatorFlow4ComposesASet();
    void operatorFlow5Deploys();
    void operatorFlow6DeviceReportsLive();
    void operatorFlow7FiltersTargets();
    void operatorFlow8RunsARollout();
    void operatorFlow9Timeline();
    void operatorFlow10Settings();
    void statusColoursReadOnBothPalettes_data();
    void statusColoursReadOnBothPalettes();
    void followsADarkPalette();
    void operatorsAreChangedAndDeleted();

private:
    void screenshot(MainWindow &window, QWidget *page, const QString &name);

    // What the operatorFlow stages share, from the first stage to the last.
    struct OperatorFlow
    {
        EmbeddedServer server; // declared first: the window goes before its server
        MainWindow window;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        QTemporaryDir files;
        qint64 moduleId = 0;
        ~OperatorFlow() { testers.clear(); }
    };
    std::unique_ptr<OperatorFlow> m_flow;
};

void TestConsolePages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConsolePages::assignmentPreview_data()
{
    QTest::addColumn<QList<QJsonObject>>("targets");
    QTest::addColumn<bool>("multi");
    QTest::addColumn<QList<int>>("expected"); // new, canceled, already
    const QJsonObject idle { { "updateStatus"_L1, u"in_sync"_s }, { "assignedDistributionSetId"_L1, 1 } };
    const QJsonObject pendingOther { { "updateStatus"_L1, u"pending"_s }, { "assignedDistributionSetId"_L1, 1 } };
    const QJsonObject runsIt { { "updateStatus"_L1, u"in_sync"_s }, { "assignedDistributionSetId"_L1, 7 } };
    const QJsonObject fresh { { "updateStatus"_L1, u"registered"_s } };
    QTest::newRow("mixed") << QList<QJsonObject> { idle, pendingOther, pendingOther, runsIt, fresh } << false
                           << QList<int> { 4, 2, 1 };
    QTest::newRow("multi-assignment cancels nothing")
        << QList<QJsonObject> { pendingOther, runsIt } << true << QList<int> { 2, 0, 0 };
    QTest::newRow("none") << QList<QJsonObject> {} << false << QList<int> { 0, 0, 0 };
}

void TestConsolePages::assignmentPreview()
{
    QFETCH(QList<QJsonObject>, targets);
    QFETCH(bool, multi);
    QFETCH(QList<int>, expected);
    QList<Mgmt::MgmtTarget> decoded;
    for (const QJsonObject &t : targets) {
        Mgmt::DecodeError error;
        const std::optional<Mgmt::MgmtTarget> target = Mgmt::MgmtTarget::fromJson(t, &error);
        QVERIFY2(target, qPrintable(error.message));
        decoded << *target;
    }
    const AssignmentPreview p = AssignmentPreview::of(decoded, 7, multi);
    QCOMPARE(p.newActions, expected[0]);
    QCOMPARE(p.openActionsCanceled, expected[1]);
    QCOMPARE(p.alreadyAssigned, expected[2]);
    QCOMPARE(p.targets, int(targets.size()));
    QVERIFY(!p.describe().isEmpty());
    if (expected[1])
        QVERIFY2(p.describe().contains(u"canceled"_s), qPrintable(p.describe()));
}

void TestConsolePages::rolloutCommandsFollowTheStateMachine_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("allowed");
    QTest::newRow("ready") << u"ready"_s << QStringList { u"start"_s, u"stop"_s };
    QTest::newRow("waiting_for_approval") << u"waiting_for_approval"_s << QStringList { u"approve"_s, u"deny"_s };
    QTest::newRow("running") << u"running"_s << QStringList { u"pause"_s, u"stop"_s };
    QTest::newRow("paused") << u"paused"_s << QStringList { u"resume"_s, u"stop"_s };
    QTest::newRow("starting") << u"starting"_s << QStringList { u"stop"_s };
    QTest::newRow("finished") << u"finished"_s << QStringList {};
    QTest::newRow("stopped") << u"stopped"_s << QStringList {};
    QTest::newRow("approval_denied") << u"approval_denied"_s << QStringList {};
}

void TestConsolePages::rolloutCommandsFollowTheStateMachine()
{
    QFETCH(QString, status);
    QFETCH(QStringList, allowed);
    QStringList got = RolloutsPage::allowedCommands(status);
    got.sort();
    allowed.sort();
    QCOMPARE(got, allowed);
}

void TestConsolePages::screenshot(MainWindow &window, QWidget *page, const QString &name)
{
    const QString dir = screenshotDir();
    window.pages()->setCurrentPage(page);
    QTest::qWait(300);
    QVERIFY(window.grab().save(dir + u"/console-"_s + name + u".png"_s));
}

// The operator's day, in stages that fail separately (each builds on the one before): the console connects
// to an embedded server with twelve targets; every model it shows is checked.
void TestConsolePages::operatorFlow1Connects()
{
    m_flow = std::make_unique<OperatorFlow>();
    QVERIFY(m_flow->server.start());
    QVERIFY(m_flow->server.createTargets(u"cam-"_s, 12));
    QCOMPARE(m_flow->server.poll(u"cam-003"_s).status, 200); // one device has been seen

    MainWindow &window = m_flow->window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TargetsPage *targets = window.targetsPage();
    SoftwarePage *software = window.softwarePage();
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        targets->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        targets->actions(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        targets->history(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        software->modules(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        window.distributionSets(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        window.rolloutsPage()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        window.rolloutsPage()->groups(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        window.settingsPage()->users(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        window.settingsPage()->audit(), QAbstractItemModelTester::FailureReportingMode::QtTest));
    m_flow->testers.push_back(std::make_unique<QAbstractItemModelTester>(
        window.rolloutsPage()->spans(), QAbstractItemModelTester::FailureReportingMode::QtTest));

    window.connectToServer(m_flow->server.login());
    QTRY_COMPARE(targets->model()->rowCount(), 12);
    QTRY_COMPARE(window.connection().events().state(), EventClient::State::Connected);
}

// Software: a module, an artifact through the page's upload; the tree reloads live.
void TestConsolePages::operatorFlow2UploadsAnArtifact()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // Software: a module (through the API, as the dialog would send it), an artifact through the page's upload.
    QCOMPARE(server.api->post(u"/softwaremoduletypes"_s, R"([{"key":"os","name":"OS"}])").status, 201);
    QCOMPARE(server.api->post(u"/softwaremodules"_s, R"([{"type":"os","name":"linux","version":"6.1"}])").status, 201);
    QTRY_COMPARE(software->modules()->rowCount(), 1);
    const QString image = m_flow->files.filePath(u"rootfs.img"_s);
    {
        QFile f(image);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3 * 1024 * 1024, 'x'));
    }
    software->moduleView()->setCurrentIndex(software->modules()->index(0, 0));
    software->upload({ image });
    QVERIFY(software->isUploading());
    QTRY_VERIFY_WITH_TIMEOUT(!software->isUploading(), 15000);
    const QModelIndex module = software->modules()->index(0, 0);
    m_flow->moduleId = module.data(SoftwareModuleModel::IdRole).toLongLong();
    QTRY_COMPARE(software->modules()->rowCount(module), 1); // live: artifact.uploaded reloads the tree
    const QModelIndex artifact = software->modules()->index(0, SoftwareModuleModel::Sha256, module);
    QCOMPARE(artifact.data().toString().size(), 64);
    QCOMPARE(software->modules()->index(0, 0, module).data().toString(), u"rootfs.img"_s);
}

// A canceled upload leaves nothing behind.
void TestConsolePages::operatorFlow3CancelsAnUpload()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // A canceled upload leaves nothing behind.
    const QString big = m_flow->files.filePath(u"big.img"_s);
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.resize(qint64(400) * 1024 * 1024);
    }
    software->upload({ big });
    QVERIFY(software->isUploading());
    software->cancelUpload();
    QTRY_VERIFY(!software->isUploading());
    QTest::qWait(300);
    QCOMPARE(software->modules()->rowCount(software->modules()->index(0, 0)), 1);
}

// A set from the module.
void TestConsolePages::operatorFlow4ComposesASet()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // A set from the module.
    QCOMPARE(
        server.api->post(u"/distributionsettypes"_s, R"([{"key":"fw","name":"FW","mandatorymodules":["os"]}])").status,
        201);
    const qint64 moduleId = m_flow->moduleId;
    QVERIFY(moduleId > 0);
    QCOMPARE(server.api
                 ->post(u"/distributionsets"_s,
                        "[{\"name\":\"camera\",\"version\":\"2.0\",\"type\":\"fw\",\"modules\":[{\"id\":"
                            + QByteArray::number(moduleId) + "}]}]")
                 .status,
             201);
    QTRY_COMPARE(window.distributionSets()->rowCount(), 1);
    screenshot(window, window.softwarePage(), u"software"_s);
}

// Targets: the deploy dialog says what will happen, then the action appears live.
void TestConsolePages::operatorFlow5Deploys()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // Targets: select cam-003 and deploy; the dialog says what will happen, then the action appears live.
    QTableView *view = targets->view();
    view->selectRow(3);
    QTRY_COMPARE(targets->selectedTargets().size(), 1);
    DeployDialog dialog(window.connection(), *window.distributionSets(), targets->selectedTargets(), false, &window);
    QCOMPARE(dialog.selectedSetId(), window.distributionSets()->rowObject(0).value("id"_L1).toInteger());
    QVERIFY2(dialog.previewText().contains(u"1"_s), qPrintable(dialog.previewText()));
    QSignalSpy assigned(&dialog, &DeployDialog::assigned);
    dialog.open();
    auto *assign = dialog.findChild<QPushButton *>(u"assignButton"_s);
    QVERIFY(assign);
    QVERIFY(!assign->isDefault()); // a stray Enter does not deploy
    QTest::mouseClick(assign, Qt::LeftButton);
    QVERIFY(assigned.wait(5000));
    QCOMPARE(assigned.first().at(0).toInt(), 1);
    QTRY_COMPARE(targets->actions()->rowCount(), 1);
    QTRY_COMPARE(targets->model()->index(3, 0).data(TargetTableModel::StatusRole).toString(), u"pending"_s);
}

// The device polls, fetches the deployment and reports: the history grows live.
void TestConsolePages::operatorFlow6DeviceReportsLive()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // The device polls, fetches the deployment and reports: the history grows live.
    targets->findChild<QTableView *>(u"actionView"_s)->selectRow(0);
    const qint64 actionId = targets->actions()->rowObject(0).value("id"_L1).toInteger();
    QTRY_VERIFY(targets->history()->rowCount() >= 1);
    auto device = server.ddi(u"cam-003"_s);
    QCOMPARE(device->get(QString()).status, 200);
    QCOMPARE(device->get(u"/deploymentBase/%1"_s.arg(actionId)).status, 200);
    QCOMPARE(device
                 ->post(u"/deploymentBase/%1/feedback"_s.arg(actionId),
                        R"({"status":{"execution":"proceeding","result":{"finished":"none"},"details":["flashing"]}})")
                 .status,
             200);
    QTRY_VERIFY(targets->history()->rowCount() >= 3);
    screenshot(window, window.targetsPage(), u"targets"_s);
    QCOMPARE(device
                 ->post(u"/deploymentBase/%1/feedback"_s.arg(actionId),
                        R"({"status":{"execution":"closed","result":{"finished":"success"}}})")
                 .status,
             200);
    QTRY_COMPARE(targets->model()->index(3, 0).data(TargetTableModel::StatusRole).toString(), u"in_sync"_s);
    QTRY_COMPARE(targets->actions()->index(0, ActionTableModel::Status).data().toString(), tr("Finished"));
}

// The filter box: a refused query shows the server's message under it.
void TestConsolePages::operatorFlow7FiltersTargets()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // The filter box: a refused query shows the server's message under it.
    auto *filter = targets->findChild<QLineEdit *>(u"targetFilter"_s);
    auto *filterError = targets->findChild<QLabel *>(u"filterError"_s);
    QTest::keyClicks(filter, u"colour==red"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(filterError->isVisible());
    QVERIFY2(filterError->text().contains(u"colour"_s), qPrintable(filterError->text()));
    filter->clear();
    QTest::keyClicks(filter, u"updateStatus==in_sync"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(!filterError->isVisible());
    QTRY_COMPARE(targets->model()->rowCount(), 1);
}

// Rollouts: buttons follow the state, groups and the chart show progress live.
void TestConsolePages::operatorFlow8RunsARollout()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // Rollouts: one over the other targets; its buttons follow its state; groups show progress.
    QCOMPARE(
        server.api
            ->post(u"/rollouts"_s, R"({"name":"cams","distributionSetId":1,"targetFilterQuery":"controllerId==cam-*",
                                            "amountGroups":2})")
            .status,
        201);
    RolloutsPage *rollouts = window.rolloutsPage();
    QTRY_COMPARE(rollouts->model()->rowCount(), 1);
    rollouts->view()->selectRow(0);
    QTRY_COMPARE(rollouts->groups()->rowCount(), 2);
    auto *start = rollouts->findChild<QPushButton *>(u"startButton"_s);
    auto *pause = rollouts->findChild<QPushButton *>(u"pauseButton"_s);
    QTRY_VERIFY(start->isEnabled());
    QVERIFY(!pause->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), 10000); // running now: the event changed the row
    QVERIFY(!start->isEnabled());
    // The chart of the rollout's progress: the first group runs; a device's success shows up live as finished.
    RolloutSpanModel *spans = rollouts->spans();
    QTRY_VERIFY(spans->rowCount() >= 10);
    int runningRow = -1;
    QTRY_VERIFY((runningRow =
                     [&] {
                         for (int r = 0; r < spans->rowCount(); ++r)
                             if (spans->index(r, 0).data(RolloutSpanModel::StartedRole).toLongLong() > 0)
                                 return r;
                         return -1;
                     }())
                >= 0);
    RolloutChart *chart = rollouts->chart();
    QTRY_VERIFY(!chart->runningPoints().isEmpty() && chart->runningPoints().last().y() >= 1);
    QCOMPARE(chart->finishedPoints().last().y(), 0.0);
    const QString runner = spans->index(runningRow, RolloutSpanModel::Target).data().toString();
    const qint64 runnerAction = spans->index(runningRow, 0).data(JsonListModel::IdRole).toLongLong();
    QCOMPARE(server.ddi(runner)
                 ->post(u"/deploymentBase/%1/feedback"_s.arg(runnerAction),
                        R"({"status":{"execution":"closed","result":{"finished":"success"}}})")
                 .status,
             200);
    QTRY_COMPARE(chart->finishedPoints().last().y(), 1.0);
    QTRY_COMPARE(spans->index(runningRow, RolloutSpanModel::Status).data(RolloutSpanModel::StatusRole).toString(),
                 u"finished"_s);
    screenshot(window, window.rolloutsPage(), u"rollouts"_s);
}

// The timeline (QML): a lane per group, a bar per action; live feedback changes bars, not the zoom.
void TestConsolePages::operatorFlow9Timeline()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    RolloutsPage *rollouts = window.rolloutsPage();
    RolloutSpanModel *spans = rollouts->spans();
    // The timeline (QML): a lane per group, a bar per action; live feedback changes bars, not the zoom.
    QQuickWidget *timelineWidget = rollouts->ensureTimeline();
    QQuickItem *timelineRoot = timelineWidget->rootObject();
    QVERIFY(timelineRoot);
    auto *timeline = timelineRoot->property("model").value<TimelineModel *>();
    QVERIFY(timeline);
    QAbstractItemModelTester t10(timeline, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(timeline->rowCount(), spans->rowCount());
    QTRY_COMPARE(timeline->laneCount(), 2);
    QTRY_VERIFY(timelineRoot->property("viewInitialised").toBool());
    const double viewStart = timelineRoot->property("viewStart").toDouble();
    const double viewEnd = timelineRoot->property("viewEnd").toDouble();
    const auto finishedBars = [timeline] {
        return std::count_if(timeline->bars().cbegin(), timeline->bars().cend(),
                             [](const TimelineModel::Bar &b) { return b.status == u"finished"_s; });
    };
    const qsizetype finishedBefore = finishedBars();
    int secondRow = -1;
    for (int r = 0; r < spans->rowCount(); ++r)
        if (spans->index(r, 0).data(RolloutSpanModel::StatusRole).toString() == u"running"_s)
            secondRow = r;
    QVERIFY(secondRow >= 0);
    const QString second = spans->index(secondRow, RolloutSpanModel::Target).data().toString();
    const qint64 secondAction = spans->index(secondRow, 0).data(JsonListModel::IdRole).toLongLong();
    QCOMPARE(server.ddi(second)
                 ->post(u"/deploymentBase/%1/feedback"_s.arg(secondAction),
                        R"({"status":{"execution":"closed","result":{"finished":"success"}}})")
                 .status,
             200);
    QTRY_COMPARE(finishedBars(), finishedBefore + 1);
    QCOMPARE(timelineRoot->property("viewStart").toDouble(), viewStart);
    QCOMPARE(timelineRoot->property("viewEnd").toDouble(), viewEnd);
    // A click on a bar (the signal the tap handler emits) shows that action's history as a track.
    QVERIFY(QMetaObject::invokeMethod(timelineRoot, "actionSelected", Q_ARG(double, double(secondAction))));
    QTRY_VERIFY(rollouts->trackHistory()->rowCount() >= 2);
    QCOMPARE(rollouts->trackHistory()->actionId(), secondAction);
    timelineRoot->setProperty("selectedAction", double(secondAction));
    rollouts->findChild<QTabWidget *>(u"rolloutViews"_s)->setCurrentIndex(1);
    screenshot(window, window.rolloutsPage(), u"rollouts-timeline"_s);
}

// Settings: the tenant configuration and the operators; the flow ends here.
void TestConsolePages::operatorFlow10Settings()
{
    QVERIFY2(m_flow, "an earlier stage failed");
    MainWindow &window = m_flow->window;
    [[maybe_unused]] EmbeddedServer &server = m_flow->server;
    [[maybe_unused]] TargetsPage *targets = window.targetsPage();
    [[maybe_unused]] SoftwarePage *software = window.softwarePage();
    // Settings: the tenant configuration and the operators.
    QTRY_VERIFY(window.settingsPage()->users()->rowCount() >= 1);
    screenshot(window, window.settingsPage(), u"settings"_s);

    // The audit trail: every change the stages above made through the console, newest first, with its details.
    SettingsPage *settings = window.settingsPage();
    window.pages()->setCurrentPage(settings);
    settings->showAudit();
    AuditModel *audit = settings->audit();
    QTRY_VERIFY(audit->rowCount() >= 4);
    QStringList changes;
    for (int row = 0; row < audit->rowCount(); ++row)
        changes << audit->index(row, AuditModel::Change).data().toString();
    QVERIFY2(changes.contains(u"POST /softwaremodules"_s), qPrintable(changes.join(u", "_s)));
    QVERIFY2(std::any_of(changes.cbegin(), changes.cend(),
                         [](const QString &c) { return c.startsWith(u"POST /rollouts"_s); }),
             qPrintable(changes.join(u", "_s)));
    const qint64 newest = audit->rowObject(0).value("id"_L1).toInteger();
    const qint64 oldest = audit->rowObject(audit->rowCount() - 1).value("id"_L1).toInteger();
    QVERIFY(newest > oldest);
    QCOMPARE(audit->index(0, AuditModel::Operator).data().toString(), u"console"_s);
    auto *view = settings->findChild<QTableView *>(u"auditView"_s);
    auto *detail = settings->findChild<QPlainTextEdit *>(u"auditDetail"_s);
    QVERIFY(view && detail);
    view->setCurrentIndex(audit->index(changes.indexOf(u"POST /softwaremodules"_s), 0));
    QVERIFY2(detail->toPlainText().contains(u"\"version\""_s), qPrintable(detail->toPlainText()));
    screenshot(window, settings, u"settings-audit"_s);
    // The filter is RSQL on the server.
    auto *filter = settings->findChild<QLineEdit *>(u"auditFilter"_s);
    QVERIFY(filter);
    filter->setText(u"path==/softwaremodules"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(audit->rowCount(), int(changes.count(u"POST /softwaremodules"_s)));
    screenshot(window, window.pages()->page(0), u"welcome"_s);
    m_flow.reset();
}

namespace {
// WCAG contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto lum = [](const QColor &c) {
        const auto ch = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
    };
    const double l1 = lum(a), l2 = lum(b);
    return (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05);
}
} // namespace

void TestConsolePages::statusColoursReadOnBothPalettes_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("target"); // a target's updateStatus, else an action's status
    for (const char *s : { "registered", "pending", "in_sync", "error", "unknown" })
        QTest::addRow("target %s", s) << QString::fromLatin1(s) << true;
    for (const char *s : { "scheduled", "wait_for_confirmation", "running", "canceling", "canceled", "finished",
                           "error", "warning", "downloaded" })
        QTest::addRow("action %s", s) << QString::fromLatin1(s) << false;
}

void TestConsolePages::statusColoursReadOnBothPalettes()
{
    QFETCH(QString, status);
    QFETCH(bool, target);
    const QPalette original = QApplication::palette();
    for (const QPalette &p : { QPalette(QColor(0xef, 0xf0, 0xf1)), darkPalette() }) {
        QApplication::setPalette(p);
        const QColor c = target ? StatusStyle::targetColor(status) : StatusStyle::actionColor(status);
        const double ratio = contrast(c, p.color(QPalette::Base));
        QVERIFY2(ratio >= 3.0,
                 qPrintable(u"%1 on %2: contrast %3"_s.arg(c.name(), p.color(QPalette::Base).name()).arg(ratio)));
    }
    QApplication::setPalette(original);
}

// With a dark system palette the pages, the chart included, draw dark: nothing keeps a light background.
void TestConsolePages::followsADarkPalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setPalette(darkPalette());
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.pages()->setCurrentPage(window.rolloutsPage());
        QTest::qWait(100);
        RolloutChart *chart = window.rolloutsPage()->chart();
        QCOMPARE(chart->chart()->backgroundBrush().color(), darkPalette().color(QPalette::Base));
        const QImage image = window.grab().toImage();
        // Most of the window is dark.
        const auto [light, samples] = lightSamples(image);
        QVERIFY2(light * 10 < samples, qPrintable(u"%1 of %2 samples are light"_s.arg(light).arg(samples)));
        QVERIFY(image.save(screenshotDir() + u"/console-rollouts-dark.png"_s));
    }
    QApplication::setPalette(original);
}

// Settings → Operators: change an operator's roles in the dialog, then delete it after the confirmation.
void TestConsolePages::operatorsAreChangedAndDeleted()
{
    EmbeddedServer server;
    QVERIFY(server.start());
    QCOMPARE(server.api->post(u"/users"_s, R"({"username":"alice","password":"alice-password-1","roles":["viewer"]})")
                 .status,
             201);
    MainWindow window;
    window.show();
    window.connectToServer(server.login());
    SettingsPage *settings = window.settingsPage();
    window.pages()->setCurrentPage(window.settingsPage());
    auto *view = settings->findChild<QTableView *>(u"userView"_s);
    QTRY_COMPARE(settings->users()->rowCount(), 2);
    int row = -1;
    for (int r = 0; r < settings->users()->rowCount(); ++r)
        if (settings->users()->index(r, UserModel::Name).data().toString() == u"alice"_s)
            row = r;
    QVERIFY(row >= 0);
    view->selectRow(row);
    auto *edit = settings->findChild<QPushButton *>(u"editUserButton"_s);
    QVERIFY(edit->isEnabled());

    bool sawDialog = false;
    QTimer::singleShot(0, this, [&sawDialog] {
        auto *dialog = qobject_cast<UserDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        QVERIFY(dialog->findChild<QLineEdit *>(u"userName"_s)->isReadOnly()); // the name stays
        QVERIFY(dialog->findChild<QCheckBox *>(u"viewerRole"_s)->isChecked()); // the roles it has now
        dialog->findChild<QCheckBox *>(u"viewerRole"_s)->setChecked(false);
        dialog->findChild<QCheckBox *>(u"approverRole"_s)->setChecked(true);
        QVERIFY(!dialog->body().contains("password"_L1)); // empty: unchanged
        dialog->accept();
    });
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY(sawDialog);
    QTRY_COMPARE(settings->users()->index(row, UserModel::Roles).data().toString(), u"approver"_s);

    // Delete asks first; Cancel is the default. The destructive button names the operator.
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        for (QAbstractButton *b : box->buttons())
            if (b->text().contains(u"alice"_s))
                b->click();
    });
    QTest::mouseClick(settings->findChild<QPushButton *>(u"deleteUserButton"_s), Qt::LeftButton);
    QTRY_COMPARE(settings->users()->rowCount(), 1);
    QCOMPARE(server.api->get(u"/users"_s).json()["content"_L1].toArray().size(), 1);
}

QTEST_MAIN(TestConsolePages)
#include "tst_consolepages.moc"
