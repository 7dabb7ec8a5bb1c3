#include "agent/ddi/feedbackqueue.h"

#include "agent/agentlogging.h"

namespace Flotilla::Agent {

FeedbackQueue::FeedbackQueue(DdiClient &client, const AgentConfig &config, AgentState &state,
                             std::function<void()> save, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_config(config)
    , m_state(state)
    , m_save(std::move(save))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &FeedbackQueue::sendFirst);
}

void FeedbackQueue::enqueue(const PendingFeedback &feedback)
{
    m_state.feedback.append(feedback);
    m_save();
    if (!m_retry.isActive())
        sendFirst();
}

void FeedbackQueue::flush()
{
    if (m_state.feedback.isEmpty() || m_sending)
        return;
    m_retry.stop();
    sendFirst();
}

void FeedbackQueue::sendFirst()
{
    if (m_sending)
        return;
    if (m_state.feedback.isEmpty()) {
        Q_EMIT drained();
        return;
    }
    m_sending = true;
    const PendingFeedback first = m_state.feedback.constFirst();
    m_client.post(QUrl(first.href), first.body, [this, first](const DdiReply &reply) {
        m_sending = false;
        if (reply.transient()) {
            ++m_failures;
            const int delay = m_config.retryDelaySeconds(m_failures);
            if (m_failures == 1)
                qCInfo(lcAgent, "feedback for action %s (%s) not delivered: %s; %d queued, retrying with back-off",
                       qUtf8Printable(first.actionId), qUtf8Printable(first.summary), qUtf8Printable(reply.describe()),
                       int(m_state.feedback.size()));
            Q_EMIT unreachable(reply.describe());
            m_retry.start(std::chrono::seconds(delay));
            return;
        }
        m_failures = 0;
        if (reply.ok())
            qCInfo(lcAgent, "action %s: sent %s", qUtf8Printable(first.actionId), qUtf8Printable(first.summary));
        else if (reply.status == 410)
            qCInfo(lcAgent, "action %s is closed on the server; dropped its feedback (%s)",
                   qUtf8Printable(first.actionId), qUtf8Printable(first.summary));
        else
            qCWarning(lcAgent, "the server refused feedback for action %s (%s): %s; dropped it",
                      qUtf8Printable(first.actionId), qUtf8Printable(first.summary), qUtf8Printable(reply.describe()));
        // The entry sent is the first one still: only this class removes entries.
        if (!m_state.feedback.isEmpty())
            m_state.feedback.removeFirst();
        m_save();
        Q_EMIT delivered(first, reply.status);
        sendFirst();
    });
}

} // namespace Flotilla::Agent
