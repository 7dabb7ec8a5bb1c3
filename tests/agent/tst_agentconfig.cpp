// flotilla-agent's configuration: defaults, the file, the command line's overrides over the file, and a bad
// value that stops start-up with the key named.
#include "agent/agentconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla::Agent;
using namespace Qt::StringLiterals;

class TestAgentConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAndFile();
    void overridesWin();
    void handlers_data();
    void handlers();
    void badValues_data();
    void badValues();
    void shippedConfiguration();

private:
    QString write(const QByteArray &ini);
    QTemporaryDir m_dir;
};

QString TestAgentConfig::write(const QByteArray &ini)
{
    const QString path = m_dir.filePath(u"agent.ini"_s);
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(ini);
    return path;
}

void TestAgentConfig::defaultsAndFile()
{
    QString error;
    const auto c = AgentConfig::load(
        write("[server]\nurl=https://rollouts.example.com/\n[device]\ncontrollerId=pump-7\n"
              "attributes.model=P7\nattributes.site=\"Hall 2, bay 4\"\n[paths]\nstate=/var/lib/x\n"),
        {}, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->serverUrl.toString(), u"https://rollouts.example.com"_s);
    QCOMPARE(c->tenant, u"DEFAULT"_s);
    QCOMPARE(c->controllerId, u"pump-7"_s);
    QCOMPARE(c->attributes.value(u"model"_s), u"P7"_s);
    QCOMPARE(c->attributes.value(u"site"_s), u"Hall 2, bay 4"_s);
    QCOMPARE(c->stateDir, u"/var/lib/x"_s);
    QCOMPARE(c->downloadDir, u"/var/lib/x/downloads"_s);
    QCOMPARE(c->consentPolicy, ConsentPolicy::Wait);
    QCOMPARE(c->maxResumes, 10);
    QCOMPARE(c->rebootCommand, u"/usr/bin/systemctl reboot"_s);
    QVERIFY(!c->defaultHandler);
}

void TestAgentConfig::overridesWin()
{
    QString error;
    const auto c = AgentConfig::load(write("[server]\nurl=http://a:8080\n[device]\ncontrollerId=a\n"),
                                     { { u"server/url"_s, u"http://b:9090"_s },
                                       { u"device/controllerId"_s, u"b"_s },
                                       { u"auth/targetToken"_s, u"t0k3n"_s } },
                                     &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->serverUrl.port(), 9090);
    QCOMPARE(c->controllerId, u"b"_s);
    QCOMPARE(c->targetToken, u"t0k3n"_s);
    // No file at all: the command line alone is enough.
    QVERIFY(
        AgentConfig::load({}, { { u"server/url"_s, u"http://b"_s }, { u"device/controllerId"_s, u"b"_s } }, &error));
}

void TestAgentConfig::handlers_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("kind"); // -1: refused
    QTest::addColumn<QString>("argument");
    QTest::newRow("file") << u"file:/opt/app"_s << int(HandlerSpec::Kind::File) << u"/opt/app"_s;
    QTest::newRow("script") << u"script: /usr/lib/x/handler"_s << int(HandlerSpec::Kind::Script)
                            << u"/usr/lib/x/handler"_s;
    QTest::newRow("swupdate") << u"swupdate"_s << int(HandlerSpec::Kind::Swupdate) << QString();
    QTest::newRow("swupdate with socket") << u"swupdate:/run/swupdate/sockinstctrl"_s
                                          << int(HandlerSpec::Kind::Swupdate) << u"/run/swupdate/sockinstctrl"_s;
    QTest::newRow("firmware") << u"firmware"_s << int(HandlerSpec::Kind::Firmware) << QString();
    QTest::newRow("file without directory") << u"file:"_s << -1 << QString();
    QTest::newRow("unknown kind") << u"rauc"_s << -1 << QString();
}

void TestAgentConfig::handlers()
{
    QFETCH(QString, spec);
    QFETCH(int, kind);
    QFETCH(QString, argument);
    const auto h = parseHandlerSpec(spec);
    QCOMPARE(bool(h), kind >= 0);
    if (h) {
        QCOMPARE(int(h->kind), kind);
        QCOMPARE(h->argument, argument);
    }
}

