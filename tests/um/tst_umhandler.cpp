// The per-UM state machine of AosCore's umhandler.go: every row
// of the table, the entry from the reported state on (re)connect, Flotilla's timeout row, and statuses that
// fit no transition (dropped).
#include "agent/um/umhandler.h"

#include <QSignalSpy>
#include <QTest>

using namespace Flotilla::Agent;
using namespace Qt::StringLiterals;
using State = UmHandler::State;

Q_DECLARE_METATYPE(Flotilla::Agent::UmState)

namespace QTest {
template<> char *toString(const State &s)
{
    return qstrdup(qPrintable(UmHandler::nameOf(s)));
}
} // namespace QTest

namespace {

UmStatus status(UmState state)
{
    UmStatus s;
    s.nodeId = u"node-a"_s;
    s.state = state;
    s.components = { { u"rootfs"_s, u"os"_s, u"1.0"_s, UmComponentState::Installed, {} } };
    return s;
}

// Brings a fresh handler to `state` the way a real flow does.
void reach(UmHandler &h, State state)
{
    switch (state) {
    case State::Disconnected:
        return;
    case State::Idle:
        return h.connected(status(UmState::Idle));
    case State::WaitForPrepareResp:
        reach(h, State::Idle);
        h.prepareUpdate({ { u"rootfs"_s, u"os"_s, u"2.0"_s, {}, u"file:///x"_s, QByteArray(32, 'a'), 1 } });
        return;
    case State::WaitForStartUpdate:
        return h.connected(status(UmState::Prepared));
    case State::WaitForUpdateStatus:
        reach(h, State::WaitForStartUpdate);
        h.startUpdate();
        return;
    case State::WaitForApply:
        return h.connected(status(UmState::Updated));
    case State::WaitForApplyStatus:
        reach(h, State::WaitForApply);
        h.startApply();
        return;
    case State::WaitForRevert:
        return h.connected(status(UmState::Failed));
    case State::WaitForRevertStatus:
        reach(h, State::WaitForRevert);
        h.startRevert();
        return;
    }
}

enum class Trigger {
    Prepare,
    Start,
    Apply,
    Revert,
    Timeout,
    StatusIdle,
    StatusPrepared,
    StatusUpdated,
    StatusFailed,
    Lost
};

bool fire(UmHandler &h, Trigger t)
{
    switch (t) {
    case Trigger::Prepare:
        return h.prepareUpdate({ { u"rootfs"_s, u"os"_s, u"2.0"_s, {}, u"file:///x"_s, QByteArray(32, 'a'), 1 } });
    case Trigger::Start:
        return h.startUpdate();
    case Trigger::Apply:
        return h.startApply();
    case Trigger::Revert:
        return h.startRevert();
    case Trigger::Timeout:
        return h.timeout();
    case Trigger::StatusIdle:
        h.statusReceived(status(UmState::Idle));
        return true;
    case Trigger::StatusPrepared:
        h.statusReceived(status(UmState::Prepared));
        return true;
    case Trigger::StatusUpdated:
        h.statusReceived(status(UmState::Updated));
        return true;
    case Trigger::StatusFailed:
        h.statusReceived(status(UmState::Failed));
        return true;
    case Trigger::Lost:
        h.disconnected();
        return true;
    }
    return false;
}

} // namespace

Q_DECLARE_METATYPE(Trigger)

class TestUmHandler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void registersInTheReportedState_data();
    void registersInTheReportedState();
    void transitions_data();
    void transitions();
    void refusedTriggers_data();
    void refusedTriggers();
    void statusThatDoesNotFitIsDropped();
    void lostStreamThenResume();
    void prepareCarriesTheComponents();
};

void TestUmHandler::registersInTheReportedState_data()
{
    QTest::addColumn<UmState>("reported");
    QTest::addColumn<State>("expected");
    QTest::newRow("IDLE -> Idle") << UmState::Idle << State::Idle;
    QTest::newRow("PREPARED -> WaitForStartUpdate") << UmState::Prepared << State::WaitForStartUpdate;
    QTest::newRow("UPDATED -> WaitForApply") << UmState::Updated << State::WaitForApply;
    QTest::newRow("FAILED -> WaitForRevert") << UmState::Failed << State::WaitForRevert;
}

void TestUmHandler::registersInTheReportedState()
{
    QFETCH(UmState, reported);
    QFETCH(State, expected);
    UmHandler h(u"node-a"_s);
    QCOMPARE(h.state(), State::Disconnected);
    QVERIFY(!h.isConnected());
    QSignalSpy commands(&h, &UmHandler::command);
    h.connected(status(reported));
    QCOMPARE(h.state(), expected);
    QVERIFY(h.isConnected());
    QCOMPARE(commands.size(), 0); // registering sends nothing
}

