// Management API: rollouts and their groups.
#include "backend/managementserver_p.h"
#include "proto/mgmt/mgmtrolloutrequests.h"

#include <limits>

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace Flotilla {

namespace {
// What the Management API answers when the rollout service refuses: by the Failure's code; `otherwise` for a
// request or state the service cannot act on.
Error rolloutRefusal(const Failure &refusal, const Error &otherwise)
{
    if (refusal.code == RolloutService::Unknown)
        return errorFor(Status::NotFound);
    if (refusal.code == RolloutService::Quota)
        return errorFor(Status::TooManyRequests);
    if (refusal.code == RolloutService::InvalidatedSet)
        return Errors::DistributionSetInvalid;
    if (refusal.code == RolloutService::Invalid || refusal.code == RolloutService::IllegalState
        || refusal.code == u"flotilla.rsql")
        return otherwise;
    return Errors::Generic; // the store failed: the server's 500
}
} // namespace

Result<MgmtRolloutResponseBody> ManagementServer::rolloutOf(const Rollout &r)
{
    const Result<QList<RolloutGroup>> groups = m_store.rollouts().rolloutGroups(r.id);
    if (!groups)
        return groups.error();
    QList<GroupCounts> counts;
    for (const RolloutGroup &g : *groups) {
        const Result<GroupCounts> c = m_store.rollouts().rolloutGroupCounts(g.id);
        if (!c)
            return c.error();
        counts << *c;
    }
    return mgmtRollout(r, *groups, counts);
}

void ManagementServer::listRollouts(Context &ctx)
{
    const std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::Rollout, u"r"_s);
    if (!l)
        return;
    // One query for the page, one for its groups, one for their counts (and the count).
    const auto rollouts
        = m_store.rollouts().rolloutsWhere(l->condition.sql, l->condition.binds, l->orderBy, l->offset, l->limit);
    const auto total = m_store.countWhere(RsqlCompiler::Entity::Rollout, l->condition.sql, l->condition.binds);
    if (!ctx.succeeded(rollouts, total))
        return;
    QList<qint64> ids;
    for (const Rollout &r : *rollouts)
        ids << r.id;
    const auto groups = m_store.rollouts().rolloutGroupsOf(ids);
    if (!ctx.succeeded(groups))
        return;
    QList<qint64> groupIds;
    for (const QList<RolloutGroup> &list : *groups)
        for (const RolloutGroup &g : list)
            groupIds << g.id;
    const auto counts = m_store.rollouts().rolloutGroupCountsOf(groupIds);
    if (!ctx.succeeded(counts))
        return;
    QList<MgmtRolloutResponseBody> content;
    for (const Rollout &r : *rollouts) {
        const QList<RolloutGroup> own = groups->value(r.id);
        QList<GroupCounts> ownCounts;
        for (const RolloutGroup &g : own)
            ownCounts << counts->value(g.id);
        content.append(mgmtRollout(r, own, ownCounts));
    }
    ctx.sendPage(withAudit(u"rollout"_s, content), *total);
}

