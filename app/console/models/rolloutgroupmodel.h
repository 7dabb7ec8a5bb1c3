#pragma once

#include "app/console/models/apilistmodel.h"

namespace Flotilla {

// The groups of one rollout with their counts by status, live from rolloutgroup.changed events.
class RolloutGroupModel : public ApiListModel
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
    // A group's success or error threshold in percent, from hawkBit's condition object.
    // hawkBit's totalTargets and totalTargetsPerStatus (of a group or a whole rollout) as CountsRole gives them:
    // total, finished, error, running (every open action; hawkBit counts scheduled apart). And as a sentence.
    static QVariantMap countsOf(const QJsonObject &withTotals);
    static QString describeCounts(const QVariantMap &counts);
    static int thresholdOf(const QJsonObject &group, QLatin1StringView condition);

protected:
    QVariant cellData(const QJsonObject &row, int column, int role) const override;
    void onEvent(const QString &type, const QJsonObject &data) override;

private:
    qint64 m_rolloutId = 0;
};

} // namespace Flotilla
