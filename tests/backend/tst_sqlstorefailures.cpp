// The SQL store when a statement fails (a table taken away under it), on SQLite and on PostgreSQL: a read that
// fails is never "there is none" or the defaults, and every write of every aggregate that fails is a Failure with
// the store's words (issue 18, item 6), after which the same write succeeds once the table is back.
#include "backend/sqlaccountstore.h"
#include "backend/sqlaudittrail.h"
#include "backend/sqlmetadatastore.h"
#include "backend/sqlrolloutstore.h"
#include "backend/sqltagstore.h"
#include "backend/sqltargetfilterstore.h"
#include "tests/backend/sqlstorefixture.h"
#include "tests/common/tableaway.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

// A store write that failed as the store says: coded "flotilla.store", its message naming what was being done.
static bool failsWith(const Result<void> &written, const QString &words)
{
    return !written && written.error().code == u"flotilla.store"_s && written.error().message.contains(words);
}

class TestSqlStoreFailures : public SqlStoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void unreadableConfigurationIsNeverTheDefaults();
    void aLookupThatFailsIsNotAbsent();
    void aWriteThatFailsSaysWhy();
    void accountMetadataAuditAndConfigurationWritesThatFailSayWhy();
    void rolloutWritesThatFailSayWhy();
    void targetWritesThatFailSayWhy();
    void actionWritesThatFailSayWhy();
    void repositoryWritesThatFailSayWhy();
};

// A read of the configuration that fails (after a rollback emptied the cache) gives the configuration last read,
// committed changes included, and says so in lastError(): never the defaults in place of what the operator set.
void TestSqlStoreFailures::unreadableConfigurationIsNeverTheDefaults()
{
    TenantConfiguration c = m_store->tenantConfiguration();
    c.autoClose = true;
    c.pollingSecs = 42;
    QVERIFY(m_store->begin());
    QVERIFY(m_store->setTenantConfiguration(c));
    QVERIFY(m_store->commit());
    QVERIFY(m_store->begin());
    c.pollingSecs = 7; // never committed
    QVERIFY(m_store->setTenantConfiguration(c));
    m_store->rollback();

    TenantConfiguration read;
    QString error;
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"tenant_config"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        read = m_store->tenantConfiguration();
        error = m_store->lastError();
    }

    QVERIFY(read.autoClose);
    QCOMPARE(read.pollingSecs, 42);
    QVERIFY2(error.contains(u"reading the tenant configuration"_s), qPrintable(error));
    QCOMPARE(m_store->tenantConfiguration().pollingSecs, 42); // and from the table again
}

// A lookup whose read fails says so (it is not "there is none"), and a statement whose prepare failed while the
// table was away is prepared again on its next use instead of failing on this connection for good.
void TestSqlStoreFailures::aLookupThatFailsIsNotAbsent()
{
    const Action action = makeAction();
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"actions"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Lookup<Action> failed = m_store->actions().action(action.id);
        QVERIFY(failed.failed());
        QVERIFY(!failed.found());
        QVERIFY(!failed.absent());
        QVERIFY2(failed.error().message.contains(u"reading action %1"_s.arg(action.id)),
                 qPrintable(failed.error().message));
    }
    const Lookup<Action> again = m_store->actions().action(action.id);
    QVERIFY2(again.found(), again.failed() ? qPrintable(again.error().message) : "absent");
    QCOMPARE(again->state, action.state);
    QVERIFY(m_store->actions().action(action.id + 1000).absent());
}

