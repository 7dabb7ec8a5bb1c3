#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// One action's status history, oldest first, live: the action's events reload it.
class ActionHistoryModel : public WireListModel<Mgmt::MgmtActionStatus>
{
    Q_OBJECT
public:
    enum Column { Time, Status, Messages, Code, ColumnCount };
    // For the timeline's action track (QML): atMs, status, messages, code.
    enum Role { AtRole = ObjectRole + 1, StatusRole, MessagesRole, CodeRole };
    explicit ActionHistoryModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setAction(const QString &controllerId, qint64 actionId);
    QHash<int, QByteArray> roleNames() const override;
    qint64 actionId() const { return m_actionId; }

protected:
    QVariant cell(const Mgmt::MgmtActionStatus &entry, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;
    QList<QJsonObject> rowsFrom(const QJsonDocument &body) const override;

private:
    qint64 m_actionId = 0;
};

} // namespace Flotilla
