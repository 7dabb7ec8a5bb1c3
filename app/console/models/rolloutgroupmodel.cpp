#include "app/console/models/rolloutgroupmodel.h"
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutGroupModel::RolloutGroupModel(ServerConnection &connection, QObject *parent)
    : ApiListModel(connection, parent)
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
    if (type == u"rolloutgroup.changed"_s) {
        // The event counts the group's actions (running includes the scheduled ones); the row keeps hawkBit's
        // totalTargetsPerStatus.
        const QJsonObject counts { { "finished"_L1, data.value("finished"_L1) },
                                   { "error"_L1, data.value("error"_L1) },
                                   { "running"_L1, data.value("running"_L1) },
                                   { "scheduled"_L1, 0 } };
        updateRow(data.value("id"_L1).toInteger(), QJsonObject { { "totalTargetsPerStatus"_L1, counts } });
    } else if (type == u"rollout.changed"_s && data.value("id"_L1).toInteger() == m_rolloutId) {
        scheduleReload(); // group states follow the rollout's
    }
}

QVariant RolloutGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return ApiListModel::headerData(section, orientation, role);
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

int RolloutGroupModel::thresholdOf(const QJsonObject &group, QLatin1StringView condition)
{
    // hawkBit's condition object: {"condition": "THRESHOLD", "expression": "90"}.
    return group.value(condition).toObject().value("expression"_L1).toString().toInt();
}

QVariantMap RolloutGroupModel::countsOf(const QJsonObject &withTotals)
{
    const QJsonObject counts = withTotals.value("totalTargetsPerStatus"_L1).toObject();
    return QVariantMap { { u"total"_s, withTotals.value("totalTargets"_L1).toInt() },
                         { u"finished"_s, counts.value("finished"_L1).toInt() },
                         { u"error"_s, counts.value("error"_L1).toInt() },
                         { u"running"_s, counts.value("running"_L1).toInt() + counts.value("scheduled"_L1).toInt() } };
}

QString RolloutGroupModel::describeCounts(const QVariantMap &c)
{
    return tr("%1 finished, %2 failed, %3 running of %4")
        .arg(c.value(u"finished"_s).toInt())
        .arg(c.value(u"error"_s).toInt())
        .arg(c.value(u"running"_s).toInt())
        .arg(c.value(u"total"_s).toInt());
}

QVariant RolloutGroupModel::cellData(const QJsonObject &g, int column, int role) const
{
    const QVariantMap counts = countsOf(g);
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
        return g.value("name"_L1).toString();
    case Status:
        return StatusLabels::rollout(g.value("status"_L1).toString());
    case Progress:
        return total ? tr("%1 %").arg(finished * 100 / total) : QString();
    case Targets:
        return g.value("totalTargets"_L1).toInt();
    case Thresholds:
        return tr("%1 % / %2 %").arg(thresholdOf(g, "successCondition"_L1)).arg(thresholdOf(g, "errorCondition"_L1));
    }
    return {};
}

} // namespace Flotilla
