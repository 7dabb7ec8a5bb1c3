// Group commit in the DDI server (backend/ddiserver.cpp): feedback that devices send at the same moment shares one
// commit of the store, each report answered only once it is stored; a refusal among them undoes none of the others;
// a report that asks to close its connection still gets its held answer.
#include "tests/backend/ddifixture.h"
#include "tests/common/rawhttpconnection.h"

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
};

void TestDdiGroupCommit::feedbackArrivingTogetherSharesACommit()
{
    // Twelve devices, each on its own connection, report at the same moment, one of them on an action already
    // closed.
    constexpr int Devices = 12;
    QList<Target> targets;
    QList<qint64> actions;
    for (int i = 0; i < Devices; ++i) {
        targets.append(i == 0 ? m_target
                              : FlotillaTest::makeTarget(m_store->stores(), u"dev-1%1"_s.arg(i, 2, 10, QChar(u'0'))));
        actions.append(assign(targets.last(), m_set.setId));
    }
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