void TestUmHandler::transitions_data()
{
    QTest::addColumn<State>("from");
    QTest::addColumn<Trigger>("trigger");
    QTest::addColumn<State>("to");
    QTest::addColumn<int>("sends"); // -1: nothing, else UmCommand::Kind
    const int none = -1;
    const int prepare = int(UmCommand::Kind::PrepareUpdate), start = int(UmCommand::Kind::StartUpdate),
              apply = int(UmCommand::Kind::ApplyUpdate), revert = int(UmCommand::Kind::RevertUpdate);
    // AosCore's umhandler.go, row by row.
    QTest::newRow("Idle --PrepareUpdate--> WaitForPrepareResp")
        << State::Idle << Trigger::Prepare << State::WaitForPrepareResp << prepare;
    QTest::newRow("WaitForPrepareResp --PREPARED--> WaitForStartUpdate")
        << State::WaitForPrepareResp << Trigger::StatusPrepared << State::WaitForStartUpdate << none;
    QTest::newRow("WaitForStartUpdate --StartUpdate--> WaitForUpdateStatus")
        << State::WaitForStartUpdate << Trigger::Start << State::WaitForUpdateStatus << start;
    QTest::newRow("WaitForUpdateStatus --UPDATED--> WaitForApply")
        << State::WaitForUpdateStatus << Trigger::StatusUpdated << State::WaitForApply << none;
    QTest::newRow("WaitForApply --StartApply--> WaitForApplyStatus")
        << State::WaitForApply << Trigger::Apply << State::WaitForApplyStatus << apply;
    QTest::newRow("WaitForApplyStatus --IDLE--> Idle")
        << State::WaitForApplyStatus << Trigger::StatusIdle << State::Idle << none;
    QTest::newRow("WaitForRevertStatus --IDLE--> Idle")
        << State::WaitForRevertStatus << Trigger::StatusIdle << State::Idle << none;
    QTest::newRow("WaitForPrepareResp --FAILED--> WaitForRevert")
        << State::WaitForPrepareResp << Trigger::StatusFailed << State::WaitForRevert << none;
    QTest::newRow("WaitForUpdateStatus --FAILED--> WaitForRevert")
        << State::WaitForUpdateStatus << Trigger::StatusFailed << State::WaitForRevert << none;
    QTest::newRow("WaitForRevert --StartRevert--> WaitForRevertStatus")
        << State::WaitForRevert << Trigger::Revert << State::WaitForRevertStatus << revert;
    QTest::newRow("WaitForStartUpdate --StartRevert--> WaitForRevertStatus")
        << State::WaitForStartUpdate << Trigger::Revert << State::WaitForRevertStatus << revert;
    QTest::newRow("WaitForApply --StartRevert--> WaitForRevertStatus")
        << State::WaitForApply << Trigger::Revert << State::WaitForRevertStatus << revert;
    // Flotilla's rows.
    QTest::newRow("WaitForPrepareResp --Timeout--> WaitForRevert")
        << State::WaitForPrepareResp << Trigger::Timeout << State::WaitForRevert << none;
    QTest::newRow("WaitForUpdateStatus --Timeout--> WaitForRevert")
        << State::WaitForUpdateStatus << Trigger::Timeout << State::WaitForRevert << none;
    for (const State s :
         { State::Idle, State::WaitForPrepareResp, State::WaitForStartUpdate, State::WaitForUpdateStatus,
           State::WaitForApply, State::WaitForApplyStatus, State::WaitForRevert, State::WaitForRevertStatus })
        QTest::addRow("%s --stream lost--> Disconnected", qPrintable(UmHandler::nameOf(s)))
            << s << Trigger::Lost << State::Disconnected << none;
}

void TestUmHandler::transitions()
{
    QFETCH(State, from);
    QFETCH(Trigger, trigger);
    QFETCH(State, to);
    QFETCH(int, sends);
    UmHandler h(u"node-a"_s);
    reach(h, from);
    QCOMPARE(h.state(), from);
    QSignalSpy commands(&h, &UmHandler::command);
    QSignalSpy changes(&h, &UmHandler::stateChanged);
    QVERIFY(fire(h, trigger));
    QCOMPARE(h.state(), to);
    QVERIFY(!changes.isEmpty());
    if (sends < 0) {
        QCOMPARE(commands.size(), 0);
    } else {
        QCOMPARE(commands.size(), 1);
        QCOMPARE(int(commands.first().first().value<UmCommand>().kind), sends);
    }
}

