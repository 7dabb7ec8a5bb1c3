// The SQL store against SQLite and against a real PostgreSQL the test starts itself: migrations, refusing a
// newer schema, round trips, presentation order, transactions, idempotent feedback receipts, the query plan.
#include "backend/sqlactionstore.h"
#include "backend/sqlrepositorystore.h"
#include "backend/sqlstore.h"
#include "backend/sqltargetstore.h"
#include "tests/backend/sqlstorefixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestSqlStore : public SqlStoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void migrationsApplied();
    void refusesNewerSchema();
    void targetRoundTrip();
    void deviceTargetIsTheTargetsDeviceFields();
    void openActionsInPresentationOrder();
    void manyAtOnceAsOneByOne();
    void rollbackLeavesNothing();
    void feedbackReceiptOnce();
    void statusHistoryPaging();
    void forecastHistoryTimesTheDeviceFromRetrieval();
    void tenantConfiguration();
    void presentationLookupUsesIndex();
    void modulesArtifactsAndVisibility();
    void attributesReplaceWhole();
    void pollsRecordedInBatch();
    void pollRecordedAtOnceKeepsOtherFields();
    void installedActionIsTheLatestFinishedOfTheInstalledSet();
    void typesRoundTrip();
    void targetFilters_data();
    void targetFilters();
};

void TestSqlStore::migrationsApplied()
{
    QCOMPARE(m_store->schemaVersion(), SqlStore::latestSchemaVersion());
}

void TestSqlStore::refusesNewerSchema()
{
    QFETCH_GLOBAL(QString, backend);
    const QString url = freshUrl();
    {
        SqlStore first;
        QVERIFY2(first.open(url), qPrintable(first.lastError()));
        Target t;
        t.controllerId = QStringLiteral("keep-me");
        t.securityToken = QStringLiteral("t");
        QVERIFY(first.targets().insertTarget(t).ok());
    }
    {
        // Bump the version with a plain connection, as a newer release would have.
        const QString conn = QStringLiteral("bump");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(
                backend == QLatin1String("sqlite") ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), conn);
            if (backend == QLatin1String("sqlite")) {
                db.setDatabaseName(url.mid(7));
            } else {
                const QUrl u(url);
                db.setHostName(u.host());
                db.setPort(u.port());
                db.setUserName(u.userName());
                db.setDatabaseName(u.path().mid(1));
            }
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("UPDATE flotilla_schema SET version = %1").arg(SqlStore::latestSchemaVersion() + 1)));
        }
        QSqlDatabase::removeDatabase(conn);
    }
    SqlStore second;
    QVERIFY(!second.open(url));
    QVERIFY2(second.lastError().contains(QStringLiteral("newer")), qPrintable(second.lastError()));
    QCOMPARE(second.schemaVersion(), SqlStore::latestSchemaVersion() + 1); // untouched
    QVERIFY(second.targets().targetByControllerId(QStringLiteral("keep-me")).found()); // data untouched
}

void TestSqlStore::targetRoundTrip()
{
    const qint64 ds = makeSet();
    Target t;
    t.controllerId = QString(MaxControllerIdLength, QLatin1Char('c'));
    t.name = QStringLiteral("Pump 7");
    t.description = QStringLiteral("Ünïcödé");
    t.state = TargetState::Registered;
    t.securityToken = QStringLiteral("s3cret");
    t.address = QStringLiteral("http://192.0.2.7");
    t.lastPoll = QDateTime(QDate(2026, 11, 22), QTime(10, 0, 1, 500), QTimeZone::UTC);
    t.installedDistributionSetId = ds;
    t.autoConfirm = true;
    t.autoConfirmInitiator = QStringLiteral("ops");
    t.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC);
    t.id = m_store->targets().insertTarget(t).value();
    QVERIFY2(t.id > 0, qPrintable(m_store->lastError()));
    const auto back = m_store->targets().targetByControllerId(t.controllerId);
    QVERIFY(back.found());
    QCOMPARE(back->id, t.id);
    QCOMPARE(back->name, t.name);
    QCOMPARE(back->description, t.description);
    QCOMPARE(back->state, TargetState::Registered);
    QCOMPARE(back->lastPoll, t.lastPoll);
    QCOMPARE(back->installedDistributionSetId, ds);
    QCOMPARE(back->assignedDistributionSetId, 0);
    QVERIFY(back->autoConfirm);
    QCOMPARE(back->createdAt, t.createdAt);

    // controllerId is unique
    QVERIFY(!m_store->targets().insertTarget(t));
    QVERIFY(!m_store->lastError().isEmpty());
}

