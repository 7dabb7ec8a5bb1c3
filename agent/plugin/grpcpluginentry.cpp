// The entry points of the agent's gRPC plugin (agent/grpcplugin.h): plain C names the agent resolves.
#include "agent/localapi/localapi.h"
#include "agent/um/umservice.h"

extern "C" {

Q_DECL_EXPORT Flotilla::Agent::UmService *
flotilla_agent_create_um_service(Flotilla::Agent::UmService::Callbacks *callbacks)
{
    return Flotilla::Agent::makeGrpcUmService(std::move(*callbacks)).release();
}

Q_DECL_EXPORT Flotilla::Agent::LocalApi *flotilla_agent_create_local_api(Flotilla::Agent::DeviceAgent *agent)
{
    return Flotilla::Agent::makeLocalApiServer(agent).release();
}
}
