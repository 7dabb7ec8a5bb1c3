// The Management API's JSON (proto/mgmt) from outside: the request bodies the server decodes (targets, software
// modules and distribution sets to create, assignments, as arrays and as POST /targets/{id}/assignedDS's object;
// users, tags, the three types and references to them, target filters and their auto-assigned sets,
// auto-assignments, metadata, rollouts, the PUTs of targets, modules, sets and actions, invalidation, consent,
// lists of members, auto-confirmation), and what a client decodes from a server (targets, actions, modules, sets,
// rollouts, groups, errors, pages, the event stream's envelope and events, audit entries, users, action spans,
// forecasts, tags, types, target filters, auto-assignments, metadata, the tenant configuration, the overview). The
// first byte picks the type, the rest is the JSON. Properties: a decode never crashes and fails with a message naming
// what is wrong; whatever decodes encodes to JSON that decodes to the same value.
#include "proto/mgmt/mgmtautoassignments.h"
#include "proto/mgmt/mgmtconfiguration.h"
#include "proto/mgmt/mgmtevents.h"
#include "proto/mgmt/mgmtmessages.h"
#include "proto/mgmt/mgmtmetadata.h"
#include "proto/mgmt/mgmtoverview.h"
#include "proto/mgmt/mgmtrequests.h"
#include "proto/mgmt/mgmtrolloutrequests.h"
#include "proto/mgmt/mgmttypes.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QJsonDocument>

#include <cstdint>

using namespace Flotilla::Mgmt;

