#pragma once

// The agent's local API for the device's own screen (flotilla-kiosk) and local tools:
// flotilla.device.v1.LocalUpdateService (proto/device/v1, modelled on AosCore's UpdateSchedulerService,
// AosCore's communicationmanager/v3/updatescheduler.proto), served by grpc++ on a Unix socket (localApi/socket, mode
// 0660, group localApi/group) or a loopback address (localApi/listen). Only local peers are answered.
// - SubscribeNotifications: the current state first, then every change (coalesced to one per 100 ms);
//   every subscriber gets the same.
// - ListPendingConsents, Confirm, Deny: the first decision wins; the others get "decided already".
// - InstallNow, Postpone.
// A malformed request gets INVALID_ARGUMENT; nothing a client sends can stop the agent.
#include "agent/localapi/localapi.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace Flotilla::Agent {

class DeviceAgent;

class LocalApiServer
    : public QObject
    , public LocalApi
{
    Q_OBJECT
public:
    explicit LocalApiServer(DeviceAgent *agent, QObject *parent = nullptr);
    ~LocalApiServer() override;

    bool listen(QString *error) override;
    QString address() const override;

    // Whether a gRPC peer string names a local client (unix socket or loopback).
    static bool isLocalPeer(const QString &peer);

private:
    void scheduleBroadcast();
    void broadcast();

    struct Private;
    std::unique_ptr<Private> d;
    DeviceAgent *m_agent;
    QTimer m_coalesce;
};

} // namespace Flotilla::Agent
