#pragma once

// The gRPC edge of the UpdateManagerHub: UMService.RegisterUM (updatemanager.v2) served by grpc++'s callback
// API (QtGrpc 6.8 has no server). An interface: the grpc++ implementation lives in the agent's gRPC plugin, which
// is loaded only by an agent that serves Update Managers or a local API (a device without them saves the 6 MB
// grpc++ and protobuf take resident). Each stream is a reactor on gRPC's threads; it decodes every UpdateStatus
// into an UmStatus and hands it to the callbacks, and it queues the hub's commands and writes them one at a
// time. The callbacks run on gRPC threads: the hub posts them to its own. No protobuf type leaves this pair.
#include "agent/um/updatemanagertypes.h"

#include <functional>
#include <memory>

namespace Flotilla::Agent {

class UmService
{
public:
    struct Callbacks
    {
        // A stream sent a status (the first one registers it).
        std::function<void(quint64 stream, const UmStatus &status, const QString &peer)> status;
        // A stream ended (the UM closed it, the connection broke, or close() finished it).
        std::function<void(quint64 stream)> closed;
    };
    struct Tls
    {
        QString certificate; // PEM files; empty: plaintext
        QString key;
        QString caFile; // set: mutual TLS (the UMs' certificates must be signed by it)
    };
    // gRPC status codes the hub uses (grpc::StatusCode values).
    enum class Code : quint8 { InvalidArgument = 3, PermissionDenied = 7, Aborted = 10 };

    // The grpc++ server, from the agent's gRPC plugin (agent/grpcplugin.h); nullptr with *error when the plugin
    // cannot be loaded.
    static std::unique_ptr<UmService> create(Callbacks callbacks, QString *error);

    UmService() = default;
    virtual ~UmService() = default; // shuts the server down; open streams end with CANCELLED
    UmService(const UmService &) = delete;
    UmService &operator=(const UmService &) = delete;

    // Listens on host:port (port 0: any free one). False with *error when it cannot.
    virtual bool start(const QString &listen, const Tls &tls, QString *error) = 0;
    virtual int port() const = 0;

    // From the hub's thread. Both are no-ops for a stream that has ended.
    virtual void send(quint64 stream, const UmCommand &command) = 0;
    virtual void close(quint64 stream, Code code, const QString &message) = 0;
};

// Implemented in the plugin (agent/um/umservice.cpp).
std::unique_ptr<UmService> makeGrpcUmService(UmService::Callbacks callbacks);

} // namespace Flotilla::Agent
