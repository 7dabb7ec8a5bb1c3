#include "autoassigner.h"

#include "enginelogging.h"

#include <QSet>

namespace Flotilla {

AutoAssigner::AutoAssigner(Store &store, DeploymentService &deployment, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_deployment(deployment)
{
    connect(&m_timer, &QTimer::timeout, this, &AutoAssigner::tick);
}

void AutoAssigner::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

int AutoAssigner::tick()
{
    int created = 0;
    const int quota = m_store.tenantConfiguration().maxTargetsPerAssignment;
    for (const TargetFilter &filter : m_store.targetFilters()) {
        if (!filter.autoAssignSetId)
            continue;
        const std::optional<QList<qint64>> matching = m_store.targetIdsMatching(filter.query);
        if (!matching) {
            qCWarning(lcEngine).noquote() << "target filter" << filter.name << ":" << m_store.lastError();
            continue;
        }
        const QSet<qint64> had = m_store.targetsWithActionFor(filter.autoAssignSetId);
        AssignmentRequest request;
        request.type = filter.autoAssignType;
        request.weight = filter.autoAssignWeight;
        request.confirmationRequired = filter.autoAssignConfirmationRequired;
        request.initiator = QStringLiteral("auto-assignment %1").arg(filter.name);
        int assigned = 0;
        for (qint64 target : *matching) {
            if (had.contains(target))
                continue;
            if (assigned >= quota)
                break;
            // One by one: a target the set does not fit must not hold up the others.
            const AssignmentResult r = m_deployment.assign({ target }, filter.autoAssignSetId, request);
            if (r.error != AssignmentResult::Error::None) {
                qCWarning(lcEngine).noquote()
                    << "auto-assignment" << filter.name << ": target" << target << ":" << r.message;
                continue;
            }
            ++assigned;
        }
        created += assigned;
    }
    return created;
}

} // namespace Flotilla
