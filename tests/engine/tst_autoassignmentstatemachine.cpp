// The auto-assignment status machine (hawkBit's AutoAssignStatus): every allowed transition and every refused
// (status, event) pair; the status names of hawkBit's JSON.
#include "engine/autoassignment.h"

#include "tests/common/flotillatest.h"

#include <QTest>

using namespace Flotilla;
using S = AutoAssignmentStatus;
using E = AutoAssignmentEvent;

namespace {

struct Row
{
    const char *name;
    S from;
    E event;
    S to;
};

// clang-format off
const Row rows[] = {
    {"approved: READY", S::WaitingForApproval, E::Approve, S::Ready},
    {"denied: APPROVAL_DENIED", S::WaitingForApproval, E::Deny, S::ApprovalDenied},
    {"started by the operator or its start time: RUNNING", S::Ready, E::Start, S::Running},
    {"paused", S::Running, E::Pause, S::Paused},
    {"resumed", S::Paused, E::Resume, S::Running},
};
// clang-format on

} // namespace

class TestAutoAssignmentStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowed_data();
    void allowed();
    void forbidden_data();
    void forbidden();
    void names_data();
    void names();
};

void TestAutoAssignmentStateMachine::allowed_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    QTest::addColumn<S>("to");
    for (const Row &r : rows)
        QTest::newRow(r.name) << r.from << r.event << r.to;
}

void TestAutoAssignmentStateMachine::allowed()
{
    QFETCH(S, from);
    QFETCH(E, event);
    QFETCH(S, to);
    AutoAssignmentStateMachine machine(from);
    QVERIFY(machine.fire(event));
    QCOMPARE(machine.state(), to);
    QCOMPARE(AutoAssignmentStateMachine::next(from, event), std::optional(to));
}

void TestAutoAssignmentStateMachine::forbidden_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    for (int s = 0; s <= int(S::Running); ++s) {
        for (int e = 0; e <= int(E::Resume); ++e) {
            if (!FlotillaTest::listed(rows, S(s), E(e)))
                QTest::addRow("%s refuses %s", qPrintable(nameOf(S(s))), qPrintable(nameOf(E(e)))) << S(s) << E(e);
        }
    }
}

void TestAutoAssignmentStateMachine::forbidden()
{
    QFETCH(S, from);
    QFETCH(E, event);
    AutoAssignmentStateMachine machine(from);
    QVERIFY(!machine.fire(event));
    QCOMPARE(machine.state(), from);
    QVERIFY(!AutoAssignmentStateMachine::next(from, event));
}

void TestAutoAssignmentStateMachine::names_data()
{
    QTest::addColumn<S>("status");
    QTest::addColumn<QString>("name");
    QTest::newRow("waiting") << S::WaitingForApproval << QStringLiteral("waiting_for_approval");
    QTest::newRow("denied") << S::ApprovalDenied << QStringLiteral("approval_denied");
    QTest::newRow("ready") << S::Ready << QStringLiteral("ready");
    QTest::newRow("paused") << S::Paused << QStringLiteral("paused");
    QTest::newRow("running") << S::Running << QStringLiteral("running");
}

void TestAutoAssignmentStateMachine::names()
{
    QFETCH(S, status);
    QFETCH(QString, name);
    QCOMPARE(nameOf(status), name);
    QCOMPARE(autoAssignmentStatusFromString(name), std::optional(status));
    QCOMPARE(autoAssignmentStatusFromString(name.toUpper()), std::optional(status)); // hawkBit's enum spelling
    QVERIFY(!autoAssignmentStatusFromString(name + u'x'));
}

QTEST_GUILESS_MAIN(TestAutoAssignmentStateMachine)
#include "tst_autoassignmentstatemachine.moc"
