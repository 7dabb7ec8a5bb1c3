#include "agent/um/umstatuscodec.h"

#include "um/v2/updatemanager.pb.h"

namespace Flotilla::Agent {

namespace {
QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

UmError errorOf(const common::v1::ErrorInfo &e)
{
    return { e.aos_code(), e.exit_code(), fromStd(e.message()) };
}
} // namespace

UmStatus umStatusOf(const updatemanager::v2::UpdateStatus &in)
{
    UmStatus out;
    out.nodeId = fromStd(in.node_id());
    out.priority = in.priority();
    // Unknown enum values (a newer UM) read as FAILED and INSTALLING: never as success.
    out.state = in.update_state() >= 0 && in.update_state() <= 3 ? UmState(in.update_state()) : UmState::Failed;
    out.error = errorOf(in.error());
    for (const updatemanager::v2::ComponentStatus &c : in.components()) {
        out.components.append(
            { fromStd(c.component_id()), fromStd(c.component_type()), fromStd(c.version()),
              c.state() >= 0 && c.state() <= 2 ? UmComponentState(c.state()) : UmComponentState::Installing,
              errorOf(c.error()) });
    }
    return out;
}

} // namespace Flotilla::Agent
