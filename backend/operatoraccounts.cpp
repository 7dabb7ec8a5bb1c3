#include "backend/operatoraccounts.h"

#include "backend/backendlogging.h"
#include "backend/deviceauthenticator.h"
#include "backend/sqlstore.h"

#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// OWASP's Password Storage Cheat Sheet, first Argon2id line: 19 MiB of memory, 2 passes, 1 lane (libsodium's
// Argon2id always uses one lane). About 30 ms here, paid once per Basic credential and minute (m_recent).
constexpr unsigned long long ArgonPasses = 2;
constexpr size_t ArgonMemoryBytes = 19 * 1024 * 1024;

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(b.data()), n / 4);
    return b;
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}
} // namespace

OperatorAccounts::OperatorAccounts(SqlStore &store)
    : m_store(store)
{
    // Another server on this PostgreSQL changed or removed a user: the credentials verified here may be stale.
    if (!m_store.listen(AccountsChannel, [this](const QString &) { m_recent.clear(); }))
        qCWarning(lcAuth).noquote() << m_store.lastError()
                                    << "- changes of users on other servers are seen only "
                                       "when a cached credential expires (a minute)";
}

OperatorAccounts::~OperatorAccounts()
{
    m_store.listen(AccountsChannel, {});
}

QString OperatorAccounts::timingHash()
{
    // One hash of today's cost to verify unknown names against, made once.
    if (m_timingHash.isEmpty())
        m_timingHash = hashPassword(QString::fromLatin1(randomBytes(16).toBase64()));
    return m_timingHash;
}

QString OperatorAccounts::hashPassword(const QString &password)
{
    if (!sodiumReady())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), ArgonPasses, ArgonMemoryBytes,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {}; // out of memory: no hash, so the caller fails rather than storing something weaker
    return QString::fromLatin1(out);
}

bool OperatorAccounts::verifyPassword(const QString &password, const QString &stored)
{
    const QByteArray utf8 = password.toUtf8();
    if (stored.startsWith(u"$argon2"_s)) {
        const QByteArray hash = stored.toLatin1();
        return sodiumReady() && crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
    }
    // What Flotilla stored before Argon2id: "pbkdf2-sha256$<iterations>$<salt>$<key>"; upgraded at the next login.
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256"_s)
        return false;
    bool numeric = false;
    const int iterations = parts.at(1).toInt(&numeric);
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    if (!numeric || iterations < 1 || iterations > 10'000'000 || salt.isEmpty() || expected.size() < 16)
        return false;
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, utf8, salt, iterations,
                                                              quint64(expected.size()));
    return DeviceAuthenticator::constantTimeEquals(key, expected);
}

bool OperatorAccounts::needsRehash(const QString &stored)
{
    if (!stored.startsWith(u"$argon2id$"_s) || !sodiumReady())
        return true;
    const QByteArray hash = stored.toLatin1();
    return crypto_pwhash_str_needs_rehash(hash.constData(), ArgonPasses, ArgonMemoryBytes) != 0;
}

Result<void> OperatorAccounts::acceptable(const QString &password, const QStringList &roles, bool passwordRequired)
{
    if ((passwordRequired || !password.isEmpty()) && password.size() < MinPasswordLength)
        return Failure { Invalid, u"a password has at least %1 characters"_s.arg(MinPasswordLength) };
    if (roles.isEmpty())
        return Failure { Invalid, u"a user needs a role: %1"_s.arg(Roles::names().join(u", "_s)) };
    for (const QString &role : roles) {
        if (!Roles::permissionsOf(role))
            return Failure { Invalid, u"unknown role '%1'; roles are %2"_s.arg(role, Roles::names().join(u", "_s)) };
    }
    return {};
}

Result<Operator> OperatorAccounts::createUser(const QString &name, const QString &password, const QStringList &roles)
{
    if (name.trimmed().isEmpty() || name.size() > 64 || name.contains(u':'))
        return Failure { Invalid, u"a user name has 1 to 64 characters and no ':'"_s };
    if (const Result<void> ok = acceptable(password, roles, true); !ok)
        return ok.error();
    const QString hash = hashPassword(password);
    if (hash.isEmpty())
        return Failure { Invalid, u"the password could not be hashed (out of memory)"_s };
    // Asked before the insert: on PostgreSQL a failed statement ends the transaction it is part of, so nothing
    // could be asked after it. (Two creating the same name at once: the second insert fails on the unique name.)
    const Lookup<SqlAccountStore::UserRow> existing = m_store.accounts().userByName(name);
    if (existing.failed())
        return existing.error();
    if (existing.found())
        return Failure { Exists, u"user '%1' exists"_s.arg(name) };
    const Result<qint64> id = m_store.accounts().insertUser(name, hash, roles);
    if (!id)
        return id.error();
    return Operator { *id, name, roles };
}

Result<void> OperatorAccounts::anotherAdministratorThan(const QString &name)
{
    const Result<QList<SqlAccountStore::UserRow>> all = m_store.accounts().users();
    if (!all)
        return all.error();
    if (std::none_of(all->cbegin(), all->cend(),
                     [&](const SqlAccountStore::UserRow &u) { return u.name != name && u.roles.contains(u"admin"_s); }))
        return Failure { LastAdministrator, u"'%1' is the last administrator"_s.arg(name) };
    return {};
}

