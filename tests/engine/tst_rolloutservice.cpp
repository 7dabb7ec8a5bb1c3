// Rollouts driven through the real store (SQLite) with an injected clock: groups by count and by percentage,
// approval, start (first group running, the others scheduled), success threshold starting the next group,
// error threshold pausing, pause-on-success, resume, stop, finish, start time.
#include "engine/rolloutscheduler.h"
#include "engine/rolloutservice.h"

#include "tests/common/flotillatest.h"
#include "tests/engine/teststore.h"

#include <QTest>

using namespace Flotilla;

class TestRolloutService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createSplitsTargetsIntoGroups();
    void percentagesOfRemainingTargets();
    void groupsFromTargetFilter();
    void badTargetFilterIsRefused();
    void perGroupConditions();
    void groupQuotas();
    void groupsAreNotBoundByTheManualAssignmentQuota();
    void dynamicRolloutTakesLaterTargets();
    void schedulerStartsAtTimeAndExtends();
    void approvalWorkflow();
    void startRunsFirstGroupOnly();
    void successThresholdStartsNextGroup();
    void errorThresholdPausesAndResumeGoesOn();
    void successActionPause();
    void allGroupsFinishTheRollout();
    void stopCancelsOpenActions();
    void startsAtItsTime();
    void refusedOperations();

private:
    qint64 makeRollout(int targets, int groups, GroupConditions conditions = {}, bool approval = false);
    void report(qint64 actionId, ActionEvent event);
    QList<Action> groupActions(int position);

    FlotillaTest::TestStores m_stores;
    std::unique_ptr<FlotillaTest::TestStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DeploymentService> m_deployment;
    std::unique_ptr<RolloutService> m_rollouts;
    qint64 m_rollout = 0;
    Failure m_refused; // why the last makeRollout() made none
};

// Verifies that a service call succeeded, naming its Failure when it did not.
#define VERIFY_DONE(call)                                                                                              \
    do {                                                                                                               \
        const auto done_ = (call);                                                                                     \
        QVERIFY2(done_.ok(), done_.ok() ? "" : qPrintable(done_.error().message));                                     \
    } while (false)

void TestRolloutService::init()
{
    QString error;
    m_store = m_stores.create(&error);
    QVERIFY2(m_store, qPrintable(error));
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC));
    m_deployment = std::make_unique<DeploymentService>(m_store->stores(), *m_clock);
    m_rollouts = std::make_unique<RolloutService>(m_store->stores(), *m_deployment, *m_clock);
}

void TestRolloutService::cleanup()
{
    m_rollouts.reset();
    m_deployment.reset();
    m_store.reset();
}

qint64 TestRolloutService::makeRollout(int targets, int groups, GroupConditions conditions, bool approval)
{
    RolloutRequest request;
    for (int i = 0; i < targets; ++i) {
        Target t;
        static int serial = 0;
        t.controllerId = QStringLiteral("dev-%1").arg(++serial);
        t.securityToken = QStringLiteral("tok");
        t.state = TargetState::Registered;
        request.targets.append(m_store->targets().insertTarget(t).value());
    }
    request.rollout.name = QStringLiteral("spring update");
    static int version = 0;
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet(
                  { 0, QStringLiteral("fw"), QStringLiteral("2.%1").arg(++version), {}, false, false, {} })
              .value();
    request.amountGroups = groups;
    request.conditions = conditions;
    request.approvalRequired = approval;
    const Result<qint64> created = m_rollouts->create(request);
    m_refused = created ? Failure() : created.error();
    m_rollout = created ? *created : 0;
    return m_rollout;
}

QList<Action> TestRolloutService::groupActions(int position)
{
    return (*m_store->rollouts().rolloutGroupActions((*m_store->rollouts().rolloutGroups(m_rollout)).at(position).id));
}

