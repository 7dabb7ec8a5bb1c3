#pragma once

#include "client/apiclient.h"
#include "client/eventclient.h"

#include <QObject>

namespace Flotilla {

// The console's one link to a server (its embedded one over loopback, or a remote flotillad): the Management
// API client and the event stream, opened and closed together. Pages and models share it.
class ServerConnection : public QObject
{
    Q_OBJECT
public:
    explicit ServerConnection(QObject *parent = nullptr);
    ~ServerConnection() override;

    void connectTo(const ServerLogin &login, const QList<QSslCertificate> &trusted = {});
    void disconnectFromServer();
    bool isOpen() const { return m_api.isConfigured(); }
    QUrl url() const { return m_api.login().url; }

    ApiClient &api() { return m_api; }
    EventClient &events() { return m_events; }

Q_SIGNALS:
    // A new server (or the same one again): everything shown must be loaded afresh.
    void serverChanged();
    void event(const QString &type, const QJsonObject &data);
    // Events were lost while the stream was down beyond what the server keeps: reload.
    void resyncNeeded();

private:
    ApiClient m_api;
    EventClient m_events;
};

} // namespace Flotilla
