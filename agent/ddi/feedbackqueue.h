#pragma once

// Feedback the agent owes the server, delivered once and in order. Every entry is saved with the agent's state
// before it is sent and removed only when the server acknowledged it (2xx), or answered that the action is
// closed (410) or that it will never take it (another 4xx: logged as an error). A server that cannot be reached
// keeps the queue; it is tried again with back-off. Each body carries its timestamp, so a copy re-sent after a
// crash between the server's answer and the save is recognised by the server as a repeat.
#include "agent/agentstate.h"
#include "agent/ddi/ddiclient.h"

#include <QTimer>

#include <functional>

namespace Flotilla::Agent {

class FeedbackQueue : public QObject
{
    Q_OBJECT
public:
    FeedbackQueue(DdiClient &client, const AgentConfig &config, AgentState &state, std::function<void()> save,
                  QObject *parent = nullptr);

    void enqueue(const PendingFeedback &feedback);
    // Tries the queue now (after a successful poll, say).
    void flush();
    bool isEmpty() const { return m_state.feedback.isEmpty(); }
    bool isSending() const { return m_sending; }

Q_SIGNALS:
    void delivered(const Flotilla::Agent::PendingFeedback &feedback, int status);
    void drained();
    void unreachable(const QString &why);

private:
    void sendFirst();

    DdiClient &m_client;
    const AgentConfig &m_config;
    AgentState &m_state;
    std::function<void()> m_save;
    QTimer m_retry;
    bool m_sending = false;
    int m_failures = 0;
};

} // namespace Flotilla::Agent
