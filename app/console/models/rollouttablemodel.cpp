#include "app/console/models/rollouttablemodel.h"
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutTableModel::RolloutTableModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
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
    if (type != Mgmt::EventType::RolloutCreated && type != Mgmt::EventType::RolloutChanged)
        return;
    const auto e = Mgmt::RolloutChangedEvent::fromJson(data, nullptr);
    if (type == Mgmt::EventType::RolloutCreated || !e || rowOf(e->id) < 0)
        scheduleReload();
    else
        updateRow(e->id, [&](Mgmt::MgmtRolloutResponseBody &r) { r.status = e->status; });
}

QVariant RolloutTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return WireListModel::headerData(section, orientation, role);
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

QVariant RolloutTableModel::cell(const Mgmt::MgmtRolloutResponseBody &r, int column, int role) const
{
    if (role == StatusRole)
        return r.status;
    if (role == Qt::ToolTipRole && column == Name)
        return r.targetFilterQuery;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return r.name;
    case Set:
        return m_setNames.value(r.distributionSetId, u"#%1"_s.arg(r.distributionSetId));
    case Status:
        return StatusLabels::rollout(r.status);
    case Type:
        return r.type.toLower();
    case Groups:
        return r.totalGroups;
    case Created:
        return r.createdAt ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*r.createdAt), QLocale::ShortFormat)
                           : QString();
    }
    return {};
}

} // namespace Flotilla
