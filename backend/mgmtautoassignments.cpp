// Management API: hawkBit's /autoassignments (MgmtAutoAssignmentRestApi, the resource hawkBit added after 1.1):
// a distribution set given to every target an RSQL query comes to match, with its own life cycle (approval when
// the tenant asks for it, a start time, pause and resume; engine/autoassignment.h). The AutoAssigner (engine)
// carries out the running ones. Permissions: reading them is READ_TARGET, changing them UPDATE_TARGET (they
// assign sets to targets), approving or denying them APPROVE_ROLLOUT (the approver role).
#include "proto/mgmt/mgmtautoassignments.h"
#include "backend/managementserver_p.h"
#include "engine/repositoryservice.h"

namespace Flotilla {

namespace {
constexpr int MaxAutoAssignmentNameLength = 128;

// hawkBit's MgmtAutoAssignmentResponseBody.
MgmtAutoAssignmentResponseBody mgmtAutoAssignment(const AutoAssignment &a, const std::optional<DistributionSet> &set)
{
    const QString self = u"/autoassignments/%1"_s.arg(a.id);
    MgmtAutoAssignmentResponseBody o;
    o.id = a.id;
    o.name = a.name;
    o.description = a.description;
    o.targetFilterQuery = a.query;
    o.distributionSetId = a.distributionSetId;
    o.status = nameOf(a.status);
    o.actionType = nameOf(a.actionType);
    o.weight = a.weight;
    o.confirmationRequired = a.confirmationRequired;
    o.links = linksOf({ { "self"_L1, self },
                        { "start"_L1, self + u"/start"_s },
                        { "pause"_L1, self + u"/pause"_s },
                        { "resume"_L1, self + u"/resume"_s },
                        { "approve"_L1, self + u"/approve"_s },
                        { "deny"_L1, self + u"/deny"_s },
                        { "distributionset"_L1, u"/distributionsets/%1"_s.arg(a.distributionSetId) } });
    if (set)
        o.distributionSetName = set->name + u':' + set->version;
    o.startAt = msOf(a.startAt);
    if (!a.approvalDecidedBy.isEmpty())
        o.approvalDecidedBy = a.approvalDecidedBy;
    if (!a.approvalRemark.isEmpty())
        o.approvalRemark = a.approvalRemark;
    return o;
}
} // namespace

QJsonObject ManagementServer::autoAssignmentOut(const AutoAssignment &a)
{
    // The set's name is a decoration of the link: left out, with a warning, when it cannot be read.
    const Lookup<DistributionSet> set = m_store.repository().distributionSet(a.distributionSetId);
    if (set.failed())
        qCWarning(lcMgmt).noquote() << "auto-assignment's set name:" << set.error().message;
    return withAudit(u"autoassignment"_s, mgmtAutoAssignment(a, set.failed() ? std::nullopt : set.optional()));
}

std::optional<AutoAssignment> ManagementServer::autoAssignmentOf(Context &ctx)
{
    const auto id = ctx.idArg(0, u"auto-assignment"_s);
    if (!id)
        return std::nullopt;
    Lookup<AutoAssignment> a = m_store.filters().autoAssignment(*id);
    if (!ctx.found(a, u"auto-assignment %1 does not exist"_s.arg(*id)))
        return std::nullopt;
    return std::move(a).optional();
}

// name and description (hawkBit's MgmtNamedEntity) of a request body into *a; fails the request (400/409).
bool ManagementServer::readAutoAssignmentName(Context &ctx, const MgmtAutoAssignmentRequestBody &body,
                                              AutoAssignment *a, bool create)
{
    if (create || body.name)
        a->name = body.name.value_or(QString()).trimmed();
    if (body.description)
        a->description = *body.description;
    if (a->name.isEmpty() || a->name.size() > MaxAutoAssignmentNameLength)
        return ctx.fail(Status::BadRequest,
                        u"an auto-assignment needs a name (1 to %1 characters)"_s.arg(MaxAutoAssignmentNameLength)),
               false;
    const Lookup<AutoAssignment> same = m_store.filters().autoAssignmentByName(a->name);
    if (!ctx.succeeded(same))
        return false;
    if (same.found() && same->id != a->id)
        return ctx.fail(Errors::EntityAlreadyExists, u"auto-assignment '%1' exists"_s.arg(a->name)), false;
    return true;
}

// The request's body as MgmtAutoAssignmentRequestBody; fails the request (400) when it is not one.
std::optional<MgmtAutoAssignmentRequestBody> ManagementServer::autoAssignmentBody(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return std::nullopt;
    Mgmt::DecodeError error;
    std::optional<MgmtAutoAssignmentRequestBody> decoded = MgmtAutoAssignmentRequestBody::fromJson(*body, &error);
    if (!decoded)
        ctx.fail(Errors::BodyNotReadable, error.message);
    return decoded;
}

void ManagementServer::listAutoAssignments(Context &ctx)
{
    const std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::AutoAssignment, u"aa"_s);
    if (!l)
        return;
    const auto rows
        = m_store.filters().autoAssignmentsWhere(l->condition.sql, l->condition.binds, l->orderBy, l->offset, l->limit);
    const auto total = m_store.countWhere(RsqlCompiler::Entity::AutoAssignment, l->condition.sql, l->condition.binds);
    if (!ctx.succeeded(rows, total))
        return;
    QJsonArray content;
    for (const AutoAssignment &a : *rows)
        content.append(autoAssignmentOut(a));
    ctx.sendPage(content, *total);
}

