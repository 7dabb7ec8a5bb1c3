#pragma once

#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace Flotilla {

// The Management API's event stream (WebSocket /rest/v1/events), kept open: when the connection drops it
// reconnects with a growing delay (1 s doubling to 30 s) and asks for what it missed with ?since=<last seq>.
// When the server no longer holds those events it says "resync" and the client emits resyncNeeded(), after
// which a model reloads what it shows.
class EventClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit EventClient(QObject *parent = nullptr);
    ~EventClient() override;

    void open(const QUrl &url, const QByteArray &authorization, const QList<QSslCertificate> &trusted = {});
    void close();
    State state() const { return m_state; }
    quint64 lastSequence() const { return m_lastSequence; }
    QString lastError() const { return m_lastError; }
    // For tests: the delay before the next reconnection attempt.
    int reconnectDelayMs() const { return m_delayMs; }

Q_SIGNALS:
    void event(const QString &type, const QJsonObject &data);
    void stateChanged(Flotilla::EventClient::State state);
    // Events were lost; whoever shows server state must reload it.
    void resyncNeeded();

private:
    void connectSocket();
    void setState(State s);
    void onMessage(const QString &text);
    void onDisconnected();

    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    QByteArray m_authorization;
    QList<QSslCertificate> m_trusted;
    State m_state = State::Disconnected;
    quint64 m_lastSequence = 0;
    bool m_haveSequence = false;
    bool m_wasConnected = false;
    int m_delayMs = 1000;
    QTimer m_retry;
    QString m_lastError;
};

} // namespace Flotilla
