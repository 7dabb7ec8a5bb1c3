#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// Actions waiting for confirmation on their devices (status WAIT_FOR_CONFIRMATION), oldest first, optionally
// only those of targets matching a controller-id pattern or of one distribution set. Live: any action event
// reloads it (debounced), so a device's confirmation takes its action off the list.
class ConsentActionModel : public WireListModel<Mgmt::MgmtAction>
{
    Q_OBJECT
public:
    enum Column { Target, Set, WaitingSince, Type, Weight, ColumnCount };
    enum { ControllerIdRole = ObjectRole + 1 };
    explicit ConsentActionModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // "cam-*" style pattern on the controller id (empty: all); set id 0: all sets.
    void setFilter(const QString &targetPattern, qint64 setId);
    void setSetNames(const QHash<qint64, QString> &names);
    // The RSQL query the filter makes (for tests and the page's hint).
    QString query() const;

protected:
    QVariant cell(const Mgmt::MgmtAction &action, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;

private:
    void apply();

    QString m_pattern;
    qint64 m_setId = 0;
    QHash<qint64, QString> m_setNames;
};

} // namespace Flotilla
