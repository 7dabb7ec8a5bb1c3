// Store and engine benchmarks on SQLite (issue 3), or on PostgreSQL with "postgres" as second argument (a
// durable server the bench starts itself; the goals are SQLite's, printed for comparison). Prints figures and
// the goals; exits 1 if a goal is missed.
//   tools/devroot run build/ci/tests/bin/bench_store [targets] [sqlite|postgres] [plan-targets]
//   1. assign one distribution set to N targets (default 100,000): time and process RSS afterwards
//   2. durable feedback events to distinct actions: events per second (one transaction each)
//   3. presentation lookup for one target among N with open actions: median, and the query plan
//   4. (PostgreSQL) the database grown to M targets (default 1,000,000; 0 skips it): the plans and times of the
//      target list, its RSQL filters, the action list, the DDI poll's lookups and the rollout group counts
//      (tests/bench/queryplans.cpp)
#include "backend/sqlstore.h"
#include "engine/deploymentservice.h"
#include "tests/backend/postgresfixture.h"
#include "tests/bench/queryplans.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Flotilla;

namespace {

long rssMegabytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong() / 1024;
    }
    return -1;
}

bool report(const char *what, double value, const char *unit, double goal, bool lowerIsBetter)
{
    const bool ok = lowerIsBetter ? value <= goal : value >= goal;
    std::printf("%-58s %12.1f %-8s goal %s %.0f %s  %s\n", what, value, unit, lowerIsBetter ? "<=" : ">=", goal, unit,
                ok ? "OK" : "MISSED");
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int targets = argc > 1 ? std::max(1000, atoi(argv[1])) : 100000;
    const bool postgres = argc > 2 && qstrcmp(argv[2], "postgres") == 0;
    const int planTargets = argc > 3 ? atoi(argv[3]) : 1000000;
    QTemporaryDir dir;
    PostgresFixture server;
    QString url = dir.filePath(QStringLiteral("bench.db"));
    if (postgres) {
        if (const QString why = server.start(/*durable=*/true);
            !why.isEmpty() || !server.createDatabase(QStringLiteral("bench"))) {
            std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(why));
            return 2;
        }
        url = server.url(QStringLiteral("bench"));
    }
    SqlStore store;
    if (!store.open(url)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
        return 2;
    }
    ManualClock clock(QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC));
    DeploymentService service(store.stores(), clock);
    std::printf("%s store (%s), %d targets\n", postgres ? "PostgreSQL (fsync on)" : "SQLite", qPrintable(url), targets);

    QElapsedTimer timer;
    timer.start();
    QList<qint64> ids;
    ids.reserve(targets);
    {
        StoreTransaction tx(store);
        for (int i = 0; i < targets; ++i) {
            Target t;
            t.controllerId = QStringLiteral("device-%1").arg(i, 6, 10, QLatin1Char('0'));
            t.securityToken = QStringLiteral("token");
            t.state = TargetState::Registered;
            ids.append(store.targets().insertTarget(t).value());
        }
        if (const Result<void> committed = tx.commit(); !committed) {
            std::fprintf(stderr, "%s\n", qPrintable(committed.error().message));
            return 1;
        }
    }
    std::printf("%-58s %12.1f s\n", "create targets (setup)", timer.elapsed() / 1000.0);

    const qint64 ds
        = store.repository()
              .insertDistributionSet(
                  { 0, QStringLiteral("fw"), QStringLiteral("2.0"), QStringLiteral("os"), false, false, {} })
              .value();
    const int batch = store.configuration().tenantConfiguration().maxTargetsPerAssignment;
    timer.restart();
    int assigned = 0;
    for (int from = 0; from < targets; from += batch) {
        const AssignmentResult r = service.assign(ids.mid(from, batch), ds, {});
        if (r.error != AssignmentResult::Error::None) {
            std::fprintf(stderr, "assignment failed: %s\n", qPrintable(r.message));
            return 2;
        }
        assigned += r.assigned;
    }
    const double assignSecs = timer.elapsed() / 1000.0;
    bool ok = true;
    std::printf("assigned %d targets in batches of %d (the per-assignment quota)\n", assigned, batch);
    ok &= report("assign one set to all targets", assignSecs, "s", 10, true);
    ok &= report("process RSS after the assignment", double(rssMegabytes()), "MB", 300, true);
    {
        // Where an assignment's time goes: its batch reads and writes again over the first quota of targets.
        const QList<qint64> some = ids.mid(0, batch);
        StoreTransaction tx(store);
        // Wall time and this process's CPU time (building statements, formatting values): the rest is PostgreSQL's.
        QElapsedTimer part;
        const auto cpuMs = [] {
            timespec t {};
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
            return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
        };
        double cpuAt = cpuMs();
        const auto took = [&](const char *what) {
            std::printf("  %s: %.0f ms (%.0f ms of it in this process)\n", what, part.nsecsElapsed() / 1e6,
                        cpuMs() - cpuAt);
            cpuAt = cpuMs();
            part.restart();
        };
        part.start();
        const QHash<qint64, Target> read = *store.targets().targetsById(some);
        took(qPrintable(QStringLiteral("%1 targets read at once").arg(some.size())));
        (void)store.actions().openActionsOfTargets(some);
        took("their open actions");
        (void)store.actions().countActionsOfTargets(some);
        took("their action counts");
        if (!store.targets().updateTargets(read.values()))
            std::printf("  updating them failed\n");
        took("updating them");
        QList<std::pair<qint64, ActionStatusEntry>> statuses;
        for (qint64 id : some)
            statuses.append({ id, { clock.now(), HistoryStatus::Running, { QStringLiteral("x") }, std::nullopt } });
        part.restart();
        cpuAt = cpuMs();
        if (!store.actions().appendStatuses(statuses))
            std::printf("  statuses failed\n");
        took("a status for each");
        QList<Action> actions;
        for (qint64 id : some) {
            Action a;
            a.targetId = id;
            a.distributionSetId = ds;
            a.createdAt = clock.now();
            a.state = ActionState::Scheduled;
            actions.append(a);
        }
        part.restart();
        cpuAt = cpuMs();
        if (!store.actions().insertActions(actions))
            std::printf("  inserting failed\n");
        took("an action for each");
        // rolled back
    }

    // Feedback: one durable transaction per event, each to a different action.
    const int events = std::min(targets, 20000);
    timer.restart();
    for (int i = 0; i < events; ++i) {
        const qint64 target = ids.at(i);
        const qint64 action = target; // actions were created in target order: ids line up
        const FeedbackResult r
            = service.feedback(target, action, ActionEvent::Proceeding, { QStringLiteral("downloading") }, std::nullopt,
                               QStringLiteral("bench-%1").arg(i));
        if (r.outcome != FeedbackResult::Outcome::Applied) {
            std::fprintf(stderr, "feedback %d failed: %s\n", i, qPrintable(r.message));
            return 2;
        }
    }
    const double perSecond = events / (timer.nsecsElapsed() / 1e9);
    ok &= report("durable feedback events to distinct actions", perSecond, "1/s", 10000, false);

    // Presentation lookup for random targets.
    QList<qint64> samples;
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < 20000; ++i) {
        const qint64 target = ids.at(int(rng->bounded(targets)));
        timer.restart();
        const QList<Action> open = (*store.actions().openActions(target));
        const Action *chosen = Presentation::choose(open);
        samples.append(timer.nsecsElapsed());
        if (!chosen) {
            std::fprintf(stderr, "no action presented for target %lld\n", target);
            return 2;
        }
    }
    std::sort(samples.begin(), samples.end());
    ok &= report("presentation lookup, median", samples.at(samples.size() / 2) / 1000.0, "us", 50, true);
    std::printf("%-58s %12.1f us\n", "presentation lookup, 99th percentile",
                samples.at(samples.size() * 99 / 100) / 1000.0);
    const QString plan = store.actions().explainOpenActions(ids.first());
    std::printf("query plan of the lookup:\n  %s\n", qPrintable(plan));
    if (!plan.contains(QStringLiteral("USING INDEX")) && !plan.contains(QStringLiteral("Index Scan"))) {
        std::printf("the lookup does not use an index: MISSED\n");
        ok = false;
    }
    const QString pollPlan = store.actions().explainPollRead(QStringLiteral("device-000000"));
    std::printf("query plan of a poll's read (target and open actions):\n  %s\n", qPrintable(pollPlan));
    if (!pollPlan.contains(QStringLiteral("actions_open"))) {
        std::printf("the poll's read does not use actions_open: MISSED\n");
        ok = false;
    }
    if (postgres && planTargets > 0)
        ok &= checkQueryPlans(server, url, std::max(planTargets, targets));
    std::printf("%s\n", ok ? "all goals met" : "some goals missed");
    return ok ? 0 : 1;
}
