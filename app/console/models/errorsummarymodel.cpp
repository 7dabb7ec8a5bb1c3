#include "app/console/models/errorsummarymodel.h"
#include "proto/mgmt/mgmtevents.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Flotilla {

ErrorSummaryModel::ErrorSummaryModel(ServerConnection &connection, int hours, int limit, QObject *parent)
    : WireListModel(connection, parent)
    , m_hours(hours)
{
    setReloadDelay(1000);
    QUrlQuery q;
    q.addQueryItem(u"hours"_s, QString::number(hours));
    q.addQueryItem(u"limit"_s, QString::number(limit));
    setSource(u"/overview/errors"_s, q);
}

int ErrorSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ErrorSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return ApiListModel::headerData(section, orientation, role);
    switch (section) {
    case Message:
        return tr("Error");
    case Count:
        return tr("Reports");
    case Targets:
        return tr("Targets");
    }
    return {};
}

QList<QJsonObject> ErrorSummaryModel::rowsFrom(const QJsonDocument &body) const
{
    // Rows are ranks, not entities: the id is the position, so a new ranking updates rows in place.
    QList<QJsonObject> rows = WireListModel::rowsFrom(body);
    for (qsizetype i = 0; i < rows.size(); ++i)
        rows[i].insert("id"_L1, double(i + 1));
    return rows;
}

void ErrorSummaryModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == Mgmt::EventType::ActionChanged
        && Mgmt::ActionChangedEvent::fromJson(data, nullptr).value_or(Mgmt::ActionChangedEvent()).status == u"error"_s)
        scheduleReload();
}

QVariant ErrorSummaryModel::cell(const Mgmt::MgmtErrorCount &row, int column, int role) const
{
    if (role == FilterRole)
        return row.filter;
    if (role == Qt::ToolTipRole)
        return tr("Show the targets that reported “%1”").arg(row.message);
    if (role == Qt::TextAlignmentRole && column != Message)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Message:
        return row.message.isEmpty() ? tr("(no message)") : row.message;
    case Count:
        return QLocale().toString(row.count);
    case Targets:
        return QLocale().toString(row.targets);
    }
    return {};
}

} // namespace Flotilla
