#include "app/console/models/rolloutgroupmodel.h"
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutGroupModel::RolloutGroupModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{ }

int RolloutGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void RolloutGroupModel::setRollout(qint64 rolloutId)
{
    m_rolloutId = rolloutId;
    setSource(rolloutId ? u"/rollouts/%1/deploygroups"_s.arg(rolloutId) : QString());
}

void RolloutGroupModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (!m_rolloutId)
        return;
    if (type == Mgmt::EventType::RolloutGroupChanged) {
        // The event counts the group's actions (running includes the scheduled ones); the row keeps hawkBit's
        // totalTargetsPerStatus.
        if (const auto e = Mgmt::RolloutGroupChangedEvent::fromJson(data, nullptr))
            updateRow(e->id, [&](Mgmt::MgmtRolloutGroupResponseBody &g) {
                g.totalTargetsPerStatus.finished = e->finished;
                g.totalTargetsPerStatus.error = e->error;
                g.totalTargetsPerStatus.running = e->running;
                g.totalTargetsPerStatus.scheduled = 0;
            });
    } else if (type == Mgmt::EventType::RolloutChanged
               && Mgmt::EntityEvent::fromJson(data, nullptr).value_or(Mgmt::EntityEvent()).id == m_rolloutId) {
        scheduleReload(); // group states follow the rollout's
    }
}

QVariant RolloutGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return WireListModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Group");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Targets:
        return tr("Targets");
    case Thresholds:
        return tr("Success / error at");
    }
    return {};
}

QVariantMap RolloutGroupModel::countsOf(int totalTargets, const Mgmt::MgmtTotalTargetsPerStatus &c)
{
    return QVariantMap { { u"total"_s, totalTargets },
                         { u"finished"_s, c.finished },
                         { u"error"_s, c.error },
                         { u"running"_s, c.running + c.scheduled } };
}

QString RolloutGroupModel::describeCounts(const QVariantMap &c)
{
    return tr("%1 finished, %2 failed, %3 running of %4")
        .arg(c.value(u"finished"_s).toInt())
        .arg(c.value(u"error"_s).toInt())
        .arg(c.value(u"running"_s).toInt())
        .arg(c.value(u"total"_s).toInt());
}

QVariant RolloutGroupModel::cell(const Mgmt::MgmtRolloutGroupResponseBody &g, int column, int role) const
{
    const QVariantMap counts = countsOf(g.totalTargets, g.totalTargetsPerStatus);
    const int total = counts.value(u"total"_s).toInt();
    const int finished = counts.value(u"finished"_s).toInt();
    if (role == CountsRole || (column == Progress && role == Qt::UserRole))
        return counts;
    if (column == Progress && role == Qt::ToolTipRole)
        return describeCounts(counts);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return g.name;
    case Status:
        return StatusLabels::rollout(g.status);
    case Progress:
        return total ? tr("%1 %").arg(finished * 100 / total) : QString();
    case Targets:
        return g.totalTargets;
    case Thresholds:
        return tr("%1 % / %2 %").arg(g.successThreshold).arg(g.errorThreshold);
    }
    return {};
}

} // namespace Flotilla