void TestRolloutService::report(qint64 actionId, ActionEvent event)
{
    const FeedbackResult r = m_deployment->feedback(m_store->actions().action(actionId)->targetId, actionId, event, {});
    QCOMPARE(r.outcome, FeedbackResult::Outcome::Applied);
    VERIFY_DONE(m_rollouts->handleFeedback(r));
}

void TestRolloutService::createSplitsTargetsIntoGroups()
{
    QVERIFY2(makeRollout(10, 3) > 0, qPrintable(m_refused.message));
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Ready);
    const QList<RolloutGroup> groups = (*m_store->rollouts().rolloutGroups(m_rollout));
    QCOMPARE(groups.size(), 3);
    QCOMPARE(groups[0].targetCount, 4);
    QCOMPARE(groups[1].targetCount, 3);
    QCOMPARE(groups[2].targetCount, 3);
    for (const RolloutGroup &g : groups)
        QCOMPARE(g.state, RolloutGroupState::Ready);
}

void TestRolloutService::percentagesOfRemainingTargets()
{
    RolloutRequest request;
    for (int i = 0; i < 20; ++i) {
        Target t;
        t.controllerId = QStringLiteral("p-%1").arg(i);
        t.securityToken = QStringLiteral("tok");
        request.targets.append(m_store->targets().insertTarget(t).value());
    }
    request.rollout.name = QStringLiteral("canary");
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet({ 0, QStringLiteral("fw"), QStringLiteral("3"), {}, false, false, {} })
              .value();
    request.percentages = { 10, 50, 100 };
    m_rollout = m_rollouts->create(request).value();
    QVERIFY(m_rollout > 0);
    const QList<RolloutGroup> groups = (*m_store->rollouts().rolloutGroups(m_rollout));
    QCOMPARE(groups[0].targetCount, 2);
    QCOMPARE(groups[1].targetCount, 9);
    QCOMPARE(groups[2].targetCount, 9);
}

void TestRolloutService::groupsFromTargetFilter()
{
    // Six cameras in the eu region, two elsewhere, one eu sensor: the filter picks the six, oldest first.
    QList<qint64> eu;
    for (int i = 0; i < 9; ++i) {
        Target t;
        t.controllerId = i < 8 ? QStringLiteral("cam-%1").arg(i) : QStringLiteral("sensor-1");
        t.securityToken = QStringLiteral("tok");
        const qint64 id = m_store->targets().insertTarget(t).value();
        const bool inEu = i < 6 || i == 8;
        QVERIFY(m_store->targets().setTargetAttributes(
            id, { { QStringLiteral("region"), inEu ? QStringLiteral("eu") : QStringLiteral("us") } }));
        if (inEu && i < 8)
            eu << id;
    }
    RolloutRequest request;
    request.rollout.name = QStringLiteral("eu cameras");
    request.rollout.targetFilterQuery = QStringLiteral("controllerId==cam-*;attribute.region==eu");
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet({ 0, QStringLiteral("fw"), QStringLiteral("9"), {}, false, false, {} })
              .value();
    request.amountGroups = 2;
    m_rollout = m_rollouts->create(request).value();
    QVERIFY(m_rollout > 0);
    const QList<RolloutGroup> groups = (*m_store->rollouts().rolloutGroups(m_rollout));
    QCOMPARE(groups.size(), 2);
    QCOMPARE((*m_store->rollouts().rolloutGroupTargets(groups[0].id))
                 + (*m_store->rollouts().rolloutGroupTargets(groups[1].id)),
             eu);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->targetFilterQuery, request.rollout.targetFilterQuery);
}

