// grpc++ UMService test server: listens on 127.0.0.1 (free port), prints "port <n>" on stdout, and answers
// every UpdateStatus on a RegisterUM stream with the command a controller would send next:
//   IDLE     -> PrepareUpdate with one component "<node_id>/rootfs", version "2.0.<priority>"
//   PREPARED -> StartUpdate
//   UPDATED  -> ApplyUpdate
//   FAILED   -> RevertUpdate
// It exits when its standard input closes.
#include "um/v2/updatemanager.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <iostream>
#include <memory>
#include <string>
#include <thread>

namespace {

class UMService final : public updatemanager::v2::UMService::Service
{
public:
    grpc::Status RegisterUM(
        grpc::ServerContext *,
        grpc::ServerReaderWriter<updatemanager::v2::CMMessages, updatemanager::v2::UpdateStatus> *stream) override
    {
        updatemanager::v2::UpdateStatus status;
        while (stream->Read(&status)) {
            updatemanager::v2::CMMessages reply;
            switch (status.update_state()) {
            case updatemanager::v2::IDLE: {
                auto *component = reply.mutable_prepare_update()->add_components();
                component->set_component_id(status.node_id() + "/rootfs");
                component->set_version("2.0." + std::to_string(status.priority()));
                component->set_size(4096);
                break;
            }
            case updatemanager::v2::PREPARED:
                reply.mutable_start_update();
                break;
            case updatemanager::v2::UPDATED:
                reply.mutable_apply_update();
                break;
            default:
                reply.mutable_revert_update();
                break;
            }
            if (!stream->Write(reply))
                break;
        }
        return grpc::Status::OK;
    }
};

} // namespace

int main()
{
    UMService service;
    int port = 0;
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    if (!server || port == 0) {
        std::cerr << "cannot start the gRPC server\n";
        return 1;
    }
    std::cout << "port " << port << std::endl;
    std::thread waiter([&server] {
        std::string line;
        while (std::getline(std::cin, line)) { }
        server->Shutdown();
    });
    server->Wait();
    waiter.join();
    return 0;
}
