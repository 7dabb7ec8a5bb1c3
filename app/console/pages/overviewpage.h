#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace Flotilla {

namespace Mgmt {
struct MgmtFleetOverview;
}
class ApiListModel;
class ErrorSummaryModel;
class FleetChart;
class RolloutsInFlightModel;
class ServerConnection;

// The page to start the day with: the fleet by target state (a chart and a button per state), devices overdue
// and never seen, rollouts in flight with their progress and next step, actions waiting for consent, and the most
// frequent errors of the last 24 hours. The server counts (GET /overview/targets, /overview/errors, /rollouts,
// /actions: one request per card, never a page of targets); the event stream says when a card is stale
// (debounced), and a single timer wakes the fleet card when the next device turns overdue — nothing polls.
// Every number leads somewhere: a state, overdue, never seen or an error opens the Targets page with the RSQL
// filter the server gave for exactly that number.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(ServerConnection &connection, QWidget *parent = nullptr);

    // The fleet card's numbers: an updateStatus name, "overdue", "neverSeen" or "total"; and the consent card's,
    // "consent". -1 before the first answer.
    qint64 count(const QString &key) const { return m_counts.value(key, -1); }
    // The button of a number above (not "total").
    QPushButton *button(const QString &key) const { return m_buttons.value(key); }
    FleetChart *fleetChart() const { return m_chart; }
    RolloutsInFlightModel *rollouts() const { return m_rollouts; }
    ErrorSummaryModel *errors() const { return m_errors; }
    QTableView *rolloutView() const { return m_rolloutView; }
    QTableView *errorView() const { return m_errorView; }
    bool isLoaded() const { return m_pendingCards == 0; }

Q_SIGNALS:
    void targetsFilterRequested(const QString &rsql);
    void consentRequested();
    void rolloutsRequested();
    // The fleet card's / consent card's numbers came in (the first time and after every change).
    void fleetLoaded();
    void consentLoaded();
    // Every card has its first answer from this server (once per server): what bench_console times.
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // A target changed or turned overdue: count the fleet again (at most once a second), or, while the page is
    // hidden, once it is shown: a hidden page does not ask the server for fleet-wide counts every second.
    void fleetChanged();
    void refreshFleet();
    void refreshConsent();
    void showFleet(const Mgmt::MgmtFleetOverview &overview);
    void showFleetError(const QString &message); // in the overdue hint; the numbers stay as they were
    QLabel *failureLabel(ApiListModel *model, const QString &name, int card);
    void setNumber(const QString &key, qint64 value, const QString &text, const QString &accessible);
    QPushButton *numberButton(const QString &key, const QIcon &icon = {});
    void openFilter(const QString &key);
    void cardLoaded(int card);

    ServerConnection &m_connection;
    FleetChart *m_chart;
    RolloutsInFlightModel *m_rollouts;
    ErrorSummaryModel *m_errors;
    QTableView *m_rolloutView;
    QTableView *m_errorView;
    QLabel *m_consentText;
    QLabel *m_overdueHint;
    QHash<QString, QPushButton *> m_buttons;
    QHash<QString, qint64> m_counts;
    QHash<QString, QString> m_filters; // by key, as the server gave them
    QTimer *m_fleetRefresh;
    QTimer *m_consentRefresh;
    QTimer *m_nextOverdue;
    bool m_fleetStale = false; // changed while hidden
    quint64 m_generation = 0; // answers to an older server are dropped
    int m_pendingCards = 0; // bits of the cards without a first answer from this server
};

} // namespace Flotilla
