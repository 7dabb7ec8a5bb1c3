#pragma once

// The kiosk's view of the agent: a QtGrpc client of flotilla.device.v1.LocalUpdateService (proto/device/v1)
// that keeps the latest notification as properties for QML, reconnects by itself (and says so while the agent
// is away), and sends a person's decisions. No business logic lives in QML: it shows these properties and calls
// these methods.
#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QGrpcServerStream;
class QGrpcStatus;

namespace flotilla::device::v1 {
class DeviceNotification;
namespace LocalUpdateService {
class Client;
}
} // namespace flotilla::device::v1

namespace Flotilla::Kiosk {

class LocalUpdateClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // "unix:/run/flotilla/agent.sock", "/run/flotilla/agent.sock" or "127.0.0.1:8097"
    Q_PROPERTY(QString address READ address WRITE setAddress NOTIFY addressChanged)
    Q_PROPERTY(bool connected READ isConnected NOTIFY changed)
    Q_PROPERTY(bool received READ hasReceived NOTIFY changed) // a first state has arrived
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY changed)
    Q_PROPERTY(QString installedVersion READ installedVersion NOTIFY changed)
    Q_PROPERTY(QDateTime lastCheck READ lastCheck NOTIFY changed)
    Q_PROPERTY(bool serverReachable READ serverReachable NOTIFY changed)
    Q_PROPERTY(QString actionId READ actionId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(double bytesDone READ bytesDone NOTIFY changed)
    Q_PROPERTY(double bytesTotal READ bytesTotal NOTIFY changed)
    Q_PROPERTY(QDateTime windowStart READ windowStart NOTIFY changed)
    Q_PROPERTY(QDateTime windowEnd READ windowEnd NOTIFY changed)
    Q_PROPERTY(QString step READ step NOTIFY changed)
    Q_PROPERTY(int percent READ percent NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QVariantList consents READ consents NOTIFY changed)
    Q_PROPERTY(QDateTime postponedUntil READ postponedUntil NOTIFY changed)
    Q_PROPERTY(bool installNowAllowed READ installNowAllowed NOTIFY changed)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged) // a decision is on its way
public:
    enum class State {
        Idle,
        WaitingForConsent,
        Downloading,
        WaitingForWindow,
        Installing,
        Rebooting,
        Succeeded,
        Failed,
        Postponed,
        ReadyToInstall,
    };
    Q_ENUM(State)

    explicit LocalUpdateClient(QObject *parent = nullptr);
    ~LocalUpdateClient() override;

    QString address() const { return m_address; }
    void setAddress(const QString &address);
    bool isConnected() const { return m_connected; }
    bool hasReceived() const { return m_received; }
    State state() const { return m_state; }
    QString deviceName() const { return m_deviceName; }
    QString installedVersion() const { return m_installedVersion; }
    QDateTime lastCheck() const { return m_lastCheck; }
    bool serverReachable() const { return m_serverReachable; }
    QString actionId() const { return m_actionId; }
    QString title() const { return m_title; }
    double bytesDone() const { return m_bytesDone; }
    double bytesTotal() const { return m_bytesTotal; }
    QDateTime windowStart() const { return m_windowStart; }
    QDateTime windowEnd() const { return m_windowEnd; }
    QString step() const { return m_step; }
    int percent() const { return m_percent; }
    QString message() const { return m_message; }
    QVariantList consents() const { return m_consents; }
    QDateTime postponedUntil() const { return m_postponedUntil; }
    bool installNowAllowed() const { return m_installNowAllowed; }
    bool isBusy() const { return m_busy; }

    Q_INVOKABLE void confirm(const QString &actionId);
    Q_INVOKABLE void deny(const QString &actionId);
    Q_INVOKABLE void installNow(const QString &actionId);
    Q_INVOKABLE void postpone(const QString &actionId, int minutes);

    // For tests and --screenshot: the state as the agent would send it.
    void apply(const flotilla::device::v1::DeviceNotification &n);

    // Human-readable sizes and durations, for the screens ("120 MB", "1 h 5 min").
    Q_INVOKABLE static QString formatBytes(double bytes);
    Q_INVOKABLE static QString formatDuration(qint64 seconds);

Q_SIGNALS:
    void addressChanged();
    void changed();
    void busyChanged();
    // The answer to a decision: accepted or not, with the agent's words.
    void decided(bool accepted, const QString &message);

private:
    void open();
    void ended(const QGrpcStatus &status);
    void received();
    void setBusy(bool busy);

    QString m_address;
    std::unique_ptr<flotilla::device::v1::LocalUpdateService::Client> m_client;
    std::unique_ptr<QGrpcServerStream> m_stream;
    QTimer m_retry;
    bool m_connected = false;
    bool m_received = false;
    bool m_busy = false;
    State m_state = State::Idle;
    QString m_deviceName;
    QString m_installedVersion;
    QDateTime m_lastCheck;
    bool m_serverReachable = false;
    QString m_actionId;
    QString m_title;
    double m_bytesDone = 0;
    double m_bytesTotal = 0;
    QDateTime m_windowStart;
    QDateTime m_windowEnd;
    QString m_step;
    int m_percent = -1;
    QString m_message;
    QVariantList m_consents;
    QDateTime m_postponedUntil;
    bool m_installNowAllowed = false;
};

} // namespace Flotilla::Kiosk
