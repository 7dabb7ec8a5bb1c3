#pragma once

#include "backend/serverconfig.h"

#include <QObject>
#include <QThread>

namespace Flotilla {

class Server;

// A whole Server on a thread of its own, for the console: the GUI thread never waits on the store or the
// network. start() returns at once; started() or failed() follows. The console talks to the server like any
// other client, over the Management API on loopback.
class ServerThread : public QObject
{
    Q_OBJECT
public:
    explicit ServerThread(ServerConfig config, QObject *parent = nullptr);
    // Stops the server (running downloads are cut) and joins the thread.
    ~ServerThread() override;

    void start();
    const ServerConfig &config() const { return m_config; }
    bool isRunning() const { return m_running; }
    // The console's own administrator (ServerConfig::localCredentialFile), once started.
    std::pair<QString, QString> localCredential() const { return m_credential; }

    // The URL devices on the LAN should use: the configured public URL, or the first non-loopback IPv4 address
    // of this machine with the server's port (loopback when there is no other).
    static QString deviceUrl(const ServerConfig &config, quint16 port);

Q_SIGNALS:
    void started(const QString &localUrl, const QString &deviceUrl);
    void failed(const QString &error);

private:
    ServerConfig m_config;
    QThread m_thread;
    Server *m_server = nullptr; // lives on m_thread
    bool m_running = false;
    std::pair<QString, QString> m_credential;
};

} // namespace Flotilla
