#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// The rollouts, live: rollout events change their status in place; a new one reloads.
class RolloutTableModel : public WireListModel<Mgmt::MgmtRolloutResponseBody>
{
    Q_OBJECT
public:
    enum Column { Name, Set, Status, Type, Groups, Created, ColumnCount };
    enum { StatusRole = IdRole + 10 };
    explicit RolloutTableModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setSetNames(const QHash<qint64, QString> &names);

protected:
    QVariant cell(const Mgmt::MgmtRolloutResponseBody &rollout, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;

private:
    QHash<qint64, QString> m_setNames;
};

} // namespace Flotilla
