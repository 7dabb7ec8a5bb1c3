// Group commit of the SQL store (StoreSession::beginGroup / endGroup, engine/storesession.h), on SQLite and on
// PostgreSQL: each outermost transaction of a group keeps its work when it commits and loses only its own when it
// rolls back (its scope, an inner scope, or a statement that failed); nothing is delivered to the event stream, or
// visible to another connection, before the group commits; a group that cannot commit leaves nothing.
#include "tests/backend/sqlstorefixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {

Target targetNamed(const QString &controllerId)
{
    Target t;
    t.controllerId = controllerId;
    t.name = controllerId;
    t.securityToken = u"token-"_s + controllerId;
    t.createdAt = QDateTime::currentDateTimeUtc();
    return t;
}

} // namespace

class TestGroupCommit : public SqlStoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void eachTransactionKeepsOrLosesOnlyItsOwn_data();
    void eachTransactionKeepsOrLosesOnlyItsOwn();
    void aFailedStatementLosesOnlyItsTransaction();
    void aFeedbacksReadSetsItsScopesSavepoint_data();
    void aFeedbacksReadSetsItsScopesSavepoint();
    void aDeferredStatusThatFailsIsNeverTakenForStored_data();
    void aDeferredStatusThatFailsIsNeverTakenForStored();
    void nothingIsSeenBeforeTheGroupCommits();
    void aGroupIsNotATransaction();

private:
    QStringList controllerIds()
    {
        QStringList ids;
        const QList<Target> targets = m_store->targets().targetsWhere(u"1 = 1"_s, {}, u"t.id"_s, 0, 100).value();
        for (const Target &t : targets)
            ids.append(t.controllerId);
        ids.sort();
        return ids;
    }
};

void TestGroupCommit::eachTransactionKeepsOrLosesOnlyItsOwn_data()
{
    // How the middle one of three transactions ends; the first and the last commit.
    QTest::addColumn<QString>("middle");
    QTest::newRow("committed") << u"commit"_s;
    QTest::newRow("rolled back") << u"rollback"_s;
    QTest::newRow("an inner scope rolled back") << u"inner"_s;
}

void TestGroupCommit::eachTransactionKeepsOrLosesOnlyItsOwn()
{
    QFETCH(QString, middle);
    QList<StoreChange> delivered;
    m_store->setChangeListener([&delivered](const QList<StoreChange> &changes) { delivered += changes; });

    QVERIFY(m_store->beginGroup());
    qint64 first = 0;
    {
        StoreTransaction tx(*m_store);
        first = m_store->targets().insertTarget(targetNamed(u"a"_s)).value();
        QVERIFY(tx.commit());
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY(m_store->targets().insertTarget(targetNamed(u"b"_s)));
        QVERIFY(m_store->targets().recordPoll({ first, QDateTime::currentDateTimeUtc(), u"10.0.0.2"_s },
                                              TargetState::InSync));
        if (middle == u"commit"_s) {
            QVERIFY(tx.commit());
        } else if (middle == u"inner"_s) {
            {
                StoreTransaction inner(*m_store);
                QVERIFY(m_store->targets().insertTarget(targetNamed(u"b-inner"_s)));
            } // not committed: the whole of the middle transaction goes
            QVERIFY(!tx.commit());
        } // "rollback": tx ends without a commit
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY(m_store->targets().insertTarget(targetNamed(u"c"_s)));
        QVERIFY(tx.commit());
    }
    QVERIFY2(delivered.isEmpty(), "changes are delivered when the group commits, not before");
    QVERIFY(m_store->endGroup());

    const bool kept = middle == u"commit"_s;
    QCOMPARE(controllerIds(), kept ? QStringList({ u"a"_s, u"b"_s, u"c"_s }) : QStringList({ u"a"_s, u"c"_s }));
    QCOMPARE(m_store->targets().target(first)->address, kept ? u"10.0.0.2"_s : QString());
    int created = 0;
    bool firstUpdated = false;
    for (const StoreChange &c : std::as_const(delivered)) {
        created += c.kind == StoreChange::Kind::TargetCreated;
        firstUpdated |= c.kind == StoreChange::Kind::TargetUpdated && c.id == first;
    }
    QCOMPARE(created, kept ? 3 : 2); // a rolled-back transaction's changes are not delivered
    QCOMPARE(firstUpdated, kept);
    m_store->setChangeListener({});
}

