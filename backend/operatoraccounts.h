#pragma once

#include "backend/permission.h"
#include "engine/result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace Flotilla {

class SqlStore;

struct Operator
{
    qint64 id = 0;
    QString name;
    QStringList roles;
    bool can(Permission p) const { return Roles::grants(roles, p); }
};

// Operators of the Management API: users with Argon2id password hashes (libsodium, OWASP's parameters; older
// PBKDF2-SHA256 hashes are still accepted and replaced at the next successful login) and roles, in the store;
// HTTP Basic and bearer tokens (issued for a user, expiring; only their hash is stored).
class OperatorAccounts
{
public:
    explicit OperatorAccounts(SqlStore &store);

    // Creates a user; false with error() when the name is taken, a role unknown, or the password too short.
    bool createUser(const QString &name, const QString &password, const QStringList &roles);
    // Changes roles (and the password unless empty) / removes a user; the last administrator stays one.
    bool updateUser(const QString &name, const QString &password, const QStringList &roles);
    bool deleteUser(const QString &name);
    Result<bool> hasUsers();
    Result<QList<Operator>> users();
    QString error() const { return m_error; }
    // Whether the last create, update or delete failed in the store (a 500), not on what it was asked.
    bool failedInStore() const { return m_storeFailed; }

    // The operator an Authorization header speaks for: "Basic base64(user:password)" or "Bearer <token>".
    // Absent: the credentials are wrong; failed: they could not be checked (the store failed).
    Lookup<Operator> authenticate(const QByteArray &authorization);
    // A new bearer token for the user, valid for lifetimeSecs.
    std::optional<std::pair<QString, QDateTime>> issueToken(const Operator &op, qint64 lifetimeSecs);

    // "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" (PHC string format); empty when it cannot be made.
    static QString hashPassword(const QString &password);
    // Checks an Argon2 string or a legacy "pbkdf2-sha256$<iterations>$<salt>$<key>"; false for anything else.
    static bool verifyPassword(const QString &password, const QString &stored);
    // True when a stored hash is not Argon2id with today's parameters.
    static bool needsRehash(const QString &stored);
    static constexpr int MinPasswordLength = 8;

private:
    SqlStore &m_store;
    QString m_error;
    bool m_storeFailed = false;
    QString timingHash();
    // Whether an administrator other than name remains; false with error() when not, or when users cannot be read.
    bool anotherAdministratorThan(const QString &name);

    QString m_timingHash;
    // Verified Basic credentials (by a hash of the header) for a minute: Argon2id is slow on purpose.
    QHash<QByteArray, std::pair<Operator, QDateTime>> m_recent;
};

} // namespace Flotilla
