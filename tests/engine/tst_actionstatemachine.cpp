// Every transition of the action state machine in seeds 000 and 001, and every (state, event) pair they do not
// allow. Rows are named after the seeds' wording.
#include "engine/actionstatemachine.h"

#include "tests/common/flotillatest.h"
#include <QSet>

#include <QTest>

using namespace Flotilla;
using S = ActionState;
using E = ActionEvent;
using H = HistoryStatus;

Q_DECLARE_METATYPE(Flotilla::ActionEvent)

namespace {

struct Row
{
    const char *name;
    S from;
    E event;
    bool downloadOnly;
    S to;
    H recorded;
};

// clang-format off
const Row allowed[] = {
    {"scheduled in a rollout: the group starts", S::Scheduled, E::Start, false, S::Running, H::Running},
    {"consent flow: started action waits for confirmation", S::Scheduled, E::StartForConfirmation, false, S::WaitForConfirmation, H::WaitForConfirmation},
    {"scheduled action canceled before the device saw it", S::Scheduled, E::Cancel, false, S::Canceled, H::Canceled},
    {"auto-close: scheduled action closed right away", S::Scheduled, E::AutoClose, false, S::Canceled, H::Canceled},
    {"accepting the action will change the state to RUNNING", S::WaitForConfirmation, E::Confirm, false, S::Running, H::Running},
    {"rejecting the action will preserve the WAIT_FOR_CONFIRMATION state", S::WaitForConfirmation, E::Deny, false, S::WaitForConfirmation, H::WaitForConfirmation},
    {"cancel a waiting action: state cancelled, action closed", S::WaitForConfirmation, E::Cancel, false, S::Canceled, H::Canceled},
    {"auto-close: waiting action closed right away", S::WaitForConfirmation, E::AutoClose, false, S::Canceled, H::Canceled},
    {"waiting action pulled by the client", S::WaitForConfirmation, E::Retrieved, false, S::WaitForConfirmation, H::Retrieved},
    {"RUNNING: marks RETRIEVED when pulled by the client", S::Running, E::Retrieved, false, S::Running, H::Retrieved},
    {"RUNNING: feedback on this state will be logged but no state transition", S::Running, E::Proceeding, false, S::Running, H::Running},
    {"RUNNING: DOWNLOAD logged, no state transition", S::Running, E::Download, false, S::Running, H::Download},
    {"RUNNING: WARNING only informational, no state transition", S::Running, E::Warning, false, S::Running, H::Warning},
    {"RUNNING: DOWNLOADED of a normal action waits for the window", S::Running, E::Downloaded, false, S::Running, H::Downloaded},
    {"RUNNING: DOWNLOADED of a download-only action is considered successful", S::Running, E::Downloaded, true, S::Downloaded, H::Downloaded},
    {"RUNNING: completed successfully (FINISHED)", S::Running, E::ClosedSuccess, false, S::Finished, H::Finished},
    {"RUNNING: completed with an error (ERROR)", S::Running, E::ClosedFailure, false, S::Error, H::Error},
    {"RUNNING: client reports CANCELED", S::Running, E::Canceled, false, S::Canceled, H::Canceled},
    {"RUNNING: canceled, not yet confirmed by the client (CANCELING)", S::Running, E::Cancel, false, S::Canceling, H::Canceling},
    {"auto-close: a new assignment results in RUNNING to CANCELED", S::Running, E::AutoClose, false, S::Canceled, H::Canceled},
    {"CANCELING: still accepts regular feedback (RETRIEVED)", S::Canceling, E::Retrieved, false, S::Canceling, H::Retrieved},
    {"CANCELING: still accepts regular feedback (proceeding)", S::Canceling, E::Proceeding, false, S::Canceling, H::Running},
    {"CANCELING: still accepts regular feedback (DOWNLOAD)", S::Canceling, E::Download, false, S::Canceling, H::Download},
    {"CANCELING: still accepts regular feedback (WARNING)", S::Canceling, E::Warning, false, S::Canceling, H::Warning},
    {"CANCELING: still accepts regular feedback (DOWNLOADED)", S::Canceling, E::Downloaded, false, S::Canceling, H::Downloaded},
    {"CANCELING: download-only action DOWNLOADED closes it", S::Canceling, E::Downloaded, true, S::Downloaded, H::Downloaded},
    {"CANCELING: will not reject FINISHED on an action that is in CANCELING", S::Canceling, E::ClosedSuccess, false, S::Finished, H::Finished},
    {"CANCELING: regular ERROR feedback accepted", S::Canceling, E::ClosedFailure, false, S::Error, H::Error},
    {"CANCELING: regular CANCELED feedback accepted", S::Canceling, E::Canceled, false, S::Canceled, H::Canceled},
    {"CANCELING: confirm the cancelation, transition to CANCELED", S::Canceling, E::CancelClosed, false, S::Canceled, H::Canceled},
    {"CANCEL_REJECTED: the action moves back from CANCELING to RUNNING", S::Canceling, E::CancelRejected, false, S::Running, H::CancelRejected},
    {"CANCELING: cancelation failed on the device, back to RUNNING", S::Canceling, E::CancelFailed, false, S::Running, H::Error},
    {"CANCELING: other cancel feedback logged", S::Canceling, E::CancelProceeding, false, S::Canceling, H::Running},
    {"CANCELING: 'canceled' on a cancel is only a warning", S::Canceling, E::CancelWarning, false, S::Canceling, H::Warning},
    {"CANCELING: operator force-quits", S::Canceling, E::ForceQuit, false, S::Canceled, H::Canceled},
    {"auto-close: canceling action closed right away", S::Canceling, E::AutoClose, false, S::Canceled, H::Canceled},
};
// clang-format on

const S allStates[] = { S::Scheduled, S::WaitForConfirmation, S::Running, S::Canceling, S::Canceled, S::Finished,
                        S::Error,     S::Downloaded };

QList<E> allEvents()
{
    QList<E> events;
    for (int e = 0; e <= int(E::CancelWarning); ++e)
        events.append(E(e));
    return events;
}

} // namespace

