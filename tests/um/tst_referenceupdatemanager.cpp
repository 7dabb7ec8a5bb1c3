// flotilla-um's Update Manager (AosCore's reference Update Manager, aos_updatemanager) over a real slot directory:
// every row of its table, refused commands, idempotent repeats (the controller re-sends by the reported state),
// verification of the staged image, persistence across a restart and the reboot StartUpdate may ask for.
#include "app/um/referenceupdatemanager.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Flotilla::Um;
using namespace Qt::StringLiterals;
using namespace updatemanager::v2;
using State = ReferenceUpdateManager::State;

namespace {

CMMessages command(CMMessages::CMMessageFields kind)
{
    CMMessages m;
    switch (kind) {
    case CMMessages::CMMessageFields::StartUpdate:
        m.setStartUpdate({});
        break;
    case CMMessages::CMMessageFields::ApplyUpdate:
        m.setApplyUpdate({});
        break;
    case CMMessages::CMMessageFields::RevertUpdate:
        m.setRevertUpdate({});
        break;
    default:
        break;
    }
    return m;
}

} // namespace

class TestReferenceUpdateManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void transitions_data();
    void transitions();
    void refused_data();
    void refused();
    void repeatedCommandsAreIdempotent();
    void statusDuringAnUpdateListsTheTargetVersion();
    void imageMismatchFailsNamingTheComponent_data();
    void imageMismatchFailsNamingTheComponent();
    void stateSurvivesARestart();
    void rebootAfterStartUpdateReportsUpdatedOnRestart();
    void updateCommandFailureIsReported();

private:
    std::unique_ptr<ReferenceUpdateManager> make(const QString &updateCommand = {}, const QString &reboot = {});
    CMMessages prepare(const QByteArray &image, const QString &version = u"2.0"_s, const QString &id = u"rootfs"_s);
    // Drives a fresh UM into `state` through real commands.
    void reach(ReferenceUpdateManager &um, State state);
    bool handleAndWait(ReferenceUpdateManager &um, const CMMessages &c);
    QString slotFile(const QString &relative) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_image = QByteArray("firmware 2.0 ").repeated(5000);
};

void TestReferenceUpdateManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QDir().mkpath(m_dir->filePath(u"slots/rootfs/a"_s));
    QFile v(m_dir->filePath(u"slots/rootfs/a/version"_s));
    QVERIFY(v.open(QIODevice::WriteOnly));
    v.write("1.0\n");
    QFile img(m_dir->filePath(u"image.bin"_s));
    QVERIFY(img.open(QIODevice::WriteOnly));
    img.write(m_image);
}

QString TestReferenceUpdateManager::slotFile(const QString &relative) const
{
    QFile f(m_dir->filePath(u"slots/rootfs/"_s + relative));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
}

std::unique_ptr<ReferenceUpdateManager> TestReferenceUpdateManager::make(const QString &updateCommand,
                                                                         const QString &reboot)
{
    ReferenceUpdateManager::Options o;
    o.nodeId = u"node-a"_s;
    o.priority = 4;
    o.slotDir = m_dir->filePath(u"slots"_s);
    o.components = { { u"rootfs"_s, u"os"_s } };
    o.updateCommand = updateCommand;
    o.rebootCommand = reboot;
    auto um = std::make_unique<ReferenceUpdateManager>(o);
    QString error;
    if (!um->load(&error))
        qWarning() << error;
    return um;
}

CMMessages TestReferenceUpdateManager::prepare(const QByteArray &image, const QString &version, const QString &id)
{
    PrepareComponentInfo c;
    c.setComponentId(id);
    c.setComponentType(u"os"_s);
    c.setVersion(version);
    c.setUrl(QUrl::fromLocalFile(m_dir->filePath(u"image.bin"_s)).toString());
    c.setSha256(QCryptographicHash::hash(image, QCryptographicHash::Sha256));
    c.setSize(quint64(image.size()));
    PrepareUpdate p;
    p.setComponents({ c });
    CMMessages m;
    m.setPrepareUpdate(p);
    return m;
}

bool TestReferenceUpdateManager::handleAndWait(ReferenceUpdateManager &um, const CMMessages &c)
{
    QSignalSpy changed(&um, &ReferenceUpdateManager::statusChanged);
    um.handle(c);
    return !changed.isEmpty() || changed.wait(10000);
}

void TestReferenceUpdateManager::reach(ReferenceUpdateManager &um, State state)
{
    switch (state) {
    case State::Idle:
        return;
    case State::Prepared:
        QVERIFY(handleAndWait(um, prepare(m_image)));
        break;
    case State::Updated:
        reach(um, State::Prepared);
        QVERIFY(handleAndWait(um, command(CMMessages::CMMessageFields::StartUpdate)));
        break;
    case State::Failed:
        QVERIFY(handleAndWait(um, prepare(QByteArray("something else"))));
        break;
    }
    QCOMPARE(um.state(), state);
}