void TestSqlStore::deviceTargetIsTheTargetsDeviceFields()
{
    const qint64 ds = makeSet();
    Target t;
    t.controllerId = QStringLiteral("Pump-7");
    t.name = QStringLiteral("Pump 7");
    t.state = TargetState::InSync;
    t.securityToken = QStringLiteral("s3cret");
    t.address = QStringLiteral("http://192.0.2.7");
    t.lastPoll = QDateTime(QDate(2026, 11, 22), QTime(10, 0, 1, 500), QTimeZone::UTC);
    t.installedDistributionSetId = ds;
    t.requestAttributes = false;
    t.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC);
    t.id = m_store->targets().insertTarget(t).value();
    QVERIFY2(t.id > 0, qPrintable(m_store->lastError()));

    const Lookup<DeviceTarget> device = m_store->targets().deviceTarget(t.controllerId);
    QVERIFY(device.found());
    QCOMPARE(device->id, t.id);
    QCOMPARE(device->controllerId, t.controllerId);
    QCOMPARE(device->state, TargetState::InSync);
    QCOMPARE(device->securityToken, t.securityToken);
    QCOMPARE(device->address, t.address);
    QCOMPARE(device->lastPoll, t.lastPoll);
    QCOMPARE(device->installedDistributionSetId, ds);
    QVERIFY(!device->requestAttributes);

    // The same fields as the whole target has.
    const DeviceTarget whole = DeviceTarget::of(*m_store->targets().target(t.id));
    QCOMPARE(whole.securityToken, device->securityToken);
    QCOMPARE(whole.lastPoll, device->lastPoll);
    QCOMPARE(whole.requestAttributes, device->requestAttributes);

    // controllerIds are matched exactly.
    QVERIFY(m_store->targets().deviceTarget(QStringLiteral("pump-7")).absent());
    QVERIFY(m_store->targets().deviceTarget(QStringLiteral("nobody")).absent());
}

