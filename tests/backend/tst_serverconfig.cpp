// flotillad's configuration file as the package installs it (packaging/flotillad/flotillad.conf): every key
// ServerConfig reads is there, commented out with its default, so uncommenting a line changes nothing until
// it is edited; and the file as shipped (all commented) loads to the defaults.
#include "backend/serverconfig.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestServerConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shippedFileLoadsToDefaults();
    void everyKeyDocumentedWithItsDefault();
    void stateDirectoryIsTheDefaultPlace();
    void metricsKeys_data();
    void metricsKeys();
    void gatewayLimitKeys_data();
    void gatewayLimitKeys();

private:
    static QString shipped() { return QStringLiteral(FLOTILLA_SOURCE_DIR "/packaging/flotillad/flotillad.conf"); }
    static void compareToDefaults(const ServerConfig &c);
    // Writes the INI text and loads it: true when it loaded (and should have); a failed check when it loaded and
    // should not, or did not load, or did not name the key `error` names.
    bool loadsAsExpected(const QByteArray &ini, const QString &error, ServerConfig *c);
    QTemporaryDir m_dir;
};

void TestServerConfig::initTestCase()
{
    // The package's unit sets StateDirectory=flotilla: systemd passes STATE_DIRECTORY=/var/lib/flotilla.
    qputenv("STATE_DIRECTORY", "/var/lib/flotilla");
}

void TestServerConfig::compareToDefaults(const ServerConfig &c)
{
    const ServerConfig d = ServerConfig::defaults();
    QCOMPARE(c.listenAddress, d.listenAddress);
    QCOMPARE(c.listenPort, d.listenPort);
    QCOMPARE(c.tlsCertificate, d.tlsCertificate);
    QCOMPARE(c.tlsKey, d.tlsKey);
    QCOMPARE(c.publicUrl, d.publicUrl);
    QCOMPARE(c.trustedProxies, d.trustedProxies);
    QCOMPARE(c.database, d.database);
    QCOMPARE(c.artifactDirectory, d.artifactDirectory);
    QCOMPARE(c.maxArtifactBytes, d.maxArtifactBytes);
    QCOMPARE(c.tenant, d.tenant);
    QCOMPARE(c.gatewayToken, d.gatewayToken);
    QCOMPARE(c.anonymousDdi, d.anonymousDdi);
    QCOMPARE(c.gatewayTargets, d.gatewayTargets);
    QCOMPARE(c.registerTargets, d.registerTargets);
    QCOMPARE(c.registrationsPerMinute, d.registrationsPerMinute);
    QCOMPARE(c.downloadBaseUrl, d.downloadBaseUrl);
    QCOMPARE(c.metricsEnabled, d.metricsEnabled);
    QCOMPARE(c.metricsToken, d.metricsToken);
    QCOMPARE(c.httpThreads, d.httpThreads);
}

void TestServerConfig::shippedFileLoadsToDefaults()
{
    ServerConfig c = ServerConfig::defaults();
    QString error;
    QVERIFY2(c.load(shipped(), &error), qPrintable(error));
    compareToDefaults(c);
    // Nothing written into the store's tenant configuration: the file sets no tenant key.
    QVERIFY(!c.pollingSecs && !c.autoClose && !c.consentFlow && !c.multiAssignment);
}

