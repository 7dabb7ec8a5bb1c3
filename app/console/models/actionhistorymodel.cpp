#include "app/console/models/actionhistorymodel.h"
#include "app/console/serverconnection.h"
#include "app/console/statusstyle.h"
#include "proto/mgmt/mgmtevents.h"
#include "qml/style/statuslabels.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

ActionHistoryModel::ActionHistoryModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{ }

int ActionHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ActionHistoryModel::setAction(const QString &controllerId, qint64 actionId)
{
    m_actionId = actionId;
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, u"500"_s);
    setSource(actionId ? u"/targets/%1/actions/%2/status"_s.arg(ApiClient::pathSegment(controllerId)).arg(actionId)
                       : QString(),
              q);
}

QList<QJsonObject> ActionHistoryModel::rowsFrom(const QJsonDocument &body) const
{
    QList<QJsonObject> rows = WireListModel::rowsFrom(body);
    // Oldest first; the history only grows, so the position is a stable id.
    const auto at = [](const QJsonObject &o) {
        return Mgmt::MgmtActionStatus::fromJson(o, nullptr).value_or(Mgmt::MgmtActionStatus()).reportedAt.value_or(0);
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&at](const QJsonObject &a, const QJsonObject &b) { return at(a) < at(b); });
    for (int i = 0; i < rows.size(); ++i)
        rows[i].insert("id"_L1, i + 1);
    return rows;
}

void ActionHistoryModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (!m_actionId || (type != Mgmt::EventType::ActionChanged && type != Mgmt::EventType::ActionCreated))
        return;
    if (Mgmt::ActionChangedEvent::fromJson(data, nullptr).value_or(Mgmt::ActionChangedEvent()).id == m_actionId)
        scheduleReload();
}

QVariant ActionHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return WireListModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Status:
        return tr("Status");
    case Messages:
        return tr("Messages");
    case Code:
        return tr("Code");
    }
    return {};
}

QHash<int, QByteArray> ActionHistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = WireListModel::roleNames();
    names.insert(AtRole, "atMs");
    names.insert(StatusRole, "status");
    names.insert(MessagesRole, "messages");
    names.insert(CodeRole, "code");
    return names;
}

QVariant ActionHistoryModel::cell(const Mgmt::MgmtActionStatus &e, int column, int role) const
{
    const QString &status = e.type;
    const QStringList &messages = e.messages;
    switch (role) {
    case AtRole:
        return e.reportedAt.value_or(0);
    case StatusRole:
        return status;
    case MessagesRole:
        return messages.join(u'\n');
    case CodeRole:
        return e.code ? QVariant(*e.code) : QVariant();
    default:
        break;
    }
    if (column == Status && role == Qt::DecorationRole)
        return StatusStyle::actionIcon(status);
    if (column == Messages && role == Qt::ToolTipRole)
        return messages.join(u'\n');
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Time:
        return e.reportedAt
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*e.reportedAt), u"yyyy-MM-dd HH:mm:ss"_s)
            : QString();
    case Status:
        return StatusLabels::action(status);
    case Messages:
        return messages.join(u" · "_s);
    case Code:
        return e.code ? QVariant(*e.code) : QVariant();
    }
    return {};
}

} // namespace Flotilla