std::optional<RolloutRequest> ManagementServer::rolloutRequestOf(Context &ctx, const QJsonObject &json)
{
    const auto failed = [&ctx](auto code, const QString &message) -> std::optional<RolloutRequest> {
        ctx.fail(code, message);
        return std::nullopt;
    };
    Mgmt::DecodeError decodeError;
    const std::optional<MgmtRolloutRestRequestBodyPost> body
        = MgmtRolloutRestRequestBodyPost::fromJson(json, &decodeError);
    if (!body)
        return failed(Errors::BodyNotReadable, decodeError.message);
    RolloutRequest request;
    Rollout &r = request.rollout;
    r.name = body->name;
    r.description = body->description;
    r.targetFilterQuery = body->targetFilterQuery;
    r.distributionSetId = body->distributionSetId.value_or(0);
    if (r.name.isEmpty() || r.targetFilterQuery.isEmpty() || r.distributionSetId <= 0)
        return failed(Status::BadRequest, u"name, targetFilterQuery and distributionSetId are required"_s);
    const QString type = body->type.value_or(u"forced"_s);
    const std::optional<ActionType> actionType = actionTypeFromString(type);
    if (!actionType)
        return failed(Status::BadRequest,
                      u"type '%1' is not one of forced, soft, timeforced, downloadonly"_s.arg(type));
    r.type = *actionType;
    if (body->forcetime)
        r.forceTime = QDateTime::fromMSecsSinceEpoch(*body->forcetime, QTimeZone::UTC);
    if (body->startAt)
        r.startAt = QDateTime::fromMSecsSinceEpoch(*body->startAt, QTimeZone::UTC);
    r.weight = body->weight.value_or(DefaultWeight);
    r.confirmationRequired = body->confirmationRequired;
    r.dynamic = body->dynamic;
    // rollout.approval.enabled (hawkBit's tenant key) makes every rollout wait for approval.
    request.approvalRequired = body->approvalRequired || m_store.configuration().tenantConfiguration().rolloutApproval;
    const auto success = percentOf(body->successCondition, 100);
    const auto error = percentOf(body->errorCondition, 100);
    if (!success || !error)
        return failed(Status::BadRequest, u"successCondition/errorCondition expression must be a percentage 0..100"_s);
    request.conditions.successThresholdPercent = *success;
    request.conditions.errorThresholdPercent = *error;
    const QString successAction
        = body->successAction ? body->successAction->action.value_or(u"NEXTGROUP"_s) : u"NEXTGROUP"_s;
    if (successAction != u"NEXTGROUP"_s && successAction != u"PAUSE"_s)
        return failed(Status::BadRequest, u"successAction.action is NEXTGROUP or PAUSE"_s);
    request.conditions.successAction = successAction == u"PAUSE"_s ? SuccessAction::Pause : SuccessAction::NextGroup;
    if (body->errorAction && body->errorAction->action.value_or(u"PAUSE"_s) != u"PAUSE"_s)
        return failed(Status::BadRequest, u"errorAction.action is PAUSE"_s);
    if (body->groups) {
        for (qsizetype i = 0; i < body->groups->size(); ++i) {
            const MgmtRolloutGroup &o = body->groups->at(i);
            // hawkBit fills a group without a percentage with all that is left of its filter.
            const double pct = o.targetPercentage.value_or(100);
            if (pct <= 0 || pct > 100)
                return failed(Status::BadRequest, u"groups[%1].targetPercentage must be in (0, 100]"_s.arg(i));
            request.percentages << pct;
            GroupConditions c = request.conditions;
            const auto gs = percentOf(o.successCondition, c.successThresholdPercent);
            const auto ge = percentOf(o.errorCondition, c.errorThresholdPercent);
            if (!gs || !ge)
                return failed(Status::BadRequest, u"groups[%1] conditions must be percentages 0..100"_s.arg(i));
            c.successThresholdPercent = *gs;
            c.errorThresholdPercent = *ge;
            if (o.successAction) {
                const QString a = o.successAction->action.value_or(QString());
                if (a != u"NEXTGROUP"_s && a != u"PAUSE"_s)
                    return failed(Status::BadRequest,
                                  u"groups[%1].successAction.action is NEXTGROUP or PAUSE"_s.arg(i));
                c.successAction = a == u"PAUSE"_s ? SuccessAction::Pause : SuccessAction::NextGroup;
            }
            request.groupConditions << c;
            RolloutRequest::GroupDetails details;
            details.name = o.name;
            details.description = o.description;
            details.targetFilterQuery = o.targetFilterQuery;
            details.confirmationRequired = o.confirmationRequired;
            if (!details.targetFilterQuery.trimmed().isEmpty()) {
                const auto compiled = RsqlCompiler::compile(RsqlCompiler::Entity::Target, details.targetFilterQuery);
                if (const auto *e = std::get_if<Rsql::ParseError>(&compiled))
                    return failed(Errors::RsqlSyntax, u"groups[%1].targetFilterQuery: %2"_s.arg(i).arg(e->toString()));
            }
            request.groupDetails << details;
        }
    } else {
        request.amountGroups = body->amountGroups.value_or(0);
        if (request.amountGroups < 1)
            return failed(Status::BadRequest, u"give amountGroups (>= 1) or groups[]"_s);
    }
    return request;
}

void ManagementServer::createRollout(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    const std::optional<RolloutRequest> parsed = rolloutRequestOf(ctx, *body);
    if (!parsed)
        return;
    const RolloutRequest &request = *parsed;
    const Result<qint64> id = m_rollouts.create(request);
    if (!id)
        return ctx.fail(rolloutRefusal(id.error(), errorFor(Status::BadRequest)), id.error().message);
    const Lookup<Rollout> saved = m_store.rollouts().rollout(*id);
    if (!ctx.found(saved, u"rollout %1 does not exist"_s.arg(*id)))
        return;
    const Result<MgmtRolloutResponseBody> shown = rolloutOf(*saved);
    if (!ctx.succeeded(shown))
        return;
    recordCreated(ctx, u"rollout"_s, shown->toJson());
    ctx.send(withAudit(u"rollout"_s, *shown), Status::Created);
}

