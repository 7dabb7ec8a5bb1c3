// Group commit in the DDI server (backend/ddiserver.cpp): feedback that devices send at the same moment shares one
// commit of the store, each report answered only once it is stored; a refusal among them undoes none of the others;
// a report that asks to close its connection still gets its held answer.
#include "tests/backend/ddifixture.h"
#include "tests/common/rawhttpconnection.h"

#include "tests/common/tableaway.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestDdiGroupCommit : public DdiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void feedbackArrivingTogetherSharesACommit();
    void aGroupThatCannotCommitAnswersEveryReportWithAnError();

private:
    // count targets (the fixture's first, then new ones named prefix + a number), each assigned the fixture's set.
    void devicesWithAnAction(int count, const QString &prefix, QList<Target> &targets, QList<qint64> &actions)
    {
        for (int i = 0; i < count; ++i) {
            targets.append(
                i == 0 ? m_target
                       : FlotillaTest::makeTarget(m_store->stores(), prefix + u"%1"_s.arg(i, 2, 10, QChar(u'0'))));
            actions.append(assign(targets.last(), m_set.setId));
        }
    }
};

void TestDdiGroupCommit::feedbackArrivingTogetherSharesACommit()
{
    // Twelve devices, each on its own connection, report at the same moment, one of them on an action already
    // closed.
    constexpr int Devices = 12;
    QList<Target> targets;
    QList<qint64> actions;
    devicesWithAnAction(Devices, u"dev-1"_s, targets, actions);
    constexpr int Closed = 5;
    QCOMPARE(feedback(targets[Closed], actions[Closed], "closed", "success").status, 200);
    const qsizetype closedHistory = history(actions[Closed]).size();
    std::vector<std::unique_ptr<FlotillaTest::RawHttpConnection>> connections;
    for (int i = 0; i < Devices; ++i) {
        connections.push_back(std::make_unique<FlotillaTest::RawHttpConnection>(m_port));
        QVERIFY(connections.back()->connected());
    }
    int commits = 0;
    m_store->setTransactionObserver([&commits](qint64, bool committed) { commits += committed; });
    const QList<HttpAnswer> answers = FlotillaTest::atOnce(
        connections, "POST",
        [&](int i) { return controller(targets[i]) + u"/deploymentBase/%1/feedback"_s.arg(actions[i]); },
        "GatewayToken gw-key",
        [](int i) {
            return R"({"status":{"execution":"proceeding","result":{"finished":"none"},"details":["device )"
                + QByteArray::number(i) + R"("]}})";
        });
    m_store->setTransactionObserver({});

    for (int i = 0; i < Devices; ++i) {
        if (i == Closed) {
            QCOMPARE(answers[i].status, 410); // refused, and the others' feedback is not undone with it
            QCOMPARE(history(actions[i]).size(), closedHistory);
            continue;
        }
        QCOMPARE(answers[i].status, 200);
        // Answered once it is stored: the report is there, on another connection too.
        const QList<ActionStatusEntry> entries = *m_store->actions().statusHistory(actions[i], 0, 1000);
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(),
                            [i](const ActionStatusEntry &e) { return e.messages.contains(u"device %1"_s.arg(i)); }));
    }
    // Fewer commits than reports: those read in one turn of the server's event loop waited for one commit.
    QVERIFY2(commits < Devices - 1, qPrintable(u"%1 commits for %2 reports"_s.arg(commits).arg(Devices - 1)));

    // A report that asks to close the connection gets its held answer (the close itself is ConnectionGuard's:
    // tst_connectionguard).
    QTcpSocket closing;
    closing.connectToHost(QHostAddress::LocalHost, m_port);
    const QByteArray body = R"({"status":{"execution":"proceeding","result":{"finished":"none"},"details":["last"]}})";
    closing.write("POST " + controller(targets[1]).toUtf8() + "/deploymentBase/" + QByteArray::number(actions[1])
                  + "/feedback HTTP/1.1\r\nHost: l\r\nConnection: close\r\nAuthorization: GatewayToken gw-key\r\n"
                    "Content-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += closing.readAll();
            return received.contains("\r\n\r\n");
        },
        10000));
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
}

QTEST_GUILESS_MAIN(TestDdiGroupCommit)
#include "tst_ddigroupcommit.moc"

// A group that cannot commit stores none of its reports, and each of them is answered with an error the device sends
// again on, never a 200: here a deferred foreign key that fails only at the COMMIT (a trigger adds a dangling row for
// one report; on PostgreSQL a status entry deferred to the COMMIT fails in the same place). Sent again without it,
// every report is stored.
void TestDdiGroupCommit::aGroupThatCannotCommitAnswersEveryReportWithAnError()
{
    {
        QSqlQuery q(FlotillaTest::storeConnection());
        QVERIFY2(
            q.exec(u"CREATE TABLE doom (target_id INTEGER REFERENCES targets(id) DEFERRABLE INITIALLY DEFERRED)"_s),
            qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(u"CREATE TRIGGER doom_the_group AFTER INSERT ON action_status WHEN NEW.messages LIKE "
                        "'%doomed%' BEGIN INSERT INTO doom VALUES (-1); END"_s),
                 qPrintable(q.lastError().text()));
    }
    constexpr int Devices = 6;
    QList<Target> targets;
    QList<qint64> actions;
    devicesWithAnAction(Devices, u"dev-2"_s, targets, actions);
    const auto send = [&](const QByteArray &doomed) {
        std::vector<std::unique_ptr<FlotillaTest::RawHttpConnection>> connections;
        for (int i = 0; i < Devices; ++i)
            connections.push_back(std::make_unique<FlotillaTest::RawHttpConnection>(m_port));
        return FlotillaTest::atOnce(
            connections, "POST",
            [&](int i) { return controller(targets[i]) + u"/deploymentBase/%1/feedback"_s.arg(actions[i]); },
            "GatewayToken gw-key",
            [&](int i) {
                return R"({"status":{"execution":"proceeding","result":{"finished":"none"},"details":["device )"
                    + QByteArray::number(i) + (i == 2 ? doomed : QByteArray()) + R"("]}})";
            });
    };
    QList<qsizetype> before;
    for (qint64 action : std::as_const(actions))
        before.append(history(action).size());
    int failures = 0;
    m_store->setTransactionObserver([&failures](qint64, bool committed) { failures += !committed; });
    const QList<HttpAnswer> answers = send(" doomed");
    m_store->setTransactionObserver({});
    QCOMPARE(failures, 1); // the one group, with every report read in that turn of the event loop
    int refused = 0;
    for (int i = 0; i < Devices; ++i) {
        const bool stored = history(actions[i]).size() > before[i];
        if (answers[i].status == 200) {
            QVERIFY2(stored, qPrintable(u"device %1 was answered 200 for a report that is not stored"_s.arg(i)));
            continue;
        }
        ++refused;
        QCOMPARE(answers[i].status, 500);
        QVERIFY2(answers[i].body.contains("could not be stored"), answers[i].body.constData());
        QVERIFY(!stored);
    }
    QVERIFY(refused >= 1); // the doomed report, and those that shared its group
    QCOMPARE(answers[2].status, 500);

    // Sent again, without what dooms them: every one is stored.
    const QList<HttpAnswer> again = send({});
    for (int i = 0; i < Devices; ++i) {
        QCOMPARE(again[i].status, 200);
        QVERIFY(history(actions[i]).size() > before[i]);
    }
}
