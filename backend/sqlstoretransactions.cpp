// SqlStore's transactions: nested scopes, SQLite's writers' lock, and group commit (one transaction for many
// scopes, each a savepoint). The rest of SqlStore is in sqlstore.cpp.
#include "backend/sqlitefile.h"
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QSqlError>
#include <QSqlQuery>

#include <utility>

using Flotilla::SqlStoreDetail::execAll;

namespace Flotilla {

Result<void> SqlStore::begin()
{
    // Nested scopes join the outer transaction; a rollback anywhere makes the whole transaction roll back. In a
    // group, an outermost scope is a savepoint instead: its rollback undoes only its own work.
    if (m_txDepth++ > 0) {
        if (m_group && m_txDepth == 2) {
            // A savepoint the statement before set for this scope (savepointPrefix) is taken as it is.
            if (!std::exchange(m_savepointFresh, false) && !openSavepoint()) {
                --m_txDepth;
                return Failure { QStringLiteral("flotilla.store"), m_error };
            }
            m_savepointChanges = m_changes.size();
            m_savepointNotifications = m_pendingNotifications.size();
        }
        return {};
    }
    finishStatements();
    m_rollbackOnly = false;
    m_savepointFresh = false;
    m_pendingNotifications.clear();
    m_txTimer.start();
    bool begun = false;
    if (m_postgres) {
        begun = m_db.transaction();
    } else {
        // One writer at a time in this process (and its changes delivered before the next begins); IMMEDIATE takes
        // SQLite's write lock now, so a transaction never fails half-way on a lock it could not upgrade to.
        m_file->lockWrites();
        m_holdsWrites = true;
        QSqlQuery q(m_db);
        begun = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        if (!begun) {
            m_error = QStringLiteral("beginning a transaction: %1").arg(q.lastError().text());
            releaseWrites();
            m_txDepth = 0;
            return Failure { QStringLiteral("flotilla.store"), m_error };
        }
    }
    if (!begun) {
        m_error = QStringLiteral("beginning a transaction: %1").arg(m_db.lastError().text());
        m_txDepth = 0;
        return Failure { QStringLiteral("flotilla.store"), m_error };
    }
    return {};
}

Result<void> SqlStore::commit()
{
    if (m_txDepth <= 0)
        return Failure { QStringLiteral("flotilla.store"), QStringLiteral("commit without a transaction") };
    if (--m_txDepth > 0) {
        if (m_group && m_txDepth == 1) {
            if (m_rollbackOnly) {
                const QString why = m_error;
                rollbackSavepoint();
                return Failure { QStringLiteral("flotilla.store"),
                                 QStringLiteral("an inner scope rolled back: %1").arg(why) };
            }
            m_savepointKept = true; // released by the next scope's savepoint or the group's commit
            return {};
        }
        if (m_rollbackOnly)
            return Failure { QStringLiteral("flotilla.store"),
                             QStringLiteral("an inner scope rolled back: %1").arg(m_error) };
        return {};
    }
    finishStatements();
    if (m_rollbackOnly) {
        abandonTransaction();
        m_error = QStringLiteral("transaction rolled back by an inner scope: %1").arg(m_error);
        return Failure { QStringLiteral("flotilla.store"), m_error };
    }
    // Writes deferred by the group's last scope go with the COMMIT: a text that fails before its COMMIT commits
    // nothing (and one whose transaction was aborted before fails at its first statement).
    if (QSqlQuery q(m_db);
        m_deferred.isEmpty() ? !m_db.commit() : !execAll(q, takeDeferred() + QStringLiteral("COMMIT"))) {
        m_error = QStringLiteral("committing: %1")
                      .arg(q.lastError().isValid() ? q.lastError().text() : m_db.lastError().text());
        abandonTransaction();
        return Failure { QStringLiteral("flotilla.store"), m_error };
    }
    if (m_config)
        m_lastReadConfig = *m_config; // committed
    transactionEnded(true);
    deliverChanges();
    for (const auto &[channel, payload] : std::exchange(m_pendingNotifications, {}))
        m_file->notifications().deliver(channel, payload);
    releaseWrites(); // after the delivery: the next writer's changes come after these
    return {};
}

void SqlStore::rollbackSavepoint()
{
    // Undoes one outermost scope of a group, and what it queued or deferred; the group goes on.
    m_rollbackOnly = false;
    m_deferred.clear();
    m_changes.resize(std::min(m_changes.size(), m_savepointChanges));
    m_pendingNotifications.resize(std::min(m_pendingNotifications.size(), m_savepointNotifications));
    m_config.reset(); // a rolled-back configuration change must not survive in the cache
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT flotilla_group"))) {
        m_error = QStringLiteral("rolling back a savepoint: %1").arg(q.lastError().text());
        m_groupDoomed = true;
    }
    m_savepointKept = true; // ROLLBACK TO keeps the (now empty) savepoint
}

