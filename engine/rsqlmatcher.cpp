#include "engine/rsqlmatcher.h"
#include "engine/targetstatemachine.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

enum class Kind : quint8 { Text, Number, State };

const QList<std::pair<QString, Kind>> &fields()
{
    static const QList<std::pair<QString, Kind>> f = {
        { u"controllerid"_s, Kind::Text },  { u"id"_s, Kind::Text },
        { u"name"_s, Kind::Text },          { u"description"_s, Kind::Text },
        { u"updatestatus"_s, Kind::State }, { u"ipaddress"_s, Kind::Text },
        { u"createdat"_s, Kind::Number },   { u"lastcontrollerrequestat"_s, Kind::Number },
        { u"targettype"_s, Kind::Text },    { u"group"_s, Kind::Text },
    };
    return f;
}

std::optional<Kind> kindOf(const QString &selector)
{
    const QString name = selector.toLower();
    if (name.startsWith(u"attribute."_s) && name.size() > 10)
        return Kind::Text;
    for (const auto &[key, kind] : fields()) {
        if (key == name)
            return kind;
    }
    return std::nullopt;
}

// The value a selector names, nullopt when the target has none (SQL's NULL).
std::optional<QString> valueOf(const QString &selector, const Target &t, const QMap<QString, QString> &attributes)
{
    const QString name = selector.toLower();
    auto text = [](const QString &s) {
        return s.isNull() ? std::nullopt : std::optional<QString>(s);
    };
    auto ms = [](const QDateTime &at) {
        return at.isValid() ? std::optional<QString>(QString::number(at.toMSecsSinceEpoch())) : std::nullopt;
    };
    if (name.startsWith(u"attribute."_s)) {
        const auto it = attributes.constFind(selector.mid(10)); // the key keeps its case
        return it == attributes.cend() ? std::nullopt : std::optional<QString>(*it);
    }
    if (name == u"controllerid"_s || name == u"id"_s)
        return t.controllerId;
    if (name == u"name"_s)
        return text(t.name);
    if (name == u"description"_s)
        return text(t.description);
    if (name == u"updatestatus"_s)
        return nameOf(t.state).toLower();
    if (name == u"ipaddress"_s)
        return text(t.address);
    if (name == u"createdat"_s)
        return ms(t.createdAt);
    if (name == u"lastcontrollerrequestat"_s)
        return ms(t.lastPoll);
    if (name == u"targettype"_s)
        return t.targetTypeKey.isEmpty() ? std::nullopt : std::optional<QString>(t.targetTypeKey);
    if (name == u"group"_s)
        return t.group.isEmpty() ? std::nullopt : std::optional<QString>(t.group);
    return std::nullopt;
}

bool equals(Kind kind, const QString &value, const QString &argument)
{
    if (kind == Kind::Number)
        return value.toLongLong() == argument.toLongLong();
    if (kind == Kind::Text && argument.contains(u'*')) {
        const QRegularExpression re(
            QRegularExpression::wildcardToRegularExpression(argument, QRegularExpression::NonPathWildcardConversion),
            QRegularExpression::CaseInsensitiveOption);
        return re.match(value).hasMatch();
    }
    return value.compare(argument, Qt::CaseInsensitive) == 0;
}

int compare(Kind kind, const QString &value, const QString &argument)
{
    if (kind == Kind::Number) {
        const qint64 a = value.toLongLong();
        const qint64 b = argument.toLongLong();
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    return value.toLower().compare(argument.toLower());
}

bool evaluate(const Rsql::Node &node, const Target &t, const QMap<QString, QString> &attributes)
{
    using C = Rsql::Comparator;
    if (node.kind != Rsql::Node::Kind::Comparison) {
        const bool all = node.kind == Rsql::Node::Kind::And;
        for (const Rsql::NodePtr &child : node.children) {
            if (evaluate(*child, t, attributes) != all)
                return !all;
        }
        return all;
    }
    const Rsql::Comparison &c = node.comparison;
    const Kind kind = *kindOf(c.selector);
    const std::optional<QString> value = valueOf(c.selector, t, attributes);
    switch (c.comparator) {
    case C::IsNull:
        return !value;
    case C::NotNull:
        return value.has_value();
    case C::Equal:
        return value && equals(kind, *value, c.arguments.first());
    case C::NotEqual:
        return !value || !equals(kind, *value, c.arguments.first());
    case C::Less:
        return value && compare(kind, *value, c.arguments.first()) < 0;
    case C::LessOrEqual:
        return value && compare(kind, *value, c.arguments.first()) <= 0;
    case C::Greater:
        return value && compare(kind, *value, c.arguments.first()) > 0;
    case C::GreaterOrEqual:
        return value && compare(kind, *value, c.arguments.first()) >= 0;
    case C::In:
    case C::NotIn: {
        const bool in = value && std::any_of(c.arguments.cbegin(), c.arguments.cend(), [&](const QString &a) {
                            return compare(kind, *value, a) == 0;
                        });
        return c.comparator == C::In ? in : !in;
    }
    }
    return false;
}

// The field names and values are checked once, as the SQL compiler checks them.
std::optional<Rsql::ParseError> check(const Rsql::Node &node)
{
    if (node.kind != Rsql::Node::Kind::Comparison) {
        for (const Rsql::NodePtr &child : node.children) {
            if (auto error = check(*child))
                return error;
        }
        return std::nullopt;
    }
    const Rsql::Comparison &c = node.comparison;
    const std::optional<Kind> kind = kindOf(c.selector);
    if (!kind) {
        QStringList known;
        for (const auto &[key, k] : fields())
            known << key;
        known << u"attribute.<key>"_s;
        return Rsql::ParseError { c.position, u"unknown field '%1'; known: %2"_s.arg(c.selector, known.join(u", "_s)) };
    }
    if (c.comparator == Rsql::Comparator::IsNull || c.comparator == Rsql::Comparator::NotNull)
        return std::nullopt;
    for (const QString &a : c.arguments) {
        if (*kind == Kind::Number) {
            bool ok = false;
            a.toLongLong(&ok);
            if (!ok)
                return Rsql::ParseError {
                    c.position, u"'%1' takes a number (milliseconds since 1970), not '%2'"_s.arg(c.selector, a)
                };
        }
        if (*kind == Kind::State && !targetStateFromString(a)) {
            QStringList names;
            for (int i = 0; i <= int(TargetState::Error); ++i)
                names << nameOf(TargetState(i)).toLower();
            return Rsql::ParseError { c.position,
                                      u"%1 is one of %2, not '%3'"_s.arg(c.selector, names.join(u", "_s), a) };
        }
    }
    return std::nullopt;
}

} // namespace

std::variant<TargetMatcher, Rsql::ParseError> TargetMatcher::compile(const QString &query)
{
    auto parsed = Rsql::parse(query);
    if (const auto *error = std::get_if<Rsql::ParseError>(&parsed))
        return *error;
    Rsql::NodePtr tree = std::get<Rsql::NodePtr>(std::move(parsed));
    if (auto error = check(*tree))
        return *error;
    return TargetMatcher(std::move(tree));
}

bool TargetMatcher::matches(const Target &target, const QMap<QString, QString> &attributes) const
{
    return evaluate(*m_tree, target, attributes);
}

} // namespace Flotilla
