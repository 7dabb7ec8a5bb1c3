// The agent's UMService hub and the multi-UM coordinator (AosCore's Update Manager protocol), in-process, against
// Update Managers that the test writes from the published protocol alone (fakeum.h: grpc++ generated from proto/um/v2).
// Who may register and what closes a stream; PrepareUpdate to all, StartUpdate in priority order (both orders),
// ApplyUpdate to all; any FAILED or silence reverts everyone; an unknown component fails before anything is
// prepared; an interrupted update resumes from the states the UMs report.
#include "agent/agentconfig.h"
#include "agent/um/firmwareupdate.h"
#include "agent/um/updatemanagerhub.h"
#include "tests/um/fakeum.h"

#include <grpcpp/generic/generic_stub.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla::Agent;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {

UmPrepareComponent component(const QString &id, const QString &version)
{
    return { id, u"fw"_s, version, {}, u"file:///images/"_s + id, QByteArray(32, 'h'), 1024 };
}

bool contains(const std::vector<std::string> &log, const std::string &entry)
{
    return std::find(log.cbegin(), log.cend(), entry) != log.cend();
}

qsizetype indexOf(const std::vector<std::string> &log, const std::string &prefix)
{
    for (size_t i = 0; i < log.size(); ++i) {
        if (log[i].rfind(prefix, 0) == 0)
            return qsizetype(i);
    }
    return -1;
}

QString dump(const std::vector<std::string> &log)
{
    QStringList all;
    for (const std::string &e : log)
        all << QString::fromStdString(e);
    return all.join(u", "_s);
}

} // namespace

class TestUpdateManagerHub : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void registration_data();
    void registration();
    void newStreamReplacesTheOld();
    void statusOfAnotherNodeClosesTheStream();
    void garbageFirstMessageClosesOnlyThatStream();
    void streamsOpeningAndClosingInALoop();
    void coordinatesInPriorityOrder_data();
    void coordinatesInPriorityOrder();
    void failureRevertsEveryone_data();
    void failureRevertsEveryone();
    void silentUpdateManagerTimesOutAndIsReverted();
    void unknownComponentFailsBeforeAnythingIsPrepared();
    void resumesFromTheReportedStates();
    void restartDuringRevertStillFails();

private:
    void startHub(const QStringList &expected = {}, int timeoutSeconds = 20, bool descending = false);
    FakeUm *addUm(const std::string &node, uint32_t priority, std::map<std::string, std::string> versions,
                  FakeUm::Behaviour behaviour = FakeUm::Behaviour::Follow, pb::UpdateState initial = pb::IDLE);
    std::unique_ptr<FirmwareUpdate> update(const QList<UmPrepareComponent> &components);
    // Runs one of route/install/apply/revert to its finished(); returns (ok, message).
    std::pair<bool, QString> run(FirmwareUpdate &u, void (FirmwareUpdate::*step)(), int timeoutMs = 20000);

    std::unique_ptr<QTemporaryDir> m_dir;
    AgentConfig m_config;
    std::unique_ptr<UpdateManagerHub> m_hub;
    std::vector<std::unique_ptr<FakeUm>> m_ums;
    CommandLog m_log;
};

void TestUpdateManagerHub::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_log.clear();
}

void TestUpdateManagerHub::cleanup()
{
    for (auto &um : m_ums)
        um->stop();
    m_ums.clear();
    m_hub.reset();
}

void TestUpdateManagerHub::startHub(const QStringList &expected, int timeoutSeconds, bool descending)
{
    m_config = AgentConfig();
    m_config.umListen = u"127.0.0.1:0"_s;
    m_config.umExpected = expected;
    m_config.umConnectTimeoutSeconds = 10;
    m_config.umTimeoutSeconds = timeoutSeconds;
    m_config.umPriorityDescending = descending;
    m_hub = std::make_unique<UpdateManagerHub>(m_config);
    QString error;
    QVERIFY2(m_hub->listen(&error), qPrintable(error));
    QVERIFY(m_hub->port() > 0);
}

