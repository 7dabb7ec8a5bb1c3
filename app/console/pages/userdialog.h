#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLineEdit;

namespace Flotilla {

// Adds an operator, or changes an existing one's roles and (optionally) password. The roles are the server's:
// admin, operator, approver, viewer.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    // An empty name: a new operator; else that operator, with the roles it has now.
    explicit UserDialog(const QString &name = {}, const QStringList &roles = {}, QWidget *parent = nullptr);

    QString userName() const;
    // The body of POST /users (new) or PUT /users/{name} (existing; no password: unchanged).
    QJsonObject body() const;
    QStringList roles() const;

private:
    void updateOk();

    bool m_existing;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QList<std::pair<QString, QCheckBox *>> m_roles;
    QPushButton *m_ok = nullptr;
};

} // namespace Flotilla
