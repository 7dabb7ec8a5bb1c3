#include "proto/http/httprange.h"

#include <QTest>

using namespace Flotilla;
using Ranges = QList<ByteRange>;

class TestHttpRange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestHttpRange::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("ranged"); // false: serve the whole resource
    QTest::addColumn<Ranges>("expected");
    QTest::newRow("absent") << QByteArray() << qint64(100) << false << Ranges {};
    QTest::newRow("closed range") << QByteArray("bytes=0-9") << qint64(100) << true << Ranges { { 0, 9 } };
    QTest::newRow("open end") << QByteArray("bytes=90-") << qint64(100) << true << Ranges { { 90, 99 } };
    QTest::newRow("suffix") << QByteArray("bytes=-5") << qint64(100) << true << Ranges { { 95, 99 } };
    QTest::newRow("suffix longer than file") << QByteArray("bytes=-500") << qint64(100) << true << Ranges { { 0, 99 } };
    QTest::newRow("last clipped") << QByteArray("bytes=50-500") << qint64(100) << true << Ranges { { 50, 99 } };
    QTest::newRow("two, spaces") << QByteArray("bytes=0-1, 5-6") << qint64(100) << true
                                 << Ranges { { 0, 1 }, { 5, 6 } };
    QTest::newRow("unsatisfiable") << QByteArray("bytes=100-") << qint64(100) << true << Ranges {};
    QTest::newRow("zero suffix unsatisfiable") << QByteArray("bytes=-0") << qint64(100) << true << Ranges {};
    QTest::newRow("one of two satisfiable")
        << QByteArray("bytes=200-300,0-0") << qint64(100) << true << Ranges { { 0, 0 } };
    QTest::newRow("reversed: ignored") << QByteArray("bytes=9-0") << qint64(100) << false << Ranges {};
    QTest::newRow("garbage: ignored") << QByteArray("bytes=x-y") << qint64(100) << false << Ranges {};
    QTest::newRow("no dash: ignored") << QByteArray("bytes=5") << qint64(100) << false << Ranges {};
    QTest::newRow("other unit: ignored") << QByteArray("items=0-1") << qint64(100) << false << Ranges {};
    QTest::newRow("too many ranges: ignored")
        << QByteArray("bytes=") + QByteArray("0-0,").repeated(40) + "1-1" << qint64(100) << false << Ranges {};
}

void TestHttpRange::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, size);
    QFETCH(bool, ranged);
    QFETCH(Ranges, expected);
    const std::optional<Ranges> ranges = parseRangeHeader(header, size);
    QCOMPARE(ranges.has_value(), ranged);
    if (ranged)
        QCOMPARE(*ranges, expected);
}

QTEST_GUILESS_MAIN(TestHttpRange)
#include "tst_httprange.moc"
