#include "app/console/models/usermodel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Flotilla {

UserModel::UserModel(ServerConnection &connection, QObject *parent)
    : WireListModel(connection, parent)
{ }

int UserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void UserModel::onEvent(const QString &, const QJsonObject &) { }

QVariant UserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return ApiListModel::headerData(section, orientation, role);
    return section == Name ? tr("User") : tr("Roles");
}

QVariant UserModel::cell(const Mgmt::MgmtUser &u, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (column == Name)
        return u.username;
    return u.roles.join(u", "_s);
}

} // namespace Flotilla
