// Every transition of the target state machine of hawkBit's documentation, and every (state, event) pair it does not
// allow.
#include "engine/targetstatemachine.h"

#include "tests/common/flotillatest.h"

#include <QTest>

using namespace Flotilla;
using S = TargetState;
using E = TargetEvent;

namespace {

struct Row
{
    const char *name;
    S from;
    E event;
    S to;
};

// clang-format off
const Row allowed[] = {
    {"UNKNOWN until first status update received: first poll registers", S::Unknown, E::Polled, S::Registered},
    {"REGISTERED: polls keep it registered", S::Registered, E::Polled, S::Registered},
    {"PENDING: polls change nothing", S::Pending, E::Polled, S::Pending},
    {"IN_SYNC: polls change nothing", S::InSync, E::Polled, S::InSync},
    {"ERROR: polls change nothing", S::Error, E::Polled, S::Error},
    {"pre-commissioned target gets an assignment: PENDING", S::Unknown, E::Assigned, S::Pending},
    {"REGISTERED, DistributionSet assigned: PENDING", S::Registered, E::Assigned, S::Pending},
    {"PENDING, another assignment: PENDING", S::Pending, E::Assigned, S::Pending},
    {"IN_SYNC, new assignment: PENDING", S::InSync, E::Assigned, S::Pending},
    {"ERROR: re-assign the set for a retry: PENDING", S::Error, E::Assigned, S::Pending},
    {"FINISHED: IN_SYNC if no further actions are pending", S::Pending, E::ActionFinished, S::InSync},
    {"FINISHED with further actions pending: stays PENDING", S::Pending, E::ActionFinishedOthersPending, S::Pending},
    {"ERROR: target will switch to ERROR", S::Pending, E::ActionFailed, S::Error},
    {"CANCELED: IN_SYNC if no further actions are pending", S::Pending, E::ActionCanceled, S::InSync},
    {"CANCELED with further actions pending: stays PENDING", S::Pending, E::ActionCanceledOthersPending, S::Pending},
    {"ERROR, the last other action finishes: IN_SYNC", S::Error, E::ActionFinished, S::InSync},
    {"ERROR, another action finishes, more pending: PENDING", S::Error, E::ActionFinishedOthersPending, S::Pending},
    {"ERROR, another action fails: ERROR", S::Error, E::ActionFailed, S::Error},
    {"ERROR, the last other action is canceled: IN_SYNC", S::Error, E::ActionCanceled, S::InSync},
    {"ERROR, another action canceled, more pending: PENDING", S::Error, E::ActionCanceledOthersPending, S::Pending},
    {"pre-commissioned target declares its installed set: IN_SYNC", S::Unknown, E::InstalledDeclared, S::InSync},
    {"REGISTERED target declares its installed set: IN_SYNC", S::Registered, E::InstalledDeclared, S::InSync},
    {"IN_SYNC target declares another installed set: IN_SYNC", S::InSync, E::InstalledDeclared, S::InSync},
    {"ERROR target declares a working installed set: IN_SYNC", S::Error, E::InstalledDeclared, S::InSync},
};
// clang-format on

} // namespace

class TestTargetStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowedTransition_data();
    void allowedTransition();
    void forbiddenTransition_data();
    void forbiddenTransition();
    void names();
};

void TestTargetStateMachine::allowedTransition_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    QTest::addColumn<S>("to");
    for (const Row &r : allowed)
        QTest::newRow(r.name) << r.from << r.event << r.to;
}

void TestTargetStateMachine::allowedTransition()
{
    QFETCH(S, from);
    QFETCH(E, event);
    QFETCH(S, to);
    TargetStateMachine machine(from);
    QVERIFY(machine.accepts(event));
    QVERIFY(machine.fire(event));
    QCOMPARE(machine.state(), to);
    QCOMPARE(TargetStateMachine::next(from, event), std::optional<S>(to));
}

void TestTargetStateMachine::forbiddenTransition_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    for (S s : { S::Unknown, S::Registered, S::Pending, S::InSync, S::Error }) {
        for (int e = 0; e <= int(E::InstalledDeclared); ++e) {
            if (!FlotillaTest::listed(allowed, s, E(e)))
                QTest::addRow("%s refuses %s", qPrintable(nameOf(s)), qPrintable(nameOf(E(e)))) << s << E(e);
        }
    }
}

void TestTargetStateMachine::forbiddenTransition()
{
    QFETCH(S, from);
    QFETCH(E, event);
    TargetStateMachine machine(from);
    QVERIFY(!machine.fire(event));
    QCOMPARE(machine.state(), from);
    QCOMPARE(TargetStateMachine::next(from, event), std::nullopt);
}

void TestTargetStateMachine::names()
{
    for (S s : { S::Unknown, S::Registered, S::Pending, S::InSync, S::Error })
        QCOMPARE(targetStateFromString(nameOf(s)), std::optional<S>(s));
    QCOMPARE(nameOf(S::InSync), QStringLiteral("IN_SYNC"));
    QCOMPARE(targetStateFromString(u"in_sync"), std::optional<S>(S::InSync));
    QCOMPARE(targetStateFromString(u"bogus"), std::nullopt);
}

QTEST_GUILESS_MAIN(TestTargetStateMachine)
#include "tst_targetstatemachine.moc"
