// Management API: hawkBit's /autoassignments (MgmtAutoAssignmentRestApi, the resource hawkBit added after 1.1):
// a distribution set given to every target an RSQL query comes to match, with its own life cycle (approval when
// the tenant asks for it, a start time, pause and resume; engine/autoassignment.h). The AutoAssigner (engine)
// carries out the running ones. Permissions: reading them is READ_TARGET, changing them UPDATE_TARGET (they
// assign sets to targets), approving or denying them APPROVE_ROLLOUT (the approver role).
#include "backend/managementserver_p.h"
#include "engine/repositoryservice.h"

namespace Flotilla {

namespace {
constexpr int MaxAutoAssignmentNameLength = 128;

// hawkBit's MgmtAutoAssignmentResponseBody.
QJsonObject autoAssignmentJson(const AutoAssignment &a, const std::optional<DistributionSet> &set)
{
    const QString self = u"/autoassignments/%1"_s.arg(a.id);
    QJsonObject links = linksJson({ { "self"_L1, self },
                                    { "start"_L1, self + u"/start"_s },
                                    { "pause"_L1, self + u"/pause"_s },
                                    { "resume"_L1, self + u"/resume"_s },
                                    { "approve"_L1, self + u"/approve"_s },
                                    { "deny"_L1, self + u"/deny"_s },
                                    { "distributionset"_L1, u"/distributionsets/%1"_s.arg(a.distributionSetId) } });
    if (set) {
        QJsonObject ds = links.value("distributionset"_L1).toObject();
        ds.insert("name"_L1, QString(set->name + u':' + set->version));
        links.insert("distributionset"_L1, ds);
    }
    QJsonObject o { { "id"_L1, double(a.id) },
                    { "name"_L1, a.name },
                    { "description"_L1, a.description },
                    { "targetFilterQuery"_L1, a.query },
                    { "distributionSetId"_L1, double(a.distributionSetId) },
                    { "status"_L1, nameOf(a.status) },
                    { "actionType"_L1, nameOf(a.actionType) },
                    { "weight"_L1, a.weight },
                    { "confirmationRequired"_L1, a.confirmationRequired },
                    { "_links"_L1, links } };
    if (a.startAt.isValid())
        o.insert("startAt"_L1, double(a.startAt.toMSecsSinceEpoch()));
    if (!a.approvalDecidedBy.isEmpty())
        o.insert("approvalDecidedBy"_L1, a.approvalDecidedBy);
    if (!a.approvalRemark.isEmpty())
        o.insert("approvalRemark"_L1, a.approvalRemark);
    return o;
}
} // namespace

QJsonObject ManagementServer::autoAssignmentOut(const AutoAssignment &a)
{
    // The set's name is a decoration of the link: left out, with a warning, when it cannot be read.
    const Lookup<DistributionSet> set = m_store.repository().distributionSet(a.distributionSetId);
    if (set.failed())
        qCWarning(lcMgmt).noquote() << "auto-assignment's set name:" << set.error().message;
    return withAudit(u"autoassignment"_s, autoAssignmentJson(a, set.failed() ? std::nullopt : set.optional()));
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
bool ManagementServer::readAutoAssignmentName(Context &ctx, const QJsonObject &body, AutoAssignment *a, bool create)
{
    if (create || body.contains("name"_L1))
        a->name = body.value("name"_L1).toString().trimmed();
    if (body.contains("description"_L1))
        a->description = body.value("description"_L1).toString();
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
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    AutoAssignment a;
    if (!readAutoAssignmentName(ctx, *body, &a, true))
        return;
    a.query = body->value("targetFilterQuery"_L1).toString().trimmed();
    if (a.query.isEmpty())
        return ctx.fail(Status::BadRequest, u"targetFilterQuery is required"_s);
    const auto compiled = RsqlCompiler::compile(RsqlCompiler::Entity::Target, a.query);
    if (const auto *e = std::get_if<Rsql::ParseError>(&compiled))
        return ctx.fail(Errors::RsqlSyntax, u"targetFilterQuery: "_s + e->toString());
    if (!body->value("distributionSetId"_L1).isDouble())
        return ctx.fail(Status::BadRequest, u"distributionSetId is required"_s);
    a.distributionSetId = idOf(body->value("distributionSetId"_L1));
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
    const QString type = body->value("actionType"_L1).toString(u"forced"_s).toLower();
    const std::optional<ActionType> actionType = actionTypeFromString(type);
    if (!actionType || *actionType == ActionType::TimeForced)
        return ctx.fail(Errors::AutoAssignActionTypeInvalid,
                        u"an auto-assignment is forced, soft or downloadonly, not '%1'"_s.arg(type));
    a.actionType = *actionType;
    const QJsonValue weight = body->value("weight"_L1);
    if (!weight.isUndefined() && !weight.isNull()) {
        if (!weight.isDouble() || weight.toInt() < MinWeight || weight.toInt() > MaxWeight)
            return ctx.fail(Status::BadRequest, u"weight is a number from %1 to %2"_s.arg(MinWeight).arg(MaxWeight));
        a.weight = weight.toInt();
    }
    const QJsonValue startAt = body->value("startAt"_L1);
    if (!startAt.isUndefined() && !startAt.isNull()) {
        a.startAt = utcOf(startAt);
        if (!a.startAt.isValid() || a.startAt.toMSecsSinceEpoch() < 0)
            return ctx.fail(Status::BadRequest, u"startAt is a time in milliseconds since 1970"_s);
    }
    a.confirmationRequired = body->value("confirmationRequired"_L1).toBool(false);
    a.status = m_store.configuration().tenantConfiguration().autoAssignmentApproval
        ? AutoAssignmentStatus::WaitingForApproval
        : AutoAssignmentStatus::Ready;
    a.id = m_store.filters().insertAutoAssignment(a);
    if (!a.id)
        return ctx.fail(Status::InternalServerError, m_store.lastError());
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
    const auto body = a ? ctx.jsonObject() : std::nullopt;
    if (!body || !readAutoAssignmentName(ctx, *body, &*a, false))
        return;
    if (!m_store.filters().updateAutoAssignment(*a))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
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
    if (!m_store.filters().updateAutoAssignment(*a))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    recordModified(ctx, u"autoassignment"_s, a->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::deleteAutoAssignment(Context &ctx)
{
    const std::optional<AutoAssignment> a = autoAssignmentOf(ctx);
    if (!a)
        return;
    if (!m_store.filters().deleteAutoAssignment(a->id))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    forget(u"autoassignment"_s, a->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