void ManagementServer::getRollout(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    if (!id)
        return;
    const Lookup<Rollout> r = m_store.rollouts().rollout(*id);
    if (!ctx.found(r, u"rollout %1 does not exist"_s.arg(*id)))
        return;
    const Result<MgmtRolloutResponseBody> shown = rolloutOf(*r);
    if (!ctx.succeeded(shown))
        return;
    ctx.send(withAudit(u"rollout"_s, *shown));
}

void ManagementServer::listGroups(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    if (!id)
        return;
    const Lookup<Rollout> r = m_store.rollouts().rollout(*id);
    if (!ctx.found(r, u"rollout %1 does not exist"_s.arg(*id)))
        return;
    const Result<QList<RolloutGroup>> groups = m_store.rollouts().rolloutGroups(*id);
    if (!ctx.succeeded(groups))
        return;
    QJsonArray content;
    for (const RolloutGroup &g : *groups) {
        const Result<GroupCounts> counts = m_store.rollouts().rolloutGroupCounts(g.id);
        if (!ctx.succeeded(counts))
            return;
        content.append(mgmtGroup(*r, g, *counts).toJson());
    }
    ctx.sendPage(content, content.size());
}

void ManagementServer::getGroup(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    const auto groupId = id ? ctx.idArg(1, u"group"_s) : std::nullopt;
    if (!groupId)
        return;
    const Lookup<Rollout> r = m_store.rollouts().rollout(*id);
    if (!ctx.found(r, u"rollout %1 does not exist"_s.arg(*id)))
        return;
    const Result<QList<RolloutGroup>> groups = m_store.rollouts().rolloutGroups(*id);
    if (!ctx.succeeded(groups))
        return;
    for (const RolloutGroup &g : *groups) {
        if (g.id != *groupId)
            continue;
        const Result<GroupCounts> counts = m_store.rollouts().rolloutGroupCounts(g.id);
        if (!ctx.succeeded(counts))
            return;
        return ctx.send(mgmtGroup(*r, g, *counts).toJson());
    }
    ctx.fail(Status::NotFound, u"group %1 of rollout %2 does not exist"_s.arg(*groupId).arg(*id));
}

