#include "backend/operatoraccounts.h"

#include "backend/deviceauthenticator.h"
#include "backend/sqlstore.h"

#include <QPasswordDigestor>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
constexpr int Iterations = 60000;

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
{ }

QString OperatorAccounts::hashPassword(const QString &password)
{
    const QByteArray salt = randomBytes(16);
    const QByteArray key
        = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, Iterations, 32);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(Iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}

bool OperatorAccounts::verifyPassword(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256"_s)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt,
                                                              parts.at(1).toInt(), quint64(expected.size()));
    return DeviceAuthenticator::constantTimeEquals(key, expected);
}

bool OperatorAccounts::createUser(const QString &name, const QString &password, const QStringList &roles)
{
    if (name.trimmed().isEmpty() || name.size() > 64 || name.contains(u':')) {
        m_error = u"a user name has 1 to 64 characters and no ':'"_s;
        return false;
    }
    if (password.size() < MinPasswordLength) {
        m_error = u"a password has at least %1 characters"_s.arg(MinPasswordLength);
        return false;
    }
    if (roles.isEmpty()) {
        m_error = u"a user needs a role: %1"_s.arg(Roles::names().join(u", "_s));
        return false;
    }
    for (const QString &role : roles) {
        if (!Roles::permissionsOf(role)) {
            m_error = u"unknown role '%1'; roles are %2"_s.arg(role, Roles::names().join(u", "_s));
            return false;
        }
    }
    if (m_store.insertUser(name, hashPassword(password), roles) == 0) {
        m_error = m_store.userByName(name) ? u"user '%1' exists"_s.arg(name) : m_store.lastError();
        return false;
    }
    return true;
}

namespace {
int administrators(const QList<SqlStore::UserRow> &users, const QString &except)
{
    return int(std::count_if(users.cbegin(), users.cend(), [&](const SqlStore::UserRow &u) {
        return u.name != except && u.roles.contains(u"admin"_s);
    }));
}
} // namespace

bool OperatorAccounts::updateUser(const QString &name, const QString &password, const QStringList &roles)
{
    const std::optional<SqlStore::UserRow> user = m_store.userByName(name);
    if (!user) {
        m_error = u"user '%1' does not exist"_s.arg(name);
        return false;
    }
    if (!password.isEmpty() && password.size() < MinPasswordLength) {
        m_error = u"a password has at least %1 characters"_s.arg(MinPasswordLength);
        return false;
    }
    for (const QString &role : roles) {
        if (!Roles::permissionsOf(role)) {
            m_error = u"unknown role '%1'; roles are %2"_s.arg(role, Roles::names().join(u", "_s));
            return false;
        }
    }
    if (roles.isEmpty()) {
        m_error = u"a user needs a role: %1"_s.arg(Roles::names().join(u", "_s));
        return false;
    }
    if (!roles.contains(u"admin"_s) && administrators(m_store.users(), name) == 0) {
        m_error = u"'%1' is the last administrator"_s.arg(name);
        return false;
    }
    m_recent.clear(); // cached credentials carry the old roles
    if (!m_store.updateUser(user->id, password.isEmpty() ? QString() : hashPassword(password), roles)) {
        m_error = m_store.lastError();
        return false;
    }
    return true;
}

bool OperatorAccounts::deleteUser(const QString &name)
{
    const std::optional<SqlStore::UserRow> user = m_store.userByName(name);
    if (!user) {
        m_error = u"user '%1' does not exist"_s.arg(name);
        return false;
    }
    if (user->roles.contains(u"admin"_s) && administrators(m_store.users(), name) == 0) {
        m_error = u"'%1' is the last administrator"_s.arg(name);
        return false;
    }
    m_recent.clear();
    if (!m_store.deleteUser(user->id)) {
        m_error = m_store.lastError();
        return false;
    }
    return true;
}

bool OperatorAccounts::hasUsers()
{
    return m_store.countUsers() > 0;
}

QList<Operator> OperatorAccounts::users()
{
    QList<Operator> list;
    for (const SqlStore::UserRow &u : m_store.users())
        list.append({ u.id, u.name, u.roles });
    return list;
}

std::optional<Operator> OperatorAccounts::authenticate(const QByteArray &authorization)
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
        const std::optional<SqlStore::UserRow> user = m_store.userByName(QString::fromUtf8(decoded.left(colon)));
        // An unknown user costs a hash too, so timing does not tell which names exist.
        const bool ok = verifyPassword(QString::fromUtf8(decoded.mid(colon + 1)),
                                       user ? user->passwordHash : hashPassword(u"timing"_s));
        if (!user || !ok)
            return std::nullopt;
        const Operator op { user->id, user->name, user->roles };
        if (m_recent.size() > 1000)
            m_recent.clear();
        m_recent.insert(key, { op, now.addSecs(60) });
        return op;
    }
    if (header.startsWith("Bearer ")) {
        const std::optional<SqlStore::UserRow> user
            = m_store.userByTokenHash(QString::fromLatin1(sha256(header.mid(7).trimmed()).toHex()), now);
        if (!user)
            return std::nullopt;
        return Operator { user->id, user->name, user->roles };
    }
    return std::nullopt;
}

std::optional<std::pair<QString, QDateTime>> OperatorAccounts::issueToken(const Operator &op, qint64 lifetimeSecs)
{
    const QString token
        = QString::fromLatin1(randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(lifetimeSecs);
    if (!m_store.insertToken(op.id, QString::fromLatin1(sha256(token.toLatin1()).toHex()), expires)) {
        m_error = m_store.lastError();
        return std::nullopt;
    }
    return std::pair(token, expires);
}

} // namespace Flotilla