void TestRolloutService::badTargetFilterIsRefused()
{
    RolloutRequest request;
    request.rollout.name = QStringLiteral("typo");
    request.rollout.targetFilterQuery = QStringLiteral("controllerId==a;colour==red");
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet({ 0, QStringLiteral("fw"), QStringLiteral("10"), {}, false, false, {} })
              .value();
    request.amountGroups = 1;
    const Result<qint64> unparsed = m_rollouts->create(request);
    QVERIFY(!unparsed);
    QCOMPARE(unparsed.error().code, QStringLiteral("flotilla.rsql"));
    QVERIFY2(unparsed.error().message.contains(QStringLiteral("at 16: unknown field 'colour'")),
             qPrintable(unparsed.error().message));
    request.rollout.targetFilterQuery = QStringLiteral("controllerId==nobody");
    const Result<qint64> nobody = m_rollouts->create(request);
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, RolloutService::Invalid);
    QVERIFY(nobody.error().message.contains(QStringLiteral("no target")));
}

void TestRolloutService::perGroupConditions()
{
    // A canary group that must fully succeed and then pauses; the rest goes on at 50%.
    RolloutRequest request;
    for (int i = 0; i < 6; ++i) {
        Target t;
        t.controllerId = QStringLiteral("g-%1").arg(i);
        t.securityToken = QStringLiteral("tok");
        request.targets.append(m_store->targets().insertTarget(t).value());
    }
    request.rollout.name = QStringLiteral("canary first");
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet({ 0, QStringLiteral("fw"), QStringLiteral("11"), {}, false, false, {} })
              .value();
    request.amountGroups = 3;
    request.conditions.successThresholdPercent = 50;
    request.groupConditions = { { 100, SuccessAction::Pause, 0 } };
    m_rollout = m_rollouts->create(request).value();
    QVERIFY(m_rollout > 0);
    const QList<RolloutGroup> groups = (*m_store->rollouts().rolloutGroups(m_rollout));
    QCOMPARE(groups[0].conditions.successThresholdPercent, 100);
    QCOMPARE(groups[0].conditions.successAction, SuccessAction::Pause);
    QCOMPARE(groups[1].conditions.successThresholdPercent, 50);
    QCOMPARE(groups[2].conditions.successAction, SuccessAction::NextGroup);
    QVERIFY(m_rollouts->start(m_rollout));
    report(groupActions(0)[0].id, ActionEvent::ClosedSuccess);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Running); // 50% is not the canary's 100%
    report(groupActions(0)[1].id, ActionEvent::ClosedSuccess);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Paused);
}

void TestRolloutService::groupQuotas()
{
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    c.maxRolloutGroups = 2;
    c.maxTargetsPerRolloutGroup = 3;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
    QCOMPARE(makeRollout(4, 3), 0);
    QCOMPARE(m_refused.code, RolloutService::Quota);
    QVERIFY2(m_refused.message.contains(QStringLiteral("quota of 2")), qPrintable(m_refused.message));
    QCOMPARE(makeRollout(8, 2), 0);
    QCOMPARE(m_refused.code, RolloutService::Quota);
    QVERIFY2(m_refused.message.contains(QStringLiteral("quota of 3")), qPrintable(m_refused.message));
}

void TestRolloutService::groupsAreNotBoundByTheManualAssignmentQuota()
{
    // maxTargetsPerAssignment bounds what an operator assigns at once; a rollout group of more targets (within
    // maxTargetsPerRolloutGroup) still starts (the forecast of a 100,000-target rollout found this).
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    c.maxTargetsPerAssignment = 2;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
    QVERIFY2(makeRollout(10, 2) > 0, qPrintable(m_refused.message));
    VERIFY_DONE(m_rollouts->start(m_rollout));
    QCOMPARE(groupActions(0).size(), 5);
    QCOMPARE(groupActions(1).size(), 5);
    QCOMPARE(groupActions(0)[0].state, ActionState::Running);
    // ... while an operator's assignment of three is still refused.
    QList<qint64> three;
    for (const Action &a : groupActions(1).first(3))
        three << a.targetId;
    const AssignmentResult manual
        = m_deployment->assign(three, m_store->rollouts().rollout(m_rollout)->distributionSetId, {});
    QCOMPARE(manual.error, AssignmentResult::Error::Quota);
}

