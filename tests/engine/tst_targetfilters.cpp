// RSQL target filters as the engine's store answers them (Store::targetIdsMatching): the same rows on the in-memory
// store (TargetMatcher) here and on SQLite (RsqlCompiler) as backend/targetfilters_sql, so rollouts and
// auto-assignments pick the same targets whichever store runs them.
#include "tests/engine/teststore.h"

#include <QTest>
#include <QTimeZone>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestTargetFilters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void matches_data();
    void matches();
    void refuses_data();
    void refuses();

private:
    FlotillaTest::TestStores m_stores;
    std::unique_ptr<FlotillaTest::TestStore> m_store;
};

void TestTargetFilters::initTestCase()
{
    QString error;
    m_store = m_stores.create(&error);
    QVERIFY2(m_store, qPrintable(error));
    const QDateTime base(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC);
    struct Row
    {
        const char *id;
        const char *name;
        TargetState state;
        int polledMinutesAgo; // < 0: never
        const char *region; // nullptr: no attribute
        const char *group;
    };
    const Row rows[] = {
        { "cam-1", "Front Door", TargetState::InSync, 1, "eu", "Europe/East" },
        { "cam-2", "back yard", TargetState::Error, 30, "us", "" },
        { "gw-1", "Gateway 50%_off", TargetState::Registered, -1, nullptr, "Europe/West" },
        { "CAM-3", "Garage", TargetState::Pending, 5, "EU", "" },
    };
    for (const Row &r : rows) {
        Target t;
        t.controllerId = QString::fromLatin1(r.id);
        t.name = QString::fromLatin1(r.name);
        t.state = r.state;
        t.securityToken = u"tok"_s;
        t.createdAt = base;
        t.group = QString::fromLatin1(r.group);
        if (r.polledMinutesAgo >= 0)
            t.lastPoll = base.addSecs(-60 * r.polledMinutesAgo);
        const qint64 id = m_store->targets().insertTarget(t).value();
        QVERIFY(id > 0);
        if (r.region)
            QVERIFY(m_store->targets().setTargetAttributes(id, { { u"region"_s, QString::fromLatin1(r.region) } }));
    }
}

void TestTargetFilters::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // controller ids, oldest first
    const qint64 tenMinutesAgo = QDateTime(QDate(2026, 6, 1), QTime(7, 50), QTimeZone::UTC).toMSecsSinceEpoch();
    QTest::newRow("wildcard, any case") << u"controllerId==cam-*"_s
                                        << QStringList { u"cam-1"_s, u"cam-2"_s, u"CAM-3"_s };
    QTest::newRow("exact, any case") << u"name==\"front door\""_s << QStringList { u"cam-1"_s };
    QTest::newRow("% and _ are no wildcards") << u"name==*50%_off"_s << QStringList { u"gw-1"_s };
    QTest::newRow("status by name") << u"updateStatus=in=(error,PENDING)"_s << QStringList { u"cam-2"_s, u"CAM-3"_s };
    QTest::newRow("attribute, any case") << u"attribute.region==eu"_s << QStringList { u"cam-1"_s, u"CAM-3"_s };
    QTest::newRow("not equal takes the missing value")
        << u"attribute.region!=eu"_s << QStringList { u"cam-2"_s, u"gw-1"_s };
    QTest::newRow("attribute is null") << u"attribute.region=is=null"_s << QStringList { u"gw-1"_s };
    QTest::newRow("never polled") << u"lastControllerRequestAt=is=null"_s << QStringList { u"gw-1"_s };
    QTest::newRow("polled long ago (a missing value is not less)")
        << u"lastControllerRequestAt=lt=%1"_s.arg(tenMinutesAgo) << QStringList { u"cam-2"_s };
    QTest::newRow("and binds tighter than or") << u"updateStatus==error,controllerId==gw-*;attribute.region=is=null"_s
                                               << QStringList { u"cam-2"_s, u"gw-1"_s };
    QTest::newRow("out") << u"updateStatus=out=(in_sync,error)"_s << QStringList { u"gw-1"_s, u"CAM-3"_s };
    QTest::newRow("group prefix") << u"group==Europe*"_s << QStringList { u"cam-1"_s, u"gw-1"_s };
    QTest::newRow("nothing") << u"controllerId==nobody"_s << QStringList {};
}

void TestTargetFilters::matches()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    const Result<QList<qint64>> ids = m_store->targets().targetIdsMatching(query);
    QVERIFY2(ids, qPrintable(m_store->lastError()));
    QStringList got;
    for (qint64 id : *ids)
        got << m_store->targets().target(id)->controllerId;
    QCOMPARE(got, expected);
}

void TestTargetFilters::refuses_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown field") << u"colour==red"_s << u"unknown field 'colour'"_s;
    QTest::newRow("time not a number") << u"createdAt=gt=yesterday"_s << u"takes a number"_s;
    QTest::newRow("no such status") << u"updateStatus==done"_s << u"updateStatus is one of"_s;
    QTest::newRow("syntax") << u"name=="_s << u"expected a value"_s;
}

void TestTargetFilters::refuses()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    const Result<QList<qint64>> refused = m_store->targets().targetIdsMatching(query);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, u"flotilla.rsql"_s);
    QVERIFY2(refused.error().message.contains(message), qPrintable(refused.error().message));
    QVERIFY2(m_store->lastError().contains(message), qPrintable(m_store->lastError()));
}

QTEST_GUILESS_MAIN(TestTargetFilters)
#include "tst_targetfilters.moc"