// The batch functions an assignment of thousands uses (multi-row statements on PostgreSQL, chunks of 500 and 1000)
// read and write what the one-at-a-time functions do: 1,200 targets (more than one chunk), some with open actions.
void TestSqlStore::manyAtOnceAsOneByOne()
{
    const qint64 ds = makeSet();
    const QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::UTC);
    QList<qint64> ids;
    {
        StoreTransaction tx(*m_store);
        for (int i = 0; i < 1200; ++i)
            ids.append(makeTarget(QStringLiteral("dev-%1").arg(i)));
        QVERIFY(tx.commit());
    }
    auto open = [&](qint64 target, int weight, ActionState state) {
        Action a;
        a.targetId = target;
        a.distributionSetId = ds;
        a.weight = weight;
        a.state = state;
        a.createdAt = now;
        return m_store->actions().insertAction(a).value();
    };
    open(ids[0], 100, ActionState::Running);
    open(ids[0], 900, ActionState::Canceling);
    open(ids[1100], 500, ActionState::Finished);
    open(ids[1199], 500, ActionState::WaitForConfirmation);

    // Reads: a missing id is left out of the targets, every id has a (maybe empty) list and a count.
    const QList<qint64> asked = ids + QList<qint64> { 999999 };
    const Result<QHash<qint64, Target>> targets = m_store->targets().targetsById(asked);
    QVERIFY(targets);
    QCOMPARE(targets->size(), 1200);
    for (qint64 id : { ids[0], ids[999], ids[1000], ids[1199] }) {
        const Target one = *m_store->targets().target(id);
        QCOMPARE(targets->value(id).controllerId, one.controllerId);
        QCOMPARE(targets->value(id).securityToken, one.securityToken);
        QCOMPARE(targets->value(id).createdAt, one.createdAt);
    }
    const Result<QHash<qint64, QList<Action>>> openByTarget = m_store->actions().openActionsOfTargets(ids);
    const Result<QHash<qint64, int>> counts = m_store->actions().countActionsOfTargets(ids);
    QVERIFY(openByTarget && counts);
    QCOMPARE(openByTarget->size(), 1200);
    QCOMPARE(counts->size(), 1200);
    for (qint64 id : std::as_const(ids)) {
        const QList<Action> one = *m_store->actions().openActions(id);
        const QList<Action> many = openByTarget->value(id);
        QCOMPARE(many.size(), one.size());
        for (qsizetype i = 0; i < one.size(); ++i)
            QCOMPARE(many[i].id, one[i].id); // in presentation order
        QCOMPARE(counts->value(id), *m_store->actions().countActions(id));
    }
    QCOMPARE(openByTarget->value(ids[0]).size(), 2);
    QCOMPARE(counts->value(ids[1100]), 1);
    QCOMPARE(openByTarget->value(ids[1100]).size(), 0);

    // Writes, in one transaction: 1,150 actions, their first status, their targets' new state.
    QList<StoreChange> changes;
    m_store->setChangeListener([&](const QList<StoreChange> &c) { changes += c; });
    QList<Action> actions;
    for (int i = 0; i < 1150; ++i) {
        Action a;
        a.targetId = ids[i];
        a.distributionSetId = ds;
        a.type = i % 2 ? ActionType::Soft : ActionType::Forced;
        a.weight = i;
        a.state = i % 3 ? ActionState::Running : ActionState::WaitForConfirmation;
        a.confirmationRequired = i % 3 == 0;
        a.createdAt = now;
        a.lastModifiedAt = now;
        a.initiator = i == 9 ? QStringLiteral("op \"{9}\", \\ NULL")
            : i == 10        ? QString()
                             : QStringLiteral("op-%1").arg(i);
        if (i == 7)
            a.maintenanceWindow = MaintenanceSchedule::create(QStringLiteral("0 0 2 * * ?"), QStringLiteral("01:00:00"),
                                                              QStringLiteral("UTC"));
        actions.append(a);
    }
    StoreTransaction tx(*m_store);
    const Result<QList<qint64>> actionIds = m_store->actions().insertActions(actions);
    QVERIFY(actionIds);
    QCOMPARE(actionIds->size(), 1150);
    QList<std::pair<qint64, ActionStatusEntry>> statuses;
    for (qsizetype i = 0; i < actionIds->size(); ++i)
        statuses.append({ actionIds->at(i),
                          { now,
                            HistoryStatus::Running,
                            { QStringLiteral("assigned 'n' \"%1\"").arg(i) },
                            i == 3 ? std::optional(42) : std::nullopt } });
    QVERIFY(m_store->actions().appendStatuses(statuses));
    QList<Target> updated;
    for (int i = 0; i < 1150; ++i) {
        Target t = targets->value(ids[i]);
        t.state = TargetState::Pending;
        t.assignedDistributionSetId = ds;
        t.description = QStringLiteral("it's number %1").arg(i);
        updated.append(t);
    }
    QVERIFY(m_store->targets().updateTargets(updated));
    QVERIFY(tx.commit());

    for (qsizetype i = 0; i < actionIds->size(); ++i) {
        const Action stored = *m_store->actions().action(actionIds->at(i));
        QCOMPARE(stored.targetId, ids[i]);
        QCOMPARE(stored.weight, int(i));
        QCOMPARE(stored.type, actions[i].type);
        QCOMPARE(stored.state, actions[i].state);
        QCOMPARE(stored.confirmationRequired, actions[i].confirmationRequired);
        QCOMPARE(stored.initiator, actions[i].initiator);
        QCOMPARE(stored.createdAt, now);
        QCOMPARE(bool(stored.maintenanceWindow), i == 7);
        const QList<ActionStatusEntry> history = *m_store->actions().statusHistory(actionIds->at(i));
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0].messages, QStringList { QStringLiteral("assigned 'n' \"%1\"").arg(i) });
        QCOMPARE(history[0].code, i == 3 ? std::optional(42) : std::nullopt);
        const Target target = *m_store->targets().target(ids[i]);
        QCOMPARE(target.state, TargetState::Pending);
        QCOMPARE(target.assignedDistributionSetId, ds);
        QCOMPARE(target.description, QStringLiteral("it's number %1").arg(i));
        QCOMPARE(target.controllerId, QStringLiteral("dev-%1").arg(i));
    }
    QCOMPARE(m_store->targets().target(ids[1150])->state, targets->value(ids[1150]).state); // not in the list
    // One event per created action, per status and per updated target.
    int created = 0;
    int changedActions = 0;
    int updatedTargets = 0;
    for (const StoreChange &c : std::as_const(changes)) {
        created += c.kind == StoreChange::Kind::ActionCreated;
        changedActions += c.kind == StoreChange::Kind::ActionChanged;
        updatedTargets += c.kind == StoreChange::Kind::TargetUpdated;
    }
    QCOMPARE(created, 1150);
    QCOMPARE(changedActions, 1150);
    QCOMPARE(updatedTargets, 1150);

    // A target deleted meanwhile: the batch fails, and the transaction leaves nothing of it.
    Target gone = targets->value(ids[5]);
    gone.id = 999999;
    {
        StoreTransaction failing(*m_store); // rolled back when it goes
        Target renamed = *m_store->targets().target(ids[6]);
        renamed.description = QStringLiteral("renamed");
        QVERIFY(!m_store->targets().updateTargets({ renamed, gone }));
    }
    QCOMPARE(m_store->targets().target(ids[6])->description, QStringLiteral("it's number 6"));
}

