// Management API, a Flotilla extension: POST /rollouts/forecast. The engine plays the rollout a body describes on
// an in-memory copy of the targets it would take (RolloutForecast), with devices that behave as this fleet has:
// the tenant's polling time, each target's last poll, the median install time and the failure rate of the last
// 30 days. Nothing is created. The answer says when each group starts and ends, where a threshold would pause
// the rollout, the bytes the devices download, and what it assumed.
#include "backend/managementserver_p.h"
#include "engine/rolloutforecast.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace Flotilla {

namespace {

// The largest fleet one request may forecast (the answer takes about a second per 50,000 targets).
constexpr int MaxForecastTargets = 200000;
// With fewer past actions than this, the install time and failure rate are assumptions, not history.
constexpr qint64 MinHistory = 5;

} // namespace

void ManagementServer::forecastRollout(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    std::optional<RolloutRequest> request = rolloutRequestOf(ctx, *body);
    if (!request)
        return;
    const Lookup<DistributionSet> set = m_store.repository().distributionSet(request->rollout.distributionSetId);
    if (!ctx.found(set, u"distribution set %1 does not exist"_s.arg(request->rollout.distributionSetId)))
        return;
    const auto compiled = RsqlCompiler::compile(RsqlCompiler::Entity::Target, request->rollout.targetFilterQuery);
    if (const auto *e = std::get_if<Rsql::ParseError>(&compiled))
        return ctx.fail(Errors::RsqlSyntax, u"targetFilterQuery: %1"_s.arg(e->toString()));
    const SqlCondition &condition = std::get<SqlCondition>(compiled);
    const auto count = m_store.targets().countTargetsWhere(condition.sql, condition.binds);
    if (!ctx.succeeded(count))
        return;
    if (*count > MaxForecastTargets)
        return ctx.fail(
            Status::BadRequest,
            u"the filter matches %1 targets; a forecast takes at most %2"_s.arg(*count).arg(MaxForecastTargets));
    const auto targets
        = m_store.targets().targetsWhere(condition.sql, condition.binds, u"t.id"_s, 0, std::max(1, *count));
    const auto attributes = m_store.targets().targetAttributesWhere(condition.sql, condition.binds);
    const QDateTime now = m_deployment.clock().now();
    const auto history = m_store.actions().actionOutcomes(now.addDays(-30).toMSecsSinceEpoch());
    if (!ctx.succeeded(targets, attributes, history))
        return;

    const TenantConfiguration config = m_store.configuration().tenantConfiguration();
    FleetBehaviour fleet;
    fleet.pollSecs = config.pollingSecs;
    fleet.overdueSecs = config.pollingOverdueSecs;
    const qint64 past = history->finished + history->failed;
    const bool fromHistory = past >= MinHistory;
    if (fromHistory) {
        fleet.failureRate = double(history->failed) / double(past);
        if (history->medianSecs >= 0)
            fleet.installSecs = std::max<qint64>(1, history->medianSecs);
    }
    qint64 bytes = 0;
    const Result<QList<SoftwareModule>> modules = m_store.repository().modulesOfSet(set->id);
    if (!ctx.succeeded(modules))
        return;
    for (const SoftwareModule &m : *modules) {
        const Result<QList<Artifact>> artifacts = m_store.repository().artifacts(m.id);
        if (!ctx.succeeded(artifacts))
            return;
        for (const Artifact &a : *artifacts)
            bytes += a.size;
    }
    int silent = 0;
    const QList<SimulatedDevice> devices = RolloutForecast::devicesFor(*targets, *attributes, fleet, now, &silent);
    QElapsedTimer took;
    took.start();
    const RolloutForecastResult result = RolloutForecast::run(*request, devices, bytes, now);
    if (!result.error.isEmpty())
        return ctx.fail(Status::BadRequest, result.error);
    qCInfo(lcMgmt, "forecast of rollout \"%s\" over %lld targets took %lld ms", qUtf8Printable(request->rollout.name),
           qint64(devices.size()), took.elapsed());

    MgmtRolloutForecast forecast;
    forecast.status = nameOf(result.state).toLower();
    if (!result.pausedAt.isEmpty())
        forecast.pausedAt = result.pausedAt;
    forecast.start = now.toMSecsSinceEpoch();
    forecast.end = msOf(result.end);
    forecast.totalTargets = int(devices.size());
    forecast.bytes = result.bytes;
    for (const GroupForecast &g : result.groups)
        forecast.groups.append({ g.name, g.targets, msOf(g.started), msOf(g.ended), g.finished, g.failed });
    forecast.assumptions
        = { fleet.pollSecs, fleet.installSecs, fleet.failureRate, fromHistory, past, silent, 7 * 86400 };
    ctx.send(forecast.toJson());
}

} // namespace Flotilla
