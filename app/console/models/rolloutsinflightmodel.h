#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// Rollouts not yet over (creating to stopping), newest first: each with its targets' progress as one stacked bar
// (CountsRole, as GroupProgressDelegate draws it) and what it will do next, from the server's nextStep (the
// engine's RolloutNextStep). Reloaded (debounced) on rollout events and on changes of a rollout's actions.
class RolloutsInFlightModel : public WireListModel<Mgmt::MgmtRolloutResponseBody>
{
    Q_OBJECT
public:
    enum Column { Name, Progress, Next, ColumnCount };
    enum { CountsRole = IdRole + 10 }; // as RolloutGroupModel::CountsRole, which the delegate reads
    explicit RolloutsInFlightModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Group “eu” starts when “canary” reaches 80 % finished (now 35 %)", "Waiting for approval", ...
    static QString describe(const Mgmt::MgmtRolloutNextStep &nextStep);

protected:
    QVariant cell(const Mgmt::MgmtRolloutResponseBody &rollout, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;
};

} // namespace Flotilla