// Issue 18, item 6, writes: a tag, target filter or auto-assignment write that fails is a Failure with the store's
// words (before: false or 0 and the session's lastError()), and the same write succeeds once the table is back.
void TestSqlStoreFailures::aWriteThatFailsSaysWhy()
{
    using Kind = SqlTagStore::TagKind;
    SqlTagStore &tags = m_store->tagStore();
    const Result<qint64> lab = tags.insertTag(Kind::Target, { 0, u"Lab"_s, u"bench"_s, u"#00ff00"_s });
    QVERIFY2(lab, lab ? "" : qPrintable(lab.error().message));
    const qint64 target = makeTarget(u"tagged-1"_s);
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"target_tags"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<qint64> inserted = tags.insertTag(Kind::Target, { 0, u"Field"_s, {}, {} });
        QVERIFY(!inserted);
        QCOMPARE(inserted.error().code, u"flotilla.store"_s);
        QVERIFY2(inserted.error().message.contains(u"inserting tag Field"_s), qPrintable(inserted.error().message));
        const Result<void> updated = tags.updateTag(Kind::Target, { *lab, u"Lab 2"_s, {}, {} });
        QVERIFY(!updated);
        QVERIFY2(updated.error().message.contains(u"updating tag %1"_s.arg(*lab)), qPrintable(updated.error().message));
    }
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"target_tag_assignments"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<void> tagged = tags.tagMember(Kind::Target, *lab, target, true);
        QVERIFY(!tagged);
        QVERIFY2(tagged.error().message.contains(u"tagging %1"_s.arg(target)), qPrintable(tagged.error().message));
        const Result<void> deleted = tags.deleteTag(Kind::Target, *lab);
        QVERIFY(!deleted);
        QVERIFY2(deleted.error().message.contains(u"deleting tag %1"_s.arg(*lab)), qPrintable(deleted.error().message));
    }
    QVERIFY(tags.updateTag(Kind::Target, { *lab, u"Lab 2"_s, {}, {} }).ok());
    QVERIFY(tags.tagMember(Kind::Target, *lab, target, true).ok());
    QCOMPARE(*tags.tagsOf(Kind::Target, target), QList<qint64> { *lab });
    QVERIFY(tags.deleteTag(Kind::Target, *lab).ok());
    QVERIFY(tags.tagsOf(Kind::Target, target)->isEmpty());

    // The target filter aggregate: filters and auto-assignments.
    SqlTargetFilterStore &filters = m_store->filters();
    TargetFilter filter;
    filter.name = u"cameras"_s;
    filter.query = u"controllerId==cam-*"_s;
    AutoAssignment later;
    later.name = u"later"_s;
    later.query = u"controllerId==cam-*"_s;
    later.distributionSetId = makeSet();
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"target_filters"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<qint64> inserted = filters.insertTargetFilter(filter);
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting target filter cameras"_s),
                 qPrintable(inserted.error().message));
    }
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"auto_assignments"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<qint64> inserted = filters.insertAutoAssignment(later);
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting auto-assignment later"_s),
                 qPrintable(inserted.error().message));
        QVERIFY(!filters.deleteAutoAssignmentsOfSet(later.distributionSetId));
    }
    const Result<qint64> filterId = filters.insertTargetFilter(filter);
    QVERIFY(filterId);
    filter.id = *filterId;
    filter.name = u"all cameras"_s;
    QVERIFY(filters.updateTargetFilter(filter).ok());
    QCOMPARE(filters.targetFilter(filter.id)->name, u"all cameras"_s);
    const Result<qint64> laterId = filters.insertAutoAssignment(later);
    QVERIFY(laterId);
    later.id = *laterId;
    later.status = AutoAssignmentStatus::Running;
    QVERIFY(filters.updateAutoAssignment(later).ok());
    QVERIFY(filters.deleteAutoAssignment(later.id).ok());
    // Updating one deleted meanwhile says so (before: false, with whatever lastError() held).
    const Result<void> gone = filters.updateAutoAssignment(later);
    QVERIFY(!gone);
    QVERIFY2(gone.error().message.contains(u"there is no such auto-assignment"_s), qPrintable(gone.error().message));
    QVERIFY(filters.deleteTargetFilter(filter.id).ok());
    QVERIFY(filters.targetFilter(filter.id).absent());
}

