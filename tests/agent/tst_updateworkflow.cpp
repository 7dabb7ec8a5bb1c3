// The update workflow after Azure Device Update's goal-state workflow (ADU's workflowHandlerMap in agent_workflow.c)
// and its reboot and resume rules: every transition of the table is a row, plus resuming, waiting for a window,
// cancel and restarts.
#include "agent/workflow/updateworkflow.h"
#include "tests/agent/fakestephandler.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Flotilla::Agent;
using namespace Qt::StringLiterals;
using Phase = UpdateWorkflow::Phase;

namespace QTest {
template<> char *toString(const Phase &p)
{
    return qstrdup(qPrintable(UpdateWorkflow::nameOf(p)));
}
} // namespace QTest

class TestUpdateWorkflow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void transitions_data();
    void transitions();
    void chunksRunInOrderAndRestoreBackwards();
    void waitsForWindowThenInstalls();
    void downloadOnlyEndsDownloaded();
    void cancel_data();
    void cancel();
    void cancelDuringBackupAsksTheHandler();
    void restartRequests_data();
    void restartRequests();
    void resume_data();
    void resume();
    void healthCheckDecidesSuccess_data();
    void healthCheckDecidesSuccess();
    void noHandlerFailsAtOnce();
    void phasesRoundTripTheirNames();

private:
    UpdateWorkflow::Job job(int chunks = 1) const;
    QList<Phase> runToEnd(UpdateWorkflow &w, bool downloadOk = true);

    std::unique_ptr<FakeStepHandler> m_handler;
};

void TestUpdateWorkflow::init()
{
    m_handler = std::make_unique<FakeStepHandler>();
}

UpdateWorkflow::Job TestUpdateWorkflow::job(int chunks) const
{
    UpdateWorkflow::Job j;
    j.actionId = u"7"_s;
    for (int i = 0; i < chunks; ++i) {
        WorkItem item;
        item.actionId = j.actionId;
        item.index = i;
        item.chunk.part = u"os"_s;
        item.chunk.name = u"fw"_s;
        item.chunk.version = u"1.%1"_s.arg(i);
        j.items.append(item);
    }
    return j;
}

// Runs the workflow until it ends or waits for a restart, answering its download request; the phases entered.
QList<Phase> TestUpdateWorkflow::runToEnd(UpdateWorkflow &w, bool downloadOk)
{
    QList<Phase> phases;
    QObject context;
    bool done = false;
    QObject::connect(&w, &UpdateWorkflow::phaseChanged, &context, [&phases](Phase p) {
        if (phases.isEmpty() || phases.constLast() != p)
            phases << p;
    });
    QObject::connect(&w, &UpdateWorkflow::downloadRequested, &context, [&w, downloadOk] {
        QTimer::singleShot(0, &w, [&w, downloadOk] {
            w.downloadFinished(downloadOk ? StepResult::success() : StepResult::failure(u"sha256 mismatch"_s));
        });
    });
    QObject::connect(&w, &UpdateWorkflow::ended, &context, [&done] { done = true; });
    QObject::connect(&w, &UpdateWorkflow::restartRequested, &context, [&done] { done = true; });
    if (!QTest::qWaitFor([&done] { return done; }, 5000))
        qWarning("the workflow did not end within 5 s");
    return phases;
}