void ManagementServer::rolloutCommand(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    if (!id)
        return;
    if (!ctx.found(m_store.rollouts().rollout(*id), u"rollout %1 does not exist"_s.arg(*id)))
        return;
    const QString command = ctx.args.value(1);
    static const QHash<QString, Result<void> (RolloutService::*)(qint64)> commands {
        { u"start"_s, &RolloutService::start },
        { u"pause"_s, &RolloutService::pause },
        { u"resume"_s, &RolloutService::resume },
        { u"approve"_s, &RolloutService::approve },
        { u"deny"_s, &RolloutService::deny },
        { u"stop"_s, &RolloutService::stop },
        { u"triggerNextGroup"_s, &RolloutService::triggerNextGroup },
    };
    const auto run = commands.constFind(command);
    if (run == commands.cend())
        return ctx.fail(Status::NotFound,
                        u"no rollout command '%1'; commands are start, pause, resume, approve, deny, "
                        "stop, triggerNextGroup"_s.arg(command));
    // hawkBit: a rollout not in the state the command needs is a 400 (RolloutIllegalStateException); a store
    // that failed is the server's 500, not the operator's 400.
    if (const Result<void> done = (m_rollouts.*(*run))(*id); !done)
        return ctx.fail(rolloutRefusal(done.error(), Errors::RolloutIllegalState), done.error().message);
    recordModified(ctx, u"rollout"_s, *id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::updateRollout(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    const auto body = id ? ctx.jsonObject() : std::nullopt;
    if (!body)
        return;
    Lookup<Rollout> r = m_store.rollouts().rollout(*id);
    if (!ctx.found(r, u"rollout %1 does not exist"_s.arg(*id)))
        return;
    Mgmt::DecodeError error;
    const std::optional<MgmtRolloutRestRequestBodyPut> change = MgmtRolloutRestRequestBodyPut::fromJson(*body, &error);
    if (!change)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    const QString name = change->name ? change->name->trimmed() : r->name;
    const QString description = change->description.value_or(r->description);
    if (name.isEmpty())
        return ctx.fail(Status::BadRequest, u"name must not be empty"_s);
    // Names are unique. Asked first: on PostgreSQL nothing can be asked after a failed statement in a transaction.
    const Lookup<Rollout> namesake = m_store.rollouts().rolloutNamed(name);
    if (!ctx.succeeded(namesake))
        return;
    if (namesake.found() && namesake->id != r->id)
        return ctx.fail(Status::Conflict, u"rollout '%1' exists"_s.arg(name));
    if (!ctx.succeeded(m_store.rollouts().updateRolloutText(r->id, name, description)))
        return;
    recordModified(ctx, u"rollout"_s, r->id);
    const Lookup<Rollout> saved = m_store.rollouts().rollout(r->id);
    if (!ctx.found(saved, u"rollout %1 does not exist"_s.arg(r->id)))
        return;
    const Result<MgmtRolloutResponseBody> shown = rolloutOf(*saved);
    if (!ctx.succeeded(shown))
        return;
    ctx.send(withAudit(u"rollout"_s, *shown));
}

void ManagementServer::deleteRollout(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    if (!id)
        return;
    const Lookup<Rollout> r = m_store.rollouts().rollout(*id);
    if (!ctx.found(r, u"rollout %1 does not exist"_s.arg(*id)))
        return;
    // A rollout in flight must be stopped first; its actions keep their history either way.
    static const QList<RolloutState> deletable
        = { RolloutState::Ready, RolloutState::WaitingForApproval, RolloutState::ApprovalDenied, RolloutState::Stopped,
            RolloutState::Finished };
    if (!deletable.contains(r->state))
        return ctx.fail(Errors::RolloutIllegalState,
                        u"rollout %1 is %2; stop it before deleting it"_s.arg(r->name, nameOf(r->state)));
    if (!ctx.succeeded(m_store.rollouts().deleteRollout(*id)))
        return;
    forget(u"rollout"_s, *id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::listGroupTargets(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    const auto groupId = id ? ctx.idArg(1, u"group"_s) : std::nullopt;
    if (!groupId)
        return;
    const Result<QList<RolloutGroup>> groups = m_store.rollouts().rolloutGroups(*id);
    if (!ctx.succeeded(groups))
        return;
    if (std::none_of(groups->cbegin(), groups->cend(), [&](const RolloutGroup &g) { return g.id == *groupId; }))
        return ctx.fail(Status::NotFound, u"group %1 of rollout %2 does not exist"_s.arg(*groupId).arg(*id));
    // Every target of the group, in one query.
    const SqlCondition c = SqlRolloutStore::targetsOfRolloutGroup(*groupId);
    const auto targets = m_store.targets().targetsWhere(c.sql, c.binds, u"t.id"_s, 0, std::numeric_limits<int>::max());
    if (!ctx.succeeded(targets))
        return;
    QList<MgmtTarget> content;
    for (const Target &t : *targets)
        content.append(mgmtTarget(t, ctx.who.can(Permission::ReadTargetSecurityToken)));
    ctx.sendPage(targetsOut(content), content.size());
}

void ManagementServer::listRolloutActions(Context &ctx)
{
    const auto id = ctx.idArg(0, u"rollout"_s);
    int offset = 0;
    int limit = 0;
    if (!id || !ctx.paging(&offset, &limit))
        return;
    if (!ctx.found(m_store.rollouts().rollout(*id), u"rollout %1 does not exist"_s.arg(*id)))
        return;
    const Result<QList<SqlRolloutStore::ActionSpan>> spans = m_store.rollouts().rolloutActionSpans(*id, offset, limit);
    if (!ctx.succeeded(spans))
        return;
    QJsonArray content;
    for (const SqlRolloutStore::ActionSpan &a : *spans)
        content.append(MgmtActionSpan { a.id, a.controllerId, a.groupId, nameOf(a.state).toLower(), msOf(a.createdAt),
                                        msOf(a.startedAt), msOf(a.closedAt) }
                           .toJson());
    const Result<int> total = m_store.rollouts().countActionsOfRollout(*id);
    if (!ctx.succeeded(total))
        return;
    ctx.sendPage(content, *total);
}

} // namespace Flotilla