// hawkBit's MgmtAutoAssignmentRestRequestBodyPost: name, description, targetFilterQuery, distributionSetId,
// startAt, actionType (forced, soft, downloadonly; not timeforced), weight, confirmationRequired. It waits for
// approval when auto.assignment.approval.enabled is set, else it is ready (and runs from its start time on).
void ManagementServer::createAutoAssignment(Context &ctx)
{
    const std::optional<MgmtAutoAssignmentRequestBody> body = autoAssignmentBody(ctx);
    if (!body)
        return;
    AutoAssignment a;
    if (!readAutoAssignmentName(ctx, *body, &a, true))
        return;
    a.query = body->targetFilterQuery.trimmed();
    if (a.query.isEmpty())
        return ctx.fail(Status::BadRequest, u"targetFilterQuery is required"_s);
    const auto compiled = RsqlCompiler::compile(RsqlCompiler::Entity::Target, a.query);
    if (const auto *e = std::get_if<Rsql::ParseError>(&compiled))
        return ctx.fail(Errors::RsqlSyntax, u"targetFilterQuery: "_s + e->toString());
    if (!body->distributionSetId)
        return ctx.fail(Status::BadRequest, u"distributionSetId is required"_s);
    a.distributionSetId = *body->distributionSetId;
    const Lookup<DistributionSet> set = m_store.repository().distributionSet(a.distributionSetId);
    if (!ctx.found(set, u"distribution set %1 does not exist"_s.arg(a.distributionSetId)))
        return;
    if (!set->valid)
        return ctx.fail(Errors::DistributionSetInvalid,
                        u"distribution set %1 %2 is invalidated"_s.arg(set->name, set->version));
    const Result<QStringList> why = RepositoryService(m_store.stores()).incompleteness(set->id);
    if (!ctx.succeeded(why))
        return;
    if (!why->isEmpty())
        return ctx.fail(Errors::DistributionSetIncomplete,
                        u"distribution set %1 %2 is incomplete: %3"_s.arg(set->name, set->version, why->join(u"; "_s)));
    const QString type = body->actionType.value_or(u"forced"_s).toLower();
    const std::optional<ActionType> actionType = actionTypeFromString(type);
    if (!actionType || *actionType == ActionType::TimeForced)
        return ctx.fail(Errors::AutoAssignActionTypeInvalid,
                        u"an auto-assignment is forced, soft or downloadonly, not '%1'"_s.arg(type));
    a.actionType = *actionType;
    if (body->weight) {
        if (*body->weight < MinWeight || *body->weight > MaxWeight)
            return ctx.fail(Status::BadRequest, u"weight is a number from %1 to %2"_s.arg(MinWeight).arg(MaxWeight));
        a.weight = *body->weight;
    }
    if (body->startAt) {
        a.startAt = QDateTime::fromMSecsSinceEpoch(*body->startAt, QTimeZone::UTC);
        if (!a.startAt.isValid() || *body->startAt < 0)
            return ctx.fail(Status::BadRequest, u"startAt is a time in milliseconds since 1970"_s);
    }
    a.confirmationRequired = body->confirmationRequired;
    a.status = m_store.configuration().tenantConfiguration().autoAssignmentApproval
        ? AutoAssignmentStatus::WaitingForApproval
        : AutoAssignmentStatus::Ready;
    const Result<qint64> inserted = m_store.filters().insertAutoAssignment(a);
    if (!ctx.succeeded(inserted))
        return;
    a.id = *inserted;
    recordCreated(ctx, u"autoassignment"_s, QJsonObject { { "id"_L1, double(a.id) } });
    ctx.send(autoAssignmentOut(a), Status::Created);
}

