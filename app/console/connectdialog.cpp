#include "app/console/connectdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Flotilla {

QStringList ConnectDialog::recentServers()
{
    return QSettings().value(u"connect/recent"_s).toStringList();
}

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_trust(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect to a server"));
    m_url->setObjectName(u"serverUrl"_s);
    m_url->setEditable(true);
    m_url->setAccessibleName(tr("Server URL"));
    for (const QString &entry : recentServers())
        m_url->addItem(entry.section(u'\n', 0, 0), entry.section(u'\n', 1, 1));
    m_url->lineEdit()->setPlaceholderText(u"https://flotilla.example.net:8443"_s);
    m_user->setObjectName(u"serverUser"_s);
    m_user->setAccessibleName(tr("User name"));
    m_user->setPlaceholderText(tr("empty for a bearer token"));
    m_user->setText(m_url->currentData().toString());
    m_secret->setObjectName(u"serverSecret"_s);
    m_secret->setAccessibleName(tr("Password or token"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_status->setObjectName(u"connectStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trust->setObjectName(u"trustCertificate"_s);
    m_trust->hide();
    QPushButton *connectButton = m_buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(u"connectButton"_s);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Server:"), m_url);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password or token:"), m_secret);
    form->addRow(m_status);
    form->addRow(m_trust);
    form->addRow(m_buttons);
    connect(m_url, &QComboBox::currentIndexChanged, this, [this] { m_user->setText(m_url->currentData().toString()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::tryConnect);
    // Cancel while connecting stops the attempt (a server that does not answer can take long); otherwise it closes.
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_pending) {
            m_pending->abort();
            return;
        }
        reject();
    });
    resize(520, sizeHint().height());
}

ServerLogin ConnectDialog::login() const
{
    QUrl url = QUrl::fromUserInput(m_url->currentText().trimmed());
    return { url, m_user->text().trimmed(), m_secret->text() };
}

void ConnectDialog::tryConnect()
{
    const ServerLogin l = login();
    if (!l.isValid()) {
        m_status->setText(tr("Give the server's URL and a password or token."));
        return;
    }
    if (m_trust->isVisible() && m_trust->isChecked()) {
        for (const QSslError &e : std::as_const(m_lastSslErrors))
            m_probe.trustCertificate(e.certificate());
    }
    m_probe.setLogin(l);
    m_status->setText(tr("Connecting to %1…").arg(l.url.toString()));
    setInputsEnabled(false);
    ApiReply *reply = m_probe.get(u"/system/configs"_s);
    m_pending = reply;
    connect(reply, &ApiReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_lastSslErrors = errors; });
    connect(reply, &ApiReply::finished, this, [this] {
        setInputsEnabled(true);
        m_pending = nullptr;
        remember();
        accept();
    });
    connect(reply, &ApiReply::failed, this, [this, reply](int status, const QString &why) {
        setInputsEnabled(true);
        m_pending = nullptr;
        if (reply->wasCanceled()) {
            m_status->setText(tr("Connecting was canceled."));
            return;
        }
        if (status == 401)
            m_status->setText(tr("The server does not accept this user and password or token."));
        else
            m_status->setText(tr("Could not connect: %1").arg(why));
        if (!m_lastSslErrors.isEmpty() && status == 0) {
            const QSslCertificate cert = m_lastSslErrors.first().certificate();
            m_trust->setText(tr("Trust this certificate (SHA-256 %1) for this session")
                                 .arg(QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex(':'))));
            m_trust->setChecked(false);
            m_trust->show();
        }
    });
}

void ConnectDialog::setInputsEnabled(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *> { m_url, m_user, m_secret, m_trust })
        w->setEnabled(enabled);
    for (QAbstractButton *b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(enabled);
    setCursor(enabled ? Qt::ArrowCursor : Qt::BusyCursor);
}

void ConnectDialog::remember()
{
    const QString entry = m_url->currentText().trimmed() + u'\n' + m_user->text().trimmed();
    QStringList recent = recentServers();
    recent.removeAll(entry);
    recent.prepend(entry);
    QSettings().setValue(u"connect/recent"_s, recent.mid(0, 8));
}

} // namespace Flotilla
