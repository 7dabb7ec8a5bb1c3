// The assignment and feedback rules of seeds 000/001 with an injected clock, on the in-memory store here and on
// SQLite as backend/deploymentservice_sql (tests/engine/teststore.h):
// cancel vs auto-close vs multi-assignment, consent, download-only, maintenance windows, target states,
// already-assigned reporting, idempotent feedback, closed actions, quotas.
#include "engine/deploymentservice.h"

#include "tests/common/flotillatest.h"
#include "tests/engine/teststore.h"

#include <QTest>

using namespace Flotilla;

class TestDeploymentService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void assignStartsActionAndTargetPending();
    void newAssignmentCancelsOldInHistoricalOrder();
    void autoCloseClosesAtOnce();
    void multiAssignmentOrdersByWeight();
    void consentDeniedStaysConfirmedRuns();
    void autoConfirmSkipsConsent();
    void downloadOnlyClosesOnDownloaded();
    void errorResetsAssignedSet();
    void alreadyAssignedIsReported();
    void closedActionRefusesFeedback();
    void duplicateFeedbackChangesNothing();
    void otherTargetsActionIsUnknown();
    void maintenanceWindowSkipsUpdateUntilOpen();
    void expiredWindowCancelsAction();
    void assignmentWithoutFutureWindowIsRefused();
    void messageQuota();
    void statusEntryQuota_data();
    void statusEntryQuota();
    void invalidWeight();

private:
    qint64 target(const QString &id, bool autoConfirm = false);
    qint64 set(const QString &version);
    void configure(bool autoClose, bool consent, bool multi);

    FlotillaTest::TestStores m_stores;
    std::unique_ptr<FlotillaTest::TestStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DeploymentService> m_service;
};

void TestDeploymentService::init()
{
    QString error;
    m_store = m_stores.create(&error);
    QVERIFY2(m_store, qPrintable(error));
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC));
    m_service = std::make_unique<DeploymentService>(m_store->stores(), *m_clock);
}

void TestDeploymentService::cleanup()
{
    m_service.reset();
    m_store.reset();
}

qint64 TestDeploymentService::target(const QString &id, bool autoConfirm)
{
    Target t;
    t.controllerId = id;
    t.securityToken = QStringLiteral("tok");
    t.state = TargetState::Registered;
    t.autoConfirm = autoConfirm;
    t.autoConfirmInitiator = QStringLiteral("plant manager");
    return m_store->targets().insertTarget(t).value();
}

qint64 TestDeploymentService::set(const QString &version)
{
    return m_store->repository()
        .insertDistributionSet({ 0, QStringLiteral("fw"), version, QStringLiteral("os"), false, false, {} })
        .value();
}

void TestDeploymentService::configure(bool autoClose, bool consent, bool multi)
{
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    c.autoClose = autoClose;
    c.consentFlow = consent;
    c.multiAssignment = multi;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
}

void TestDeploymentService::assignStartsActionAndTargetPending()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 ds = set(QStringLiteral("1"));
    const AssignmentResult r = m_service->assign({ t }, ds, {});
    QCOMPARE(r.error, AssignmentResult::Error::None);
    QCOMPARE(r.assigned, 1);
    QCOMPARE(r.total, 1);
    QCOMPARE(m_store->actions().action(r.actionIds.first())->state, ActionState::Running);
    QCOMPARE(m_store->targets().target(t)->state, TargetState::Pending);
    QCOMPARE(m_store->targets().target(t)->assignedDistributionSetId, ds);
    QVERIFY(m_store->repository().distributionSet(ds)->locked);
    const auto history = (*m_store->actions().statusHistory(r.actionIds.first(), 0, 10));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().status, HistoryStatus::Running);
    const Presentation p = (*m_service->presentationFor(t));
    QCOMPARE(p.kind, PresentationKind::DeploymentBase);
    QCOMPARE(p.actionId, r.actionIds.first());
}

