// Rollout and rollout-group state machines: every allowed transition and every refused (state, event) pair;
// thresholds; splitting targets into groups.
#include "engine/rolloutstatemachine.h"

#include "tests/common/flotillatest.h"

#include <QTest>

using namespace Flotilla;
using S = RolloutState;
using E = RolloutEvent;
using GS = RolloutGroupState;
using GE = RolloutGroupEvent;

namespace {

struct Row
{
    const char *name;
    S from;
    E event;
    S to;
};

// clang-format off
const Row rolloutRows[] = {
    {"created without approval: READY", S::Creating, E::Created, S::Ready},
    {"approval enabled: WAITING_FOR_APPROVAL", S::Creating, E::CreatedNeedsApproval, S::WaitingForApproval},
    {"approved: READY", S::WaitingForApproval, E::Approve, S::Ready},
    {"denied: APPROVAL_DENIED", S::WaitingForApproval, E::Deny, S::ApprovalDenied},
    {"start now or at its time: STARTING", S::Ready, E::Start, S::Starting},
    {"groups scheduled, first group running: RUNNING", S::Starting, E::GroupsScheduled, S::Running},
    {"operator pauses", S::Running, E::Pause, S::Paused},
    {"error threshold: pause", S::Running, E::ErrorThresholdHit, S::Paused},
    {"success threshold with success action pause", S::Running, E::SuccessPause, S::Paused},
    {"operator resumes", S::Paused, E::Resume, S::Running},
    {"every group finished: FINISHED", S::Running, E::AllGroupsFinished, S::Finished},
    {"dynamic rollout appends a group while running", S::Running, E::GroupAppended, S::Running},
    {"dynamic rollout appends a group while paused", S::Paused, E::GroupAppended, S::Paused},
    {"stop a ready rollout", S::Ready, E::Stop, S::Stopping},
    {"stop a starting rollout", S::Starting, E::Stop, S::Stopping},
    {"stop a running rollout", S::Running, E::Stop, S::Stopping},
    {"stop a paused rollout", S::Paused, E::Stop, S::Stopping},
    {"open actions canceled: STOPPED", S::Stopping, E::ActionsStopped, S::Stopped},
};

struct GroupRow
{
    const char *name;
    GS from;
    GE event;
    GS to;
};

const GroupRow groupRows[] = {
    {"targets filled in: READY", GS::Creating, GE::Filled, GS::Ready},
    {"rollout started: SCHEDULED", GS::Ready, GE::RolloutStarted, GS::Scheduled},
    {"first group or previous group's success: RUNNING", GS::Scheduled, GE::Start, GS::Running},
    {"all actions closed: FINISHED", GS::Running, GE::AllClosed, GS::Finished},
    {"error threshold exceeded: ERROR", GS::Running, GE::ErrorThreshold, GS::Error},
};
// clang-format on

} // namespace

class TestRolloutStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolloutAllowed_data();
    void rolloutAllowed();
    void rolloutForbidden_data();
    void rolloutForbidden();
    void groupAllowed_data();
    void groupAllowed();
    void groupForbidden_data();
    void groupForbidden();
    void thresholds_data();
    void thresholds();
    void splitByCount_data();
    void splitByCount();
    void splitByPercentages_data();
    void splitByPercentages();
};

void TestRolloutStateMachine::rolloutAllowed_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    QTest::addColumn<S>("to");
    for (const Row &r : rolloutRows)
        QTest::newRow(r.name) << r.from << r.event << r.to;
}

void TestRolloutStateMachine::rolloutAllowed()
{
    QFETCH(S, from);
    QFETCH(E, event);
    QFETCH(S, to);
    RolloutStateMachine machine(from);
    QVERIFY(machine.fire(event));
    QCOMPARE(machine.state(), to);
    QVERIFY(RolloutStateMachine::allows(from, event));
}

void TestRolloutStateMachine::rolloutForbidden_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    for (int s = 0; s <= int(S::Finished); ++s) {
        for (int e = 0; e <= int(E::GroupAppended); ++e) {
            if (!FlotillaTest::listed(rolloutRows, S(s), E(e)))
                QTest::addRow("%s refuses %s", qPrintable(nameOf(S(s))), qPrintable(nameOf(E(e)))) << S(s) << E(e);
        }
    }
}

void TestRolloutStateMachine::rolloutForbidden()
{
    QFETCH(S, from);
    QFETCH(E, event);
    RolloutStateMachine machine(from);
    QVERIFY(!machine.fire(event));
    QCOMPARE(machine.state(), from);
    QVERIFY(!RolloutStateMachine::allows(from, event));
}

void TestRolloutStateMachine::groupAllowed_data()
{
    QTest::addColumn<GS>("from");
    QTest::addColumn<GE>("event");
    QTest::addColumn<GS>("to");
    for (const GroupRow &r : groupRows)
        QTest::newRow(r.name) << r.from << r.event << r.to;
}

