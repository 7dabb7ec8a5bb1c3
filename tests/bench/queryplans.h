#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class PostgresFixture;
namespace Flotilla {
class SqlStore;
}

// Query plans at fleet scale (issue 21), on PostgreSQL: grows the database to `targets` targets with their
// attributes, tags, a rollout of 100 groups, actions and status history, then runs the store's own listing, filter
// and count calls (the ones the Management API, the DDI poll and the rollout views make) with auto_explain logging
// every plan. Prints each call's plans and its median time; a call that must use an index and reads a large table
// (targets, actions, their attributes, tags, status history, group members) with a sequential scan is MISSED.
// Returns false when any is missed or the setup fails.
bool checkQueryPlans(PostgresFixture &server, const QString &url, int targets);

// The parts, also for tests/backend/tst_queryplans (the same calls at a small scale, with sequential scans
// disabled: each must have an index it can use).
// Grows the database at url to `targets` targets and has its new sessions load auto_explain (every plan logged)
// with these further settings ("name = value").
bool prepareForPlans(const QString &url, int targets, qint64 nowMs, const QStringList &settings);

struct PlanProbe
{
    QString label;
    std::function<bool()> run; // false: the store failed
    QString scanReason = {}; // why a sequential scan is the right plan here; empty: it must not scan
    // One page (LIMIT): whether walking the id index beats the filter's index depends on where the matches lie,
    // so only a fleet of the real size says whether the plan is right (the benchmark, not the test).
    bool page = false;
};
// The calls whose plans matter, over a store of a fleet prepareForPlans grew; nullopt if that fleet is not there.
std::optional<QList<PlanProbe>> planProbes(Flotilla::SqlStore &store, int targets, qint64 nowMs);