QString SqlStore::savepointPrefix()
{
    // Only between a group's scopes: a statement inside a scope must not move the scope's savepoint.
    if (!m_postgres || !m_group || m_txDepth != 1 || m_groupDoomed)
        return {};
    return takeDeferred()
        + (m_savepointKept ? QStringLiteral("RELEASE SAVEPOINT flotilla_group; SAVEPOINT flotilla_group; ")
                           : QStringLiteral("SAVEPOINT flotilla_group; "));
}

bool SqlStore::deferWrite(const QString &statement)
{
    if (!m_postgres || !m_group || m_txDepth < 2 || m_groupDoomed)
        return false;
    m_deferred += statement + QStringLiteral("; ");
    return true;
}

QString SqlStore::takeDeferred()
{
    return std::exchange(m_deferred, {});
}

void SqlStore::flushDeferred()
{
    if (m_deferred.isEmpty())
        return;
    QSqlQuery q(m_db);
    if (execAll(q, takeDeferred()))
        return;
    setError(QStringLiteral("a deferred write"), q);
    // In its scope: the scope fails when it ends. After it: the group fails (see deferWrite).
    if (m_txDepth >= 2)
        m_rollbackOnly = true;
    else
        m_groupDoomed = true;
}

void SqlStore::savepointSet()
{
    m_savepointKept = true; // released by the scope's own successor, as openSavepoint's
    m_savepointFresh = true;
}

QSqlDatabase &SqlStore::connection()
{
    m_savepointFresh = false;
    flushDeferred();
    return m_db;
}

bool SqlStore::openSavepoint()
{
    QSqlQuery q(m_db);
    bool opened = false;
    if (!std::exchange(m_savepointKept, false))
        opened = execAll(q, takeDeferred() + QStringLiteral("SAVEPOINT flotilla_group"));
    else if (m_postgres) // one round trip: PostgreSQL's simple query protocol runs them all
        opened
            = execAll(q, takeDeferred() + QStringLiteral("RELEASE SAVEPOINT flotilla_group; SAVEPOINT flotilla_group"));
    else // SQLite runs one statement per call; no round trip to save
        opened = q.exec(QStringLiteral("RELEASE SAVEPOINT flotilla_group"))
            && q.exec(QStringLiteral("SAVEPOINT flotilla_group"));
    if (!opened)
        m_error = QStringLiteral("beginning a savepoint: %1").arg(q.lastError().text());
    return opened;
}

Result<void> SqlStore::beginGroup()
{
    if (m_txDepth > 0)
        return Failure { QStringLiteral("flotilla.store"), QStringLiteral("a group begun inside a transaction") };
    if (const Result<void> begun = begin(); !begun)
        return begun;
    m_group = true;
    m_groupDoomed = false;
    m_savepointKept = false;
    return {};
}

Result<void> SqlStore::endGroup()
{
    if (!m_group || m_txDepth != 1)
        return Failure { QStringLiteral("flotilla.store"), QStringLiteral("no group to end") };
    m_group = false;
    m_savepointFresh = false;
    if (std::exchange(m_groupDoomed, false)) {
        const QString why = m_error;
        rollback();
        m_error = QStringLiteral("the group was rolled back: %1").arg(why);
        return Failure { QStringLiteral("flotilla.store"), m_error };
    }
    return commit();
}

void SqlStore::releaseWrites()
{
    if (m_holdsWrites) {
        m_holdsWrites = false;
        m_file->unlockWrites();
    }
}

void SqlStore::rollback()
{
    if (m_txDepth <= 0)
        return;
    if (--m_txDepth > 0) {
        if (m_group && m_txDepth == 1)
            rollbackSavepoint();
        else
            m_rollbackOnly = true;
        return;
    }
    m_group = false;
    m_groupDoomed = false;
    finishStatements();
    abandonTransaction();
}

void SqlStore::abandonTransaction()
{
    m_deferred.clear();
    m_db.rollback();
    m_savepointFresh = false;
    m_config.reset(); // a rolled-back configuration change must not survive in the cache
    m_changes.clear();
    m_pendingNotifications.clear();
    releaseWrites();
    transactionEnded(false);
}

} // namespace Flotilla
