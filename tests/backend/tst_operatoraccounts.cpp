// Operator passwords: Argon2id with OWASP's parameters for every new hash, the PBKDF2 hashes Flotilla stored before
// still accepted, and any hash weaker than today's replaced at the next successful Basic login.
#include "backend/operatoraccounts.h"
#include "backend/sqlstore.h"
#include "tests/common/tableaway.h"

#include <QPasswordDigestor>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {
QByteArray basic(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

// The format Flotilla wrote before Argon2id (PBKDF2-SHA256, 60,000 iterations, 16-byte salt, 32-byte key).
QString legacyHash(const QString &password, int iterations = 60000)
{
    const QByteArray salt = "0123456789abcdef";
    const QByteArray key
        = QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, 32);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
}
// An Argon2 hash made by libsodium with other costs (or the Argon2i variant) than the server uses.
QString weakArgon2id(const QString &password, unsigned long long passes, size_t memory, bool argon2i = false)
{
    if (sodium_init() < 0)
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), passes, memory,
                              argon2i ? crypto_pwhash_ALG_ARGON2I13 : crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QString::fromLatin1(out);
}
} // namespace

class TestOperatorAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void credentialsThatCannotBeCheckedAreNotWrong();
    void cleanup();
    void newHashesAreArgon2idWithOwaspParameters();
    void verifies_data();
    void verifies();
    void legacyHashIsUpgradedAtTheNextLogin_data();
    void legacyHashIsUpgradedAtTheNextLogin();
    void wrongPasswordUpgradesNothing();
    void changedPasswordIsArgon2id();

private:
    QString storedHash(const QString &user);

    QTemporaryDir m_dir;
    int m_databases = 0;
    std::unique_ptr<SqlStore> m_store;
};

void TestOperatorAccounts::init()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<SqlStore>();
    QVERIFY2(m_store->open(u"sqlite:"_s + m_dir.filePath(u"%1.sqlite"_s.arg(++m_databases))),
             qPrintable(m_store->lastError()));
}

void TestOperatorAccounts::cleanup()
{
    m_store.reset();
}

QString TestOperatorAccounts::storedHash(const QString &user)
{
    const Lookup<SqlAccountStore::UserRow> row = m_store->accounts().userByName(user);
    return row.found() ? row->passwordHash : QString();
}

// A user the store cannot read is a failure the caller sees (the server answers 500), never "wrong password" or
// "no such user"; once the store reads again, the same credentials work.
void TestOperatorAccounts::credentialsThatCannotBeCheckedAreNotWrong()
{
    OperatorAccounts accounts(*m_store);
    QVERIFY(accounts.createUser(u"ada"_s, u"correct horse"_s, { u"admin"_s }));
    {
        const FlotillaTest::TableAway away(
            FlotillaTest::storeConnection(m_dir.filePath(u"%1.sqlite"_s.arg(m_databases))), u"users"_s);
        QVERIFY2(away.isAway(), qPrintable(away.error()));
        const Lookup<Operator> who = accounts.authenticate(basic(u"ada"_s, u"correct horse"_s));
        QVERIFY(who.failed());
        QVERIFY2(who.error().message.contains(u"reading user ada"_s), qPrintable(who.error().message));
        const Result<Operator> updated = accounts.updateUser(u"ada"_s, QString(), { u"admin"_s });
        QVERIFY(!updated);
        QCOMPARE(updated.error().code, u"flotilla.store"_s);
        const Result<void> deleted = accounts.deleteUser(u"ada"_s);
        QVERIFY(!deleted);
        QCOMPARE(deleted.error().code, u"flotilla.store"_s);
        // A user that cannot be written is the store's failure, not a name that is taken.
        const Result<Operator> created = accounts.createUser(u"grace"_s, u"hopper's password"_s, { u"viewer"_s });
        QVERIFY(!created);
        QCOMPARE(created.error().code, u"flotilla.store"_s);
        QVERIFY2(created.error().message.contains(u"user grace"_s), qPrintable(created.error().message));
    }
    QVERIFY(accounts.authenticate(basic(u"ada"_s, u"correct horse"_s)).found());
    // Refusals, not failures, each with its own code.
    const Result<void> nobody = accounts.deleteUser(u"nobody"_s);
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, OperatorAccounts::Unknown);
    const Result<Operator> again = accounts.createUser(u"ada"_s, u"another horse"_s, { u"admin"_s });
    QVERIFY(!again);
    QCOMPARE(again.error().code, OperatorAccounts::Exists);
    const Result<void> last = accounts.deleteUser(u"ada"_s);
    QVERIFY(!last);
    QCOMPARE(last.error().code, OperatorAccounts::LastAdministrator);
    const Result<Operator> shortPassword = accounts.updateUser(u"ada"_s, u"short"_s, { u"admin"_s });
    QVERIFY(!shortPassword);
    QCOMPARE(shortPassword.error().code, OperatorAccounts::Invalid);
}

void TestOperatorAccounts::newHashesAreArgon2idWithOwaspParameters()
{
    OperatorAccounts accounts(*m_store);
    QVERIFY(accounts.createUser(u"ada"_s, u"correct horse"_s, { u"admin"_s }));
    const QString hash = storedHash(u"ada"_s);
    // OWASP: m = 19 MiB (19456 KiB), t = 2, p = 1; the salt makes two hashes of one password differ.
    QVERIFY2(hash.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(hash));
    QVERIFY(!hash.contains(u"correct horse"_s));
    QVERIFY(OperatorAccounts::hashPassword(u"correct horse"_s) != OperatorAccounts::hashPassword(u"correct horse"_s));
    QVERIFY(!OperatorAccounts::needsRehash(hash));
    QVERIFY(accounts.authenticate(basic(u"ada"_s, u"correct horse"_s)).found());
    QVERIFY(accounts.authenticate(basic(u"ada"_s, u"correct horsE"_s)).absent());
    QVERIFY(accounts.authenticate(basic(u"bob"_s, u"correct horse"_s)).absent());
    QCOMPARE(storedHash(u"ada"_s), hash); // a current hash is left alone at login
}

