#pragma once

#include "app/console/devicesetup.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace Flotilla {

class ServerConnection;

// File → Connect a Device… (and the Welcome page's main button): how a first device reaches this server. The
// operator picks the URL devices use (each address of this machine for the embedded server), the tenant, and
// either creates the target now (controller id and a generated token) or uses the tenant's gateway token; the
// dialog shows ready-to-paste configuration for flotilla-agent, SWUpdate and rauc-hawkbit-updater, each with a
// Copy button, and says so when that device polls for the first time (the event stream's target.polled).
class ConnectDeviceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDeviceDialog(ServerConnection &connection, QWidget *parent = nullptr);

    DeviceSetup setup() const;
    bool hasPolled() const { return m_polled; }

private:
    void updateConfigs();
    void createTarget();
    void onEvent(const QString &type, const QJsonObject &data);
    QWidget *configTab(QPlainTextEdit **edit, const QString &name);

    ServerConnection &m_connection;
    QComboBox *m_url;
    QLineEdit *m_tenant;
    QRadioButton *m_createTarget;
    QRadioButton *m_useGateway;
    QLineEdit *m_controllerId;
    QLineEdit *m_gatewayToken;
    QPushButton *m_createButton;
    QPlainTextEdit *m_agent = nullptr;
    QPlainTextEdit *m_suricatta = nullptr;
    QPlainTextEdit *m_rauc = nullptr;
    QLabel *m_status;
    QString m_targetToken;
    bool m_polled = false;
};

} // namespace Flotilla