// The same for the SQL-only stores (accounts, metadata, the audit trail) and the tenant configuration.
void TestSqlStoreFailures::accountMetadataAuditAndConfigurationWritesThatFailSayWhy()
{
    SqlAccountStore &accounts = m_store->accounts();
    const Result<qint64> ada = accounts.insertUser(u"ada"_s, u"hash"_s, { u"admin"_s });
    QVERIFY2(ada, ada ? "" : qPrintable(ada.error().message));
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"users"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<qint64> inserted = accounts.insertUser(u"grace"_s, u"hash"_s, { u"viewer"_s });
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting user grace"_s), qPrintable(inserted.error().message));
        QVERIFY(failsWith(accounts.updateUser(*ada, QString(), { u"viewer"_s }), u"updating user %1"_s.arg(*ada)));
    }
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"api_tokens"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const QDateTime tomorrow = QDateTime::currentDateTimeUtc().addDays(1);
        QVERIFY(failsWith(accounts.insertToken(*ada, u"t"_s, tomorrow), u"saving a token"_s));
        QVERIFY(failsWith(accounts.deleteUser(*ada), u"deleting user %1"_s.arg(*ada)));
    }
    QVERIFY(accounts.userByName(u"ada"_s).found()); // the failed delete took nothing

    SqlMetadataStore &metadata = m_store->metadataStore();
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"entity_metadata"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        QVERIFY(failsWith(metadata.setMetadata(u"target"_s, 7, { u"site"_s, u"Berlin"_s, false }),
                          u"saving metadata 'site' of target 7"_s));
        QVERIFY(failsWith(metadata.deleteMetadata(u"target"_s, 7, {}), u"deleting metadata of target 7"_s));
    }
    SqlAuditTrail &trail = m_store->auditTrail();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"entity_audit"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        QVERIFY(failsWith(trail.recordAudit(u"target"_s, 7, u"ada"_s, now, true), u"recording who changed target 7"_s));
        QVERIFY(failsWith(trail.forgetAudit(u"target"_s, 7), u"forgetting target 7"_s));
    }
    SqlAuditTrail::AuditEntry entry;
    entry.at = now;
    entry.actor = u"ada"_s;
    entry.method = u"DELETE"_s;
    entry.path = u"/targets/t-7"_s;
    entry.status = 204;
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"audit_log"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        QVERIFY(failsWith(trail.appendAuditEntry(entry), u"writing the audit entry of DELETE /targets/t-7"_s));
    }

    TenantConfiguration config = m_store->configuration().tenantConfiguration();
    config.pollingSecs = 420;
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"tenant_config"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        QVERIFY(failsWith(m_store->configuration().setTenantConfiguration(config), u"saving tenant configuration"_s));
    }

    // Back again, every write succeeds.
    QVERIFY(m_store->configuration().setTenantConfiguration(config).ok());
    QCOMPARE(m_store->configuration().tenantConfiguration().pollingSecs, 420);
    QVERIFY(accounts.updateUser(*ada, QString(), { u"viewer"_s }).ok());
    QVERIFY(accounts.insertToken(*ada, u"t"_s, now.addDays(1)).ok());
    QVERIFY(metadata.setMetadata(u"target"_s, 7, { u"site"_s, u"Berlin"_s, false }).ok());
    QCOMPARE(metadata.metadataEntry(u"target"_s, 7, u"site"_s)->value, u"Berlin"_s);
    QVERIFY(metadata.deleteMetadata(u"target"_s, 7, {}).ok());
    QVERIFY(trail.recordAudit(u"target"_s, 7, u"ada"_s, now, true).ok());
    QCOMPARE(trail.audit(u"target"_s, { 7 })->value(7).createdBy, u"ada"_s);
    QVERIFY(trail.forgetAudit(u"target"_s, 7).ok());
    QVERIFY(trail.appendAuditEntry(entry).ok());
    QVERIFY(accounts.deleteUser(*ada).ok());
    QVERIFY(accounts.userByName(u"ada"_s).absent());
}

