#pragma once

#include "client/apiclient.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Flotilla {

// File → Connect to server…: URL, user and password (or a bearer token with the user left empty). Connect
// tries the credentials before the dialog closes; a certificate the system does not trust is shown with its
// reasons and fingerprint and is only used after the operator ticks "trust this certificate". Recent servers
// (URL and user, never the password) are remembered.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    ServerLogin login() const;
    QList<QSslCertificate> trustedCertificates() const { return m_probe.trustedCertificates(); }
    static QStringList recentServers();

private:
    void tryConnect();
    void remember();
    void setInputsEnabled(bool enabled);

    QComboBox *m_url;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QLabel *m_status;
    QCheckBox *m_trust;
    QDialogButtonBox *m_buttons;
    ApiClient m_probe;
    QList<QSslError> m_lastSslErrors;
    QPointer<ApiReply> m_pending; // the attempt in flight
};

} // namespace Flotilla