namespace {
QJsonObject throughText(const QJsonObject &o)
{
    return QJsonDocument::fromJson(QJsonDocument(o).toJson(QJsonDocument::Compact)).object();
}

template<typename T> void object(const QJsonDocument &doc)
{
    DecodeError error;
    const std::optional<T> t = T::fromJson(doc.object(), &error);
    if (!t) {
        FLOTILLA_FUZZ_CHECK(!error.message.isEmpty(), "a failed decode says why");
        return;
    }
    const std::optional<T> again = T::fromJson(throughText(t->toJson()), &error);
    FLOTILLA_FUZZ_CHECK(again.has_value(), "a decoded value re-encodes readably");
    FLOTILLA_FUZZ_CHECK(*again == *t, "a decoded value survives encode -> decode");
}

template<typename T> void items(const QJsonDocument &doc)
{
    DecodeError error;
    const std::optional<QList<T>> list = decodeItems<T>(doc.array(), &error);
    if (!list) {
        FLOTILLA_FUZZ_CHECK(error.message.startsWith(u'['), "a failed item names its index");
        return;
    }
    FLOTILLA_FUZZ_CHECK(list->size() == doc.array().size(), "every item decodes or none");
    for (const T &t : *list) {
        const std::optional<T> again = T::fromJson(throughText(t.toJson()), &error);
        FLOTILLA_FUZZ_CHECK(again && *again == t, "a decoded item survives encode -> decode");
    }
}

void setAssignment(const QJsonDocument &doc)
{
    DecodeError error;
    const auto a = MgmtTargetAssignmentRequestBody::fromSetAssignment(doc.object(), &error);
    if (!a)
        return;
    const auto again = MgmtTargetAssignmentRequestBody::fromSetAssignment(throughText(a->toJson()), &error);
    FLOTILLA_FUZZ_CHECK(again && *again == *a, "an assignedDS body survives encode -> decode");
}

void typeRefs(const QJsonDocument &doc)
{
    DecodeError error;
    const auto refs = typeRefsOf(doc.array(), &error);
    if (!refs) {
        FLOTILLA_FUZZ_CHECK(error.message.startsWith(u'['), "a failed reference names its index");
        return;
    }
    QJsonArray encoded;
    for (const MgmtTypeRef &ref : *refs)
        encoded.append(ref.toJson());
    const auto again = typeRefsOf(encoded, &error);
    FLOTILLA_FUZZ_CHECK(again && *again == *refs, "type references survive encode -> decode");
}

void memberRefs(const QJsonDocument &doc)
{
    DecodeError error;
    const auto ids = controllerIdsOf(doc.array(), &error);
    FLOTILLA_FUZZ_CHECK(ids || error.message.startsWith(u'['), "a failed controllerId names its index");
    const auto numbers = idsOf(doc.array(), &error);
    FLOTILLA_FUZZ_CHECK(numbers || error.message.startsWith(u'['), "a failed id names its index");
    if (numbers) {
        QJsonArray again;
        for (qint64 n : *numbers)
            again.append(double(n));
        FLOTILLA_FUZZ_CHECK(idsOf(again, &error) == numbers, "ids survive encode -> decode");
    }
}

void page(const QJsonDocument &doc)
{
    DecodeError error;
    const auto p = decodePage<MgmtTarget>(doc.object(), &error);
    FLOTILLA_FUZZ_CHECK(p.has_value() || !error.message.isEmpty(), "a failed page says why");
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)));
    switch (data[0] % 59) {
    case 0:
        return items<MgmtTargetRequestBody>(doc), 0;
    case 1:
        return items<MgmtSoftwareModuleRequestBodyPost>(doc), 0;
    case 2:
        return items<MgmtDistributionSetRequestBodyPost>(doc), 0;
    case 3:
        return items<MgmtTargetAssignmentRequestBody>(doc), 0;
    case 4:
        return setAssignment(doc), 0;
    case 5:
        return object<MgmtTarget>(doc), 0;
    case 6:
        return object<MgmtAction>(doc), 0;
    case 7:
        return object<MgmtSoftwareModule>(doc), 0;
    case 8:
        return object<MgmtDistributionSet>(doc), 0;
    case 9:
        return object<MgmtRolloutResponseBody>(doc), 0;
    case 10:
        return object<MgmtRolloutGroupResponseBody>(doc), 0;
    case 11:
        return object<ExceptionInfo>(doc), 0;
    case 12:
        return page(doc), 0;
    case 13:
        return object<EventMessage>(doc), 0;
    case 14:
        return object<TargetChangedEvent>(doc), 0;
    case 15:
        return object<TargetPolledEvent>(doc), 0;
    case 16:
        return object<ActionChangedEvent>(doc), 0;
    case 17:
        return object<RolloutChangedEvent>(doc), 0;
    case 18:
        return object<RolloutGroupChangedEvent>(doc), 0;
    case 19:
        return object<ResyncEvent>(doc), 0;
    case 20:
        return object<MgmtUserRequestBody>(doc), 0;
    case 21:
        return items<MgmtTagRequestBodyPut>(doc), 0;
    case 22:
        return items<MgmtSoftwareModuleTypeRequestBodyPost>(doc), 0;
    case 23:
        return items<MgmtDistributionSetTypeRequestBodyPost>(doc), 0;
    case 24:
        return items<MgmtTargetTypeRequestBodyPost>(doc), 0;
    case 25:
        return typeRefs(doc), 0;
    case 26:
        return object<MgmtTargetFilterQueryRequestBody>(doc), 0;
    case 27:
        return object<MgmtDistributionSetAutoAssignment>(doc), 0;
    case 28:
        return object<MgmtAutoAssignmentRequestBody>(doc), 0;
    case 29:
        return object<MgmtAuditEntry>(doc), 0;
    case 30:
        return object<MgmtUser>(doc), 0;
    case 31:
        return object<MgmtActionSpan>(doc), 0;
    case 32:
        return object<MgmtRolloutForecast>(doc), 0;
    case 33:
        return object<MgmtTag>(doc), 0;
    case 34:
        return object<MgmtSoftwareModuleType>(doc), 0;
    case 35:
        return object<MgmtDistributionSetType>(doc), 0;
    case 36:
        return object<MgmtTargetType>(doc), 0;
    case 37:
        return object<MgmtTargetFilterQuery>(doc), 0;
    case 38:
        return object<MgmtAutoAssignmentResponseBody>(doc), 0;
    case 39:
        return items<MgmtMetadata>(doc), 0;
    case 40:
        return object<MgmtMetadataBodyPut>(doc), 0;
    case 41:
        return object<MgmtTenantConfiguration>(doc), 0;
    case 42:
        return object<MgmtFleetOverview>(doc), 0;
    case 43:
        return object<MgmtErrorSummary>(doc), 0;
    case 44:
        return object<MgmtRolloutRestRequestBodyPost>(doc), 0;
    case 45:
        return object<MgmtRolloutRestRequestBodyPut>(doc), 0;
    case 46:
        return object<MgmtTargetRequestBodyPut>(doc), 0;
    case 47:
        return object<MgmtSoftwareModuleRequestBodyPut>(doc), 0;
    case 48:
        return object<MgmtDistributionSetRequestBodyPut>(doc), 0;
    case 49:
        return object<MgmtInvalidateDistributionSetRequestBody>(doc), 0;
    case 50:
        return object<MgmtActionRequestBodyPut>(doc), 0;
    case 51:
        return object<MgmtActionConfirmationRequestBodyPut>(doc), 0;
    case 52:
        return memberRefs(doc), 0;
    case 55:
        return object<MgmtTargetAutoConfirm>(doc), 0;
    case 56:
        return object<MgmtToken>(doc), 0;
    case 57:
        return object<MgmtUserInfo>(doc), 0;
    case 58:
        return object<MgmtActionsDeleted>(doc), 0;
    default:
        return object<MgmtTargetAutoConfirmUpdate>(doc), 0;
    }
}
