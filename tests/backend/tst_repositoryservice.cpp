// Module, set and target types: what a set may hold, when it is complete, and which targets may take it.
#include "backend/sqlstore.h"
#include "engine/deploymentservice.h"
#include "engine/repositoryservice.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Flotilla;
using namespace Qt::StringLiterals;

class TestRepositoryService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addModule_data();
    void addModule();
    void lockedSetRefusesModules();
    void completeness();
    void assignmentNeedsCompleteSet();
    void minArtifactsMakeAModuleIncomplete();
    void targetTypeDecidesCompatibility_data();
    void targetTypeDecidesCompatibility();

private:
    qint64 module(const QString &type, const QString &name);
    qint64 set(const QString &type, const QString &version);

    QTemporaryDir m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
};

void TestRepositoryService::init()
{
    static int n = 0;
    m_store = std::make_unique<SqlStore>();
    QVERIFY(m_store->open(m_dir.filePath(u"db%1"_s.arg(++n))));
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC));
    // An OS with up to two firmware blobs and optional applications.
    QVERIFY(m_store->repository().insertSoftwareModuleType({ 0, u"os"_s, u"Operating system"_s, 1 }).ok());
    QVERIFY(m_store->repository().insertSoftwareModuleType({ 0, u"firmware"_s, u"Firmware"_s, 2 }).ok());
    QVERIFY(m_store->repository().insertSoftwareModuleType({ 0, u"app"_s, u"Application"_s, 10 }).ok());
    QVERIFY(m_store->repository()
                .insertDistributionSetType(
                    { 0, u"os_fw"_s, u"OS with firmware"_s, { u"os"_s, u"firmware"_s }, { u"app"_s } })
                .ok());
    QVERIFY(m_store->repository().insertDistributionSetType({ 0, u"app_only"_s, u"Apps"_s, { u"app"_s }, {} }).ok());
}

void TestRepositoryService::cleanup()
{
    m_store.reset();
}

qint64 TestRepositoryService::module(const QString &type, const QString &name)
{
    return m_store->repository().insertSoftwareModule({ 0, type, name, u"1"_s, {}, {}, false }).value();
}

qint64 TestRepositoryService::set(const QString &type, const QString &version)
{
    return m_store->repository().insertDistributionSet({ 0, u"bundle"_s, version, type, false, false, {} }).value();
}

void TestRepositoryService::addModule_data()
{
    QTest::addColumn<QString>("setType");
    QTest::addColumn<QStringList>("moduleTypes"); // added in order; the last one is the one checked
    QTest::addColumn<QString>("error"); // the refusal's code, empty: added
    QTest::newRow("mandatory type") << u"os_fw"_s << QStringList { u"os"_s } << QString();
    QTest::newRow("optional type") << u"os_fw"_s << QStringList { u"app"_s } << QString();
    QTest::newRow("type the set does not take")
        << u"app_only"_s << QStringList { u"os"_s } << QString(RepositoryService::TypeNotAllowed);
    QTest::newRow("second OS: max 1") << u"os_fw"_s << QStringList { u"os"_s, u"os"_s }
                                      << QString(RepositoryService::TooManyOfType);
    QTest::newRow("second firmware: max 2") << u"os_fw"_s << QStringList { u"firmware"_s, u"firmware"_s } << QString();
    QTest::newRow("third firmware") << u"os_fw"_s << QStringList { u"firmware"_s, u"firmware"_s, u"firmware"_s }
                                    << QString(RepositoryService::TooManyOfType);
    QTest::newRow("set of an undefined type: no rules")
        << u"legacy"_s << QStringList { u"os"_s, u"thing"_s } << QString();
}

void TestRepositoryService::addModule()
{
    QFETCH(QString, setType);
    QFETCH(QStringList, moduleTypes);
    QFETCH(QString, error);
    RepositoryService repository(m_store->stores());
    const qint64 s = set(setType, u"1"_s);
    Result<void> last;
    int i = 0;
    for (const QString &type : moduleTypes)
        last = repository.addModuleToSet(s, module(type, u"m%1"_s.arg(++i)));
    QCOMPARE(last.ok() ? QString() : last.error().code, error);
    if (!error.isEmpty()) {
        QVERIFY(!last.error().message.isEmpty());
        QCOMPARE((*m_store->repository().modulesOfSet(s)).size(),
                 moduleTypes.size() - 1); // the refused one is not there
    }
}

void TestRepositoryService::lockedSetRefusesModules()
{
    RepositoryService repository(m_store->stores());
    const qint64 s = set(u"app_only"_s, u"1"_s);
    QVERIFY(repository.addModuleToSet(s, module(u"app"_s, u"a"_s)).ok());
    QVERIFY(m_store->repository().lockDistributionSet(s));
    const auto r = repository.addModuleToSet(s, module(u"app"_s, u"b"_s));
    QCOMPARE(r.error().code, RepositoryService::Locked);
    QCOMPARE(repository.addModuleToSet(s + 100, module(u"app"_s, u"c"_s)).error().code, RepositoryService::UnknownSet);
    QCOMPARE(repository.addModuleToSet(s, 9999).error().code, RepositoryService::UnknownModule);
}

void TestRepositoryService::completeness()
{
    RepositoryService repository(m_store->stores());
    const qint64 s = set(u"os_fw"_s, u"1"_s);
    QCOMPARE((*repository.missingModuleTypes(s)), (QStringList { u"firmware"_s, u"os"_s }));
    QVERIFY(repository.addModuleToSet(s, module(u"os"_s, u"linux"_s)).ok());
    QCOMPARE((*repository.missingModuleTypes(s)), QStringList { u"firmware"_s });
    QVERIFY(repository.addModuleToSet(s, module(u"firmware"_s, u"modem"_s)).ok());
    QVERIFY((*repository.missingModuleTypes(s)).isEmpty());
}

