#include "rolloutgroupmodel.h"
#include "statusstyle.h"

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
        QJsonObject counts = data;
        counts.remove("id"_L1);
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

QVariant RolloutGroupModel::cellData(const QJsonObject &g, int column, int role) const
{
    const QJsonObject counts = g.value("totalTargetsPerStatus"_L1).toObject();
    if (role == CountsRole || (column == Progress && role == Qt::UserRole)) {
        return QVariantMap { { u"total"_s, counts.value("total"_L1).toInt() },
                             { u"finished"_s, counts.value("finished"_L1).toInt() },
                             { u"error"_s, counts.value("error"_L1).toInt() },
                             { u"running"_s, counts.value("running"_L1).toInt() } };
    }
    if (column == Progress && role == Qt::ToolTipRole)
        return tr("%1 finished, %2 failed, %3 running of %4")
            .arg(counts.value("finished"_L1).toInt())
            .arg(counts.value("error"_L1).toInt())
            .arg(counts.value("running"_L1).toInt())
            .arg(counts.value("total"_L1).toInt());
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return g.value("name"_L1).toString();
    case Status:
        return StatusStyle::rolloutLabel(g.value("status"_L1).toString());
    case Progress: {
        const int total = counts.value("total"_L1).toInt();
        const int done = counts.value("finished"_L1).toInt();
        return total ? tr("%1 %").arg(done * 100 / total) : QString();
    }
    case Targets:
        return g.value("totalTargets"_L1).toInt();
    case Thresholds:
        return tr("%1 % / %2 %").arg(g.value("successCondition"_L1).toInt()).arg(g.value("errorCondition"_L1).toInt());
    }
    return {};
}

} // namespace Flotilla
