#pragma once

// The agent's side of AosCore's Update Manager protocol: the UMService server that
// firmware Update Managers register with, one UmHandler (per-UM state machine) per node id, and the rules for who may
// register (AosCore's updatemanager/v2/updatemanager.proto):
// - a stream's first message must be an UpdateStatus naming its node_id, else the stream ends with
//   INVALID_ARGUMENT; a later status naming another node ends it the same way;
// - with updateManagers/expected set, an unknown node id ends with PERMISSION_DENIED;
// - a new stream for a node replaces the old one (ABORTED);
// nothing one stream does affects another. Everything here runs on the agent's thread.
#include "agent/agentconfig.h"
#include "agent/um/umhandler.h"

#include <QHash>
#include <QObject>

#include <map>
#include <memory>

namespace Flotilla::Agent {

class ImageServer;
class UmService;

class UpdateManagerHub : public QObject
{
    Q_OBJECT
public:
    explicit UpdateManagerHub(const AgentConfig &config, QObject *parent = nullptr);
    ~UpdateManagerHub() override;

    // Starts the UMService server on updateManagers/listen; false with *error when it cannot.
    bool listen(QString *error);
    int port() const;

    // Where a UM finds a verified image: a file:// URL, or (updateManagers/imageUrls = http) the agent's
    // loopback image server's URL for it.
    QString imageUrl(const QString &path, const QString &sha256Hex);

    // Every UM that registered since the agent started (connected or not), by node id.
    QList<UmHandler *> handlers() const;
    UmHandler *handler(const QString &nodeId) const;
    // updateManagers/expected that are not connected now.
    QStringList missingExpected() const;

Q_SIGNALS:
    // A UM registered, changed state or status, or went away.
    void changed();

private:
    void statusArrived(quint64 stream, const UmStatus &status, const QString &peer);
    void streamClosed(quint64 stream);

    const AgentConfig &m_config;
    std::map<QString, std::unique_ptr<UmHandler>> m_handlers;
    QHash<quint64, QString> m_streamNode; // registered streams
    QHash<QString, quint64> m_nodeStream; // the current stream of each node
    std::unique_ptr<ImageServer> m_images;
    std::unique_ptr<UmService> m_service; // last: destroyed first, while the hub still takes its callbacks
};

} // namespace Flotilla::Agent
