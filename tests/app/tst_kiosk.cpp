// flotilla-kiosk with real processes on loopback: flotillad (consent flow), flotilla-agent (consent/policy =
// wait, its local API) and the kiosk on an Xvfb display of the test's own. The test presses the kiosk's
// buttons with real mouse events (xdotool), and checks what the server sees. Screenshots of the screens go to
// the build's screenshot folder.
#include "localupdate.qpb.h"
#include "localupdate_client.grpc.qpb.h"
#include "tests/agent/agentprocess.h"
#include "tests/agent/flotilladfixture.h"
#include "tests/common/freeport.h"
#include "tests/common/screenshotdir.h"

#include <QGrpcCallReply>
#include <QGrpcHttp2Channel>
#include <QGrpcServerStream>

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace FlotillaTest;
using namespace Qt::StringLiterals;

namespace {
const QString device = u"kiosk-device"_s;

} // namespace

class TestKiosk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void installNowByTouch_data();
    void installNowByTouch();
    void declineByTouch();
    void reconnectsWhenTheAgentComesBack();
    void maintenanceWindowCountdown();
    void laterPostponesTheQuestion();
    void installNowDuringAClosedWindow();
    void softActionWaitsForAPerson();
    void firstDecisionWinsAndBadRequestsGetAnError();

private:
    void startAll(bool overSocket = false, const QMap<QString, QString> &extra = {});
    bool startKiosk();
    // The window coordinates of a visible button, from the kiosk's "target NAME X Y" lines.
    std::optional<QPoint> target(const QString &name, int ms = 20000);
    bool tap(const QString &name);
    void screenshot(const QString &name);

    QProcess m_xvfb;
    QString m_display;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FlotilladFixture> m_server;
    std::unique_ptr<AgentProcess> m_agent;
    QProcess m_kiosk;
    QByteArray m_kioskLog;
    QHash<QString, QPoint> m_targets;
    Flotilla::Target m_target;
    SetWithArtifact m_set;
    quint16 m_localPort = 0;
    QString m_agentAddress; // what the kiosk is given: a socket path or 127.0.0.1:PORT
};

void TestKiosk::initTestCase()
{
    // An X server of our own; -displayfd 1 prints the display number it took.
    m_xvfb.start(u"Xvfb"_s,
                 { u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1024x600x24"_s, u"-nolisten"_s, u"tcp"_s });
    QVERIFY2(m_xvfb.waitForStarted(), "Xvfb is not installed (tools/devroot.packages has it)");
    QTRY_VERIFY_WITH_TIMEOUT(m_xvfb.canReadLine(), 15000);
    m_display = u":"_s + QString::fromLatin1(m_xvfb.readLine().trimmed());
}

void TestKiosk::cleanupTestCase()
{
    m_xvfb.terminate();
    m_xvfb.waitForFinished(5000);
}

void TestKiosk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<FlotilladFixture>(m_dir->path());
    m_target = m_server->addTarget(device);
    m_set = m_server->addSet(u"press-firmware"_s, u"2.0"_s, u"app.bin"_s, QByteArray("new firmware ").repeated(1000));
    QVERIFY(m_target.id > 0 && m_set.setId > 0);
    m_agent = std::make_unique<AgentProcess>(m_dir->path());
    m_localPort = freeLoopbackPort();
    m_kioskLog.clear();
    m_targets.clear();
}

void TestKiosk::cleanup()
{
    if (QTest::currentTestFailed()) {
        qWarning().noquote() << "agent log:\n" << m_agent->log().right(6000);
        qWarning().noquote() << "kiosk log:\n" << QString::fromUtf8(m_kioskLog + m_kiosk.readAll()).right(3000);
    }
    if (m_kiosk.state() != QProcess::NotRunning) {
        m_kiosk.terminate();
        if (!m_kiosk.waitForFinished(5000))
            m_kiosk.kill();
    }
    m_agent.reset();
    m_server.reset();
}

void TestKiosk::startAll(bool overSocket, const QMap<QString, QString> &extra)
{
    QVERIFY(m_server->start(u"consentFlow=true\n"_s));
    m_agentAddress = overSocket ? m_dir->filePath(u"run/local.sock"_s) : u"127.0.0.1:%1"_s.arg(m_localPort);
    m_agent->configure({ { u"server/url"_s, m_server->agentUrl() },
                         { u"device/controllerId"_s, device },
                         { u"auth/targetToken"_s, m_target.securityToken },
                         { u"handlers/default"_s, u"file:"_s + m_dir->filePath(u"installed"_s) },
                         { u"consent/policy"_s, u"wait"_s },
                         { overSocket ? u"localApi/socket"_s : u"localApi/listen"_s, m_agentAddress } });
    if (!extra.isEmpty()) {
        QSettings ini(m_agent->configPath(), QSettings::IniFormat);
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            ini.setValue(it.key(), it.value());
    }
    QVERIFY(m_agent->start());
    QVERIFY2(m_agent->waitForLog(u"local API listening on"_s), qPrintable(m_agent->log()));
    QVERIFY(startKiosk());
}

bool TestKiosk::startKiosk()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISPLAY"_s, m_display);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    env.insert(u"FLOTILLA_KIOSK_REPORT_TARGETS"_s, u"1"_s);
    m_kiosk.setProcessEnvironment(env);
    m_kiosk.setProcessChannelMode(QProcess::MergedChannels);
    m_kiosk.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotilla-kiosk"_s, { u"--agent"_s, m_agentAddress });
    return m_kiosk.waitForStarted(5000);
}

