// The console's dialogs against an embedded server: Connect (TLS, cancel), the rollout wizard, Deploy with a
// planned maintenance window.
#include "app/console/connectdevicedialog.h"
#include "app/console/connectdialog.h"
#include "app/console/maintenance/maintenancewindowdialog.h"
#include "app/console/mainwindow.h"
#include "app/console/models/distributionsetmodel.h"
#include "app/console/models/rolloutforecastmodel.h"
#include "app/console/models/usermodel.h"
#include "app/console/pages/deploydialog.h"
#include "app/console/pages/rolloutdialog.h"
#include "app/console/pages/settingspage.h"
#include "app/console/pagestack.h"
#include "app/console/serverconnection.h"
#include "app/console/welcomepage.h"
#include "tests/app/consolefixture.h"
#include "tests/common/screenshotdir.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>

using namespace Flotilla;
using namespace FlotillaTest;
using namespace Qt::StringLiterals;

class TestConsoleDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void connectDialogShowsAnUntrustedCertificate();
    void connectDialogCancelsASlowAttempt();
    void rolloutDialogPlansGroups();
    void deployDialogPlansAMaintenanceWindow();
    void connectDeviceDialogSeesTheFirstPoll();
    void welcomeChecklistTicksItself();
};

// File → Connect to a server with a self-signed certificate: refused with the reason and the fingerprint; works
// only once the operator trusts that certificate, and then for the API and the event stream alike.
void TestConsoleDialogs::connectDialogShowsAnUntrustedCertificate()
{
    QTemporaryDir tls;
    const QString cert = tls.filePath(u"cert.pem"_s);
    const QString key = tls.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                    u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                    u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, key, u"-out"_s, cert });
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
    EmbeddedServer server([&](ServerConfig &c) {
        c.tlsCertificate = cert;
        c.tlsKey = key;
    });
    QVERIFY(server.start());
    QVERIFY2(server.url.startsWith(u"https://"_s), qPrintable(server.url));
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(cert);
    QCOMPARE(certs.size(), 1);
    const QString fingerprint = QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':'));

    ConnectDialog dialog;
    dialog.show();
    auto *url = dialog.findChild<QComboBox *>(u"serverUrl"_s);
    url->setEditText(server.url);
    dialog.findChild<QLineEdit *>(u"serverUser"_s)->setText(u"console"_s);
    dialog.findChild<QLineEdit *>(u"serverSecret"_s)->setText(u"console-password"_s);
    auto *connectButton = dialog.findChild<QPushButton *>(u"connectButton"_s);
    auto *trust = dialog.findChild<QCheckBox *>(u"trustCertificate"_s);
    auto *status = dialog.findChild<QLabel *>(u"connectStatus"_s);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY(trust->isVisible());
    QVERIFY2(status->text().contains(u"not trusted"_s), qPrintable(status->text()));
    QVERIFY2(trust->text().contains(fingerprint), qPrintable(trust->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    // Connect again without ticking: still refused.
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QVERIFY(!connectButton->isEnabled()); // while it tries
    QTRY_VERIFY(connectButton->isEnabled());
    QVERIFY(dialog.isVisible());
    QVERIFY(status->text().contains(u"not trusted"_s));

    trust->setChecked(true);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.trustedCertificates().size(), 1);
    QCOMPARE(dialog.trustedCertificates().first(), certs.first());

    MainWindow window;
    window.show();
    window.connectToServer(dialog.login(), dialog.trustedCertificates());
    QTRY_VERIFY(window.settingsPage()->users()->rowCount() >= 1);
    QTRY_COMPARE(window.connection().events().state(), EventClient::State::Connected);
}

