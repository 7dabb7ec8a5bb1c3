#pragma once

// flotilla-um's link to the agent: UMService.RegisterUM over QtGrpc. Opens the stream with the full status,
// sends it again on every change, hands each command to the Update Manager, and while the agent is away
// tries again every few seconds (as the Aos UM does).
#include "app/um/referenceupdatemanager.h"
#include "updatemanager_client.grpc.qpb.h"

#include <QGrpcChannelOptions>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

class QGrpcBidiStream;
class QGrpcStatus;

namespace Flotilla::Um {

class AgentConnection : public QObject
{
    Q_OBJECT
public:
    AgentConnection(QUrl agent, QGrpcChannelOptions options, ReferenceUpdateManager *manager, int reconnectSeconds,
                    QObject *parent = nullptr);
    ~AgentConnection() override;

    void start();

private:
    void open();
    void received();
    void ended(const QGrpcStatus &status);
    void sendStatus();

    QUrl m_agent;
    QGrpcChannelOptions m_options;
    ReferenceUpdateManager *m_manager;
    updatemanager::v2::UMService::Client m_client;
    std::unique_ptr<QGrpcBidiStream> m_stream;
    QTimer m_retry;
    bool m_wasConnected = false;
    bool m_reportedAway = false;
};

} // namespace Flotilla::Um
