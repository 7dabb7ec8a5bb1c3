#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace Flotilla {

// A rollout forecast (POST /rollouts/forecast) as a table, one row per group: its targets, when it starts and
// ends (from the forecast's start: "in 2 h 5 min"), how many finish and fail; and the verdict and the
// assumptions in sentences.
class RolloutForecastModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Group, Targets, Starts, Ends, Finished, Failed, ColumnCount };
    explicit RolloutForecastModel(QObject *parent = nullptr);

    void setForecast(const QJsonObject &forecast);
    void clear();
    bool isEmpty() const { return m_groups.isEmpty(); }
    // "All 5 groups finish in 2 h 5 min; 1.2 GB downloaded." / "Pauses in group-3 ..." / "Does not finish ..."
    QString verdict() const;
    // "Assumes: polls every 5 min, installs take 2 min, 3 % fail (from 120 actions of the last 30 days)."
    QString assumptions() const;
    // "4 min", "2 h 5 min", "3 d 4 h"
    static QString durationText(qint64 secs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString offsetText(const QJsonValue &ms) const;
    // A time of the forecast (ms since the epoch) as seconds after its start.
    qint64 secondsAfterStart(const QJsonValue &ms) const;

    QJsonObject m_forecast;
    QJsonArray m_groups;
};

} // namespace Flotilla
