#include "backend/sqltagstore.h"

#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {
struct TagTables
{
    QString tags; // the tags
    QString assignments; // tag_id, <member>
    QString member; // the member column
};
TagTables tablesOf(SqlTagStore::TagKind kind)
{
    if (kind == SqlTagStore::TagKind::DistributionSet)
        return { QStringLiteral("ds_tags"), QStringLiteral("ds_tag_assignments"), QStringLiteral("ds_id") };
    return { QStringLiteral("target_tags"), QStringLiteral("target_tag_assignments"), QStringLiteral("target_id") };
}
} // namespace

Result<qint64> SqlTagStore::insertTag(TagKind kind, const TagRow &tag)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO %1 (name, description, colour) VALUES (?,?,?) RETURNING id")
                                .arg(tablesOf(kind).tags));
    q.addBindValue(tag.name);
    q.addBindValue(tag.description);
    q.addBindValue(tag.colour);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting tag %1").arg(tag.name), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    return id;
}

Result<QList<SqlTagStore::TagRow>> SqlTagStore::tags(TagKind kind)
{
    QList<TagRow> list;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT id, name, description, colour FROM %1 ORDER BY id").arg(tablesOf(kind).tags));
    if (!q.exec())
        return failed(QStringLiteral("reading tags"), q);
    while (q.next())
        list.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
    return list;
}

Lookup<SqlTagStore::TagRow> SqlTagStore::tag(TagKind kind, qint64 id)
{
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT id, name, description, colour FROM %1 WHERE id = ?").arg(tablesOf(kind).tags));
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading tag %1").arg(id), q);
    if (!q.next())
        return std::nullopt;
    return TagRow { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() };
}

Result<void> SqlTagStore::deleteTag(TagKind kind, qint64 id)
{
    const TagTables t = tablesOf(kind);
    StoreTransaction tx(m_sql);
    for (const QString &sql : { QStringLiteral("DELETE FROM %1 WHERE tag_id = ?").arg(t.assignments),
                                QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(t.tags) }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(id);
        if (!q.exec())
            return failed(QStringLiteral("deleting tag %1").arg(id), q);
    }
    if (!tx.commit())
        return failed(QStringLiteral("deleting tag %1").arg(id));
    return {};
}

Result<void> SqlTagStore::tagMember(TagKind kind, qint64 tagId, qint64 memberId, bool tagged)
{
    const TagTables t = tablesOf(kind);
    QSqlQuery &q
        = prepared(tagged ? QStringLiteral("INSERT INTO %1 (tag_id, %2) VALUES (?, ?) ON CONFLICT DO NOTHING")
                                .arg(t.assignments, t.member)
                          : QStringLiteral("DELETE FROM %1 WHERE tag_id = ? AND %2 = ?").arg(t.assignments, t.member));
    q.addBindValue(tagId);
    q.addBindValue(memberId);
    if (!q.exec())
        return failed(QStringLiteral("tagging %1").arg(memberId), q);
    changed(kind == TagKind::Target ? StoreChange::Kind::TargetUpdated : StoreChange::Kind::RepositoryChanged,
            memberId);
    return {};
}

Result<QList<qint64>> SqlTagStore::tagsOf(TagKind kind, qint64 memberId)
{
    const TagTables t = tablesOf(kind);
    QList<qint64> ids;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT tag_id FROM %1 WHERE %2 = ? ORDER BY tag_id").arg(t.assignments, t.member));
    q.addBindValue(memberId);
    if (!q.exec())
        return failed(QStringLiteral("reading the tags of %1").arg(memberId), q);
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<void> SqlTagStore::updateTag(TagKind kind, const TagRow &tag)
{
    QSqlQuery &q = prepared(
        QStringLiteral("UPDATE %1 SET name = ?, description = ?, colour = ? WHERE id = ?").arg(tablesOf(kind).tags));
    q.addBindValue(tag.name);
    q.addBindValue(tag.description);
    q.addBindValue(tag.colour);
    q.addBindValue(tag.id);
    if (!q.exec())
        return failed(QStringLiteral("updating tag %1").arg(tag.id), q);
    return {};
}

SqlCondition SqlTagStore::membersOfTag(TagKind kind, qint64 tagId)
{
    const TagTables t = tablesOf(kind);
    return { QStringLiteral("%1.id IN (SELECT %2 FROM %3 WHERE tag_id = ?)")
                 .arg(kind == TagKind::Target ? QStringLiteral("t") : QStringLiteral("s"), t.member, t.assignments),
             { tagId } };
}

} // namespace Flotilla