void TestRolloutService::dynamicRolloutTakesLaterTargets()
{
    auto camera = [this](const QString &id) {
        Target t;
        t.controllerId = id;
        t.securityToken = QStringLiteral("tok");
        return m_store->targets().insertTarget(t).value();
    };
    for (int i = 0; i < 4; ++i)
        camera(QStringLiteral("cam-%1").arg(i));
    RolloutRequest request;
    request.rollout.name = QStringLiteral("cameras, also future ones");
    request.rollout.targetFilterQuery = QStringLiteral("controllerId==cam-*");
    request.rollout.dynamic = true;
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet({ 0, QStringLiteral("fw"), QStringLiteral("12"), {}, false, false, {} })
              .value();
    request.amountGroups = 2;
    m_rollout = m_rollouts->create(request).value();
    QVERIFY(m_rollout > 0);
    QVERIFY(m_rollouts->start(m_rollout));
    for (int g = 0; g < 2; ++g) {
        for (const Action &a : groupActions(g))
            report(a.id, ActionEvent::ClosedSuccess);
    }
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Running); // dynamic: waits for more
    QVERIFY(m_rollouts->extendDynamic(m_rollout)); // nothing new yet
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout)).size(), 2);

    // Three new cameras and a sensor register: two dynamic groups of two (the last group's size) and one.
    const QList<qint64> late
        = { camera(QStringLiteral("cam-4")), camera(QStringLiteral("cam-5")), camera(QStringLiteral("cam-6")) };
    camera(QStringLiteral("sensor-1"));
    VERIFY_DONE(m_rollouts->extendDynamic(m_rollout));
    const QList<RolloutGroup> groups = (*m_store->rollouts().rolloutGroups(m_rollout));
    QCOMPARE(groups.size(), 4);
    QCOMPARE((*m_store->rollouts().rolloutGroupTargets(groups[2].id))
                 + (*m_store->rollouts().rolloutGroupTargets(groups[3].id)),
             late);
    QCOMPARE(groups[2].state, RolloutGroupState::Running); // the groups before it succeeded
    QCOMPARE(groups[3].state, RolloutGroupState::Scheduled);
    for (const Action &a : groupActions(2))
        QCOMPARE(a.state, ActionState::Running);
    for (const Action &a : groupActions(2))
        report(a.id, ActionEvent::ClosedSuccess);
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[3].state, RolloutGroupState::Running);
    QVERIFY(m_rollouts->extendDynamic(m_rollout)); // nobody is taken twice
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout)).size(), 4);
}

void TestRolloutService::schedulerStartsAtTimeAndExtends()
{
    RolloutScheduler scheduler(m_store->stores(), *m_rollouts, *m_clock);
    RolloutRequest request;
    Target t;
    t.controllerId = QStringLiteral("night-1");
    t.securityToken = QStringLiteral("tok");
    QVERIFY(m_store->targets().insertTarget(t).ok());
    request.rollout.name = QStringLiteral("at night");
    request.rollout.targetFilterQuery = QStringLiteral("controllerId==night-*");
    request.rollout.dynamic = true;
    request.rollout.startAt = m_clock->now().addSecs(3600);
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet({ 0, QStringLiteral("fw"), QStringLiteral("13"), {}, false, false, {} })
              .value();
    request.amountGroups = 1;
    m_rollout = m_rollouts->create(request).value();
    QVERIFY(m_rollout > 0);
    QCOMPARE(scheduler.tick(), 0);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Ready);
    m_clock->advance(3600 * 1000);
    QCOMPARE(scheduler.tick(), 1);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Running);
    t.controllerId = QStringLiteral("night-2");
    const qint64 late = m_store->targets().insertTarget(t).value();
    scheduler.tick();
    const QList<RolloutGroup> groups = (*m_store->rollouts().rolloutGroups(m_rollout));
    QCOMPARE(groups.size(), 2);
    QCOMPARE((*m_store->rollouts().rolloutGroupTargets(groups[1].id)), QList<qint64> { late });
}

