#pragma once

#include "engine/result.h"
#include "engine/target.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>

#include <optional>

namespace Flotilla {

// Targets (devices), what they report about themselves and when they last polled.
class TargetStore
{
public:
    virtual ~TargetStore() = default;

    virtual Result<qint64> insertTarget(const Target &target) = 0; // the new id
    virtual Lookup<Target> target(qint64 id) = 0;
    virtual Lookup<Target> targetByControllerId(const QString &controllerId) = 0;
    virtual Result<void> updateTarget(const Target &target) = 0;
    // The target behind a device request (see DeviceTarget), or nullopt when no target has this controllerId.
    virtual Lookup<DeviceTarget> deviceTarget(const QString &controllerId) = 0;
    // The ids of the targets an RSQL filter (engine/rsql.h) matches, oldest first. A filter that is not valid is a
    // Failure coded "flotilla.rsql" saying where and why (also the session's lastError()).
    virtual Result<QList<qint64>> targetIdsMatching(const QString &rsqlFilter) = 0;
    // Last poll time and address of many targets at once (the DDI server batches them, as hawkBit does).
    struct PollRecord
    {
        qint64 targetId = 0;
        QDateTime at;
        QString address;
    };
    virtual Result<void> recordPolls(const QList<PollRecord> &polls) = 0;
    // One poll written at once, with the target state it leads to (a first poll, a new state or a new address).
    // Writes only these columns: a concurrent change to the target's other fields is kept.
    virtual Result<void> recordPoll(const PollRecord &poll, TargetState state) = 0;
    virtual Result<QMap<QString, QString>> targetAttributes(qint64 targetId) = 0;
    virtual Result<void> setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes) = 0;

    // Many at once (see ActionStore::openActionsOfTargets): the defaults call target() and updateTarget() one by one.
    // The targets that exist, by id.
    virtual Result<QHash<qint64, Target>> targetsById(const QList<qint64> &ids);
    // Fails, changing none, when one does not exist (deleted meanwhile), as updateTarget() does for one.
    virtual Result<void> updateTargets(const QList<Target> &targets);
};

} // namespace Flotilla
