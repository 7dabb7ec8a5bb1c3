#pragma once

// A QStateMachine transition on a signal that carries an int, taken only for one value of it: the workflow's
// outcome(int) and an UmHandler's trigger(int) drive their machines this way.
#include <QSignalTransition>
#include <QStateMachine>

namespace Flotilla::Agent {

class ValueTransition : public QSignalTransition
{
public:
    template<typename Sender>
    ValueTransition(const Sender *sender, void (Sender::*signal)(int), int value)
        : QSignalTransition(sender, signal)
        , m_value(value)
    { }

protected:
    bool eventTest(QEvent *event) override
    {
        if (!QSignalTransition::eventTest(event))
            return false;
        const auto *e = static_cast<QStateMachine::SignalEvent *>(event);
        return !e->arguments().isEmpty() && e->arguments().constFirst().toInt() == m_value;
    }

private:
    int m_value;
};

} // namespace Flotilla::Agent
