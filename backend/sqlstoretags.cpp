// SqlStore: target and distribution set tags, and who created and changed what through the Management API.
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QTimeZone>

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {
struct TagTables
{
    QString tags; // the tags
    QString assignments; // tag_id, <member>
    QString member; // the member column
};
TagTables tablesOf(SqlStore::TagKind kind)
{
    if (kind == SqlStore::TagKind::DistributionSet)
        return { QStringLiteral("ds_tags"), QStringLiteral("ds_tag_assignments"), QStringLiteral("ds_id") };
    return { QStringLiteral("target_tags"), QStringLiteral("target_tag_assignments"), QStringLiteral("target_id") };
}
} // namespace

qint64 SqlStore::insertTag(TagKind kind, const TagRow &tag)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO %1 (name, description, colour) VALUES (?,?,?) RETURNING id")
                                .arg(tablesOf(kind).tags));
    q.addBindValue(tag.name);
    q.addBindValue(tag.description);
    q.addBindValue(tag.colour);
    if (!q.exec() || !q.next()) {
        setError(QStringLiteral("inserting tag %1").arg(tag.name), q);
        return 0;
    }
    return q.value(0).toLongLong();
}

QList<SqlStore::TagRow> SqlStore::tags(TagKind kind)
{
    QList<TagRow> list;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT id, name, description, colour FROM %1 ORDER BY id").arg(tablesOf(kind).tags));
    if (!q.exec()) {
        setError(QStringLiteral("reading tags"), q);
        return list;
    }
    while (q.next())
        list.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
    return list;
}

