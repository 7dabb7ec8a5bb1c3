#include "backend/serverthread.h"

#include "backend/server.h"
#include "backend/threadhandoff.h"

#include <QNetworkInterface>

using namespace Qt::StringLiterals;

namespace Flotilla {

ServerThread::ServerThread(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    // The console's server serves one operator and a LAN's devices: one HTTP thread unless told otherwise.
    if (m_config.httpThreads <= 0)
        m_config.httpThreads = 1;
    m_thread.setObjectName(u"flotilla-server"_s);
}

ServerThread::~ServerThread()
{
    if (m_server) {
        // The server's objects belong to its thread: they are destroyed there.
        invokeOnThread(m_server, [server = m_server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

void ServerThread::start()
{
    if (m_server)
        return;
    m_server = new Server(m_config);
    m_server->moveToThread(&m_thread);
    m_thread.start();
    const ServerConfig config = m_config;
    invokeOnThread(m_server, [this, server = m_server, config] {
        // On the server's thread: the store, listener and HTTP server are created here and stay here.
        if (server->start()) {
            const QString local = server->url();
            const QString device = deviceUrl(config, server->port());
            const auto credential = server->localCredential();
            invokeOnThread(this, [this, local, device, credential] {
                m_running = true;
                m_credential = credential;
                Q_EMIT started(local, device);
            });
        } else {
            const QString error = server->errorString();
            invokeOnThread(this, [this, error] { Q_EMIT failed(error); });
        }
    });
}

QString ServerThread::deviceUrl(const ServerConfig &config, quint16 port)
{
    if (config.publicUrl.isValid() && !config.publicUrl.isEmpty())
        return config.publicUrl.toString();
    QString host = config.listenAddress.toString();
    const bool any = config.listenAddress == QHostAddress::Any || config.listenAddress == QHostAddress::AnyIPv4
        || config.listenAddress == QHostAddress::AnyIPv6;
    if (any) {
        host = u"127.0.0.1"_s;
        for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal()) {
                host = a.toString();
                break;
            }
        }
    } else if (config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol) {
        host = u'[' + host + u']';
    }
    return (config.tlsCertificate.isEmpty() ? u"http://"_s : u"https://"_s) + host + u':' + QString::number(port);
}

} // namespace Flotilla
