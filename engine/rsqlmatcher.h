#pragma once

#include "engine/rsql.h"
#include "engine/target.h"

#include <QMap>

namespace Flotilla {

// An RSQL target filter evaluated in memory, with the meaning backend/rsqlcompiler gives it in SQL: text compares
// case-insensitively with '*' as a wildcard, updateStatus by name, createdAt / lastControllerRequestAt as
// milliseconds, attribute.<key> over the target's attributes, =is=null / =not=null for missing values, and a
// missing value equal to nothing (so != and =out= match it). Fields that live in other tables (tags, sets,
// errorMessage) are refused as unknown here: the in-memory store (MemoryStore) and the rollout forecast use it.
class TargetMatcher
{
public:
    static std::variant<TargetMatcher, Rsql::ParseError> compile(const QString &query);
    bool matches(const Target &target, const QMap<QString, QString> &attributes) const;

private:
    explicit TargetMatcher(Rsql::NodePtr tree)
        : m_tree(std::move(tree))
    { }
    Rsql::NodePtr m_tree;
};

} // namespace Flotilla
