#pragma once

#include "backend/sqlaggregate.h"

#include <QList>
#include <QString>

#include <optional>

namespace Flotilla {

// Metadata (hawkBit's MgmtMetadata) of targets, software modules and distribution sets on SQL, by kind ("target",
// "softwaremodule", "distributionset") and id. targetVisible only means something for modules. Part of one
// SqlStore.
class SqlMetadataStore final : private SqlAggregate
{
public:
    explicit SqlMetadataStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    struct MetadataEntry
    {
        QString key;
        QString value;
        bool targetVisible = false;
    };
    Result<QList<MetadataEntry>> metadata(const QString &kind, qint64 id); // by key
    Lookup<MetadataEntry> metadataEntry(const QString &kind, qint64 id, const QString &key);
    Result<void> setMetadata(const QString &kind, qint64 id, const MetadataEntry &entry); // insert or replace
    Result<void> deleteMetadata(const QString &kind, qint64 id, const QString &key); // empty key: all of the entity's
};

} // namespace Flotilla
