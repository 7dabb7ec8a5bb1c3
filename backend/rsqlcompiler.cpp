#include "backend/rsqlcompiler.h"

#include "engine/action.h"
#include "engine/autoassignment.h"
#include "engine/rollout.h"
#include "engine/targetstatemachine.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

struct CompileFailure
{
    Rsql::ParseError error;
};

// MessageList: a JSON array of strings (an action status's messages); == and != test whether one element is the
// value (wildcards allowed).
enum class Kind : quint8 { Text, Number, Enum, MessageList };

struct Field
{
    QString column = {}; // an SQL expression over the entity's alias
    Kind kind = Kind::Text;
    QString existsFrom = {}; // for fields of another table: the EXISTS subquery's FROM/WHERE, the column is inside it
    QStringList enumNames = {}; // Kind::Enum: the names by their stored number
};

// An enum field's names by stored number, from the engine's own names (lower case, as RSQL compares them): the
// list cannot fall out of step with the enum.
template<typename E> QStringList namesOf(E last)
{
    QStringList names;
    for (int i = 0; i <= int(last); ++i)
        names << nameOf(E(i)).toLower();
    return names;
}
const QStringList targetStates = namesOf(TargetState::Error);
const QStringList actionStates = namesOf(ActionState::Downloaded);
const QStringList rolloutStates = namesOf(RolloutState::Finished);
const QStringList autoAssignmentStates = namesOf(AutoAssignmentStatus::Running);
const QStringList actionTypes = namesOf(ActionType::TimeForced);