// And the rollout aggregate's writes (engine/rolloutstore.h), with a state update of a rollout or group deleted
// meanwhile (before: false, with whatever lastError() held).
void TestSqlStoreFailures::rolloutWritesThatFailSayWhy()
{
    SqlRolloutStore &rollouts = m_store->rollouts();
    Rollout r;
    r.name = u"canary"_s;
    r.distributionSetId = makeSet();
    r.createdAt = QDateTime::currentDateTimeUtc();
    const qint64 target = makeTarget(u"rolled-1"_s);
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"rollouts"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<qint64> inserted = rollouts.insertRollout(r);
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting rollout canary"_s),
                 qPrintable(inserted.error().message));
    }
    const Result<qint64> rolloutId = rollouts.insertRollout(r);
    QVERIFY(rolloutId);
    RolloutGroup g;
    g.rolloutId = *rolloutId;
    g.name = u"first"_s;
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"rollout_groups"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<qint64> inserted = rollouts.insertRolloutGroup(g);
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting group first of rollout %1"_s.arg(*rolloutId)),
                 qPrintable(inserted.error().message));
    }
    const Result<qint64> groupId = rollouts.insertRolloutGroup(g);
    QVERIFY(groupId);
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"rollout_group_targets"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        QVERIFY(failsWith(rollouts.addRolloutGroupTargets(*groupId, { target }),
                          u"adding target %1 to group %2"_s.arg(target).arg(*groupId)));
        QVERIFY(failsWith(rollouts.deleteRollout(*rolloutId), u"deleting rollout %1"_s.arg(*rolloutId)));
    }
    QVERIFY(rollouts.rollout(*rolloutId).found()); // the failed delete took nothing
    QVERIFY(rollouts.addRolloutGroupTargets(*groupId, { target }).ok());
    QVERIFY(rollouts.updateRolloutGroupState(*groupId, RolloutGroupState::Ready).ok());
    QVERIFY(rollouts.updateRolloutState(*rolloutId, RolloutState::Ready).ok());
    QVERIFY(rollouts.updateRolloutText(*rolloutId, u"canary 2"_s, u"renamed"_s).ok());
    QCOMPARE(rollouts.rolloutNamed(u"canary 2"_s)->id, *rolloutId);
    QVERIFY(rollouts.rolloutNamed(u"canary"_s).absent());
    QVERIFY(rollouts.deleteRollout(*rolloutId).ok());
    QVERIFY(failsWith(rollouts.updateRolloutState(*rolloutId, RolloutState::Running), u"there is no such rollout"_s));
    QVERIFY(
        failsWith(rollouts.updateRolloutGroupState(*groupId, RolloutGroupState::Running), u"there is no such group"_s));
}

// And the target aggregate's writes (engine/targetstore.h and the Management API's own).
void TestSqlStoreFailures::targetWritesThatFailSayWhy()
{
    SqlTargetStore &targets = m_store->targets();
    const qint64 id = makeTarget(u"written-1"_s);
    Target t = *targets.target(id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"targets"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        Target other = t;
        other.controllerId = u"written-2"_s;
        const Result<qint64> inserted = targets.insertTarget(other);
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting target written-2"_s),
                 qPrintable(inserted.error().message));
        QVERIFY(failsWith(targets.updateTarget(t), u"updating target %1"_s.arg(id)));
        QVERIFY(failsWith(targets.recordPoll({ id, now, u"10.0.0.1"_s }, TargetState::Registered),
                          u"recording the poll of target %1"_s.arg(id)));
        QVERIFY(failsWith(targets.recordPolls({ { id, now, u"10.0.0.1"_s } }),
                          u"recording the poll of target %1"_s.arg(id)));
        // A batch (one statement on PostgreSQL, one a target on SQLite) fails as a whole and says so.
        QVERIFY(failsWith(targets.recordPolls({ { id, now, u"10.0.0.1"_s }, { id, now, u"10.0.0.2"_s } }),
                          u"recording the poll"_s));
        QVERIFY(failsWith(targets.setTargetGroup({ id }, u"Berlin"_s), u"putting target %1 in group Berlin"_s.arg(id)));
    }
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"target_attributes"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        QVERIFY(failsWith(targets.setTargetAttributes(id, { { u"hw"_s, u"b"_s } }),
                          u"clearing the attributes of target %1"_s.arg(id)));
        QVERIFY(failsWith(targets.deleteTarget(id), u"deleting target %1"_s.arg(id)));
    }
    QVERIFY(targets.target(id).found()); // the failed delete took nothing
    t.name = u"renamed"_s;
    QVERIFY(targets.updateTarget(t).ok());
    QVERIFY(targets.setTargetAttributes(id, { { u"hw"_s, u"b"_s } }).ok());
    QVERIFY(targets.setTargetGroup({ id }, u"Berlin"_s).ok());
    QVERIFY(targets.recordPoll({ id, now, u"10.0.0.1"_s }, TargetState::Registered).ok());
    QCOMPARE(targets.target(id)->name, u"renamed"_s);
    QVERIFY(targets.deleteTarget(id).ok());
    // A write to a target deleted meanwhile says so (before: false, with whatever lastError() held).
    QVERIFY(failsWith(targets.updateTarget(t), u"there is no such target"_s));
    QVERIFY(failsWith(targets.recordPoll({ id, now, u"10.0.0.1"_s }, TargetState::Registered),
                      u"there is no such target"_s));
}

