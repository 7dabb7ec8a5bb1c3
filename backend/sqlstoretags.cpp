// SqlStore: target tags.
#include "sqlstore.h"
#include "sqlstore_p.h"

namespace Flotilla {

qint64 SqlStore::insertTag(const TagRow &tag)
{
    QSqlQuery &q
        = prepared(QStringLiteral("INSERT INTO target_tags (name, description, colour) VALUES (?,?,?) RETURNING id"));
    q.addBindValue(tag.name);
    q.addBindValue(tag.description);
    q.addBindValue(tag.colour);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting tag %1").arg(tag.name), q);
        return 0;
    }
    return q.value(0).toLongLong();
}

QList<SqlStore::TagRow> SqlStore::tags()
{
    QList<TagRow> list;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, name, description, colour FROM target_tags ORDER BY id"));
    if (q.exec()) {
        while (q.next())
            list.append(
                { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
    }
    return list;
}

std::optional<SqlStore::TagRow> SqlStore::tag(qint64 id)
{
    for (const TagRow &t : tags()) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

bool SqlStore::deleteTag(qint64 id)
{
    StoreTransaction tx(*this);
    for (const QString &sql : { QStringLiteral("DELETE FROM target_tag_assignments WHERE tag_id = ?"),
                                QStringLiteral("DELETE FROM target_tags WHERE id = ?") }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(id);
        if (!q.exec())
            return setError(QStringLiteral("deleting tag %1").arg(id), q);
    }
    return tx.commit();
}

bool SqlStore::tagTarget(qint64 tagId, qint64 targetId, bool tagged)
{
    QSqlQuery &q = prepared(tagged ? QStringLiteral("INSERT INTO target_tag_assignments (tag_id, target_id) VALUES "
                                                    "(?, ?) ON CONFLICT DO NOTHING")
                                   : QStringLiteral("DELETE FROM target_tag_assignments WHERE tag_id = ? AND "
                                                    "target_id = ?"));
    q.addBindValue(tagId);
    q.addBindValue(targetId);
    if (!q.exec())
        return setError(QStringLiteral("tagging target %1").arg(targetId), q);
    changed(StoreChange::Kind::TargetUpdated, targetId);
    return true;
}

QList<qint64> SqlStore::tagsOfTarget(qint64 targetId)
{
    QList<qint64> ids;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT tag_id FROM target_tag_assignments WHERE target_id = ? ORDER BY tag_id"));
    q.addBindValue(targetId);
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

bool SqlStore::updateTag(const TagRow &tag)
{
    QSqlQuery &q
        = prepared(QStringLiteral("UPDATE target_tags SET name = ?, description = ?, colour = ? WHERE id = ?"));
    q.addBindValue(tag.name);
    q.addBindValue(tag.description);
    q.addBindValue(tag.colour);
    q.addBindValue(tag.id);
    if (!q.exec())
        return setError(QStringLiteral("updating tag %1").arg(tag.id), q);
    return true;
}

QList<qint64> SqlStore::taggedTargets(qint64 tagId)
{
    QList<qint64> ids;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT target_id FROM target_tag_assignments WHERE tag_id = ? ORDER BY target_id"));
    q.addBindValue(tagId);
    if (q.exec()) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

} // namespace Flotilla
