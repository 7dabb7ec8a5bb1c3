#pragma once

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

    virtual bool begin() = 0;
    virtual bool commit() = 0;
    virtual void rollback() = 0;
    // What the last failed call on this connection's stores said.
    virtual QString lastError() const = 0;
};

// Runs a transaction for its scope; rolls back unless commit() was called.
class StoreTransaction
{
public:
    explicit StoreTransaction(StoreSession &session)
        : m_session(session)
        , m_open(session.begin())
    { }
    ~StoreTransaction()
    {
        if (m_open)
            m_session.rollback();
    }
    Q_DISABLE_COPY_MOVE(StoreTransaction)

    bool isOpen() const { return m_open; }
    bool commit()
    {
        if (!m_open)
            return false;
        m_open = false;
        return m_session.commit();
    }

private:
    StoreSession &m_session;
    bool m_open;
};

} // namespace Flotilla