void TestDeploymentService::newAssignmentCancelsOldInHistoricalOrder()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), {}).actionIds.first();
    const qint64 dsB = set(QStringLiteral("B"));
    const qint64 b = m_service->assign({ t }, dsB, {}).actionIds.first();
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Canceling);
    QCOMPARE(m_store->actions().action(b)->state, ActionState::Running);
    // A first (cancelAction), then B.
    Presentation p = (*m_service->presentationFor(t));
    QCOMPARE(p.kind, PresentationKind::CancelAction);
    QCOMPARE(p.actionId, a);
    const FeedbackResult canceled = m_service->feedback(t, a, ActionEvent::CancelClosed, { QStringLiteral("ok") });
    QCOMPARE(canceled.outcome, FeedbackResult::Outcome::Applied);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Canceled);
    QCOMPARE(m_store->targets().target(t)->state, TargetState::Pending); // B still pending
    p = (*m_service->presentationFor(t));
    QCOMPARE(p.kind, PresentationKind::DeploymentBase);
    QCOMPARE(p.actionId, b);
    const FeedbackResult done = m_service->feedback(t, b, ActionEvent::ClosedSuccess, {});
    QCOMPARE(done.targetState, std::optional<TargetState>(TargetState::InSync));
    QCOMPARE(m_store->targets().target(t)->installedDistributionSetId, dsB);
    QCOMPARE((*m_service->presentationFor(t)).kind, PresentationKind::Nothing);
}

void TestDeploymentService::autoCloseClosesAtOnce()
{
    configure(true, false, false);
    const qint64 t = target(QStringLiteral("a"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), {}).actionIds.first();
    const qint64 b = m_service->assign({ t }, set(QStringLiteral("B")), {}).actionIds.first();
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Canceled);
    QCOMPARE((*m_service->presentationFor(t)).actionId, b);
}

void TestDeploymentService::multiAssignmentOrdersByWeight()
{
    configure(false, false, true);
    const qint64 t = target(QStringLiteral("a"));
    AssignmentRequest light;
    light.weight = 100;
    AssignmentRequest heavy;
    heavy.weight = 800;
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), light).actionIds.first();
    const qint64 b = m_service->assign({ t }, set(QStringLiteral("B")), heavy).actionIds.first();
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Running); // coexist
    QCOMPARE((*m_service->presentationFor(t)).actionId, b);
    QCOMPARE(m_service->feedback(t, b, ActionEvent::ClosedSuccess, {}).targetState,
             std::optional<TargetState>(TargetState::Pending));
    QCOMPARE((*m_service->presentationFor(t)).actionId, a);
}

void TestDeploymentService::consentDeniedStaysConfirmedRuns()
{
    configure(false, true, false);
    const qint64 t = target(QStringLiteral("a"));
    AssignmentRequest r;
    r.confirmationRequired = true;
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), r).actionIds.first();
    QCOMPARE(m_store->actions().action(a)->state, ActionState::WaitForConfirmation);
    QCOMPARE((*m_service->presentationFor(t)).kind, PresentationKind::ConfirmationBase);
    QCOMPARE(m_service->feedback(t, a, ActionEvent::Deny, { QStringLiteral("not now") }).outcome,
             FeedbackResult::Outcome::Applied);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::WaitForConfirmation);
    QCOMPARE(m_service->feedback(t, a, ActionEvent::Confirm, {}).outcome, FeedbackResult::Outcome::Applied);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Running);
    QCOMPARE((*m_service->presentationFor(t)).kind, PresentationKind::DeploymentBase);
    // Without the consent flow, confirmationRequired has no effect.
    configure(false, false, false);
    const qint64 t2 = target(QStringLiteral("b"));
    QCOMPARE(m_store->actions().action(m_service->assign({ t2 }, set(QStringLiteral("B")), r).actionIds.first())->state,
             ActionState::Running);
}