FakeUm *TestUpdateManagerHub::addUm(const std::string &node, uint32_t priority,
                                    std::map<std::string, std::string> versions, FakeUm::Behaviour behaviour,
                                    pb::UpdateState initial)
{
    m_ums.push_back(
        std::make_unique<FakeUm>(m_hub->port(), node, priority, std::move(versions), &m_log, behaviour, initial));
    m_ums.back()->start();
    return m_ums.back().get();
}

std::unique_ptr<FirmwareUpdate> TestUpdateManagerHub::update(const QList<UmPrepareComponent> &components)
{
    FirmwareUpdate::Options options { m_config.umExpected, m_config.umConnectTimeoutSeconds, m_config.umTimeoutSeconds,
                                      m_config.umPriorityDescending };
    return std::make_unique<FirmwareUpdate>(m_hub.get(), components, options, m_dir->filePath(u"firmware.json"_s));
}

std::pair<bool, QString> TestUpdateManagerHub::run(FirmwareUpdate &u, void (FirmwareUpdate::*step)(), int timeoutMs)
{
    QSignalSpy finished(&u, &FirmwareUpdate::finished);
    (u.*step)();
    if (!finished.wait(timeoutMs))
        return { false, u"(no finished() within the test's timeout)"_s };
    if (finished.size() != 1)
        return { false, u"finished() %1 times"_s.arg(finished.size()) };
    return { finished.first().at(0).toBool(), finished.first().at(1).toString() };
}

void TestUpdateManagerHub::registration_data()
{
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("node");
    QTest::addColumn<int>("code"); // -1: stays connected
    QTest::addColumn<QString>("says");
    QTest::newRow("any node when none are expected") << QStringList() << u"node-a"_s << -1 << QString();
    QTest::newRow("an expected node") << QStringList { u"node-a"_s, u"node-b"_s } << u"node-b"_s << -1 << QString();
    QTest::newRow("an unexpected node id") << QStringList { u"node-a"_s } << u"intruder"_s
                                           << int(grpc::StatusCode::PERMISSION_DENIED) << u"not an expected"_s;
    QTest::newRow("no node id") << QStringList() << QString() << int(grpc::StatusCode::INVALID_ARGUMENT)
                                << u"node_id"_s;
}

