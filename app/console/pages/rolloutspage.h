#pragma once

#include <QHash>
#include <QWidget>

class QPushButton;
class QQuickWidget;
class QTabWidget;
class QTableView;

namespace Flotilla {

class DistributionSetModel;
class ActionHistoryModel;
class RolloutChart;
class RolloutGroupModel;
class RolloutSpanModel;
class RolloutTableModel;
class ServerConnection;

// Rollouts: the list, the selected rollout's groups with their progress live, and its commands (start, pause,
// resume, approve, deny, stop) — each button enabled only when the rollout state machine allows that command
// in the rollout's current state.
class RolloutsPage : public QWidget
{
    Q_OBJECT
public:
    RolloutsPage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent = nullptr);

    RolloutTableModel *model() const { return m_model; }
    RolloutGroupModel *groups() const { return m_groups; }
    RolloutSpanModel *spans() const { return m_spans; }
    RolloutChart *chart() const { return m_chart; }
    // The timeline (QML in a QQuickWidget), made on first use.
    QQuickWidget *ensureTimeline();
    ActionHistoryModel *trackHistory() const { return m_trackHistory; }

private Q_SLOTS:
    void showActionTrack(double actionId);

public:
    QTableView *view() const { return m_view; }
    // The commands the state machine allows in a status as the API names it ("ready", "running", ...).
    static QStringList allowedCommands(const QString &status);

public Q_SLOTS:
    void createRollout();
    void sendCommand(const QString &command);

Q_SIGNALS:
    void message(const QString &text);

private:
    void updateButtons();

    ServerConnection &m_connection;
    DistributionSetModel &m_sets;
    RolloutTableModel *m_model;
    RolloutGroupModel *m_groups;
    QTableView *m_view;
    QTableView *m_groupView;
    RolloutSpanModel *m_spans;
    RolloutChart *m_chart;
    QTabWidget *m_views;
    ActionHistoryModel *m_trackHistory;
    QQuickWidget *m_timeline = nullptr;
    QHash<QString, QPushButton *> m_commands;
};

} // namespace Flotilla
