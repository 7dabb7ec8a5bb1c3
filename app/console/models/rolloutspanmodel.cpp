#include "app/console/models/rolloutspanmodel.h"
#include "app/console/statusstyle.h"
#include "proto/mgmt/mgmtevents.h"
#include "qml/style/statuslabels.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
qint64 msOf(const QJsonObject &row, QLatin1StringView key)
{
    const QJsonValue v = row.value(key);
    return v.isDouble() ? v.toInteger() : -1;
}
} // namespace

RolloutSpanModel::RolloutSpanModel(ServerConnection &connection, QObject *parent)
    : ApiListModel(connection, parent)
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

QVariant RolloutSpanModel::cellData(const QJsonObject &row, int column, int role) const
{
    const QString status = row.value("status"_L1).toString();
    switch (role) {
    case StatusRole:
        return status;
    case LabelRole:
        return row.value("target"_L1).toString();
    case GroupRole:
        return row.value("group"_L1).toInteger();
    case CreatedRole:
        return msOf(row, "createdAt"_L1);
    case StartedRole:
        return msOf(row, "startedAt"_L1);
    case ClosedRole:
        return msOf(row, "closedAt"_L1);
    case Qt::DecorationRole:
        return column == Status ? QVariant(StatusStyle::actionIcon(status)) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const auto time = [&](QLatin1StringView key) -> QVariant {
        const qint64 ms = msOf(row, key);
        return ms < 0 ? QVariant()
                      : QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat));
    };
    switch (column) {
    case Target:
        return row.value("target"_L1).toString();
    case Group:
        return row.value("group"_L1).toInteger();
    case Status:
        return StatusLabels::action(status);
    case Created:
        return time("createdAt"_L1);
    case Started:
        return time("startedAt"_L1);
    case Closed:
        return time("closedAt"_L1);
    }
    return {};
}

} // namespace Flotilla
