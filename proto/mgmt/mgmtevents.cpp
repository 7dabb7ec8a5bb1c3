#include "proto/mgmt/mgmtevents.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using Detail::done;
using Detail::Reader;

QJsonObject EventMessage::toJson() const
{
    return { { "seq"_L1, double(seq) }, { "type"_L1, type }, { "data"_L1, data } };
}

std::optional<EventMessage> EventMessage::fromJson(const QJsonObject &o, DecodeError *error)
{
    EventMessage m;
    Reader r(o, {}, error);
    qint64 seq = -1;
    r.read("seq"_L1, &seq);
    r.read("type"_L1, &m.type);
    if (r.ok() && (seq < 0 || m.type.isEmpty()))
        r.fail(seq < 0 ? "seq"_L1 : "type"_L1, seq < 0 ? "a sequence number >= 0" : "a non-empty string");
    m.seq = quint64(std::max<qint64>(seq, 0));
    if (const auto data = r.value("data"_L1)) {
        if (!data->isObject())
            r.fail("data"_L1, "an object");
        else
            m.data = data->toObject();
    }
    return done(r, std::move(m));
}

QJsonObject TargetChangedEvent::toJson() const
{
    return { { "id"_L1, double(id) }, { "controllerId"_L1, controllerId }, { "updateStatus"_L1, updateStatus } };
}

std::optional<TargetChangedEvent> TargetChangedEvent::fromJson(const QJsonObject &o, DecodeError *error)
{
    TargetChangedEvent e;
    Reader r(o, {}, error);
    r.read("id"_L1, &e.id);
    r.read("controllerId"_L1, &e.controllerId);
    r.read("updateStatus"_L1, &e.updateStatus);
    return done(r, std::move(e));
}

QJsonObject TargetPolledEvent::toJson() const
{
    return { { "id"_L1, double(id) }, { "controllerId"_L1, controllerId }, { "at"_L1, double(at) } };
}

std::optional<TargetPolledEvent> TargetPolledEvent::fromJson(const QJsonObject &o, DecodeError *error)
{
    TargetPolledEvent e;
    Reader r(o, {}, error);
    r.read("id"_L1, &e.id);
    r.read("controllerId"_L1, &e.controllerId);
    r.read("at"_L1, &e.at);
    return done(r, std::move(e));
}

QJsonObject EntityEvent::toJson() const
{
    return { { "id"_L1, double(id) } };
}

std::optional<EntityEvent> EntityEvent::fromJson(const QJsonObject &o, DecodeError *error)
{
    EntityEvent e;
    Reader r(o, {}, error);
    r.read("id"_L1, &e.id);
    return done(r, std::move(e));
}

QJsonObject ActionChangedEvent::toJson() const
{
    return { { "id"_L1, double(id) },
             { "targetId"_L1, double(targetId) },
             { "status"_L1, status },
             { "rolloutId"_L1, double(rolloutId) },
             { "rolloutGroupId"_L1, double(rolloutGroupId) } };
}

std::optional<ActionChangedEvent> ActionChangedEvent::fromJson(const QJsonObject &o, DecodeError *error)
{
    ActionChangedEvent e;
    Reader r(o, {}, error);
    r.read("id"_L1, &e.id);
    r.read("targetId"_L1, &e.targetId);
    r.read("status"_L1, &e.status);
    r.read("rolloutId"_L1, &e.rolloutId);
    r.read("rolloutGroupId"_L1, &e.rolloutGroupId);
    return done(r, std::move(e));
}

QJsonObject RolloutChangedEvent::toJson() const
{
    return { { "id"_L1, double(id) }, { "name"_L1, name }, { "status"_L1, status } };
}

std::optional<RolloutChangedEvent> RolloutChangedEvent::fromJson(const QJsonObject &o, DecodeError *error)
{
    RolloutChangedEvent e;
    Reader r(o, {}, error);
    r.read("id"_L1, &e.id);
    r.read("name"_L1, &e.name);
    r.read("status"_L1, &e.status);
    return done(r, std::move(e));
}

QJsonObject RolloutGroupChangedEvent::toJson() const
{
    return { { "id"_L1, double(id) },
             { "total"_L1, total },
             { "finished"_L1, finished },
             { "error"_L1, error },
             { "running"_L1, running } };
}

std::optional<RolloutGroupChangedEvent> RolloutGroupChangedEvent::fromJson(const QJsonObject &o, DecodeError *error)
{
    RolloutGroupChangedEvent e;
    Reader r(o, {}, error);
    r.read("id"_L1, &e.id);
    r.read("total"_L1, &e.total);
    r.read("finished"_L1, &e.finished);
    r.read("error"_L1, &e.error);
    r.read("running"_L1, &e.running);
    return done(r, std::move(e));
}

QJsonObject ResyncEvent::toJson() const
{
    return { { "reason"_L1, reason } };
}

std::optional<ResyncEvent> ResyncEvent::fromJson(const QJsonObject &o, DecodeError *error)
{
    ResyncEvent e;
    Reader r(o, {}, error);
    r.read("reason"_L1, &e.reason);
    return done(r, std::move(e));
}

} // namespace Flotilla::Mgmt
