// The DDI JSON bodies from outside: what devices send the server (action and confirmation feedback, configData,
// autoConfirm activation, installedBase) and what the server sends the agent (controller base, deployment, cancel,
// confirmation base). The first byte picks the message, the rest is the body. Property: whatever decodes and has an
// encoder (the agent writes those) encodes to a body that decodes again.
#include "proto/ddi/ddimessages.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstdint>

using namespace Flotilla::Ddi;

namespace {
template<typename Message> void roundTrip(const QByteArray &body)
{
    DecodeError error;
    const std::optional<Message> m = Message::decode(body, &error);
    if constexpr (requires { m->encode(); }) {
        if (!m)
            return;
        DecodeError again;
        FLOTILLA_FUZZ_CHECK(Message::decode(m->encode(), &again).has_value(), "a decoded message re-encodes readably");
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 9) {
    case 0:
        roundTrip<ActionFeedback>(body);
        break;
    case 1:
        roundTrip<ConfirmationFeedback>(body);
        break;
    case 2:
        roundTrip<ConfigData>(body);
        break;
    case 3:
        roundTrip<AutoConfirmActivation>(body);
        break;
    case 4:
        roundTrip<InstalledBase>(body);
        break;
    case 5:
        roundTrip<ControllerBase>(body);
        break;
    case 6:
        roundTrip<Deployment>(body);
        break;
    case 7:
        roundTrip<CancelAction>(body);
        break;
    default:
        roundTrip<ConfirmationBase>(body);
        break;
    }
    return 0;
}
