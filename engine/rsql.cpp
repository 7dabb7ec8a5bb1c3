#include "engine/rsql.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Rsql {

namespace {

struct Failure
{
    ParseError error;
};

// A recursive-descent parser over the query text.
class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    { }

    NodePtr parseQuery()
    {
        skipSpaces();
        if (atEnd())
            fail(u"the query is empty"_s);
        NodePtr node = parseOr();
        skipSpaces();
        if (!atEnd())
            fail(m_text.at(m_pos) == u')' ? u"unbalanced ')'"_s : u"expected ';', ',' or the end of the query"_s);
        return node;
    }

private:
    [[noreturn]] void fail(const QString &message, int at = -1) { throw Failure { { at < 0 ? m_pos : at, message } }; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    void skipSpaces()
    {
        while (!atEnd() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    // ';' or the word "and" / ',' or the word "or", surrounded by spaces.
    bool takeOperator(QChar symbol, QLatin1StringView word)
    {
        const int start = m_pos;
        skipSpaces();
        if (!atEnd() && m_text.at(m_pos) == symbol) {
            ++m_pos;
            return true;
        }
        if (m_pos > start && QStringView(m_text).mid(m_pos).startsWith(word, Qt::CaseInsensitive)
            && m_pos + word.size() < m_text.size() && m_text.at(m_pos + word.size()).isSpace()) {
            m_pos += int(word.size());
            return true;
        }
        m_pos = start;
        return false;
    }

    NodePtr combine(Node::Kind kind, QList<NodePtr> children)
    {
        if (children.size() == 1)
            return children.first();
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->children = std::move(children);
        return node;
    }

    NodePtr parseOr()
    {
        QList<NodePtr> children { parseAnd() };
        while (takeOperator(u',', "or"_L1))
            children.append(parseAnd());
        return combine(Node::Kind::Or, children);
    }

    NodePtr parseAnd()
    {
        QList<NodePtr> children { parseConstraint() };
        while (takeOperator(u';', "and"_L1))
            children.append(parseConstraint());
        return combine(Node::Kind::And, children);
    }

    NodePtr parseConstraint()
    {
        skipSpaces();
        if (atEnd())
            fail(u"expected a comparison or '('"_s);
        if (m_text.at(m_pos) == u'(') {
            const int open = m_pos++;
            NodePtr inner = parseOr();
            skipSpaces();
            if (atEnd() || m_text.at(m_pos) != u')')
                fail(u"the '(' at %1 is not closed"_s.arg(open));
            ++m_pos;
            return inner;
        }
        return parseComparison();
    }

    static bool isReserved(QChar c)
    {
        return c == u'"' || c == u'\'' || c == u'(' || c == u')' || c == u';' || c == u',' || c == u'=' || c == u'!'
            || c == u'~' || c == u'<' || c == u'>' || c.isSpace();
    }

    QString word(const QString &what)
    {
        const int start = m_pos;
        while (!atEnd() && !isReserved(m_text.at(m_pos)))
            ++m_pos;
        if (m_pos == start)
            fail(u"expected %1"_s.arg(what));
        return m_text.mid(start, m_pos - start);
    }

    Comparator comparator()
    {
        static const std::pair<QLatin1StringView, Comparator> table[] = {
            { "=="_L1, Comparator::Equal },       { "!="_L1, Comparator::NotEqual },
            { "=lt="_L1, Comparator::Less },      { "=le="_L1, Comparator::LessOrEqual },
            { "=gt="_L1, Comparator::Greater },   { "=ge="_L1, Comparator::GreaterOrEqual },
            { "=in="_L1, Comparator::In },        { "=out="_L1, Comparator::NotIn },
            { "=is="_L1, Comparator::IsNull },    { "=not="_L1, Comparator::NotNull },
            { "<="_L1, Comparator::LessOrEqual }, { ">="_L1, Comparator::GreaterOrEqual },
            { "<"_L1, Comparator::Less },         { ">"_L1, Comparator::Greater },
        };
        const QStringView rest = QStringView(m_text).mid(m_pos);
        for (const auto &[text, c] : table) {
            if (rest.startsWith(text, Qt::CaseInsensitive)) {
                m_pos += int(text.size());
                return c;
            }
        }
        fail(u"expected a comparator (==, !=, =lt=, =le=, =gt=, =ge=, =in=, =out=, =is=, =not=)"_s);
    }

    QString value()
    {
        if (atEnd())
            fail(u"expected a value"_s);
        const QChar quote = m_text.at(m_pos);
        if (quote == u'"' || quote == u'\'') {
            const int open = m_pos++;
            QString v;
            while (!atEnd() && m_text.at(m_pos) != quote) {
                if (m_text.at(m_pos) == u'\\' && m_pos + 1 < m_text.size())
                    ++m_pos;
                v += m_text.at(m_pos++);
            }
            if (atEnd())
                fail(u"the quote at %1 is not closed"_s.arg(open), open);
            ++m_pos;
            return v;
        }
        return word(u"a value"_s);
    }

    NodePtr parseComparison()
    {
        auto node = std::make_shared<Node>();
        Comparison &c = node->comparison;
        c.position = m_pos;
        c.selector = word(u"a field name"_s);
        skipSpaces();
        c.comparator = comparator();
        skipSpaces();
        const bool list = c.comparator == Comparator::In || c.comparator == Comparator::NotIn;
        if (!atEnd() && m_text.at(m_pos) == u'(') {
            const int open = m_pos++;
            do {
                skipSpaces();
                c.arguments.append(value());
                skipSpaces();
            } while (!atEnd() && m_text.at(m_pos) == u',' && ++m_pos);
            if (atEnd() || m_text.at(m_pos) != u')')
                fail(u"the value list at %1 is not closed"_s.arg(open));
            ++m_pos;
            if (!list && c.arguments.size() != 1)
                fail(u"%1 takes one value; a list needs =in= or =out="_s.arg(nameOf(c.comparator)), open);
        } else {
            if (list)
                fail(u"%1 takes a list: (a,b,...)"_s.arg(nameOf(c.comparator)));
            c.arguments.append(value());
        }
        if ((c.comparator == Comparator::IsNull || c.comparator == Comparator::NotNull)
            && c.arguments.first().compare(u"null"_s, Qt::CaseInsensitive) != 0)
            fail(u"%1 takes null, not '%2'"_s.arg(nameOf(c.comparator), c.arguments.first()));
        return node;
    }

    const QString &m_text;
    int m_pos = 0;
};

} // namespace

QString nameOf(Comparator comparator)
{
    switch (comparator) {
    case Comparator::Equal:
        return u"=="_s;
    case Comparator::NotEqual:
        return u"!="_s;
    case Comparator::Less:
        return u"=lt="_s;
    case Comparator::LessOrEqual:
        return u"=le="_s;
    case Comparator::Greater:
        return u"=gt="_s;
    case Comparator::GreaterOrEqual:
        return u"=ge="_s;
    case Comparator::In:
        return u"=in="_s;
    case Comparator::NotIn:
        return u"=out="_s;
    case Comparator::IsNull:
        return u"=is="_s;
    case Comparator::NotNull:
        return u"=not="_s;
    }
    return {};
}

QString quoted(const QString &value)
{
    QString out = u"\""_s;
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

QString ParseError::toString() const
{
    return u"at %1: %2"_s.arg(position).arg(message);
}

std::variant<NodePtr, ParseError> parse(const QString &query)
{
    try {
        return Parser(query).parseQuery();
    } catch (const Failure &f) {
        return f.error;
    }
}

} // namespace Flotilla::Rsql
