#pragma once

// What the agent knows of an Update Manager, in Qt types: the UMService messages (updatemanager.v2,
// AosCore's updatemanager/v2/updatemanager.proto) decoded once at the gRPC edge (UmService), so that the hub, the
// per-UM state machines and the coordinator never see protobuf classes.
#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Flotilla::Agent {

// updatemanager.v2.UpdateState (same values).
enum class UmState : quint8 { Idle = 0, Prepared = 1, Updated = 2, Failed = 3 };
QString nameOf(UmState state);

// updatemanager.v2.ComponentState (same values).
enum class UmComponentState : quint8 { Installed = 0, Installing = 1, Error = 2 };

// common.v1.ErrorInfo.
struct UmError
{
    int aosCode = 0;
    int exitCode = 0;
    QString message;

    bool isEmpty() const { return aosCode == 0 && exitCode == 0 && message.isEmpty(); }
    // "message (aos_code 1, exit_code 3)", for logs and feedback.
    QString toString() const;
};

struct UmComponentStatus
{
    QString componentId;
    QString componentType;
    QString version;
    UmComponentState state = UmComponentState::Installed;
    UmError error;
};

struct UmStatus
{
    QString nodeId;
    quint32 priority = 0;
    UmState state = UmState::Idle;
    QList<UmComponentStatus> components; // during an update a component may appear twice (installed + target)
    UmError error;

    // The version of `componentId` that is installed (the entry in state INSTALLED), or an empty string.
    QString installedVersion(const QString &componentId) const;
    bool reports(const QString &componentId) const;
};

// updatemanager.v2.PrepareComponentInfo.
struct UmPrepareComponent
{
    QString componentId;
    QString componentType;
    QString version;
    QString annotations;
    QString url;
    QByteArray sha256; // raw 32 bytes
    quint64 size = 0;
};

// updatemanager.v2.CMMessages: one command.
struct UmCommand
{
    enum class Kind : quint8 { PrepareUpdate, StartUpdate, ApplyUpdate, RevertUpdate };
    Kind kind = Kind::PrepareUpdate;
    QList<UmPrepareComponent> components; // PrepareUpdate only
};
QString nameOf(UmCommand::Kind kind);

} // namespace Flotilla::Agent

Q_DECLARE_METATYPE(Flotilla::Agent::UmStatus)
Q_DECLARE_METATYPE(Flotilla::Agent::UmCommand)
