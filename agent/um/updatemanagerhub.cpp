#include "agent/um/updatemanagerhub.h"

#include "agent/agentlogging.h"
#include "agent/um/imageserver.h"
#include "agent/um/umservice.h"

#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

UpdateManagerHub::UpdateManagerHub(const AgentConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{ }

UpdateManagerHub::~UpdateManagerHub()
{
    // Shuts the server down first: its last callbacks are posted to a hub that still exists (and are then
    // discarded with it).
    m_service.reset();
}

bool UpdateManagerHub::listen(QString *error)
{
    UmService::Callbacks callbacks;
    // gRPC threads -> this thread.
    callbacks.status = [this](quint64 stream, const UmStatus &status, const QString &peer) {
        QMetaObject::invokeMethod(
            this, [this, stream, status, peer] { statusArrived(stream, status, peer); }, Qt::QueuedConnection);
    };
    callbacks.closed = [this](quint64 stream) {
        QMetaObject::invokeMethod(this, [this, stream] { streamClosed(stream); }, Qt::QueuedConnection);
    };
    if (m_config.umImagesOverHttp) {
        m_images = std::make_unique<ImageServer>();
        if (!m_images->listen(m_config.umImageServer, error)) {
            m_images.reset();
            return false;
        }
    }
    m_service = UmService::create(std::move(callbacks), error);
    if (!m_service)
        return false;
    if (!m_service->start(m_config.umListen, { m_config.umCertificate, m_config.umKey, m_config.umCaFile }, error)) {
        m_service.reset();
        return false;
    }
    return true;
}

int UpdateManagerHub::port() const
{
    return m_service ? m_service->port() : 0;
}

QString UpdateManagerHub::imageUrl(const QString &path, const QString &sha256Hex)
{
    if (m_images)
        return m_images->offer(path, sha256Hex).toString();
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString();
}

QList<UmHandler *> UpdateManagerHub::handlers() const
{
    QList<UmHandler *> all;
    for (const auto &[node, handler] : m_handlers)
        all << handler.get();
    return all;
}

UmHandler *UpdateManagerHub::handler(const QString &nodeId) const
{
    const auto it = m_handlers.find(nodeId);
    return it == m_handlers.end() ? nullptr : it->second.get();
}

QStringList UpdateManagerHub::missingExpected() const
{
    QStringList missing;
    for (const QString &node : m_config.umExpected) {
        const UmHandler *h = handler(node);
        if (!h || !h->isConnected())
            missing << node;
    }
    return missing;
}

void UpdateManagerHub::statusArrived(quint64 stream, const UmStatus &status, const QString &peer)
{
    if (const auto known = m_streamNode.constFind(stream); known != m_streamNode.cend()) {
        if (status.nodeId != *known) {
            qCWarning(lcAgent, "update manager %s (%s) sent a status for node \"%s\"; closing its stream",
                      qUtf8Printable(*known), qUtf8Printable(peer), qUtf8Printable(status.nodeId));
            m_service->close(stream, UmService::Code::InvalidArgument,
                             u"this stream belongs to node \"%1\"; a status for node \"%2\" is not accepted"_s.arg(
                                 *known, status.nodeId));
            return;
        }
        handler(*known)->statusReceived(status);
        return;
    }
    // The first message: it registers the stream.
    if (status.nodeId.isEmpty()) {
        qCWarning(lcAgent, "an update manager at %s registered without a node id; closing its stream",
                  qUtf8Printable(peer));
        m_service->close(stream, UmService::Code::InvalidArgument,
                         u"the first message on RegisterUM must be an UpdateStatus with a node_id"_s);
        return;
    }
    if (!m_config.umExpected.isEmpty() && !m_config.umExpected.contains(status.nodeId)) {
        qCWarning(lcAgent, "update manager \"%s\" at %s is not in updateManagers/expected; refused",
                  qUtf8Printable(status.nodeId), qUtf8Printable(peer));
        m_service->close(stream, UmService::Code::PermissionDenied,
                         u"node \"%1\" is not an expected Update Manager (updateManagers/expected: %2)"_s.arg(
                             status.nodeId, m_config.umExpected.join(u", "_s)));
        return;
    }
    if (const auto old = m_nodeStream.constFind(status.nodeId); old != m_nodeStream.cend()) {
        qCInfo(lcAgent, "update manager %s connected again; the new stream replaces the old one",
               qUtf8Printable(status.nodeId));
        m_streamNode.remove(*old);
        m_service->close(*old, UmService::Code::Aborted, u"replaced by a newer RegisterUM stream of this node"_s);
    }
    m_streamNode.insert(stream, status.nodeId);
    m_nodeStream.insert(status.nodeId, stream);
    auto &slot = m_handlers[status.nodeId];
    if (!slot) {
        slot = std::make_unique<UmHandler>(status.nodeId);
        UmHandler *h = slot.get();
        const QString node = status.nodeId;
        connect(h, &UmHandler::command, this, [this, node](const UmCommand &command) {
            const auto s = m_nodeStream.constFind(node);
            if (s == m_nodeStream.cend()) {
                qCWarning(lcAgent, "update manager %s is not connected; %s not sent", qUtf8Printable(node),
                          qUtf8Printable(nameOf(command.kind)));
                return;
            }
            qCInfo(lcAgent, "update manager %s: sending %s", qUtf8Printable(node),
                   qUtf8Printable(nameOf(command.kind)));
            m_service->send(*s, command);
        });
        connect(h, &UmHandler::stateChanged, this, &UpdateManagerHub::changed);
    }
    qCInfo(lcAgent, "update manager %s registered from %s: %s, priority %u, %lld component(s)",
           qUtf8Printable(status.nodeId), qUtf8Printable(peer), qUtf8Printable(nameOf(status.state)), status.priority,
           qlonglong(status.components.size()));
    slot->connected(status);
}

void UpdateManagerHub::streamClosed(quint64 stream)
{
    const auto it = m_streamNode.find(stream);
    if (it == m_streamNode.end())
        return; // never registered, or replaced
    const QString node = *it;
    m_streamNode.erase(it);
    m_nodeStream.remove(node);
    qCInfo(lcAgent, "update manager %s disconnected", qUtf8Printable(node));
    if (UmHandler *h = handler(node))
        h->disconnected();
}

} // namespace Flotilla::Agent
