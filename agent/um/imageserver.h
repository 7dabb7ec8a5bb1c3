#pragma once

// The agent's loopback HTTP server for Update Manager images (updateManagers/imageUrls = http): serves the
// verified files of the action in progress, and nothing else, at /images/<sha256 hex>, with HEAD and single
// Range requests (so a UM can resume a dropped copy). Unknown names are 404 with a JSON body. For UMs that
// do not share the agent's file system view (a container, another user's mount namespace).
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QHttpServer;
class QTcpServer;

namespace Flotilla::Agent {

class ImageServer : public QObject
{
    Q_OBJECT
public:
    explicit ImageServer(QObject *parent = nullptr);
    ~ImageServer() override;

    // host:port (port 0: any free one); false with *error when it cannot listen.
    bool listen(const QString &address, QString *error);
    // Offers a verified file under its SHA-256; its URL.
    QUrl offer(const QString &path, const QString &sha256Hex);
    void withdrawAll();

private:
    std::unique_ptr<QHttpServer> m_http;
    QTcpServer *m_listener = nullptr; // owned by m_http once bound
    QHash<QString, QString> m_files; // sha256 hex (lower case) -> path
    QString m_base;
};

} // namespace Flotilla::Agent