void TestDeploymentService::autoConfirmSkipsConsent()
{
    configure(false, true, false);
    const qint64 t = target(QStringLiteral("a"), true);
    AssignmentRequest r;
    r.confirmationRequired = true;
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), r).actionIds.first();
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Running);
    QVERIFY((*m_store->actions().statusHistory(a, 0, 5))
                .first()
                .messages.join(u' ')
                .contains(QStringLiteral("plant manager")));
}

void TestDeploymentService::downloadOnlyClosesOnDownloaded()
{
    const qint64 t = target(QStringLiteral("a"));
    AssignmentRequest r;
    r.type = ActionType::DownloadOnly;
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), r).actionIds.first();
    const Presentation p = (*m_service->presentationFor(t));
    QCOMPARE(p.download, HandlingType::Forced);
    QCOMPARE(p.update, HandlingType::Skip);
    QCOMPARE(m_service->feedback(t, a, ActionEvent::Download, {}).transition.to, ActionState::Running);
    const FeedbackResult r2 = m_service->feedback(t, a, ActionEvent::Downloaded, {});
    QCOMPARE(r2.transition.to, ActionState::Downloaded);
    QCOMPARE(r2.targetState, std::optional<TargetState>(TargetState::InSync));
}

void TestDeploymentService::errorResetsAssignedSet()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 ds = set(QStringLiteral("A"));
    const qint64 a = m_service->assign({ t }, ds, {}).actionIds.first();
    const FeedbackResult r = m_service->feedback(t, a, ActionEvent::ClosedFailure, { QStringLiteral("disk full") }, 5);
    QCOMPARE(r.targetState, std::optional<TargetState>(TargetState::Error));
    QCOMPARE(m_store->targets().target(t)->assignedDistributionSetId, 0);
    QCOMPARE((*m_store->actions().statusHistory(a, 1, 1)).first().code, std::optional<int>(5));
    // ... so the same set can be assigned again for a retry.
    const AssignmentResult retry = m_service->assign({ t }, ds, {});
    QCOMPARE(retry.assigned, 1);
    QCOMPARE(m_store->targets().target(t)->state, TargetState::Pending);
}

void TestDeploymentService::alreadyAssignedIsReported()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 u = target(QStringLiteral("b"));
    const qint64 ds = set(QStringLiteral("A"));
    const qint64 a = m_service->assign({ t }, ds, {}).actionIds.first();
    AssignmentResult again = m_service->assign({ t, u }, ds, {});
    QCOMPARE(again.assigned, 1);
    QCOMPARE(again.alreadyAssigned, 1);
    QCOMPARE(again.total, 2);
    m_service->feedback(t, a, ActionEvent::ClosedSuccess, {});
    again = m_service->assign({ t }, ds, {}); // installed already
    QCOMPARE(again.assigned, 0);
    QCOMPARE(again.alreadyAssigned, 1);
}

void TestDeploymentService::closedActionRefusesFeedback()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), {}).actionIds.first();
    m_service->feedback(t, a, ActionEvent::ClosedSuccess, {});
    const int entries = (*m_store->actions().countStatus(a));
    QCOMPARE(m_service->feedback(t, a, ActionEvent::Proceeding, {}).outcome, FeedbackResult::Outcome::Closed);
    QCOMPARE((*m_store->actions().countStatus(a)), entries);
    // cancel feedback for an action that is not canceling
    const qint64 b = m_service->assign({ t }, set(QStringLiteral("B")), {}).actionIds.first();
    QCOMPARE(m_service->feedback(t, b, ActionEvent::CancelClosed, {}).outcome, FeedbackResult::Outcome::NotApplicable);
    QCOMPARE(m_store->actions().action(b)->state, ActionState::Running);
}