void TestReferenceUpdateManager::transitions_data()
{
    QTest::addColumn<State>("from");
    QTest::addColumn<int>("kind"); // CMMessageFields; 1 = PrepareUpdate with the right image
    QTest::addColumn<State>("to");
    QTest::addColumn<QString>("boot");
    QTest::addColumn<QString>("versionA");
    QTest::addColumn<QString>("versionB");
    using F = CMMessages::CMMessageFields;
    QTest::newRow("IDLE --PrepareUpdate--> PREPARED (staged in b)")
        << State::Idle << int(F::PrepareUpdate) << State::Prepared << u"a"_s << u"1.0"_s << u"2.0"_s;
    QTest::newRow("PREPARED --StartUpdate--> UPDATED (boots b)")
        << State::Prepared << int(F::StartUpdate) << State::Updated << u"b"_s << u"1.0"_s << u"2.0"_s;
    QTest::newRow("UPDATED --ApplyUpdate--> IDLE (a dropped)")
        << State::Updated << int(F::ApplyUpdate) << State::Idle << u"b"_s << QString() << u"2.0"_s;
    QTest::newRow("PREPARED --RevertUpdate--> IDLE (b dropped)")
        << State::Prepared << int(F::RevertUpdate) << State::Idle << u"a"_s << u"1.0"_s << QString();
    QTest::newRow("UPDATED --RevertUpdate--> IDLE (back to a)")
        << State::Updated << int(F::RevertUpdate) << State::Idle << u"a"_s << u"1.0"_s << QString();
    QTest::newRow("FAILED --RevertUpdate--> IDLE")
        << State::Failed << int(F::RevertUpdate) << State::Idle << u"a"_s << u"1.0"_s << QString();
}

void TestReferenceUpdateManager::transitions()
{
    QFETCH(State, from);
    QFETCH(int, kind);
    QFETCH(State, to);
    QFETCH(QString, boot);
    QFETCH(QString, versionA);
    QFETCH(QString, versionB);
    auto um = make();
    reach(*um, from);
    const auto k = CMMessages::CMMessageFields(kind);
    QVERIFY(handleAndWait(*um, k == CMMessages::CMMessageFields::PrepareUpdate ? prepare(m_image) : command(k)));
    QCOMPARE(um->state(), to);
    QCOMPARE(slotFile(u"boot"_s).isEmpty() ? u"a"_s : slotFile(u"boot"_s), boot);
    QCOMPARE(slotFile(u"a/version"_s), versionA);
    QCOMPARE(slotFile(u"b/version"_s), versionB);
    QCOMPARE(int(um->status().updateState()), int(to));
}

void TestReferenceUpdateManager::refused_data()
{
    QTest::addColumn<State>("from");
    QTest::addColumn<int>("kind");
    using F = CMMessages::CMMessageFields;
    QTest::newRow("StartUpdate in IDLE") << State::Idle << int(F::StartUpdate);
    QTest::newRow("PrepareUpdate in UPDATED") << State::Updated << int(F::PrepareUpdate);
    QTest::newRow("ApplyUpdate in PREPARED") << State::Prepared << int(F::ApplyUpdate);
    QTest::newRow("StartUpdate in FAILED") << State::Failed << int(F::StartUpdate);
    QTest::newRow("ApplyUpdate in FAILED") << State::Failed << int(F::ApplyUpdate);
}

void TestReferenceUpdateManager::refused()
{
    QFETCH(State, from);
    QFETCH(int, kind);
    auto um = make();
    reach(*um, from);
    const QString bootBefore = slotFile(u"boot"_s);
    const auto k = CMMessages::CMMessageFields(kind);
    QSignalSpy changed(um.get(), &ReferenceUpdateManager::statusChanged);
    um->handle(k == CMMessages::CMMessageFields::PrepareUpdate ? prepare(m_image, u"3.0"_s) : command(k));
    QCOMPARE(changed.size(), 1); // the status is sent again: the controller sees nothing changed
    QCOMPARE(um->state(), from);
    QCOMPARE(slotFile(u"boot"_s), bootBefore);
}

void TestReferenceUpdateManager::repeatedCommandsAreIdempotent()
{
    auto um = make();
    reach(*um, State::Prepared);
    QVERIFY(handleAndWait(*um, prepare(m_image))); // the same PrepareUpdate again: still PREPARED, no restaging
    QCOMPARE(um->state(), State::Prepared);
    QVERIFY(handleAndWait(*um, command(CMMessages::CMMessageFields::StartUpdate)));
    QVERIFY(handleAndWait(*um, command(CMMessages::CMMessageFields::StartUpdate)));
    QCOMPARE(um->state(), State::Updated);
    QCOMPARE(slotFile(u"boot"_s), u"b"_s); // not switched back by the second one
    QVERIFY(handleAndWait(*um, command(CMMessages::CMMessageFields::ApplyUpdate)));
    QVERIFY(handleAndWait(*um, command(CMMessages::CMMessageFields::ApplyUpdate)));
    QCOMPARE(um->state(), State::Idle);
    QCOMPARE(slotFile(u"b/version"_s), u"2.0"_s);
    QVERIFY(handleAndWait(*um, command(CMMessages::CMMessageFields::RevertUpdate))); // nothing to revert
    QCOMPARE(slotFile(u"boot"_s), u"b"_s);
}

