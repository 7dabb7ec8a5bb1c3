#include "app/console/models/rollouttablemodel.h"
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutTableModel::RolloutTableModel(ServerConnection &connection, QObject *parent)
    : ApiListModel(connection, parent)
{
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, u"500"_s);
    q.addQueryItem(u"sort"_s, u"id:DESC"_s);
    setSource(u"/rollouts"_s, q);
}

int RolloutTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void RolloutTableModel::setSetNames(const QHash<qint64, QString> &names)
{
    m_setNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Set), index(rowCount() - 1, Set));
}

void RolloutTableModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == u"rollout.created"_s || (type == u"rollout.changed"_s && rowOf(data.value("id"_L1).toInteger()) < 0))
        scheduleReload();
    else if (type == u"rollout.changed"_s)
        updateRow(data.value("id"_L1).toInteger(), QJsonObject { { "status"_L1, data.value("status"_L1) } });
}

QVariant RolloutTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return ApiListModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Set:
        return tr("Distribution set");
    case Status:
        return tr("Status");
    case Type:
        return tr("Type");
    case Groups:
        return tr("Groups");
    case Created:
        return tr("Created");
    }
    return {};
}

QVariant RolloutTableModel::cellData(const QJsonObject &r, int column, int role) const
{
    if (role == StatusRole)
        return r.value("status"_L1).toString();
    if (role == Qt::ToolTipRole && column == Name)
        return r.value("targetFilterQuery"_L1).toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return r.value("name"_L1).toString();
    case Set: {
        const qint64 id = r.value("distributionSetId"_L1).toInteger();
        return m_setNames.value(id, u"#%1"_s.arg(id));
    }
    case Status:
        return StatusLabels::rollout(r.value("status"_L1).toString());
    case Type:
        return r.value("type"_L1).toString().toLower();
    case Groups:
        return r.value("totalGroups"_L1).toInt();
    case Created: {
        const QJsonValue at = r.value("createdAt"_L1);
        return at.isDouble() ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(at.toInteger()), QLocale::ShortFormat)
                             : QString();
    }
    }
    return {};
}

} // namespace Flotilla
