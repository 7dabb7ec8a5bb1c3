#include "app/um/agentconnection.h"

#include <QGrpcHttp2Channel>
#include <QGrpcStatus>
#include <QLoggingCategory>

using namespace updatemanager::v2;

namespace Flotilla::Um {

namespace {
Q_LOGGING_CATEGORY(lcConnection, "flotilla.um", QtInfoMsg)
}

AgentConnection::AgentConnection(QUrl agent, QGrpcChannelOptions options, ReferenceUpdateManager *manager,
                                 int reconnectSeconds, QObject *parent)
    : QObject(parent)
    , m_agent(std::move(agent))
    , m_options(std::move(options))
    , m_manager(manager)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(reconnectSeconds));
    connect(&m_retry, &QTimer::timeout, this, &AgentConnection::open);
    connect(m_manager, &ReferenceUpdateManager::statusChanged, this, &AgentConnection::sendStatus);
}

AgentConnection::~AgentConnection()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
    }
}

void AgentConnection::start()
{
    open();
}

void AgentConnection::open()
{
    if (m_manager->isRebooting())
        return; // going down: the status after the reboot is the one that counts
    // A fresh channel each time: the agent may have restarted on another process.
    m_client.attachChannel(std::make_shared<QGrpcHttp2Channel>(m_agent, m_options));
    m_stream = m_client.RegisterUM(m_manager->status());
    QGrpcBidiStream *stream = m_stream.get();
    connect(stream, &QGrpcBidiStream::messageReceived, this, &AgentConnection::received);
    connect(stream, &QGrpcBidiStream::finished, this, [this, stream](const QGrpcStatus &status) {
        if (stream == m_stream.get())
            ended(status);
    });
}

void AgentConnection::received()
{
    const std::optional<CMMessages> command = m_stream->read<CMMessages>();
    if (!command) {
        qCWarning(lcConnection, "a message from the agent cannot be read; ignored");
        return;
    }
    if (!m_wasConnected) {
        m_wasConnected = true;
        m_reportedAway = false;
    }
    m_manager->handle(*command);
}

void AgentConnection::ended(const QGrpcStatus &status)
{
    if (status.code() == QtGrpc::StatusCode::Ok)
        qCInfo(lcConnection, "the agent closed the stream");
    else if (!m_reportedAway || m_wasConnected)
        qCWarning(lcConnection, "the agent at %s is not reachable or ended the stream (%s: %s); retrying every %lld s",
                  qUtf8Printable(m_agent.toDisplayString()),
                  QMetaEnum::fromType<QtGrpc::StatusCode>().valueToKey(int(status.code())),
                  qUtf8Printable(status.message()), qlonglong(m_retry.intervalAsDuration().count() / 1000));
    m_reportedAway = true;
    m_wasConnected = false;
    m_stream.release()->deleteLater();
    m_retry.start();
}

void AgentConnection::sendStatus()
{
    if (m_stream && !m_manager->isRebooting())
        m_stream->writeMessage(m_manager->status());
}

} // namespace Flotilla::Um