// Each entity's fields (lower-case names), over the alias the listing queries use.
using FieldTable = QList<std::pair<QString, Field>>;
const FieldTable &fieldsOf(RsqlCompiler::Entity entity)
{
    static const FieldTable targets = {
        { u"controllerid"_s, { u"t.controller_id"_s } },
        { u"id"_s, { u"t.controller_id"_s } },
        { u"name"_s, { u"t.name"_s } },
        { u"description"_s, { u"t.description"_s } },
        { u"updatestatus"_s, { u"t.state"_s, Kind::Enum, {}, targetStates } },
        { u"ipaddress"_s, { u"t.address"_s } },
        { u"createdat"_s, { u"t.created_at"_s, Kind::Number } },
        { u"lastcontrollerrequestat"_s, { u"t.last_poll"_s, Kind::Number } },
        { u"targettype"_s, { u"t.target_type"_s } },
        { u"group"_s, { u"t.target_group"_s } },
        { u"tag"_s,
          { u"tg.name"_s, Kind::Text,
            u"target_tag_assignments tga JOIN target_tags tg ON tg.id = tga.tag_id WHERE tga.target_id = t.id"_s } },
        { u"assignedds.name"_s, { u"d.name"_s, Kind::Text, u"distribution_sets d WHERE d.id = t.assigned_ds"_s } },
        { u"assignedds.version"_s,
          { u"d.version"_s, Kind::Text, u"distribution_sets d WHERE d.id = t.assigned_ds"_s } },
        { u"installedds.name"_s, { u"d.name"_s, Kind::Text, u"distribution_sets d WHERE d.id = t.installed_ds"_s } },
        { u"installedds.version"_s,
          { u"d.version"_s, Kind::Text, u"distribution_sets d WHERE d.id = t.installed_ds"_s } },
        // Flotilla: targets one of whose actions reported an error with this message (the console's "top errors").
        { u"errormessage"_s,
          { u"xs.messages"_s, Kind::MessageList,
            u"actions xa JOIN action_status xs ON xs.action_id = xa.id WHERE xa.target_id = t.id AND xs.status = %1"_s
                .arg(int(HistoryStatus::Error)) } },
    };
    static const FieldTable modules = {
        { u"id"_s, { u"m.id"_s, Kind::Number } }, { u"name"_s, { u"m.name"_s } },
        { u"version"_s, { u"m.version"_s } },     { u"type"_s, { u"m.type_key"_s } },
        { u"vendor"_s, { u"m.vendor"_s } },       { u"description"_s, { u"m.description"_s } },
    };
    static const FieldTable sets = {
        { u"id"_s, { u"s.id"_s, Kind::Number } },
        { u"name"_s, { u"s.name"_s } },
        { u"version"_s, { u"s.version"_s } },
        { u"type"_s, { u"s.type_key"_s } },
    };
    static const FieldTable rollouts = {
        { u"id"_s, { u"r.id"_s, Kind::Number } },
        { u"name"_s, { u"r.name"_s } },
        { u"description"_s, { u"r.description"_s } },
        { u"status"_s, { u"r.state"_s, Kind::Enum, {}, rolloutStates } },
        { u"distributionset.id"_s, { u"r.ds_id"_s, Kind::Number } },
    };
    static const FieldTable actions = {
        { u"id"_s, { u"a.id"_s, Kind::Number } },
        { u"status"_s, { u"a.state"_s, Kind::Enum, {}, actionStates } },
        { u"weight"_s, { u"a.weight"_s, Kind::Number } },
        { u"createdat"_s, { u"a.created_at"_s, Kind::Number } },
        { u"distributionset.id"_s, { u"a.ds_id"_s, Kind::Number } },
        { u"rollout.id"_s, { u"a.rollout_id"_s, Kind::Number } },
        { u"target.controllerid"_s, { u"x.controller_id"_s, Kind::Text, u"targets x WHERE x.id = a.target_id"_s } },
    };
    // hawkBit's AutoAssignmentFields.
    static const FieldTable autoAssignments = {
        { u"id"_s, { u"aa.id"_s, Kind::Number } },
        { u"name"_s, { u"aa.name"_s } },
        { u"description"_s, { u"aa.description"_s } },
        { u"status"_s, { u"aa.status"_s, Kind::Enum, {}, autoAssignmentStates } },
        { u"actiontype"_s, { u"aa.action_type"_s, Kind::Enum, {}, actionTypes } },
        { u"approvaldecidedby"_s, { u"aa.decided_by"_s } },
        { u"distributionset.id"_s, { u"aa.ds_id"_s, Kind::Number } },
        { u"distributionset.name"_s, { u"d.name"_s, Kind::Text, u"distribution_sets d WHERE d.id = aa.ds_id"_s } },
        { u"distributionset.version"_s,
          { u"d.version"_s, Kind::Text, u"distribution_sets d WHERE d.id = aa.ds_id"_s } },
    };
    // The audit trail (GET /rest/v1/audit).
    static const FieldTable audit = {
        { u"id"_s, { u"au.id"_s, Kind::Number } },
        { u"at"_s, { u"au.at"_s, Kind::Number } },
        { u"actor"_s, { u"au.actor"_s } },
        { u"address"_s, { u"au.address"_s } },
        { u"method"_s, { u"au.method"_s } },
        { u"path"_s, { u"au.path"_s } },
        { u"status"_s, { u"au.status"_s, Kind::Number } },
        { u"entity"_s, { u"au.entity"_s } },
        { u"entityid"_s, { u"au.entity_id"_s } },
    };
    switch (entity) {
    case RsqlCompiler::Entity::Audit:
        return audit;
    case RsqlCompiler::Entity::AutoAssignment:
        return autoAssignments;
    case RsqlCompiler::Entity::Target:
        return targets;
    case RsqlCompiler::Entity::SoftwareModule:
        return modules;
    case RsqlCompiler::Entity::DistributionSet:
        return sets;
    case RsqlCompiler::Entity::Rollout:
        return rollouts;
    case RsqlCompiler::Entity::Action:
        break;
    }
    return actions;
}

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
    explicit Compiler(RsqlCompiler::Entity entity)
        : m_entity(entity)
    { }

    SqlCondition compile(const Rsql::NodePtr &node)
    {
        SqlCondition out;
        out.sql = emit(*node, out.binds);
        return out;
    }

