#pragma once

#include "backend/sqlaggregate.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace Flotilla {

// Operators of the Management API and their tokens, on SQL (not the engine's business: no engine interface).
// Part of one SqlStore.
class SqlAccountStore final : private SqlAggregate
{
public:
    explicit SqlAccountStore(SqlStore &sql)
        : SqlAggregate(sql)
    { }

    struct UserRow
    {
        qint64 id = 0;
        QString name;
        QString passwordHash;
        QStringList roles;
    };
    // The new user's id.
    Result<qint64> insertUser(const QString &name, const QString &passwordHash, const QStringList &roles);
    Lookup<UserRow> userByName(const QString &name);
    Result<QList<UserRow>> users();
    Result<int> countUsers();
    Result<void> updateUser(qint64 id, const QString &passwordHash, const QStringList &roles); // empty hash: keep
    Result<void> deleteUser(qint64 id); // and its tokens
    Result<void> insertToken(qint64 userId, const QString &tokenHash, const QDateTime &expires);
    Lookup<UserRow> userByTokenHash(const QString &tokenHash, const QDateTime &now);
};

} // namespace Flotilla
