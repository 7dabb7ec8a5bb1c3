#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace Flotilla {

class AuditModel;
class ServerConnection;
class UserModel;

// Settings: the tenant configuration (polling times, auto-close, consent flow, multi-assignment) — each change
// is sent at once and the server's refusal shown next to it —, the operator accounts, and the embedded DDI
// listener (host:port, used at the next start); and, on its own tab, the audit trail of operator changes (loaded
// when the tab is shown, filtered with RSQL, each change's before and after beside the list).
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(ServerConnection &connection, QWidget *parent = nullptr);

    void reload();
    UserModel *users() const { return m_users; }
    AuditModel *audit() const { return m_audit; }
    void showAudit(); // the audit tab, loaded

public Q_SLOTS:
    void addUser();
    void editUser();
    void deleteUser();

Q_SIGNALS:
    void message(const QString &text);

private:
    void put(const QString &key, const QJsonValue &value);
    QString selectedUser() const;

    ServerConnection &m_connection;
    UserModel *m_users;
    QLineEdit *m_polling;
    QLineEdit *m_overdue;
    QCheckBox *m_autoClose;
    QCheckBox *m_consent;
    QCheckBox *m_multi;
    QLabel *m_status;
    QLineEdit *m_listen;
    QTableView *m_userView;
    QTabWidget *m_tabs;
    AuditModel *m_audit;
    QTableView *m_auditView;
    QLineEdit *m_auditFilter;
    QPlainTextEdit *m_auditDetail;
    QLabel *m_auditStatus;
    bool m_loading = false;

    QWidget *makeAuditTab();
    void loadAudit();
};

} // namespace Flotilla
