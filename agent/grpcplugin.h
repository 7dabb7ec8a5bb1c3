#pragma once

// The agent's gRPC plugin: libflotilla_agent_grpc.so holds everything that needs grpc++ and protobuf (the
// UMService server for Update Managers and the local API for the device's screen). An agent loads it the first
// time it needs one of them, so an agent that serves neither never maps grpc++, protobuf or abseil (about 6 MB
// resident on Debian 13). The plugin is looked for, in this order, in $FLOTILLA_AGENT_PLUGIN_DIR, next to the
// program, in <program>/../lib/flotilla (the build tree and the .deb's /usr/lib/flotilla), and where CMake built it.
#include <QString>

namespace Flotilla::Agent::GrpcPlugin {

// The address of a symbol the plugin exports; nullptr with *error naming the paths tried.
void *resolve(const char *symbol, QString *error);

} // namespace Flotilla::Agent::GrpcPlugin
