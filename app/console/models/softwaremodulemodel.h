#pragma once

#include "proto/mgmt/mgmtevents.h"

#include <QAbstractItemModel>
#include <QTimer>

namespace Flotilla {

class ServerConnection;

// Software modules with their artifacts as children (a tree), live: repository changes and uploads reload it;
// rows that stay keep their place and their children are replaced in place (no reset).
class SoftwareModuleModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Version, Type, Size, Sha256, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, IsArtifactRole, HashesRole, ModuleIdRole };

    explicit SoftwareModuleModel(ServerConnection &connection, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();
    QList<Mgmt::MgmtSoftwareModule> modules() const { return m_modules; }
    QModelIndex indexOfModule(qint64 id) const;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);

private:
    void setModules(const QList<Mgmt::MgmtSoftwareModule> &modules);

    ServerConnection &m_connection;
    QList<Mgmt::MgmtSoftwareModule> m_modules;
    quint64 m_generation = 0;
    QTimer m_reload;
};

} // namespace Flotilla