void TestUpdateManagerHub::registration()
{
    QFETCH(QStringList, expected);
    QFETCH(QString, node);
    QFETCH(int, code);
    QFETCH(QString, says);
    startHub(expected);
    FakeUm *um = addUm(node.toStdString(), 3, { { "rootfs", "1.0" } });
    if (code < 0) {
        QTRY_VERIFY_WITH_TIMEOUT(m_hub->handler(node) && m_hub->handler(node)->isConnected(), 10000);
        QCOMPARE(m_hub->handler(node)->status().priority, 3u);
        QCOMPARE(m_hub->handler(node)->status().installedVersion(u"rootfs"_s), u"1.0"_s);
        QVERIFY(!um->finished());
        QVERIFY(!m_hub->missingExpected().contains(node));
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(um->finished(), 10000);
    QCOMPARE(int(um->finalCode()), code);
    QVERIFY2(QString::fromStdString(um->finalMessage()).contains(says), um->finalMessage().c_str());
    QVERIFY(!m_hub->handler(node) || !m_hub->handler(node)->isConnected());
}

void TestUpdateManagerHub::newStreamReplacesTheOld()
{
    startHub();
    FakeUm *first = addUm("node-a", 0, { { "rootfs", "1.0" } });
    QTRY_VERIFY_WITH_TIMEOUT(m_hub->handler(u"node-a"_s) && m_hub->handler(u"node-a"_s)->isConnected(), 10000);
    FakeUm *second = addUm("node-a", 0, { { "rootfs", "1.1" } });
    QTRY_VERIFY_WITH_TIMEOUT(first->finished(), 10000);
    QCOMPARE(first->finalCode(), grpc::StatusCode::ABORTED);
    QTRY_COMPARE_WITH_TIMEOUT(m_hub->handler(u"node-a"_s)->status().installedVersion(u"rootfs"_s), u"1.1"_s, 10000);
    QVERIFY(m_hub->handler(u"node-a"_s)->isConnected());
    QVERIFY(!second->finished());
    QCOMPARE(m_hub->handlers().size(), 1);
}

void TestUpdateManagerHub::statusOfAnotherNodeClosesTheStream()
{
    startHub();
    FakeUm *other = addUm("node-b", 0, { { "mcu", "3" } });
    // The hub answers on this thread's event loop: the blocking client runs on its own.
    std::atomic<int> step { 0 };
    grpc::Status final;
    std::thread client([&] {
        auto channel
            = grpc::CreateChannel("127.0.0.1:" + std::to_string(m_hub->port()), grpc::InsecureChannelCredentials());
        auto stub = pb::UMService::NewStub(channel);
        grpc::ClientContext context;
        auto stream = stub->RegisterUM(&context);
        pb::UpdateStatus status;
        status.set_node_id("node-a");
        stream->Write(status);
        while (step.load() == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        status.set_node_id("node-z");
        stream->Write(status);
        pb::CMMessages ignored;
        while (stream->Read(&ignored)) { }
        final = stream->Finish();
        step = 2;
    });
    QTRY_VERIFY_WITH_TIMEOUT(m_hub->handler(u"node-a"_s) && m_hub->handler(u"node-a"_s)->isConnected(), 10000);
    step = 1;
    QTRY_COMPARE_WITH_TIMEOUT(step.load(), 2, 10000);
    client.join();
    QCOMPARE(final.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(final.error_message().find("node-a") != std::string::npos, final.error_message().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(!m_hub->handler(u"node-a"_s)->isConnected(), 10000);
    QVERIFY(!m_hub->handler(u"node-z"_s));
    QVERIFY(m_hub->handler(u"node-b"_s)->isConnected());
    QVERIFY(!other->finished());
}

void TestUpdateManagerHub::garbageFirstMessageClosesOnlyThatStream()
{
    startHub();
    FakeUm *good = addUm("node-b", 0, { { "mcu", "3" } });
    QTRY_VERIFY_WITH_TIMEOUT(m_hub->handler(u"node-b"_s) && m_hub->handler(u"node-b"_s)->isConnected(), 10000);
    // Bytes that are no UpdateStatus at all, through a generic stub.
    auto channel
        = grpc::CreateChannel("127.0.0.1:" + std::to_string(m_hub->port()), grpc::InsecureChannelCredentials());
    grpc::GenericStub stub(channel);
    grpc::ClientContext context;
    grpc::CompletionQueue queue;
    auto call = stub.PrepareCall(&context, "/updatemanager.v2.UMService/RegisterUM", &queue);
    void *tag = nullptr;
    bool ok = false;
    call->StartCall(reinterpret_cast<void *>(1));
    QVERIFY(queue.Next(&tag, &ok) && ok);
    const char garbage[] = "\xff\xff\xff\xff\x0f not protobuf";
    grpc::Slice slice(garbage, sizeof garbage - 1);
    grpc::ByteBuffer buffer(&slice, 1);
    call->Write(buffer, reinterpret_cast<void *>(2));
    QVERIFY(queue.Next(&tag, &ok));
    grpc::Status final;
    call->Finish(&final, reinterpret_cast<void *>(3));
    while (queue.Next(&tag, &ok) && tag != reinterpret_cast<void *>(3)) { }
    QVERIFY2(final.error_code() != grpc::StatusCode::OK, final.error_message().c_str());
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) { }
    // The other UM is untouched, and a new one still registers.
    QVERIFY(!good->finished());
    QVERIFY(m_hub->handler(u"node-b"_s)->isConnected());
    addUm("node-c", 0, { { "dsp", "1" } });
    QTRY_VERIFY_WITH_TIMEOUT(m_hub->handler(u"node-c"_s) && m_hub->handler(u"node-c"_s)->isConnected(), 10000);
}

void TestUpdateManagerHub::streamsOpeningAndClosingInALoop()
{
    startHub();
    FakeUm *good = addUm("node-b", 0, { { "mcu", "3" } });
    auto channel
        = grpc::CreateChannel("127.0.0.1:" + std::to_string(m_hub->port()), grpc::InsecureChannelCredentials());
    auto stub = pb::UMService::NewStub(channel);
    for (int i = 0; i < 100; ++i) {
        grpc::ClientContext context;
        auto stream = stub->RegisterUM(&context);
        if (i % 2) {
            pb::UpdateStatus status;
            status.set_node_id("flapping");
            stream->Write(status);
        }
        stream->WritesDone();
        pb::CMMessages ignored;
        while (stream->Read(&ignored)) { }
        const grpc::Status final = stream->Finish();
        // Without a status first: INVALID_ARGUMENT; after one, a clean end.
        QCOMPARE(final.error_code(), i % 2 ? grpc::StatusCode::OK : grpc::StatusCode::INVALID_ARGUMENT);
        QCoreApplication::processEvents();
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_hub->handler(u"flapping"_s) && !m_hub->handler(u"flapping"_s)->isConnected(), 10000);
    QCOMPARE(m_hub->handlers().size(), 2);
    QVERIFY(!good->finished());
    QVERIFY(m_hub->handler(u"node-b"_s)->isConnected());
    // The hub still coordinates.
    auto u = update({ component(u"mcu"_s, u"4"_s) });
    QCOMPARE(run(*u, &FirmwareUpdate::route).first, true);
    const auto installed = run(*u, &FirmwareUpdate::install);
    QVERIFY2(installed.first, qPrintable(installed.second));
}

void TestUpdateManagerHub::coordinatesInPriorityOrder_data()
{
    QTest::addColumn<bool>("descending");
    QTest::newRow("ascending (AosCore: lower value first)") << false;
    QTest::newRow("descending (AosCore's Go CM: higher first)") << true;
}

void TestUpdateManagerHub::coordinatesInPriorityOrder()
{
    QFETCH(bool, descending);
    startHub({ u"node-a"_s, u"node-b"_s }, 20, descending);
    FakeUm *a = addUm("node-a", 5, { { "rootfs", "1.0" } });
    FakeUm *b = addUm("node-b", 1, { { "mcu", "3.0" } });
    auto u = update({ component(u"rootfs"_s, u"2.0"_s), component(u"mcu"_s, u"3.1"_s) });

    const auto routed = run(*u, &FirmwareUpdate::route);
    QVERIFY2(routed.first, qPrintable(routed.second));
    QCOMPARE(u->order(),
             descending ? QStringList({ u"node-a"_s, u"node-b"_s }) : QStringList({ u"node-b"_s, u"node-a"_s }));
    QVERIFY(m_log.entries().empty()); // routing sends nothing

    const auto installed = run(*u, &FirmwareUpdate::install);
    QVERIFY2(installed.first, qPrintable(installed.second));
    QCOMPARE(u->phase(), FirmwareUpdate::Phase::Updated);
    auto log = m_log.entries();
    // Both PrepareUpdates before any StartUpdate, each UM with its own component only.
    QVERIFY2(contains(log, "node-a:PrepareUpdate rootfs=2.0"), qPrintable(dump(log)));
    QVERIFY2(contains(log, "node-b:PrepareUpdate mcu=3.1"), qPrintable(dump(log)));
    const qsizetype firstStart = indexOf(log, std::string(descending ? "node-a" : "node-b") + ":StartUpdate");
    const qsizetype secondStart = indexOf(log, std::string(descending ? "node-b" : "node-a") + ":StartUpdate");
    QVERIFY2(firstStart >= 0 && secondStart > firstStart, qPrintable(dump(log)));
    QVERIFY(indexOf(log, "node-a:PrepareUpdate") < firstStart && indexOf(log, "node-b:PrepareUpdate") < firstStart);
    QCOMPARE(indexOf(log, "node-a:ApplyUpdate"), -1);

    const auto applied = run(*u, &FirmwareUpdate::apply);
    QVERIFY2(applied.first, qPrintable(applied.second));
    QCOMPARE(u->phase(), FirmwareUpdate::Phase::Done);
    log = m_log.entries();
    QVERIFY(contains(log, "node-a:ApplyUpdate") && contains(log, "node-b:ApplyUpdate"));
    QVERIFY(indexOf(log, "node-a:ApplyUpdate") > secondStart && indexOf(log, "node-b:ApplyUpdate") > secondStart);
    QCOMPARE(a->version("rootfs"), std::string("2.0"));
    QCOMPARE(b->version("mcu"), std::string("3.1"));
    QCOMPARE(indexOf(log, "node-a:RevertUpdate"), -1);
    // The phase is on disk.
    QFile state(m_dir->filePath(u"firmware.json"_s));
    QVERIFY(state.open(QIODevice::ReadOnly));
    QVERIFY(state.readAll().contains("\"Done\""));
}

void TestUpdateManagerHub::failureRevertsEveryone_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QString>("says");
    QTest::newRow("the second UM's StartUpdate fails") << int(FakeUm::Behaviour::FailStart) << u"exit_code 42"_s;
    QTest::newRow("a PrepareUpdate fails") << int(FakeUm::Behaviour::FailPrepare) << u"flash write error"_s;
}

void TestUpdateManagerHub::failureRevertsEveryone()
{
    QFETCH(int, behaviour);
    QFETCH(QString, says);
    startHub({ u"node-a"_s, u"node-b"_s });
    FakeUm *a = addUm("node-a", 1, { { "rootfs", "1.0" } });
    FakeUm *b = addUm("node-b", 2, { { "mcu", "3.0" } }, FakeUm::Behaviour(behaviour));
    auto u = update({ component(u"rootfs"_s, u"2.0"_s), component(u"mcu"_s, u"3.1"_s) });
    QVERIFY(run(*u, &FirmwareUpdate::route).first);
    const auto installed = run(*u, &FirmwareUpdate::install);
    QVERIFY(!installed.first);
    QVERIFY2(installed.second.contains(u"node-b reported FAILED"_s), qPrintable(installed.second));
    QVERIFY2(installed.second.contains(says), qPrintable(installed.second));
    QVERIFY2(installed.second.contains(u"reverted"_s), qPrintable(installed.second));
    QCOMPARE(u->phase(), FirmwareUpdate::Phase::Failed);
    const auto log = m_log.entries();
    // Both had prepared (or tried): both are reverted; nothing is applied.
    QVERIFY2(contains(log, "node-a:RevertUpdate") && contains(log, "node-b:RevertUpdate"), qPrintable(dump(log)));
    QCOMPARE(indexOf(log, "node-a:ApplyUpdate"), -1);
    QTRY_COMPARE_WITH_TIMEOUT(a->state(), pb::IDLE, 5000);
    QCOMPARE(b->state(), pb::IDLE);
    QCOMPARE(a->version("rootfs"), std::string("1.0"));
    // The workflow's Restore afterwards has nothing left to do.
    const auto restored = run(*u, &FirmwareUpdate::revert);
    QVERIFY2(!restored.first || restored.second.contains(u"reverted"_s), qPrintable(restored.second));
}

void TestUpdateManagerHub::silentUpdateManagerTimesOutAndIsReverted()
{
    startHub({ u"node-a"_s, u"node-b"_s }, 2);
    addUm("node-a", 1, { { "rootfs", "1.0" } });
    addUm("node-b", 2, { { "mcu", "3.0" } }, FakeUm::Behaviour::SilentOnStart);
    auto u = update({ component(u"rootfs"_s, u"2.0"_s), component(u"mcu"_s, u"3.1"_s) });
    QVERIFY(run(*u, &FirmwareUpdate::route).first);
    const auto installed = run(*u, &FirmwareUpdate::install);
    QVERIFY(!installed.first);
    QVERIFY2(installed.second.contains(u"node-b did not answer within 2 s"_s), qPrintable(installed.second));
    const auto log = m_log.entries();
    QVERIFY2(contains(log, "node-a:RevertUpdate"), qPrintable(dump(log)));
    QVERIFY2(contains(log, "node-b:RevertUpdate"), qPrintable(dump(log)));
}

void TestUpdateManagerHub::unknownComponentFailsBeforeAnythingIsPrepared()
{
    startHub({ u"node-a"_s });
    addUm("node-a", 1, { { "rootfs", "1.0" } });
    auto u = update({ component(u"rootfs"_s, u"2.0"_s), component(u"gpu-blob"_s, u"9"_s) });
    const auto routed = run(*u, &FirmwareUpdate::route);
    QVERIFY(!routed.first);
    QVERIFY2(routed.second.contains(u"no Update Manager reports firmware component gpu-blob 9"_s),
             qPrintable(routed.second));
    QVERIFY2(routed.second.contains(u"node-a [rootfs]"_s), qPrintable(routed.second));
    QVERIFY(m_log.entries().empty());
}

void TestUpdateManagerHub::resumesFromTheReportedStates()
{
    // The agent restarted mid-update: node-a already UPDATED (it rebooted into the new firmware), node-b PREPARED.
    startHub({ u"node-a"_s, u"node-b"_s });
    m_ums.push_back(std::make_unique<FakeUm>(m_hub->port(), "node-a", 1,
                                             std::map<std::string, std::string> { { "rootfs", "1.0" } }, &m_log,
                                             FakeUm::Behaviour::Follow, pb::UPDATED));
    FakeUm *a = m_ums.back().get();
    a->setPending({ { "rootfs", "2.0" } });
    a->start();
    m_ums.push_back(std::make_unique<FakeUm>(m_hub->port(), "node-b", 2,
                                             std::map<std::string, std::string> { { "mcu", "3.0" } }, &m_log,
                                             FakeUm::Behaviour::Follow, pb::PREPARED));
    FakeUm *b = m_ums.back().get();
    b->setPending({ { "mcu", "3.1" } });
    b->start();
    auto u = update({ component(u"rootfs"_s, u"2.0"_s), component(u"mcu"_s, u"3.1"_s) });
    const auto installed = run(*u, &FirmwareUpdate::install);
    QVERIFY2(installed.first, qPrintable(installed.second));
    auto log = m_log.entries();
    QCOMPARE(dump(log), u"node-b:StartUpdate"_s); // nothing prepared again, node-a not started again
    const auto applied = run(*u, &FirmwareUpdate::apply);
    QVERIFY2(applied.first, qPrintable(applied.second));
    QCOMPARE(a->version("rootfs"), std::string("2.0"));
    QCOMPARE(b->version("mcu"), std::string("3.1"));
}

void TestUpdateManagerHub::restartDuringRevertStillFails()
{
    startHub({ u"node-a"_s });
    FakeUm *a = addUm("node-a", 1, { { "rootfs", "1.0" } }, FakeUm::Behaviour::Follow, pb::UPDATED);
    QFile state(m_dir->filePath(u"firmware.json"_s));
    QVERIFY(state.open(QIODevice::WriteOnly));
    state.write(R"({"phase":"Reverting","errors":["node-b reported FAILED: flash write error"]})");
    state.close();
    auto u = update({ component(u"rootfs"_s, u"2.0"_s) });
    const auto installed = run(*u, &FirmwareUpdate::install);
    QVERIFY(!installed.first);
    QVERIFY2(installed.second.contains(u"flash write error"_s), qPrintable(installed.second));
    QCOMPARE(dump(m_log.entries()), u"node-a:RevertUpdate"_s);
    QCOMPARE(a->state(), pb::IDLE);
    QCOMPARE(a->version("rootfs"), std::string("1.0"));
}

QTEST_GUILESS_MAIN(TestUpdateManagerHub)
#include "tst_updatemanagerhub.moc"
