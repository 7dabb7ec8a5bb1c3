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
    QTimer m_idle;
    QTimer m_header;
    QMetaObject::Connection m_readConnection;
    bool m_inRequest = false;
    bool m_headerDone = false;
    bool m_closing = false;
    qint64 m_requestBytes = 0;
};

} // namespace Flotilla
