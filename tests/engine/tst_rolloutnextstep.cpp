// What the overview says a rollout in flight will do next, for every rollout state and the group situations the
// rollout service decides on (thresholds, pause after success, error pause, dynamic rollouts).
#include "engine/rolloutnextstep.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {
using K = RolloutNextStep::Kind;
using S = RolloutGroupState;

// Three groups of 10 targets: success threshold 80 %, error threshold 20 %; the second pauses after success.
QList<RolloutGroup> threeGroups(S a, S b, S c)
{
    QList<RolloutGroup> groups;
    const S states[] = { a, b, c };
    for (int i = 0; i < 3; ++i) {
        RolloutGroup g;
        g.name = u"g%1"_s.arg(i + 1);
        g.position = i;
        g.state = states[i];
        g.targetCount = 10;
        g.conditions.successThresholdPercent = 80;
        g.conditions.errorThresholdPercent = 20;
        g.conditions.successAction = i == 1 ? SuccessAction::Pause : SuccessAction::NextGroup;
        groups << g;
    }
    return groups;
}
GroupCounts counts(int finished, int error, int running)
{
    GroupCounts c;
    c.total = finished + error + running;
    c.finished = finished;
    c.error = error;
    c.running = running;
    return c;
}
} // namespace

Q_DECLARE_METATYPE(QList<RolloutGroup>)
Q_DECLARE_METATYPE(QList<GroupCounts>)

class TestRolloutNextStep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nextStep_data();
    void nextStep();
    void names();
};

void TestRolloutNextStep::nextStep_data()
{
    QTest::addColumn<RolloutState>("state");
    QTest::addColumn<bool>("dynamic");
    QTest::addColumn<QList<RolloutGroup>>("groups");
    QTest::addColumn<QList<GroupCounts>>("groupCounts");
    QTest::addColumn<RolloutNextStep::Kind>("kind");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("progress");

    const GroupCounts none;
    const auto scheduled = threeGroups(S::Scheduled, S::Scheduled, S::Scheduled);
    QTest::newRow("creating") << RolloutState::Creating << false << threeGroups(S::Creating, S::Creating, S::Creating)
                              << QList<GroupCounts> {} << K::Creating << QString() << QString() << 0 << 0;
    QTest::newRow("waiting for approval")
        << RolloutState::WaitingForApproval << false << threeGroups(S::Ready, S::Ready, S::Ready)
        << QList<GroupCounts> {} << K::WaitForApproval << QString() << QString() << 0 << 0;
    QTest::newRow("ready: the first group starts")
        << RolloutState::Ready << false << threeGroups(S::Ready, S::Ready, S::Ready) << QList<GroupCounts> {}
        << K::WaitForStart << u"g1"_s << QString() << 0 << 0;
    QTest::newRow("running: g2 starts when g1 reaches 80 %")
        << RolloutState::Running << false << threeGroups(S::Running, S::Scheduled, S::Scheduled)
        << QList<GroupCounts> { counts(3, 1, 6), none, none } << K::StartGroup << u"g2"_s << u"g1"_s << 80 << 30;
    QTest::newRow("running: g3 after g2, g1 finished")
        << RolloutState::Running << false << threeGroups(S::Finished, S::Running, S::Scheduled)
        << QList<GroupCounts> { counts(10, 0, 0), counts(5, 0, 5), none } << K::StartGroup << u"g3"_s << u"g2"_s << 80
        << 50;
    QTest::newRow("paused on error: g1 over 20 % errors")
        << RolloutState::Paused << false << threeGroups(S::Error, S::Scheduled, S::Scheduled)
        << QList<GroupCounts> { counts(5, 3, 2), none, none } << K::PausedOnError << u"g1"_s << QString() << 20 << 30;
    QTest::newRow("paused after success: g2 asks for a pause before g3")
        << RolloutState::Paused << false << threeGroups(S::Finished, S::Finished, S::Scheduled)
        << QList<GroupCounts> { counts(10, 0, 0), counts(9, 1, 0), none } << K::PausedOnSuccess << u"g3"_s << u"g2"_s
        << 80 << 90;
    QTest::newRow("paused by the operator")
        << RolloutState::Paused << false << threeGroups(S::Running, S::Scheduled, S::Scheduled)
        << QList<GroupCounts> { counts(2, 0, 8), none, none } << K::Paused << u"g2"_s << u"g1"_s << 80 << 20;
    QTest::newRow("last group running: finishes when it closes")
        << RolloutState::Running << false << threeGroups(S::Finished, S::Finished, S::Running)
        << QList<GroupCounts> { counts(10, 0, 0), counts(10, 0, 0), counts(4, 0, 6) } << K::FinishGroups << u"g3"_s
        << QString() << 0 << 0;
    QTest::newRow("dynamic, all groups done: waits for targets")
        << RolloutState::Running << true << threeGroups(S::Finished, S::Finished, S::Finished)
        << QList<GroupCounts> { counts(10, 0, 0), counts(10, 0, 0), counts(10, 0, 0) } << K::WaitForTargets << QString()
        << QString() << 0 << 0;
    QTest::newRow("starting: the first group")
        << RolloutState::Starting << false << scheduled << QList<GroupCounts> { none, none, none } << K::StartGroup
        << u"g1"_s << QString() << 0 << 100;
    QTest::newRow("stopping") << RolloutState::Stopping << false << threeGroups(S::Running, S::Scheduled, S::Scheduled)
                              << QList<GroupCounts> {} << K::Stopping << QString() << QString() << 0 << 0;
    for (RolloutState done : { RolloutState::Finished, RolloutState::Stopped, RolloutState::ApprovalDenied }) {
        QTest::addRow("%s: nothing more", qPrintable(nameOf(done)))
            << done << false << threeGroups(S::Finished, S::Finished, S::Finished) << QList<GroupCounts> {} << K::None
            << QString() << QString() << 0 << 0;
    }
}

void TestRolloutNextStep::nextStep()
{
    QFETCH(RolloutState, state);
    QFETCH(bool, dynamic);
    QFETCH(QList<RolloutGroup>, groups);
    QFETCH(QList<GroupCounts>, groupCounts);
    Rollout rollout;
    rollout.state = state;
    rollout.dynamic = dynamic;
    const RolloutNextStep step = RolloutNextStep::of(rollout, groups, groupCounts);
    QTEST(step.kind, "kind");
    QTEST(step.group, "group");
    QTEST(step.after, "after");
    QTEST(step.threshold, "threshold");
    QTEST(step.progress, "progress");
}

void TestRolloutNextStep::names()
{
    QCOMPARE(RolloutNextStep::nameOf(K::StartGroup), u"startGroup"_s);
    QCOMPARE(RolloutNextStep::nameOf(K::PausedOnError), u"pausedOnError"_s);
    QCOMPARE(RolloutNextStep::nameOf(K::None), u"none"_s);
}

QTEST_GUILESS_MAIN(TestRolloutNextStep)
#include "tst_rolloutnextstep.moc"
