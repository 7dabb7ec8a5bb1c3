#include "app/console/models/rolloutsinflightmodel.h"
#include "app/console/models/rolloutgroupmodel.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

static_assert(int(RolloutsInFlightModel::CountsRole) == int(RolloutGroupModel::CountsRole));

RolloutsInFlightModel::RolloutsInFlightModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{
    setReloadDelay(1000);
    QUrlQuery q;
    q.addQueryItem(u"q"_s, u"status=in=(creating,waiting_for_approval,ready,starting,running,paused,stopping)"_s);
    q.addQueryItem(u"sort"_s, u"id:DESC"_s);
    q.addQueryItem(u"limit"_s, u"20"_s);
    setSource(u"/rollouts"_s, q);
}

int RolloutsInFlightModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutsInFlightModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return WireListModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Rollout");
    case Progress:
        return tr("Progress");
    case Next:
        return tr("Next");
    }
    return {};
}

void RolloutsInFlightModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == Mgmt::EventType::RolloutCreated || type == Mgmt::EventType::RolloutChanged)
        return scheduleReload();
    if (type == Mgmt::EventType::ActionCreated || type == Mgmt::EventType::ActionChanged) {
        const auto e = Mgmt::ActionChangedEvent::fromJson(data, nullptr);
        if (e && e->rolloutId != 0)
            scheduleReload();
    }
}

QString RolloutsInFlightModel::describe(const Mgmt::MgmtRolloutNextStep &step)
{
    const QString &kind = step.kind;
    const QString group = step.group.value_or(QString());
    const QString after = step.after.value_or(QString());
    const int threshold = step.threshold.value_or(0);
    const int progress = step.progress.value_or(0);
    if (kind == u"creating"_s)
        return tr("Creating its groups");
    if (kind == u"waitForApproval"_s)
        return tr("Waiting for approval");
    if (kind == u"waitForStart"_s) {
        if (step.at) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(*step.at);
            return tr("Starts by itself at %1").arg(QLocale().toString(at.toLocalTime(), QLocale::ShortFormat));
        }
        return tr("Ready: waits for Start");
    }
    if (kind == u"startGroup"_s) {
        if (after.isEmpty())
            return tr("Starting group “%1”").arg(group);
        return tr("Group “%1” starts when “%2” reaches %3 % finished (now %4 %)")
            .arg(group, after)
            .arg(threshold)
            .arg(progress);
    }
    if (kind == u"pausedOnError"_s)
        return tr("Paused: group “%1” has %2 % errors (threshold %3 %); resume or stop it")
            .arg(group)
            .arg(progress)
            .arg(threshold);
    if (kind == u"pausedOnSuccess"_s)
        return tr("Paused after “%1” as planned; resume to start “%2”").arg(after, group);
    if (kind == u"paused"_s)
        return tr("Paused by an operator");
    if (kind == u"finishGroups"_s)
        return group.isEmpty() ? tr("Finishing") : tr("Finishes when group “%1” is done").arg(group);
    if (kind == u"waitForTargets"_s)
        return tr("Waiting for new matching targets (dynamic)");
    if (kind == u"stopping"_s)
        return tr("Stopping");
    return tr("Nothing more");
}

QVariant RolloutsInFlightModel::cell(const Mgmt::MgmtRolloutResponseBody &r, int column, int role) const
{
    if (role == CountsRole)
        return RolloutGroupModel::countsOf(r.totalTargets, r.totalTargetsPerStatus);
    if (column == Progress && (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole))
        return RolloutGroupModel::describeCounts(RolloutGroupModel::countsOf(r.totalTargets, r.totalTargetsPerStatus));
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return r.name;
    case Progress:
        return {};
    case Next:
        return describe(r.nextStep);
    }
    return {};
}

} // namespace Flotilla
