#pragma once

#include "engine/actionstatemachine.h"
#include "engine/clock.h"
#include "engine/presentation.h"
#include "engine/store.h"

namespace Flotilla {

struct AssignmentRequest
{
    ActionType type = ActionType::Forced;
    QDateTime forceTime;
    int weight = DefaultWeight;
    bool confirmationRequired = false;
    std::optional<MaintenanceSchedule> maintenanceWindow;
    QString initiator;
    // Rollouts create their actions SCHEDULED and start them group by group (activateScheduled).
    bool scheduled = false;
    qint64 rolloutId = 0;
    qint64 rolloutGroupId = 0;
};

struct AssignmentResult
{
    enum class Error : quint8 {
        None,
        UnknownDistributionSet,
        IncompleteDistributionSet, // a mandatory module type is missing
        InvalidDistributionSet, // invalidated: never assigned again
        UnknownTarget,
        IncompatibleTargetType, // the target's type does not take the set's type
        InvalidWeight,
        NoWindowLeft,
        Quota,
        Store
    };
    Error error = Error::None;
    QString message;
    int assigned = 0;
    int alreadyAssigned = 0; // targets that already run or have this set: reported, not repeated
    int total = 0;
    QList<qint64> actionIds;
};

struct FeedbackResult
{
    enum class Outcome : quint8 {
        Applied,
        Duplicate, // the same feedback again: nothing changed
        UnknownAction, // no such action for this target (DDI: 404)
        Closed, // the action is closed (DDI: 410)
        NotApplicable, // not an event for the action's state (DDI: 404/405)
        Quota, // too many status entries or messages (DDI: 429)
        Store, // the store failed; nothing changed
    };
    Outcome outcome = Outcome::Applied;
    QString message;
    ActionOutcome transition;
    std::optional<TargetState> targetState; // when the target changed state
    qint64 rolloutId = 0; // the action's rollout, if any: its group thresholds may have moved
    qint64 rolloutGroupId = 0;
};

// The rules of the seeds made code: assignment (types, weights, consent, maintenance windows, cancel or
// auto-close of earlier actions, multi-assignment), feedback (action and target state machines, history,
// idempotency, quotas) and what a device is presented. Every change is one store transaction.
class DeploymentService
{
public:
    DeploymentService(const Stores &stores, const Clock &clock);
    // The engine's "now" (the server's clock, which a simulation may run faster).
    const Clock &clock() const { return m_clock; }

    AssignmentResult assign(const QList<qint64> &targetIds, qint64 distributionSetId, const AssignmentRequest &request);

    // Feedback from a device (or a decision of the operator) on one of the target's actions. dedupKey identifies
    // the request (e.g. a hash of its body): the same key twice changes nothing the second time.
    FeedbackResult feedback(qint64 targetId, qint64 actionId, ActionEvent event, const QStringList &messages,
                            std::optional<int> code = std::nullopt, const QString &dedupKey = {});
    // The same for an action the caller has read with ActionStore::actionWithHistorySize() in the transaction this
    // joins (the DDI server checks the action before it applies a device's feedback): it is not read again.
    FeedbackResult feedback(qint64 targetId, const ActionWithHistorySize &read, ActionEvent event,
                            const QStringList &messages, std::optional<int> code = std::nullopt,
                            const QString &dedupKey = {});

    // What activateScheduled() and cancel() refuse, as their Failure's code (a failure of the store itself is
    // coded "flotilla.store").
    static constexpr QLatin1StringView UnknownTarget { "flotilla.deployment.unknownTarget" };
    static constexpr QLatin1StringView NotApplicable { "flotilla.deployment.notApplicable" }; // not in its state

    // Starts a SCHEDULED action as a direct assignment would (earlier actions canceled unless multi-assignment,
    // consent, target PENDING). Joins the caller's transaction.
    Result<void> activateScheduled(const Action &action);
    // Cancels an open action (operator or rollout stop): CANCELING, or CANCELED when the device never had it.
    Result<void> cancel(const Action &action, const QString &message);

    enum class AutoConfirmOutcome : quint8 { Activated, AlreadyActive, Deactivated, UnknownTarget };
    // Auto-confirm (Bosch IoT Rollouts' user consent flow): activating it confirms the actions waiting for the device's
    // consent now and every later one, recording initiator and remark. Activating it twice is refused (DDI: 409).
    Result<AutoConfirmOutcome> activateAutoConfirm(qint64 targetId, const QString &initiator, const QString &remark);
    Result<AutoConfirmOutcome> deactivateAutoConfirm(qint64 targetId);

    enum class DeclareInstalledOutcome : quint8 { Created, AlreadyInstalled, UnknownTarget };
    // The device declares a set it installed on its own (DDI PUT installedBase): a closed FINISHED action records
    // it, and the target's installed set becomes that set.
    Result<DeclareInstalledOutcome> declareInstalled(qint64 targetId, qint64 distributionSetId, const QString &message);

    struct PollAnswer
    {
        Presentation presentation;
        qint64 sleepSeconds = 0; // tuned into the presented action's maintenance window
    };
    // What the device sees on its next poll, and how long it should sleep; cancels actions whose maintenance
    // schedule has no window left. A failed read is the store's Failure, never "nothing to do".
    Result<PollAnswer> poll(qint64 targetId);
    // The same for open actions the caller has just read (ActionStore::deviceTargetAndOpenActions).
    Result<PollAnswer> poll(qint64 targetId, QList<Action> open);
    Result<Presentation> presentationFor(qint64 targetId)
    {
        Result<PollAnswer> answer = poll(targetId);
        if (!answer)
            return answer.error();
        return answer->presentation;
    }

private:
    Result<void> closeEarlierActions(const Target &target, const TenantConfiguration &config,
                                     qint64 exceptActionId = 0);
    // Closes an action whose maintenance schedule has no window left (on a poll); false when it was not open.
    Result<bool> closeWithoutWindow(const Action &action, qint64 targetId, const QDateTime &now);
    // Moves the target after one of its actions closed; its new state.
    Result<TargetState> applyTargetOutcome(Target target, const Action &action, ActionState to);

    StoreSession &m_session;
    ConfigurationStore &m_configuration;
    TargetStore &m_targets;
    ActionStore &m_actions;
    RepositoryStore &m_repository;
    const Clock &m_clock;
};

} // namespace Flotilla
