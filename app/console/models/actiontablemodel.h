#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// One target's actions (newest first), live: an action event for this target reloads them.
class ActionTableModel : public WireListModel<Mgmt::MgmtAction>
{
    Q_OBJECT
public:
    enum Column { Id, Set, Type, Status, Updated, Rollout, ColumnCount };
    explicit ActionTableModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // The target whose actions to show (empty: none).
    void setTarget(const QString &controllerId, qint64 targetId);
    QString controllerId() const { return m_controllerId; }
    void setSetNames(const QHash<qint64, QString> &names);

protected:
    QVariant cell(const Mgmt::MgmtAction &action, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;
    QList<QJsonObject> rowsFrom(const QJsonDocument &body) const override;

private:
    QString m_controllerId;
    qint64 m_targetId = 0;
    QHash<qint64, QString> m_setNames;
};

} // namespace Flotilla
