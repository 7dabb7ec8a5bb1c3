#include "backend/httpworker.h"

#include "backend/operatoraccounts.h"
#include "backend/serverconfig.h"
#include "backend/sqlstore.h"
#include "backend/threadhandoff.h"
#include "engine/deploymentservice.h"
#include "engine/rolloutservice.h"

using namespace Qt::StringLiterals;

namespace Flotilla {

struct HttpWorker::Parts
{
    SqlStore store;
    std::unique_ptr<DeploymentService> deployment;
    std::unique_ptr<RolloutService> rollouts;
    std::unique_ptr<OperatorAccounts> accounts;
    std::unique_ptr<HttpStack> stack;
    ~Parts()
    {
        // What serves first, then what it serves with (the store last, as a member).
        stack.reset();
        accounts.reset();
        rollouts.reset();
        deployment.reset();
    }
};

HttpWorker::HttpWorker(const HttpStack::Shared &shared, const HttpStack &first, int index)
    : m_shared(shared)
    , m_first(first)
    , m_index(index)
{
    m_thread.setObjectName(u"flotilla-http-%1"_s.arg(index));
}

HttpWorker::~HttpWorker()
{
    if (m_context)
        invokeOnThread(m_context, [this] { m_parts.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_context; // its thread has ended
}

bool HttpWorker::start(QString *error)
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    bool ok = false;
    invokeOnThread(
        m_context,
        [this, error, &ok] {
            auto parts = std::make_unique<Parts>();
            if (!parts->store.open(m_shared.config->database)) {
                *error = parts->store.lastError();
                return;
            }
            parts->deployment = std::make_unique<DeploymentService>(parts->store.stores(), *m_shared.clock);
            parts->rollouts
                = std::make_unique<RolloutService>(parts->store.stores(), *parts->deployment, *m_shared.clock);
            parts->accounts = std::make_unique<OperatorAccounts>(parts->store);
            parts->stack = std::make_unique<HttpStack>(
                m_shared, HttpStack::Services { parts->store, *parts->deployment, *parts->rollouts, *parts->accounts },
                &m_first, m_index);
            if (!parts->stack->listen(error))
                return;
            m_parts = std::move(parts);
            ok = true;
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

void HttpWorker::close()
{
    if (m_context)
        invokeOnThread(
            m_context,
            [this] {
                if (m_parts)
                    m_parts->stack->close();
            },
            Qt::BlockingQueuedConnection);
}

int HttpWorker::activeTransfers() const
{
    return m_parts ? m_parts->stack->activeTransfers() : 0;
}

} // namespace Flotilla