void ManagementServer::getAutoAssignment(Context &ctx)
{
    if (const auto a = autoAssignmentOf(ctx))
        ctx.send(autoAssignmentOut(*a));
}

// hawkBit's MgmtAutoAssignmentRestRequestBodyPut: name and description; what it assigns stays.
void ManagementServer::updateAutoAssignment(Context &ctx)
{
    std::optional<AutoAssignment> a = autoAssignmentOf(ctx);
    const std::optional<MgmtAutoAssignmentRequestBody> body = a ? autoAssignmentBody(ctx) : std::nullopt;
    if (!body || !readAutoAssignmentName(ctx, *body, &*a, false))
        return;
    if (!ctx.succeeded(m_store.filters().updateAutoAssignment(*a)))
        return;
    recordModified(ctx, u"autoassignment"_s, a->id);
    ctx.send(autoAssignmentOut(*a));
}

// POST /autoassignments/{id}/approve|deny[?remark=]|start|pause|resume: one transition of the status machine;
// a status that does not allow it is 409 (hawkBit's AutoAssignmentIllegalStateException).
void ManagementServer::autoAssignmentCommand(Context &ctx)
{
    std::optional<AutoAssignment> a = autoAssignmentOf(ctx);
    if (!a)
        return;
    static const QHash<QString, AutoAssignmentEvent> events = {
        { u"approve"_s, AutoAssignmentEvent::Approve }, { u"deny"_s, AutoAssignmentEvent::Deny },
        { u"start"_s, AutoAssignmentEvent::Start },     { u"pause"_s, AutoAssignmentEvent::Pause },
        { u"resume"_s, AutoAssignmentEvent::Resume },
    };
    const QString command = ctx.request.url().path().section(u'/', -1);
    const AutoAssignmentEvent event = events.value(command);
    const std::optional<AutoAssignmentStatus> next = AutoAssignmentStateMachine::next(a->status, event);
    if (!next)
        return ctx.fail(Errors::AutoAssignmentIllegalState,
                        u"auto-assignment %1 is %2: it cannot %3"_s.arg(a->name, nameOf(a->status), command));
    a->status = *next;
    if (event == AutoAssignmentEvent::Approve || event == AutoAssignmentEvent::Deny) {
        a->approvalDecidedBy = ctx.who.name;
        a->approvalRemark = ctx.request.query().queryItemValue(u"remark"_s, QUrl::FullyDecoded).left(255);
    }
    if (!ctx.succeeded(m_store.filters().updateAutoAssignment(*a)))
        return;
    recordModified(ctx, u"autoassignment"_s, a->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::deleteAutoAssignment(Context &ctx)
{
    const std::optional<AutoAssignment> a = autoAssignmentOf(ctx);
    if (!a)
        return;
    if (!ctx.succeeded(m_store.filters().deleteAutoAssignment(a->id)))
        return;
    forget(u"autoassignment"_s, a->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
