#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Flotilla {

class ServerConnection;
class UserModel;

// Settings: the tenant configuration (polling times, auto-close, consent flow, multi-assignment) — each change
// is sent at once and the server's refusal shown next to it —, the operator accounts, and the embedded DDI
// listener (host:port, used at the next start).
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(ServerConnection &connection, QWidget *parent = nullptr);

    void reload();
    UserModel *users() const { return m_users; }

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
    bool m_loading = false;
};

} // namespace Flotilla