std::optional<QPoint> TestKiosk::target(const QString &name, int ms)
{
    std::optional<QPoint> found;
    (void)QTest::qWaitFor(
        [&] {
            while (m_kiosk.canReadLine()) {
                const QByteArray line = m_kiosk.readLine();
                m_kioskLog += line;
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() == 4 && parts.at(0) == "target")
                    m_targets.insert(QString::fromLatin1(parts.at(1)),
                                     QPoint(parts.at(2).toInt(), parts.at(3).toInt()));
            }
            if (m_targets.contains(name))
                found = m_targets.value(name);
            return found.has_value();
        },
        ms);
    return found;
}

bool TestKiosk::tap(const QString &name)
{
    const std::optional<QPoint> at = target(name);
    if (!at)
        return false;
    QProcess xdotool;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DISPLAY"_s, m_display);
    xdotool.setProcessEnvironment(env);
    xdotool.start(
        u"xdotool"_s,
        { u"mousemove"_s, u"--sync"_s, QString::number(at->x()), QString::number(at->y()), u"click"_s, u"1"_s });
    return xdotool.waitForFinished(10000) && xdotool.exitCode() == 0;
}

void TestKiosk::screenshot(const QString &name)
{
    // A second kiosk, offscreen, grabs the agent's current state and quits.
    QProcess shot;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    shot.setProcessEnvironment(env);
    shot.setProcessChannelMode(QProcess::MergedChannels);
    shot.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + u"/flotilla-kiosk"_s,
               { u"--agent"_s, m_agentAddress, u"--windowed"_s, u"--screenshot"_s,
                 screenshotDir() + u"/kiosk-live-"_s + name + u".png"_s });
    QVERIFY(shot.waitForFinished(20000));
    QVERIFY2(shot.exitCode() == 0, shot.readAll().constData());
}

void TestKiosk::installNowByTouch_data()
{
    QTest::addColumn<bool>("overSocket");
    QTest::newRow("loopback address") << false;
    QTest::newRow("Unix socket (the default on devices)") << true;
}

