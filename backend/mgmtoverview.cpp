// Management API, a Flotilla extension: what the console's overview shows, counted by the server in one query
// per card instead of paging through the fleet. Every number comes with the RSQL filter of the targets it counts,
// so a click on it lists exactly those targets (the filter and the count cannot disagree).
#include "proto/mgmt/mgmtoverview.h"
#include "backend/managementserver_p.h"

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace Flotilla {

void ManagementServer::overviewTargets(Context &ctx)
{
    // hawkBit's overdue: no poll within the polling time plus the overdue time.
    const TenantConfiguration config = m_store.configuration().tenantConfiguration();
    const qint64 window = (config.pollingSecs + config.pollingOverdueSecs) * 1000;
    const qint64 overdueBefore = m_deployment.clock().now().toMSecsSinceEpoch() - window;
    const auto counts = m_store.targets().fleetCounts(overdueBefore);
    if (!ctx.succeeded(counts))
        return;
    MgmtFleetOverview o;
    for (int i = 0; i < counts->byState.size(); ++i) {
        const QString name = nameOf(TargetState(i)).toLower();
        o.updateStatus.insert(name, counts->byState.at(i));
        o.filters.insert(name, u"updateStatus=="_s + name);
    }
    o.filters.insert(u"overdue"_s, u"lastControllerRequestAt=lt=%1"_s.arg(overdueBefore));
    o.filters.insert(u"neverSeen"_s, u"lastControllerRequestAt=is=null"_s);
    o.total = counts->total;
    o.overdue = counts->overdue;
    o.neverSeen = counts->neverSeen;
    o.overdueBefore = overdueBefore;
    // When the count of overdue targets next grows unless they poll: no event says so.
    if (counts->oldestFreshPoll)
        o.nextOverdueAt = counts->oldestFreshPoll + window;
    ctx.send(o.toJson());
}

void ManagementServer::overviewErrors(Context &ctx)
{
    const auto hours = ctx.intParameter(u"hours"_s, 24, 1, 24 * 30);
    if (!hours)
        return;
    const auto limit = ctx.intParameter(u"limit"_s, 10, 1, 100);
    if (!limit)
        return;
    const qint64 since = m_deployment.clock().now().toMSecsSinceEpoch() - qint64(*hours) * 3600 * 1000;
    const auto recent = m_store.actions().recentErrors(since);
    if (!ctx.succeeded(recent))
        return;
    MgmtErrorSummary summary { {}, recent->errors.size(), since, recent->truncated };
    for (const SqlActionStore::ErrorCount &e : recent->errors.mid(0, *limit))
        summary.content.append({ e.message, e.count, e.targets, u"errorMessage=="_s + Rsql::quoted(e.message) });
    ctx.send(summary.toJson());
}

} // namespace Flotilla
