#include "backend/sqlaccountstore.h"

#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {
SqlAccountStore::UserRow userFrom(const QSqlQuery &q)
{
    return { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
             q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts) };
}
} // namespace

Result<qint64> SqlAccountStore::insertUser(const QString &name, const QString &passwordHash, const QStringList &roles)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO users (name, password_hash, roles, created_at) VALUES (?,?,?,?) RETURNING id"));
    q.addBindValue(name);
    q.addBindValue(passwordHash);
    q.addBindValue(roles.join(QLatin1Char(',')));
    q.addBindValue(toMs(QDateTime::currentDateTimeUtc()));
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting user %1").arg(name), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    return id;
}

Lookup<SqlAccountStore::UserRow> SqlAccountStore::userByName(const QString &name)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, name, password_hash, roles FROM users WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return failed(QStringLiteral("reading user %1").arg(name), q);
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

Result<QList<SqlAccountStore::UserRow>> SqlAccountStore::users()
{
    QList<UserRow> list;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id, name, password_hash, roles FROM users ORDER BY id"));
    if (!q.exec())
        return failed(QStringLiteral("reading users"), q);
    while (q.next())
        list.append(userFrom(q));
    return list;
}

Result<int> SqlAccountStore::countUsers()
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting users"), q);
    return q.value(0).toInt();
}

Result<void> SqlAccountStore::insertToken(qint64 userId, const QString &tokenHash, const QDateTime &expires)
{
    QSqlQuery &q = prepared(QStringLiteral("INSERT INTO api_tokens (token_hash, user_id, expires_at) VALUES (?,?,?)"));
    q.addBindValue(tokenHash);
    q.addBindValue(userId);
    q.addBindValue(toMs(expires));
    if (!q.exec())
        return failed(QStringLiteral("saving a token"), q);
    return {};
}

Lookup<SqlAccountStore::UserRow> SqlAccountStore::userByTokenHash(const QString &tokenHash, const QDateTime &now)
{
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT u.id, u.name, u.password_hash, u.roles FROM api_tokens t "
                                  "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.expires_at > ?"));
    q.addBindValue(tokenHash);
    q.addBindValue(toMs(now));
    if (!q.exec())
        return failed(QStringLiteral("reading a token"), q);
    if (!q.next())
        return std::nullopt;
    return userFrom(q);
}

Result<void> SqlAccountStore::updateUser(qint64 id, const QString &passwordHash, const QStringList &roles)
{
    QSqlQuery &q = prepared(passwordHash.isEmpty()
                                ? QStringLiteral("UPDATE users SET roles = ? WHERE id = ?")
                                : QStringLiteral("UPDATE users SET roles = ?, password_hash = ? WHERE id = ?"));
    q.addBindValue(roles.join(QLatin1Char(',')));
    if (!passwordHash.isEmpty())
        q.addBindValue(passwordHash);
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("updating user %1").arg(id), q);
    return {};
}

Result<void> SqlAccountStore::deleteUser(qint64 id)
{
    StoreTransaction tx(m_sql);
    for (const QString &sql : { QStringLiteral("DELETE FROM api_tokens WHERE user_id = ?"),
                                QStringLiteral("DELETE FROM users WHERE id = ?") }) {
        QSqlQuery &q = prepared(sql);
        q.addBindValue(id);
        if (!q.exec())
            return failed(QStringLiteral("deleting user %1").arg(id), q);
    }
    if (!tx.commit())
        return failed(QStringLiteral("deleting user %1").arg(id));
    return {};
}

} // namespace Flotilla