void TestUmHandler::refusedTriggers_data()
{
    QTest::addColumn<State>("from");
    QTest::addColumn<Trigger>("trigger");
    // Commands the table does not allow in a state: refused, nothing sent.
    QTest::newRow("StartUpdate in Idle") << State::Idle << Trigger::Start;
    QTest::newRow("ApplyUpdate in Idle") << State::Idle << Trigger::Apply;
    QTest::newRow("RevertUpdate in Idle") << State::Idle << Trigger::Revert;
    QTest::newRow("PrepareUpdate in WaitForStartUpdate") << State::WaitForStartUpdate << Trigger::Prepare;
    QTest::newRow("ApplyUpdate in WaitForStartUpdate") << State::WaitForStartUpdate << Trigger::Apply;
    QTest::newRow("StartUpdate in WaitForApply") << State::WaitForApply << Trigger::Start;
    QTest::newRow("RevertUpdate in WaitForPrepareResp") << State::WaitForPrepareResp << Trigger::Revert;
    QTest::newRow("RevertUpdate in WaitForUpdateStatus") << State::WaitForUpdateStatus << Trigger::Revert;
    QTest::newRow("RevertUpdate in WaitForApplyStatus") << State::WaitForApplyStatus << Trigger::Revert;
    QTest::newRow("Timeout in WaitForApply") << State::WaitForApply << Trigger::Timeout;
    QTest::newRow("PrepareUpdate while disconnected") << State::Disconnected << Trigger::Prepare;
    QTest::newRow("RevertUpdate while disconnected") << State::Disconnected << Trigger::Revert;
}

void TestUmHandler::refusedTriggers()
{
    QFETCH(State, from);
    QFETCH(Trigger, trigger);
    UmHandler h(u"node-a"_s);
    reach(h, from);
    QSignalSpy commands(&h, &UmHandler::command);
    QVERIFY(!fire(h, trigger));
    QCOMPARE(h.state(), from);
    QCOMPARE(commands.size(), 0);
}

void TestUmHandler::statusThatDoesNotFitIsDropped()
{
    UmHandler h(u"node-a"_s);
    reach(h, State::WaitForPrepareResp);
    // UPDATED while waiting for PREPARED: no transition; the status itself is kept.
    UmStatus odd = status(UmState::Updated);
    odd.priority = 9;
    h.statusReceived(odd);
    QCOMPARE(h.state(), State::WaitForPrepareResp);
    QCOMPARE(h.status().priority, 9u);
    // IDLE again in Idle (a component changed): the same state, no command.
    UmHandler idle(u"node-b"_s);
    reach(idle, State::Idle);
    QSignalSpy commands(&idle, &UmHandler::command);
    idle.statusReceived(status(UmState::Idle));
    QCOMPARE(idle.state(), State::Idle);
    QCOMPARE(commands.size(), 0);
}

void TestUmHandler::lostStreamThenResume()
{
    // StartUpdate sent, the UM reboots (stream lost) and registers again UPDATED: the flow goes on.
    UmHandler h(u"node-a"_s);
    reach(h, State::WaitForUpdateStatus);
    h.disconnected();
    QCOMPARE(h.state(), State::Disconnected);
    // A status from a stream that is gone changes nothing.
    h.statusReceived(status(UmState::Failed));
    QCOMPARE(h.state(), State::Disconnected);
    h.connected(status(UmState::Updated));
    QCOMPARE(h.state(), State::WaitForApply);
    // A second registration without a loss in between (a new stream replaced the old one).
    h.connected(status(UmState::Prepared));
    QCOMPARE(h.state(), State::WaitForStartUpdate);
}

void TestUmHandler::prepareCarriesTheComponents()
{
    UmHandler h(u"node-a"_s);
    reach(h, State::Idle);
    QSignalSpy commands(&h, &UmHandler::command);
    const QList<UmPrepareComponent> components {
        { u"rootfs"_s, u"os"_s, u"2.0"_s, u"{\"k\":\"v\"}"_s, u"file:///img"_s, QByteArray(32, 'x'), 4096 },
        { u"boot"_s, u"bootloader"_s, u"7"_s, {}, u"file:///boot"_s, QByteArray(32, 'y'), 12 },
    };
    QVERIFY(h.prepareUpdate(components));
    QCOMPARE(commands.size(), 1);
    const UmCommand sent = commands.first().first().value<UmCommand>();
    QCOMPARE(sent.kind, UmCommand::Kind::PrepareUpdate);
    QCOMPARE(sent.components.size(), 2);
    QCOMPARE(sent.components.at(1).componentId, u"boot"_s);
    QCOMPARE(sent.components.at(0).size, quint64(4096));
    QCOMPARE(sent.components.at(0).annotations, u"{\"k\":\"v\"}"_s);
}

QTEST_GUILESS_MAIN(TestUmHandler)
#include "tst_umhandler.moc"
