// Management API, a Flotilla extension: what the console's overview shows, counted by the server in one query
// per card instead of paging through the fleet. Every number comes with the RSQL filter of the targets it counts,
// so a click on it lists exactly those targets (the filter and the count cannot disagree).
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
    QJsonObject byStatus;
    QJsonObject filters;
    for (int i = 0; i < counts->byState.size(); ++i) {
        const QString name = nameOf(TargetState(i)).toLower();
        byStatus.insert(name, double(counts->byState.at(i)));
        filters.insert(name, QString(u"updateStatus=="_s + name));
    }
    filters.insert("overdue"_L1, u"lastControllerRequestAt=lt=%1"_s.arg(overdueBefore));
    filters.insert("neverSeen"_L1, u"lastControllerRequestAt=is=null"_s);
    ctx.send(QJsonObject { { "total"_L1, double(counts->total) },
                           { "updateStatus"_L1, byStatus },
                           { "overdue"_L1, double(counts->overdue) },
                           { "neverSeen"_L1, double(counts->neverSeen) },
                           { "overdueBefore"_L1, double(overdueBefore) },
                           // When the count of overdue targets next grows unless they poll: no event says so.
                           { "nextOverdueAt"_L1,
                             counts->oldestFreshPoll ? QJsonValue(double(counts->oldestFreshPoll + window))
                                                     : QJsonValue(QJsonValue::Null) },
                           { "filters"_L1, filters } });
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
    QJsonArray content;
    for (const SqlActionStore::ErrorCount &e : recent->errors.mid(0, *limit)) {
        content.append(QJsonObject { { "message"_L1, e.message },
                                     { "count"_L1, double(e.count) },
                                     { "targets"_L1, double(e.targets) },
                                     { "filter"_L1, QString(u"errorMessage=="_s + Rsql::quoted(e.message)) } });
    }
    ctx.send(QJsonObject { { "content"_L1, content },
                           { "total"_L1, double(recent->errors.size()) },
                           { "size"_L1, content.size() },
                           { "since"_L1, double(since) },
                           { "truncated"_L1, recent->truncated } });
}

} // namespace Flotilla
