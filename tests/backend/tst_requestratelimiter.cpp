// Requests per second per client address (backend/requestratelimiter.h), on a clock the test moves: a full bucket
// holds one second's worth, it refills continuously, reads and writes are counted apart, Retry-After says when a
// token is back, and exempt subnets (hawkBit's private ranges by default) are never limited.
#include "backend/requestratelimiter.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestRequestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenRefill_data();
    void burstThenRefill();
    void readsAndWritesAreCountedApart();
    void addressesAreCountedApart();
    void exempt_data();
    void exempt();
    void zeroMeansNoLimit();
    void idleAddressesAreForgotten();
};

void TestRequestRateLimiter::burstThenRefill_data()
{
    QTest::addColumn<double>("perSecond");
    QTest::addColumn<int>("burst"); // admitted at once
    QTest::addColumn<int>("retryAfter"); // for the first refused
    QTest::addColumn<int>("refillMs"); // after this long one more passes
    QTest::newRow("hawkBit reads, 200/s") << 200.0 << 200 << 1 << 5;
    QTest::newRow("hawkBit writes, 50/s") << 50.0 << 50 << 1 << 20;
    QTest::newRow("one every 4 s") << 0.25 << 1 << 4 << 4000;
}

void TestRequestRateLimiter::burstThenRefill()
{
    QFETCH(double, perSecond);
    QFETCH(int, burst);
    QFETCH(int, retryAfter);
    QFETCH(int, refillMs);
    RequestRateLimiter limiter({ perSecond, perSecond, {} });
    const QHostAddress client(u"203.0.113.7"_s);
    qint64 now = 1'000'000;
    for (int i = 0; i < burst; ++i)
        QVERIFY2(limiter.admit(client, false, now).allowed, qPrintable(u"request %1"_s.arg(i + 1)));
    const RequestRateLimiter::Decision refused = limiter.admit(client, false, now);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterSecs, retryAfter);
    QVERIFY(!limiter.admit(client, false, now + refillMs - 1).allowed);
    QVERIFY(limiter.admit(client, false, now + refillMs).allowed);
    QVERIFY(!limiter.admit(client, false, now + refillMs).allowed);
    // A long pause fills the bucket to one second's worth, no more.
    now += 60'000;
    for (int i = 0; i < burst; ++i)
        QVERIFY(limiter.admit(client, false, now).allowed);
    QVERIFY(!limiter.admit(client, false, now).allowed);
}

void TestRequestRateLimiter::readsAndWritesAreCountedApart()
{
    RequestRateLimiter limiter({ 3, 1, {} });
    const QHostAddress client(u"198.51.100.1"_s);
    QVERIFY(limiter.admit(client, true, 0).allowed);
    QVERIFY(!limiter.admit(client, true, 0).allowed);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.admit(client, false, 0).allowed);
    QVERIFY(!limiter.admit(client, false, 0).allowed);
}

void TestRequestRateLimiter::addressesAreCountedApart()
{
    RequestRateLimiter limiter({ 1, 1, {} });
    QVERIFY(limiter.admit(QHostAddress(u"198.51.100.1"_s), false, 0).allowed);
    QVERIFY(!limiter.admit(QHostAddress(u"198.51.100.1"_s), false, 0).allowed);
    QVERIFY(limiter.admit(QHostAddress(u"198.51.100.2"_s), false, 0).allowed);
    QVERIFY(limiter.admit(QHostAddress(u"2001:db8::1"_s), false, 0).allowed);
    QCOMPARE(limiter.trackedAddresses(), 3);
}

void TestRequestRateLimiter::exempt_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("exempt");
    QTest::newRow("loopback") << u"127.0.0.1"_s << true;
    QTest::newRow("loopback, IPv4-mapped") << u"::ffff:127.0.0.1"_s << true;
    QTest::newRow("10/8") << u"10.20.30.40"_s << true;
    QTest::newRow("172.16/12, first") << u"172.16.0.1"_s << true;
    QTest::newRow("172.16/12, last") << u"172.31.255.254"_s << true;
    QTest::newRow("172.32 is public") << u"172.32.0.1"_s << false;
    QTest::newRow("192.168/16, IPv4-mapped") << u"::ffff:192.168.1.10"_s << true;
    QTest::newRow("link-local") << u"169.254.1.1"_s << true;
    QTest::newRow("IPv6 loopback") << u"::1"_s << true;
    QTest::newRow("IPv6 unique local") << u"fd12:3456::1"_s << true;
    QTest::newRow("documentation range is public") << u"203.0.113.9"_s << false;
    QTest::newRow("public IPv6") << u"2001:db8::5"_s << false;
}

void TestRequestRateLimiter::exempt()
{
    QFETCH(QString, address);
    QFETCH(bool, exempt);
    RequestRateLimiter limiter({ 1, 1, RequestRateLimiter::privateRanges() });
    const QHostAddress client(address);
    QVERIFY(!client.isNull());
    QCOMPARE(limiter.isExempt(client), exempt);
    limiter.admit(client, false, 0);
    QCOMPARE(limiter.admit(client, false, 0).allowed, exempt);
}

void TestRequestRateLimiter::zeroMeansNoLimit()
{
    RequestRateLimiter limiter({ 0, 0, {} });
    for (int i = 0; i < 10'000; ++i)
        QVERIFY(limiter.admit(QHostAddress(u"203.0.113.1"_s), i % 2, 0).allowed);
    QCOMPARE(limiter.trackedAddresses(), 0);
}

void TestRequestRateLimiter::idleAddressesAreForgotten()
{
    // A scan from many addresses must not grow the table for ever.
    RequestRateLimiter limiter({ 10, 10, {} });
    for (quint32 i = 0; i < 10'001; ++i)
        limiter.admit(QHostAddress(0xC6336400u + i), false, 0);
    QCOMPARE(limiter.trackedAddresses(), 10'001);
    limiter.admit(QHostAddress(u"203.0.113.1"_s), false, 20'000);
    QCOMPARE(limiter.trackedAddresses(), 1);
}

QTEST_GUILESS_MAIN(TestRequestRateLimiter)
#include "tst_requestratelimiter.moc"
