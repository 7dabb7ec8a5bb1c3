#pragma once

// An Update Manager written from the published protocol alone (proto/um/v2 through grpc++'s generator, no
// Flotilla code): a RegisterUM stream on its own thread that answers commands as a behaviour says. It proves
// the hub needs nothing beyond the protocol, and it misbehaves on request.
#include "um/v2/updatemanager.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace FlotillaTest {

namespace pb = updatemanager::v2;

// The commands every FakeUm received, in arrival order ("node-a:StartUpdate").
class CommandLog
{
public:
    void add(const std::string &entry)
    {
        std::lock_guard lock(m_mutex);
        m_entries.push_back(entry);
    }
    std::vector<std::string> entries() const
    {
        std::lock_guard lock(m_mutex);
        return m_entries;
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_entries.clear();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_entries;
};

class FakeUm
{
public:
    enum class Behaviour {
        Follow, // does what it is told, successfully
        FailPrepare, // PrepareUpdate -> FAILED
        FailStart, // StartUpdate -> FAILED (exit_code 42, "flash write error")
        SilentOnStart, // never answers StartUpdate
        RejectEverything, // never changes state
    };

    FakeUm(int port, std::string node, uint32_t priority, std::map<std::string, std::string> versions, CommandLog *log,
           Behaviour behaviour = Behaviour::Follow, pb::UpdateState initial = pb::IDLE)
        : m_port(port)
        , m_node(std::move(node))
        , m_priority(priority)
        , m_versions(std::move(versions))
        , m_log(log)
        , m_behaviour(behaviour)
        , m_state(initial)
    { }
    ~FakeUm() { stop(); }

    void start()
    {
        m_thread = std::thread([this] { run(); });
    }
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopRequested = true;
            if (m_context)
                m_context->TryCancel();
        }
        if (m_thread.joinable())
            m_thread.join();
    }
    bool finished() const { return m_finished; }
    grpc::StatusCode finalCode() const
    {
        std::lock_guard lock(m_mutex);
        return m_final.error_code();
    }
    std::string finalMessage() const
    {
        std::lock_guard lock(m_mutex);
        return m_final.error_message();
    }
    pb::UpdateState state() const
    {
        std::lock_guard lock(m_mutex);
        return m_state;
    }
    std::string version(const std::string &component) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_versions.find(component);
        return it == m_versions.end() ? std::string() : it->second;
    }
    // What a UM that starts PREPARED or UPDATED had staged before its restart (before start()).
    void setPending(std::map<std::string, std::string> pending) { m_pendingVersions = std::move(pending); }
    // The first message sent instead of the status (e.g. a status of another node mid-stream).
    void setNodeOverride(std::string node) { m_node = std::move(node); }

private:
    pb::UpdateStatus status() const // m_mutex held
    {
        pb::UpdateStatus s;
        s.set_node_id(m_node);
        s.set_priority(m_priority);
        s.set_update_state(m_state);
        for (const auto &[id, version] : m_versions) {
            pb::ComponentStatus *c = s.add_components();
            c->set_component_id(id);
            c->set_component_type("fw");
            c->set_version(version);
            c->set_state(pb::INSTALLED);
        }
        if (m_state == pb::FAILED) {
            s.mutable_error()->set_aos_code(1);
            s.mutable_error()->set_exit_code(42);
            s.mutable_error()->set_message("flash write error on " + m_node);
        }
        return s;
    }

    void run()
    {
        auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(m_port), grpc::InsecureChannelCredentials());
        auto stub = pb::UMService::NewStub(channel);
        auto context = std::make_unique<grpc::ClientContext>();
        {
            std::lock_guard lock(m_mutex);
            m_context = context.get();
            if (m_stopRequested)
                m_context->TryCancel();
        }
        auto stream = stub->RegisterUM(context.get());
        pb::UpdateStatus first;
        {
            std::lock_guard lock(m_mutex);
            first = status();
        }
        stream->Write(first);
        pb::CMMessages command;
        while (stream->Read(&command)) {
            std::lock_guard lock(m_mutex);
            std::string name;
            bool answer = m_behaviour != Behaviour::RejectEverything;
            switch (command.CMMessage_case()) {
            case pb::CMMessages::kPrepareUpdate:
                name = "PrepareUpdate";
                for (const auto &c : command.prepare_update().components()) {
                    name += " " + c.component_id() + "=" + c.version();
                    m_pendingVersions[c.component_id()] = c.version();
                }
                if (answer)
                    m_state = m_behaviour == Behaviour::FailPrepare ? pb::FAILED : pb::PREPARED;
                break;
            case pb::CMMessages::kStartUpdate:
                name = "StartUpdate";
                if (m_behaviour == Behaviour::SilentOnStart)
                    answer = false;
                else if (answer)
                    m_state = m_behaviour == Behaviour::FailStart ? pb::FAILED : pb::UPDATED;
                break;
            case pb::CMMessages::kApplyUpdate:
                name = "ApplyUpdate";
                if (answer) {
                    for (const auto &[id, v] : m_pendingVersions)
                        m_versions[id] = v;
                    m_pendingVersions.clear();
                    m_state = pb::IDLE;
                }
                break;
            case pb::CMMessages::kRevertUpdate:
                name = "RevertUpdate";
                if (answer) {
                    m_pendingVersions.clear();
                    m_state = pb::IDLE;
                }
                break;
            default:
                name = "empty";
                break;
            }
            if (m_log)
                m_log->add(m_node + ":" + name);
            if (answer)
                stream->Write(status());
        }
        stream->WritesDone();
        const grpc::Status final = stream->Finish();
        std::lock_guard lock(m_mutex);
        m_final = final;
        m_context = nullptr;
        m_finished = true;
    }

    int m_port;
    std::string m_node;
    uint32_t m_priority;
    std::map<std::string, std::string> m_versions;
    std::map<std::string, std::string> m_pendingVersions;
    CommandLog *m_log;
    Behaviour m_behaviour;
    mutable std::mutex m_mutex;
    pb::UpdateState m_state;
    grpc::ClientContext *m_context = nullptr;
    bool m_stopRequested = false;
    grpc::Status m_final;
    std::atomic<bool> m_finished { false };
    std::thread m_thread;
};

} // namespace FlotillaTest