void TestServerConfig::everyKeyDocumentedWithItsDefault()
{
    QFile in(shipped());
    QVERIFY(in.open(QIODevice::ReadOnly | QIODevice::Text));
    // Uncomment every ";key=value" line: the result must still be the defaults, and name every key.
    static const QRegularExpression commentedKey(u"^;([A-Za-z]+)=(.*)$"_s);
    static const QRegularExpression group(u"^\\[([a-z]+)\\]$"_s);
    QString current;
    QStringList documented;
    QByteArray uncommented;
    while (!in.atEnd()) {
        const QString line = QString::fromUtf8(in.readLine()).trimmed();
        if (const auto g = group.match(line); g.hasMatch()) {
            current = g.captured(1);
            uncommented += line.toUtf8() + '\n';
        } else if (const auto k = commentedKey.match(line); k.hasMatch()) {
            documented << current + u'/' + k.captured(1);
            uncommented += (k.captured(1) + u'=' + k.captured(2)).toUtf8() + '\n';
        }
    }
    QStringList known = ServerConfig::keys();
    known.sort();
    documented.sort();
    QCOMPARE(documented, known);

    const QString path = m_dir.filePath(u"uncommented.conf"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(uncommented);
    out.close();
    ServerConfig c = ServerConfig::defaults();
    QString error;
    QVERIFY2(c.load(path, &error), qPrintable(error));
    compareToDefaults(c);
    // The tenant keys, now present, carry the built-in defaults the README lists.
    QCOMPARE(c.pollingSecs, std::optional<qint64>(300));
    QCOMPARE(c.pollingOverdueSecs, std::optional<qint64>(300));
    QCOMPARE(c.minPollingSecs, std::optional<qint64>(30));
    QCOMPARE(c.maintenanceWindowPollCount, std::optional<int>(3));
    QCOMPARE(c.autoClose, std::optional<bool>(false));
    QCOMPARE(c.consentFlow, std::optional<bool>(false));
    QCOMPARE(c.multiAssignment, std::optional<bool>(false));
}

void TestServerConfig::stateDirectoryIsTheDefaultPlace()
{
    const ServerConfig d = ServerConfig::defaults();
    QCOMPARE(d.database, u"sqlite:/var/lib/flotilla/flotilla.db"_s);
    QCOMPARE(d.artifactDirectory, u"/var/lib/flotilla/artifacts"_s);
}

bool TestServerConfig::loadsAsExpected(const QByteArray &ini, const QString &error, ServerConfig *c)
{
    const QString path = m_dir.filePath(u"keys.conf"_s);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    out.write(ini + '\n');
    out.close();
    *c = ServerConfig::defaults();
    QString why;
    const bool loaded = c->load(path, &why);
    [&] {
        QCOMPARE(loaded, error.isEmpty());
        if (!loaded)
            QVERIFY2(why.contains(error), qPrintable(why));
    }();
    return loaded && !QTest::currentTestFailed();
}

void TestServerConfig::metricsKeys_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("error"); // empty: loads
    QTest::newRow("on, with a token") << "enabled=true\ntoken=0123456789abcdef"_ba << true << u"0123456789abcdef"_s
                                      << QString();
    QTest::newRow("on, operators only") << "enabled=yes"_ba << true << QString() << QString();
    QTest::newRow("off") << "enabled=false\ntoken="_ba << false << QString() << QString();
    QTest::newRow("not a boolean") << "enabled=maybe"_ba << false << QString() << u"metrics/enabled"_s;
    QTest::newRow("a guessable token") << "enabled=true\ntoken=short"_ba << false << QString() << u"metrics/token"_s;
}

void TestServerConfig::metricsKeys()
{
    QFETCH(QByteArray, section);
    QFETCH(bool, enabled);
    QFETCH(QString, token);
    QFETCH(QString, error);
    ServerConfig c;
    if (!loadsAsExpected("[metrics]\n" + section, error, &c))
        return;
    QCOMPARE(c.metricsEnabled, enabled);
    QCOMPARE(c.metricsToken, token);
}

void TestServerConfig::gatewayLimitKeys_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<bool>("registers");
    QTest::addColumn<double>("perMinute");
    QTest::addColumn<QString>("error"); // empty: loads
    QTest::newRow("none: every target, plug and play, no limit")
        << QByteArray() << QStringList() << true << 0.0 << QString();
    QTest::newRow("patterns, comma-separated")
        << "gatewayTargets=plant-a-*, lab-??"_ba << QStringList { u"plant-a-*"_s, u"lab-??"_s } << true << 0.0
        << QString();
    QTest::newRow("empty: every target") << "gatewayTargets="_ba << QStringList() << true << 0.0 << QString();
    QTest::newRow("a pattern with a space")
        << "gatewayTargets=plant a*"_ba << QStringList() << true << 0.0 << u"ddi/gatewayTargets"_s;
    QTest::newRow("a pattern with a slash")
        << "gatewayTargets=a/b"_ba << QStringList() << true << 0.0 << u"ddi/gatewayTargets"_s;
    QTest::newRow("no registration") << "registerTargets=false"_ba << QStringList() << false << 0.0 << QString();
    QTest::newRow("registration not a boolean")
        << "registerTargets=sometimes"_ba << QStringList() << true << 0.0 << u"ddi/registerTargets"_s;
    QTest::newRow("a registration budget")
        << "registrationsPerMinute=120"_ba << QStringList() << true << 120.0 << QString();
    QTest::newRow("a negative budget") << "registrationsPerMinute=-1"_ba << QStringList() << true << 0.0
                                       << u"ddi/registrationsPerMinute"_s;
    QTest::newRow("a budget that is no number")
        << "registrationsPerMinute=many"_ba << QStringList() << true << 0.0 << u"ddi/registrationsPerMinute"_s;
}

void TestServerConfig::gatewayLimitKeys()
{
    QFETCH(QByteArray, section);
    QFETCH(QStringList, targets);
    QFETCH(bool, registers);
    QFETCH(double, perMinute);
    QFETCH(QString, error);
    ServerConfig c;
    if (!loadsAsExpected("[ddi]\ngatewayToken=0123456789abcdef\n" + section, error, &c))
        return;
    QCOMPARE(c.gatewayTargets, targets);
    QCOMPARE(c.registerTargets, registers);
    QCOMPARE(c.registrationsPerMinute, perMinute);
}

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
