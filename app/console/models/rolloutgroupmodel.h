#pragma once

#include "app/console/models/wirelistmodel.h"

namespace Flotilla {

// The groups of one rollout with their counts by status, live from rolloutgroup.changed events.
class RolloutGroupModel : public WireListModel<Mgmt::MgmtRolloutGroupResponseBody>
{
    Q_OBJECT
public:
    enum Column { Name, Status, Progress, Targets, Thresholds, ColumnCount };
    // For Progress: a QVariantMap {total, finished, error, running} the progress delegate draws.
    enum { CountsRole = IdRole + 10 };
    explicit RolloutGroupModel(ServerConnection &connection, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setRollout(qint64 rolloutId);
    qint64 rolloutId() const { return m_rolloutId; }
    // hawkBit's totalTargets and totalTargetsPerStatus (of a group or a whole rollout) as CountsRole gives them:
    // total, finished, error, running (every open action; hawkBit counts scheduled apart). And as a sentence.
    static QVariantMap countsOf(int totalTargets, const Mgmt::MgmtTotalTargetsPerStatus &perStatus);
    static QString describeCounts(const QVariantMap &counts);

protected:
    QVariant cell(const Mgmt::MgmtRolloutGroupResponseBody &group, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;

private:
    qint64 m_rolloutId = 0;
};

} // namespace Flotilla