void TestSqlStore::openActionsInPresentationOrder()
{
    const qint64 target = makeTarget(QStringLiteral("dev"));
    const qint64 ds = makeSet();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto add = [&](int weight, ActionState state) {
        Action a;
        a.targetId = target;
        a.distributionSetId = ds;
        a.weight = weight;
        a.state = state;
        a.type = state == ActionState::Running ? ActionType::TimeForced : ActionType::Soft;
        a.forceTime = QDateTime(QDate(2026, 12, 1), QTime(8, 0), QTimeZone::UTC).addSecs(weight);
        a.createdAt = now;
        a.maintenanceWindow = MaintenanceSchedule::create(QStringLiteral("0 0 2 * * ?"), QStringLiteral("01:00:00"),
                                                          QStringLiteral("Europe/Berlin"));
        return m_store->actions().insertAction(a).value();
    };
    const qint64 a1 = add(500, ActionState::Running);
    const qint64 a2 = add(900, ActionState::Canceling);
    const qint64 a3 = add(500, ActionState::WaitForConfirmation);
    add(1000, ActionState::Finished);
    const QList<Action> open = (*m_store->actions().openActions(target));
    QCOMPARE(open.size(), 3);
    QCOMPARE(open[0].id, a2);
    QCOMPARE(open[1].id, a1);
    QCOMPARE(open[2].id, a3);
    QVERIFY(open[0].maintenanceWindow);
    QCOMPARE(open[0].maintenanceWindow->timezone(), QStringLiteral("Europe/Berlin"));
    // The poll's narrow read: the same actions in the same order, with everything presenting them needs.
    const QList<Action> forPoll = (*m_store->actions().openActionsForPoll(target));
    QCOMPARE(forPoll.size(), open.size());
    for (qsizetype i = 0; i < open.size(); ++i) {
        QCOMPARE(forPoll[i].id, open[i].id);
        QCOMPARE(forPoll[i].targetId, target);
        QCOMPARE(forPoll[i].state, open[i].state);
        QCOMPARE(forPoll[i].type, open[i].type);
        QCOMPARE(forPoll[i].weight, open[i].weight);
        QCOMPARE(forPoll[i].forceTime, open[i].forceTime);
        QVERIFY(forPoll[i].maintenanceWindow);
        QCOMPARE(forPoll[i].maintenanceWindow->schedule(), open[i].maintenanceWindow->schedule());
        QCOMPARE(forPoll[i].maintenanceWindow->duration(), open[i].maintenanceWindow->duration());
        QCOMPARE(forPoll[i].maintenanceWindow->timezone(), open[i].maintenanceWindow->timezone());
    }
    QVERIFY(m_store->actions().updateActionState(a2, ActionState::Canceled, now));
    QCOMPARE((*m_store->actions().openActions(target)).size(), 2);
    QCOMPARE(m_store->actions().action(a2)->state, ActionState::Canceled);
    QCOMPARE((*m_store->actions().countActions(target)), 4);
}

void TestSqlStore::rollbackLeavesNothing()
{
    QVERIFY(m_store->begin());
    QVERIFY(makeTarget(QStringLiteral("ghost")) > 0);
    m_store->rollback();
    QVERIFY(m_store->targets().targetByControllerId(QStringLiteral("ghost")).absent());
    {
        StoreTransaction tx(*m_store);
        QVERIFY(makeTarget(QStringLiteral("ghost2")) > 0);
        // no commit: rolled back at scope end
    }
    QVERIFY(m_store->targets().targetByControllerId(QStringLiteral("ghost2")).absent());
    {
        StoreTransaction tx(*m_store);
        QVERIFY(makeTarget(QStringLiteral("real")) > 0);
        QVERIFY(tx.commit());
    }
    QVERIFY(m_store->targets().targetByControllerId(QStringLiteral("real")).found());
}

