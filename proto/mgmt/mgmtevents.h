#pragma once

// The Management API's event stream (GET /rest/v1/events, a WebSocket; Flotilla's, hawkBit has none): every
// message is {"seq": n, "type": "...", "data": {...}}, and each type's data is one of the values below. The server
// publishes them, client/ reads the envelope, the console's models read the data, all through these types.
#include "proto/mgmt/mgmtmessages.h"

namespace Flotilla::Mgmt {

// The message types.
namespace EventType {
inline constexpr QLatin1StringView Hello("hello"); // first message without ?since=: where the stream stands
inline constexpr QLatin1StringView Resync("resync"); // ?since= is too old: reload everything
inline constexpr QLatin1StringView TargetCreated("target.created");
inline constexpr QLatin1StringView TargetUpdated("target.updated");
inline constexpr QLatin1StringView TargetDeleted("target.deleted");
inline constexpr QLatin1StringView TargetPolled("target.polled");
inline constexpr QLatin1StringView ActionCreated("action.created");
inline constexpr QLatin1StringView ActionChanged("action.changed");
inline constexpr QLatin1StringView RolloutCreated("rollout.created");
inline constexpr QLatin1StringView RolloutChanged("rollout.changed");
inline constexpr QLatin1StringView RolloutGroupChanged("rolloutgroup.changed");
inline constexpr QLatin1StringView ArtifactUploaded("artifact.uploaded");
inline constexpr QLatin1StringView RepositoryChanged("repository.changed");
} // namespace EventType

// The envelope.
struct EventMessage
{
    quint64 seq = 0;
    QString type;
    QJsonObject data;

    QJsonObject toJson() const;
    static std::optional<EventMessage> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const EventMessage &) const = default;
};

// target.created, target.updated.
struct TargetChangedEvent
{
    qint64 id = 0;
    QString controllerId;
    QString updateStatus;

    QJsonObject toJson() const;
    static std::optional<TargetChangedEvent> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const TargetChangedEvent &) const = default;
};

// target.polled (at most one a second per target).
struct TargetPolledEvent
{
    qint64 id = 0;
    QString controllerId;
    qint64 at = 0; // ms since the epoch

    QJsonObject toJson() const;
    static std::optional<TargetPolledEvent> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const TargetPolledEvent &) const = default;
};

// target.deleted, artifact.uploaded, repository.changed: what changed, by id.
struct EntityEvent
{
    qint64 id = 0;

    QJsonObject toJson() const;
    static std::optional<EntityEvent> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const EntityEvent &) const = default;
};

// action.created, action.changed.
struct ActionChangedEvent
{
    qint64 id = 0;
    qint64 targetId = 0;
    QString status; // the action's state, lower case
    qint64 rolloutId = 0; // 0: not a rollout's
    qint64 rolloutGroupId = 0;

    QJsonObject toJson() const;
    static std::optional<ActionChangedEvent> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const ActionChangedEvent &) const = default;
};

// rollout.created, rollout.changed.
struct RolloutChangedEvent
{
    qint64 id = 0;
    QString name;
    QString status;

    QJsonObject toJson() const;
    static std::optional<RolloutChangedEvent> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const RolloutChangedEvent &) const = default;
};

// rolloutgroup.changed: the group's actions by outcome (running counts the scheduled ones too).
struct RolloutGroupChangedEvent
{
    qint64 id = 0;
    int total = 0;
    int finished = 0;
    int error = 0;
    int running = 0;

    QJsonObject toJson() const;
    static std::optional<RolloutGroupChangedEvent> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const RolloutGroupChangedEvent &) const = default;
};

// resync.
struct ResyncEvent
{
    QString reason;

    QJsonObject toJson() const;
    static std::optional<ResyncEvent> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const ResyncEvent &) const = default;
};

} // namespace Flotilla::Mgmt
