// What a device's DDI request reads in one statement on SQL (SQLite and a PostgreSQL the test starts): a feedback's
// action with its history size, its target with it, and a poll's target with its open actions. Each is compared with
// the engine's default, which reads them apart.
#include "backend/sqlactionstore.h"
#include "backend/sqlstore.h"
#include "backend/sqltargetstore.h"
#include "tests/backend/sqlstorefixture.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestSqlDeviceReads : public SqlStoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void actionWithItsHistorySize();
    void deviceTargetWithItsAction();
    void aControllerIdIsReadAsText_data();
    void aControllerIdIsReadAsText();
    void deviceTargetWithItsOpenActions();
};

// What applying feedback reads: the action whole and the size of its history, in one statement.
void TestSqlDeviceReads::actionWithItsHistorySize()
{
    const Action a = makeAction();
    Action other = a; // another action of the same target
    other.id = m_store->actions().insertAction(other).value();
    const ActionWithHistorySize fresh = *m_store->actions().actionWithHistorySize(a.id);
    const Action whole = *m_store->actions().action(a.id);
    QCOMPARE(fresh.action.id, a.id);
    QCOMPARE(fresh.action.targetId, whole.targetId);
    QCOMPARE(fresh.action.distributionSetId, whole.distributionSetId);
    QCOMPARE(fresh.action.state, whole.state);
    QCOMPARE(fresh.action.createdAt, whole.createdAt);
    QCOMPARE(fresh.action.initiator, whole.initiator);
    QCOMPARE(fresh.historySize, 0);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_store->actions().appendStatus(a.id, { a.createdAt.addSecs(i), HistoryStatus::Running, {}, {} }));
    QVERIFY(m_store->actions().appendStatus(other.id, { a.createdAt, HistoryStatus::Running, {}, {} }));
    QCOMPARE(m_store->actions().actionWithHistorySize(a.id)->historySize, 3);
    QCOMPARE(m_store->actions().actionWithHistorySize(other.id)->historySize, 1);
    QVERIFY(m_store->actions().actionWithHistorySize(a.id + other.id + 1000).absent());
}

// What a DDI feedback reads before it is applied: its target and that target's action, in one statement. The
// engine's default (two reads, ActionStore::deviceTargetAndAction) is the reference it must agree with.
void TestSqlDeviceReads::deviceTargetWithItsAction()
{
    const Action a = makeAction();
    for (int i = 0; i < 2; ++i)
        QVERIFY(m_store->actions().appendStatus(a.id, { a.createdAt.addSecs(i), HistoryStatus::Running, {}, {} }));
    const QString controllerId = m_store->targets().target(a.targetId)->controllerId;
    Action foreign = a; // another target's action
    foreign.targetId = makeTarget(u"someone-else"_s);
    foreign.id = m_store->actions().insertAction(foreign).value();
    QVERIFY(m_store->targets().recordPoll({ a.targetId, a.createdAt, u"10.1.2.3"_s }, TargetState::Pending));

    SqlActionStore &actions = m_store->actions();
    const auto both = [&](const QString &id, qint64 actionId) {
        return std::pair { actions.deviceTargetAndAction(m_store->targets(), id, actionId),
                           actions.ActionStore::deviceTargetAndAction(m_store->targets(), id, actionId) };
    };
    {
        const auto [read, reference] = both(controllerId, a.id);
        QVERIFY(read.found() && reference.found());
        QCOMPARE(read->target.id, a.targetId);
        QCOMPARE(read->target.controllerId, controllerId);
        QCOMPARE(read->target.securityToken, reference->target.securityToken);
        QVERIFY(!read->target.securityToken.isEmpty());
        QCOMPARE(read->target.state, TargetState::Pending);
        QCOMPARE(read->target.address, u"10.1.2.3"_s);
        QCOMPARE(read->target.lastPoll, reference->target.lastPoll);
        QCOMPARE(read->target.installedDistributionSetId, reference->target.installedDistributionSetId);
        QCOMPARE(read->target.requestAttributes, reference->target.requestAttributes);
        QVERIFY(read->action && reference->action);
        QCOMPARE(read->action->action.id, a.id);
        QCOMPARE(read->action->action.distributionSetId, reference->action->action.distributionSetId);
        QCOMPARE(read->action->action.state, reference->action->action.state);
        QCOMPARE(read->action->action.createdAt, reference->action->action.createdAt);
        QCOMPARE(read->action->historySize, 2);
        QCOMPARE(reference->action->historySize, 2);
    }
    for (const qint64 notHers : { foreign.id, foreign.id + 1000, qint64(0) }) {
        const auto [read, reference] = both(controllerId, notHers);
        QVERIFY(read.found() && reference.found());
        QCOMPARE(read->target.id, a.targetId);
        QVERIFY2(!read->action && !reference->action, "another target's action, or none, is unknown");
    }
    const auto [unknown, unknownReference] = both(u"nobody"_s, a.id);
    QVERIFY(unknown.absent() && unknownReference.absent());
}

