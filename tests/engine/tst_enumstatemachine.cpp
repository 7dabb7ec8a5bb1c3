// The synchronous QStateMachine driver under every state machine of the engine: a transition is taken before
// fire() returns, events a state has no transition for are refused, and a bad table is refused in release builds
// too (no assert that compiles away).
#include "engine/enumstatemachine.h"

#include <QTest>

using namespace Flotilla;

namespace {
enum class Light : quint8 { Red, Green, Yellow, Broken };
enum class Press : quint8 { Go, Slow, Stop, Blink };

class TrafficLight : public EnumStateMachine<Light, Press>
{
public:
    // extra: a duplicate and a transition to a state the machine does not have, both to be refused.
    TrafficLight(Light initial, bool badTable = false)
    {
        addState(Light::Red);
        addState(Light::Green);
        addState(Light::Yellow);
        if (badTable)
            addState(Light::Red); // twice
        addTransition(Light::Red, Press::Go, Light::Green);
        addTransition(Light::Green, Press::Slow, Light::Yellow);
        addTransition(Light::Yellow, Press::Stop, Light::Red);
        addTransition(Light::Yellow, Press::Blink, Light::Yellow); // internal: taken, state kept
        if (badTable) {
            addTransition(Light::Red, Press::Go, Light::Yellow); // duplicate of Red --Go-->
            addTransition(Light::Green, Press::Blink, Light::Broken); // unknown target
        }
        start(initial);
    }
};
} // namespace

class TestEnumStateMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void takesTransitionsSynchronously();
    void refusesEventsWithoutTransition();
    void internalTransitionKeepsTheState();
    void badTableIsRefused();
    void unknownInitialStateRefusesEverything();
};

void TestEnumStateMachine::takesTransitionsSynchronously()
{
    TrafficLight light(Light::Red);
    QCOMPARE(light.state(), Light::Red);
    QVERIFY(light.fire(Press::Go));
    QCOMPARE(light.state(), Light::Green); // no event loop ran
    QVERIFY(light.fire(Press::Slow));
    QVERIFY(light.fire(Press::Stop));
    QCOMPARE(light.state(), Light::Red);
}

void TestEnumStateMachine::refusesEventsWithoutTransition()
{
    TrafficLight light(Light::Green);
    QVERIFY(!light.accepts(Press::Go));
    QVERIFY(!light.fire(Press::Go));
    QCOMPARE(light.state(), Light::Green);
}

void TestEnumStateMachine::internalTransitionKeepsTheState()
{
    TrafficLight light(Light::Yellow);
    QVERIFY(light.fire(Press::Blink));
    QCOMPARE(light.state(), Light::Yellow);
}

void TestEnumStateMachine::badTableIsRefused()
{
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("state 0 added twice")));
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("duplicates another; ignored")));
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("names an unknown state; ignored")));
    TrafficLight light(Light::Red, true);
    QVERIFY(light.fire(Press::Go));
    QCOMPARE(light.state(), Light::Green); // the first transition holds, the duplicate did not replace it
    QVERIFY(!light.fire(Press::Blink)); // the transition to an unknown state was never added
    QCOMPARE(light.state(), Light::Green);
}

void TestEnumStateMachine::unknownInitialStateRefusesEverything()
{
    QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("cannot start in unknown state 3")));
    TrafficLight light(Light::Broken);
    for (Press p : { Press::Go, Press::Slow, Press::Stop, Press::Blink })
        QVERIFY(!light.fire(p));
}

QTEST_GUILESS_MAIN(TestEnumStateMachine)
#include "tst_enumstatemachine.moc"
