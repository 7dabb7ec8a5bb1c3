#pragma once

#include "engine/rollout.h"

#include <QDateTime>
#include <QObject>

namespace Flotilla {

// What a rollout will do next, as an operator asks it of a rollout in flight: start the next group when the
// running one reaches its success threshold, wait for approval, stay paused because a group exceeded its error
// threshold, and so on. Derived from the rollout, its groups and their counts the same way RolloutService decides
// (successReached, errorExceeded), so what the overview promises is what the engine will do.
struct RolloutNextStep
{
    Q_GADGET
public:
    enum class Kind : quint8 {
        None, // finished, stopped or denied: nothing more will happen
        Creating, // the groups are being filled
        WaitForApproval,
        WaitForStart, // ready: started by the operator, or at startAt
        StartGroup, // `group` starts when `after` reaches `threshold` % finished (now `progress` %)
        PausedOnError, // `group` exceeded its error threshold; the operator resumes (or stops)
        PausedOnSuccess, // `after` reached its threshold and asks for a pause before `group`
        Paused, // paused by the operator
        FinishGroups, // no group left to start: the rollout finishes when the running ones close
        WaitForTargets, // a dynamic rollout whose groups are done: it waits for new matching targets
        Stopping,
    };
    Q_ENUM(Kind)

    Kind kind = Kind::None;
    QString group; // the group it is about (the next one, the failed one, the running one)
    QString after; // StartGroup / PausedOnSuccess: the group whose success threshold decides
    int threshold = 0; // percent: the success threshold of `after`, or the error threshold of `group`
    int progress = 0; // percent: finished share of `after`, or error share of `group`
    QDateTime at; // WaitForStart: when it starts by itself (invalid: on request)

    // "startGroup", "pausedOnError", ...: the name the Management API shows.
    static QString nameOf(Kind kind);
    // groups by position, counts by the same index.
    static RolloutNextStep of(const Rollout &rollout, const QList<RolloutGroup> &groups,
                              const QList<GroupCounts> &counts);
};

} // namespace Flotilla
