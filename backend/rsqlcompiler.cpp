#include "rsqlcompiler.h"

#include "targetstatemachine.h"

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

struct Failure
{
    Rsql::ParseError error;
};

enum class Kind : quint8 { Text, Number, TargetState };

struct Field
{
    QString column; // an SQL expression over t
    Kind kind = Kind::Text;
    QString existsFrom; // for fields of another table: the EXISTS subquery's FROM/WHERE, the column is inside it
};

// "*" -> "%", with LIKE's own characters escaped.
QString likePattern(const QString &value)
{
    QString p;
    for (const QChar c : value) {
        if (c == u'\\' || c == u'%' || c == u'_')
            p += u'\\';
        p += c == u'*' ? u'%' : c;
    }
    return p;
}

class Compiler
{
public:
    SqlCondition compile(const Rsql::NodePtr &node)
    {
        SqlCondition out;
        out.sql = emit(*node, out.binds);
        return out;
    }

private:
    [[noreturn]] static void fail(const Rsql::Comparison &c, const QString &message)
    {
        throw Failure { { c.position, message } };
    }

    static Field field(const Rsql::Comparison &c, QVariantList &binds)
    {
        const QString name = c.selector.toLower();
        if (name == u"controllerid"_s || name == u"id"_s)
            return { u"t.controller_id"_s, Kind::Text, {} };
        if (name == u"name"_s)
            return { u"t.name"_s, Kind::Text, {} };
        if (name == u"description"_s)
            return { u"t.description"_s, Kind::Text, {} };
        if (name == u"updatestatus"_s)
            return { u"t.state"_s, Kind::TargetState, {} };
        if (name == u"ipaddress"_s)
            return { u"t.address"_s, Kind::Text, {} };
        if (name == u"createdat"_s)
            return { u"t.created_at"_s, Kind::Number, {} };
        if (name == u"lastcontrollerrequestat"_s)
            return { u"t.last_poll"_s, Kind::Number, {} };
        if (name.startsWith(u"attribute."_s) && name.size() > 10) {
            binds.append(c.selector.mid(10)); // the key keeps its case
            return { u"ta.value"_s, Kind::Text, u"target_attributes ta WHERE ta.target_id = t.id AND ta.key = ?"_s };
        }
        for (const auto &[prefix, column] :
             { std::pair(u"assignedds."_s, u"t.assigned_ds"_s), std::pair(u"installedds."_s, u"t.installed_ds"_s) }) {
            if (name == prefix + u"name"_s || name == prefix + u"version"_s)
                return { u"d."_s + name.mid(prefix.size()), Kind::Text,
                         u"distribution_sets d WHERE d.id = "_s + column };
        }
        fail(c,
             u"unknown field '%1'; known: controllerId, name, description, updateStatus, ipAddress, createdAt, "
             "lastControllerRequestAt, attribute.<key>, assignedDS.name, assignedDS.version, installedDS.name, "
             "installedDS.version"_s.arg(c.selector));
    }

    static QVariant value(const Rsql::Comparison &c, const Field &f, const QString &text)
    {
        switch (f.kind) {
        case Kind::Text:
            return text.toLower();
        case Kind::Number: {
            bool ok = false;
            const qint64 n = text.toLongLong(&ok);
            if (!ok)
                fail(c, u"'%1' takes a number (milliseconds since 1970), not '%2'"_s.arg(c.selector, text));
            return n;
        }
        case Kind::TargetState: {
            static const QStringList names = { u"unknown"_s, u"registered"_s, u"pending"_s, u"in_sync"_s, u"error"_s };
            const qsizetype i = names.indexOf(text.toLower());
            if (i < 0)
                fail(c, u"updateStatus is one of %1, not '%2'"_s.arg(names.join(u", "_s), text));
            return int(i);
        }
        }
        return {};
    }

    QString comparison(const Rsql::Comparison &c, QVariantList &binds)
    {
        const Field f = field(c, binds);
        const QString column = f.kind == Kind::Text ? u"LOWER(%1)"_s.arg(f.column) : f.column;
        using C = Rsql::Comparator;
        QString test;
        bool negate = false;
        switch (c.comparator) {
        case C::Equal:
        case C::NotEqual: {
            negate = c.comparator == C::NotEqual;
            const QString arg = c.arguments.first();
            if (f.kind == Kind::Text && arg.contains(u'*')) {
                test = column + u" LIKE ? ESCAPE '\\'"_s;
                binds.append(likePattern(arg.toLower()));
            } else {
                test = column + u" = ?"_s;
                binds.append(value(c, f, arg));
            }
            break;
        }
        case C::Less:
        case C::LessOrEqual:
        case C::Greater:
        case C::GreaterOrEqual: {
            static const QString ops[] = { u"<"_s, u"<="_s, u">"_s, u">="_s };
            test = column + u' ' + ops[int(c.comparator) - int(C::Less)] + u" ?"_s;
            binds.append(value(c, f, c.arguments.first()));
            break;
        }
        case C::In:
        case C::NotIn: {
            negate = c.comparator == C::NotIn;
            QStringList marks;
            for (const QString &a : c.arguments) {
                marks << u"?"_s;
                binds.append(value(c, f, a));
            }
            test = column + u" IN ("_s + marks.join(u", "_s) + u')';
            break;
        }
        }
        if (!f.existsFrom.isEmpty()) {
            // Negations over another table: no related row matches (a target without the attribute counts as
            // not equal to any value).
            return (negate ? u"NOT EXISTS (SELECT 1 FROM "_s : u"EXISTS (SELECT 1 FROM "_s) + f.existsFrom + u" AND "_s
                + test + u')';
        }
        // A missing value (NULL) is "not equal" to anything, and matches no positive test.
        return negate ? u"(%1 IS NULL OR NOT (%2))"_s.arg(f.column, test) : u"(%1)"_s.arg(test);
    }

    QString emit(const Rsql::Node &node, QVariantList &binds)
    {
        if (node.kind == Rsql::Node::Kind::Comparison)
            return comparison(node.comparison, binds);
        QStringList parts;
        for (const Rsql::NodePtr &child : node.children)
            parts << emit(*child, binds);
        return u'(' + parts.join(node.kind == Rsql::Node::Kind::And ? u" AND "_s : u" OR "_s) + u')';
    }
};

} // namespace

std::variant<SqlCondition, Rsql::ParseError> RsqlCompiler::targets(const Rsql::NodePtr &tree)
{
    try {
        return Compiler().compile(tree);
    } catch (const Failure &f) {
        return f.error;
    }
}

std::variant<SqlCondition, Rsql::ParseError> RsqlCompiler::targets(const QString &query)
{
    const auto parsed = Rsql::parse(query);
    if (const auto *error = std::get_if<Rsql::ParseError>(&parsed))
        return *error;
    return targets(std::get<Rsql::NodePtr>(parsed));
}

} // namespace Flotilla