// Cancel while the dialog waits for a server that accepts the connection but never answers: the attempt stops,
// the dialog stays open and says so.
void TestConsoleDialogs::connectDialogCancelsASlowAttempt()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ConnectDialog dialog;
    dialog.show();
    dialog.findChild<QComboBox *>(u"serverUrl"_s)->setEditText(u"http://127.0.0.1:%1"_s.arg(silent.serverPort()));
    dialog.findChild<QLineEdit *>(u"serverSecret"_s)->setText(u"token"_s);
    auto *connectButton = dialog.findChild<QPushButton *>(u"connectButton"_s);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QVERIFY(!connectButton->isEnabled());
    QTest::qWait(200);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(connectButton->isEnabled());
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.findChild<QLabel *>(u"connectStatus"_s)->text().contains(u"canceled"_s),
             qPrintable(dialog.findChild<QLabel *>(u"connectStatus"_s)->text()));
    // A second Cancel closes it.
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

// The rollout wizard: live count of the filter's targets, the groups the engine will make (equal or by
// percentages of the targets left), refused input, and a created rollout whose groups hold what was shown.
void TestConsoleDialogs::rolloutDialogPlansGroups()
{
    EmbeddedServer server;
    QVERIFY(server.start());
    QVERIFY(server.createTargets(u"cam-"_s, 20));
    QVERIFY(server.createTargets(u"door-"_s, 3));
    QVERIFY(server.createSet() > 0);
    ServerConnection connection;
    DistributionSetModel sets(connection);
    server.connect(connection);
    QTRY_COMPARE(sets.rowCount(), 1);

    RolloutDialog dialog(connection, sets);
    dialog.show();
    auto *create = dialog.findChild<QPushButton *>(u"createButton"_s);
    QVERIFY(create);
    QVERIFY(!create->isEnabled());
    dialog.setName(u"cameras"_s);
    dialog.setFilter(u"controllerId==cam-*"_s);
    QTRY_VERIFY2(dialog.matchText().contains(u"groups of 4, 4, 4, 4, 4"_s), qPrintable(dialog.matchText()));
    QVERIFY(dialog.matchText().contains(u"20"_s));
    QVERIFY(create->isEnabled());

    dialog.findChild<QComboBox *>(u"groupMode"_s)->setCurrentIndex(1);
    auto *percentages = dialog.findChild<QLineEdit *>(u"groupPercentages"_s);
    QVERIFY(percentages->isVisible());
    QVERIFY(!create->isEnabled()); // no percentages yet
    percentages->setText(u"10, 50"_s);
    QVERIFY2(dialog.matchText().contains(u"groups of 2, 9"_s), qPrintable(dialog.matchText()));
    QVERIFY2(dialog.matchText().contains(u"9 target"_s), qPrintable(dialog.matchText()));
    percentages->setText(u"10, abc"_s);
    QVERIFY(!create->isEnabled());
    percentages->setText(u"10, 150"_s);
    QVERIFY(!create->isEnabled());
    percentages->setText(u"10, 50 %, 100"_s);
    QVERIFY2(dialog.matchText().contains(u"groups of 2, 9, 9"_s), qPrintable(dialog.matchText()));
    QVERIFY(create->isEnabled());
    const QJsonObject body = dialog.requestBody();
    QVERIFY(!body.contains("amountGroups"_L1));
    QCOMPARE(body["groups"_L1].toArray().size(), 3);
    QCOMPARE(body["groups"_L1][1]["targetPercentage"_L1].toDouble(), 50.0);

    // Forecast: the server plays it on a copy of the fleet. These targets never polled, so the first group waits
    // for them beyond the horizon; the table shows the three groups, and nothing was created.
    auto *forecastButton = dialog.findChild<QPushButton *>(u"forecastButton"_s);
    QVERIFY(forecastButton->isEnabled());
    QTest::mouseClick(forecastButton, Qt::LeftButton);
    QTRY_COMPARE(dialog.forecast()->rowCount(), 3);
    QVERIFY2(dialog.forecastText().contains(u"Does not finish within 7 days"_s), qPrintable(dialog.forecastText()));
    QVERIFY2(dialog.forecastText().contains(u"20 target(s) have not polled"_s), qPrintable(dialog.forecastText()));
    QVERIFY(dialog.findChild<QTableView *>(u"forecastView"_s)->isVisible());
    QCOMPARE(server.api->get(u"/rollouts"_s).json()["total"_L1].toInt(), 0);
    dialog.grab().save(screenshotDir() + u"/rollout-forecast.png"_s);

    QSignalSpy created(&dialog, &RolloutDialog::created);
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE(created.size(), 1);
    const qint64 id = created.first().first().toLongLong();
    const QJsonArray groups = server.api->get(u"/rollouts/%1/deploygroups"_s.arg(id)).json()["content"_L1].toArray();
    QCOMPARE(groups.size(), 3);
    QCOMPARE(groups[0]["totalTargets"_L1].toInt(), 2);
    QCOMPARE(groups[1]["totalTargets"_L1].toInt(), 9);
    QCOMPARE(groups[2]["totalTargets"_L1].toInt(), 9);
}