void TestOperatorAccounts::verifies_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    const QString argon = OperatorAccounts::hashPassword(u"s3cret pass"_s);
    QTest::newRow("argon2id, right") << argon << u"s3cret pass"_s << true;
    QTest::newRow("argon2id, wrong") << argon << u"s3cret pasS"_s << false;
    QTest::newRow("argon2id, empty password") << argon << QString() << false;
    QTest::newRow("argon2id, cut short") << argon.left(argon.size() - 8) << u"s3cret pass"_s << false;
    QTest::newRow("pbkdf2, right") << legacyHash(u"s3cret pass"_s) << u"s3cret pass"_s << true;
    QTest::newRow("pbkdf2, wrong") << legacyHash(u"s3cret pass"_s) << u"s3cret"_s << false;
    QTest::newRow("pbkdf2, iterations not a number")
        << u"pbkdf2-sha256$many$MDEyMzQ1Njc4OWFiY2RlZg==$AAAA"_s << u"x"_s << false;
    QTest::newRow("pbkdf2, absurd iterations")
        << u"pbkdf2-sha256$2000000000$MDEyMzQ1Njc4OWFiY2RlZg==$"_s + QString(44, u'A') << u"x"_s << false;
    QTest::newRow("pbkdf2, no salt") << u"pbkdf2-sha256$1000$$"_s + QString(44, u'A') << u"x"_s << false;
    QTest::newRow("unknown scheme") << u"md5$abc"_s << u"abc"_s << false;
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("plain text is not a hash") << u"s3cret pass"_s << u"s3cret pass"_s << false;
}

void TestOperatorAccounts::verifies()
{
    QFETCH(QString, stored);
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    QCOMPARE(OperatorAccounts::verifyPassword(password, stored), accepted);
}

void TestOperatorAccounts::legacyHashIsUpgradedAtTheNextLogin_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("pbkdf2 at 60,000 iterations") << legacyHash(u"old password"_s);
    QTest::newRow("pbkdf2 at 1,000 iterations") << legacyHash(u"old password"_s, 1000);
    // Argon2id hashes weaker than today's (less memory, one pass): verified, then replaced.
    QTest::newRow("argon2id, 8 MiB, 1 pass") << weakArgon2id(u"old password"_s, 1, 8 * 1024 * 1024);
    QTest::newRow("argon2i, 8 MiB, 3 passes") << weakArgon2id(u"old password"_s, 3, 8 * 1024 * 1024, true);
}

void TestOperatorAccounts::legacyHashIsUpgradedAtTheNextLogin()
{
    QFETCH(QString, stored);
    QVERIFY(!stored.isEmpty());
    OperatorAccounts accounts(*m_store);
    QVERIFY2(m_store->accounts().insertUser(u"grace"_s, stored, { u"operator"_s }).ok(),
             qPrintable(m_store->lastError()));
    QVERIFY(OperatorAccounts::needsRehash(stored));

    const Lookup<Operator> who = accounts.authenticate(basic(u"grace"_s, u"old password"_s));
    QVERIFY(who.found());
    QCOMPARE(who->name, u"grace"_s);
    QCOMPARE(who->roles, QStringList { u"operator"_s });
    const QString upgraded = storedHash(u"grace"_s);
    QVERIFY2(upgraded.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(upgraded));
    QVERIFY(!OperatorAccounts::needsRehash(upgraded));
    QCOMPARE(m_store->accounts().userByName(u"grace"_s)->roles, QStringList { u"operator"_s });

    // The same password works against the new hash, in a fresh process (no credential cache), and the old
    // password is all it takes: nothing else changed.
    OperatorAccounts fresh(*m_store);
    QVERIFY(fresh.authenticate(basic(u"grace"_s, u"old password"_s)).found());
    QVERIFY(fresh.authenticate(basic(u"grace"_s, u"new password"_s)).absent());
}

void TestOperatorAccounts::wrongPasswordUpgradesNothing()
{
    const QString stored = legacyHash(u"old password"_s);
    QVERIFY(m_store->accounts().insertUser(u"grace"_s, stored, { u"viewer"_s }).ok());
    OperatorAccounts accounts(*m_store);
    QVERIFY(accounts.authenticate(basic(u"grace"_s, u"guess"_s)).absent());
    QCOMPARE(storedHash(u"grace"_s), stored);
}

void TestOperatorAccounts::changedPasswordIsArgon2id()
{
    OperatorAccounts accounts(*m_store);
    QVERIFY(m_store->accounts().insertUser(u"root"_s, legacyHash(u"first password"_s), { u"admin"_s }).ok());
    const Result<Operator> changed = accounts.updateUser(u"root"_s, u"second password"_s, { u"admin"_s });
    QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
    QVERIFY(storedHash(u"root"_s).startsWith(u"$argon2id$"_s));
    QVERIFY(accounts.authenticate(basic(u"root"_s, u"first password"_s)).absent());
    QVERIFY(accounts.authenticate(basic(u"root"_s, u"second password"_s)).found());
    // A role change without a password keeps the hash.
    const QString before = storedHash(u"root"_s);
    QVERIFY(accounts.createUser(u"second"_s, u"another admin"_s, { u"admin"_s }));
    QVERIFY(accounts.updateUser(u"root"_s, QString(), { u"operator"_s }));
    QCOMPARE(storedHash(u"root"_s), before);
}

QTEST_GUILESS_MAIN(TestOperatorAccounts)
#include "tst_operatoraccounts.moc"
