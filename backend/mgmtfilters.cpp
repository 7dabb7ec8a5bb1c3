// Management API: target filters (hawkBit's MgmtTargetFilterQueryRestApi): saved RSQL queries over targets,
// each optionally with an auto-assigned distribution set (/targetfilters/{id}/autoAssignDS) that the
// AutoAssigner (engine) gives to every target the query comes to match.
#include "backend/managementserver_p.h"
#include "engine/repositoryservice.h"

namespace Flotilla {

namespace {
constexpr int MaxFilterNameLength = 64;

// hawkBit's MgmtTargetFilterQuery.
QJsonObject filterJson(const TargetFilter &f)
{
    const QString self = u"/targetfilters/%1"_s.arg(f.id);
    QJsonObject o { { "id"_L1, double(f.id) },
                    { "name"_L1, f.name },
                    { "query"_L1, f.query },
                    { "_links"_L1,
                      linksJson({ { "self"_L1, self }, { "autoAssignDS"_L1, self + u"/autoAssignDS"_s } }) } };
    if (f.autoAssignSetId) {
        o.insert("autoAssignDistributionSet"_L1, double(f.autoAssignSetId));
        o.insert("autoAssignActionType"_L1, nameOf(f.autoAssignType));
        o.insert("autoAssignWeight"_L1, f.autoAssignWeight);
        o.insert("confirmationRequired"_L1, f.autoAssignConfirmationRequired);
    }
    return o;
}
} // namespace

// name and query of a request body into *f; fails the request (400/409) and returns false.
bool ManagementServer::readFilter(Context &ctx, const QJsonObject &body, TargetFilter *f, bool create)
{
    if (create || body.contains("name"_L1))
        f->name = body.value("name"_L1).toString().trimmed();
    if (create || body.contains("query"_L1))
        f->query = body.value("query"_L1).toString().trimmed();
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
    QJsonArray content;
    for (const TargetFilter &f : all->mid(offset, limit))
        content.append(filterJson(f));
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
    f.id = m_store.filters().insertTargetFilter(f);
    if (!f.id)
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    const QJsonObject created = filterJson(f);
    recordCreated(ctx, u"targetfilter"_s, created);
    ctx.send(withAudit(u"targetfilter"_s, created), Status::Created);
}

void ManagementServer::getFilter(Context &ctx)
{
    if (const auto f = filterOf(ctx))
        ctx.send(withAudit(u"targetfilter"_s, filterJson(*f)));
}

void ManagementServer::updateFilter(Context &ctx)
{
    std::optional<TargetFilter> f = filterOf(ctx);
    const auto body = f ? ctx.jsonObject() : std::nullopt;
    if (!body || !readFilter(ctx, *body, &*f, false))
        return;
    if (!m_store.filters().updateTargetFilter(*f))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    recordModified(ctx, u"targetfilter"_s, f->id);
    ctx.send(withAudit(u"targetfilter"_s, filterJson(*f)));
}

void ManagementServer::deleteFilter(Context &ctx)
{
    const std::optional<TargetFilter> f = filterOf(ctx);
    if (!f)
        return;
    if (!m_store.filters().deleteTargetFilter(f->id))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
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
    // hawkBit's MgmtDistributionSetAutoAssignment: id, type (forced, soft, downloadonly; not timeforced), weight,
    // confirmationRequired.
    const qint64 setId = idOf(body->value("id"_L1));
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
    const QString type = body->value("type"_L1).toString(u"forced"_s).toLower();
    const std::optional<ActionType> actionType = actionTypeFromString(type);
    if (!actionType || *actionType == ActionType::TimeForced)
        return ctx.fail({ Status::BadRequest, "hawkbit.server.error.repo.invalidAutoAssignActionType"_L1,
                          "org.eclipse.hawkbit.repository.exception.InvalidAutoAssignActionTypeException"_L1 },
                        u"an auto-assignment is forced, soft or downloadonly, not '%1'"_s.arg(type));
    const int weight = body->value("weight"_L1).toInt(DefaultWeight);
    if (!body->value("weight"_L1).isUndefined()
        && (!body->value("weight"_L1).isDouble() || weight < MinWeight || weight > MaxWeight))
        return ctx.fail(Status::BadRequest, u"weight is a number from %1 to %2"_s.arg(MinWeight).arg(MaxWeight));
    f->autoAssignSetId = setId;
    f->autoAssignType = *actionType;
    f->autoAssignWeight = weight;
    f->autoAssignConfirmationRequired = body->value("confirmationRequired"_L1).toBool(false);
    if (!m_store.filters().updateTargetFilter(*f))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    recordModified(ctx, u"targetfilter"_s, f->id);
    ctx.send(withAudit(u"targetfilter"_s, filterJson(*f)));
}

void ManagementServer::deleteFilterSet(Context &ctx)
{
    std::optional<TargetFilter> f = filterOf(ctx);
    if (!f)
        return;
    f->autoAssignSetId = 0;
    if (!m_store.filters().updateTargetFilter(*f))
        return ctx.fail(Status::InternalServerError, m_store.lastError());
    recordModified(ctx, u"targetfilter"_s, f->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
