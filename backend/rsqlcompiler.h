#pragma once

#include "engine/rsql.h"

#include <QVariantList>

#include <optional>
#include <variant>

namespace Flotilla {

// A WHERE condition with '?' placeholders and the values to bind, in order. Never contains a value itself.
struct SqlCondition
{
    QString sql;
    QVariantList binds;
};

// Compiles RSQL (engine/rsql.h) into SQL over one entity's table, with hawkBit's field names:
//   targets (alias t): controllerId (or id), name, description, updateStatus (unknown|registered|pending|
//     in_sync|error), ipAddress, createdAt, lastControllerRequestAt (ms since the epoch), targetType, tag,
//     attribute.<key>, assignedDS.name / .version, installedDS.name / .version
//   software modules (m): id, name, version, type, vendor, description
//   distribution sets (s): id, name, version, type
//   rollouts (r): id, name, description, status, distributionSet.id
//   actions (a): id, status (scheduled|wait_for_confirmation|running|canceling|canceled|finished|error|
//     downloaded), weight, createdAt, distributionSet.id, rollout.id, target.controllerId
// Field names are case-insensitive; text compares case-insensitively, '*' is a wildcard for == and !=.
// An unknown field or a value of the wrong kind is an error at the position of the comparison.
class RsqlCompiler
{
public:
    enum class Entity : quint8 { Target, SoftwareModule, DistributionSet, Rollout, Action, AutoAssignment, Audit };
    static std::variant<SqlCondition, Rsql::ParseError> compile(Entity entity, const QString &query);
    static std::variant<SqlCondition, Rsql::ParseError> compile(Entity entity, const Rsql::NodePtr &tree);
    // The column of a field that can be sorted by (the entity's own fields, not attributes or related tables).
    static std::optional<QString> sortColumn(Entity entity, const QString &field);
    // The field names sortColumn() knows, for messages.
    static QStringList sortableFields(Entity entity);
    // The ORDER BY of a sort parameter (field:ASC,field2:DESC, hawkBit's form) over the entity's own columns, then
    // by <alias>.id; never user text in the SQL. nullopt with *error naming the fields on a bad one.
    static std::optional<QString> orderBy(Entity entity, const QString &sort, const QString &alias, QString *error);
    static std::variant<SqlCondition, Rsql::ParseError> targets(const QString &query)
    {
        return compile(Entity::Target, query);
    }
};

} // namespace Flotilla