// Deploy → Plan the window…: the editor's choice lands in the assignment's maintenance window.
void TestConsoleDialogs::deployDialogPlansAMaintenanceWindow()
{
    ServerConnection connection;
    DistributionSetModel sets(connection);
    Mgmt::MgmtTarget camera;
    camera.controllerId = u"cam-1"_s;
    camera.id = 1;
    DeployDialog dialog(connection, sets, { camera }, false);
    dialog.show();
    dialog.findChild<QGroupBox *>(u"windowGroup"_s)->setChecked(true);
    bool planned = false;
    QTimer::singleShot(0, this, [&planned] {
        auto *editor = qobject_cast<MaintenanceWindowDialog *>(QApplication::activeModalWidget());
        if (!editor)
            return;
        editor->findChild<QComboBox *>(u"scheduleMode"_s)->setCurrentIndex(1); // weekly
        editor->findChild<QCheckBox *>(u"weekday6"_s)->setChecked(true); // Saturday
        editor->findChild<QTimeEdit *>(u"windowTime"_s)->setTime(QTime(23, 30));
        editor->findChild<QLineEdit *>(u"windowDuration"_s)->setText(u"02:00:00"_s);
        editor->findChild<QComboBox *>(u"windowZone"_s)->setCurrentText(u"America/New_York"_s);
        planned = true;
        editor->accept();
    });
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"planWindowButton"_s), Qt::LeftButton);
    QVERIFY(planned);
    const QJsonObject window = dialog.requestBody().at(0)["maintenanceWindow"_L1].toObject();
    QCOMPARE(window["schedule"_L1].toString(), u"0 30 23 ? * SAT"_s);
    QCOMPARE(window["duration"_L1].toString(), u"02:00:00"_s);
    QCOMPARE(window["timezone"_L1].toString(), u"America/New_York"_s);
}

