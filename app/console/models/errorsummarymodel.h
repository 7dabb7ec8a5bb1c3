#pragma once

#include "app/console/models/wirelistmodel.h"
#include "proto/mgmt/mgmtoverview.h"

namespace Flotilla {

// The most frequent error reasons devices reported in the last hours (GET /overview/errors), with how often and
// on how many targets; FilterRole is the RSQL filter that lists those targets. Reloaded (debounced) when an
// action ends in error.
class ErrorSummaryModel : public WireListModel<Mgmt::MgmtErrorCount>
{
    Q_OBJECT
public:
    enum Column { Message, Count, Targets, ColumnCount };
    enum { FilterRole = IdRole + 10 };
    explicit ErrorSummaryModel(ServerConnection &connection, int hours = 24, int limit = 10, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    int hours() const { return m_hours; }

protected:
    QVariant cell(const Mgmt::MgmtErrorCount &row, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;
    QList<QJsonObject> rowsFrom(const QJsonDocument &body) const override;

private:
    int m_hours;
};

} // namespace Flotilla
