#pragma once

// The agent's local API (flotilla.device.v1.LocalUpdateService, see localapiserver.h) as the agent's main() sees
// it: its grpc++ server lives in the agent's gRPC plugin (agent/grpcplugin.h), loaded only when localApi/* is set.
#include <QString>

#include <memory>

namespace Flotilla::Agent {

class DeviceAgent;

class LocalApi
{
public:
    // nullptr with *error when the plugin cannot be loaded.
    static std::unique_ptr<LocalApi> create(DeviceAgent *agent, QString *error);

    LocalApi() = default;
    virtual ~LocalApi() = default;
    LocalApi(const LocalApi &) = delete;
    LocalApi &operator=(const LocalApi &) = delete;

    virtual bool listen(QString *error) = 0;
    // "unix:/run/flotilla/agent.sock" or "127.0.0.1:PORT" (the port it got).
    virtual QString address() const = 0;
};

// Implemented in the plugin (agent/localapi/localapiserver.cpp).
std::unique_ptr<LocalApi> makeLocalApiServer(DeviceAgent *agent);

} // namespace Flotilla::Agent
