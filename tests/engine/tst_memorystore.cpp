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
        *targetId = store.targets().insertTarget(target(u"dev-1"_s)).value();
        const qint64 set
            = store.repository().insertDistributionSet({ 0, u"fw"_s, u"1"_s, u"os"_s, false, false, {} }).value();
        Rollout r;
        r.name = u"r"_s;
        r.distributionSetId = set;
        const qint64 rollout = *store.rollouts().insertRollout(r); // throws (the test fails) when refused
        RolloutGroup g;
        g.rolloutId = rollout;
        g.name = u"g"_s;
        const qint64 group = *store.rollouts().insertRolloutGroup(g);
        if (!store.rollouts().addRolloutGroupTargets(group, { *targetId }))
            return 0;
        Action a;
        a.targetId = *targetId;
        a.distributionSetId = set;
        a.state = ActionState::Running;
        a.rolloutId = rollout;
        a.rolloutGroupId = group;
        *actionId = store.actions().insertAction(a).value();
        return group;
    }

private Q_SLOTS:
    void rollbackUndoesRowsIdsAndIndexes()
    {
        MemoryStore store;
        qint64 targetId = 0, actionId = 0;
        const qint64 group = groupWithAction(store, &targetId, &actionId);
        QCOMPARE((*store.rollouts().rolloutGroupCounts(group)).running, 1);

        QVERIFY(store.begin());
        const qint64 other = store.targets().insertTarget(target(u"dev-2"_s)).value();
        QVERIFY(other > 0);
        QVERIFY(store.actions().updateActionState(actionId, ActionState::Error, QDateTime::currentDateTimeUtc()));
        QCOMPARE((*store.rollouts().rolloutGroupCounts(group)).error, 1);
        QVERIFY(store.targets().setTargetAttributes(targetId, { { u"hw"_s, u"b"_s } }));
        QCOMPARE(store.actions().recordFeedbackOnce(actionId, u"k"_s).value(), true);
        store.rollback();

        QVERIFY(store.targets().target(other).absent());
        QVERIFY(store.targets().targetByControllerId(u"dev-2"_s).absent());
        QCOMPARE(store.actions().action(actionId)->state, ActionState::Running);
        QCOMPARE((*store.rollouts().rolloutGroupCounts(group)).running, 1);
        QCOMPARE((*store.rollouts().rolloutGroupCounts(group)).error, 0);
        QCOMPARE((*store.actions().openActions(targetId)).size(), 1);
        QVERIFY((*store.targets().targetAttributes(targetId)).isEmpty());
        QCOMPARE(store.actions().recordFeedbackOnce(actionId, u"k"_s).value(), true); // the receipt went too
        // The id was given back: the next insert gets it again, as the rolled-back row never was.
        QCOMPARE(store.targets().insertTarget(target(u"dev-3"_s)).value(), other);
        QCOMPARE(store.targets().targetByControllerId(u"dev-3"_s)->id, other);
    }

    void innerRollbackDoomsTheOuterCommit()
    {
        MemoryStore store;
        QVERIFY(store.begin());
        QVERIFY(store.targets().insertTarget(target(u"a"_s)).ok());
        QVERIFY(store.begin());
        QVERIFY(store.targets().insertTarget(target(u"b"_s)).ok());
        store.rollback();
        QVERIFY(!store.commit());
        QVERIFY(store.targets().targetByControllerId(u"a"_s).absent());
        QVERIFY(store.targets().targetByControllerId(u"b"_s).absent());
    }

    void commitKeepsEverything()
    {
        MemoryStore store;
        QVERIFY(store.begin());
        QVERIFY(store.begin());
        const qint64 a = store.targets().insertTarget(target(u"a"_s)).value();
        QVERIFY(store.commit());
        QVERIFY(store.commit());
        store.rollback(); // outside a transaction: nothing to undo
        QCOMPARE(store.targets().targetByControllerId(u"a"_s)->id, a);
        QVERIFY(!store.targets().insertTarget(target(u"a"_s))); // the index knows it
    }

    void countsFollowEveryStateChange()
    {
        MemoryStore store;
        qint64 targetId = 0, actionId = 0;
        const qint64 group = groupWithAction(store, &targetId, &actionId);
        QVERIFY(store.actions().updateActionState(actionId, ActionState::Finished, QDateTime::currentDateTimeUtc()));
        GroupCounts c = (*store.rollouts().rolloutGroupCounts(group));
        QCOMPARE(c.total, 1);
        QCOMPARE(c.running, 0);
        QCOMPARE(c.finished, 1);
        QCOMPARE((*store.actions().openActions(targetId)).size(), 0);
        QCOMPARE((*store.rollouts().rolloutGroupActions(group)).size(), 1);
        QCOMPARE((*store.actions().countActions(targetId)), 1);
    }
};

QTEST_GUILESS_MAIN(TestMemoryStore)
#include "tst_memorystore.moc"
