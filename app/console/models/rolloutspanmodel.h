#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// The actions of one rollout as spans in time (GET /rollouts/{id}/actions, every page): target, group, status,
// created, started, closed. Live: a burst of action events of this rollout costs one reload, merged by id (no
// reset). The progress chart and the timeline draw from it.
class RolloutSpanModel : public WireListModel<Mgmt::MgmtActionSpan>
{
    Q_OBJECT
public:
    enum Column { Target, Group, Status, Created, Started, Closed, ColumnCount };
    enum Role {
        StatusRole = ObjectRole + 1, // "running", "finished", "error", ...
        GroupRole, // group id
        CreatedRole, // ms since the epoch; -1 when not (yet) known
        StartedRole,
        ClosedRole,
        LabelRole, // the target
    };
    static constexpr int PageSize = 500;

    explicit RolloutSpanModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setRollout(qint64 rolloutId);
    // For the timeline (QML): actionId, label, lane, status, createdMs, startedMs, endMs.
    QHash<int, QByteArray> roleNames() const override;
    qint64 rolloutId() const { return m_rolloutId; }
    // Every span, decoded (the progress chart's input).
    QList<Mgmt::MgmtActionSpan> spans() const;

protected:
    QVariant cell(const Mgmt::MgmtActionSpan &row, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;

private:
    qint64 m_rolloutId = 0;
};

} // namespace Flotilla