void TestRolloutService::approvalWorkflow()
{
    QVERIFY(makeRollout(4, 2, {}, true) > 0);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::WaitingForApproval);
    const Result<void> unapproved = m_rollouts->start(m_rollout);
    QVERIFY(!unapproved); // not approved yet
    QCOMPARE(unapproved.error().code, RolloutService::IllegalState);
    QVERIFY(unapproved.error().message.contains(QStringLiteral("WAITING_FOR_APPROVAL")));
    QVERIFY(m_rollouts->approve(m_rollout));
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Ready);
    QVERIFY(m_rollouts->start(m_rollout));
}

void TestRolloutService::startRunsFirstGroupOnly()
{
    QVERIFY(makeRollout(6, 3) > 0);
    VERIFY_DONE(m_rollouts->start(m_rollout));
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Running);
    const QList<RolloutGroup> groups = (*m_store->rollouts().rolloutGroups(m_rollout));
    QCOMPARE(groups[0].state, RolloutGroupState::Running);
    QCOMPARE(groups[1].state, RolloutGroupState::Scheduled);
    QCOMPARE(groups[2].state, RolloutGroupState::Scheduled);
    for (const Action &a : groupActions(0)) {
        QCOMPARE(a.state, ActionState::Running);
        QCOMPARE(m_store->targets().target(a.targetId)->state, TargetState::Pending);
    }
    for (const Action &a : groupActions(1)) {
        QCOMPARE(a.state, ActionState::Scheduled);
        QCOMPARE(m_store->targets().target(a.targetId)->state, TargetState::Registered);
        QCOMPARE((*m_deployment->presentationFor(a.targetId)).kind, PresentationKind::Nothing); // not yet
    }
}

void TestRolloutService::successThresholdStartsNextGroup()
{
    GroupConditions c;
    c.successThresholdPercent = 80;
    c.errorThresholdPercent = 20;
    QVERIFY(makeRollout(30, 3, c) > 0);
    QVERIFY(m_rollouts->start(m_rollout));
    const QList<Action> first = groupActions(0);
    for (int i = 0; i < 7; ++i)
        report(first[i].id, ActionEvent::ClosedSuccess);
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[1].state, RolloutGroupState::Scheduled); // 70% < 80%
    report(first[7].id, ActionEvent::ClosedSuccess);
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[1].state, RolloutGroupState::Running); // 80% reached
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[0].state, RolloutGroupState::Running); // two still open
    QCOMPARE(groupActions(1).first().state, ActionState::Running);
    QCOMPARE((*m_rollouts->counts((*m_store->rollouts().rolloutGroups(m_rollout))[0].id)).finished, 8);
}

void TestRolloutService::errorThresholdPausesAndResumeGoesOn()
{
    GroupConditions c;
    c.successThresholdPercent = 80;
    c.errorThresholdPercent = 20;
    QVERIFY(makeRollout(20, 2, c) > 0);
    QVERIFY(m_rollouts->start(m_rollout));
    const QList<Action> first = groupActions(0);
    report(first[0].id, ActionEvent::ClosedFailure);
    report(first[1].id, ActionEvent::ClosedFailure);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Running); // 20% is not more than 20%
    report(first[2].id, ActionEvent::ClosedFailure);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Paused);
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[0].state, RolloutGroupState::Error);
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[1].state, RolloutGroupState::Scheduled);
    VERIFY_DONE(m_rollouts->resume(m_rollout));
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Running);
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[1].state, RolloutGroupState::Running);
}

