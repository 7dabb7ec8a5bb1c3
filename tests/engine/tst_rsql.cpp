// The RSQL parser: the tree of valid queries (printed back in a canonical form) and the position and message of
// the first error in invalid ones.
#include "engine/rsql.h"

#include <QTest>

using namespace Flotilla::Rsql;
using namespace Qt::StringLiterals;

namespace {
// A canonical text of the tree: and(...), or(...), selector<op>[args].
QString print(const NodePtr &node)
{
    if (node->kind == Node::Kind::Comparison) {
        const Comparison &c = node->comparison;
        return c.selector + nameOf(c.comparator) + u'[' + c.arguments.join(u'|') + u']';
    }
    QStringList parts;
    for (const NodePtr &child : node->children)
        parts << print(child);
    return (node->kind == Node::Kind::And ? u"and("_s : u"or("_s) + parts.join(u", "_s) + u')';
}
} // namespace

class TestRsql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void quotedRoundTrips_data();
    void quotedRoundTrips();
};

void TestRsql::valid_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("tree");
    QTest::newRow("one comparison") << u"name==dev-1"_s << u"name==[dev-1]"_s;
    QTest::newRow("wildcard kept") << u"controllerId==cam-*"_s << u"controllerId==[cam-*]"_s;
    QTest::newRow("and binds tighter than or") << u"a==1;b==2,c==3"_s << u"or(and(a==[1], b==[2]), c==[3])"_s;
    QTest::newRow("parentheses") << u"a==1;(b==2,c==3)"_s << u"and(a==[1], or(b==[2], c==[3]))"_s;
    QTest::newRow("words and/or") << u"a==1 and b==2 or c==3"_s << u"or(and(a==[1], b==[2]), c==[3])"_s;
    QTest::newRow("all comparators") << u"a!=1;b=lt=2;c=le=3;d=gt=4;e=ge=5;f=in=(6,7);g=out=(8)"_s
                                     << u"and(a!=[1], b=lt=[2], c=le=[3], d=gt=[4], e=ge=[5], f=in=[6|7], g=out=[8])"_s;
    QTest::newRow("symbolic comparators") << u"a<1;b<=2;c>3;d>=4"_s << u"and(a=lt=[1], b=le=[2], c=gt=[3], d=ge=[4])"_s;
    QTest::newRow("double quotes with reserved characters") << u"name==\"A (1); b, c\""_s << u"name==[A (1); b, c]"_s;
    QTest::newRow("single quotes and escape") << u"name=='it\\'s'"_s << u"name==[it's]"_s;
    QTest::newRow("spaces around") << u"  a == 1 ; b =in= ( x , y )  "_s << u"and(a==[1], b=in=[x|y])"_s;
    QTest::newRow("attribute selector") << u"attribute.hw.rev==2"_s << u"attribute.hw.rev==[2]"_s;
    QTest::newRow("nested groups") << u"((a==1))"_s << u"a==[1]"_s;
    QTest::newRow("is null") << u"lastControllerRequestAt=is=null"_s << u"lastControllerRequestAt=is=[null]"_s;
    QTest::newRow("not null, any case") << u"attribute.hw=not=NULL;a==1"_s << u"and(attribute.hw=not=[NULL], a==[1])"_s;
}

void TestRsql::valid()
{
    QFETCH(QString, query);
    QFETCH(QString, tree);
    const auto result = parse(query);
    if (const auto *error = std::get_if<ParseError>(&result))
        QFAIL(qPrintable(error->toString()));
    QCOMPARE(print(std::get<NodePtr>(result)), tree);
}

void TestRsql::invalid_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << u""_s << 0 << u"empty"_s;
    QTest::newRow("no comparator") << u"name"_s << 4 << u"expected a comparator"_s;
    QTest::newRow("unknown comparator") << u"name=like=x"_s << 4 << u"expected a comparator"_s;
    QTest::newRow("no value") << u"name=="_s << 6 << u"expected a value"_s;
    QTest::newRow("no field") << u"==x"_s << 0 << u"expected a field name"_s;
    QTest::newRow("dangling and") << u"a==1;"_s << 5 << u"expected a comparison"_s;
    QTest::newRow("unclosed parenthesis") << u"(a==1"_s << 5 << u"'(' at 0 is not closed"_s;
    QTest::newRow("unbalanced close") << u"a==1)"_s << 4 << u"unbalanced ')'"_s;
    QTest::newRow("unclosed quote") << u"a==\"abc"_s << 3 << u"quote at 3 is not closed"_s;
    QTest::newRow("in without list") << u"a=in=x"_s << 5 << u"takes a list"_s;
    QTest::newRow("list for ==") << u"a==(x,y)"_s << 3 << u"takes one value"_s;
    QTest::newRow("unclosed list") << u"a=in=(x,y"_s << 9 << u"value list at 5 is not closed"_s;
    QTest::newRow("is takes only null") << u"a=is=1"_s << 6 << u"=is= takes null, not '1'"_s;
    QTest::newRow("not takes only null") << u"a=not=(null,x)"_s << 6 << u"takes one value"_s;
    QTest::newRow("two values without operator") << u"a==1 b==2"_s << 5 << u"expected ';', ','"_s;
}

void TestRsql::invalid()
{
    QFETCH(QString, query);
    QFETCH(int, position);
    QFETCH(QString, message);
    const auto result = parse(query);
    QVERIFY(std::holds_alternative<ParseError>(result));
    const ParseError e = std::get<ParseError>(result);
    QVERIFY2(e.message.contains(message), qPrintable(e.toString()));
    QCOMPARE(e.position, position);
}

void TestRsql::quotedRoundTrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << u"Disk full"_s;
    QTest::newRow("reserved characters") << u"a;b,c (d) == e"_s;
    QTest::newRow("quotes and backslashes") << u"say \"no\" to C:\\temp\\"_s;
    QTest::newRow("empty") << QString();
}

// What quoted() writes, parse() reads back unchanged: a filter built from a message matches that message.
void TestRsql::quotedRoundTrips()
{
    QFETCH(QString, value);
    const auto result = parse(u"errorMessage=="_s + quoted(value));
    if (const auto *error = std::get_if<ParseError>(&result))
        QFAIL(qPrintable(error->toString()));
    QCOMPARE(std::get<NodePtr>(result)->comparison.arguments, QStringList { value });
}

QTEST_GUILESS_MAIN(TestRsql)
#include "tst_rsql.moc"