void TestSqlDeviceReads::aControllerIdIsReadAsText_data()
{
    // On PostgreSQL the feedback's read is written as text (the arguments of a statement prepared on the server, as
    // QPSQL writes them): what the id holds must reach the database as a value, never as SQL.
    QTest::addColumn<QString>("controllerId");
    QTest::newRow("quote") << u"o'brien"_s;
    QTest::newRow("backslash and quote") << u"a\\'b\\"_s;
    QTest::newRow("an attempt at SQL") << u"x'); DROP TABLE targets; --"_s;
    QTest::newRow("dollar quotes") << u"$$x$$"_s;
    QTest::newRow("not ASCII") << u"gerät-ü-\u00e9-\u6f22"_s;
}

void TestSqlDeviceReads::aControllerIdIsReadAsText()
{
    QFETCH(QString, controllerId);
    Action a = makeAction();
    a.targetId = makeTarget(controllerId);
    a.id = m_store->actions().insertAction(a).value();
    const Lookup<DeviceTargetAndAction> read
        = m_store->actions().deviceTargetAndAction(m_store->targets(), controllerId, a.id);
    QVERIFY2(read.found(), read.failed() ? qPrintable(read.error().message) : "absent");
    QCOMPARE(read->target.id, a.targetId);
    QCOMPARE(read->target.controllerId, controllerId);
    QCOMPARE(read->target.securityToken, u"token-"_s + controllerId);
    QVERIFY(read->action);
    QCOMPARE(read->action->action.id, a.id);
    // Nothing else was read (or done): an id that differs by its last character is unknown, and the tables stand.
    QVERIFY(m_store->actions().deviceTargetAndAction(m_store->targets(), controllerId + u'x', a.id).absent());
    QCOMPARE(m_store->countRows(u"targets"_s), 2); // makeAction's "dev" and this one: none dropped
}

// What a DDI poll reads: its target and its open actions in presentation order (highest weight, then oldest), in
// one statement that must agree with the engine's default (deviceTarget, then openActionsForPoll).
void TestSqlDeviceReads::deviceTargetWithItsOpenActions()
{
    SqlActionStore &actions = m_store->actions();
    const auto both = [&](const QString &id) {
        return std::pair { actions.deviceTargetAndOpenActions(m_store->targets(), id),
                           actions.ActionStore::deviceTargetAndOpenActions(m_store->targets(), id) };
    };
    const auto ids = [](const QList<Action> &list) {
        QList<qint64> out;
        for (const Action &a : list)
            out.append(a.id);
        return out;
    };
    const qint64 target = makeTarget(u"polling"_s);
    {
        const auto [read, reference] = both(u"polling"_s);
        QVERIFY(read.found() && reference.found());
        QCOMPARE(read->target.id, target);
        QVERIFY2(read->open.isEmpty() && reference->open.isEmpty(), "no actions: one row of nulls, no action");
    }
    Action a;
    a.targetId = target;
    a.distributionSetId = makeSet();
    a.createdAt = QDateTime::currentDateTimeUtc();
    const auto insert = [&](int weight, ActionState state) {
        Action b = a;
        b.weight = weight;
        b.state = state;
        return actions.insertAction(b).value();
    };
    const qint64 light = insert(100, ActionState::Running);
    const qint64 heavy = insert(500, ActionState::Running);
    const qint64 lightLater = insert(100, ActionState::Running);
    insert(900, ActionState::Finished); // closed: not open
    Action foreign = a;
    foreign.targetId = makeTarget(u"neighbour"_s);
    QVERIFY(actions.insertAction(foreign));
    Action windowed = a;
    windowed.weight = 100;
    windowed.maintenanceWindow = MaintenanceSchedule::create(u"0 0 3 * * ?"_s, u"01:00:00"_s, u"+00:00"_s);
    QVERIFY(windowed.maintenanceWindow);
    windowed.id = actions.insertAction(windowed).value();

    const auto [read, reference] = both(u"polling"_s);
    QVERIFY(read.found() && reference.found());
    QCOMPARE(read->target.id, target);
    QCOMPARE(read->target.securityToken, reference->target.securityToken);
    QCOMPARE(ids(read->open), QList<qint64>({ heavy, light, lightLater, windowed.id }));
    QCOMPARE(ids(read->open), ids(reference->open));
    for (qsizetype i = 0; i < read->open.size(); ++i) {
        const Action &x = read->open.at(i);
        const Action &y = reference->open.at(i);
        QCOMPARE(x.targetId, target);
        QCOMPARE(x.weight, y.weight);
        QCOMPARE(x.state, y.state);
        QCOMPARE(x.type, y.type);
        QCOMPARE(bool(x.maintenanceWindow), bool(y.maintenanceWindow));
    }
    QCOMPARE(read->open.last().maintenanceWindow->schedule(), u"0 0 3 * * ?"_s);
    const auto [unknown, unknownReference] = both(u"nobody"_s);
    QVERIFY(unknown.absent() && unknownReference.absent());
}

QTEST_GUILESS_MAIN(TestSqlDeviceReads)
#include "tst_sqldevicereads.moc"