// And the action aggregate's writes; a feedback receipt that cannot be written is a failure, neither "first" nor
// "duplicate" (before: false, which the feedback took for a duplicate and dropped).
void TestSqlStoreFailures::actionWritesThatFailSayWhy()
{
    SqlActionStore &actions = m_store->actions();
    const Action a = makeAction();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"actions"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<qint64> inserted = actions.insertAction(a);
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting an action for target %1"_s.arg(a.targetId)),
                 qPrintable(inserted.error().message));
        QVERIFY(
            failsWith(actions.updateActionState(a.id, ActionState::Running, now), u"updating action %1"_s.arg(a.id)));
        QVERIFY(failsWith(actions.updateActionType(a.id, ActionType::Forced), u"updating action %1"_s.arg(a.id)));
    }
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"action_status"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        QVERIFY(failsWith(actions.appendStatus(a.id, { now, HistoryStatus::Running, { u"m"_s }, std::nullopt }),
                          u"adding a status to action %1"_s.arg(a.id)));
    }
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"feedback_receipts"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Result<bool> receipt = actions.recordFeedbackOnce(a.id, u"k"_s);
        QVERIFY(!receipt);
        QVERIFY2(receipt.error().message.contains(u"recording feedback for action %1"_s.arg(a.id)),
                 qPrintable(receipt.error().message));
    }
    QCOMPARE(actions.recordFeedbackOnce(a.id, u"k"_s).value(), true);
    QVERIFY(actions.updateActionState(a.id, ActionState::Finished, now).ok());
    QVERIFY(actions.appendStatus(a.id, { now, HistoryStatus::Finished, { u"m"_s }, std::nullopt }).ok());
    QCOMPARE(actions.deleteClosedActions({ a.id }).value(), 1);
    QVERIFY(failsWith(actions.updateActionState(a.id, ActionState::Running, now), u"there is no such action"_s));
}

// And the repository aggregate's writes.
void TestSqlStoreFailures::repositoryWritesThatFailSayWhy()
{
    SqlRepositoryStore &repository = m_store->repository();
    const qint64 setId = makeSet();
    DistributionSet set = *repository.distributionSet(setId);
    {
        const FlotillaTest::TableAway away(FlotillaTest::storeConnection(), u"distribution_sets"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        DistributionSet other = set;
        other.version = u"9.9"_s;
        const Result<qint64> inserted = repository.insertDistributionSet(other);
        QVERIFY(!inserted);
        QVERIFY2(inserted.error().message.contains(u"inserting distribution set os 9.9"_s),
                 qPrintable(inserted.error().message));
        QVERIFY(failsWith(repository.lockDistributionSet(setId), u"locking distribution set %1"_s.arg(setId)));
        QVERIFY(failsWith(repository.updateDistributionSet(set), u"updating distribution set %1"_s.arg(setId)));
        QVERIFY(failsWith(repository.deleteDistributionSet(setId), u"deleting distribution set %1"_s.arg(setId)));
    }
    QVERIFY(repository.lockDistributionSet(setId).ok());
    QVERIFY(repository.distributionSet(setId)->locked);
    QVERIFY(failsWith(repository.deleteArtifact(424242), u"deleting artifact 424242: there is no such artifact"_s));
    QVERIFY(repository.deleteDistributionSet(setId).ok());
    QVERIFY(repository.distributionSet(setId).absent());
}

QTEST_GUILESS_MAIN(TestSqlStoreFailures)
#include "tst_sqlstorefailures.moc"
