// The simulated step handler: the profile's times, its failure probability (deterministic per device and
// action), Verify after Install, and cancel.
#include "sim/simulatedstephandler.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Flotilla::Agent::Step;
using Flotilla::Agent::StepResult;
using Flotilla::Agent::WorkItem;
using Flotilla::Sim::DeviceProfile;
using Flotilla::Sim::SimulatedStepHandler;

Q_DECLARE_METATYPE(Flotilla::Agent::StepResult)

namespace {

WorkItem item(const QString &actionId, qint64 size = 0)
{
    WorkItem w;
    w.actionId = actionId;
    w.chunk.part = u"os"_s;
    w.chunk.name = u"fw"_s;
    w.chunk.version = u"2.0"_s;
    w.files.append({ u"fw.bin"_s, u"/nonexistent/fw.bin"_s, size, {} });
    return w;
}

StepResult run(SimulatedStepHandler &h, Step step, const WorkItem &w)
{
    QSignalSpy finished(&h, &Flotilla::Agent::StepHandler::finished);
    h.run(step, w);
    if (!finished.wait(10000))
        return StepResult::failure(u"no answer"_s);
    return finished.at(0).at(0).value<StepResult>();
}

} // namespace

class TestSimulatedStepHandler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<StepResult>(); }

    void failuresFollowTheProbability_data()
    {
        QTest::addColumn<double>("probability");
        QTest::newRow("never") << 0.0;
        QTest::newRow("one in ten") << 0.1;
        QTest::newRow("half") << 0.5;
        QTest::newRow("always") << 1.0;
    }
    void failuresFollowTheProbability()
    {
        QFETCH(double, probability);
        int failed = 0;
        const int devices = 20000;
        for (int n = 1; n <= devices; ++n)
            failed += SimulatedStepHandler::fails(7, n, u"42"_s, Step::Install, probability);
        // Binomial: within 4 standard deviations (at most 0.014 for 20,000 draws).
        QVERIFY2(std::abs(double(failed) / devices - probability) <= 0.015, qPrintable(QString::number(failed)));
    }

    void failuresAreTheSameOnEveryRun()
    {
        QList<bool> first;
        QList<bool> again;
        for (int n = 1; n <= 200; ++n) {
            first << SimulatedStepHandler::fails(3, n, u"17"_s, Step::Install, 0.3);
            again << SimulatedStepHandler::fails(3, n, u"17"_s, Step::Install, 0.3);
        }
        QCOMPARE(first, again);
        // ... and differ with the seed, the action and the step (not one coin for everything).
        QList<bool> otherSeed, otherAction, otherStep;
        for (int n = 1; n <= 200; ++n) {
            otherSeed << SimulatedStepHandler::fails(4, n, u"17"_s, Step::Install, 0.3);
            otherAction << SimulatedStepHandler::fails(3, n, u"18"_s, Step::Install, 0.3);
            otherStep << SimulatedStepHandler::fails(3, n, u"17"_s, Step::Apply, 0.3);
        }
        QVERIFY(first != otherSeed);
        QVERIFY(first != otherAction);
        QVERIFY(first != otherStep);
    }

    void takesTheProfilesTimeAndIsInstalledAfterwards()
    {
        DeviceProfile p;
        p.installSeconds = 0.3;
        p.bandwidthBytesPerSecond = 100 * 1024;
        SimulatedStepHandler h(p, 1, 1);
        const WorkItem w = item(u"5"_s, 20 * 1024);
        QCOMPARE(run(h, Step::IsInstalled, w).code, StepResult::Code::NotInstalled);
        QElapsedTimer t;
        t.start();
        QVERIFY(run(h, Step::Download, w).succeeded()); // 20 KiB at 100 KiB/s
        QVERIFY2(t.elapsed() >= 190, qPrintable(QString::number(t.elapsed())));
        t.restart();
        QVERIFY(run(h, Step::Install, w).succeeded());
        QVERIFY2(t.elapsed() >= 290, qPrintable(QString::number(t.elapsed())));
        QVERIFY(run(h, Step::Apply, w).succeeded());
        QCOMPARE(run(h, Step::IsInstalled, w).code, StepResult::Code::Installed);
    }

    void failsTheStepItsProfileFails()
    {
        DeviceProfile p;
        p.name = u"flaky"_s;
        p.installSeconds = 0;
        p.installFailure = 1.0;
        SimulatedStepHandler h(p, 1, 1);
        const WorkItem w = item(u"6"_s);
        QVERIFY(run(h, Step::Download, w).succeeded());
        const StepResult r = run(h, Step::Install, w);
        QCOMPARE(r.code, StepResult::Code::Failure);
        QVERIFY2(r.message.contains(u"simulated install failure (profile flaky)"_s), qPrintable(r.message));
        QCOMPARE(run(h, Step::IsInstalled, w).code, StepResult::Code::NotInstalled);
    }

    void cancelStopsTheRunningStep()
    {
        DeviceProfile p;
        p.installSeconds = 30;
        SimulatedStepHandler h(p, 1, 1);
        QSignalSpy finished(&h, &Flotilla::Agent::StepHandler::finished);
        h.run(Step::Install, item(u"7"_s));
        QVERIFY(h.cancel());
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.at(0).at(0).value<StepResult>().code, StepResult::Code::Cancelled);
        QVERIFY(!finished.wait(100)); // once
        QVERIFY(!h.cancel()); // nothing left to cancel
    }
};

QTEST_GUILESS_MAIN(TestSimulatedStepHandler)
#include "tst_simulatedstephandler.moc"