std::optional<SqlStore::TagRow> SqlStore::tag(TagKind kind, qint64 id)
{
    for (const TagRow &t : tags(kind)) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

bool SqlStore::deleteTag(TagKind kind, qint64 id)
{
    const TagTables t = tablesOf(kind);
    StoreTransaction tx(*this);
    for (const QString &sql : { QStringLiteral("DELETE FROM %1 WHERE tag_id = ?").arg(t.assignments),
                                QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(t.tags) }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(id);
        if (!q.exec())
            return setError(QStringLiteral("deleting tag %1").arg(id), q);
    }
    return tx.commit();
}

bool SqlStore::tagMember(TagKind kind, qint64 tagId, qint64 memberId, bool tagged)
{
    const TagTables t = tablesOf(kind);
    QSqlQuery &q
        = prepared(tagged ? QStringLiteral("INSERT INTO %1 (tag_id, %2) VALUES (?, ?) ON CONFLICT DO NOTHING")
                                .arg(t.assignments, t.member)
                          : QStringLiteral("DELETE FROM %1 WHERE tag_id = ? AND %2 = ?").arg(t.assignments, t.member));
    q.addBindValue(tagId);
    q.addBindValue(memberId);
    if (!q.exec())
        return setError(QStringLiteral("tagging %1").arg(memberId), q);
    changed(kind == TagKind::Target ? StoreChange::Kind::TargetUpdated : StoreChange::Kind::RepositoryChanged,
            memberId);
    return true;
}

QList<qint64> SqlStore::tagsOf(TagKind kind, qint64 memberId)
{
    const TagTables t = tablesOf(kind);
    QList<qint64> ids;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT tag_id FROM %1 WHERE %2 = ? ORDER BY tag_id").arg(t.assignments, t.member));
    q.addBindValue(memberId);
    if (!q.exec()) {
        setError(QStringLiteral("reading the tags of %1").arg(memberId), q);
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool SqlStore::updateTag(TagKind kind, const TagRow &tag)
{
    QSqlQuery &q = prepared(
        QStringLiteral("UPDATE %1 SET name = ?, description = ?, colour = ? WHERE id = ?").arg(tablesOf(kind).tags));
    q.addBindValue(tag.name);
    q.addBindValue(tag.description);
    q.addBindValue(tag.colour);
    q.addBindValue(tag.id);
    if (!q.exec())
        return setError(QStringLiteral("updating tag %1").arg(tag.id), q);
    return true;
}

SqlCondition SqlStore::membersOfTag(TagKind kind, qint64 tagId)
{
    const TagTables t = tablesOf(kind);
    return { QStringLiteral("%1.id IN (SELECT %2 FROM %3 WHERE tag_id = ?)")
                 .arg(kind == TagKind::Target ? QStringLiteral("t") : QStringLiteral("s"), t.member, t.assignments),
             { tagId } };
}

bool SqlStore::recordAudit(const QString &kind, qint64 id, const QString &who, const QDateTime &at, bool created)
{
    QSqlQuery &q = prepared(
        created ? QStringLiteral("INSERT INTO entity_audit (kind, entity_id, created_by, created_at, modified_by, "
                                 "modified_at) VALUES (?,?,?,?,?,?) ON CONFLICT (kind, entity_id) DO UPDATE SET "
                                 "created_by = excluded.created_by, created_at = excluded.created_at, "
                                 "modified_by = excluded.modified_by, modified_at = excluded.modified_at")
                : QStringLiteral("INSERT INTO entity_audit (kind, entity_id, created_by, created_at, modified_by, "
                                 "modified_at) VALUES (?,?,?,?,?,?) ON CONFLICT (kind, entity_id) DO UPDATE SET "
                                 "modified_by = excluded.modified_by, modified_at = excluded.modified_at"));
    q.addBindValue(kind);
    q.addBindValue(id);
    // A change to an entity created before the audit existed (or by a device): its creator stays unknown.
    q.addBindValue(created ? QVariant(who) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(created ? QVariant(at.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(who);
    q.addBindValue(at.toMSecsSinceEpoch());
    if (!q.exec())
        return setError(QStringLiteral("recording who changed %1 %2").arg(kind).arg(id), q);
    return true;
}

QHash<qint64, SqlStore::AuditRow> SqlStore::audit(const QString &kind, const QList<qint64> &ids)
{
    QHash<qint64, AuditRow> rows;
    if (ids.isEmpty())
        return rows;
    QSqlQuery q(m_db);
    if (!execWithIds(q,
                     QStringLiteral("SELECT entity_id, created_by, created_at, modified_by, modified_at FROM "
                                    "entity_audit WHERE kind = ? AND entity_id IN (%1)"),
                     ids, { kind })) {
        setError(QStringLiteral("reading who changed %1s").arg(kind), q);
        return rows;
    }
    auto time = [](const QVariant &v) {
        return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::UTC);
    };
    while (q.next())
        rows.insert(q.value(0).toLongLong(),
                    { q.value(1).toString(), time(q.value(2)), q.value(3).toString(), time(q.value(4)) });
    return rows;
}

QHash<qint64, int> SqlStore::lastStatusCodes(const QList<qint64> &actionIds)
{
    QHash<qint64, int> codes;
    if (actionIds.isEmpty())
        return codes;
    // The newest history entry with a code, per action.
    QSqlQuery q(m_db);
    if (!execWithIds(q,
                     QStringLiteral("SELECT s.action_id, s.code FROM action_status s WHERE s.id IN (SELECT MAX(id) "
                                    "FROM action_status WHERE code IS NOT NULL AND action_id IN (%1) GROUP BY "
                                    "action_id)"),
                     actionIds)) {
        setError(QStringLiteral("reading the actions' last status codes"), q);
        return codes;
    }
    while (q.next())
        codes.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return codes;
}

bool SqlStore::forgetAudit(const QString &kind, qint64 id)
{
    QSqlQuery &q = prepared(QStringLiteral("DELETE FROM entity_audit WHERE kind = ? AND entity_id = ?"));
    q.addBindValue(kind);
    q.addBindValue(id);
    if (!q.exec())
        return setError(QStringLiteral("forgetting %1 %2").arg(kind).arg(id), q);
    return true;
}

} // namespace Flotilla
