#pragma once
// What the SQL store's tests share (tst_sqlstore, tst_sqlstorefailures): a test class derives from
// SqlStoreTestCase, so each of its test functions runs once on SQLite and once on a PostgreSQL the test starts
// itself (a global data row each), on a new, empty database; the helpers store the rows most tests need.
#include "backend/sqlactionstore.h"
#include "backend/sqlrepositorystore.h"
#include "backend/sqlstore.h"
#include "backend/sqltargetstore.h"
#include "tests/backend/postgresfixture.h"

#include <QDateTime>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class SqlStoreTestCase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_postgresSkip = m_postgres.start();
        if (!m_postgresSkip.isEmpty())
            qWarning("PostgreSQL tests will be skipped: %s", qPrintable(m_postgresSkip));
    }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgresql") && !m_postgresSkip.isEmpty())
            QSKIP(qPrintable(m_postgresSkip));
        m_store = std::make_unique<Flotilla::SqlStore>();
        const QString url = freshUrl();
        QVERIFY(!url.isEmpty());
        m_url = url;
        QVERIFY2(m_store->open(url), qPrintable(m_store->lastError()));
    }

    void cleanup() { m_store.reset(); }

protected:
    // A store URL of a new, empty database of this row's backend; empty when none could be made.
    QString freshUrl()
    {
        QFETCH_GLOBAL(QString, backend);
        const QString name = QStringLiteral("db%1").arg(++m_databases);
        if (backend == QLatin1String("sqlite"))
            return QStringLiteral("sqlite:") + m_dir.filePath(name + QStringLiteral(".sqlite"));
        if (!m_postgres.createDatabase(name))
            return {};
        return m_postgres.url(name);
    }

    qint64 makeTarget(const QString &controllerId)
    {
        Flotilla::Target t;
        t.controllerId = controllerId;
        t.name = controllerId;
        t.securityToken = QStringLiteral("token-") + controllerId;
        t.createdAt = QDateTime::currentDateTimeUtc();
        return m_store->targets().insertTarget(t).value();
    }

    qint64 makeSet()
    {
        static int n = 0;
        return m_store->repository()
            .insertDistributionSet(
                { 0, QStringLiteral("os"), QStringLiteral("1.%1").arg(++n), QStringLiteral("os"), false, false, {} })
            .value();
    }

    // A running action of a new target, stored.
    Flotilla::Action makeAction()
    {
        Flotilla::Action a;
        a.targetId = makeTarget(QStringLiteral("dev"));
        a.distributionSetId = makeSet();
        a.createdAt = QDateTime::currentDateTimeUtc();
        a.id = m_store->actions().insertAction(a).value();
        return a;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Flotilla::SqlStore> m_store;
    QString m_url; // m_store's database

private:
    PostgresFixture m_postgres;
    QString m_postgresSkip;
    int m_databases = 0;
};