void TestSqlStore::feedbackReceiptOnce()
{
    const Action a = makeAction();
    const qint64 id = a.id;
    QCOMPARE(m_store->actions().recordFeedbackOnce(id, QStringLiteral("k1")).value(), true);
    QCOMPARE(m_store->actions().recordFeedbackOnce(id, QStringLiteral("k1")).value(), false);
    QCOMPARE(m_store->actions().recordFeedbackOnce(id, QStringLiteral("k2")).value(), true);
}

void TestSqlStore::statusHistoryPaging()
{
    const Action a = makeAction();
    const qint64 id = a.id;
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->actions().appendStatus(id,
                                                { a.createdAt.addSecs(i),
                                                  HistoryStatus::Running,
                                                  { QStringLiteral("step %1").arg(i), QStringLiteral("\"quoted\"") },
                                                  i == 4 ? std::optional<int>(42) : std::nullopt }));
    QCOMPARE((*m_store->actions().countStatus(id)), 5);
    const QList<ActionStatusEntry> page = (*m_store->actions().statusHistory(id, 1, 3));
    QCOMPARE(page.size(), 3);
    QCOMPARE(page[0].messages, QStringList({ QStringLiteral("step 1"), QStringLiteral("\"quoted\"") }));
    QCOMPARE(page[2].messages.first(), QStringLiteral("step 3"));
    QCOMPARE((*m_store->actions().statusHistory(id, 4, 10)).first().code, std::optional<int>(42));
}

// The rollout forecast's install time: from the device fetching the action to its closing feedback, not from
// the action's creation or its rollout group's start (the wait for the next poll the forecast plays itself).
void TestSqlStore::forecastHistoryTimesTheDeviceFromRetrieval()
{
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);
    // {seconds from creation to the group's start, to retrieval, to the close}: durations 10, 20 and 30 s.
    const QList<std::array<int, 3>> plays = { { { 100, 130, 140 } }, { { 0, 50, 70 } }, { { 200, 290, 320 } } };
    for (const auto &[groupStart, retrieved, closed] : plays) {
        Action a;
        a.targetId = makeTarget(u"played-%1"_s.arg(groupStart));
        a.distributionSetId = makeSet();
        a.createdAt = t0;
        a.id = m_store->actions().insertAction(a).value();
        QVERIFY(a.id > 0);
        QVERIFY(m_store->actions().appendStatus(
            a.id, { t0.addSecs(groupStart), HistoryStatus::Running, { u"group"_s }, {} }));
        QVERIFY(m_store->actions().appendStatus(
            a.id, { t0.addSecs(retrieved), HistoryStatus::Retrieved, { u"got it"_s }, {} }));
        QVERIFY(
            m_store->actions().appendStatus(a.id, { t0.addSecs(closed), HistoryStatus::Finished, { u"done"_s }, {} }));
        QVERIFY(m_store->actions().updateActionState(a.id, ActionState::Finished, t0.addSecs(closed)));
    }
    const auto outcomes = m_store->actions().actionOutcomes(t0.toMSecsSinceEpoch());
    QVERIFY(outcomes);
    QCOMPARE(outcomes->finished, 3);
    QCOMPARE(outcomes->failed, 0);
    QCOMPARE(outcomes->medianSecs, 20);
}

void TestSqlStore::tenantConfiguration()
{
    TenantConfiguration c = m_store->configuration().tenantConfiguration();
    QVERIFY(!c.autoClose);
    QCOMPARE(c.pollingSecs, 300);
    c.autoClose = true;
    c.pollingSecs = 120;
    c.maintenanceWindowPollCount = 5;
    c.maxStatusEntriesPerAction = 7;
    c.maxRolloutGroups = 9;
    c.consentFlow = true;
    QVERIFY(m_store->configuration().setTenantConfiguration(c));
    // A rollback drops the cached configuration; what was committed before stays.
    QVERIFY(m_store->begin());
    m_store->rollback();
    const TenantConfiguration back = m_store->configuration().tenantConfiguration();
    QVERIFY(back.autoClose);
    QCOMPARE(back.pollingSecs, 120);
    QCOMPARE(back.maintenanceWindowPollCount, 5);
    QCOMPARE(back.maxStatusEntriesPerAction, 7); // quotas are tenant configuration too
    QCOMPARE(back.maxRolloutGroups, 9);
    QVERIFY(back.consentFlow);
    QVERIFY(!back.multiAssignment);
}

