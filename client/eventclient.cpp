#include "client/eventclient.h"
#include "client/clientlogging.h"
#include "proto/mgmt/mgmtevents.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
constexpr int FirstDelayMs = 1000;
constexpr int MaxDelayMs = 30000;
} // namespace

EventClient::EventClient(QObject *parent)
    : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventClient::connectSocket);
}

EventClient::~EventClient()
{
    close();
}

void EventClient::open(const QUrl &url, const QByteArray &authorization, const QList<QSslCertificate> &trusted)
{
    close();
    m_url = url;
    m_authorization = authorization;
    m_trusted = trusted;
    m_haveSequence = false;
    m_wasConnected = false;
    m_lastSequence = 0;
    m_delayMs = FirstDelayMs;
    setState(State::Connecting);
    connectSocket();
}

void EventClient::close()
{
    m_retry.stop();
    if (m_socket) {
        QWebSocket *s = std::exchange(m_socket, nullptr);
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
    setState(State::Disconnected);
}

void EventClient::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void EventClient::connectSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_delayMs = FirstDelayMs;
        m_wasConnected = true;
        m_lastError.clear();
        setState(State::Connected);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EventClient::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &EventClient::onDisconnected);
    connect(m_socket, &QWebSocket::errorOccurred, this, [this] {
        if (m_socket)
            m_lastError = m_socket->errorString();
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &e : errors) {
            if (!m_trusted.contains(e.certificate())) {
                m_lastError = e.errorString();
                return;
            }
        }
        m_socket->ignoreSslErrors(errors);
    });

    QUrl url = m_url;
    if (m_haveSequence) {
        QUrlQuery q(url);
        q.removeAllQueryItems(u"since"_s);
        q.addQueryItem(u"since"_s, QString::number(m_lastSequence));
        url.setQuery(q);
    }
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_authorization);
    qCDebug(lcEvents) << "connecting to" << url;
    m_socket->open(request);
}

void EventClient::onMessage(const QString &text)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        qCWarning(lcEvents) << "ignoring an event that is not JSON:" << error.errorString();
        return;
    }
    Mgmt::DecodeError why;
    const std::optional<Mgmt::EventMessage> message = Mgmt::EventMessage::fromJson(doc.object(), &why);
    if (!message) {
        qCWarning(lcEvents).noquote() << "ignoring an event that is not one:" << why.message;
        return;
    }
    const QString &type = message->type;
    const quint64 seq = message->seq;
    if (type == Mgmt::EventType::Hello) { // where the stream stands now
        m_lastSequence = seq;
        m_haveSequence = true;
        return;
    }
    if (type == Mgmt::EventType::Resync) {
        m_lastSequence = seq;
        m_haveSequence = true;
        Q_EMIT resyncNeeded();
        return;
    }
    if (m_haveSequence && seq <= m_lastSequence)
        return; // already seen (a replay overlapping what arrived before the drop)
    m_lastSequence = seq;
    m_haveSequence = true;
    Q_EMIT event(type, message->data);
}

void EventClient::onDisconnected()
{
    if (!m_socket)
        return;
    qCInfo(lcEvents).noquote() << "event stream closed:"
                               << (m_lastError.isEmpty() ? m_socket->errorString() : m_lastError) << "- retrying in"
                               << m_delayMs << "ms";
    // Without a sequence (dropped before the server's hello) there is nothing to replay from: reload.
    if (m_wasConnected && !m_haveSequence)
        Q_EMIT resyncNeeded();
    setState(State::Reconnecting);
    m_retry.start(m_delayMs);
    m_delayMs = std::min(m_delayMs * 2, MaxDelayMs);
}

} // namespace Flotilla
