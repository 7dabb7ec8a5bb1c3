#include "app/console/models/actiontablemodel.h"
#include "app/console/serverconnection.h"
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

ActionTableModel::ActionTableModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{ }

int ActionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ActionTableModel::setTarget(const QString &controllerId, qint64 targetId)
{
    m_controllerId = controllerId;
    m_targetId = targetId;
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, u"500"_s);
    setSource(controllerId.isEmpty() ? QString() : u"/targets/%1/actions"_s.arg(ApiClient::pathSegment(controllerId)),
              q);
}

void ActionTableModel::setSetNames(const QHash<qint64, QString> &names)
{
    m_setNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Set), index(rowCount() - 1, Set));
}

QList<QJsonObject> ActionTableModel::rowsFrom(const QJsonDocument &body) const
{
    QList<QJsonObject> rows = WireListModel::rowsFrom(body);
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("id"_L1).toInteger() > b.value("id"_L1).toInteger();
    });
    return rows;
}

void ActionTableModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (!m_targetId || (type != Mgmt::EventType::ActionCreated && type != Mgmt::EventType::ActionChanged))
        return;
    if (const auto e = Mgmt::ActionChangedEvent::fromJson(data, nullptr); e && e->targetId == m_targetId)
        scheduleReload();
}

QVariant ActionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return WireListModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Action");
    case Set:
        return tr("Distribution set");
    case Type:
        return tr("Type");
    case Status:
        return tr("Status");
    case Updated:
        return tr("Last change");
    case Rollout:
        return tr("Rollout");
    }
    return {};
}

QVariant ActionTableModel::cell(const Mgmt::MgmtAction &a, int column, int role) const
{
    const QString &status = a.detailStatus;
    if (column == Status && role == Qt::DecorationRole)
        return StatusStyle::actionIcon(status);
    if (role == Qt::ToolTipRole && column == Type && a.confirmationRequired)
        return tr("Requires confirmation on the device");
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Id:
        return a.id;
    case Set:
        return m_setNames.value(a.distributionSetId, u"#%1"_s.arg(a.distributionSetId));
    case Type: {
        const QString t = a.forceType.toLower(); // hawkBit's name
        if (t == u"forced"_s)
            return tr("Forced");
        if (t == u"soft"_s)
            return tr("Soft");
        if (t == u"downloadonly"_s || t == u"download_only"_s)
            return tr("Download only");
        if (t == u"timeforced"_s || t == u"time_forced"_s)
            return tr("Time-forced");
        return t;
    }
    case Status:
        return StatusLabels::action(status);
    case Updated:
        return a.lastModifiedAt
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*a.lastModifiedAt), QLocale::ShortFormat)
            : QString();
    case Rollout:
        return a.rollout ? QVariant(*a.rollout) : QVariant();
    }
    return {};
}

} // namespace Flotilla