void TestSqlStore::presentationLookupUsesIndex()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != QLatin1String("sqlite"))
        QSKIP("PostgreSQL's planner prefers a sequential scan on tiny tables; tests/bench shows the plan at scale");
    const QString plan = m_store->actions().explainOpenActions(1);
    QVERIFY2(plan.contains(QStringLiteral("actions_open")), qPrintable(plan));
    // The poll's read of target and open actions in one: the target by its controller id, the actions by the
    // partial index, neither table scanned.
    const QString pollPlan = m_store->actions().explainPollRead(u"it's-quoted"_s);
    QVERIFY2(pollPlan.contains(QStringLiteral("actions_open")), qPrintable(pollPlan));
    QVERIFY2(!pollPlan.contains(QStringLiteral("SCAN t\n")) && !pollPlan.endsWith(QStringLiteral("SCAN t")),
             qPrintable(pollPlan));
    QVERIFY2(!plan.contains(QStringLiteral("SCAN actions")) || plan.contains(QStringLiteral("USING INDEX")),
             qPrintable(plan));
}

void TestSqlStore::modulesArtifactsAndVisibility()
{
    const qint64 module
        = m_store->repository()
              .insertSoftwareModule({ 0, QStringLiteral("os"), QStringLiteral("fw"), QStringLiteral("2"),
                                      QStringLiteral("ACME"), QStringLiteral("firmware"), true })
              .value();
    QVERIFY(module > 0);
    const Lookup<SoftwareModule> m = m_store->repository().softwareModule(module);
    QVERIFY(m.found());
    QCOMPARE(m->vendor, QStringLiteral("ACME"));
    QVERIFY(m->encrypted);
    Artifact a { 0,
                 module,
                 QStringLiteral("fw.bin"),
                 1234,
                 QString(40, u'a'),
                 QString(32, u'b'),
                 QString(64, u'c'),
                 QDateTime::currentDateTimeUtc() };
    QVERIFY(m_store->repository().insertArtifact(a).ok());
    QVERIFY(!m_store->repository().insertArtifact(a)); // one file name per module
    const QList<Artifact> list = (*m_store->repository().artifacts(module));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().size, 1234);
    QCOMPARE(list.first().sha256, QString(64, u'c'));

    const qint64 set
        = m_store->repository()
              .insertDistributionSet(
                  { 0, QStringLiteral("bundle"), QStringLiteral("2"), QStringLiteral("os"), false, false, {} })
              .value();
    QVERIFY(m_store->repository().addModuleToSet(set, module));
    QCOMPARE((*m_store->repository().modulesOfSet(set)).size(), 1);
    QCOMPARE(m_store->repository().distributionSetByNameVersion(QStringLiteral("bundle"), QStringLiteral("2"))->id,
             set);
    QVERIFY(m_store->repository().distributionSetByNameVersion(QStringLiteral("bundle"), QStringLiteral("3")).absent());

    // Visible to a target with an action of the set, or with the set installed; to no one else.
    const qint64 withAction = makeTarget(QStringLiteral("with-action"));
    const qint64 withInstalled = makeTarget(QStringLiteral("with-installed"));
    const qint64 stranger = makeTarget(QStringLiteral("stranger"));
    Action action;
    action.targetId = withAction;
    action.distributionSetId = set;
    action.createdAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store->actions().insertAction(action).ok());
    Target t = *m_store->targets().target(withInstalled);
    t.installedDistributionSetId = set;
    QVERIFY(m_store->targets().updateTarget(t));
    QCOMPARE(m_store->repository().moduleVisibleToTarget(module, withAction).value(), true);
    QCOMPARE(m_store->repository().moduleVisibleToTarget(module, withInstalled).value(), true);
    QCOMPARE(m_store->repository().moduleVisibleToTarget(module, stranger).value(), false);
}