void TestRolloutStateMachine::groupAllowed()
{
    QFETCH(GS, from);
    QFETCH(GE, event);
    QFETCH(GS, to);
    QCOMPARE(RolloutGroupStateMachine::next(from, event), std::optional<GS>(to));
}

void TestRolloutStateMachine::groupForbidden_data()
{
    QTest::addColumn<GS>("from");
    QTest::addColumn<GE>("event");
    for (int s = 0; s <= int(GS::Error); ++s) {
        for (int e = 0; e <= int(GE::ErrorThreshold); ++e) {
            if (!FlotillaTest::listed(groupRows, GS(s), GE(e)))
                QTest::addRow("%s refuses %s", qPrintable(nameOf(GS(s))), qPrintable(nameOf(GE(e)))) << GS(s) << GE(e);
        }
    }
}

void TestRolloutStateMachine::groupForbidden()
{
    QFETCH(GS, from);
    QFETCH(GE, event);
    QCOMPARE(RolloutGroupStateMachine::next(from, event), std::nullopt);
}

void TestRolloutStateMachine::thresholds_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("finished");
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("successPct");
    QTest::addColumn<int>("errorPct");
    QTest::addColumn<bool>("success");
    QTest::addColumn<bool>("error");
    QTest::newRow("80% finished of 80% needed: success") << 10 << 8 << 0 << 80 << 20 << true << false;
    QTest::newRow("70% finished of 80% needed: not yet") << 10 << 7 << 0 << 80 << 20 << false << false;
    QTest::newRow("20% errors at 20%: not exceeded (strictly more)") << 10 << 5 << 2 << 80 << 20 << false << false;
    QTest::newRow("30% errors over 20%: exceeded") << 10 << 5 << 3 << 80 << 20 << false << true;
    QTest::newRow("error threshold 0: the first error pauses") << 100 << 0 << 1 << 100 << 0 << false << true;
    QTest::newRow("empty group: success, no error") << 0 << 0 << 0 << 100 << 0 << true << false;
    QTest::newRow("1 of 3 at 33%: success (33.3 >= 33)") << 3 << 1 << 0 << 33 << 50 << true << false;
}

void TestRolloutStateMachine::thresholds()
{
    QFETCH(int, total);
    QFETCH(int, finished);
    QFETCH(int, errors);
    QFETCH(int, successPct);
    QFETCH(int, errorPct);
    QFETCH(bool, success);
    QFETCH(bool, error);
    const GroupCounts counts { total, finished, errors, total - finished - errors };
    GroupConditions conditions;
    conditions.successThresholdPercent = successPct;
    conditions.errorThresholdPercent = errorPct;
    QCOMPARE(successReached(counts, conditions), success);
    QCOMPARE(errorExceeded(counts, conditions), error);
}

void TestRolloutStateMachine::splitByCount_data()
{
    QTest::addColumn<int>("targets");
    QTest::addColumn<int>("groups");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("10 into 3") << 10 << 3 << QList<int> { 4, 3, 3 };
    QTest::newRow("9 into 3") << 9 << 3 << QList<int> { 3, 3, 3 };
    QTest::newRow("2 into 3: an empty last group") << 2 << 3 << QList<int> { 1, 1, 0 };
    QTest::newRow("no groups") << 5 << 0 << QList<int> {};
}

void TestRolloutStateMachine::splitByCount()
{
    QFETCH(int, targets);
    QFETCH(int, groups);
    QFETCH(QList<int>, sizes);
    QCOMPARE(RolloutPlanner::splitByCount(targets, groups), sizes);
}

void TestRolloutStateMachine::splitByPercentages_data()
{
    QTest::addColumn<int>("targets");
    QTest::addColumn<QList<double>>("percentages");
    QTest::addColumn<QList<int>>("sizes");
    QTest::newRow("canary 10%, then half of the rest, then all")
        << 100 << QList<double> { 10, 50, 100 } << QList<int> { 10, 45, 45 };
    QTest::newRow("percentages of the remaining targets")
        << 1000 << QList<double> { 1, 10, 100 } << QList<int> { 10, 99, 891 };
    QTest::newRow("last group below 100% leaves targets out") << 10 << QList<double> { 50, 50 } << QList<int> { 5, 3 };
    QTest::newRow("rounds half up") << 5 << QList<double> { 50, 100 } << QList<int> { 3, 2 };
}

void TestRolloutStateMachine::splitByPercentages()
{
    QFETCH(int, targets);
    QFETCH(QList<double>, percentages);
    QFETCH(QList<int>, sizes);
    QCOMPARE(RolloutPlanner::splitByPercentages(targets, percentages), sizes);
}

QTEST_GUILESS_MAIN(TestRolloutStateMachine)
#include "tst_rolloutstatemachine.moc"
