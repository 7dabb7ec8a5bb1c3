#include "engine/enumstatemachine.h"

#include "engine/enginelogging.h"

#include <QCoreApplication>
#include <QSignalTransition>
#include <QState>

namespace Flotilla {

namespace {

// Matches EnumStateMachineBase::eventRaised(int) with one particular event value.
class EventTransition final : public QSignalTransition
{
public:
    EventTransition(EnumStateMachineBase *sender, int event, std::function<void()> onTaken, QState *source)
        : QSignalTransition(sender, &EnumStateMachineBase::eventRaised, source)
        , m_event(event)
        , m_onTaken(std::move(onTaken))
    { }

protected:
    bool eventTest(QEvent *e) override
    {
        if (!QSignalTransition::eventTest(e))
            return false;
        const auto *se = static_cast<QStateMachine::SignalEvent *>(e);
        return !se->arguments().isEmpty() && se->arguments().constFirst().toInt() == m_event;
    }
    void onTransition(QEvent *) override { m_onTaken(); }

private:
    int m_event;
    std::function<void()> m_onTaken;
};

} // namespace

EnumStateMachineBase::EnumStateMachineBase(QObject *parent)
    : QObject(parent)
{ }

EnumStateMachineBase::~EnumStateMachineBase() = default;

void EnumStateMachineBase::addStateId(int id)
{
    if (m_states.contains(id)) {
        qCCritical(lcEngine) << "state machine: state" << id << "added twice; the second is ignored";
        return;
    }
    auto *state = new QState(&m_machine);
    connect(state, &QState::entered, this, [this, id] { m_current = id; });
    m_states.insert(id, state);
}

void EnumStateMachineBase::addTransitionIds(int from, int event, int to)
{
    QState *source = m_states.value(from);
    QState *target = m_states.value(to);
    if (!source || !target || m_events.value(from).contains(event)) {
        // One transition per state and event, between states the machine has: anything else is a bug in the
        // table, refused here (in release builds too) rather than taken at random later.
        qCCritical(lcEngine) << "state machine: transition" << from << "--" << event << "->" << to
                             << (source && target ? "duplicates another; ignored" : "names an unknown state; ignored");
        return;
    }
    auto *t = new EventTransition(this, event, [this] { m_taken = true; }, source);
    if (from != to)
        t->setTargetState(target);
    m_events[from].append(event);
}

void EnumStateMachineBase::startIn(int initial)
{
    if (!m_states.contains(initial)) {
        qCCritical(lcEngine) << "state machine: cannot start in unknown state" << initial;
        return; // not running: fire() refuses every event
    }
    m_machine.setInitialState(m_states.value(initial));
    m_machine.start();
    // QStateMachine::start() delivers itself through the machine's posted events; deliver them now (public API:
    // QCoreApplication::sendPostedEvents) so the machine is usable synchronously, without an event loop.
    QCoreApplication::sendPostedEvents(&m_machine);
    if (!m_machine.isRunning() || m_current != initial) {
        qCCritical(lcEngine) << "state machine: did not start in state" << initial;
        m_machine.stop();
    }
}

bool EnumStateMachineBase::fireId(int event)
{
    if (!m_machine.isRunning() || !hasTransitionId(m_current, event))
        return false;
    m_taken = false;
    const int before = m_current;
    // While the machine runs and is idle, QStateMachine takes a signal transition at once; posted work (if a
    // Qt version queued it) is delivered before we look.
    Q_EMIT eventRaised(event);
    QCoreApplication::sendPostedEvents(&m_machine);
    if (!m_taken) {
        qCCritical(lcEngine) << "state machine: event" << event << "in state" << before << "was not taken";
        return false;
    }
    return true;
}

bool EnumStateMachineBase::hasTransitionId(int from, int event) const
{
    return m_events.value(from).contains(event);
}

} // namespace Flotilla
