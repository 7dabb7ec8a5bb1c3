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
    ~OperatorAccounts();
    Q_DISABLE_COPY_MOVE(OperatorAccounts)
    // The store's notification channel for changed and removed users (servers sharing a PostgreSQL drop what they
    // cached of them).
    static inline const QString AccountsChannel = QStringLiteral("flotilla_accounts");

    // What a write refuses, as its Failure's code (a failure of the store itself is coded "flotilla.store").
    static constexpr QLatin1StringView Invalid { "flotilla.accounts.invalid" }; // a name, password or role
    static constexpr QLatin1StringView Exists { "flotilla.accounts.exists" };
    static constexpr QLatin1StringView Unknown { "flotilla.accounts.unknown" }; // no such user
    static constexpr QLatin1StringView LastAdministrator { "flotilla.accounts.lastAdministrator" };

    // Creates a user; refused when the name is taken, a role unknown, or the password too short.
    Result<Operator> createUser(const QString &name, const QString &password, const QStringList &roles);
    // Changes roles (and the password unless empty) / removes a user; the last administrator stays one.
    Result<Operator> updateUser(const QString &name, const QString &password, const QStringList &roles);
    Result<void> deleteUser(const QString &name);
    Result<bool> hasUsers();
    Result<QList<Operator>> users();

    // The operator an Authorization header speaks for: "Basic base64(user:password)" or "Bearer <token>".
    // Absent: the credentials are wrong; failed: they could not be checked (the store failed).
    Lookup<Operator> authenticate(const QByteArray &authorization);
    // A new bearer token for the user, valid for lifetimeSecs, and when it expires.
    Result<std::pair<QString, QDateTime>> issueToken(const Operator &op, qint64 lifetimeSecs);

    // "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" (PHC string format); empty when it cannot be made.
    static QString hashPassword(const QString &password);
    // Checks an Argon2 string or a legacy "pbkdf2-sha256$<iterations>$<salt>$<key>"; false for anything else.
    static bool verifyPassword(const QString &password, const QString &stored);
    // True when a stored hash is not Argon2id with today's parameters.
    static bool needsRehash(const QString &stored);
    static constexpr int MinPasswordLength = 8;

private:
    SqlStore &m_store;
    QString timingHash();
    // Whether an administrator other than name remains; refused when not, failed when users cannot be read.
    Result<void> anotherAdministratorThan(const QString &name);
    // A user's roles and password (unless empty, for an update): refused when they are not acceptable.
    static Result<void> acceptable(const QString &password, const QStringList &roles, bool passwordRequired);

    QString m_timingHash;
    // Verified Basic credentials (by a hash of the header) for a minute: Argon2id is slow on purpose.
    QHash<QByteArray, std::pair<Operator, QDateTime>> m_recent;
};

} // namespace Flotilla
