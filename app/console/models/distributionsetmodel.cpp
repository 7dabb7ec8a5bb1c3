#include "app/console/models/distributionsetmodel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Flotilla {

DistributionSetModel::DistributionSetModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
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
    for (int row = 0; row < rowCount(); ++row) {
        const Mgmt::MgmtDistributionSet &s = rowAt(row);
        names.insert(s.id, s.name + u' ' + s.version);
    }
    return names;
}

void DistributionSetModel::onEvent(const QString &type, const QJsonObject &)
{
    if (type == Mgmt::EventType::RepositoryChanged || type == Mgmt::EventType::ArtifactUploaded)
        scheduleReload();
}

QVariant DistributionSetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return WireListModel::headerData(section, orientation, role);
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

QVariant DistributionSetModel::cell(const Mgmt::MgmtDistributionSet &s, int column, int role) const
{
    if (role == DisplayNameRole)
        return QString(s.name + u' ' + s.version);
    if (role == Qt::ToolTipRole && column == State) {
        if (!s.complete)
            return tr("A mandatory module type is missing: it cannot be assigned yet");
        if (s.locked)
            return tr("Assigned at least once: its modules can no longer change");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return s.name;
    case Version:
        return s.version;
    case Type:
        return s.type;
    case Modules: {
        QStringList list;
        for (const Mgmt::MgmtSoftwareModule &m : s.modules)
            list << m.name + u' ' + m.version;
        return list.join(u", "_s);
    }
    case State:
        if (!s.complete)
            return tr("Incomplete");
        return s.locked ? tr("Locked") : tr("Ready");
    }
    return {};
}

} // namespace Flotilla
