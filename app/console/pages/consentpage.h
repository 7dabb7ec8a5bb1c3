#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Flotilla {

class ActionHistoryModel;
class ConsentActionModel;
class DistributionSetModel;
class ServerConnection;

// User consent: the actions waiting for their devices' confirmation (filter by target and set), each one's
// history — a device's denial shows there, and the action keeps waiting, as hawkBit's consent flow has it —
// and the operator's decisions: confirm on the device's behalf (with a remark for the history), cancel the
// action, or switch the target's auto-confirm on (initiator, remark) or off.
class ConsentPage : public QWidget
{
    Q_OBJECT
public:
    ConsentPage(ServerConnection &connection, DistributionSetModel &sets, QWidget *parent = nullptr);

    ConsentActionModel *model() const { return m_model; }
    ActionHistoryModel *history() const { return m_history; }
    QTableView *view() const { return m_view; }

public Q_SLOTS:
    void confirmSelected();
    void cancelSelected();
    void toggleAutoConfirm();

Q_SIGNALS:
    void message(const QString &text);

private:
    void selectionChanged();
    void refreshAutoConfirm();
    QString selectedTarget() const;
    qint64 selectedAction() const;

    ServerConnection &m_connection;
    DistributionSetModel &m_sets;
    ConsentActionModel *m_model;
    ActionHistoryModel *m_history;
    QLineEdit *m_targetFilter;
    QComboBox *m_setFilter;
    QTableView *m_view;
    QTableView *m_historyView;
    QPushButton *m_confirm;
    QPushButton *m_cancel;
    QPushButton *m_autoConfirm;
    QLabel *m_autoConfirmState;
    bool m_autoConfirmActive = false;
    quint64 m_autoConfirmGeneration = 0;
};

} // namespace Flotilla
