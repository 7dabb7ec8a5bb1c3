#include "app/console/pages/settingspage.h"
#include "app/console/confirm.h"
#include "app/console/models/auditmodel.h"
#include "app/console/models/usermodel.h"
#include "app/console/pages/userdialog.h"
#include "app/console/serverconnection.h"
#include "proto/mgmt/mgmtconfiguration.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

SettingsPage::SettingsPage(ServerConnection &connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_users(new UserModel(connection, this))
    , m_polling(new QLineEdit(this))
    , m_overdue(new QLineEdit(this))
    , m_autoClose(new QCheckBox(tr("A new assignment closes the target's open action (otherwise it cancels it)"), this))
    , m_consent(new QCheckBox(tr("Devices must confirm an update before it runs (consent flow)"), this))
    , m_multi(new QCheckBox(tr("Several open actions per target, ordered by weight (multi-assignment)"), this))
    , m_status(new QLabel(this))
    , m_listen(new QLineEdit(this))
    , m_userView(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_audit(new AuditModel(connection, this))
    , m_auditView(new QTableView(this))
    , m_auditFilter(new QLineEdit(this))
    , m_auditDetail(new QPlainTextEdit(this))
    , m_auditStatus(new QLabel(this))
{
    setObjectName(u"settingsPage"_s);
    for (QLineEdit *e : { m_polling, m_overdue })
        e->setMaximumWidth(fontMetrics().horizontalAdvance(u"000:00:00"_s) * 2);
    m_listen->setMaximumWidth(fontMetrics().horizontalAdvance(u"[0000:0000::0000]:65535"_s) * 3 / 2);
    m_polling->setObjectName(u"pollingTime"_s);
    m_polling->setAccessibleName(tr("Polling time"));
    m_polling->setPlaceholderText(u"HH:mm:ss"_s);
    m_overdue->setObjectName(u"pollingOverdueTime"_s);
    m_overdue->setAccessibleName(tr("Polling overdue time"));
    m_autoClose->setObjectName(u"autoClose"_s);
    m_consent->setObjectName(u"consentFlow"_s);
    m_multi->setObjectName(u"multiAssignment"_s);
    m_status->setObjectName(u"settingsStatus"_s);
    m_status->setWordWrap(true);

    auto *tenant = new QGroupBox(tr("Devices and deployments"), this);
    auto *form = new QFormLayout(tenant);
    form->addRow(tr("Devices poll every:"), m_polling);
    form->addRow(tr("A device is overdue after:"), m_overdue);
    form->addRow(QString(), m_autoClose);
    form->addRow(QString(), m_consent);
    form->addRow(QString(), m_multi);
    form->addRow(QString(), m_status);

    m_listen->setObjectName(u"listenAddress"_s);
    m_listen->setAccessibleName(tr("Embedded server address"));
    m_listen->setText(QSettings().value(u"server/listen"_s, u"0.0.0.0:8080"_s).toString());
    auto *server = new QGroupBox(tr("Embedded server"), this);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(tr("Devices connect to (host:port):"), m_listen);
    auto *listenNote = new QLabel(tr("Used from the next start of the console."), this);
    listenNote->setEnabled(false);
    serverForm->addRow(QString(), listenNote);
    connect(m_listen, &QLineEdit::editingFinished, this, [this] {
        QSettings().setValue(u"server/listen"_s, m_listen->text().trimmed());
        Q_EMIT message(tr("The embedded server will listen on %1 from the next start").arg(m_listen->text().trimmed()));
    });

    m_userView->setObjectName(u"userView"_s);
    m_userView->setModel(m_users);
    m_userView->verticalHeader()->hide();
    m_userView->horizontalHeader()->setStretchLastSection(true);
    m_userView->setColumnWidth(UserModel::Name, 200);
    auto *addUser = new QPushButton(tr("Add &user…"), this);
    addUser->setObjectName(u"addUserButton"_s);
    connect(addUser, &QPushButton::clicked, this, &SettingsPage::addUser);
    auto *editUser = new QPushButton(tr("C&hange…"), this);
    editUser->setObjectName(u"editUserButton"_s);
    connect(editUser, &QPushButton::clicked, this, &SettingsPage::editUser);
    connect(m_userView, &QTableView::doubleClicked, this, &SettingsPage::editUser);
    auto *deleteUser = new QPushButton(tr("De&lete…"), this);
    deleteUser->setObjectName(u"deleteUserButton"_s);
    connect(deleteUser, &QPushButton::clicked, this, &SettingsPage::deleteUser);
    m_userView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_userView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_userView->setAccessibleName(tr("Operators"));
    for (QPushButton *b : { editUser, deleteUser })
        b->setEnabled(false);
    connect(m_userView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [editUser, deleteUser](const QModelIndex &current) {
                editUser->setEnabled(current.isValid());
                deleteUser->setEnabled(current.isValid());
            });
    auto *usersBox = new QGroupBox(tr("Operators"), this);
    auto *usersLayout = new QVBoxLayout(usersBox);
    usersLayout->addWidget(m_userView);
    auto *userButtons = new QHBoxLayout;
    userButtons->addWidget(addUser);
    userButtons->addWidget(editUser);
    userButtons->addWidget(deleteUser);
    userButtons->addStretch();
    usersLayout->addLayout(userButtons);

    auto *general = new QWidget(this);
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(tenant);
    generalLayout->addWidget(server);
    generalLayout->addWidget(usersBox, 1);
    m_tabs->setObjectName(u"settingsTabs"_s);
    m_tabs->addTab(general, tr("&General"));
    m_tabs->addTab(makeAuditTab(), tr("&Audit trail"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            loadAudit();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_polling, &QLineEdit::editingFinished, this,
            [this] { put(u"pollingTime"_s, m_polling->text().trimmed()); });
    connect(m_overdue, &QLineEdit::editingFinished, this,
            [this] { put(u"pollingOverdueTime"_s, m_overdue->text().trimmed()); });
    connect(m_autoClose, &QCheckBox::toggled, this,
            [this](bool on) { put(u"repository.actions.autoclose.enabled"_s, on); });
    connect(m_consent, &QCheckBox::toggled, this, [this](bool on) { put(u"user.confirmation.flow.enabled"_s, on); });
    connect(m_multi, &QCheckBox::toggled, this, [this](bool on) { put(u"multi.assignments.enabled"_s, on); });
    connect(&connection, &ServerConnection::serverChanged, this, &SettingsPage::reload);
}

void SettingsPage::reload()
{
    if (!m_connection.isOpen())
        return;
    m_users->setSource(u"/users"_s);
    m_users->reload();
    ApiReply *reply = m_connection.api().get(u"/system/configs"_s);
    connect(reply, &ApiReply::finished, this, [this](const QJsonDocument &body) {
        Mgmt::DecodeError error;
        const std::optional<Mgmt::MgmtTenantConfiguration> c
            = Mgmt::MgmtTenantConfiguration::fromJson(body.object(), &error);
        if (!c)
            return m_status->setText(tr("Could not read the configuration: %1").arg(error.message));
        auto value = [&c](const char *key) {
            return c->value(QString::fromLatin1(key));
        };
        m_loading = true; // setting the widgets must not send the values back
        m_polling->setText(value("pollingTime").toString());
        m_overdue->setText(value("pollingOverdueTime").toString());
        m_autoClose->setChecked(value("repository.actions.autoclose.enabled").toBool());
        m_consent->setChecked(value("user.confirmation.flow.enabled").toBool());
        m_multi->setChecked(value("multi.assignments.enabled").toBool());
        m_loading = false;
        m_status->clear();
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
        m_status->setText(tr("Could not read the configuration: %1").arg(why));
    });
}

QWidget *SettingsPage::makeAuditTab()
{
    auto *tab = new QWidget(this);
    m_auditView->setObjectName(u"auditView"_s);
    m_auditView->setAccessibleName(tr("Audit trail"));
    m_auditView->setModel(m_audit);
    m_auditView->verticalHeader()->hide();
    m_auditView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_auditView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_auditView->horizontalHeader()->setStretchLastSection(false);
    m_auditView->horizontalHeader()->setSectionResizeMode(AuditModel::Change, QHeaderView::Stretch);
    m_auditView->setColumnWidth(AuditModel::When, fontMetrics().horizontalAdvance(u"00/00/0000 00:00 PM"_s) + 16);
    m_auditFilter->setObjectName(u"auditFilter"_s);
    m_auditFilter->setAccessibleName(tr("Audit filter"));
    m_auditFilter->setPlaceholderText(tr("Filter, e.g. actor==admin;entity==targets (RSQL); Enter applies"));
    m_auditFilter->setClearButtonEnabled(true);
    connect(m_auditFilter, &QLineEdit::returnPressed, this, &SettingsPage::loadAudit);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(u"auditRefresh"_s);
    connect(refresh, &QPushButton::clicked, this, &SettingsPage::loadAudit);
    m_auditDetail->setObjectName(u"auditDetail"_s);
    m_auditDetail->setAccessibleName(tr("Change details"));
    m_auditDetail->setReadOnly(true);
    m_auditDetail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_auditDetail->setPlaceholderText(tr("Select a change to see what was asked, and the resource before and after."));
    m_auditStatus->setObjectName(u"auditStatus"_s);
    m_auditStatus->setWordWrap(true);
    connect(m_auditView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_auditDetail->setPlainText(current.isValid() ? AuditModel::changeText(m_audit->rowAt(current.row()))
                                                              : QString());
            });
    connect(m_audit, &ApiListModel::loaded, this, [this] {
        m_auditStatus->setText(tr("%n change(s) shown, newest first. Only the retention period removes entries.", "",
                                  m_audit->rowCount()));
    });
    connect(m_audit, &ApiListModel::loadFailed, this,
            [this](const QString &why) { m_auditStatus->setText(tr("Could not read the audit trail: %1").arg(why)); });
    auto *split = new QSplitter(Qt::Horizontal, tab);
    split->addWidget(m_auditView);
    split->addWidget(m_auditDetail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_auditFilter, 1);
    bar->addWidget(refresh);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_auditStatus);
    return tab;
}

void SettingsPage::showAudit()
{
    m_tabs->setCurrentIndex(1);
    loadAudit();
}

void SettingsPage::loadAudit()
{
    if (!m_connection.isOpen())
        return;
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, u"500"_s);
    if (const QString q = m_auditFilter->text().trimmed(); !q.isEmpty())
        query.addQueryItem(u"q"_s, QString::fromUtf8(QUrl::toPercentEncoding(q)));
    m_audit->setSource(u"/audit"_s, query); // loads when the source changed
    if (!m_audit->isLoading())
        m_audit->reload();
}