private:
    [[noreturn]] static void fail(const Rsql::Comparison &c, const QString &message)
    {
        throw CompileFailure { { c.position, message } };
    }

    Field field(const Rsql::Comparison &c, QVariantList &binds) const
    {
        const QString name = c.selector.toLower();
        if (m_entity == RsqlCompiler::Entity::Target && name.startsWith(u"attribute."_s) && name.size() > 10) {
            binds.append(c.selector.mid(10)); // the key keeps its case
            return { u"ta.value"_s, Kind::Text, u"target_attributes ta WHERE ta.target_id = t.id AND ta.key = ?"_s };
        }
        QStringList known;
        for (const auto &[key, f] : fieldsOf(m_entity)) {
            if (key == name)
                return f;
            known << key;
        }
        if (m_entity == RsqlCompiler::Entity::Target)
            known << u"attribute.<key>"_s;
        fail(c, u"unknown field '%1'; known: %2"_s.arg(c.selector, known.join(u", "_s)));
    }

    static QVariant value(const Rsql::Comparison &c, const Field &f, const QString &text)
    {
        switch (f.kind) {
        case Kind::Text:
            return text.toLower();
        case Kind::MessageList:
            break;
        case Kind::Number: {
            bool ok = false;
            const qint64 n = text.toLongLong(&ok);
            if (!ok)
                fail(c, u"'%1' takes a number (milliseconds since 1970), not '%2'"_s.arg(c.selector, text));
            return n;
        }
        case Kind::Enum: {
            const qsizetype i = f.enumNames.indexOf(text.toLower());
            if (i < 0)
                fail(c, u"%1 is one of %2, not '%3'"_s.arg(c.selector, f.enumNames.join(u", "_s), text));
            return int(i);
        }
        }
        return {};
    }

    QString comparison(const Rsql::Comparison &c, QVariantList &binds)
    {
        const Field f = field(c, binds);
        const QString column
            = f.kind == Kind::Text || f.kind == Kind::MessageList ? u"LOWER(%1)"_s.arg(f.column) : f.column;
        using C = Rsql::Comparator;
        QString test;
        bool negate = false;
        switch (c.comparator) {
        case C::Equal:
        case C::NotEqual: {
            negate = c.comparator == C::NotEqual;
            const QString arg = c.arguments.first();
            if (f.kind == Kind::MessageList) {
                // One element, quoted as the stored JSON quotes it, anywhere in the array.
                const QByteArray array = QJsonDocument(QJsonArray { arg.toLower() }).toJson(QJsonDocument::Compact);
                test = column + u" LIKE ? ESCAPE '\\'"_s;
                binds.append(QString(u'%' + likePattern(QString::fromUtf8(array.mid(1, array.size() - 2))) + u'%'));
            } else if (f.kind == Kind::Text && arg.contains(u'*')) {
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
            if (f.kind == Kind::MessageList)
                fail(c, u"%1 takes == or !="_s.arg(c.selector));
            static const QString ops[] = { u"<"_s, u"<="_s, u">"_s, u">="_s };
            test = column + u' ' + ops[int(c.comparator) - int(C::Less)] + u" ?"_s;
            binds.append(value(c, f, c.arguments.first()));
            break;
        }
        case C::IsNull:
        case C::NotNull:
            // Over another table: whether a related row exists at all (a target without the attribute is null).
            if (!f.existsFrom.isEmpty())
                return (c.comparator == C::IsNull ? u"NOT EXISTS (SELECT 1 FROM "_s : u"EXISTS (SELECT 1 FROM "_s)
                    + f.existsFrom + u')';
            return u"(%1 IS %2NULL)"_s.arg(f.column, c.comparator == C::IsNull ? QString() : u"NOT "_s);
        case C::In:
        case C::NotIn: {
            if (f.kind == Kind::MessageList)
                fail(c, u"%1 takes == or !="_s.arg(c.selector));
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

    RsqlCompiler::Entity m_entity;

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

// sort=field:ASC,field2:DESC over the entity's own columns (never user text in the SQL), then by id.
std::optional<QString> RsqlCompiler::orderBy(Entity entity, const QString &sort, const QString &alias, QString *error)
{
    QStringList order;
    for (const QString &item : sort.split(u',', Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(u':');
        const std::optional<QString> column = sortColumn(entity, parts.at(0));
        const QString direction = parts.value(1, u"ASC"_s).trimmed().toUpper();
        if (!column || parts.size() > 2 || (direction != u"ASC"_s && direction != u"DESC"_s)) {
            *error = u"cannot sort by '%1'; fields: %2, each with :ASC or :DESC"_s.arg(
                item, sortableFields(entity).join(u", "_s));
            return std::nullopt;
        }
        order << *column + u' ' + direction;
    }
    order << alias + u".id"_s;
    return order.join(u", "_s);
}

std::optional<QString> RsqlCompiler::sortColumn(Entity entity, const QString &field)
{
    const QString name = field.trimmed().toLower();
    for (const auto &[key, f] : fieldsOf(entity)) {
        if (key == name && f.existsFrom.isEmpty())
            return f.column;
    }
    return std::nullopt;
}

QStringList RsqlCompiler::sortableFields(Entity entity)
{
    QStringList names;
    for (const auto &[key, f] : fieldsOf(entity)) {
        if (f.existsFrom.isEmpty())
            names << key;
    }
    return names;
}

std::variant<SqlCondition, Rsql::ParseError> RsqlCompiler::compile(Entity entity, const Rsql::NodePtr &tree)
{
    try {
        return Compiler(entity).compile(tree);
    } catch (const CompileFailure &f) {
        return f.error;
    }
}

std::variant<SqlCondition, Rsql::ParseError> RsqlCompiler::compile(Entity entity, const QString &query)
{
    const auto parsed = Rsql::parse(query);
    if (const auto *error = std::get_if<Rsql::ParseError>(&parsed))
        return *error;
    return compile(entity, std::get<Rsql::NodePtr>(parsed));
}

} // namespace Flotilla
