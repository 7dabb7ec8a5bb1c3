// Management API: target filters (hawkBit's MgmtTargetFilterQueryRestApi): saved RSQL queries over targets,
// each optionally with an auto-assigned distribution set (/targetfilters/{id}/autoAssignDS) that the
// AutoAssigner (engine) gives to every target the query comes to match.
#include "backend/managementserver_p.h"
#include "engine/repositoryservice.h"
#include "proto/mgmt/mgmtautoassignments.h"

namespace Flotilla {

namespace {
constexpr int MaxFilterNameLength = 64;

// hawkBit's MgmtTargetFilterQuery.
MgmtTargetFilterQuery mgmtFilter(const TargetFilter &f)
{
    const QString self = u"/targetfilters/%1"_s.arg(f.id);
    MgmtTargetFilterQuery o;
    o.id = f.id;
    o.name = f.name;
    o.query = f.query;
    o.links = linksOf({ { "self"_L1, self }, { "autoAssignDS"_L1, self + u"/autoAssignDS"_s } });
    if (f.autoAssignSetId) {
        o.autoAssignDistributionSet = f.autoAssignSetId;
        o.autoAssignActionType = nameOf(f.autoAssignType);
        o.autoAssignWeight = f.autoAssignWeight;
        o.confirmationRequired = f.autoAssignConfirmationRequired;
    }
    return o;
}
} // namespace

// name and query of a request body into *f; fails the request (400/409) and returns false.
bool ManagementServer::readFilter(Context &ctx, const QJsonObject &body, TargetFilter *f, bool create)
{
    Mgmt::DecodeError error;
    const std::optional<MgmtTargetFilterQueryRequestBody> change
        = MgmtTargetFilterQueryRequestBody::fromJson(body, &error);
    if (!change)
        return ctx.fail(Errors::BodyNotReadable, error.message), false;
    if (create || change->name)
        f->name = change->name.value_or(QString()).trimmed();
    if (create || change->query)
        f->query = change->query.value_or(QString()).trimmed();
    if (f->name.isEmpty() || f->name.size() > MaxFilterNameLength || f->query.isEmpty())
        return ctx.fail(Status::BadRequest,
                        u"a target filter needs a name (1 to %1 characters) and a query"_s.arg(MaxFilterNameLength)),
               false;
    const auto compiled = RsqlCompiler::compile(RsqlCompiler::Entity::Target, f->query);
    if (const auto *e = std::get_if<Rsql::ParseError>(&compiled))
        return ctx.fail(Errors::RsqlSyntax, u"query: "_s + e->toString()), false;
    const Result<QList<TargetFilter>> others = m_store.filters().targetFilters();
    if (!ctx.succeeded(others))
        return false;
    for (const TargetFilter &other : *others) {
        if (other.id != f->id && other.name == f->name)
            return ctx.fail(Status::Conflict, u"target filter '%1' exists"_s.arg(f->name)), false;
    }
    return true;
}

std::optional<TargetFilter> ManagementServer::filterOf(Context &ctx)
{
    const auto id = ctx.idArg(0, u"target filter"_s);
    if (!id)
        return std::nullopt;
    Lookup<TargetFilter> f = m_store.filters().targetFilter(*id);
    if (!ctx.found(f, u"target filter %1 does not exist"_s.arg(*id)))
        return std::nullopt;
    return std::move(f).optional();
}

void ManagementServer::listFilters(Context &ctx)
{
    int offset = 0;
    int limit = 0;
    if (!ctx.paging(&offset, &limit))
        return;
    const Result<QList<TargetFilter>> all = m_store.filters().targetFilters();
    if (!ctx.succeeded(all))
        return;
    QList<MgmtTargetFilterQuery> content;
    for (const TargetFilter &f : all->mid(offset, limit))
        content.append(mgmtFilter(f));
    ctx.sendPage(withAudit(u"targetfilter"_s, content), all->size());
}

void ManagementServer::createFilter(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    TargetFilter f;
    if (!readFilter(ctx, *body, &f, true))
        return;
    const Result<qint64> inserted = m_store.filters().insertTargetFilter(f);
    if (!ctx.succeeded(inserted))
        return;
    f.id = *inserted;
    recordCreated(ctx, u"targetfilter"_s, mgmtFilter(f).toJson());
    ctx.send(withAudit(u"targetfilter"_s, mgmtFilter(f)), Status::Created);
}

void ManagementServer::getFilter(Context &ctx)
{
    if (const auto f = filterOf(ctx))
        ctx.send(withAudit(u"targetfilter"_s, mgmtFilter(*f)));
}

void ManagementServer::updateFilter(Context &ctx)
{
    std::optional<TargetFilter> f = filterOf(ctx);
    const auto body = f ? ctx.jsonObject() : std::nullopt;
    if (!body || !readFilter(ctx, *body, &*f, false))
        return;
    if (!ctx.succeeded(m_store.filters().updateTargetFilter(*f)))
        return;
    recordModified(ctx, u"targetfilter"_s, f->id);
    ctx.send(withAudit(u"targetfilter"_s, mgmtFilter(*f)));
}

void ManagementServer::deleteFilter(Context &ctx)
{
    const std::optional<TargetFilter> f = filterOf(ctx);
    if (!f)
        return;
    if (!ctx.succeeded(m_store.filters().deleteTargetFilter(f->id)))
        return;
    forget(u"targetfilter"_s, f->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::getFilterSet(Context &ctx)
{
    const std::optional<TargetFilter> f = filterOf(ctx);
    if (!f)
        return;
    const Lookup<DistributionSet> set
        = f->autoAssignSetId ? m_store.repository().distributionSet(f->autoAssignSetId) : std::nullopt;
    if (!ctx.succeeded(set))
        return;
    if (set.absent())
        return ctx.send(QJsonValue(), Status::NoContent);
    const Result<MgmtDistributionSet> shown = setOf(*set);
    if (!ctx.succeeded(shown))
        return;
    ctx.send(setsOut({ *shown }).first());
}

void ManagementServer::setFilterSet(Context &ctx)
{
    std::optional<TargetFilter> f = filterOf(ctx);
    const auto body = f ? ctx.jsonObject() : std::nullopt;
    if (!body)
        return;
    Mgmt::DecodeError error;
    const std::optional<MgmtDistributionSetAutoAssignment> assignment
        = MgmtDistributionSetAutoAssignment::fromJson(*body, &error);
    if (!assignment)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    const qint64 setId = assignment->id;
    const Lookup<DistributionSet> set = m_store.repository().distributionSet(setId);
    if (!ctx.found(set, u"distribution set %1 does not exist"_s.arg(setId)))
        return;
    if (!set->valid)
        return ctx.fail(Errors::DistributionSetInvalid,
                        u"distribution set %1 %2 is invalidated"_s.arg(set->name, set->version));
    const Result<QStringList> why = RepositoryService(m_store.stores()).incompleteness(setId);
    if (!ctx.succeeded(why))
        return;
    if (!why->isEmpty())
        return ctx.fail(Errors::DistributionSetIncomplete,
                        u"distribution set %1 %2 is incomplete: %3"_s.arg(set->name, set->version, why->join(u"; "_s)));
    const QString type = assignment->type.value_or(u"forced"_s).toLower();
    const std::optional<ActionType> actionType = actionTypeFromString(type);
    if (!actionType || *actionType == ActionType::TimeForced)
        return ctx.fail(Errors::AutoAssignActionTypeInvalid,
                        u"an auto-assignment is forced, soft or downloadonly, not '%1'"_s.arg(type));
    const int weight = assignment->weight.value_or(DefaultWeight);
    if (weight < MinWeight || weight > MaxWeight)
        return ctx.fail(Status::BadRequest, u"weight is a number from %1 to %2"_s.arg(MinWeight).arg(MaxWeight));
    f->autoAssignSetId = setId;
    f->autoAssignType = *actionType;
    f->autoAssignWeight = weight;
    f->autoAssignConfirmationRequired = assignment->confirmationRequired.value_or(false);
    if (!ctx.succeeded(m_store.filters().updateTargetFilter(*f)))
        return;
    recordModified(ctx, u"targetfilter"_s, f->id);
    ctx.send(withAudit(u"targetfilter"_s, mgmtFilter(*f)));
}

void ManagementServer::deleteFilterSet(Context &ctx)
{
    std::optional<TargetFilter> f = filterOf(ctx);
    if (!f)
        return;
    f->autoAssignSetId = 0;
    if (!ctx.succeeded(m_store.filters().updateTargetFilter(*f)))
        return;
    recordModified(ctx, u"targetfilter"_s, f->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
