#include "backend/sqlmetadatastore.h"

#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

namespace Flotilla {

Result<QList<SqlMetadataStore::MetadataEntry>> SqlMetadataStore::metadata(const QString &kind, qint64 id)
{
    QList<MetadataEntry> list;
    QSqlQuery &q = prepared(QStringLiteral("SELECT meta_key, meta_value, target_visible FROM entity_metadata "
                                           "WHERE kind = ? AND entity_id = ? ORDER BY meta_key"));
    q.addBindValue(kind);
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading the metadata of %1 %2").arg(kind).arg(id), q);
    while (q.next())
        list.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() != 0 });
    return list;
}

Lookup<SqlMetadataStore::MetadataEntry> SqlMetadataStore::metadataEntry(const QString &kind, qint64 id,
                                                                        const QString &key)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT meta_key, meta_value, target_visible FROM entity_metadata "
                                           "WHERE kind = ? AND entity_id = ? AND meta_key = ?"));
    q.addBindValue(kind);
    q.addBindValue(id);
    q.addBindValue(key);
    if (!q.exec())
        return failed(QStringLiteral("reading metadata %1 of %2 %3").arg(key, kind).arg(id), q);
    if (!q.next())
        return std::nullopt;
    return MetadataEntry { q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() != 0 };
}

Result<void> SqlMetadataStore::setMetadata(const QString &kind, qint64 id, const MetadataEntry &entry)
{
    QSqlQuery &q = prepared(QStringLiteral(
        "INSERT INTO entity_metadata (kind, entity_id, meta_key, meta_value, target_visible) VALUES (?,?,?,?,?) "
        "ON CONFLICT (kind, entity_id, meta_key) DO UPDATE SET meta_value = excluded.meta_value, "
        "target_visible = excluded.target_visible"));
    q.addBindValue(kind);
    q.addBindValue(id);
    q.addBindValue(entry.key);
    q.addBindValue(entry.value.isNull() ? QStringLiteral("") : entry.value);
    q.addBindValue(entry.targetVisible ? 1 : 0);
    if (!q.exec())
        return failed(QStringLiteral("saving metadata '%1' of %2 %3").arg(entry.key, kind).arg(id), q);
    return {};
}

Result<void> SqlMetadataStore::deleteMetadata(const QString &kind, qint64 id, const QString &key)
{
    QSqlQuery &q
        = prepared(key.isEmpty() ? QStringLiteral("DELETE FROM entity_metadata WHERE kind = ? AND entity_id = ?")
                                 : QStringLiteral("DELETE FROM entity_metadata WHERE kind = ? AND entity_id = ? "
                                                  "AND meta_key = ?"));
    q.addBindValue(kind);
    q.addBindValue(id);
    if (!key.isEmpty())
        q.addBindValue(key);
    if (!q.exec())
        return failed(QStringLiteral("deleting metadata of %1 %2").arg(kind).arg(id), q);
    return {};
}

} // namespace Flotilla