void TestAgentConfig::badValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("no url") << u"server/url"_s << QString();
    QTest::newRow("not http") << u"server/url"_s << u"ftp://x"_s;
    QTest::newRow("no controller id") << u"device/controllerId"_s << QString();
    QTest::newRow("slash in controller id") << u"device/controllerId"_s << u"a/b"_s;
    QTest::newRow("both tokens") << u"auth/gatewayToken"_s << u"g"_s;
    QTest::newRow("unreadable CA") << u"server/caFile"_s << u"/nonexistent.pem"_s;
    QTest::newRow("certificate without key") << u"server/clientCertificate"_s << u"CERT"_s;
    QTest::newRow("bad retry interval") << u"server/retryInterval"_s << u"0"_s;
    QTest::newRow("bad handler") << u"handlers/os"_s << u"copy:/x"_s;
    QTest::newRow("bad policy") << u"consent/policy"_s << u"ask"_s;
    QTest::newRow("bad max size") << u"downloads/maxSize"_s << u"-5"_s;
    QTest::newRow("bad resume limit") << u"workflow/maxResumes"_s << u"many"_s;
    QTest::newRow("empty reboot command") << u"reboot/command"_s << QString();
    QTest::newRow("long attribute") << u"device/attributes.x"_s << QString(129, u'v');
    QTest::newRow("UM hub without a port") << u"updateManagers/listen"_s << u"localhost"_s;
    QTest::newRow("UM priority order") << u"updateManagers/priorityOrder"_s << u"random"_s;
    QTest::newRow("UM image URLs") << u"updateManagers/imageUrls"_s << u"ftp"_s;
    QTest::newRow("UM CA without own certificate") << u"updateManagers/caFile"_s << u"/etc/ca.pem"_s;
    QTest::newRow("UM timeout") << u"updateManagers/timeout"_s << u"0"_s;
    // The local API is for this device only: a network address is refused.
    QTest::newRow("local API on all interfaces") << u"localApi/listen"_s << u"0.0.0.0:8097"_s;
    QTest::newRow("local API on a LAN address") << u"localApi/listen"_s << u"192.168.1.20:8097"_s;
    QTest::newRow("local API without a port") << u"localApi/listen"_s << u"127.0.0.1"_s;
    QTest::newRow("local API install-now flag") << u"localApi/allowInstallNow"_s << u"yes"_s;
}

void TestAgentConfig::badValues()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QMap<QString, QString> o { { u"server/url"_s, u"http://s"_s },
                               { u"device/controllerId"_s, u"d"_s },
                               { u"auth/targetToken"_s, u"t"_s } };
    const QString cert = m_dir.filePath(u"cert.pem"_s);
    QFile(cert).open(QIODevice::WriteOnly);
    o.insert(key, value == u"CERT"_s ? cert : value);
    QString error;
    QVERIFY(!AgentConfig::load({}, o, &error));
    const QString named = key == u"server/clientCertificate"_s ? u"server/clientKey"_s : key;
    QVERIFY2(error.startsWith(named + u':'), qPrintable(error));
}

// /etc/flotilla/agent.conf as the package installs it loads, with the local API group the kiosk's user is in and
// the state in the unit's state directory.
void TestAgentConfig::shippedConfiguration()
{
    qputenv("STATE_DIRECTORY", "/var/lib/flotilla-agent");
    qputenv("RUNTIME_DIRECTORY", "/run/flotilla-agent");
    QString error;
    const auto c
        = AgentConfig::load(QStringLiteral(FLOTILLA_SOURCE_DIR "/packaging/flotilla-agent/agent.conf"), {}, &error);
    qunsetenv("STATE_DIRECTORY");
    qunsetenv("RUNTIME_DIRECTORY");
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->stateDir, u"/var/lib/flotilla-agent"_s);
    QCOMPARE(c->localSocket, u"/run/flotilla-agent/local.sock"_s);
    QCOMPARE(c->localGroup, u"_flotilla-local"_s);
    QCOMPARE(c->rebootCommand, u"/usr/bin/systemctl reboot"_s);
}

QTEST_GUILESS_MAIN(TestAgentConfig)
#include "tst_agentconfig.moc"
