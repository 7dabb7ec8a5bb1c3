// Which action a device is shown, and how: one at a time, heaviest then oldest; download/update handling and
// the maintenance window exactly as hawkBit derives them.
#include "engine/presentation.h"

#include "tests/common/flotillatest.h"

#include <QTest>

using namespace Flotilla;
using FlotillaTest::utc;

namespace {

Action action(qint64 id, ActionState state, int weight = DefaultWeight, ActionType type = ActionType::Forced)
{
    Action a;
    a.id = id;
    a.state = state;
    a.weight = weight;
    a.type = type;
    return a;
}

} // namespace

class TestPresentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choose_data();
    void choose();
    void handling_data();
    void handling();
};

void TestPresentation::choose_data()
{
    QTest::addColumn<QList<Action>>("actions");
    QTest::addColumn<qint64>("chosen");
    QTest::addColumn<PresentationKind>("kind");
    using S = ActionState;
    QTest::newRow("nothing open") << QList<Action> { action(1, S::Finished), action(2, S::Canceled) } << qint64(0)
                                  << PresentationKind::Nothing;
    QTest::newRow("scheduled is not presented")
        << QList<Action> { action(1, S::Scheduled) } << qint64(0) << PresentationKind::Nothing;
    QTest::newRow("A canceling before B running, in historical order")
        << QList<Action> { action(8, S::Running), action(5, S::Canceling) } << qint64(5)
        << PresentationKind::CancelAction;
    QTest::newRow("waiting for confirmation")
        << QList<Action> { action(3, S::WaitForConfirmation) } << qint64(3) << PresentationKind::ConfirmationBase;
    QTest::newRow("running") << QList<Action> { action(1, S::Error), action(4, S::Running) } << qint64(4)
                             << PresentationKind::DeploymentBase;
    QTest::newRow("multi-assignment: heaviest first")
        << QList<Action> { action(1, S::Running, 200), action(2, S::Running, 900), action(3, S::Running, 500) }
        << qint64(2) << PresentationKind::DeploymentBase;
    QTest::newRow("equal weights: oldest first")
        << QList<Action> { action(7, S::Running, 500), action(6, S::WaitForConfirmation, 500) } << qint64(6)
        << PresentationKind::ConfirmationBase;
}

void TestPresentation::choose()
{
    QFETCH(QList<Action>, actions);
    QFETCH(qint64, chosen);
    QFETCH(PresentationKind, kind);
    const Presentation p = Presentation::forTarget(actions, utc("2026-06-01T00:00:00"));
    QCOMPARE(p.actionId, chosen);
    QCOMPARE(p.kind, kind);
}

void TestPresentation::handling_data()
{
    QTest::addColumn<ActionType>("type");
    QTest::addColumn<bool>("withWindow");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<HandlingType>("download");
    QTest::addColumn<HandlingType>("update");
    QTest::addColumn<int>("window"); // -1 absent, 0 unavailable, 1 available
    using H = HandlingType;
    const QDateTime closed = utc("2026-06-01T08:00:00"); // window: 12:00-13:00 UTC daily
    const QDateTime open = utc("2026-06-01T12:10:00");
    const QDateTime beforeForce = utc("2026-06-01T08:00:00"); // force time 10:00
    const QDateTime afterForce = utc("2026-06-01T10:00:00");
    QTest::newRow("forced") << ActionType::Forced << false << closed << H::Forced << H::Forced << -1;
    QTest::newRow("soft") << ActionType::Soft << false << closed << H::Attempt << H::Attempt << -1;
    QTest::newRow("download only") << ActionType::DownloadOnly << false << closed << H::Forced << H::Skip << -1;
    QTest::newRow("time forced, before force time: soft")
        << ActionType::TimeForced << false << beforeForce << H::Attempt << H::Attempt << -1;
    QTest::newRow("time forced, at force time: forced")
        << ActionType::TimeForced << false << afterForce << H::Forced << H::Forced << -1;
    QTest::newRow("forced, window closed: download only")
        << ActionType::Forced << true << closed << H::Forced << H::Skip << 0;
    QTest::newRow("forced, window open") << ActionType::Forced << true << open << H::Forced << H::Forced << 1;
    QTest::newRow("soft, window open") << ActionType::Soft << true << open << H::Attempt << H::Attempt << 1;
    QTest::newRow("soft, window closed") << ActionType::Soft << true << closed << H::Attempt << H::Skip << 0;
}

void TestPresentation::handling()
{
    QFETCH(ActionType, type);
    QFETCH(bool, withWindow);
    QFETCH(QDateTime, now);
    QFETCH(HandlingType, download);
    QFETCH(HandlingType, update);
    QFETCH(int, window);
    Action a = action(1, ActionState::Running, DefaultWeight, type);
    a.forceTime = utc("2026-06-01T10:00:00");
    if (withWindow)
        a.maintenanceWindow = MaintenanceSchedule::create(QStringLiteral("0 0 12 * * ?"), QStringLiteral("01:00:00"),
                                                          QStringLiteral("UTC"));
    const Presentation p = Presentation::of(&a, now);
    QCOMPARE(p.kind, PresentationKind::DeploymentBase);
    QCOMPARE(p.download, download);
    QCOMPARE(p.update, update);
    QCOMPARE(p.maintenanceWindowAvailable.has_value(), window >= 0);
    if (window >= 0)
        QCOMPARE(*p.maintenanceWindowAvailable, window == 1);
}

QTEST_GUILESS_MAIN(TestPresentation)
#include "tst_presentation.moc"
