#pragma once

#include "proto/mgmt/mgmtmessages.h"

#include <QAbstractTableModel>
#include <QJsonObject>

#include <optional>

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

    // The server's answer; false (and the model empty) with *error saying what is wrong when it cannot be read.
    bool setForecast(const QJsonObject &forecast, QString *error = nullptr);
    void clear();
    bool isEmpty() const { return !m_forecast || m_forecast->groups.isEmpty(); }
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
    QString offsetText(const std::optional<qint64> &ms) const;
    // A time of the forecast (ms since the epoch) as seconds after its start.
    qint64 secondsAfterStart(qint64 ms) const;

    std::optional<Mgmt::MgmtRolloutForecast> m_forecast;
};

} // namespace Flotilla