void TestUpdateWorkflow::transitions_data()
{
    QTest::addColumn<QList<Step>>("failing");
    QTest::addColumn<bool>("installedBefore");
    QTest::addColumn<bool>("downloadOk");
    QTest::addColumn<bool>("installMakesInstalled");
    QTest::addColumn<QList<Phase>>("phases");
    QTest::addColumn<QStringList>("calls");
    using P = Phase;
    const QStringList all { u"IsInstalled:0"_s, u"Download:0"_s, u"Backup:0"_s,
                            u"Install:0"_s,     u"Apply:0"_s,    u"IsInstalled:0"_s };
    QTest::newRow("Download, Backup, Install, Apply, Verify: Idle (success)")
        << QList<Step> {} << false << true << true
        << QList<P> { P::ProcessDeployment, P::Download, P::Backup, P::Install, P::Apply, P::Verify, P::Succeeded }
        << all;
    QTest::newRow("IsInstalled says installed: nothing runs")
        << QList<Step> {} << true << true << true << QList<P> { P::ProcessDeployment, P::Verify, P::Succeeded }
        << QStringList { u"IsInstalled:0"_s, u"IsInstalled:0"_s };
    QTest::newRow("Download failure: Failed (the agent's verification)")
        << QList<Step> {} << false << false << true << QList<P> { P::ProcessDeployment, P::Download, P::Failed }
        << QStringList { u"IsInstalled:0"_s };
    QTest::newRow("Download failure: Failed (the handler's check)")
        << QList<Step> { Step::Download } << false << true << true
        << QList<P> { P::ProcessDeployment, P::Download, P::Failed }
        << QStringList { u"IsInstalled:0"_s, u"Download:0"_s };
    QTest::newRow("Backup failure: Failed, nothing installed")
        << QList<Step> { Step::Backup } << false << true << true
        << QList<P> { P::ProcessDeployment, P::Download, P::Backup, P::Failed }
        << QStringList { u"IsInstalled:0"_s, u"Download:0"_s, u"Backup:0"_s };
    QTest::newRow("Install failure: Restore, Failed")
        << QList<Step> { Step::Install } << false << true << true
        << QList<P> { P::ProcessDeployment, P::Download, P::Backup, P::Install, P::Restore, P::Failed }
        << QStringList { u"IsInstalled:0"_s, u"Download:0"_s, u"Backup:0"_s, u"Install:0"_s, u"Restore:0"_s };
    QTest::newRow("Apply failure: Restore, Failed")
        << QList<Step> { Step::Apply } << false << true << true
        << QList<P> { P::ProcessDeployment, P::Download, P::Backup, P::Install, P::Apply, P::Restore, P::Failed }
        << QStringList { u"IsInstalled:0"_s, u"Download:0"_s, u"Backup:0"_s,
                         u"Install:0"_s,     u"Apply:0"_s,    u"Restore:0"_s };
    QTest::newRow("verification failure: Restore, Failed")
        << QList<Step> {} << false << true << false
        << QList<P> { P::ProcessDeployment, P::Download, P::Backup, P::Install, P::Apply, P::Verify,
                      P::Restore,           P::Failed }
        << (QStringList(all) << u"Restore:0"_s);
    QTest::newRow("Restore failure after Install failure: Failed")
        << QList<Step> { Step::Install, Step::Restore } << false << true << true
        << QList<P> { P::ProcessDeployment, P::Download, P::Backup, P::Install, P::Restore, P::Failed }
        << QStringList { u"IsInstalled:0"_s, u"Download:0"_s, u"Backup:0"_s, u"Install:0"_s, u"Restore:0"_s };
}

void TestUpdateWorkflow::transitions()
{
    QFETCH(QList<Step>, failing);
    QFETCH(bool, installedBefore);
    QFETCH(bool, downloadOk);
    QFETCH(bool, installMakesInstalled);
    QFETCH(QList<Phase>, phases);
    QFETCH(QStringList, calls);
    for (const Step step : failing)
        m_handler->results[step] = StepResult::failure(u"%1 broke"_s.arg(nameOf(step)), 42);
    m_handler->installed = installedBefore;
    m_handler->installMakesInstalled = installMakesInstalled;
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    w.start(job());
    QCOMPARE(runToEnd(w, downloadOk), phases);
    QCOMPARE(m_handler->calls, calls);
    const Phase end = phases.constLast();
    QCOMPARE(w.result().succeeded(), end == Phase::Succeeded);
    if (end == Phase::Failed) {
        // The original error is kept through Restore, with what Restore did.
        QVERIFY2(!w.result().message.isEmpty(), "a failure says why");
        if (!failing.isEmpty())
            QVERIFY2(w.result().message.contains(u"%1 broke"_s.arg(nameOf(failing.constFirst()))),
                     qPrintable(w.result().message));
        if (failing.contains(Step::Restore))
            QVERIFY2(w.result().message.contains(u"restore of"_s) && !w.result().message.contains(u"(restored)"_s),
                     qPrintable(w.result().message));
        else if (phases.contains(Phase::Restore))
            QVERIFY2(w.result().message.contains(u"(restored)"_s), qPrintable(w.result().message));
    }
}

