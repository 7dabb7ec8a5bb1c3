// The in-memory store's transactions and indexes: what a rollback undoes (rows, ids, and what the indexes answer:
// a target by controller id, a target's open actions, a group's counts), nested transactions as SqlStore has them
// (an inner rollback dooms the outer commit), and a commit that keeps everything.
#include "engine/memorystore.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestMemoryStore : public QObject
{
    Q_OBJECT

private:
    static Target target(const QString &id)
    {
        Target t;
        t.controllerId = id;
        t.securityToken = u"t"_s;
        t.state = TargetState::Registered;
        return t;
    }
    // A rollout with one group, a target in it and the target's running action: the group's id.
    static qint64 groupWithAction(MemoryStore &store, qint64 *targetId, qint64 *actionId)
    {
        *targetId = store.insertTarget(target(u"dev-1"_s));
        const qint64 set = store.insertDistributionSet({ 0, u"fw"_s, u"1"_s, u"os"_s, false, false, {} });
        Rollout r;
        r.name = u"r"_s;
        r.distributionSetId = set;
        const qint64 rollout = store.insertRollout(r);
        RolloutGroup g;
        g.rolloutId = rollout;
        g.name = u"g"_s;
        const qint64 group = store.insertRolloutGroup(g);
        store.addRolloutGroupTargets(group, { *targetId });
        Action a;
        a.targetId = *targetId;
        a.distributionSetId = set;
        a.state = ActionState::Running;
        a.rolloutId = rollout;
        a.rolloutGroupId = group;
        *actionId = store.insertAction(a);
        return group;
    }

private Q_SLOTS:
    void rollbackUndoesRowsIdsAndIndexes()
    {
        MemoryStore store;
        qint64 targetId = 0, actionId = 0;
        const qint64 group = groupWithAction(store, &targetId, &actionId);
        QCOMPARE(store.rolloutGroupCounts(group).running, 1);

        QVERIFY(store.begin());
        const qint64 other = store.insertTarget(target(u"dev-2"_s));
        QVERIFY(other > 0);
        QVERIFY(store.updateActionState(actionId, ActionState::Error, QDateTime::currentDateTimeUtc()));
        QCOMPARE(store.rolloutGroupCounts(group).error, 1);
        QVERIFY(store.setTargetAttributes(targetId, { { u"hw"_s, u"b"_s } }));
        QVERIFY(store.recordFeedbackOnce(actionId, u"k"_s));
        store.rollback();

        QVERIFY(!store.target(other));
        QVERIFY(!store.targetByControllerId(u"dev-2"_s));
        QCOMPARE(store.action(actionId)->state, ActionState::Running);
        QCOMPARE(store.rolloutGroupCounts(group).running, 1);
        QCOMPARE(store.rolloutGroupCounts(group).error, 0);
        QCOMPARE(store.openActions(targetId).size(), 1);
        QVERIFY(store.targetAttributes(targetId).isEmpty());
        QVERIFY(store.recordFeedbackOnce(actionId, u"k"_s)); // the receipt went too
        // The id was given back: the next insert gets it again, as the rolled-back row never was.
        QCOMPARE(store.insertTarget(target(u"dev-3"_s)), other);
        QCOMPARE(store.targetByControllerId(u"dev-3"_s)->id, other);
    }

    void innerRollbackDoomsTheOuterCommit()
    {
        MemoryStore store;
        QVERIFY(store.begin());
        QVERIFY(store.insertTarget(target(u"a"_s)) > 0);
        QVERIFY(store.begin());
        QVERIFY(store.insertTarget(target(u"b"_s)) > 0);
        store.rollback();
        QVERIFY(!store.commit());
        QVERIFY(!store.targetByControllerId(u"a"_s));
        QVERIFY(!store.targetByControllerId(u"b"_s));
    }

    void commitKeepsEverything()
    {
        MemoryStore store;
        QVERIFY(store.begin());
        QVERIFY(store.begin());
        const qint64 a = store.insertTarget(target(u"a"_s));
        QVERIFY(store.commit());
        QVERIFY(store.commit());
        store.rollback(); // outside a transaction: nothing to undo
        QCOMPARE(store.targetByControllerId(u"a"_s)->id, a);
        QCOMPARE(store.insertTarget(target(u"a"_s)), 0); // the index knows it
    }

    void countsFollowEveryStateChange()
    {
        MemoryStore store;
        qint64 targetId = 0, actionId = 0;
        const qint64 group = groupWithAction(store, &targetId, &actionId);
        QVERIFY(store.updateActionState(actionId, ActionState::Finished, QDateTime::currentDateTimeUtc()));
        GroupCounts c = store.rolloutGroupCounts(group);
        QCOMPARE(c.total, 1);
        QCOMPARE(c.running, 0);
        QCOMPARE(c.finished, 1);
        QCOMPARE(store.openActions(targetId).size(), 0);
        QCOMPARE(store.rolloutGroupActions(group).size(), 1);
        QCOMPARE(store.countActions(targetId), 1);
    }
};

QTEST_GUILESS_MAIN(TestMemoryStore)
#include "tst_memorystore.moc"
