#pragma once

#include "backend/httpstack.h"

#include <QThread>

#include <memory>

namespace Flotilla {

// One further HTTP thread of a server (server/httpThreads): on a thread of its own, a store connection to the
// server's database, the engine's services and the operator accounts on it, and an HttpStack listening on the
// first stack's port. Built, and torn down, on that thread.
class HttpWorker
{
public:
    HttpWorker(const HttpStack::Shared &shared, const HttpStack &first, int index);
    // Tears the stack down on its thread (connections still open are cut) and joins the thread.
    ~HttpWorker();
    Q_DISABLE_COPY_MOVE(HttpWorker)

    // Starts the thread, opens the store and listens; returns once done. False with *error.
    bool start(QString *error);
    // Stops accepting new connections (returns once done).
    void close();
    // Downloads streaming on this thread (read from any thread).
    int activeTransfers() const;

private:
    struct Parts;
    const HttpStack::Shared &m_shared;
    const HttpStack &m_first;
    int m_index;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    std::unique_ptr<Parts> m_parts; // made and destroyed on m_thread
};

} // namespace Flotilla
