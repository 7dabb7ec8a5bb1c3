#include "tests/bench/queryplans.h"

#include "backend/rsqlcompiler.h"
#include "backend/sqlstore.h"
#include "tests/backend/postgresfixture.h"
#include "tests/common/planlog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Flotilla;
using namespace PlanCheck;
using namespace Qt::StringLiterals;

namespace {

bool exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    std::fprintf(stderr, "plans: %s\n  %s\n", qPrintable(q.lastError().text()), qPrintable(sql.left(300)));
    return false;
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// Targets fleet-0000001 … with what a large fleet has: three attributes each, one in ten tagged (ten tags of 1 % each),
// a group of 500, a type, a last poll within a day (one in 500 a month ago), one in 1,000 in error and one in 100
// pending; each with an action (finished, failed, or still running for the pending ones) and two status entries; every
// tenth in one of the 100 groups of a finished rollout (1,000 targets a group at a million), its action that rollout's.
bool growFleet(QSqlDatabase &db, int wanted, qint64 nowMs)
{
    const qint64 have = scalar(db, u"SELECT COUNT(*) FROM targets"_s);
    const qint64 n = wanted - have;
    if (n <= 0)
        return true;
    const QString old = u"(SELECT id FROM distribution_sets WHERE name = 'fleet-os' AND version = '1.0')"_s;
    const QString rare = u"(SELECT id FROM distribution_sets WHERE name = 'fleet-hotfix' AND version = '1.0.1')"_s;
    const QString fleet = u"substr(t.controller_id, 1, 6) = 'fleet-'"_s;
    const QString now = QString::number(nowMs);
    const QStringList statements = {
        u"INSERT INTO distribution_sets (name, version, type_key) VALUES ('fleet-os', '1.0', 'os'), "
        "('fleet-hotfix', '1.0.1', 'os')"_s,
        u"INSERT INTO targets (controller_id, name, state, security_token, address, last_poll, installed_ds, "
        "assigned_ds, created_at, target_type, target_group) SELECT 'fleet-' || lpad(g::text, 7, '0'), "
        "'Sensor-' || g, CASE WHEN g % 1000 = 0 THEN 4 WHEN g % 100 = 0 THEN 2 ELSE 3 END, 'token', "
        "'10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256, "
        "%1 - (g % 86400) * 1000 - CASE WHEN g % 500 = 0 THEN 2592000000 ELSE 0 END, %2, "
        "CASE WHEN g % 5000 = 0 THEN %3 ELSE %2 END, %1 - g, CASE WHEN g % 3 = 0 THEN 'gateway' ELSE 'sensor' "
        "END, 'site-' || lpad((g % 2000)::text, 4, '0') FROM generate_series(1, %4) g"_s.arg(now, old, rare)
            .arg(n),
        u"INSERT INTO target_attributes (target_id, key, value) SELECT t.id, k.key, CASE k.key WHEN 'serial' THEN "
        "'sn-' || substr(t.controller_id, 7) WHEN 'hw' THEN 'rev-' || t.id % 20 ELSE (ARRAY['eu', 'us', 'ap'])[1 + "
        "t.id % 3] END FROM targets t CROSS JOIN (VALUES ('serial'), ('hw'), ('region')) AS k(key) WHERE %1"_s.arg(
            fleet),
        u"INSERT INTO target_tags (name) SELECT 'tag-' || g FROM generate_series(0, 9) g"_s,
        u"INSERT INTO target_tag_assignments (tag_id, target_id) SELECT (SELECT id FROM target_tags WHERE name = "
        "'tag-' || t.id % 100), t.id FROM targets t WHERE %1 AND t.id % 100 < 10"_s.arg(fleet),
        u"INSERT INTO rollouts (name, ds_id, type, weight, confirmation_required, dynamic, state, created_at) "
        "VALUES ('fleet-rollout', %1, 0, 1000, 0, 0, %2, %3)"_s.arg(old)
            .arg(int(RolloutState::Finished))
            .arg(now),
        u"INSERT INTO rollout_groups (rollout_id, position, name, state, success_pct, success_action, error_pct, "
        "target_pct) SELECT r.id, g, 'group-' || g, %1, 100, 0, 50, 100 FROM rollouts r, generate_series(0, 99) g "
        "WHERE r.name = 'fleet-rollout'"_s.arg(int(RolloutGroupState::Finished)),
        u"INSERT INTO rollout_group_targets (group_id, target_id) SELECT g.id, t.id FROM targets t JOIN "
        "rollout_groups g ON g.position = t.id / 10 % 100 JOIN rollouts r ON r.id = g.rollout_id AND r.name = "
        "'fleet-rollout' WHERE %1 AND t.id % 10 = 0"_s.arg(fleet),
        u"INSERT INTO actions (target_id, ds_id, type, weight, confirmation_required, state, active, created_at, "
        "last_modified, rollout_id, rollout_group_id, initiator) SELECT t.id, %1, 0, 1000, 0, CASE t.state WHEN 4 "
        "THEN %2 WHEN 2 THEN %3 ELSE %4 END, CASE t.state WHEN 2 THEN 1 ELSE 0 END, %5, %5, g.rollout_id, m.group_id, "
        "'bench' FROM targets t LEFT JOIN rollout_group_targets m ON m.target_id = t.id LEFT JOIN rollout_groups g "
        "ON g.id = m.group_id WHERE %6 ORDER BY t.id"_s.arg(old)
            .arg(int(ActionState::Error))
            .arg(int(ActionState::Running))
            .arg(int(ActionState::Finished))
            .arg(now, fleet),
        u"INSERT INTO action_status (action_id, at, status, messages) SELECT a.id, %1, %2, '[\"downloading\"]' FROM "
        "actions a WHERE a.initiator = 'bench'"_s.arg(now)
            .arg(int(HistoryStatus::Running)),
        u"INSERT INTO action_status (action_id, at, status, code, messages) SELECT a.id, %1, CASE a.state WHEN %2 "
        "THEN %3 ELSE %4 END, CASE a.state WHEN %2 THEN 7 ELSE 0 END, CASE a.state WHEN %2 THEN '[\"installation "
        "failed: timeout writing the rootfs\"]' ELSE '[\"installed\"]' END FROM actions a WHERE a.initiator = "
        "'bench' AND a.active = 0"_s.arg(now)
            .arg(int(ActionState::Error))
            .arg(int(HistoryStatus::Error))
            .arg(int(HistoryStatus::Finished)),
    };
    QElapsedTimer timer;
    timer.start();
    if (!exec(db, u"BEGIN"_s))
        return false;
    for (const QString &sql : statements) {
        if (!exec(db, sql)) {
            exec(db, u"ROLLBACK"_s);
            return false;
        }
    }
    if (!exec(db, u"COMMIT"_s) || !exec(db, u"VACUUM (ANALYZE)"_s))
        return false;
    std::printf("%-58s %12.1f s\n", qPrintable(u"grow to %1 targets with their rows (setup)"_s.arg(wanted)),
                timer.elapsed() / 1000.0);
    return true;
}

} // namespace

