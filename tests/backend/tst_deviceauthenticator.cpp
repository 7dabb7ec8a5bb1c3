// Device credentials: which header authenticates as what, and the constant-time comparison underneath.
#include "backend/deviceauthenticator.h"

#include <QTest>

using namespace Flotilla;
using Kind = DeviceAuthenticator::Kind;
using namespace Qt::StringLiterals;

class TestDeviceAuthenticator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void authenticate_data();
    void authenticate();
    void tenantModes_data();
    void tenantModes();
    void constantTimeEquals_data();
    void constantTimeEquals();
};

void TestDeviceAuthenticator::authenticate_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("targetExists");
    QTest::addColumn<QString>("gatewayKey");
    QTest::addColumn<bool>("anonymous");
    QTest::addColumn<int>("expected");
    const QString none;
    const QString key = QStringLiteral("gw");
    QTest::newRow("own token") << QByteArray("TargetToken tok") << true << none << false << int(Kind::Target);
    QTest::newRow("own token, extra spaces")
        << QByteArray("  TargetToken   tok ") << true << none << false << int(Kind::Target);
    QTest::newRow("wrong token") << QByteArray("TargetToken tak") << true << none << false << int(Kind::Denied);
    QTest::newRow("prefix of the token") << QByteArray("TargetToken to") << true << none << false << int(Kind::Denied);
    QTest::newRow("token, no target") << QByteArray("TargetToken tok") << false << none << false << int(Kind::Denied);
    QTest::newRow("empty token") << QByteArray("TargetToken ") << true << none << false << int(Kind::Denied);
    QTest::newRow("gateway key") << QByteArray("GatewayToken gw") << false << key << false << int(Kind::Gateway);
    QTest::newRow("gateway off") << QByteArray("GatewayToken gw") << false << none << false << int(Kind::Denied);
    QTest::newRow("gateway key wrong") << QByteArray("GatewayToken gx") << false << key << false << int(Kind::Denied);
    QTest::newRow("nothing, anonymous off") << QByteArray() << true << key << false << int(Kind::Denied);
    QTest::newRow("nothing, anonymous on") << QByteArray() << true << key << true << int(Kind::Anonymous);
    QTest::newRow("bad header, anonymous on") << QByteArray("Basic Zm9v") << true << key << true << int(Kind::Denied);
}

void TestDeviceAuthenticator::authenticate()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, targetExists);
    QFETCH(QString, gatewayKey);
    QFETCH(bool, anonymous);
    QFETCH(int, expected);
    // The stored token of the target the request names; a target that does not exist has none.
    const QString storedToken = targetExists ? QStringLiteral("tok") : QString();
    const DeviceAuthenticator auth(gatewayKey, anonymous);
    QCOMPARE(int(auth.authenticate(header, storedToken)), expected);
}

void TestDeviceAuthenticator::tenantModes_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("targetToken");
    QTest::addColumn<bool>("gatewayToken");
    QTest::addColumn<QString>("tenantKey");
    QTest::addColumn<int>("expected");
    const QString none;
    QTest::newRow("target token on") << QByteArray("TargetToken tok") << true << true << none << int(Kind::Target);
    QTest::newRow("target token off") << QByteArray("TargetToken tok") << false << true << none << int(Kind::Denied);
    QTest::newRow("configured key") << QByteArray("GatewayToken gw") << true << true << none << int(Kind::Gateway);
    QTest::newRow("gateway off") << QByteArray("GatewayToken gw") << true << false << none << int(Kind::Denied);
    QTest::newRow("tenant key replaces the configured one")
        << QByteArray("GatewayToken gw") << true << true << u"tenant-key"_s << int(Kind::Denied);
    QTest::newRow("tenant key") << QByteArray("GatewayToken tenant-key") << true << true << u"tenant-key"_s
                                << int(Kind::Gateway);
    QTest::newRow("tenant key, gateway off")
        << QByteArray("GatewayToken tenant-key") << true << false << u"tenant-key"_s << int(Kind::Denied);
}

void TestDeviceAuthenticator::tenantModes()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, targetToken);
    QFETCH(bool, gatewayToken);
    QFETCH(QString, tenantKey);
    QFETCH(int, expected);
    const DeviceAuthenticator auth(QStringLiteral("gw"), false);
    QCOMPARE(int(auth.authenticate(header, QStringLiteral("tok"), { targetToken, gatewayToken, tenantKey })), expected);
}

void TestDeviceAuthenticator::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("last byte differs") << QByteArray("abc") << QByteArray("abd") << false;
    QTest::newRow("prefix") << QByteArray("abc") << QByteArray("ab") << false;
    QTest::newRow("longer") << QByteArray("ab") << QByteArray("abc") << false;
    QTest::newRow("zero padding is not equal") << QByteArray("ab") << QByteArray("ab\0", 3) << false;
}

void TestDeviceAuthenticator::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(DeviceAuthenticator::constantTimeEquals(a, b), equal);
}

QTEST_GUILESS_MAIN(TestDeviceAuthenticator)
#include "tst_deviceauthenticator.moc"
