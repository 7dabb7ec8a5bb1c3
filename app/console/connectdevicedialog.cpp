#include "app/console/connectdevicedialog.h"
#include "proto/mgmt/mgmtevents.h"
#include "proto/mgmt/mgmtrequests.h"

#include "app/console/serverconnection.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// 32 characters from [A-Za-z0-9], as the server generates target tokens.
QString randomToken()
{
    static const QString alphabet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_s;
    QString token;
    for (int i = 0; i < 32; ++i)
        token += alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
    return token;
}
} // namespace

ConnectDeviceDialog::ConnectDeviceDialog(ServerConnection &connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_url(new QComboBox(this))
    , m_tenant(new QLineEdit(u"DEFAULT"_s, this))
    , m_createTarget(new QRadioButton(tr("Create the target now, with its own token"), this))
    , m_useGateway(new QRadioButton(tr("Use the tenant's gateway token (the device registers itself)"), this))
    , m_controllerId(new QLineEdit(u"device-001"_s, this))
    , m_gatewayToken(new QLineEdit(this))
    , m_createButton(new QPushButton(tr("Create Target"), this))
    , m_status(new QLabel(this))
    , m_targetToken(randomToken())
{
    setWindowTitle(tr("Connect a Device"));
    m_url->setObjectName(u"deviceServerUrl"_s);
    m_url->setEditable(true);
    for (const QUrl &url : DeviceSetup::deviceUrls(connection.url()))
        m_url->addItem(url.toString(QUrl::StripTrailingSlash));
    m_url->setAccessibleName(tr("Server URL for devices"));
    m_tenant->setObjectName(u"deviceTenant"_s);
    m_controllerId->setObjectName(u"deviceControllerId"_s);
    m_gatewayToken->setObjectName(u"deviceGatewayToken"_s);
    m_gatewayToken->setPlaceholderText(tr("the gateway token flotillad was given (ddi/gatewayToken)"));
    m_createTarget->setObjectName(u"createTargetChoice"_s);
    m_useGateway->setObjectName(u"useGatewayChoice"_s);
    m_createButton->setObjectName(u"createTargetButton"_s);
    m_status->setObjectName(u"firstPollStatus"_s);
    m_status->setWordWrap(true);
    m_createTarget->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Server &URL for devices:"), m_url);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("C&ontroller id:"), m_controllerId);
    form->addRow(QString(), m_createTarget);
    form->addRow(QString(), m_createButton);
    form->addRow(QString(), m_useGateway);
    form->addRow(tr("&Gateway token:"), m_gatewayToken);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"deviceConfigs"_s);
    tabs->addTab(configTab(&m_agent, u"agentConfig"_s), tr("flotilla-agent"));
    tabs->addTab(configTab(&m_suricatta, u"suricattaConfig"_s), tr("SWUpdate (suricatta)"));
    tabs->addTab(configTab(&m_rauc, u"raucConfig"_s), tr("rauc-hawkbit-updater"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 620);

    for (QLineEdit *edit : { m_tenant, m_controllerId, m_gatewayToken })
        connect(edit, &QLineEdit::textChanged, this, &ConnectDeviceDialog::updateConfigs);
    connect(m_url, &QComboBox::currentTextChanged, this, &ConnectDeviceDialog::updateConfigs);
    connect(m_createTarget, &QRadioButton::toggled, this, &ConnectDeviceDialog::updateConfigs);
    connect(m_createButton, &QPushButton::clicked, this, &ConnectDeviceDialog::createTarget);
    connect(&m_connection, &ServerConnection::event, this, &ConnectDeviceDialog::onEvent);
    updateConfigs();
}

QWidget *ConnectDeviceDialog::configTab(QPlainTextEdit **edit, const QString &name)
{
    auto *page = new QWidget(this);
    *edit = new QPlainTextEdit(page);
    (*edit)->setObjectName(name);
    (*edit)->setReadOnly(true);
    (*edit)->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    (*edit)->setAccessibleName(tr("Configuration to paste"));
    auto *copy = new QPushButton(tr("&Copy"), page);
    copy->setObjectName(name + u"Copy"_s);
    QPlainTextEdit *text = *edit;
    connect(copy, &QPushButton::clicked, this, [text] { QGuiApplication::clipboard()->setText(text->toPlainText()); });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(text, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(copy);
    layout->addLayout(row);
    return page;
}

DeviceSetup ConnectDeviceDialog::setup() const
{
    DeviceSetup s;
    s.server = QUrl(m_url->currentText().trimmed());
    s.tenant = m_tenant->text().trimmed();
    s.controllerId = m_controllerId->text().trimmed();
    if (m_createTarget->isChecked())
        s.targetToken = m_targetToken;
    else
        s.gatewayToken = m_gatewayToken->text().trimmed();
    return s;
}

void ConnectDeviceDialog::updateConfigs()
{
    const DeviceSetup s = setup();
    m_createButton->setEnabled(m_createTarget->isChecked() && !s.controllerId.isEmpty());
    m_gatewayToken->setEnabled(m_useGateway->isChecked());
    m_agent->setPlainText(s.agentIni());
    m_suricatta->setPlainText(s.suricattaConfig() + u"\n# or on the command line:\n# "_s + s.suricattaCommandLine()
                              + u'\n');
    m_rauc->setPlainText(s.raucHawkbitConfig());
    if (!m_polled)
        m_status->setText(tr("Waiting for %1's first poll…").arg(s.controllerId));
}

void ConnectDeviceDialog::createTarget()
{
    const DeviceSetup s = setup();
    m_createButton->setEnabled(false);
    Mgmt::MgmtTargetRequestBody target;
    target.controllerId = s.controllerId;
    target.name = s.controllerId;
    target.securityToken = s.targetToken;
    ApiReply *reply = m_connection.api().post(u"/targets"_s, QJsonArray { target.toJson() });
    // The reply deletes itself after either signal.
    connect(reply, &ApiReply::finished, this, [this, id = s.controllerId] {
        m_createButton->setEnabled(true);
        m_status->setText(tr("Target %1 created. Waiting for its first poll…").arg(id));
    });
    connect(reply, &ApiReply::failed, this, [this, id = s.controllerId](int, const QString &message) {
        m_createButton->setEnabled(true);
        m_status->setText(tr("Could not create target %1: %2").arg(id, message));
    });
}

void ConnectDeviceDialog::onEvent(const QString &type, const QJsonObject &data)
{
    if (type != Mgmt::EventType::TargetPolled)
        return;
    const auto polled = Mgmt::TargetPolledEvent::fromJson(data, nullptr);
    if (!polled || polled->controllerId != setup().controllerId)
        return;
    m_polled = true;
    m_status->setText(
        tr("%1 polled at %2: it is connected.")
            .arg(polled->controllerId, QTime::currentTime().toString(QLocale().timeFormat(QLocale::ShortFormat))));
}

} // namespace Flotilla
