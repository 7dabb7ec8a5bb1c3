// The Update Manager protocol compiled from one .proto for both sides: a QtGrpc client (as flotilla-um uses)
// talks to a grpc++ server (as the agent uses) over loopback, on the bidirectional RegisterUM stream.
#include "updatemanager.qpb.h"
#include "updatemanager_client.grpc.qpb.h"

#include <QGrpcHttp2Channel>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace updatemanager::v2;

class TestUpdateManagerProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void registerAndFollowCommands_data();
    void registerAndFollowCommands();

private:
    QProcess m_server;
    QUrl m_url;
};

void TestUpdateManagerProtocol::initTestCase()
{
    m_server.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/flotilla-test-umserver"));
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start();
    QVERIFY2(m_server.waitForStarted(), qPrintable(m_server.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_server.canReadLine(), 10000);
    const QByteArray line = m_server.readLine().trimmed();
    QVERIFY2(line.startsWith("port "), line.constData());
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(QString::fromLatin1(line.mid(5))));
}

void TestUpdateManagerProtocol::cleanupTestCase()
{
    m_server.closeWriteChannel();
    if (!m_server.waitForFinished(5000))
        m_server.kill();
}

void TestUpdateManagerProtocol::registerAndFollowCommands_data()
{
    QTest::addColumn<UpdateStateGadget::UpdateState>("state");
    QTest::addColumn<CMMessages::CMMessageFields>("expected");
    QTest::newRow("IDLE UM gets PrepareUpdate")
        << UpdateStateGadget::UpdateState::IDLE << CMMessages::CMMessageFields::PrepareUpdate;
    QTest::newRow("PREPARED UM gets StartUpdate")
        << UpdateStateGadget::UpdateState::PREPARED << CMMessages::CMMessageFields::StartUpdate;
    QTest::newRow("UPDATED UM gets ApplyUpdate")
        << UpdateStateGadget::UpdateState::UPDATED << CMMessages::CMMessageFields::ApplyUpdate;
    QTest::newRow("FAILED UM gets RevertUpdate")
        << UpdateStateGadget::UpdateState::FAILED << CMMessages::CMMessageFields::RevertUpdate;
}

void TestUpdateManagerProtocol::registerAndFollowCommands()
{
    QFETCH(UpdateStateGadget::UpdateState, state);
    QFETCH(CMMessages::CMMessageFields, expected);

    UMService::Client client;
    client.attachChannel(std::make_shared<QGrpcHttp2Channel>(m_url));

    // The first message on the stream registers the UM: always its full status.
    UpdateStatus registration;
    registration.setNodeId(QStringLiteral("node-a"));
    registration.setPriority(7);
    registration.setUpdateState(UpdateStateGadget::UpdateState::IDLE);
    std::unique_ptr<QGrpcBidiStream> stream = client.RegisterUM(registration);
    QSignalSpy received(stream.get(), &QGrpcBidiStream::messageReceived);
    QVERIFY(received.isValid());

    QVERIFY(received.wait(10000));
    std::optional<CMMessages> first = stream->read<CMMessages>();
    QVERIFY(first.has_value());
    QCOMPARE(first->CMMessageField(), CMMessages::CMMessageFields::PrepareUpdate);
    QCOMPARE(first->prepareUpdate().components().size(), 1);
    // The server read our fields: the component carries our node id and priority back.
    QCOMPARE(first->prepareUpdate().components().first().componentId(), QStringLiteral("node-a/rootfs"));
    QCOMPARE(first->prepareUpdate().components().first().version(), QStringLiteral("2.0.7"));
    QCOMPARE(first->prepareUpdate().components().first().size(), quint64(4096));

    // A status change on the same stream gets the next command.
    UpdateStatus next = registration;
    next.setUpdateState(state);
    stream->writeMessage(next);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 10000);
    std::optional<CMMessages> second = stream->read<CMMessages>();
    QVERIFY(second.has_value());
    QCOMPARE(second->CMMessageField(), expected);

    QSignalSpy finished(stream.get(), &QGrpcBidiStream::finished);
    stream->writesDone();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().value<QGrpcStatus>().code(), QtGrpc::StatusCode::Ok);
}

QTEST_GUILESS_MAIN(TestUpdateManagerProtocol)
#include "tst_updatemanagerprotocol.moc"
