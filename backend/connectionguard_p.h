#pragma once

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace Flotilla {

class ConnectionGuard;

// One accepted connection, watched for the guard: a child of its socket, so it ends with it.
class ConnectionWatch : public QObject
{
    Q_OBJECT
public:
    ConnectionWatch(ConnectionGuard &guard, QTcpSocket *socket);
    ~ConnectionWatch() override;

    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    // Closes the connection once what is being answered has been written.
    void closeWhenAnswered();
    void detach() { m_guard = nullptr; }

private:
    void received();
    void sent();
    void checkAnswered();
    void idle();
    void headerTooSlow();
    bool ours() const; // false once the socket belongs to someone else (a WebSocket upgrade)

    QPointer<ConnectionGuard> m_guard;
    QTcpSocket *m_socket;
    QHostAddress m_address;
    quint16 m_port = 0;
    // Lazy timers: a request or an answer only notes the time; a timer that fires early for what it finds is armed
    // again for the rest (restarting two timers on every request was 2% of a poll's CPU).
    QTimer m_idle;
    QTimer m_header;
    qint64 m_idleMs = 0; // 0: no idle timeout
    qint64 m_headerMs = 0;
    qint64 m_lastActivityMs = 0; // steady clock
    qint64 m_requestStartMs = 0;
    QMetaObject::Connection m_readConnection;
    bool m_inRequest = false;
    bool m_headerDone = false;
    bool m_closing = false;
    qint64 m_requestBytes = 0;
};

} // namespace Flotilla
