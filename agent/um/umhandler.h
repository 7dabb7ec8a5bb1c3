#pragma once

// One Update Manager as the agent sees it: the per-UM state machine of AosCore's communication manager
// (AosCore's updatemanager/v2/updatemanager.proto and umhandler.go) on QStateMachine.
//
//   Idle --PrepareUpdate--> WaitForPrepareResp (sends PrepareUpdate)
//   WaitForPrepareResp --PREPARED--> WaitForStartUpdate
//   WaitForStartUpdate --StartUpdate--> WaitForUpdateStatus (sends StartUpdate)
//   WaitForUpdateStatus --UPDATED--> WaitForApply
//   WaitForApply --StartApply--> WaitForApplyStatus (sends ApplyUpdate)
//   WaitForApplyStatus, WaitForRevertStatus --IDLE--> Idle
//   WaitForPrepareResp, WaitForUpdateStatus --FAILED--> WaitForRevert
//   WaitForRevert, WaitForStartUpdate, WaitForApply --StartRevert--> WaitForRevertStatus (sends RevertUpdate)
//
// Flotilla's additions, around the table:
//   Disconnected --registers IDLE|PREPARED|UPDATED|FAILED--> Idle|WaitForStartUpdate|WaitForApply|WaitForRevert
//     (the state on (re)connect comes from the UM's first status, so an interrupted update resumes)
//   any connected state --stream lost--> Disconnected
//   WaitForPrepareResp, WaitForUpdateStatus --Timeout--> WaitForRevert (a UM that never answers is reverted)
// A status that fits no transition is dropped and logged, as the Aos CM does ("Can't make transition").
#include "agent/um/updatemanagertypes.h"

#include <QObject>

class QStateMachine;
class QState;

namespace Flotilla::Agent {

class UmHandler : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8 {
        Disconnected,
        Idle,
        WaitForPrepareResp,
        WaitForStartUpdate,
        WaitForUpdateStatus,
        WaitForApply,
        WaitForApplyStatus,
        WaitForRevert,
        WaitForRevertStatus,
    };
    Q_ENUM(State)
    static QString nameOf(State state);

    explicit UmHandler(QString nodeId, QObject *parent = nullptr);
    ~UmHandler() override;

    QString nodeId() const { return m_nodeId; }
    State state() const { return m_state; }
    bool isConnected() const { return m_state != State::Disconnected; }
    // The last full status the UM sent (kept while it is away).
    const UmStatus &status() const { return m_status; }

    // The stream: a UM registered (its first status) or sent another status, or its stream ended.
    void connected(const UmStatus &first);
    void statusReceived(const UmStatus &status);
    void disconnected();

    // The coordinator's triggers; each returns whether the machine took it (false: not in this state).
    bool prepareUpdate(const QList<UmPrepareComponent> &components);
    bool startUpdate();
    bool startApply();
    bool startRevert();
    bool timeout();

Q_SIGNALS:
    void stateChanged(Flotilla::Agent::UmHandler::State state);
    // A command for the UM's stream.
    void command(const Flotilla::Agent::UmCommand &command);
    // Internal: drives the machine's transitions.
    void trigger(int what);

private:
    enum Trigger : int {
        RegisteredIdle,
        RegisteredPrepared,
        RegisteredUpdated,
        RegisteredFailed,
        Lost,
        StatusIdle,
        StatusPrepared,
        StatusUpdated,
        StatusFailed,
        Prepare,
        Start,
        Apply,
        Revert,
        TimedOut,
    };
    bool fire(Trigger what);
    void entered(State state);

    QString m_nodeId;
    QStateMachine *m_machine = nullptr;
    State m_state = State::Disconnected;
    int m_entries = 0; // state entries so far (a trigger fired when this grows)
    UmStatus m_status;
    QList<UmPrepareComponent> m_components;
};

} // namespace Flotilla::Agent
