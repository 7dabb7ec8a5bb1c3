#include "app/console/models/rolloutspanmodel.h"
#include "app/console/statusstyle.h"
#include "proto/mgmt/mgmtevents.h"
#include "qml/style/statuslabels.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutSpanModel::RolloutSpanModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{
    setFetchAll(PageSize);
}

int RolloutSpanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void RolloutSpanModel::setRollout(qint64 rolloutId)
{
    m_rolloutId = rolloutId;
    setSource(rolloutId ? u"/rollouts/%1/actions"_s.arg(rolloutId) : QString());
}

void RolloutSpanModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (!m_rolloutId)
        return;
    const bool action = type == Mgmt::EventType::ActionChanged || type == Mgmt::EventType::ActionCreated;
    if ((action
         && Mgmt::ActionChangedEvent::fromJson(data, nullptr).value_or(Mgmt::ActionChangedEvent()).rolloutId
             == m_rolloutId)
        || (type == Mgmt::EventType::RolloutChanged
            && Mgmt::RolloutChangedEvent::fromJson(data, nullptr).value_or(Mgmt::RolloutChangedEvent()).id
                == m_rolloutId))
        scheduleReload();
}

QHash<int, QByteArray> RolloutSpanModel::roleNames() const
{
    QHash<int, QByteArray> names = ApiListModel::roleNames();
    names.insert(IdRole, "actionId");
    names.insert(LabelRole, "label");
    names.insert(GroupRole, "lane");
    names.insert(StatusRole, "status");
    names.insert(CreatedRole, "createdMs");
    names.insert(StartedRole, "startedMs");
    names.insert(ClosedRole, "endMs");
    return names;
}

QVariant RolloutSpanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return ApiListModel::headerData(section, orientation, role);
    switch (section) {
    case Target:
        return tr("Target");
    case Group:
        return tr("Group");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    case Started:
        return tr("Started");
    case Closed:
        return tr("Closed");
    }
    return {};
}

QList<Mgmt::MgmtActionSpan> RolloutSpanModel::spans() const
{
    QList<Mgmt::MgmtActionSpan> list;
    list.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row)
        list.append(rowAt(row));
    return list;
}

QVariant RolloutSpanModel::cell(const Mgmt::MgmtActionSpan &row, int column, int role) const
{
    const QString &status = row.status;
    switch (role) {
    case StatusRole:
        return status;
    case LabelRole:
        return row.target;
    case GroupRole:
        return row.group;
    case CreatedRole:
        return row.createdAt.value_or(-1);
    case StartedRole:
        return row.startedAt.value_or(-1);
    case ClosedRole:
        return row.closedAt.value_or(-1);
    case Qt::DecorationRole:
        return column == Status ? QVariant(StatusStyle::actionIcon(status)) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const auto time = [](const std::optional<qint64> &ms) -> QVariant {
        return ms ? QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*ms), QLocale::ShortFormat))
                  : QVariant();
    };
    switch (column) {
    case Target:
        return row.target;
    case Group:
        return row.group;
    case Status:
        return StatusLabels::action(status);
    case Created:
        return time(row.createdAt);
    case Started:
        return time(row.startedAt);
    case Closed:
        return time(row.closedAt);
    }
    return {};
}

} // namespace Flotilla
