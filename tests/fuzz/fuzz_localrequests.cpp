// What a local client sends the agent's local API (flotilla.device.v1 ConsentDecision, ActionRequest,
// PostponeRequest: protobuf bytes, the first byte choosing which), read as the server reads it
// (agent/localapi/localrequests.h). Properties: a request is taken whole or refused with words naming the field;
// what is taken has an action id without spaces or control characters, names and a remark within their limits and
// without control characters (a remark may have line breaks and tabs), exactly the text that was sent (nothing
// shortened), and a time to postpone to that is valid, UTC and at most a year after now.
#include "agent/localapi/localrequests.h"
#include "device/v1/localupdate.pb.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QTimeZone>

#include <cstdint>

using namespace Flotilla::Agent;
namespace pb = flotilla::device::v1;

namespace {

bool clean(const QString &s, bool lines)
{
    for (const QChar c : s) {
        if (lines && (c == u'\n' || c == u'\t'))
            continue;
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            return false;
    }
    return true;
}

bool sameText(const QString &taken, const std::string &sent)
{
    return taken == QString::fromUtf8(sent.data(), qsizetype(sent.size()));
}

void checkActionId(const QString &id, const std::string &sent)
{
    FLOTILLA_FUZZ_CHECK(!id.isEmpty() && id.size() <= LocalRequests::MaxActionIdLength, "an action id is bounded");
    FLOTILLA_FUZZ_CHECK(!id.contains(u' ') && clean(id, false), "an action id has no spaces or control characters");
    FLOTILLA_FUZZ_CHECK(sameText(id, sent), "the action id is what was sent");
}

void checkName(const QString &name, const std::string &sent)
{
    FLOTILLA_FUZZ_CHECK(name.size() <= LocalRequests::MaxNameLength && clean(name, false),
                        "who asks is bounded text without control characters");
    FLOTILLA_FUZZ_CHECK(sameText(name, sent), "who asks is what was sent");
}

template<typename T> bool refused(const LocalRequest<T> &r, std::initializer_list<const char *> fields)
{
    const QString *why = std::get_if<QString>(&r);
    if (!why)
        return false;
    bool named = false;
    for (const char *f : fields)
        named = named || why->contains(QLatin1StringView(f));
    FLOTILLA_FUZZ_CHECK(named, "a refusal names the field");
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const int length = int(size - 1);
    switch (data[0] % 3) {
    case 0: {
        pb::ConsentDecision in;
        if (!in.ParseFromArray(bytes, length))
            return 0;
        const LocalRequest<LocalDecision> out = LocalRequests::decisionOf(in);
        if (refused(out, { "action_id", "decided_by", "remark" }))
            return 0;
        const LocalDecision &d = std::get<LocalDecision>(out);
        checkActionId(d.actionId, in.action_id());
        checkName(d.by, in.decided_by());
        FLOTILLA_FUZZ_CHECK(d.remark.size() <= LocalRequests::MaxRemarkLength && clean(d.remark, true),
                            "a remark is bounded text without control characters but line breaks and tabs");
        FLOTILLA_FUZZ_CHECK(sameText(d.remark, in.remark()), "the remark is what was sent, whole");
        return 0;
    }
    case 1: {
        pb::ActionRequest in;
        if (!in.ParseFromArray(bytes, length))
            return 0;
        const LocalRequest<LocalActionRequest> out = LocalRequests::actionRequestOf(in);
        if (refused(out, { "action_id", "requested_by" }))
            return 0;
        checkActionId(std::get<LocalActionRequest>(out).actionId, in.action_id());
        checkName(std::get<LocalActionRequest>(out).by, in.requested_by());
        return 0;
    }
    default: {
        pb::PostponeRequest in;
        if (!in.ParseFromArray(bytes, length))
            return 0;
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, QTimeZone::UTC);
        const LocalRequest<LocalPostpone> out = LocalRequests::postponeOf(in, now);
        if (refused(out, { "action_id", "requested_by", "until" }))
            return 0;
        const LocalPostpone &p = std::get<LocalPostpone>(out);
        checkActionId(p.actionId, in.action_id());
        checkName(p.by, in.requested_by());
        FLOTILLA_FUZZ_CHECK(p.until.isValid() && p.until.timeSpec() == Qt::UTC, "the time is valid and UTC");
        FLOTILLA_FUZZ_CHECK(p.until.toSecsSinceEpoch() == in.until(), "the time is the one sent");
        FLOTILLA_FUZZ_CHECK(in.until() > 0 && p.until <= now.addSecs(LocalRequests::MaxPostponeSecs),
                            "the time lies at most a year ahead");
        return 0;
    }
    }
}
