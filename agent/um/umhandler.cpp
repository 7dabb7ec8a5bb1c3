#include "agent/um/umhandler.h"

#include "agent/agentlogging.h"
#include "agent/workflow/valuetransition.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <QStateMachine>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

QString UmHandler::nameOf(State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(state)));
}

UmHandler::UmHandler(QString nodeId, QObject *parent)
    : QObject(parent)
    , m_nodeId(std::move(nodeId))
{
    m_status.nodeId = m_nodeId;
    m_machine = new QStateMachine(this);
    // Disconnected and Connected at the top; the table's states inside Connected, so "stream lost" leaves any.
    auto *disconnectedState = new QState(m_machine);
    auto *connectedState = new QState(m_machine);
    QMap<State, QState *> s;
    s.insert(State::Disconnected, disconnectedState);
    for (int v = int(State::Idle); v <= int(State::WaitForRevertStatus); ++v)
        s.insert(State(v), new QState(connectedState));
    connectedState->setInitialState(s.value(State::Idle));
    for (auto it = s.cbegin(); it != s.cend(); ++it) {
        const State state = it.key();
        connect(it.value(), &QState::entered, this, [this, state] { entered(state); });
    }
    const auto add = [this](QState *from, int what, QState *to) {
        auto *t = new ValueTransition(this, &UmHandler::trigger, what);
        t->setTargetState(to);
        from->addTransition(t);
    };
    using S = State;
    add(disconnectedState, RegisteredIdle, s.value(S::Idle));
    add(disconnectedState, RegisteredPrepared, s.value(S::WaitForStartUpdate));
    add(disconnectedState, RegisteredUpdated, s.value(S::WaitForApply));
    add(disconnectedState, RegisteredFailed, s.value(S::WaitForRevert));
    add(connectedState, Lost, disconnectedState);
    // AosCore's umhandler.go, row by row.
    add(s.value(S::Idle), Prepare, s.value(S::WaitForPrepareResp));
    add(s.value(S::WaitForPrepareResp), StatusPrepared, s.value(S::WaitForStartUpdate));
    add(s.value(S::WaitForStartUpdate), Start, s.value(S::WaitForUpdateStatus));
    add(s.value(S::WaitForUpdateStatus), StatusUpdated, s.value(S::WaitForApply));
    add(s.value(S::WaitForApply), Apply, s.value(S::WaitForApplyStatus));
    add(s.value(S::WaitForApplyStatus), StatusIdle, s.value(S::Idle));
    add(s.value(S::WaitForRevertStatus), StatusIdle, s.value(S::Idle));
    add(s.value(S::WaitForPrepareResp), StatusFailed, s.value(S::WaitForRevert));
    add(s.value(S::WaitForUpdateStatus), StatusFailed, s.value(S::WaitForRevert));
    add(s.value(S::WaitForRevert), Revert, s.value(S::WaitForRevertStatus));
    add(s.value(S::WaitForStartUpdate), Revert, s.value(S::WaitForRevertStatus));
    add(s.value(S::WaitForApply), Revert, s.value(S::WaitForRevertStatus));
    // Flotilla: a UM that does not answer in time is reverted.
    add(s.value(S::WaitForPrepareResp), TimedOut, s.value(S::WaitForRevert));
    add(s.value(S::WaitForUpdateStatus), TimedOut, s.value(S::WaitForRevert));
    m_machine->setInitialState(disconnectedState);
    m_machine->start();
    // QStateMachine::start() is queued; run it now, so that the handler takes triggers as soon as it exists.
    QCoreApplication::sendPostedEvents(m_machine, QEvent::MetaCall);
}

UmHandler::~UmHandler() = default;

bool UmHandler::fire(Trigger what)
{
    // Signal transitions are taken synchronously by a running machine, so the state tells whether one fired.
    Q_ASSERT(m_machine->isRunning());
    const State before = m_state;
    const int enteredBefore = m_entries;
    Q_EMIT trigger(what);
    return m_entries != enteredBefore || m_state != before;
}

void UmHandler::entered(State state)
{
    ++m_entries;
    m_state = state;
    qCDebug(lcAgent, "update manager %s: %s", qUtf8Printable(m_nodeId), qUtf8Printable(nameOf(state)));
    switch (state) {
    case State::WaitForPrepareResp:
        Q_EMIT command({ UmCommand::Kind::PrepareUpdate, m_components });
        break;
    case State::WaitForUpdateStatus:
        Q_EMIT command({ UmCommand::Kind::StartUpdate, {} });
        break;
    case State::WaitForApplyStatus:
        Q_EMIT command({ UmCommand::Kind::ApplyUpdate, {} });
        break;
    case State::WaitForRevertStatus:
        Q_EMIT command({ UmCommand::Kind::RevertUpdate, {} });
        break;
    default:
        break;
    }
    Q_EMIT stateChanged(state);
}

void UmHandler::connected(const UmStatus &first)
{
    if (isConnected())
        disconnected();
    m_status = first;
    static constexpr Trigger registered[] = { RegisteredIdle, RegisteredPrepared, RegisteredUpdated, RegisteredFailed };
    fire(registered[int(first.state)]);
}

void UmHandler::statusReceived(const UmStatus &status)
{
    if (!isConnected())
        return;
    const UmState previous = m_status.state;
    m_status = status;
    static constexpr Trigger reported[] = { StatusIdle, StatusPrepared, StatusUpdated, StatusFailed };
    if (fire(reported[int(status.state)]))
        return;
    if (status.state == previous) {
        // The full status again (component progress): nothing to do for the machine.
        Q_EMIT stateChanged(m_state);
        return;
    }
    qCWarning(lcAgent, "update manager %s: status %s does not fit state %s; dropped", qUtf8Printable(m_nodeId),
              qUtf8Printable(Agent::nameOf(status.state)), qUtf8Printable(nameOf(m_state)));
    Q_EMIT stateChanged(m_state);
}

void UmHandler::disconnected()
{
    if (isConnected())
        fire(Lost);
}

bool UmHandler::prepareUpdate(const QList<UmPrepareComponent> &components)
{
    if (m_state != State::Idle)
        return false;
    m_components = components;
    return fire(Prepare);
}

bool UmHandler::startUpdate()
{
    return fire(Start);
}

bool UmHandler::startApply()
{
    return fire(Apply);
}

bool UmHandler::startRevert()
{
    return fire(Revert);
}

bool UmHandler::timeout()
{
    return fire(TimedOut);
}

} // namespace Flotilla::Agent
