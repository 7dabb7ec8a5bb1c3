#pragma once

// What a local client (flotilla-kiosk, a local tool) asks the agent over flotilla.device.v1.LocalUpdateService
// (proto/device/v1/localupdate.proto), checked once at the gRPC edge (agent/localapi/localapiserver.cpp) before
// anything reaches the agent: an action id the agent could hold, who asks and why as bounded text without control
// characters, a time to postpone to that the agent can wait for. Anything else is refused with a message naming
// the field (answered INVALID_ARGUMENT); nothing is shortened or dropped silently. Fuzzed by
// tests/fuzz/fuzz_localrequests.
#include <QDateTime>
#include <QString>

#include <variant>

namespace flotilla::device::v1 {
class ConsentDecision;
class ActionRequest;
class PostponeRequest;
} // namespace flotilla::device::v1

namespace Flotilla::Agent {

struct LocalDecision // Confirm, Deny
{
    QString actionId;
    QString by;
    QString remark;
};

struct LocalActionRequest // InstallNow
{
    QString actionId;
    QString by;
};

struct LocalPostpone // Postpone
{
    QString actionId;
    QString by;
    QDateTime until; // UTC, after now and at most MaxPostponeSecs ahead
};

// A request, or why it is refused (naming the field).
template<typename T> using LocalRequest = std::variant<T, QString>;

namespace LocalRequests {
// A DDI action id is a number (hawkBit's are 64-bit); 64 characters leave room for any server's ids.
inline constexpr qsizetype MaxActionIdLength = 64;
inline constexpr qsizetype MaxNameLength = 128; // decided_by, requested_by
inline constexpr qsizetype MaxRemarkLength = 512; // as hawkBit's action status message entries
// A consent question comes back within a year at the latest: a device is not left without updates for longer by
// one tap, and the agent's timer can wait that long.
inline constexpr qint64 MaxPostponeSecs = 366LL * 24 * 3600;

LocalRequest<LocalDecision> decisionOf(const flotilla::device::v1::ConsentDecision &in);
LocalRequest<LocalActionRequest> actionRequestOf(const flotilla::device::v1::ActionRequest &in);
LocalRequest<LocalPostpone> postponeOf(const flotilla::device::v1::PostponeRequest &in, const QDateTime &now);
} // namespace LocalRequests

} // namespace Flotilla::Agent
