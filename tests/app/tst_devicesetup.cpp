// The configuration the "Connect a Device" dialog hands out, read back by what reads it on a device:
// flotilla-agent's own config parser, SWUpdate's suricatta keys, rauc-hawkbit-updater's INI keys.
#include "agent/agentconfig.h"
#include "app/console/devicesetup.h"

#include <QFile>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestDeviceSetup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agentConfigLoads_data();
    void agentConfigLoads();
    void suricattaHasEveryKeySwupdateNeeds_data();
    void suricattaHasEveryKeySwupdateNeeds();
    void raucHawkbitUpdaterConfig();
    void deviceUrls();

private:
    QString write(const QString &name, const QString &text);
    QTemporaryDir m_dir;
};

namespace {
DeviceSetup setup(bool gateway, const QString &url = u"http://192.168.1.10:8080"_s)
{
    DeviceSetup s;
    s.server = QUrl(url);
    s.tenant = u"DEFAULT"_s;
    s.controllerId = u"pump-7"_s;
    if (gateway)
        s.gatewayToken = u"gw-secret"_s;
    else
        s.targetToken = u"Abc123Abc123Abc123Abc123Abc123Ab"_s;
    return s;
}
} // namespace

QString TestDeviceSetup::write(const QString &name, const QString &text)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(text.toUtf8());
    return path;
}

void TestDeviceSetup::agentConfigLoads_data()
{
    QTest::addColumn<bool>("gateway");
    QTest::newRow("target token") << false;
    QTest::newRow("gateway token") << true;
}

void TestDeviceSetup::agentConfigLoads()
{
    QFETCH(bool, gateway);
    const DeviceSetup s = setup(gateway);
    QString error;
    const auto c = Agent::AgentConfig::load(write(u"agent.conf"_s, s.agentIni()), {}, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->serverUrl, s.server);
    QCOMPARE(c->tenant, s.tenant);
    QCOMPARE(c->controllerId, s.controllerId);
    QCOMPARE(c->targetToken, s.targetToken);
    QCOMPARE(c->gatewayToken, s.gatewayToken);
}

void TestDeviceSetup::suricattaHasEveryKeySwupdateNeeds_data()
{
    agentConfigLoads_data();
}

void TestDeviceSetup::suricattaHasEveryKeySwupdateNeeds()
{
    QFETCH(bool, gateway);
    const DeviceSetup s = setup(gateway);
    const QString cfg = s.suricattaConfig();
    // libconfig "key = value;" pairs inside "suricatta : { ... };"
    QVERIFY(cfg.startsWith(u"suricatta : {"_s));
    QVERIFY(cfg.trimmed().endsWith(u"};"_s));
    QHash<QString, QString> keys;
    static const QRegularExpression pair(u"^\\s*([a-z-]+)\\s*=\\s*\"([^\"]*)\";\\s*$"_s,
                                         QRegularExpression::MultilineOption);
    for (auto it = pair.globalMatch(cfg); it.hasNext();) {
        const auto m = it.next();
        keys.insert(m.captured(1), m.captured(2));
    }
    // SWUpdate's hawkBit module: server (the module), tenant, id and url are mandatory; one token, never both.
    QCOMPARE(keys.value(u"server"_s), u"hawkbit"_s);
    QCOMPARE(keys.value(u"tenant"_s), s.tenant);
    QCOMPARE(keys.value(u"id"_s), s.controllerId);
    QCOMPARE(keys.value(u"url"_s), s.server.toString());
    QCOMPARE(keys.contains(u"targettoken"_s), !gateway);
    QCOMPARE(keys.contains(u"gatewaytoken"_s), gateway);
    QCOMPARE(keys.value(gateway ? u"gatewaytoken"_s : u"targettoken"_s), gateway ? s.gatewayToken : s.targetToken);

    const QString line = s.suricattaCommandLine();
    QVERIFY2(line.contains(u"-S hawkbit"_s), qPrintable(line));
    QVERIFY(line.contains(u"-t DEFAULT"_s) && line.contains(u"-i pump-7"_s));
    QVERIFY(line.contains(u"-u http://192.168.1.10:8080"_s));
    QVERIFY(line.contains(gateway ? u"-g gw-secret"_s : u"-k " + s.targetToken));
}

void TestDeviceSetup::raucHawkbitUpdaterConfig()
{
    for (const bool tls : { false, true }) {
        const DeviceSetup s = setup(false, tls ? u"https://rollouts.example.com"_s : u"http://10.0.0.5:8080"_s);
        QSettings ini(write(u"rauc.conf"_s, s.raucHawkbitConfig()), QSettings::IniFormat);
        ini.beginGroup(u"client"_s);
        QCOMPARE(ini.value(u"hawkbit_server"_s).toString(), tls ? u"rollouts.example.com:443"_s : u"10.0.0.5:8080"_s);
        QCOMPARE(ini.value(u"ssl"_s).toString(), tls ? u"true"_s : u"false"_s);
        QCOMPARE(ini.value(u"tenant_id"_s).toString(), s.tenant);
        QCOMPARE(ini.value(u"target_name"_s).toString(), s.controllerId);
        QCOMPARE(ini.value(u"auth_token"_s).toString(), s.targetToken);
        QVERIFY(!ini.contains(u"gateway_token"_s));
        QVERIFY(!ini.value(u"bundle_download_location"_s).toString().isEmpty());
    }
}

void TestDeviceSetup::deviceUrls()
{
    // A remote server: its own URL.
    QCOMPARE(DeviceSetup::deviceUrls(QUrl(u"https://rollouts.example.com"_s)),
             QList<QUrl> { QUrl(u"https://rollouts.example.com"_s) });
    // The embedded server (loopback): this machine's other addresses, same scheme and port; never loopback while
    // there is another address.
    const QList<QUrl> urls = DeviceSetup::deviceUrls(QUrl(u"http://127.0.0.1:8080"_s));
    QVERIFY(!urls.isEmpty());
    bool machineHasAnother = false;
    for (const QHostAddress &a : QNetworkInterface::allAddresses())
        machineHasAnother |= !a.isLoopback() && !a.isLinkLocal() && !a.isMulticast();
    for (const QUrl &u : urls) {
        QCOMPARE(u.port(), 8080);
        QCOMPARE(u.scheme(), u"http"_s);
        if (machineHasAnother)
            QVERIFY2(!QHostAddress(u.host()).isLoopback(), qPrintable(u.toString()));
    }
}

QTEST_GUILESS_MAIN(TestDeviceSetup)
#include "tst_devicesetup.moc"
