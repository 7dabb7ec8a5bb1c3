// What an Update Manager sends the agent over UMService (updatemanager.v2.UpdateStatus, protobuf bytes off the
// stream), read as the agent reads it (agent/um/umstatuscodec.h). Properties: any bytes either fail to parse or
// decode to a UmStatus whose states are values the agent knows; a state it does not know never reads as success
// (FAILED for the UM, INSTALLING for a component); every component of the message is kept.
#include "agent/um/umstatuscodec.h"
#include "tests/fuzz/fuzzcheck.h"
#include "um/v2/updatemanager.pb.h"

#include <cstdint>

using namespace Flotilla::Agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    updatemanager::v2::UpdateStatus in;
    if (!in.ParseFromArray(data, int(size)))
        return 0;
    const UmStatus out = umStatusOf(in);
    FLOTILLA_FUZZ_CHECK(out.state == UmState::Idle || out.state == UmState::Prepared || out.state == UmState::Updated
                            || out.state == UmState::Failed,
                        "the UM's state is one the agent knows");
    const bool knownState = in.update_state() >= 0 && in.update_state() <= 3;
    FLOTILLA_FUZZ_CHECK(knownState || out.state == UmState::Failed, "an unknown UM state reads as FAILED");
    FLOTILLA_FUZZ_CHECK(out.components.size() == in.components_size(), "every component is kept");
    for (int i = 0; i < in.components_size(); ++i) {
        const UmComponentState s = out.components.at(i).state;
        FLOTILLA_FUZZ_CHECK(s == UmComponentState::Installed || s == UmComponentState::Installing
                                || s == UmComponentState::Error,
                            "a component's state is one the agent knows");
        const int wire = in.components(i).state();
        FLOTILLA_FUZZ_CHECK((wire >= 0 && wire <= 2) || s == UmComponentState::Installing,
                            "an unknown component state reads as INSTALLING, never INSTALLED");
    }
    (void)out.error.toString();
    (void)out.installedVersion(out.components.isEmpty() ? QString() : out.components.first().componentId);
    return 0;
}
