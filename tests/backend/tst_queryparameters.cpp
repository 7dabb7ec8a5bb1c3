// backend/queryparameters.h: the numbers a list or deployment request carries in its URL query, as both APIs read
// them. A number outside its bounds or not a whole decimal number is refused (never clamped, never its default),
// an absent one is the default, a repeated one counts once (the first), and a percent-encoded one is decoded.
#include "backend/queryparameters.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestQueryParameters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limit_data();
    void limit();
    void actionHistory_data();
    void actionHistory();
};

void TestQueryParameters::limit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected"); // -1: refused
    QTest::newRow("absent") << u"offset=3"_s << 50;
    QTest::newRow("within") << u"limit=7"_s << 7;
    QTest::newRow("lowest") << u"limit=1"_s << 1;
    QTest::newRow("highest") << u"limit=500"_s << 500;
    QTest::newRow("zero") << u"limit=0"_s << -1;
    QTest::newRow("above") << u"limit=501"_s << -1;
    QTest::newRow("negative") << u"limit=-5"_s << -1;
    QTest::newRow("empty") << u"limit="_s << -1;
    QTest::newRow("fraction") << u"limit=1.5"_s << -1;
    QTest::newRow("exponent") << u"limit=1e2"_s << -1;
    QTest::newRow("hexadecimal") << u"limit=0x10"_s << -1;
    QTest::newRow("beyond 32 bits") << u"limit=4294967297"_s << -1;
    QTest::newRow("text") << u"limit=all"_s << -1;
    QTest::newRow("percent-encoded") << u"limit=%32%30"_s << 20;
    QTest::newRow("repeated: the first counts") << u"limit=5&limit=600"_s << 5;
    QTest::newRow("repeated, first refused") << u"limit=600&limit=5"_s << -1;
    QTest::newRow("a NUL after the digits") << u"limit=5%00"_s << -1; // QString::toInt alone took it as 5
    QTest::newRow("spaces around") << u"limit=%205%20"_s << -1;
    QTest::newRow("a plus sign") << u"limit=%2B5"_s << -1;
    QTest::newRow("a lone minus") << u"limit=-"_s << -1;
}

void TestQueryParameters::limit()
{
    QFETCH(QString, query);
    QFETCH(int, expected);
    const std::optional<int> v = QueryParameters::intValue(QUrlQuery(query), u"limit"_s, 50, 1, 500);
    QCOMPARE(v.value_or(-1), expected);
}

void TestQueryParameters::actionHistory_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected");
    QTest::newRow("absent: none") << QString() << 0;
    QTest::newRow("some") << u"actionHistory=3"_s << 3;
    QTest::newRow("negative: all") << u"actionHistory=-1"_s << -1;
    QTest::newRow("not a number: none") << u"actionHistory=many"_s << 0;
    QTest::newRow("percent-encoded") << u"actionHistory=%35"_s << 5;
    QTest::newRow("a NUL after the digits: none") << u"actionHistory=5%00"_s << 0;
}

void TestQueryParameters::actionHistory()
{
    QFETCH(QString, query);
    QTEST(QueryParameters::actionHistory(QUrlQuery(query)), "expected");
}

QTEST_APPLESS_MAIN(TestQueryParameters)
#include "tst_queryparameters.moc"