void TestSqlStore::attributesReplaceWhole()
{
    const qint64 t = makeTarget(QStringLiteral("attrs"));
    QVERIFY(m_store->targets().setTargetAttributes(
        t, { { QStringLiteral("a"), QStringLiteral("1") }, { QStringLiteral("b"), QStringLiteral("2") } }));
    QCOMPARE((*m_store->targets().targetAttributes(t)).size(), 2);
    QVERIFY(m_store->targets().setTargetAttributes(t, { { QStringLiteral("c"), QStringLiteral("3") } }));
    QCOMPARE((*m_store->targets().targetAttributes(t)),
             (QMap<QString, QString> { { QStringLiteral("c"), QStringLiteral("3") } }));
    QVERIFY(m_store->targets().target(t)->requestAttributes); // a new target is asked for its attributes
}

void TestSqlStore::pollsRecordedInBatch()
{
    const qint64 a = makeTarget(QStringLiteral("poll-a"));
    const qint64 b = makeTarget(QStringLiteral("poll-b"));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1780000000000, QTimeZone::UTC);
    const Target before = *m_store->targets().target(b);
    // Out of id order, with a target deleted meanwhile (skipped, the others recorded), and an address with the
    // characters PostgreSQL's array literal (one statement for the batch there) must escape.
    const QString odd = QStringLiteral("fe80::1%\"eth0\"\\x, {y}");
    QVERIFY(m_store->targets().recordPolls({ { b, at.addSecs(5), odd },
                                             { 987654321, at, QStringLiteral("10.0.0.2") },
                                             { a, at, QStringLiteral("10.0.0.1") } }));
    QCOMPARE(m_store->targets().target(a)->lastPoll, at);
    QCOMPARE(m_store->targets().target(a)->address, QStringLiteral("10.0.0.1"));
    const Target after = *m_store->targets().target(b);
    QCOMPARE(after.lastPoll, at.addSecs(5));
    QCOMPARE(after.address, odd);
    // Nothing else of the target moves.
    QCOMPARE(after.controllerId, before.controllerId);
    QCOMPARE(after.name, before.name);
    QCOMPARE(after.state, before.state);
    QCOMPARE(after.securityToken, before.securityToken);
    QCOMPARE(after.createdAt, before.createdAt);
    QCOMPARE(after.requestAttributes, before.requestAttributes);
}

void TestSqlStore::pollRecordedAtOnceKeepsOtherFields()
{
    const qint64 id = makeTarget(QStringLiteral("poll-now"));
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1780000000000, QTimeZone::UTC);
    // Another writer changes the target between the device's read and its poll being written.
    const Lookup<DeviceTarget> device = m_store->targets().deviceTarget(QStringLiteral("poll-now"));
    QVERIFY(device.found());
    const qint64 ds = makeSet();
    Target changed = *m_store->targets().target(id);
    changed.assignedDistributionSetId = ds;
    changed.autoConfirm = true;
    QVERIFY(m_store->targets().updateTarget(changed));

    QVERIFY(m_store->targets().recordPoll({ id, at, QStringLiteral("10.0.0.9") }, TargetState::Registered));
    const Lookup<Target> back = m_store->targets().target(id);
    QCOMPARE(back->state, TargetState::Registered);
    QCOMPARE(back->lastPoll, at);
    QCOMPARE(back->address, QStringLiteral("10.0.0.9"));
    QCOMPARE(back->assignedDistributionSetId, ds);
    QVERIFY(back->autoConfirm);
    // A target that is gone is reported.
    QVERIFY(!m_store->targets().recordPoll({ id + 1000, at, QStringLiteral("10.0.0.9") }, TargetState::Registered));
}

void TestSqlStore::installedActionIsTheLatestFinishedOfTheInstalledSet()
{
    const qint64 t = makeTarget(QStringLiteral("installed"));
    const qint64 set = makeSet();
    QCOMPARE((*m_store->actions().installedActionId(t)), 0);
    auto action = [&](ActionState state) {
        Action a;
        a.targetId = t;
        a.distributionSetId = set;
        a.state = state;
        a.createdAt = QDateTime::currentDateTimeUtc();
        return m_store->actions().insertAction(a).value();
    };
    action(ActionState::Finished);
    const qint64 latest = action(ActionState::Finished);
    action(ActionState::Error);
    QCOMPARE((*m_store->actions().installedActionId(t)), 0); // not installed yet
    Target target = *m_store->targets().target(t);
    target.installedDistributionSetId = set;
    QVERIFY(m_store->targets().updateTarget(target));
    QCOMPARE((*m_store->actions().installedActionId(t)), latest);
}

