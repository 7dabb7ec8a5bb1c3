#include "engine/autoassigner.h"

#include "engine/enginelogging.h"

#include <QSet>

namespace Flotilla {

AutoAssigner::AutoAssigner(const Stores &stores, DeploymentService &deployment, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(stores.session)
    , m_configuration(stores.configuration)
    , m_targets(stores.targets)
    , m_filters(stores.filters)
    , m_actions(stores.actions)
    , m_deployment(deployment)
    , m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &AutoAssigner::tick);
}

void AutoAssigner::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

namespace {
// What an auto-assignment's actions look like; both forms name themselves as the initiator.
AssignmentRequest requestFor(ActionType type, int weight, bool confirmationRequired, const QString &name)
{
    AssignmentRequest request;
    request.type = type;
    request.weight = weight;
    request.confirmationRequired = confirmationRequired;
    request.initiator = QStringLiteral("auto-assignment %1").arg(name);
    return request;
}
} // namespace

int AutoAssigner::tick()
{
    m_session.releaseReads(); // what other connections committed since the last pass
    int created = 0;
    const Result<QList<TargetFilter>> filters = m_filters.targetFilters();
    if (!filters)
        qCWarning(lcEngine).noquote() << "target filters:" << filters.error().message;
    for (const TargetFilter &filter : filters ? *filters : QList<TargetFilter>()) {
        if (!filter.autoAssignSetId)
            continue;
        created += assignMatching(filter.query, filter.autoAssignSetId,
                                  requestFor(filter.autoAssignType, filter.autoAssignWeight,
                                             filter.autoAssignConfirmationRequired, filter.name),
                                  QStringLiteral("target filter %1").arg(filter.name));
    }
    const QDateTime now = m_clock.now();
    const Result<QList<AutoAssignment>> autoAssignments = m_filters.autoAssignments();
    if (!autoAssignments)
        qCWarning(lcEngine).noquote() << "auto-assignments:" << autoAssignments.error().message;
    for (AutoAssignment a : autoAssignments ? *autoAssignments : QList<AutoAssignment>()) {
        if (a.status == AutoAssignmentStatus::Ready && (!a.startAt.isValid() || a.startAt <= now)) {
            a.status = *AutoAssignmentStateMachine::next(a.status, AutoAssignmentEvent::Start);
            if (const Result<void> started = m_filters.updateAutoAssignment(a); !started) {
                qCWarning(lcEngine).noquote() << "auto-assignment" << a.name << ":" << started.error().message;
                continue;
            }
            qCInfo(lcEngine).noquote() << "auto-assignment" << a.name << "started";
        }
        if (a.status != AutoAssignmentStatus::Running)
            continue;
        created += assignMatching(a.query, a.distributionSetId,
                                  requestFor(a.actionType, a.weight, a.confirmationRequired, a.name),
                                  QStringLiteral("auto-assignment %1").arg(a.name));
    }
    return created;
}

int AutoAssigner::assignMatching(const QString &query, qint64 setId, const AssignmentRequest &request,
                                 const QString &who)
{
    const Result<QList<qint64>> matching = m_targets.targetIdsMatching(query);
    if (!matching) {
        qCWarning(lcEngine).noquote() << who << ":" << matching.error().message;
        return 0;
    }
    const int quota = m_configuration.tenantConfiguration().maxTargetsPerAssignment;
    const Result<QSet<qint64>> had = m_actions.targetsWithActionFor(setId);
    if (!had) {
        qCWarning(lcEngine).noquote() << who << ":" << had.error().message;
        return 0;
    }
    int assigned = 0;
    for (qint64 target : *matching) {
        if (had->contains(target))
            continue;
        if (assigned >= quota)
            break;
        // One by one: a target the set does not fit must not hold up the others.
        const AssignmentResult r = m_deployment.assign({ target }, setId, request);
        if (r.error != AssignmentResult::Error::None) {
            qCWarning(lcEngine).noquote() << who << ": target" << target << ":" << r.message;
            continue;
        }
        ++assigned;
    }
    return assigned;
}

} // namespace Flotilla