void TestUpdateWorkflow::chunksRunInOrderAndRestoreBackwards()
{
    m_handler->results[Step::Apply] = StepResult::failure(u"no"_s);
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    w.start(job(3));
    runToEnd(w);
    QCOMPARE(m_handler->calls,
             (QStringList { u"IsInstalled:0"_s, u"Download:0"_s, u"Download:1"_s, u"Download:2"_s, u"Backup:0"_s,
                            u"Backup:1"_s, u"Backup:2"_s, u"Install:0"_s, u"Install:1"_s, u"Install:2"_s, u"Apply:0"_s,
                            u"Restore:2"_s, u"Restore:1"_s, u"Restore:0"_s }));
    QCOMPARE(w.phase(), Phase::Failed);
}

void TestUpdateWorkflow::waitsForWindowThenInstalls()
{
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    UpdateWorkflow::Job j = job();
    j.installAllowed = false;
    QSignalSpy phases(&w, &UpdateWorkflow::phaseChanged);
    QObject::connect(&w, &UpdateWorkflow::downloadRequested, &w, [&w] { w.downloadFinished(StepResult::success()); });
    w.start(j);
    QTRY_COMPARE(w.phase(), Phase::WaitForWindow);
    QTest::qWait(50);
    QCOMPARE(w.phase(), Phase::WaitForWindow);
    QVERIFY(!m_handler->calls.contains(u"Install:0"_s));
    w.setInstallAllowed(true);
    QTRY_COMPARE(w.phase(), Phase::Succeeded);
    QVERIFY(m_handler->calls.contains(u"Install:0"_s));
}

void TestUpdateWorkflow::downloadOnlyEndsDownloaded()
{
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    UpdateWorkflow::Job j = job();
    j.downloadOnly = true;
    j.installAllowed = false;
    w.start(j);
    QCOMPARE(runToEnd(w), (QList<Phase> { Phase::ProcessDeployment, Phase::Download, Phase::Downloaded }));
    QVERIFY(!m_handler->calls.contains(u"Install:0"_s));
    QVERIFY(w.result().succeeded());
}

void TestUpdateWorkflow::cancel_data()
{
    QTest::addColumn<Phase>("at");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("waiting for the download") << Phase::Download << true;
    QTest::newRow("waiting for the window") << Phase::WaitForWindow << true;
    QTest::newRow("installing") << Phase::Install << false;
    QTest::newRow("applying") << Phase::Apply << false;
}

void TestUpdateWorkflow::cancel()
{
    QFETCH(Phase, at);
    QFETCH(bool, accepted);
    UpdateWorkflow::Job j = job();
    j.installAllowed = at != Phase::WaitForWindow;
    if (at == Phase::Install || at == Phase::Apply) {
        m_handler->hold = true;
        m_handler->holdStep = at == Phase::Install ? Step::Install : Step::Apply;
    }
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    QSignalSpy ended(&w, &UpdateWorkflow::ended);
    bool downloadRequested = false;
    QObject::connect(&w, &UpdateWorkflow::downloadRequested, &w, [&w, &downloadRequested, at] {
        downloadRequested = true;
        if (at != Phase::Download)
            w.downloadFinished(StepResult::success());
    });
    w.start(j);
    QTRY_COMPARE(w.phase(), at);
    QCOMPARE(w.cancel(), accepted);
    if (accepted) {
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(w.phase(), Phase::Canceled);
        QVERIFY(!m_handler->calls.contains(u"Install:0"_s));
        // A download that ends after the cancel changes nothing.
        w.downloadFinished(StepResult::success());
        QTest::qWait(20);
        QCOMPARE(w.phase(), Phase::Canceled);
    } else {
        QTest::qWait(20);
        QCOMPARE(w.phase(), at);
        QVERIFY(ended.isEmpty());
    }
}

void TestUpdateWorkflow::cancelDuringBackupAsksTheHandler()
{
    m_handler->hold = true;
    m_handler->holdStep = Step::Backup;
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    QObject::connect(&w, &UpdateWorkflow::downloadRequested, &w, [&w] { w.downloadFinished(StepResult::success()); });
    w.start(job());
    QTRY_COMPARE(w.phase(), Phase::Backup);
    QTRY_VERIFY(m_handler->calls.contains(u"Backup:0"_s));
    QVERIFY(w.cancel());
    QTRY_COMPARE(w.phase(), Phase::Canceled);
    QVERIFY(!m_handler->calls.contains(u"Install:0"_s));
}

