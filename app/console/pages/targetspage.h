#pragma once

#include "proto/mgmt/mgmtmessages.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTableWidget;
class QTabWidget;
class QTimer;
class QPushButton;

namespace Flotilla {

class ActionHistoryModel;
class ActionTableModel;
class DistributionSetModel;
class ServerConnection;
class TargetTableModel;

// Targets: the fleet as a lazily paged table with an RSQL filter (errors shown under it), and the selected
// target's details: its actions with each one's status history, and its attributes. Create, delete, deploy,
// show the security token, request attributes.
class TargetsPage : public QWidget
{
    Q_OBJECT
public:
    TargetsPage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent = nullptr);

    TargetTableModel *model() const { return m_model; }
    ActionTableModel *actions() const { return m_actions; }
    ActionHistoryModel *history() const { return m_history; }
    QTableView *view() const { return m_view; }
    // The loaded targets of the selected rows.
    QList<Mgmt::MgmtTarget> selectedTargets() const;
    QString filter() const;

public Q_SLOTS:
    // Type this RSQL filter into the box and apply it now (the overview's numbers lead here).
    void setFilter(const QString &rsql);
    void createTarget();
    void deleteSelected();
    void deploySelected();
    void showSecurityToken();
    void requestAttributes();

Q_SIGNALS:
    void message(const QString &text);

private:
    void showTarget(const Mgmt::MgmtTarget &target);
    void loadAttributes(const QString &controllerId);
    void fail(const QString &what, const QString &message);

    ServerConnection &m_connection;
    DistributionSetModel &m_sets;
    TargetTableModel *m_model;
    ActionTableModel *m_actions;
    ActionHistoryModel *m_history;
    QLineEdit *m_filter;
    QTimer *m_filterDebounce = nullptr;
    QLabel *m_filterError;
    QLabel *m_count;
    QTableView *m_view;
    QLabel *m_title;
    QTabWidget *m_tabs;
    QTableView *m_actionView;
    QTableView *m_historyView;
    QTableWidget *m_attributes;
    QList<QPushButton *> m_needSelection;
    QString m_current;
};

} // namespace Flotilla