// File → Connect a Device: the target is created with the token the configuration shows; a device that polls
// with exactly that configuration flips the dialog to "connected" through the event stream.
void TestConsoleDialogs::connectDeviceDialogSeesTheFirstPoll()
{
    EmbeddedServer server;
    QVERIFY(server.start());
    MainWindow window;
    window.show();
    window.connectToServer(server.login());
    QTRY_COMPARE(window.connection().events().state(), EventClient::State::Connected);

    ConnectDeviceDialog *dialog = window.showConnectDeviceDialog();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(window.showConnectDeviceDialog(), dialog); // one at a time
    dialog->findChild<QLineEdit *>(u"deviceControllerId"_s)->setText(u"pump-7"_s);
    // The device is on this machine in the test: the server's own loopback URL.
    dialog->findChild<QComboBox *>(u"deviceServerUrl"_s)->setEditText(server.url);
    auto *status = dialog->findChild<QLabel *>(u"firstPollStatus"_s);
    QVERIFY2(status->text().contains(u"pump-7"_s), qPrintable(status->text()));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"createTargetButton"_s), Qt::LeftButton);
    QTRY_VERIFY2(status->text().contains(u"created"_s), qPrintable(status->text()));
    QVERIFY(!dialog->hasPolled());

    // What the operator pastes on the device: the agent's INI names the URL, tenant, id and token.
    const QString ini = dialog->findChild<QPlainTextEdit *>(u"agentConfig"_s)->toPlainText();
    QVERIFY2(ini.contains(u"url="_s + server.url), qPrintable(ini));
    const QString token = ini.section(u"targetToken="_s, 1).section(u'\n', 0, 0).trimmed();
    QCOMPARE(token.size(), 32);
    QVERIFY(dialog->findChild<QPlainTextEdit *>(u"suricattaConfig"_s)->toPlainText().contains(token));
    QVERIFY(dialog->findChild<QPlainTextEdit *>(u"raucConfig"_s)->toPlainText().contains(token));
    dialog->grab().save(screenshotDir() + u"/connect-device.png"_s);
    {
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        QTest::qWait(100); // the palette change reaches every widget
        dialog->grab().save(screenshotDir() + u"/connect-device-dark.png"_s);
        QApplication::setPalette(light);
    }

    HttpClient device(server.url + u"/DEFAULT/controller/v1/pump-7"_s);
    device.setAuthorization("TargetToken " + token.toLatin1());
    QCOMPARE(device.get(QString()).status, 200);
    QTRY_VERIFY(dialog->hasPolled());
    QVERIFY2(status->text().contains(u"connected"_s), qPrintable(status->text()));
}

// The Welcome page's checklist follows the server: reachable once connected; a device once one polls; software
// once a module exists; a deployment once an action exists; each through the event stream, without reopening.
void TestConsoleDialogs::welcomeChecklistTicksItself()
{
    EmbeddedServer server;
    QVERIFY(server.start());
    MainWindow window;
    window.show();
    auto *welcome = qobject_cast<WelcomePage *>(window.pages()->page(0));
    QVERIFY(welcome);
    for (int i = 0; i < WelcomePage::StepCount; ++i)
        QVERIFY(!welcome->isDone(WelcomePage::Step(i)));
    window.connectToServer(server.login());
    QTRY_VERIFY(welcome->isDone(WelcomePage::ServerReachable));
    QTRY_COMPARE(window.connection().events().state(), EventClient::State::Connected);
    QVERIFY(!welcome->isDone(WelcomePage::DeviceConnected));
    QVERIFY(!welcome->isDone(WelcomePage::SoftwareUploaded));
    QVERIFY(!welcome->isDone(WelcomePage::FirstDeployment));

    QVERIFY(server.createTargets(u"cam-"_s, 1)); // created, never polled: not connected yet
    QTest::qWait(800);
    QVERIFY(!welcome->isDone(WelcomePage::DeviceConnected));
    QCOMPARE(server.poll(u"cam-000"_s).status, 200);
    QTRY_VERIFY(welcome->isDone(WelcomePage::DeviceConnected));

    const qint64 set = server.createSet();
    QVERIFY(set > 0);
    QTRY_VERIFY(welcome->isDone(WelcomePage::SoftwareUploaded));
    QVERIFY(!welcome->isDone(WelcomePage::FirstDeployment));
    const QByteArray assignment = "[{\"id\":\"cam-000\"}]";
    QCOMPARE(server.api->post(u"/distributionsets/%1/assignedTargets"_s.arg(set), assignment).status, 200);
    QTRY_VERIFY(welcome->isDone(WelcomePage::FirstDeployment));
    auto *step = welcome->findChild<QLabel *>(u"welcomeStep3"_s);
    QVERIFY(step->text().startsWith(QChar(0x2611)));
    QVERIFY(step->accessibleName().endsWith(u"done"_s));
    window.pages()->setCurrentIndex(0);
    window.grab().save(screenshotDir() + u"/welcome-checklist.png"_s);
    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QTest::qWait(100); // the palette change reaches every widget
    window.grab().save(screenshotDir() + u"/welcome-checklist-dark.png"_s);
    QApplication::setPalette(light);
}

QTEST_MAIN(TestConsoleDialogs)
#include "tst_consoledialogs.moc"