void TestUpdateWorkflow::restartRequests_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("restart");
    QTest::addColumn<int>("chunks");
    QTest::addColumn<Phase>("resumePhase");
    QTest::addColumn<int>("resumeItem");
    QTest::addColumn<QStringList>("lastCalls");
    using R = StepResult::Restart;
    QTest::newRow("Install asks for an immediate reboot (605): the other chunks after it")
        << int(Step::Install) << int(R::ImmediateReboot) << 2 << Phase::Install << 1 << QStringList { u"Install:0"_s };
    QTest::newRow("Install asks for a deferred reboot (606): the other chunks first")
        << int(Step::Install) << int(R::DeferredReboot) << 2 << Phase::Apply << 0
        << QStringList { u"Install:0"_s, u"Install:1"_s };
    QTest::newRow("Apply asks for an immediate agent restart (707)")
        << int(Step::Apply) << int(R::ImmediateAgentRestart) << 1 << Phase::Verify << 0 << QStringList { u"Apply:0"_s };
    QTest::newRow("Apply asks for a deferred agent restart (708)")
        << int(Step::Apply) << int(R::DeferredAgentRestart) << 2 << Phase::Verify << 0
        << QStringList { u"Apply:0"_s, u"Apply:1"_s };
}

void TestUpdateWorkflow::restartRequests()
{
    QFETCH(int, step);
    QFETCH(int, restart);
    QFETCH(int, chunks);
    QFETCH(Phase, resumePhase);
    QFETCH(int, resumeItem);
    QFETCH(QStringList, lastCalls);
    StepResult r = StepResult::success();
    r.restart = StepResult::Restart(restart);
    m_handler->results[Step(step)] = r;
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    QSignalSpy restarts(&w, &UpdateWorkflow::restartRequested);
    w.start(job(chunks));
    runToEnd(w);
    QCOMPARE(w.phase(), Phase::AwaitRestart);
    QCOMPARE(restarts.size(), 1);
    QCOMPARE(restarts.at(0).at(0).value<StepResult::Restart>(), StepResult::Restart(restart));
    QCOMPARE(w.resumeAfterRestart().phase, resumePhase);
    QCOMPARE(w.resumeAfterRestart().item, resumeItem);
    QCOMPARE(m_handler->calls.mid(m_handler->calls.size() - lastCalls.size()), lastCalls);
}

void TestUpdateWorkflow::resume_data()
{
    QTest::addColumn<Phase>("phase");
    QTest::addColumn<int>("item");
    QTest::addColumn<bool>("interrupted");
    QTest::addColumn<bool>("installed");
    QTest::addColumn<QStringList>("calls");
    QTest::addColumn<Phase>("end");
    QTest::newRow("after a crash in Install: IsInstalled, then Install again")
        << Phase::Install << 0 << false << false
        << QStringList { u"IsInstalled:0"_s, u"Install:0"_s, u"Apply:0"_s, u"IsInstalled:0"_s } << Phase::Succeeded;
    QTest::newRow("after a crash past Install: installed, nothing runs again")
        << Phase::Apply << 1 << false << true << QStringList { u"IsInstalled:0"_s, u"IsInstalled:0"_s }
        << Phase::Succeeded;
    QTest::newRow("at the second chunk of Install")
        << Phase::Install << 1 << false << false
        << QStringList { u"IsInstalled:0"_s, u"Install:1"_s, u"Apply:0"_s, u"IsInstalled:0"_s } << Phase::Succeeded;
    QTest::newRow("a reboot nobody asked for during Install: Restore, Failed")
        << Phase::Install << 0 << true << false << QStringList { u"Restore:0"_s } << Phase::Failed;
    QTest::newRow("after a reboot into Verify: isInstalled decides")
        << Phase::Verify << 0 << false << true << QStringList { u"IsInstalled:0"_s } << Phase::Succeeded;
    QTest::newRow("after a reboot into Verify, not installed: Restore")
        << Phase::Verify << 0 << false << false << QStringList { u"IsInstalled:0"_s, u"Restore:0"_s } << Phase::Failed;
    QTest::newRow("in Restore: Restore again, never IsInstalled")
        << Phase::Restore << 0 << false << true << QStringList { u"Restore:0"_s } << Phase::Failed;
    QTest::newRow("in Download: download again (the agent resumes the file)")
        << Phase::Download << 0 << false << false
        << QStringList { u"IsInstalled:0"_s, u"Download:0"_s, u"Backup:0"_s,
                         u"Install:0"_s,     u"Apply:0"_s,    u"IsInstalled:0"_s }
        << Phase::Succeeded;
}

