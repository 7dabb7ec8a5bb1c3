#include "app/console/models/distributionsetmodel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Flotilla {

DistributionSetModel::DistributionSetModel(ServerConnection &connection, QObject *parent)
    : ApiListModel(connection, parent)
{
    QUrlQuery q;
    q.addQueryItem(u"limit"_s, u"500"_s);
    setSource(u"/distributionsets"_s, q);
}

int DistributionSetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QHash<qint64, QString> DistributionSetModel::names() const
{
    QHash<qint64, QString> names;
    for (const QJsonObject &s : rows())
        names.insert(s.value("id"_L1).toInteger(),
                     s.value("name"_L1).toString() + u' ' + s.value("version"_L1).toString());
    return names;
}

void DistributionSetModel::onEvent(const QString &type, const QJsonObject &)
{
    if (type == u"repository.changed"_s || type == u"artifact.uploaded"_s)
        scheduleReload();
}

QVariant DistributionSetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return ApiListModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Version:
        return tr("Version");
    case Type:
        return tr("Type");
    case Modules:
        return tr("Modules");
    case State:
        return tr("State");
    }
    return {};
}

QVariant DistributionSetModel::cellData(const QJsonObject &s, int column, int role) const
{
    if (role == DisplayNameRole)
        return QString(s.value("name"_L1).toString() + u' ' + s.value("version"_L1).toString());
    if (role == Qt::ToolTipRole && column == State) {
        if (!s.value("complete"_L1).toBool())
            return tr("A mandatory module type is missing: it cannot be assigned yet");
        if (s.value("locked"_L1).toBool())
            return tr("Assigned at least once: its modules can no longer change");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return s.value("name"_L1).toString();
    case Version:
        return s.value("version"_L1).toString();
    case Type:
        return s.value("type"_L1).toString();
    case Modules: {
        QStringList list;
        for (const QJsonValue &m : s.value("modules"_L1).toArray())
            list << m.toObject().value("name"_L1).toString() + u' ' + m.toObject().value("version"_L1).toString();
        return list.join(u", "_s);
    }
    case State:
        if (!s.value("complete"_L1).toBool())
            return tr("Incomplete");
        return s.value("locked"_L1).toBool() ? tr("Locked") : tr("Ready");
    }
    return {};
}

} // namespace Flotilla