void TestRepositoryService::assignmentNeedsCompleteSet()
{
    RepositoryService repository(m_store->stores());
    DeploymentService deployment(m_store->stores(), *m_clock);
    Target t;
    t.controllerId = u"dev"_s;
    t.securityToken = u"x"_s;
    const qint64 target = m_store->targets().insertTarget(t).value();
    const qint64 s = set(u"os_fw"_s, u"1"_s);
    QVERIFY(repository.addModuleToSet(s, module(u"os"_s, u"linux"_s)).ok());
    AssignmentResult r = deployment.assign({ target }, s, {});
    QCOMPARE(r.error, AssignmentResult::Error::IncompleteDistributionSet);
    QVERIFY(r.message.contains(u"firmware"_s));
    QVERIFY((*m_store->actions().openActions(target)).isEmpty());
    QVERIFY(repository.addModuleToSet(s, module(u"firmware"_s, u"modem"_s)).ok());
    r = deployment.assign({ target }, s, {});
    QCOMPARE(r.error, AssignmentResult::Error::None);
    QCOMPARE(r.assigned, 1);
}

// hawkBit's SoftwareModuleType.minArtifacts: a set holding a module with fewer artifacts is incomplete, so it
// cannot be assigned until the artifacts are uploaded.
void TestRepositoryService::minArtifactsMakeAModuleIncomplete()
{
    SoftwareModuleType bundle { 0, u"bundle"_s, u"Bundle"_s, 1 };
    bundle.minArtifacts = 2;
    QVERIFY(m_store->repository().insertSoftwareModuleType(bundle).ok());
    QCOMPARE(m_store->repository().softwareModuleType(u"bundle"_s)->minArtifacts, 2);
    QVERIFY(
        m_store->repository().insertDistributionSetType({ 0, u"bundles"_s, u"Bundles"_s, { u"bundle"_s }, {} }).ok());
    RepositoryService repository(m_store->stores());
    DeploymentService deployment(m_store->stores(), *m_clock);
    Target t;
    t.controllerId = u"dev"_s;
    t.securityToken = u"x"_s;
    const qint64 target = m_store->targets().insertTarget(t).value();
    const qint64 s = set(u"bundles"_s, u"1"_s);
    const qint64 m = module(u"bundle"_s, u"image"_s);
    QVERIFY(repository.addModuleToSet(s, m).ok());
    QVERIFY((*repository.missingModuleTypes(s)).isEmpty()); // the type is there ...
    QCOMPARE((*repository.incompleteness(s)),
             QStringList { u"module image 1 has 0 of the 2 artifacts its type requires"_s }); // ... its files not
    QVERIFY(!(*repository.isComplete(s)));
    auto artifact = [&](const QString &name) {
        Artifact a;
        a.moduleId = m;
        a.filename = name;
        a.sha1 = QString(40, u'a');
        a.md5 = QString(32, u'a');
        a.sha256 = QString(64, u'a');
        return m_store->repository().insertArtifact(a).value();
    };
    QVERIFY(artifact(u"a.bin"_s) > 0);
    AssignmentResult r = deployment.assign({ target }, s, {});
    QCOMPARE(r.error, AssignmentResult::Error::IncompleteDistributionSet);
    QVERIFY2(r.message.contains(u"has 1 of the 2 artifacts"_s), qPrintable(r.message));
    QVERIFY(artifact(u"b.bin"_s) > 0);
    QVERIFY((*repository.isComplete(s)));
    r = deployment.assign({ target }, s, {});
    QCOMPARE(r.error, AssignmentResult::Error::None);
}

void TestRepositoryService::targetTypeDecidesCompatibility_data()
{
    QTest::addColumn<QString>("targetType");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("no type: any set") << QString() << true;
    QTest::newRow("gateway takes app sets") << u"gateway"_s << true;
    QTest::newRow("sensor takes only OS sets") << u"sensor"_s << false;
}

void TestRepositoryService::targetTypeDecidesCompatibility()
{
    QFETCH(QString, targetType);
    QFETCH(bool, accepted);
    QVERIFY(
        m_store->repository().insertTargetType({ 0, u"gateway"_s, u"Gateway"_s, { u"os_fw"_s, u"app_only"_s } }).ok());
    QVERIFY(m_store->repository().insertTargetType({ 0, u"sensor"_s, u"Sensor"_s, { u"os_fw"_s } }).ok());
    QCOMPARE(m_store->repository().targetType(u"gateway"_s)->compatibleSetTypes,
             (QStringList { u"app_only"_s, u"os_fw"_s }));
    Target t;
    t.controllerId = u"dev"_s;
    t.securityToken = u"x"_s;
    t.targetTypeKey = targetType;
    const qint64 target = m_store->targets().insertTarget(t).value();
    QCOMPARE(m_store->targets().target(target)->targetTypeKey, targetType);
    const qint64 s = set(u"app_only"_s, u"1"_s);
    QVERIFY(RepositoryService(m_store->stores()).addModuleToSet(s, module(u"app"_s, u"a"_s)).ok());
    const AssignmentResult r = DeploymentService(m_store->stores(), *m_clock).assign({ target }, s, {});
    QCOMPARE(r.error == AssignmentResult::Error::None, accepted);
    if (!accepted) {
        QCOMPARE(r.error, AssignmentResult::Error::IncompatibleTargetType);
        QVERIFY(r.message.contains(u"sensor"_s));
    }
}

QTEST_GUILESS_MAIN(TestRepositoryService)
#include "tst_repositoryservice.moc"
