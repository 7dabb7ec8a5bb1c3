#pragma once

// A loopback TCP proxy for tests that need a connection to drop: everything is piped to the upstream port;
// dropAll() cuts every connection, and while refusing, new connections are cut at once. setStallAfter(n)
// stops passing the server's answer on once a connection has carried n bytes of it (a download that hangs
// half way; small answers pass); setStallAfter(-1) lets the held bytes through again.
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

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
                auto forwarded = std::make_shared<qint64>(0);
                auto pump = [this, client, upstream, forwarded] {
                    qint64 allowed = upstream->bytesAvailable();
                    if (m_stallAfter >= 0)
                        allowed = std::min(allowed, std::max<qint64>(0, m_stallAfter - *forwarded));
                    if (allowed <= 0)
                        return;
                    const QByteArray data = upstream->read(allowed);
                    *forwarded += data.size();
                    client->write(data);
                };
                QObject::connect(upstream, &QTcpSocket::readyRead, client, pump);
                m_pumps.append({ QPointer<QTcpSocket>(client), pump });
                QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                m_clients.append(client);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void setRefusing(bool refusing) { m_refusing = refusing; }
    void setStallAfter(qint64 bytes)
    {
        m_stallAfter = bytes;
        if (bytes < 0) {
            for (const auto &[client, pump] : std::as_const(m_pumps)) {
                if (client)
                    pump();
            }
        }
    }
    void dropAll()
    {
        for (const QPointer<QTcpSocket> &c : std::as_const(m_clients)) {
            if (c)
                c->abort();
        }
        m_clients.clear();
    }

private:
    QList<std::pair<QPointer<QTcpSocket>, std::function<void()>>> m_pumps;
    qint64 m_stallAfter = -1;
    QTcpServer m_server;
    quint16 m_upstreamPort;
    bool m_refusing = false;
    QList<QPointer<QTcpSocket>> m_clients;
};

} // namespace FlotillaTest
