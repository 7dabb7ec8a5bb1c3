#pragma once

#include <QHash>
#include <QObject>
#include <QStateMachine>

#include <functional>

class QState;

namespace Flotilla {

// A QStateMachine whose states and events are small enums, driven synchronously: fire(event) performs the
// transition before it returns and says whether one was taken. The engine builds one only for work in flight
// (a feedback, an assignment, a rollout step) from the state stored at rest, and drops it afterwards; a
// QStateMachine costs a few KB, so none is kept per idle action or target.
class EnumStateMachineBase : public QObject
{
    Q_OBJECT
public:
    explicit EnumStateMachineBase(QObject *parent = nullptr);
    ~EnumStateMachineBase() override;

protected:
    void addStateId(int id);
    // from == to adds a targetless (internal) transition: taken, but the state is neither left nor entered.
    void addTransitionIds(int from, int event, int to);
    void startIn(int initial);
    bool fireId(int event);
    int currentId() const { return m_current; }
    bool hasTransitionId(int from, int event) const;

Q_SIGNALS:
    void eventRaised(int event);

private:
    QStateMachine m_machine;
    QHash<int, QState *> m_states;
    QHash<int, QList<int>> m_events; // state -> events it accepts
    int m_current = -1;
    bool m_taken = false;
};

template<typename State, typename Event> class EnumStateMachine : public EnumStateMachineBase
{
public:
    using EnumStateMachineBase::EnumStateMachineBase;

    State state() const { return static_cast<State>(currentId()); }
    // Performs the transition for the event from the current state; false when the state has none.
    bool fire(Event e) { return fireId(static_cast<int>(e)); }
    bool accepts(Event e) const { return hasTransitionId(currentId(), static_cast<int>(e)); }

protected:
    void addState(State s) { addStateId(static_cast<int>(s)); }
    void addTransition(State from, Event e, State to)
    {
        addTransitionIds(static_cast<int>(from), static_cast<int>(e), static_cast<int>(to));
    }
    void start(State initial) { startIn(static_cast<int>(initial)); }
};

} // namespace Flotilla
