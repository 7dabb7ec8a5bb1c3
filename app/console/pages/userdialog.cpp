#include "app/console/pages/userdialog.h"
#include "proto/mgmt/mgmtrequests.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

UserDialog::UserDialog(const QString &name, const QStringList &roles, QWidget *parent)
    : QDialog(parent)
    , m_existing(!name.isEmpty())
    , m_name(new QLineEdit(name, this))
    , m_password(new QLineEdit(this))
{
    setWindowTitle(m_existing ? tr("Change operator %1").arg(name) : tr("Add an operator"));
    m_name->setObjectName(u"userName"_s);
    m_name->setReadOnly(m_existing);
    m_name->setAccessibleName(tr("User name"));
    m_password->setObjectName(u"userPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    if (m_existing)
        m_password->setPlaceholderText(tr("unchanged"));
    auto *roleBox = new QVBoxLayout;
    const std::pair<const char *, QString> known[] = {
        { "admin", tr("Administrator: everything, including operators") },
        { "operator", tr("Operator: targets, software, deployments, rollouts") },
        { "approver", tr("Approver: approves or denies rollouts") },
        { "viewer", tr("Viewer: reads everything, changes nothing") },
    };
    for (const auto &[key, label] : known) {
        auto *box = new QCheckBox(label, this);
        box->setObjectName(QLatin1StringView(key) + u"Role"_s);
        // A new operator without roles given starts as an operator. Checked before any toggle is connected:
        // updateOk() needs the OK button, made below.
        box->setChecked(roles.contains(QLatin1StringView(key))
                        || (!m_existing && roles.isEmpty() && QLatin1StringView(key) == "operator"_L1));
        connect(box, &QCheckBox::toggled, this, &UserDialog::updateOk);
        roleBox->addWidget(box);
        m_roles.append({ QLatin1StringView(key), box });
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(m_existing ? tr("&Change") : tr("&Add"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("User name:"), m_name);
    form->addRow(m_existing ? tr("New password:") : tr("Password:"), m_password);
    form->addRow(tr("Roles:"), roleBox);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &UserDialog::updateOk);
    connect(m_password, &QLineEdit::textChanged, this, &UserDialog::updateOk);
    updateOk();
}

QString UserDialog::userName() const
{
    return m_name->text().trimmed();
}

QStringList UserDialog::roles() const
{
    QStringList result;
    for (const auto &[key, box] : m_roles)
        if (box->isChecked())
            result << key;
    return result;
}

QJsonObject UserDialog::body() const
{
    Mgmt::MgmtUserRequestBody body;
    body.roles = roles();
    if (!m_existing)
        body.username = userName();
    if (!m_password->text().isEmpty())
        body.password = m_password->text();
    return body.toJson();
}

void UserDialog::updateOk()
{
    // A new operator needs a name and a password; everyone needs a role.
    m_ok->setEnabled(!roles().isEmpty() && (m_existing || (!userName().isEmpty() && !m_password->text().isEmpty())));
}

} // namespace Flotilla
