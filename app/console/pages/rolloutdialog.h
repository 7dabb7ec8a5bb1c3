#pragma once

#include "proto/mgmt/mgmtrolloutrequests.h"

#include <QDialog>
#include <QJsonObject>

#include <QTimer>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Flotilla {

class DistributionSetModel;
class RolloutForecastModel;
class ServerConnection;

// New rollout: name, set, target filter with a live count of the targets it matches (and the server's parse
// error when it has one), number of groups, success and error thresholds with what happens at success, approval,
// start now or at a time, action type, weight, confirmation on the device. Forecast asks the server what the
// rollout would do and when (POST /rollouts/forecast: the engine plays it on a copy of the fleet) and shows each
// group's start and end, where it would pause, and what was assumed. Create sends one request; a refusal is shown
// and the dialog stays open.
class RolloutDialog : public QDialog
{
    Q_OBJECT
public:
    RolloutDialog(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent = nullptr);

    Mgmt::MgmtRolloutRestRequestBodyPost request() const;
    QJsonObject requestBody() const; // request() as JSON
    QString matchText() const;
    RolloutForecastModel *forecast() const { return m_forecast; }
    QString forecastText() const;
    // Asks the server for a forecast of the rollout as it stands (the Forecast button).
    void requestForecast();
    void setFilter(const QString &rsql);
    void setName(const QString &name);

Q_SIGNALS:
    void created(qint64 id, bool startNow);

private:
    void countMatches();
    void showPlan();
    void validate();
    // The percentages typed (each in (0, 100]); nullopt when the text is not such a list.
    std::optional<QList<double>> percentages() const;
    bool byPercentages() const;
    void submit();

    ServerConnection &m_connection;
    QLineEdit *m_name;
    QComboBox *m_set;
    QLineEdit *m_filter;
    QLabel *m_matches;
    QComboBox *m_groupMode;
    QSpinBox *m_groups;
    QLineEdit *m_percentages;
    QSpinBox *m_success;
    QComboBox *m_successAction;
    QSpinBox *m_error;
    QComboBox *m_type;
    QSpinBox *m_weight;
    QCheckBox *m_confirmation;
    QCheckBox *m_approval;
    QComboBox *m_start;
    QDateTimeEdit *m_startAt;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    QPushButton *m_forecastButton;
    RolloutForecastModel *m_forecast;
    QTableView *m_forecastView;
    QLabel *m_verdict;
    quint64 m_forecastGeneration = 0;
    QTimer m_count;
    qint64 m_matching = -1;
    quint64 m_generation = 0;
};

} // namespace Flotilla