Result<Operator> OperatorAccounts::updateUser(const QString &name, const QString &password, const QStringList &roles)
{
    const Lookup<SqlAccountStore::UserRow> user = m_store.accounts().userByName(name);
    if (user.failed())
        return user.error();
    if (user.absent())
        return Failure { Unknown, u"user '%1' does not exist"_s.arg(name) };
    if (const Result<void> ok = acceptable(password, roles, false); !ok)
        return ok.error();
    if (!roles.contains(u"admin"_s)) {
        if (const Result<void> ok = anotherAdministratorThan(name); !ok)
            return ok.error();
    }
    const QString hash = password.isEmpty() ? QString() : hashPassword(password);
    if (!password.isEmpty() && hash.isEmpty())
        return Failure { Invalid, u"the password could not be hashed (out of memory)"_s };
    m_recent.clear(); // cached credentials carry the old roles
    if (const Result<void> updated = m_store.accounts().updateUser(user->id, hash, roles); !updated)
        return updated.error();
    if (const Result<void> sent = m_store.notify(AccountsChannel); !sent) // every server's cache
        return sent.error();
    return Operator { user->id, name, roles };
}

Result<void> OperatorAccounts::deleteUser(const QString &name)
{
    const Lookup<SqlAccountStore::UserRow> user = m_store.accounts().userByName(name);
    if (user.failed())
        return user.error();
    if (user.absent())
        return Failure { Unknown, u"user '%1' does not exist"_s.arg(name) };
    if (user->roles.contains(u"admin"_s)) {
        if (Result<void> ok = anotherAdministratorThan(name); !ok)
            return ok;
    }
    m_recent.clear();
    if (const Result<void> deleted = m_store.accounts().deleteUser(user->id); !deleted)
        return deleted.error();
    return m_store.notify(AccountsChannel); // every server's cache
}

Result<bool> OperatorAccounts::hasUsers()
{
    const Result<int> count = m_store.accounts().countUsers();
    if (!count)
        return count.error();
    return *count > 0;
}

Result<QList<Operator>> OperatorAccounts::users()
{
    const Result<QList<SqlAccountStore::UserRow>> rows = m_store.accounts().users();
    if (!rows)
        return rows.error();
    QList<Operator> list;
    for (const SqlAccountStore::UserRow &u : *rows)
        list.append({ u.id, u.name, u.roles });
    return list;
}

Lookup<Operator> OperatorAccounts::authenticate(const QByteArray &authorization)
{
    const QByteArray header = authorization.trimmed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (header.startsWith("Basic ")) {
        const QByteArray key = sha256(header);
        if (const auto it = m_recent.constFind(key); it != m_recent.cend() && it->second > now)
            return it->first;
        const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon < 0)
            return std::nullopt;
        const Lookup<SqlAccountStore::UserRow> user
            = m_store.accounts().userByName(QString::fromUtf8(decoded.left(colon)));
        if (user.failed())
            return user.error();
        const QString password = QString::fromUtf8(decoded.mid(colon + 1));
        // An unknown user costs a hash too, so timing does not tell which names exist.
        const bool ok = verifyPassword(password, user.found() ? user->passwordHash : timingHash());
        if (!user.found() || !ok)
            return std::nullopt;
        // A hash from before Argon2id, or with weaker parameters than today's, is replaced now that the password
        // is known; a failure to store it only leaves the old hash, which still works.
        if (needsRehash(user->passwordHash)) {
            const QString upgraded = hashPassword(password);
            const Result<void> stored = upgraded.isEmpty()
                ? Result<void>(Failure { Invalid, u"the password could not be hashed (out of memory)"_s })
                : m_store.accounts().updateUser(user->id, upgraded, user->roles);
            if (stored)
                qCInfo(lcAuth).noquote() << "upgraded the password hash of" << user->name << "to Argon2id";
            else
                qCWarning(lcAuth).noquote()
                    << "could not upgrade the password hash of" << user->name << ':' << stored.error().message;
        }
        const Operator op { user->id, user->name, user->roles };
        if (m_recent.size() > 1000)
            m_recent.clear();
        m_recent.insert(key, { op, now.addSecs(60) });
        return op;
    }
    if (header.startsWith("Bearer ")) {
        const Lookup<SqlAccountStore::UserRow> user
            = m_store.accounts().userByTokenHash(QString::fromLatin1(sha256(header.mid(7).trimmed()).toHex()), now);
        if (user.failed())
            return user.error();
        if (user.absent())
            return std::nullopt;
        return Operator { user->id, user->name, user->roles };
    }
    return std::nullopt;
}

Result<std::pair<QString, QDateTime>> OperatorAccounts::issueToken(const Operator &op, qint64 lifetimeSecs)
{
    const QString token
        = QString::fromLatin1(randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(lifetimeSecs);
    if (const Result<void> stored
        = m_store.accounts().insertToken(op.id, QString::fromLatin1(sha256(token.toLatin1()).toHex()), expires);
        !stored)
        return stored.error();
    return std::pair(token, expires);
}

} // namespace Flotilla