void TestDeploymentService::duplicateFeedbackChangesNothing()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), {}).actionIds.first();
    QCOMPARE(m_service->feedback(t, a, ActionEvent::Proceeding, { QStringLiteral("50%") }, {}, QStringLiteral("req-1"))
                 .outcome,
             FeedbackResult::Outcome::Applied);
    const int entries = (*m_store->actions().countStatus(a));
    QCOMPARE(m_service->feedback(t, a, ActionEvent::Proceeding, { QStringLiteral("50%") }, {}, QStringLiteral("req-1"))
                 .outcome,
             FeedbackResult::Outcome::Duplicate);
    QCOMPARE((*m_store->actions().countStatus(a)), entries);
    // A refused feedback leaves no receipt behind: the same key works once the action can take it.
    QCOMPARE(m_service->feedback(t, a, ActionEvent::CancelRejected, {}, {}, QStringLiteral("req-2")).outcome,
             FeedbackResult::Outcome::NotApplicable);
    QCOMPARE(m_service->feedback(t, a, ActionEvent::ClosedSuccess, {}, {}, QStringLiteral("req-2")).outcome,
             FeedbackResult::Outcome::Applied);
}

void TestDeploymentService::otherTargetsActionIsUnknown()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 other = target(QStringLiteral("b"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), {}).actionIds.first();
    QCOMPARE(m_service->feedback(other, a, ActionEvent::ClosedSuccess, {}).outcome,
             FeedbackResult::Outcome::UnknownAction);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Running);
    QCOMPARE(m_service->feedback(t, 9999, ActionEvent::ClosedSuccess, {}).outcome,
             FeedbackResult::Outcome::UnknownAction);
    // An action read by the caller (the DDI server) is checked the same way.
    const ActionWithHistorySize read = *m_store->actions().actionWithHistorySize(a);
    QCOMPARE(m_service->feedback(other, read, ActionEvent::ClosedSuccess, {}).outcome,
             FeedbackResult::Outcome::UnknownAction);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Running);
}

void TestDeploymentService::maintenanceWindowSkipsUpdateUntilOpen()
{
    const qint64 t = target(QStringLiteral("a"));
    AssignmentRequest r;
    r.maintenanceWindow = MaintenanceSchedule::create(QStringLiteral("0 0 12 * * ?"), QStringLiteral("01:00:00"),
                                                      QStringLiteral("UTC"));
    m_service->assign({ t }, set(QStringLiteral("A")), r);
    Presentation p = (*m_service->presentationFor(t)); // 08:00, window 12:00-13:00
    QCOMPARE(p.update, HandlingType::Skip);
    QCOMPARE(p.download, HandlingType::Forced);
    QCOMPARE(p.maintenanceWindowAvailable, std::optional<bool>(false));
    QCOMPARE((*m_service->poll(t)).sleepSeconds, 300);
    m_clock->set(QDateTime(QDate(2026, 6, 1), QTime(11, 45), QTimeZone::UTC));
    QCOMPARE((*m_service->poll(t)).sleepSeconds, 300); // 15 min / 3 = 300
    m_clock->set(QDateTime(QDate(2026, 6, 1), QTime(11, 57), QTimeZone::UTC));
    QCOMPARE((*m_service->poll(t)).sleepSeconds, 60); // 3 min / 3
    m_clock->set(QDateTime(QDate(2026, 6, 1), QTime(12, 5), QTimeZone::UTC));
    p = (*m_service->presentationFor(t));
    QCOMPARE(p.update, HandlingType::Forced);
    QCOMPARE(p.maintenanceWindowAvailable, std::optional<bool>(true));
}

void TestDeploymentService::expiredWindowCancelsAction()
{
    const qint64 t = target(QStringLiteral("a"));
    AssignmentRequest r;
    r.maintenanceWindow = MaintenanceSchedule::create(QStringLiteral("0 0 12 1 6 ? 2026"), QStringLiteral("01:00:00"),
                                                      QStringLiteral("UTC"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), r).actionIds.first();
    m_clock->set(QDateTime(QDate(2026, 6, 1), QTime(13, 30), QTimeZone::UTC)); // the only window is over
    QCOMPARE((*m_service->presentationFor(t)).kind, PresentationKind::Nothing);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Canceled);
    QCOMPARE(m_store->targets().target(t)->state, TargetState::InSync);
}