void SettingsPage::put(const QString &key, const QJsonValue &value)
{
    if (m_loading || !m_connection.isOpen())
        return;
    ApiReply *reply = m_connection.api().put(u"/system/configs/%1"_s.arg(key),
                                             Mgmt::MgmtSystemTenantConfigurationValueRequest { value }.toJson());
    connect(reply, &ApiReply::finished, this, [this] {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Saved."));
    });
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
        m_status->setStyleSheet(u"color: #c62828"_s);
        m_status->setText(tr("Not saved: %1").arg(why));
        reload(); // show what the server holds
    });
}

void SettingsPage::addUser()
{
    UserDialog dialog({}, {}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ApiReply *reply = m_connection.api().post(u"/users"_s, dialog.body());
    connect(reply, &ApiReply::finished, m_users, &ApiListModel::reload);
    connect(reply, &ApiReply::failed, this, [this](int, const QString &why) {
        QMessageBox::warning(this, tr("Add an operator"), tr("The account was not created: %1").arg(why));
    });
}

QString SettingsPage::selectedUser() const
{
    const QModelIndex current = m_userView->currentIndex();
    return current.isValid() ? m_users->index(current.row(), UserModel::Name).data().toString() : QString();
}

void SettingsPage::editUser()
{
    const QString name = selectedUser();
    if (name.isEmpty())
        return;
    UserDialog dialog(name, m_users->rowAt(m_userView->currentIndex().row()).roles, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ApiReply *reply = m_connection.api().put(u"/users/"_s + ApiClient::pathSegment(name), dialog.body());
    connect(reply, &ApiReply::finished, m_users, &ApiListModel::reload);
    connect(reply, &ApiReply::failed, this, [this, name](int, const QString &why) {
        QMessageBox::warning(this, tr("Change operator %1").arg(name), tr("Nothing was changed: %1").arg(why));
    });
}

void SettingsPage::deleteUser()
{
    const QString name = selectedUser();
    if (name.isEmpty()
        || !confirmDestructive(this, tr("Delete operator"),
                               tr("Delete the operator %1? Their sign-in and tokens stop working at once.").arg(name),
                               tr("&Delete %1").arg(name)))
        return;
    ApiReply *reply = m_connection.api().remove(u"/users/"_s + ApiClient::pathSegment(name));
    connect(reply, &ApiReply::finished, m_users, &ApiListModel::reload);
    connect(reply, &ApiReply::failed, this, [this, name](int, const QString &why) {
        // The server refuses to delete the last administrator, and says so.
        QMessageBox::warning(this, tr("Delete operator"), tr("%1 was not deleted: %2").arg(name, why));
    });
}

} // namespace Flotilla
