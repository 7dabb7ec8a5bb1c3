#pragma once

#include "rsql.h"

#include <QVariantList>

#include <variant>

namespace Flotilla {

// A WHERE condition with '?' placeholders and the values to bind, in order. Never contains a value itself.
struct SqlCondition
{
    QString sql;
    QVariantList binds;
};

// Compiles RSQL (engine/rsql.h) into SQL over the targets table (alias t), with hawkBit's target fields:
//   controllerId (or id), name, description, updateStatus (unknown|registered|pending|in_sync|error),
//   ipAddress, createdAt, lastControllerRequestAt (ms since the epoch), attribute.<key>,
//   assignedDS.name / .version, installedDS.name / .version.
// Field names are case-insensitive; text compares case-insensitively, '*' is a wildcard for == and !=.
// An unknown field or a value of the wrong kind is an error at the position of the comparison.
class RsqlCompiler
{
public:
    static std::variant<SqlCondition, Rsql::ParseError> targets(const QString &query);
    static std::variant<SqlCondition, Rsql::ParseError> targets(const Rsql::NodePtr &tree);
};

} // namespace Flotilla
