#pragma once

// FIQL/RSQL, the query language of hawkBit's Management API and rollout target filters:
//   name==dev-*;(attribute.hw=in=(a,b),updateStatus!=error)   lastcontrollerrequestat=lt=1700000000000
// ';' (or " and ") binds tighter than ',' (or " or "); parentheses group. Comparators == != =lt= =le= =gt=
// =ge= =in= =out= (and < <= > >=), and =is=null / =not=null for a value that is missing or present; '*' in a
// value of == or != is a wildcard. Values are plain words or quoted
// with " or '. The parser only builds the tree: which fields exist and what they mean is the compiler's business
// (backend/rsqlcompiler), which turns a tree into parameterised SQL.
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <variant>

namespace Flotilla::Rsql {

enum class Comparator : quint8 {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
    IsNull, // =is=null: the field has no value (a target that never polled, one without the attribute)
    NotNull, // =not=null
};
QString nameOf(Comparator comparator); // "==", "=lt=", ...

struct Comparison
{
    QString selector; // as written, e.g. "attribute.hw"
    Comparator comparator = Comparator::Equal;
    QStringList arguments; // one, or several for =in= / =out=
    int position = 0; // of the selector in the query text, for error messages
};

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node
{
    enum class Kind : quint8 { And, Or, Comparison };
    Kind kind = Kind::Comparison;
    QList<NodePtr> children; // And / Or
    Comparison comparison; // Comparison
};

struct ParseError
{
    int position = 0; // 0-based character offset in the query
    QString message;
    QString toString() const; // "at 12: expected a comparator"
};

// A value as a query quotes it: in double quotes, its quotes and backslashes escaped (parse() reads it back
// unchanged).
QString quoted(const QString &value);

// The tree of the query, or the first error with where it is.
std::variant<NodePtr, ParseError> parse(const QString &query);

} // namespace Flotilla::Rsql
