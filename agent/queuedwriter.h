#pragma once

// The write side of a grpc++ callback reactor that the agent's thread feeds: messages are queued and written
// one at a time (gRPC allows one write in flight), and a Finish asked for during a write waits for it. Both the
// UMService streams and the local API's subscriptions are built on it. Any thread may call send() and finish().
#include <grpcpp/grpcpp.h>

#include <deque>
#include <mutex>
#include <optional>

namespace Flotilla::Agent {

template<typename ReactorBase, typename Message> class QueuedWriter : public ReactorBase
{
public:
    void send(Message message)
    {
        std::lock_guard lock(m_mutex);
        if (m_finishing)
            return;
        m_out.push_back(std::move(message));
        if (!m_writing)
            writeNext();
    }
    void finish(const grpc::Status &status)
    {
        std::lock_guard lock(m_mutex);
        if (m_finishing)
            return;
        m_finishing = true;
        if (m_writing)
            m_finishStatus = status; // after the write in flight
        else
            this->Finish(status);
    }

    void OnWriteDone(bool ok) override
    {
        std::lock_guard lock(m_mutex);
        m_writing = false;
        if (!ok) {
            m_out.clear();
            if (!m_finishing) {
                m_finishing = true;
                this->Finish(m_onWriteFailure);
            } else if (m_finishStatus) {
                this->Finish(*std::exchange(m_finishStatus, std::nullopt));
            }
            return;
        }
        m_out.pop_front();
        if (m_finishStatus) {
            this->Finish(*std::exchange(m_finishStatus, std::nullopt));
            return;
        }
        if (!m_out.empty() && !m_finishing)
            writeNext();
    }
    void OnCancel() override { finish(grpc::Status::CANCELLED); }

protected:
    explicit QueuedWriter(grpc::Status onWriteFailure)
        : m_onWriteFailure(std::move(onWriteFailure))
    { }
    // Runs f under the writer's lock unless the call is finishing (a reactor's next StartRead, for instance).
    template<typename F> void unlessFinishing(F &&f)
    {
        std::lock_guard lock(m_mutex);
        if (!m_finishing)
            f();
    }

private:
    void writeNext() // m_mutex held
    {
        m_writing = true;
        this->StartWrite(&m_out.front());
    }

    grpc::Status m_onWriteFailure;
    // Recursive: gRPC may run a reaction inline, inside a StartWrite/Finish called under this lock.
    std::recursive_mutex m_mutex;
    std::deque<Message> m_out; // front: the write in flight
    bool m_writing = false;
    bool m_finishing = false;
    std::optional<grpc::Status> m_finishStatus;
};

} // namespace Flotilla::Agent