class TestActionStateMachine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowedTransition_data();
    void allowedTransition();
    void forbiddenTransition_data();
    void forbiddenTransition();
    void closedStates();
    void sequenceOnOneMachine();
    void applyToStoredAction();
};

void TestActionStateMachine::allowedTransition_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    QTest::addColumn<bool>("downloadOnly");
    QTest::addColumn<S>("to");
    QTest::addColumn<H>("recorded");
    for (const Row &r : allowed)
        QTest::newRow(r.name) << r.from << r.event << r.downloadOnly << r.to << r.recorded;
}

void TestActionStateMachine::allowedTransition()
{
    QFETCH(S, from);
    QFETCH(E, event);
    QFETCH(bool, downloadOnly);
    QFETCH(S, to);
    QFETCH(H, recorded);
    ActionStateMachine machine(from, downloadOnly);
    QCOMPARE(machine.state(), from);
    QVERIFY(machine.accepts(event));
    const ActionOutcome outcome = machine.apply(event);
    QVERIFY(outcome.accepted());
    QCOMPARE(outcome.from, from);
    QCOMPARE(outcome.to, to);
    QCOMPARE(machine.state(), to);
    QCOMPARE(outcome.recorded, recorded);
    QCOMPARE(outcome.closedAction(), !isClosed(from) && isClosed(to));

    Action stored;
    stored.state = from;
    stored.type = downloadOnly ? ActionType::DownloadOnly : ActionType::Forced;
    for (int round = 0; round < 2; ++round) { // the second call answers from the per-thread memo
        const ActionOutcome viaStatic = ActionStateMachine::apply(stored, event);
        QCOMPARE(viaStatic.to, to);
        QCOMPARE(viaStatic.recorded, recorded);
    }
}

void TestActionStateMachine::forbiddenTransition_data()
{
    QTest::addColumn<S>("from");
    QTest::addColumn<E>("event");
    int rows = 0;
    for (S s : allStates) {
        for (E e : allEvents()) {
            if (FlotillaTest::listed(allowed, s, e))
                continue;
            QTest::addRow("%s refuses %s", qPrintable(nameOf(s)), qPrintable(nameOf(e))) << s << e;
            ++rows;
        }
    }
    QVERIFY(rows > 100); // 8 states x 20 events, minus the allowed ones
}

void TestActionStateMachine::forbiddenTransition()
{
    QFETCH(S, from);
    QFETCH(E, event);
    for (bool downloadOnly : { false, true }) {
        ActionStateMachine machine(from, downloadOnly);
        QVERIFY(!machine.accepts(event));
        const ActionOutcome outcome = machine.apply(event);
        QVERIFY(!outcome.accepted());
        // Feedback on a closed action is refused as such (DDI: 410), anything else as not applicable.
        QCOMPARE(outcome.refusal, isClosed(from) ? ActionRefusal::Closed : ActionRefusal::NotApplicable);
        QCOMPARE(machine.state(), from);
    }
}

void TestActionStateMachine::closedStates()
{
    QVERIFY(isClosed(S::Canceled));
    QVERIFY(isClosed(S::Finished));
    QVERIFY(isClosed(S::Error));
    QVERIFY(isClosed(S::Downloaded));
    QVERIFY(!isClosed(S::Scheduled));
    QVERIFY(!isClosed(S::WaitForConfirmation));
    QVERIFY(!isClosed(S::Running));
    QVERIFY(!isClosed(S::Canceling));
    for (S s : allStates)
        QCOMPARE(actionStateFromString(nameOf(s)), std::optional<S>(s));
    QCOMPARE(nameOf(S::WaitForConfirmation), QStringLiteral("WAIT_FOR_CONFIRMATION"));
    QCOMPARE(nameOf(H::CancelRejected), QStringLiteral("CANCEL_REJECTED"));
}

void TestActionStateMachine::sequenceOnOneMachine()
{
    // Seed 001's example: set A canceled while running, the device rejects the cancel and finishes anyway.
    ActionStateMachine machine(S::Scheduled);
    QCOMPARE(machine.apply(E::StartForConfirmation).to, S::WaitForConfirmation);
    QCOMPARE(machine.apply(E::Deny).to, S::WaitForConfirmation);
    QCOMPARE(machine.apply(E::Confirm).to, S::Running);
    QCOMPARE(machine.apply(E::Download).to, S::Running);
    QCOMPARE(machine.apply(E::Cancel).to, S::Canceling);
    QCOMPARE(machine.apply(E::CancelRejected).to, S::Running);
    QCOMPARE(machine.apply(E::ClosedSuccess).to, S::Finished);
    QCOMPARE(machine.apply(E::Proceeding).refusal, ActionRefusal::Closed);
}

void TestActionStateMachine::applyToStoredAction()
{
    Action action;
    action.type = ActionType::DownloadOnly;
    action.state = S::Running;
    QCOMPARE(ActionStateMachine::apply(action, E::Downloaded).to, S::Downloaded);
    action.type = ActionType::Soft;
    QCOMPARE(ActionStateMachine::apply(action, E::Downloaded).to, S::Running);

    action.type = ActionType::TimeForced;
    action.forceTime = QDateTime(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::UTC);
    QVERIFY(!action.isForcedAt(action.forceTime.addSecs(-1)));
    QVERIFY(action.isForcedAt(action.forceTime));
}

QTEST_GUILESS_MAIN(TestActionStateMachine)
#include "tst_actionstatemachine.moc"
