// RSQL to SQL for targets: the condition holds only placeholders, the values go to the binds (a value can
// never become SQL), and unknown fields or values of the wrong kind are errors at their position.
#include "backend/rsqlcompiler.h"

#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestRsqlCompiler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compiles_data();
    void compiles();
    void refuses_data();
    void refuses();
};

void TestRsqlCompiler::compiles_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("binds");
    QTest::newRow("exact, case-insensitive")
        << u"controllerId==Dev-1"_s << u"(LOWER(t.controller_id) = ?)"_s << QVariantList { u"dev-1"_s };
    QTest::newRow("wildcard is LIKE, escaping % and _")
        << u"name==50%_off*"_s << u"(LOWER(t.name) LIKE ? ESCAPE '\\')"_s << QVariantList { u"50\\%\\_off%"_s };
    QTest::newRow("not equal includes missing values")
        << u"description!=x"_s << u"(t.description IS NULL OR NOT (LOWER(t.description) = ?))"_s
        << QVariantList { u"x"_s };
    QTest::newRow("status by name") << u"updateStatus=in=(pending,ERROR)"_s << u"(t.state IN (?, ?))"_s
                                    << QVariantList { 2, 4 };
    QTest::newRow("time as number") << u"lastControllerRequestAt=lt=1700000000000"_s << u"(t.last_poll < ?)"_s
                                    << QVariantList { qint64(1700000000000) };
    QTest::newRow("attribute: key bound, value bound")
        << u"attribute.HW==rev*"_s
        << u"EXISTS (SELECT 1 FROM target_attributes ta WHERE ta.target_id = t.id AND ta.key = ? AND LOWER(ta.value) "
           "LIKE ? ESCAPE '\\')"_s
        << QVariantList { u"HW"_s, u"rev%"_s };
    QTest::newRow("attribute not equal: no such row")
        << u"attribute.region!=eu"_s
        << u"NOT EXISTS (SELECT 1 FROM target_attributes ta WHERE ta.target_id = t.id AND ta.key = ? AND "
           "LOWER(ta.value) = ?)"_s
        << QVariantList { u"region"_s, u"eu"_s };
    QTest::newRow("assigned set") << u"assignedDS.version=ge=2"_s
                                  << u"EXISTS (SELECT 1 FROM distribution_sets d WHERE d.id = t.assigned_ds AND "
                                     "LOWER(d.version) >= ?)"_s
                                  << QVariantList { u"2"_s };
    QTest::newRow("never polled: is null")
        << u"lastControllerRequestAt=is=null"_s << u"(t.last_poll IS NULL)"_s << QVariantList {};
    QTest::newRow("not null") << u"description=not=null"_s << u"(t.description IS NOT NULL)"_s << QVariantList {};
    QTest::newRow("attribute is null: no such row")
        << u"attribute.hw=is=null"_s
        << u"NOT EXISTS (SELECT 1 FROM target_attributes ta WHERE ta.target_id = t.id AND ta.key = ?)"_s
        << QVariantList { u"hw"_s };
    QTest::newRow("error message: one element of the status's messages, quoted as stored")
        << u"errorMessage==\"Disk \\\"full\\\" 100%\""_s
        << u"EXISTS (SELECT 1 FROM actions xa JOIN action_status xs ON xs.action_id = xa.id WHERE xa.target_id = t.id "
           "AND xs.status = 1 AND LOWER(xs.messages) LIKE ? ESCAPE '\\')"_s
        << QVariantList { u"%\"disk \\\\\"full\\\\\" 100\\%\"%"_s };
    QTest::newRow("and / or") << u"name==a;(name==b,name==c)"_s
                              << u"((LOWER(t.name) = ?) AND ((LOWER(t.name) = ?) OR (LOWER(t.name) = ?)))"_s
                              << QVariantList { u"a"_s, u"b"_s, u"c"_s };
    QTest::newRow("injection stays a value") << u"name==\"x'); DROP TABLE targets; --\""_s << u"(LOWER(t.name) = ?)"_s
                                             << QVariantList { u"x'); drop table targets; --"_s };
}

void TestRsqlCompiler::compiles()
{
    QFETCH(QString, query);
    QFETCH(QString, sql);
    QFETCH(QVariantList, binds);
    const auto result = RsqlCompiler::targets(query);
    if (const auto *error = std::get_if<Rsql::ParseError>(&result))
        QFAIL(qPrintable(error->toString()));
    QCOMPARE(std::get<SqlCondition>(result).sql, sql);
    QCOMPARE(std::get<SqlCondition>(result).binds, binds);
}

void TestRsqlCompiler::refuses_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown field") << u"name==a;colour==red"_s << 8 << u"unknown field 'colour'"_s;
    QTest::newRow("status name") << u"updateStatus==done"_s << 0 << u"updateStatus is one of"_s;
    QTest::newRow("time not a number") << u"createdAt=gt=yesterday"_s << 0 << u"takes a number"_s;
    QTest::newRow("syntax error passes through") << u"name=="_s << 6 << u"expected a value"_s;
    QTest::newRow("error message compares only") << u"errorMessage=gt=x"_s << 0 << u"takes == or !="_s;
    QTest::newRow("attribute without key") << u"attribute.==x"_s << 0 << u"unknown field"_s;
}

void TestRsqlCompiler::refuses()
{
    QFETCH(QString, query);
    QFETCH(int, position);
    QFETCH(QString, message);
    const auto result = RsqlCompiler::targets(query);
    QVERIFY(std::holds_alternative<Rsql::ParseError>(result));
    const Rsql::ParseError e = std::get<Rsql::ParseError>(result);
    QVERIFY2(e.message.contains(message), qPrintable(e.toString()));
    QCOMPARE(e.position, position);
}

QTEST_GUILESS_MAIN(TestRsqlCompiler)
#include "tst_rsqlcompiler.moc"