void TestKiosk::installNowByTouch()
{
    QFETCH(bool, overSocket);
    startAll(overSocket);
    const qint64 action = m_server->assign(device, m_set.setId, { { u"confirmationRequired"_s, true } });
    QCOMPARE(m_server->actionState(device, action), u"wait_for_confirmation"_s);
    QVERIFY2(target(u"installNowButton"_s).has_value(), "the consent prompt never showed its Install now button");
    if (!overSocket)
        screenshot(u"consent"_s);
    QVERIFY(tap(u"installNowButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    const QString said = m_server->messages(device, action).join(u"\n"_s);
    QVERIFY2(said.contains(u"confirmed on the device by kiosk"_s), qPrintable(said));
    QVERIFY(QFile::exists(m_dir->filePath(u"installed/app.bin"_s)));
    if (!overSocket)
        screenshot(u"result"_s);
}

void TestKiosk::declineByTouch()
{
    startAll();
    const qint64 action = m_server->assign(device, m_set.setId, { { u"confirmationRequired"_s, true } });
    QVERIFY(tap(u"declineButton"_s));
    // Decline asks once more.
    QVERIFY(tap(u"confirmDeclineButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_server->messages(device, action).join(u"\n"_s).contains(u"denied on the device by kiosk"_s), 20000);
    QCOMPARE(m_server->actionState(device, action), u"wait_for_confirmation"_s);
    QVERIFY(m_agent->log().contains(u"denied on the device by kiosk"_s));
    QVERIFY(!QFile::exists(m_dir->filePath(u"installed/app.bin"_s)));
}

void TestKiosk::reconnectsWhenTheAgentComesBack()
{
    startAll();
    QVERIFY(QTest::qWaitFor([this] { return (m_kioskLog += m_kiosk.readAll()).contains("connected to the agent"); },
                            20000));
    m_agent->kill();
    QVERIFY(
        QTest::qWaitFor([this] { return (m_kioskLog += m_kiosk.readAll()).contains("the agent went away"); }, 20000));
    QVERIFY(m_agent->start());
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_kioskLog.count("connected to the agent") >= 2
                || (m_kioskLog += m_kiosk.readAll()).count("connected to the agent") >= 2;
        },
        30000));
}

namespace {
namespace pb = flotilla::device::v1;

// A second local client beside the kiosk (a CLI, another screen), from the published protocol.
struct LocalClient
{
    explicit LocalClient(quint16 port)
    {
        client.attachChannel(std::make_shared<QGrpcHttp2Channel>(QUrl(u"http://127.0.0.1:%1"_s.arg(port))));
    }
    // The latest notification on a subscription that waits until `pred` holds.
    std::optional<pb::DeviceNotification> waitFor(const std::function<bool(const pb::DeviceNotification &)> &pred,
                                                  int ms = 30000)
    {
        if (!stream) {
            pb::SubscribeRequest r;
            r.setClient(u"test"_s);
            stream = client.SubscribeNotifications(r);
            QObject::connect(stream.get(), &QGrpcServerStream::messageReceived, stream.get(), [this] {
                if (auto n = stream->read<pb::DeviceNotification>())
                    latest = *n;
            });
        }
        std::optional<pb::DeviceNotification> hit;
        (void)QTest::qWaitFor(
            [&] {
                if (latest && pred(*latest))
                    hit = latest;
                return hit.has_value();
            },
            ms);
        return hit;
    }
    std::pair<QGrpcStatus, std::optional<pb::DecisionResult>> confirm(const QString &actionId)
    {
        pb::ConsentDecision d;
        d.setActionId(actionId);
        d.setDecidedBy(u"test-cli"_s);
        std::unique_ptr<QGrpcCallReply> reply = client.Confirm(d);
        QSignalSpy finished(reply.get(), &QGrpcCallReply::finished);
        if (!finished.wait(10000))
            return { QGrpcStatus(QtGrpc::StatusCode::DeadlineExceeded, u"no answer"_s), std::nullopt };
        return { finished.first().first().value<QGrpcStatus>(), reply->read<pb::DecisionResult>() };
    }

    pb::LocalUpdateService::Client client;
    std::unique_ptr<QGrpcServerStream> stream;
    std::optional<pb::DeviceNotification> latest;
};
} // namespace

void TestKiosk::maintenanceWindowCountdown()
{
    startAll();
    // A window that opens in about two hours (UTC), thirty minutes long: downloaded now, installed then.
    const int hour = (QDateTime::currentDateTimeUtc().time().hour() + 2) % 24;
    const qint64 action = m_server->assign(device, m_set.setId,
                                           { { u"type"_s, u"forced"_s },
                                             { u"maintenanceWindow"_s,
                                               QJsonObject { { u"schedule"_s, u"0 0 %1 * * ?"_s.arg(hour) },
                                                             { u"duration"_s, u"00:30:00"_s },
                                                             { u"timezone"_s, u"+00:00"_s } } } });
    QVERIFY(action > 0);
    LocalClient cli(m_localPort);
    const auto waiting = cli.waitFor([](const pb::DeviceNotification &n) {
        return n.state() == pb::DeviceStateGadget::DeviceState::WAITING_FOR_WINDOW && qint64(n.windowStart()) > 0;
    });
    QVERIFY2(waiting, "the agent never said it waits for a window, with the window's start");
    const qint64 secondsToStart = qint64(waiting->windowStart()) - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(secondsToStart > 3600 && secondsToStart <= 2 * 3600, qPrintable(QString::number(secondsToStart)));
    QCOMPARE(qint64(waiting->windowEnd()) - qint64(waiting->windowStart()), qint64(1800));
    QVERIFY(!waiting->installNowAllowed()); // localApi/allowInstallNow is off by default
    screenshot(u"window"_s);
    QCOMPARE(m_server->actionState(device, action), u"running"_s);
}

void TestKiosk::laterPostponesTheQuestion()
{
    startAll();
    const qint64 action = m_server->assign(device, m_set.setId, { { u"confirmationRequired"_s, true } });
    QVERIFY(tap(u"laterButton"_s));
    LocalClient cli(m_localPort);
    const auto postponed = cli.waitFor(
        [](const pb::DeviceNotification &n) { return n.state() == pb::DeviceStateGadget::DeviceState::POSTPONED; });
    QVERIFY(postponed);
    const qint64 in = qint64(postponed->postponedUntil()) - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(in > 3500 && in <= 3600, qPrintable(QString::number(in)));
    QVERIFY(postponed->consents().isEmpty());
    // Nothing was decided: the server still waits for consent.
    QCOMPARE(m_server->actionState(device, action), u"wait_for_confirmation"_s);
    QVERIFY(!m_server->messages(device, action).join(u"\n"_s).contains(u"on the device by"_s));
    screenshot(u"postponed"_s);
}

void TestKiosk::installNowDuringAClosedWindow()
{
    startAll(false, { { u"localApi/allowInstallNow"_s, u"true"_s } });
    const int hour = (QDateTime::currentDateTimeUtc().time().hour() + 2) % 24;
    const qint64 action = m_server->assign(device, m_set.setId,
                                           { { u"type"_s, u"forced"_s },
                                             { u"maintenanceWindow"_s,
                                               QJsonObject { { u"schedule"_s, u"0 0 %1 * * ?"_s.arg(hour) },
                                                             { u"duration"_s, u"00:30:00"_s },
                                                             { u"timezone"_s, u"+00:00"_s } } } });
    QVERIFY(action > 0);
    // The window screen offers Install now (localApi/allowInstallNow = true); a person presses it.
    QVERIFY(tap(u"installNowButton"_s));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir->filePath(u"installed/app.bin"_s)), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QVERIFY(m_agent->log().contains(u"install now, asked by kiosk"_s));
}

