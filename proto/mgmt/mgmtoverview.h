#pragma once

// Counts the Management API answers: Flotilla's overview resources (no hawkBit model behind them: the fleet's counts,
// GET /overview/targets, and the most frequent error reasons, GET /overview/errors, each number with the RSQL filter
// of the targets it counts), and hawkBit's statistics of a distribution set.
#include "proto/mgmt/mgmtmessages.h"

namespace Flotilla::Mgmt {

// GET /overview/targets.
struct MgmtFleetOverview
{
    qint64 total = 0;
    QMap<QString, qint64> updateStatus; // in_sync, pending, error, registered, unknown -> targets
    qint64 overdue = 0; // no poll within the polling time plus the overdue time
    qint64 neverSeen = 0;
    qint64 overdueBefore = 0; // ms: a target whose last poll is older is overdue
    std::optional<qint64> nextOverdueAt; // ms: when the overdue count next grows unless they poll; null: never
    QMap<QString, QString> filters; // each count's key (a status, overdue, neverSeen) -> its RSQL filter

    QJsonObject toJson() const;
    static std::optional<MgmtFleetOverview> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtFleetOverview &) const = default;
};

// One row of GET /overview/errors: an error reason, how often devices reported it and on how many targets.
struct MgmtErrorCount
{
    QString message;
    qint64 count = 0;
    qint64 targets = 0;
    QString filter; // RSQL: the targets that reported it

    QJsonObject toJson() const;
    static std::optional<MgmtErrorCount> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtErrorCount &) const = default;
};

// GET /overview/errors: a page of MgmtErrorCount (total counts every reason), with the time it counts from and
// whether the reasons were too many to group all of them.
struct MgmtErrorSummary
{
    QList<MgmtErrorCount> content;
    qint64 total = 0;
    qint64 since = 0; // ms
    bool truncated = false;

    QJsonObject toJson() const;
    static std::optional<MgmtErrorSummary> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtErrorSummary &) const = default;
};

// hawkBit's MgmtDistributionSetStatistics (GET /distributionsets/{id}/statistics): a set's actions and rollouts by
// state (names in capitals, with "total") and how many auto-assignments give it. /statistics/actions, /rollouts and
// /autoassignments answer one part each: the others are absent.
struct MgmtDistributionSetStatistics
{
    std::optional<QMap<QString, qint64>> actions;
    std::optional<QMap<QString, qint64>> rollouts;
    std::optional<qint64> totalAutoAssignments;

    QJsonObject toJson() const;
    static std::optional<MgmtDistributionSetStatistics> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtDistributionSetStatistics &) const = default;
};

} // namespace Flotilla::Mgmt
