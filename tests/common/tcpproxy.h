#pragma once

// A loopback TCP proxy for tests that need a connection to drop: everything is piped to the upstream port;
// dropAll() cuts every connection, and while refusing, new connections are cut at once.
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace FlotillaTest {

class TcpProxy : public QObject
{
public:
    explicit TcpProxy(quint16 upstreamPort)
        : m_upstreamPort(upstreamPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                if (m_refusing) {
                    client->abort();
                    client->deleteLater();
                    continue;
                }
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
                QObject::connect(client, &QTcpSocket::readyRead, upstream,
                                 [client, upstream] { upstream->write(client->readAll()); });
                QObject::connect(upstream, &QTcpSocket::readyRead, client,
                                 [client, upstream] { client->write(upstream->readAll()); });
                QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                m_clients.append(client);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void setRefusing(bool refusing) { m_refusing = refusing; }
    void dropAll()
    {
        for (const QPointer<QTcpSocket> &c : std::as_const(m_clients)) {
            if (c)
                c->abort();
        }
        m_clients.clear();
    }

private:
    QTcpServer m_server;
    quint16 m_upstreamPort;
    bool m_refusing = false;
    QList<QPointer<QTcpSocket>> m_clients;
};

} // namespace FlotillaTest
