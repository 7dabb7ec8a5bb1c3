#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// The operator accounts (embedded mode's Settings).
class UserModel : public WireListModel<Mgmt::MgmtUser>
{
    Q_OBJECT
public:
    enum Column { Name, Roles, ColumnCount };
    explicit UserModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cell(const Mgmt::MgmtUser &row, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;
};

} // namespace Flotilla
