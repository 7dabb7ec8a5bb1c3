#include "enumstatemachine.h"

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
    Q_ASSERT(!m_states.contains(id));
    auto *state = new QState(&m_machine);
    connect(state, &QState::entered, this, [this, id] { m_current = id; });
    m_states.insert(id, state);
}

void EnumStateMachineBase::addTransitionIds(int from, int event, int to)
{
    QState *source = m_states.value(from);
    QState *target = m_states.value(to);
    Q_ASSERT(source && target);
    Q_ASSERT_X(!m_events.value(from).contains(event), "EnumStateMachine", "one transition per state and event");
    auto *t = new EventTransition(this, event, [this] { m_taken = true; }, source);
    if (from != to)
        t->setTargetState(target);
    m_events[from].append(event);
}

void EnumStateMachineBase::startIn(int initial)
{
    Q_ASSERT(m_states.contains(initial));
    m_machine.setInitialState(m_states.value(initial));
    m_machine.start();
    // QStateMachine::start() is queued; deliver it now so the machine is usable synchronously.
    QCoreApplication::sendPostedEvents(&m_machine, QEvent::MetaCall);
    Q_ASSERT(m_machine.isRunning());
    Q_ASSERT(m_current == initial);
}

bool EnumStateMachineBase::fireId(int event)
{
    Q_ASSERT(m_machine.isRunning());
    if (!hasTransitionId(m_current, event))
        return false;
    m_taken = false;
    // Signal transitions are processed directly while the machine is running and idle.
    Q_EMIT eventRaised(event);
    QCoreApplication::sendPostedEvents(&m_machine, QEvent::MetaCall);
    Q_ASSERT(m_taken);
    return m_taken;
}

bool EnumStateMachineBase::hasTransitionId(int from, int event) const
{
    return m_events.value(from).contains(event);
}

} // namespace Flotilla