void TestGroupCommit::aFailedStatementLosesOnlyItsTransaction()
{
    // A duplicate controller id fails its INSERT; on PostgreSQL that aborts the whole transaction of the database
    // unless the savepoint is rolled back to.
    QVERIFY(m_store->targets().insertTarget(targetNamed(u"taken"_s)));
    QVERIFY(m_store->beginGroup());
    {
        StoreTransaction tx(*m_store);
        QVERIFY(m_store->targets().insertTarget(targetNamed(u"before"_s)));
        QVERIFY(tx.commit());
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY(!m_store->targets().insertTarget(targetNamed(u"taken"_s)));
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY2(m_store->targets().insertTarget(targetNamed(u"after"_s)), qPrintable(m_store->lastError()));
        QVERIFY(tx.commit());
    }
    // A scope's savepoint is released by the next scope's (or the group's commit): two failures in a row, and a
    // failure as the group's last scope, still lose only their own work.
    for (int i = 0; i < 2; ++i) {
        StoreTransaction tx(*m_store);
        QVERIFY(m_store->targets().insertTarget(targetNamed(u"lost-%1"_s.arg(i))));
        QVERIFY(!m_store->targets().insertTarget(targetNamed(u"taken"_s)));
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY2(m_store->targets().insertTarget(targetNamed(u"last"_s)), qPrintable(m_store->lastError()));
        QVERIFY(tx.commit());
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY(!m_store->targets().insertTarget(targetNamed(u"taken"_s)));
    }
    QVERIFY2(m_store->endGroup(), qPrintable(m_store->lastError()));
    QCOMPARE(controllerIds(), QStringList({ u"after"_s, u"before"_s, u"last"_s, u"taken"_s }));
}

void TestGroupCommit::aFeedbacksReadSetsItsScopesSavepoint_data()
{
    // On PostgreSQL a feedback's read, between two scopes of the group, also sets the savepoint of the scope that
    // follows (SqlStore::savepointPrefix): one round trip for both. Whatever comes between the read and the scope, and
    // however the scope ends, a scope still keeps or loses exactly its own work.
    QTest::addColumn<QString>("between"); // "", "a write" (at the group's level), "a scope that commits"
    QTest::addColumn<QString>("ending"); // how the scope after the read ends: "commit", "rollback", "failed statement"
    for (const QString &between : { QString(), u"a write"_s, u"a scope that commits"_s })
        for (const QString &ending : { u"commit"_s, u"rollback"_s, u"failed statement"_s })
            QTest::addRow("%s, then a scope: %s", between.isEmpty() ? "the read alone" : qPrintable(between),
                          qPrintable(ending))
                << between << ending;
}

void TestGroupCommit::aFeedbacksReadSetsItsScopesSavepoint()
{
    QFETCH(QString, between);
    QFETCH(QString, ending);
    const Action a = makeAction();
    const QString controllerId = m_store->targets().target(a.targetId)->controllerId;
    QVERIFY(m_store->targets().insertTarget(targetNamed(u"taken"_s)));
    const auto status = [&](const QString &message) {
        return m_store->actions().appendStatus(
            a.id, { QDateTime::currentDateTimeUtc(), HistoryStatus::Running, { message }, std::nullopt });
    };

    QVERIFY(m_store->beginGroup());
    {
        StoreTransaction tx(*m_store);
        QVERIFY(status(u"before"_s));
        QVERIFY(tx.commit());
    }
    const Lookup<DeviceTargetAndAction> read
        = m_store->actions().deviceTargetAndAction(m_store->targets(), controllerId, a.id);
    QVERIFY2(read.found() && read->action, read.failed() ? qPrintable(read.error().message) : "absent");
    QCOMPARE(read->action->historySize, 1); // the group's own work is read
    if (between == u"a write"_s) {
        QVERIFY(m_store->targets().insertTarget(targetNamed(u"between"_s))); // no scope: the group's level
    } else if (between == u"a scope that commits"_s) {
        StoreTransaction tx(*m_store);
        QVERIFY(m_store->targets().insertTarget(targetNamed(u"between"_s)));
        QVERIFY(tx.commit());
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY2(status(u"after the read"_s), qPrintable(m_store->lastError()));
        if (ending == u"commit"_s)
            QVERIFY(tx.commit());
        else if (ending == u"failed statement"_s)
            QVERIFY(!m_store->targets().insertTarget(targetNamed(u"taken"_s)));
    }
    {
        StoreTransaction tx(*m_store);
        QVERIFY2(status(u"last"_s), qPrintable(m_store->lastError()));
        QVERIFY(tx.commit());
    }
    QVERIFY2(m_store->endGroup(), qPrintable(m_store->lastError()));

    QStringList messages;
    const QList<ActionStatusEntry> history = m_store->actions().statusHistory(a.id).value();
    for (const ActionStatusEntry &e : history)
        messages += e.messages;
    const QStringList expected = ending == u"commit"_s ? QStringList { u"before"_s, u"after the read"_s, u"last"_s }
                                                       : QStringList { u"before"_s, u"last"_s };
    QCOMPARE(messages, expected);
    QCOMPARE(m_store->targets().targetByControllerId(u"between"_s).found(), !between.isEmpty());
}

