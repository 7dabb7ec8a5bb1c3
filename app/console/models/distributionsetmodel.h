#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// The distribution sets, live: repository changes reload them.
class DistributionSetModel : public WireListModel<Mgmt::MgmtDistributionSet>
{
    Q_OBJECT
public:
    enum Column { Name, Version, Type, Modules, State, ColumnCount };
    enum { DisplayNameRole = IdRole + 10 };
    explicit DistributionSetModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // "name version" by id, for columns elsewhere that show a set id.
    QHash<qint64, QString> names() const;

protected:
    QVariant cell(const Mgmt::MgmtDistributionSet &set, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;
};

} // namespace Flotilla