void TestDeploymentService::assignmentWithoutFutureWindowIsRefused()
{
    const qint64 t = target(QStringLiteral("a"));
    AssignmentRequest r;
    r.maintenanceWindow = MaintenanceSchedule::create(QStringLiteral("0 0 12 1 1 ? 2025"), QStringLiteral("01:00:00"),
                                                      QStringLiteral("UTC"));
    const AssignmentResult result = m_service->assign({ t }, set(QStringLiteral("A")), r);
    QCOMPARE(result.error, AssignmentResult::Error::NoWindowLeft);
    QCOMPARE((*m_store->actions().countActions(t)), 0);
    QCOMPARE(m_store->targets().target(t)->state, TargetState::Registered);
}

void TestDeploymentService::messageQuota()
{
    const qint64 t = target(QStringLiteral("a"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), {}).actionIds.first();
    QStringList many;
    for (int i = 0; i < 51; ++i)
        many << QStringLiteral("m%1").arg(i);
    const int entries = (*m_store->actions().countStatus(a));
    QCOMPARE(m_service->feedback(t, a, ActionEvent::ClosedSuccess, many).outcome, FeedbackResult::Outcome::Quota);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Running); // nothing changed
    QCOMPARE((*m_store->actions().countStatus(a)), entries);
}

// Intermediate feedback stops at the tenant's quota of status entries per action; a feedback that moves the action
// still closes it. The history's size comes from the one read of the action, by the service or by its caller.
void TestDeploymentService::statusEntryQuota_data()
{
    QTest::addColumn<bool>("readByCaller");
    QTest::newRow("the service reads the action") << false;
    QTest::newRow("the caller read it (DDI)") << true;
}

void TestDeploymentService::statusEntryQuota()
{
    QFETCH(bool, readByCaller);
    const qint64 t = target(QStringLiteral("a"));
    const qint64 a = m_service->assign({ t }, set(QStringLiteral("A")), {}).actionIds.first();
    const int entries = *m_store->actions().countStatus(a);
    TenantConfiguration config = m_store->configuration().tenantConfiguration();
    config.maxStatusEntriesPerAction = entries + 2;
    QVERIFY(m_store->configuration().setTenantConfiguration(config));
    const auto send = [&](ActionEvent event) {
        if (!readByCaller)
            return m_service->feedback(t, a, event, { QStringLiteral("step") }).outcome;
        const Lookup<ActionWithHistorySize> read = m_store->actions().actionWithHistorySize(a);
        if (!read.found())
            return FeedbackResult::Outcome::Store;
        return m_service->feedback(t, *read, event, { QStringLiteral("step") }).outcome;
    };
    QCOMPARE(send(ActionEvent::Proceeding), FeedbackResult::Outcome::Applied);
    QCOMPARE(send(ActionEvent::Proceeding), FeedbackResult::Outcome::Applied);
    QCOMPARE(*m_store->actions().countStatus(a), entries + 2);
    QCOMPARE(send(ActionEvent::Proceeding), FeedbackResult::Outcome::Quota);
    QCOMPARE(*m_store->actions().countStatus(a), entries + 2);
    QCOMPARE(send(ActionEvent::ClosedSuccess), FeedbackResult::Outcome::Applied);
    QCOMPARE(m_store->actions().action(a)->state, ActionState::Finished);
}

void TestDeploymentService::invalidWeight()
{
    const qint64 t = target(QStringLiteral("a"));
    AssignmentRequest r;
    r.weight = 1001;
    QCOMPARE(m_service->assign({ t }, set(QStringLiteral("A")), r).error, AssignmentResult::Error::InvalidWeight);
    QCOMPARE((*m_store->actions().countActions(t)), 0);
}

QTEST_GUILESS_MAIN(TestDeploymentService)
#include "tst_deploymentservice.moc"