bool prepareForPlans(const QString &url, int targets, qint64 nowMs, const QStringList &settings)
{
    {
        QSqlDatabase db = SqlStore::addPostgresConnection(url, u"plans-setup"_s);
        if (!db.open()) {
            std::fprintf(stderr, "plans: %s\n", qPrintable(db.lastError().text()));
            return false;
        }
        const QString database = QUrl(url).path().mid(1);
        if (!growFleet(db, targets, nowMs)
            || !exec(db, u"ALTER DATABASE %1 SET session_preload_libraries = 'auto_explain'"_s.arg(database))
            || !exec(db, u"ALTER DATABASE %1 SET auto_explain.log_min_duration = 0"_s.arg(database)))
            return false;
        for (const QString &setting : settings) {
            if (!exec(db, u"ALTER DATABASE %1 SET %2"_s.arg(database, setting)))
                return false;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"plans-setup"_s);
    return true;
}

std::optional<QList<PlanProbe>> planProbes(SqlStore &store, int targets, qint64 nowMs)
{
    const int middle = targets / 2;
    const QString middleId = u"fleet-%1"_s.arg(middle, 7, 10, QLatin1Char('0'));
    const Lookup<Target> found = store.targets().targetByControllerId(middleId);
    if (!found.found()) {
        std::fprintf(stderr, "plans: %s is missing\n", qPrintable(middleId));
        return std::nullopt;
    }
    const qint64 middleTarget = (*found).id;
    const qint64 rollout = store.rollouts().rolloutIdsInStates({ RolloutState::Finished })->value(0);
    QList<qint64> groups;
    for (const RolloutGroup &g : *store.rollouts().rolloutGroups(rollout))
        groups << g.id;
    if (groups.size() != 100) {
        std::fprintf(stderr, "plans: the rollout has %lld groups, not 100\n", qlonglong(groups.size()));
        return std::nullopt;
    }

    // The Management API's listings: one page of 50 and the total, as GET /rest/v1/targets?q=…&sort=… asks.
    const auto listing
        = [&store](RsqlCompiler::Entity entity, const QString &rsql, const QString &sort, int offset, bool count) {
              SqlCondition c;
              if (!rsql.isEmpty()) {
                  auto compiled = RsqlCompiler::compile(entity, rsql);
                  if (const auto *error = std::get_if<Rsql::ParseError>(&compiled)) {
                      std::fprintf(stderr, "plans: %s\n", qPrintable(error->toString()));
                      return false;
                  }
                  c = std::get<SqlCondition>(compiled);
              }
              if (entity != RsqlCompiler::Entity::Target)
                  return count ? bool(store.countWhere(entity, c.sql, c.binds))
                               : bool(store.actions().actionsWhere(c.sql, c.binds, u"a.id"_s, offset, 50));
              QString error;
              const std::optional<QString> order = RsqlCompiler::orderBy(entity, sort, u"t"_s, &error);
              if (!order) {
                  std::fprintf(stderr, "plans: %s\n", qPrintable(error));
                  return false;
              }
              return count ? bool(store.targets().countTargetsWhere(c.sql, c.binds))
                           : bool(store.targets().targetsWhere(c.sql, c.binds, *order, offset, 50));
          };
    using E = RsqlCompiler::Entity;
    QList<PlanProbe> probes;
    const auto targetList = [&](const QString &rsql, const QString &scanReason = {},
                                const std::optional<QString> &pageScanReason = std::nullopt) {
        probes.append({ u"targets?q=%1: a page"_s.arg(rsql), [=] { return listing(E::Target, rsql, {}, 0, false); },
                        pageScanReason.value_or(scanReason) });
        probes.append({ u"targets?q=%1: the total"_s.arg(rsql), [=] { return listing(E::Target, rsql, {}, 0, true); },
                        scanReason });
    };
    probes.append({ u"targets: first page"_s, [=] {
                       return listing(E::Target, {}, {}, 0, false);
                   } });
    probes.append({ u"targets: the page at offset %1"_s.arg(middle),
                    [=] { return listing(E::Target, {}, {}, middle, false); },
                    u"an offset skips that many rows; hawkBit's API pages by offset"_s });
    probes.append({ u"targets: first page sorted by name"_s, [=] {
                       return listing(E::Target, {}, u"name:ASC"_s, 0, false);
                   } });
    probes.append({ u"targets: the total of all"_s, [=] { return listing(E::Target, {}, {}, 0, true); },
                    u"counts every target"_s });
    targetList(u"controllerId==%1"_s.arg(middleId));
    targetList(u"controllerId==%1*"_s.arg(middleId.left(11)));
    targetList(u"name==Sensor-%1"_s.arg(middle));
    targetList(u"updatestatus==error"_s);
    targetList(u"attribute.serial==sn-%1"_s.arg(middleId.mid(6)));
    targetList(u"tag==tag-7"_s);
    // A set on one target in 5,000: the total uses the index, but PostgreSQL cannot know how few targets a set's
    // name stands for, expects many, and walks the id index for the first page by id (statistics do not cross
    // from distribution_sets to targets).
    targetList(u"assignedds.name==fleet-hotfix"_s, {},
               u"a planner limit: it walks the id index expecting a set's name to match many targets"_s);
    targetList(u"group==site-0420"_s);
    targetList(u"ipaddress==10.7.161.32"_s, u"no index on the address: polls write it"_s);
    targetList(u"targettype==gateway"_s, u"a third of the fleet matches: reading the table is the cheaper plan"_s);
    targetList(u"lastcontrollerrequestat=lt=%1"_s.arg(nowMs - 7 * 86400000LL),
               u"no index on the last poll time: every poll writes it, and an index there would make each poll's "
               "update write every index of the table"_s);
    targetList(u"errormessage==*timeout*"_s);
    // Actions: the Management API's action list, a target's actions, the DDI poll's lookups.
    probes.append({ u"actions?q=status==error: a page"_s, [=] {
                       return listing(E::Action, u"status==error"_s, {}, 0, false);
                   } });
    probes.append({ u"actions?q=status==error: the total"_s, [=] {
                       return listing(E::Action, u"status==error"_s, {}, 0, true);
                   } });
    probes.append({ u"actions?q=target.controllerId==%1: a page"_s.arg(middleId), [=] {
                       return listing(E::Action, u"target.controllerId==%1"_s.arg(middleId), {}, 0, false);
                   } });
    probes.append({ u"a target's actions, newest first"_s, [&store, middleTarget] {
                       return bool(store.actions().actionsOfTarget(middleTarget, 0, 50));
                   } });
    probes.append({ u"DDI poll: the device by controller id"_s, [&store, middleId] {
                       return store.targets().deviceTarget(middleId).found();
                   } });
    probes.append({ u"DDI poll: its open actions"_s, [&store, middleTarget] {
                       return bool(store.actions().openActionsForPoll(middleTarget));
                   } });
    // The statements every DDI request runs first (since stop 45): a poll's device with its open actions, a
    // feedback's device with its action.
    probes.append({ u"DDI poll: the device with its open actions (one statement)"_s, [&store, middleId] {
                       return store.actions().deviceTargetAndOpenActions(store.targets(), middleId).found();
                   } });
    const Result<QList<Action>> middleActions = store.actions().actionsOfTarget(middleTarget, 0, 1);
    const qint64 middleAction = middleActions && !middleActions->isEmpty() ? middleActions->first().id : 0;
    probes.append({ u"DDI feedback: the device with its action (one statement)"_s, [&store, middleId, middleAction] {
                       const Lookup<DeviceTargetAndAction> read
                           = store.actions().deviceTargetAndAction(store.targets(), middleId, middleAction);
                       return read.found() && read->action.has_value();
                   } });
    // Rollouts: the group list with member counts, the action counts of every group, one group's actions, the
    // timeline's first page.
    probes.append({ u"rollout: its 100 groups with member counts"_s, [&store, rollout] {
                       return bool(store.rollouts().rolloutGroups(rollout));
                   } });
    probes.append({ u"rollout: action counts of its 100 groups"_s, [&store, groups] {
                       return bool(store.rollouts().rolloutGroupCountsOf(groups));
                   } });
    probes.append({ u"rollout: action counts of one group"_s, [&store, groups] {
                       return bool(store.rollouts().rolloutGroupCounts(groups.at(42)));
                   } });
    probes.append({ u"rollout: one group's actions"_s, [&store, groups] {
                       return bool(store.rollouts().rolloutGroupActions(groups.at(42)));
                   } });
    probes.append({ u"rollout timeline: first 100 actions"_s, [&store, rollout] {
                       return bool(store.rollouts().rolloutActionSpans(rollout, 0, 100));
                   } });
    // The overview.
    probes.append({ u"overview: the fleet by state"_s,
                    [&store, nowMs] { return bool(store.targets().fleetCounts(nowMs - 86400000)); },
                    u"counts every target"_s });
    probes.append({ u"overview: open actions by state"_s, [&store] {
                       return bool(store.actions().openActionCounts());
                   } });

    for (PlanProbe &p : probes)
        p.page = p.label.contains(u"page"_s); // each listing of one page says so
    return probes;
}

bool checkQueryPlans(PostgresFixture &server, const QString &url, int targets)
{
    const qint64 nowMs = QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::UTC).toMSecsSinceEpoch();
    if (!prepareForPlans(url, targets, nowMs,
                         { u"auto_explain.log_analyze = on"_s, u"auto_explain.log_timing = off"_s }))
        return false;
    // A new store: its connection starts with auto_explain loaded.
    SqlStore store;
    if (!store.open(url)) {
        std::fprintf(stderr, "plans: %s\n", qPrintable(store.lastError()));
        return false;
    }
    const std::optional<QList<PlanProbe>> probes = planProbes(store, targets, nowMs);
    if (!probes)
        return false;
    PlanLog log(server.logPath());
    bool ok = true;
    std::printf("query plans at %d targets (auto_explain with actual row counts; the median of 7 runs, timed with "
                "that instrumentation on). A large scan: a sequential scan of a large table, or any scan node that "
                "reads more than %d of its rows (a tenth of the fleet):\n",
                targets, targets / 10);
    for (const PlanProbe &p : *probes) {
        log.skip();
        QList<qint64> times;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer t;
            t.start();
            if (!p.run()) {
                std::printf("%s: failed: %s\n", qPrintable(p.label), qPrintable(store.lastError()));
                return false;
            }
            times << t.nsecsElapsed();
        }
        std::sort(times.begin(), times.end());
        QStringList plans = log.plans();
        plans.removeDuplicates();
        QString scan;
        for (const QString &plan : std::as_const(plans)) {
            if (scan.isEmpty())
                scan = largeScanIn(plan, targets / 10);
        }
        const bool missed = !scan.isEmpty() && p.scanReason.isEmpty();
        ok &= !missed;
        const QString verdict = scan.isEmpty() ? u"no large scan"_s
            : missed                           ? QString(u"MISSED: "_s + scan)
                                               : QString(scan + u" (right here: "_s + p.scanReason + u')');
        std::printf("%-70s %9.2f ms  %s\n", qPrintable(p.label), times.at(times.size() / 2) / 1e6, qPrintable(verdict));
        if (plans.isEmpty()) {
            std::printf("    (no plan logged)\n");
            ok = false;
        }
        for (const QString &plan : std::as_const(plans))
            std::printf("%s", qPrintable(plan));
    }
    return ok;
}
