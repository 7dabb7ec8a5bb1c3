#pragma once

// The gRPC edge of the UpdateManagerHub: UMService.RegisterUM (updatemanager.v2) served by grpc++'s callback
// API (QtGrpc 6.8 has no server). Each stream is a reactor on gRPC's threads; it decodes every UpdateStatus
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

    explicit UmService(Callbacks callbacks);
    ~UmService(); // shuts the server down; open streams end with CANCELLED
    UmService(const UmService &) = delete;
    UmService &operator=(const UmService &) = delete;

    // Listens on host:port (port 0: any free one). False with *error when it cannot.
    bool start(const QString &listen, const Tls &tls, QString *error);
    int port() const;

    // From the hub's thread. Both are no-ops for a stream that has ended.
    void send(quint64 stream, const UmCommand &command);
    void close(quint64 stream, Code code, const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Flotilla::Agent
