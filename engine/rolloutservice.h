#pragma once

#include "engine/deploymentservice.h"
#include "engine/rolloutstatemachine.h"

namespace Flotilla {

struct RolloutRequest
{
    Rollout rollout; // name, description, filter text, set, type, forcetime, weight, consent
    QList<qint64> targets; // the targets in the order groups take them; empty: those rollout.targetFilterQuery matches
    int amountGroups = 0; // groups of equal size, or else:
    QList<double> percentages; // each group's share of the targets still left
    GroupConditions conditions; // for every group, unless:
    QList<GroupConditions> groupConditions; // per group, by position (missing entries use `conditions`)
    // Per group, by position (hawkBit's groups[]): name (empty: group-N), description, a filter that narrows the
    // rollout's for that group (the group's percentage is then of the remaining targets that match it), consent.
    struct GroupDetails
    {
        QString name;
        QString description;
        QString targetFilterQuery;
        std::optional<bool> confirmationRequired;
    };
    QList<GroupDetails> groupDetails;
    bool approvalRequired = false;
};

// Drives rollouts through their state machines against the store: fills groups, creates the actions
// SCHEDULED, starts groups one after another as success thresholds are reached, pauses on an exceeded error
// threshold (or on success with the pause action), resumes, stops. Every step is one transaction.
class RolloutService
{
public:
    RolloutService(const Stores &stores, DeploymentService &deployment, const Clock &clock);

    // What the service refuses, as its Failure's code (a failure of the store itself is coded "flotilla.store",
    // a filter that does not parse "flotilla.rsql").
    static constexpr QLatin1StringView Invalid { "flotilla.rollouts.invalid" }; // the request makes no sense
    static constexpr QLatin1StringView Unknown { "flotilla.rollouts.unknown" }; // no such rollout or set
    static constexpr QLatin1StringView InvalidatedSet { "flotilla.rollouts.invalidatedSet" };
    static constexpr QLatin1StringView Quota { "flotilla.rollouts.quota" };
    static constexpr QLatin1StringView IllegalState { "flotilla.rollouts.illegalState" }; // not in this state

    // Each step is one transaction: done, or the Failure that left the rollout as it was.
    Result<qint64> create(const RolloutRequest &request);
    Result<void> approve(qint64 rolloutId);
    Result<void> deny(qint64 rolloutId);
    Result<void> start(qint64 rolloutId);
    Result<void> pause(qint64 rolloutId);
    Result<void> resume(qint64 rolloutId);
    Result<void> stop(qint64 rolloutId);
    // hawkBit's triggerNextGroup: starts the next scheduled group of a running rollout now, whatever the
    // success condition of the groups before it says.
    Result<void> triggerNextGroup(qint64 rolloutId);
    // Starts the rollout if it is READY and its start time has come; true if it started.
    Result<bool> startIfDue(qint64 rolloutId);

    // A running dynamic rollout takes the targets its filter matches now and no group of it holds yet: they
    // form new groups (of the size of its last group), which start as the groups before them succeed. A
    // dynamic rollout keeps running after its groups finished, until it is stopped.
    Result<void> extendDynamic(qint64 rolloutId);

    // Re-evaluates the running groups' thresholds: after feedback closed one of the rollout's actions.
    Result<void> evaluate(qint64 rolloutId);
    Result<void> handleFeedback(const FeedbackResult &result);

    Result<GroupCounts> counts(qint64 groupId);

private:
    // The rollout; a Failure coded Unknown when there is no such rollout.
    Result<Rollout> existingRollout(qint64 rolloutId);
    template<typename Step> Result<void> inTransaction(qint64 rolloutId, Step step);
    // Inserts the group (setting its id) and its targets.
    Result<void> addGroup(RolloutGroup &group, const QList<qint64> &targets);
    Result<void> transition(Rollout &rollout, RolloutEvent event);
    Result<void> groupTransition(RolloutGroup &group, RolloutGroupEvent event);
    Result<void> startGroup(RolloutGroup &group);
    // Creates the group's actions SCHEDULED and moves it READY -> SCHEDULED.
    Result<void> scheduleGroup(const Rollout &rollout, RolloutGroup &group);
    Result<void> evaluateLocked(Rollout &rollout, bool resuming);

    StoreSession &m_session;
    ConfigurationStore &m_configuration;
    TargetStore &m_targets;
    RepositoryStore &m_repository;
    RolloutStore &m_rollouts;
    DeploymentService &m_deployment;
    const Clock &m_clock;
};

} // namespace Flotilla
