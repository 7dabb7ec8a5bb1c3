#include "app/console/serverconnection.h"

namespace Flotilla {

ServerConnection::ServerConnection(QObject *parent)
    : QObject(parent)
{
    connect(&m_events, &EventClient::event, this, &ServerConnection::event);
    connect(&m_events, &EventClient::resyncNeeded, this, &ServerConnection::resyncNeeded);
}

ServerConnection::~ServerConnection() = default;

void ServerConnection::connectTo(const ServerLogin &login, const QList<QSslCertificate> &trusted)
{
    m_api.setLogin(login);
    for (const QSslCertificate &c : trusted)
        m_api.trustCertificate(c);
    m_events.open(m_api.eventsUrl(), login.authorization(), m_api.trustedCertificates());
    Q_EMIT serverChanged();
}

void ServerConnection::disconnectFromServer()
{
    m_events.close();
    m_api.setLogin({});
    Q_EMIT serverChanged();
}

} // namespace Flotilla