void TestRolloutService::successActionPause()
{
    GroupConditions c;
    c.successThresholdPercent = 50;
    c.successAction = SuccessAction::Pause;
    QVERIFY(makeRollout(4, 2, c) > 0);
    QVERIFY(m_rollouts->start(m_rollout));
    report(groupActions(0)[0].id, ActionEvent::ClosedSuccess);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Paused);
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[1].state, RolloutGroupState::Scheduled);
    QVERIFY(m_rollouts->resume(m_rollout));
    QCOMPARE((*m_store->rollouts().rolloutGroups(m_rollout))[1].state, RolloutGroupState::Running);
}

void TestRolloutService::allGroupsFinishTheRollout()
{
    QVERIFY(makeRollout(4, 2) > 0);
    QVERIFY(m_rollouts->start(m_rollout));
    for (int g = 0; g < 2; ++g) {
        for (const Action &a : groupActions(g))
            report(a.id, ActionEvent::ClosedSuccess);
    }
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Finished);
    for (const RolloutGroup &group : (*m_store->rollouts().rolloutGroups(m_rollout)))
        QCOMPARE(group.state, RolloutGroupState::Finished);
    QCOMPARE(m_store->targets().target(groupActions(1).first().targetId)->state, TargetState::InSync);
}

void TestRolloutService::stopCancelsOpenActions()
{
    QVERIFY(makeRollout(4, 2) > 0);
    QVERIFY(m_rollouts->start(m_rollout));
    VERIFY_DONE(m_rollouts->stop(m_rollout));
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Stopped);
    for (const Action &a : groupActions(0))
        QCOMPARE(a.state, ActionState::Canceling); // the devices must confirm
    for (const Action &a : groupActions(1))
        QCOMPARE(a.state, ActionState::Canceled); // never started
    QVERIFY(!m_rollouts->resume(m_rollout));
}

void TestRolloutService::startsAtItsTime()
{
    RolloutRequest request;
    Target t;
    t.controllerId = QStringLiteral("timed");
    t.securityToken = QStringLiteral("tok");
    request.targets = { m_store->targets().insertTarget(t).value() };
    request.rollout.name = QStringLiteral("night");
    request.rollout.distributionSetId
        = m_store->repository()
              .insertDistributionSet({ 0, QStringLiteral("fw"), QStringLiteral("9"), {}, false, false, {} })
              .value();
    request.rollout.startAt = QDateTime(QDate(2026, 6, 1), QTime(22, 0), QTimeZone::UTC);
    request.amountGroups = 1;
    m_rollout = m_rollouts->create(request).value();
    QCOMPARE(m_rollouts->startIfDue(m_rollout).value(), false);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Ready);
    m_clock->set(QDateTime(QDate(2026, 6, 1), QTime(22, 0), QTimeZone::UTC));
    QCOMPARE(m_rollouts->startIfDue(m_rollout).value(), true);
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Running);
}

void TestRolloutService::refusedOperations()
{
    RolloutRequest noSet;
    noSet.rollout.name = QStringLiteral("x");
    noSet.rollout.distributionSetId = 999;
    noSet.amountGroups = 1;
    const Result<qint64> setless = m_rollouts->create(noSet);
    QVERIFY(!setless);
    QCOMPARE(setless.error().code, RolloutService::Unknown);
    QVERIFY(setless.error().message.contains(QStringLiteral("999")));
    RolloutRequest noGroups = noSet;
    noGroups.amountGroups = 0;
    QCOMPARE(m_rollouts->create(noGroups).error().code, RolloutService::Invalid);
    QCOMPARE(m_rollouts->pause(12345).error().code, RolloutService::Unknown);
    QVERIFY(makeRollout(2, 1) > 0);
    QCOMPARE(m_rollouts->pause(m_rollout).error().code, RolloutService::IllegalState); // READY cannot pause
    QCOMPARE(m_rollouts->approve(m_rollout).error().code, RolloutService::IllegalState); // nothing to approve
    QCOMPARE(m_store->rollouts().rollout(m_rollout)->state, RolloutState::Ready);
}

QTEST_GUILESS_MAIN(TestRolloutService)
#include "tst_rolloutservice.moc"
