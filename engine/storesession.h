#pragma once

#include "engine/result.h"

#include <QString>
#include <QtGlobal>

namespace Flotilla {

// One connection's transaction, shared by all its aggregate stores (engine/store.h): calls made on any of them
// between begin() and commit() form one transaction, so a state change and its history entry land together.
// Transactions nest: an inner begin/commit joins the outer one, and an inner rollback dooms the whole.
class StoreSession
{
public:
    virtual ~StoreSession() = default;

    // A Failure (code "flotilla.store") says why the transaction could not begin or was not committed (then
    // nothing of it was).
    virtual Result<void> begin() = 0;
    virtual Result<void> commit() = 0;
    virtual void rollback() = 0;
    // Group commit, for a server answering many writers at once (the DDI server's feedback under load): between
    // beginGroup() and endGroup(), each outermost transaction is a savepoint of one transaction of the database.
    // Its commit keeps its work and its rollback undoes only its own; nothing is durable, and no change is
    // delivered, until endGroup() commits the whole, with one wait for the disk instead of one per transaction.
    // endGroup() says whether it committed: when it did not, nothing of the group did. A store that cannot group
    // commits each transaction alone (these do nothing).
    virtual Result<void> beginGroup() { return {}; }
    virtual Result<void> endGroup() { return {}; }
    // What the last failed call on this connection's stores said.
    virtual QString lastError() const = 0;
    // The caller is done reading for now (a request answered, a periodic pass begun): the store lets go of what
    // reads outside a transaction held (SQLite keeps a read snapshot while a statement is open: without this, a
    // connection would go on seeing the database as it was, while other connections commit). Nothing in a
    // transaction.
    virtual void releaseReads() { }
};

// Runs a transaction for its scope; rolls back unless commit() was called.
class StoreTransaction
{
public:
    explicit StoreTransaction(StoreSession &session)
        : m_session(session)
        , m_begun(session.begin())
        , m_open(m_begun.ok())
    { }
    ~StoreTransaction()
    {
        if (m_open)
            m_session.rollback();
    }
    Q_DISABLE_COPY_MOVE(StoreTransaction)

    // Whether the transaction began, or why not.
    const Result<void> &begun() const { return m_begun; }
    // Commits once; a transaction that never began says why.
    Result<void> commit()
    {
        if (!m_open)
            return m_begun.ok() ? Failure { QStringLiteral("flotilla.store"), QStringLiteral("committed twice") }
                                : m_begun;
        m_open = false;
        return m_session.commit();
    }

private:
    StoreSession &m_session;
    const Result<void> m_begun;
    bool m_open;
};

} // namespace Flotilla
