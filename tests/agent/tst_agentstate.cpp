// What the agent persists: every field survives a round trip through the file; a torn, foreign or unknown
// version is refused with a reason and set aside, never half-read.
#include "agent/agentstate.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla::Agent;
using namespace Qt::StringLiterals;

class TestAgentState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void refused_data();
    void refused();
    void brokenFileIsSetAside();
    void saveLeavesNoTemporaryFile();
};

void TestAgentState::roundTrip()
{
    AgentState s;
    CurrentAction c;
    c.actionId = u"42"_s;
    c.deploymentHref = u"http://h/T/controller/v1/d/deploymentBase/42?c=7"_s;
    c.deployment = R"({"id":"42"})";
    c.phase = UpdateWorkflow::Phase::AwaitRestart;
    c.item = 2;
    c.resumePhase = UpdateWorkflow::Phase::Apply;
    c.resumeItem = 1;
    c.restart = StepResult::Restart::DeferredReboot;
    c.failure = u"Install of os failed"_s;
    c.failureCode = 7;
    c.bootId = u"b-1"_s;
    c.starts = 3;
    c.cancelRequested = true;
    c.cancelStopId = u"42"_s;
    c.cancelHref = u"http://h/c/feedback"_s;
    c.feedbackStarted = true;
    c.downloadedReported = true;
    s.current = c;
    s.feedback = { { u"42"_s, u"http://h/f"_s, R"({"status":{}})", u"closed/success"_s } };
    s.lastActionId = u"41"_s;
    s.lastOutcome = u"Succeeded"_s;
    s.lastCheck = QDateTime(QDate(2026, 11, 30), QTime(5, 0, 1, 250), QTimeZone::UTC);
    s.consentAnswered = { u"40"_s };
    s.endedActions = { u"39"_s, u"41"_s };
    QString error;
    const auto back = AgentState::decode(s.encode(), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(back->current);
    const CurrentAction &b = *back->current;
    QCOMPARE(b.actionId, c.actionId);
    QCOMPARE(b.deploymentHref, c.deploymentHref);
    QCOMPARE(b.deployment, c.deployment);
    QCOMPARE(b.phase, c.phase);
    QCOMPARE(b.item, c.item);
    QCOMPARE(b.resumePhase, c.resumePhase);
    QCOMPARE(b.resumeItem, c.resumeItem);
    QCOMPARE(b.restart, c.restart);
    QCOMPARE(b.failure, c.failure);
    QCOMPARE(b.failureCode, c.failureCode);
    QCOMPARE(b.bootId, c.bootId);
    QCOMPARE(b.starts, c.starts);
    QCOMPARE(b.cancelRequested, true);
    QCOMPARE(b.cancelStopId, c.cancelStopId);
    QCOMPARE(b.cancelHref, c.cancelHref);
    QCOMPARE(b.feedbackStarted, true);
    QCOMPARE(b.downloadedReported, true);
    QCOMPARE(back->feedback.size(), 1);
    QCOMPARE(back->feedback.first().body, s.feedback.first().body);
    QCOMPARE(back->feedback.first().href, s.feedback.first().href);
    QCOMPARE(back->lastActionId, s.lastActionId);
    QCOMPARE(back->lastCheck, s.lastCheck);
    QCOMPARE(back->consentAnswered, s.consentAnswered);
    QCOMPARE(back->endedActions, s.endedActions);
    // No action in progress: none comes back.
    QVERIFY(!AgentState::decode(AgentState().encode(), &error)->current);
}

void TestAgentState::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("torn") << QByteArray(R"({"version":1,"current":{"actionId":"4","pha)");
    QTest::newRow("not an object") << QByteArray("[]");
    QTest::newRow("newer format") << QByteArray(R"({"version":2})");
    QTest::newRow("unknown phase") << QByteArray(
        R"({"version":1,"current":{"actionId":"4","phase":"Sleeping","resumePhase":"Apply","restart":"none"}})");
    QTest::newRow("feedback without address") << QByteArray(R"({"version":1,"feedback":[{"body":"{}"}]})");
}

void TestAgentState::refused()
{
    QFETCH(QByteArray, json);
    QString error;
    QVERIFY(!AgentState::decode(json, &error));
    QVERIFY(!error.isEmpty());
}

void TestAgentState::brokenFileIsSetAside()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(u"state.json"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\":1,");
    f.close();
    StateFile file(dir.path());
    QString problem;
    const AgentState s = file.load(&problem);
    QVERIFY(!s.current);
    QVERIFY2(problem.contains(u"damaged"_s), qPrintable(problem));
    QVERIFY(!QFile::exists(dir.filePath(u"state.json"_s)));
    QCOMPARE(QDir(dir.path()).entryList({ u"state.json.broken-*"_s }).size(), 1);
}

void TestAgentState::saveLeavesNoTemporaryFile()
{
    QTemporaryDir dir;
    StateFile file(dir.path());
    AgentState s;
    s.lastActionId = u"9"_s;
    QString error;
    QVERIFY2(file.save(s, &error), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { u"state.json"_s });
    QString problem;
    QCOMPARE(file.load(&problem).lastActionId, u"9"_s);
    QVERIFY(problem.isEmpty());
    // An unwritable directory is an error, not a silent loss.
    StateFile nowhere(u"/nonexistent/dir"_s);
    QVERIFY(!nowhere.save(s, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestAgentState)
#include "tst_agentstate.moc"