void TestKiosk::softActionWaitsForAPerson()
{
    // localApi/holdSoftActions: a soft action is downloaded, then waits for Install now on the screen.
    startAll(false, { { u"localApi/holdSoftActions"_s, u"true"_s } });
    const qint64 action = m_server->assign(device, m_set.setId, { { u"type"_s, u"soft"_s } });
    QVERIFY(action > 0);
    LocalClient cli(m_localPort);
    const auto ready = cli.waitFor([](const pb::DeviceNotification &n) {
        return n.state() == pb::DeviceStateGadget::DeviceState::READY_TO_INSTALL;
    });
    QVERIFY2(ready, "the soft action never waited for a person");
    QVERIFY(ready->installNowAllowed());
    QTest::qWait(2500); // a few polls: it keeps waiting
    QVERIFY(!QFile::exists(m_dir->filePath(u"installed/app.bin"_s)));
    screenshot(u"ready-to-install"_s);
    QVERIFY(tap(u"installNowButton"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QVERIFY(QFile::exists(m_dir->filePath(u"installed/app.bin"_s)));
}

void TestKiosk::firstDecisionWinsAndBadRequestsGetAnError()
{
    startAll();
    const qint64 action = m_server->assign(device, m_set.setId, { { u"confirmationRequired"_s, true } });
    LocalClient cli(m_localPort);
    // Every client gets the same question (the kiosk shows it, the second client reads it).
    const auto asked = cli.waitFor([](const pb::DeviceNotification &n) { return !n.consents().isEmpty(); });
    QVERIFY(asked);
    QVERIFY(target(u"installNowButton"_s).has_value());
    QCOMPARE(asked->consents().first().actionId(), QString::number(action));
    QCOMPARE(asked->deviceName(), device);
    // A request without an action: a gRPC error, and the agent keeps serving.
    const auto [badStatus, badResult] = cli.confirm(QString());
    QCOMPARE(badStatus.code(), QtGrpc::StatusCode::InvalidArgument);
    // The first decision wins; the second is told it came too late.
    const auto [status, first] = cli.confirm(QString::number(action));
    QVERIFY2(status.isOk(), qPrintable(status.message()));
    QVERIFY(first && first->accepted());
    const auto [status2, second] = cli.confirm(QString::number(action));
    QVERIFY(status2.isOk());
    QVERIFY(second && !second->accepted());
    QVERIFY2(second->message().contains(u"decided already"_s), qPrintable(second->message()));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->actionState(device, action), u"finished"_s, 30000);
    QVERIFY(m_server->messages(device, action).join(u"\n"_s).contains(u"confirmed on the device by test-cli"_s));
}

QTEST_GUILESS_MAIN(TestKiosk)
#include "tst_kiosk.moc"
