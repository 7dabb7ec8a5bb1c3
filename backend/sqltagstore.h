#pragma once

#include "backend/rsqlcompiler.h"
#include "backend/sqlaggregate.h"

#include <QList>
#include <QString>

#include <optional>

namespace Flotilla {

// Tags on SQL: target tags (labels operators group targets by; RSQL field `tag`) and distribution set tags, each
// kind in its own tables, as hawkBit keeps them. A member is a target or a set, by id. Part of one SqlStore.
class SqlTagStore final : private SqlAggregate
{
public:
    explicit SqlTagStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    enum class TagKind : quint8 { Target, DistributionSet };
    struct TagRow
    {
        qint64 id = 0;
        QString name;
        QString description;
        QString colour;
    };
    Result<qint64> insertTag(TagKind kind, const TagRow &tag); // the new tag's id
    Result<QList<TagRow>> tags(TagKind kind);
    Lookup<TagRow> tag(TagKind kind, qint64 id);
    Result<void> updateTag(TagKind kind, const TagRow &tag); // name, description, colour of tag.id
    Result<void> deleteTag(TagKind kind, qint64 id); // with its assignments
    Result<void> tagMember(TagKind kind, qint64 tagId, qint64 memberId, bool tagged); // idempotent
    Result<QList<qint64>> tagsOf(TagKind kind, qint64 memberId);
    // The members of a tag as a condition over "targets t" or "distribution_sets s" (by its kind), for
    // SqlTargetStore::targetsWhere / SqlRepositoryStore::distributionSetsWhere: the list in one query.
    static SqlCondition membersOfTag(TagKind kind, qint64 tagId);
};

} // namespace Flotilla