void TestUpdateWorkflow::resume()
{
    QFETCH(Phase, phase);
    QFETCH(int, item);
    QFETCH(bool, interrupted);
    QFETCH(bool, installed);
    QFETCH(QStringList, calls);
    QFETCH(Phase, end);
    m_handler->installed = installed;
    m_handler->installMakesInstalled = true;
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, {}, 10);
    UpdateWorkflow::Resume r;
    r.phase = phase;
    r.item = item;
    r.interrupted = interrupted;
    if (phase == Phase::Restore)
        r.failure = StepResult::failure(u"Install of os broke"_s);
    // Verify after a reboot checks the handler only: the fake is installed exactly when the row says.
    if (phase == Phase::Verify)
        m_handler->installMakesInstalled = false;
    w.start(phase == Phase::Install && item == 1 ? job(2) : job(), r);
    runToEnd(w);
    QCOMPARE(w.phase(), end);
    QStringList expected = calls;
    if (phase == Phase::Install && item == 1) {
        // Two chunks: the first was done before the crash; Apply and Verify then cover both.
        expected = { u"IsInstalled:0"_s, u"Install:1"_s,     u"Apply:0"_s,
                     u"Apply:1"_s,       u"IsInstalled:0"_s, u"IsInstalled:1"_s };
    }
    QCOMPARE(m_handler->calls, expected);
    if (interrupted)
        QVERIFY2(w.result().message.contains(u"restarted during Install"_s), qPrintable(w.result().message));
    if (phase == Phase::Restore)
        QVERIFY2(w.result().message.contains(u"Install of os broke"_s), qPrintable(w.result().message));
}

void TestUpdateWorkflow::healthCheckDecidesSuccess_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<Phase>("end");
    QTest::newRow("healthy") << u"true"_s << Phase::Succeeded;
    QTest::newRow("unhealthy: Restore") << u"false"_s << Phase::Failed;
    QTest::newRow("no such command: Restore") << u"/nonexistent/health-check"_s << Phase::Failed;
}

void TestUpdateWorkflow::healthCheckDecidesSuccess()
{
    QFETCH(QString, command);
    QFETCH(Phase, end);
    UpdateWorkflow w([this](const QString &) { return m_handler.get(); }, command, 10);
    w.start(job());
    const QList<Phase> phases = runToEnd(w);
    QCOMPARE(w.phase(), end);
    if (end == Phase::Failed) {
        QVERIFY(phases.contains(Phase::Restore));
        QVERIFY2(w.result().message.contains(u"health check"_s), qPrintable(w.result().message));
    }
}

void TestUpdateWorkflow::noHandlerFailsAtOnce()
{
    UpdateWorkflow w([](const QString &) -> StepHandler * { return nullptr; }, {}, 10);
    w.start(job());
    QCOMPARE(runToEnd(w), (QList<Phase> { Phase::ProcessDeployment, Phase::Failed }));
    QVERIFY2(w.result().message.contains(u"handlers/os"_s), qPrintable(w.result().message));

    UpdateWorkflow empty([this](const QString &) { return m_handler.get(); }, {}, 10);
    empty.start(job(0));
    QCOMPARE(runToEnd(empty), (QList<Phase> { Phase::ProcessDeployment, Phase::Failed }));
}

void TestUpdateWorkflow::phasesRoundTripTheirNames()
{
    for (int p = int(Phase::ProcessDeployment); p <= int(Phase::Canceled); ++p)
        QCOMPARE(UpdateWorkflow::phaseFromName(UpdateWorkflow::nameOf(Phase(p))), std::optional<Phase>(Phase(p)));
    QVERIFY(!UpdateWorkflow::phaseFromName(u"Sleeping"_s));
}

QTEST_GUILESS_MAIN(TestUpdateWorkflow)
#include "tst_updateworkflow.moc"