void TestReferenceUpdateManager::statusDuringAnUpdateListsTheTargetVersion()
{
    auto um = make();
    UpdateStatus s = um->status();
    QCOMPARE(s.nodeId(), u"node-a"_s);
    QCOMPARE(s.priority(), 4u);
    QCOMPARE(s.components().size(), 1);
    QCOMPARE(s.components().first().version(), u"1.0"_s);
    QCOMPARE(s.components().first().state(), ComponentStateGadget::ComponentState::INSTALLED);
    reach(*um, State::Prepared);
    s = um->status();
    QCOMPARE(s.components().size(), 2); // installed + target, as the Aos UM reports
    QCOMPARE(s.components().at(0).version(), u"1.0"_s);
    QCOMPARE(s.components().at(1).componentId(), u"rootfs"_s);
    QCOMPARE(s.components().at(1).version(), u"2.0"_s);
    QCOMPARE(s.components().at(1).state(), ComponentStateGadget::ComponentState::INSTALLING);
}

void TestReferenceUpdateManager::imageMismatchFailsNamingTheComponent_data()
{
    QTest::addColumn<QByteArray>("announced");
    QTest::addColumn<QString>("says");
    QTest::newRow("other bytes, other size") << QByteArray("tampered") << u"bytes where"_s;
    QByteArray sameSize = m_image;
    sameSize[100] = 'X';
    QTest::newRow("same size, other hash") << sameSize << u"SHA-256 mismatch"_s;
}

void TestReferenceUpdateManager::imageMismatchFailsNamingTheComponent()
{
    QFETCH(QByteArray, announced);
    QFETCH(QString, says);
    auto um = make();
    QVERIFY(handleAndWait(*um, prepare(announced)));
    QCOMPARE(um->state(), State::Failed);
    const UpdateStatus s = um->status();
    QVERIFY2(s.error().message().contains(u"component rootfs"_s), qPrintable(s.error().message()));
    QVERIFY2(s.error().message().contains(says), qPrintable(s.error().message()));
    QCOMPARE(s.components().at(1).state(), ComponentStateGadget::ComponentState::ERROR);
    QVERIFY(!QFile::exists(m_dir->filePath(u"slots/rootfs/b/image"_s))); // nothing unverified stays
    QCOMPARE(slotFile(u"boot"_s).isEmpty() ? u"a"_s : slotFile(u"boot"_s), u"a"_s);
}

void TestReferenceUpdateManager::stateSurvivesARestart()
{
    {
        auto um = make();
        reach(*um, State::Updated);
    }
    auto again = make();
    QCOMPARE(again->state(), State::Updated);
    QCOMPARE(again->status().components().size(), 2);
    QVERIFY(handleAndWait(*again, command(CMMessages::CMMessageFields::RevertUpdate)));
    QCOMPARE(again->state(), State::Idle);
    QCOMPARE(slotFile(u"boot"_s), u"a"_s);
}

void TestReferenceUpdateManager::rebootAfterStartUpdateReportsUpdatedOnRestart()
{
    const QString marker = m_dir->filePath(u"rebooted"_s);
    {
        auto um = make({}, u"touch "_s + marker);
        reach(*um, State::Prepared);
        QSignalSpy changed(um.get(), &ReferenceUpdateManager::statusChanged);
        um->handle(command(CMMessages::CMMessageFields::StartUpdate));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(marker), 10000);
        QVERIFY(um->isRebooting());
        QCOMPARE(changed.size(), 0); // nothing reported before the reboot
        QCOMPARE(slotFile(u"boot"_s), u"b"_s);
    }
    auto after = make({}, u"touch "_s + marker);
    QCOMPARE(after->state(), State::Updated);
    QVERIFY(!after->isRebooting());
}

void TestReferenceUpdateManager::updateCommandFailureIsReported()
{
    const QString script = m_dir->filePath(u"flash.sh"_s);
    QFile f(script);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\necho \"cannot open /dev/mtd3 for $1 $3\"\nexit 5\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto um = make(script);
    reach(*um, State::Prepared);
    QVERIFY(handleAndWait(*um, command(CMMessages::CMMessageFields::StartUpdate)));
    QTRY_COMPARE_WITH_TIMEOUT(um->state(), State::Failed, 10000);
    const UpdateStatus s = um->status();
    QCOMPARE(s.error().exitCode(), 5);
    QVERIFY2(s.error().message().contains(u"cannot open /dev/mtd3 for rootfs 2.0"_s), qPrintable(s.error().message()));
    QCOMPARE(slotFile(u"boot"_s).isEmpty() ? u"a"_s : slotFile(u"boot"_s), u"a"_s); // not switched
    QVERIFY(handleAndWait(*um, command(CMMessages::CMMessageFields::RevertUpdate)));
    QCOMPARE(um->state(), State::Idle);
}

QTEST_GUILESS_MAIN(TestReferenceUpdateManager)
#include "tst_referenceupdatemanager.moc"