void TestSqlStore::typesRoundTrip()
{
    QVERIFY(m_store->repository()
                .insertSoftwareModuleType({ 0, QStringLiteral("fw"), QStringLiteral("Firmware"), 3 })
                .ok());
    QCOMPARE(m_store->repository().softwareModuleType(QStringLiteral("fw"))->maxAssignments, 3);
    QVERIFY(!m_store->repository().insertSoftwareModuleType({ 0, QStringLiteral("fw"), QStringLiteral("again"), 1 }));
    QVERIFY(m_store->repository()
                .insertDistributionSetType({ 0,
                                             QStringLiteral("set"),
                                             QStringLiteral("Set"),
                                             { QStringLiteral("fw") },
                                             { QStringLiteral("app") } })
                .ok());
    const Lookup<DistributionSetType> set = m_store->repository().distributionSetType(QStringLiteral("set"));
    QVERIFY(set.found());
    QCOMPARE(set->mandatoryModuleTypes, QStringList { QStringLiteral("fw") });
    QCOMPARE(set->optionalModuleTypes, QStringList { QStringLiteral("app") });
    QVERIFY(m_store->repository()
                .insertTargetType({ 0, QStringLiteral("cam"), QStringLiteral("Camera"), { QStringLiteral("set") } })
                .ok());
    QCOMPARE(m_store->repository().targetType(QStringLiteral("cam"))->compatibleSetTypes,
             QStringList { QStringLiteral("set") });
    QVERIFY(m_store->repository().targetType(QStringLiteral("none")).absent());
}

void TestSqlStore::targetFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("matching");
    const QStringList none;
    QTest::newRow("wildcard") << QStringLiteral("controllerId==cam-*")
                              << QStringList { QStringLiteral("cam-1"), QStringLiteral("cam-2") };
    QTest::newRow("case-insensitive") << QStringLiteral("name==CAM-1") << QStringList { QStringLiteral("cam-1") };
    QTest::newRow("attribute") << QStringLiteral("attribute.region==eu")
                               << QStringList { QStringLiteral("cam-1"), QStringLiteral("gw-1") };
    QTest::newRow("attribute absent counts as not equal")
        << QStringLiteral("attribute.region!=eu") << QStringList { QStringLiteral("cam-2"), QStringLiteral("plain") };
    QTest::newRow("status") << QStringLiteral("updateStatus==in_sync") << QStringList { QStringLiteral("gw-1") };
    QTest::newRow("or with group") << QStringLiteral("(controllerId==gw-*,name==plain);attribute.region!=us")
                                   << QStringList { QStringLiteral("gw-1"), QStringLiteral("plain") };
    QTest::newRow("out") << QStringLiteral("controllerId=out=(cam-1,cam-2)")
                         << QStringList { QStringLiteral("gw-1"), QStringLiteral("plain") };
    QTest::newRow("injection matches nothing, drops nothing")
        << QStringLiteral("name==\"x'; DROP TABLE targets; --\"") << none;
}

void TestSqlStore::targetFilters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, matching);
    QMap<QString, qint64> ids;
    for (const char *id : { "cam-1", "cam-2", "gw-1", "plain" })
        ids.insert(QLatin1String(id), makeTarget(QLatin1String(id)));
    QVERIFY(m_store->targets().setTargetAttributes(ids[QStringLiteral("cam-1")],
                                                   { { QStringLiteral("region"), QStringLiteral("EU") } }));
    QVERIFY(m_store->targets().setTargetAttributes(ids[QStringLiteral("cam-2")],
                                                   { { QStringLiteral("region"), QStringLiteral("us") } }));
    QVERIFY(m_store->targets().setTargetAttributes(ids[QStringLiteral("gw-1")],
                                                   { { QStringLiteral("region"), QStringLiteral("eu") } }));
    Target gw = *m_store->targets().target(ids[QStringLiteral("gw-1")]);
    gw.state = TargetState::InSync;
    QVERIFY(m_store->targets().updateTarget(gw));
    const Result<QList<qint64>> result = m_store->targets().targetIdsMatching(filter);
    QVERIFY2(result, qPrintable(m_store->lastError()));
    QList<qint64> expected;
    for (const QString &m : matching)
        expected << ids.value(m);
    QCOMPARE(*result, expected);
    QCOMPARE(m_store->targets().targetIdsMatching(QStringLiteral("controllerId==*"))->size(),
             4); // the table is still there
}

QTEST_GUILESS_MAIN(TestSqlStore)
#include "tst_sqlstore.moc"
