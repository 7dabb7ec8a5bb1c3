#pragma once

// An Update Manager's status report (updatemanager.v2.UpdateStatus, AosCore's updatemanager/v2/updatemanager.proto)
// as the agent reads it off the UMService stream: decoded once at the gRPC edge into UmStatus. Whatever bytes a UM
// sends, the result is a UmStatus: an enum value this agent does not know (a newer UM, or garbage) reads as
// FAILED for the UM and INSTALLING for a component, never as success (tests/fuzz/fuzz_umstatus).
#include "agent/um/updatemanagertypes.h"

namespace updatemanager::v2 {
class UpdateStatus;
}

namespace Flotilla::Agent {

UmStatus umStatusOf(const updatemanager::v2::UpdateStatus &in);

} // namespace Flotilla::Agent