void TestGroupCommit::aDeferredStatusThatFailsIsNeverTakenForStored_data()
{
    // On PostgreSQL a scope's status entry waits for the connection's next statement (SqlStore::deferWrite). One
    // that fails there (its action is gone: the foreign key refuses it) fails its scope while the scope is open, and
    // the group once the scope has ended: whatever carries it, no scope is told "stored" for work that was not, and
    // none told "failed" for work that was. On SQLite the entry fails at once, in its scope.
    QTest::addColumn<QString>("next"); // what follows the failing entry
    QTest::newRow("a statement in its scope") << u"statement"_s;
    QTest::newRow("the scope ends, a feedback's read") << u"read"_s;
    QTest::newRow("the scope ends, the next scope") << u"scope"_s;
    QTest::newRow("the scope ends, a write at the group's level") << u"write"_s;
    QTest::newRow("the scope ends, the group ends") << u"end"_s;
}

void TestGroupCommit::aDeferredStatusThatFailsIsNeverTakenForStored()
{
    QFETCH(QString, next);
    const Action a = makeAction();
    const QString controllerId = m_store->targets().target(a.targetId)->controllerId;
    const auto status = [&](qint64 actionId, const QString &message) {
        return bool(m_store->actions().appendStatus(
            actionId, { QDateTime::currentDateTimeUtc(), HistoryStatus::Running, { message }, std::nullopt }));
    };
    QStringList told; // the entries a scope was told were stored, if the group commits

    QVERIFY(m_store->beginGroup());
    {
        StoreTransaction tx(*m_store);
        QVERIFY(status(a.id, u"before"_s));
        QVERIFY(tx.commit());
        told << u"before"_s;
    }
    {
        StoreTransaction tx(*m_store);
        bool ok = status(a.id, u"with the bad one"_s) && status(a.id + 1000, u"bad"_s);
        if (next == u"statement"_s)
            ok = ok && m_store->targets().insertTarget(targetNamed(u"in-the-scope"_s)).ok();
        if (ok && tx.commit())
            told << u"with the bad one"_s;
    }
    if (next == u"read"_s) {
        (void)m_store->actions().deviceTargetAndAction(m_store->targets(), controllerId, a.id);
    } else if (next == u"write"_s) {
        (void)m_store->targets().insertTarget(targetNamed(u"at-the-group"_s));
    }
    if (next != u"end"_s) {
        StoreTransaction tx(*m_store);
        if (status(a.id, u"after"_s) && tx.commit())
            told << u"after"_s;
    }
    const bool committed = m_store->endGroup().ok();
    QVERIFY(committed || !m_store->lastError().isEmpty());

    const Result<QList<ActionStatusEntry>> history = m_store->actions().statusHistory(a.id);
    QVERIFY2(history.ok(), qPrintable(m_store->lastError())); // the session is usable after the group, however it ended
    QStringList stored;
    for (const ActionStatusEntry &e : history.value())
        stored += e.messages;
    QCOMPARE(stored, committed ? told : QStringList());
    QVERIFY2(!committed || !told.contains(u"with the bad one"_s), "a scope whose entry failed was told it was stored");
    QVERIFY(m_store->targets().targetByControllerId(u"in-the-scope"_s).absent());
    // The group goes on after a failure in an open scope; on SQLite every failure is one in an open scope.
    QFETCH_GLOBAL(QString, backend);
    if (next == u"statement"_s || backend == u"sqlite"_s)
        QVERIFY2(committed && (next == u"end"_s || told.contains(u"after"_s)), qPrintable(m_store->lastError()));
    QVERIFY(status(a.id, u"later"_s));
}

void TestGroupCommit::nothingIsSeenBeforeTheGroupCommits()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != u"postgresql"_s)
        QSKIP("SQLite: the group holds the file's write lock; another connection reads the last commit (WAL)");
    SqlStore other;
    QVERIFY(other.open(m_url));
    QVERIFY(m_store->beginGroup());
    {
        StoreTransaction tx(*m_store);
        QVERIFY(m_store->targets().insertTarget(targetNamed(u"pending"_s)));
        QVERIFY(tx.commit()); // committed within the group only
    }
    QVERIFY(other.targets().targetByControllerId(u"pending"_s).absent());
    QVERIFY(m_store->endGroup());
    QVERIFY(other.targets().targetByControllerId(u"pending"_s).found());
}

void TestGroupCommit::aGroupIsNotATransaction()
{
    QVERIFY(!m_store->endGroup()); // none begun
    StoreTransaction tx(*m_store);
    QVERIFY(!m_store->beginGroup()); // not inside a transaction
    QVERIFY(m_store->targets().insertTarget(targetNamed(u"plain"_s)));
    QVERIFY(tx.commit());
    QVERIFY(m_store->targets().targetByControllerId(u"plain"_s).found());
}

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
