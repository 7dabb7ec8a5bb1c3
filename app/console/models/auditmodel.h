#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// The audit trail (GET /audit, administrators only), newest first: when, who, from where, what, with what result.
// The before and after of a row come with rowAt() (AuditModel::changeText words them for people).
class AuditModel : public WireListModel<Mgmt::MgmtAuditEntry>
{
    Q_OBJECT
public:
    enum Column { When, Operator, Address, Change, Result, ColumnCount };
    explicit AuditModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // A row's request, before and after as indented JSON, for the detail pane.
    static QString changeText(const Mgmt::MgmtAuditEntry &row);

protected:
    QVariant cell(const Mgmt::MgmtAuditEntry &row, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;
};

} // namespace Flotilla
