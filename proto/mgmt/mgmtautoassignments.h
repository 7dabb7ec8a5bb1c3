#pragma once

// What assigns sets by query, as the Management API carries it: hawkBit's target filters (MgmtTargetFilterQuery,
// with an auto-assigned set, MgmtDistributionSetAutoAssignment) and its /autoassignments resource
// (MgmtAutoAssignmentResponseBody and its request bodies), with the bodies that create and change them.
#include "proto/mgmt/mgmtrequests.h" // decodeItems

namespace Flotilla::Mgmt {

// MgmtTargetFilterQuery: a saved RSQL query over targets, optionally with a set it auto-assigns (the four
// autoAssign fields are there only then).
struct MgmtTargetFilterQuery
{
    qint64 id = 0;
    QString name;
    QString query;
    std::optional<qint64> autoAssignDistributionSet;
    std::optional<QString> autoAssignActionType; // forced, soft, downloadonly
    std::optional<int> autoAssignWeight;
    std::optional<bool> confirmationRequired;
    MgmtAudit audit;
    std::optional<qint64> createdAt; // with the audit fields (the server adds them)
    Links links; // self, autoAssignDS

    QJsonObject toJson() const;
    static std::optional<MgmtTargetFilterQuery> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtTargetFilterQuery &) const = default;
};

// The body of POST /targetfilters (both needed) and PUT /targetfilters/{id} (what is absent stays).
struct MgmtTargetFilterQueryRequestBody
{
    std::optional<QString> name;
    std::optional<QString> query;

    QJsonObject toJson() const;
    static std::optional<MgmtTargetFilterQueryRequestBody> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtTargetFilterQueryRequestBody &) const = default;
};

// The body of POST /targetfilters/{id}/autoAssignDS (hawkBit's MgmtDistributionSetAutoAssignment): the set by
// id, and how it is assigned (absent: forced, the default weight, no confirmation).
struct MgmtDistributionSetAutoAssignment
{
    qint64 id = 0;
    std::optional<QString> type; // forced, soft, downloadonly (not timeforced)
    std::optional<int> weight;
    std::optional<bool> confirmationRequired;

    QJsonObject toJson() const;
    static std::optional<MgmtDistributionSetAutoAssignment> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtDistributionSetAutoAssignment &) const = default;
};

// MgmtAutoAssignmentResponseBody: a set given to every target a query comes to match, with its own status.
struct MgmtAutoAssignmentResponseBody
{
    qint64 id = 0;
    QString name;
    QString description;
    QString targetFilterQuery;
    qint64 distributionSetId = 0;
    QString status; // lower case: waiting_for_approval, ready, running, paused, denied, ...
    std::optional<qint64> startAt; // ms; left out when it starts at once
    QString actionType; // forced, soft, downloadonly
    int weight = 0;
    bool confirmationRequired = false;
    std::optional<QString> approvalDecidedBy;
    std::optional<QString> approvalRemark;
    MgmtAudit audit;
    std::optional<qint64> createdAt;
    Links links; // self, start, pause, resume, approve, deny, distributionset
    std::optional<QString> distributionSetName; // "name:version", on the distributionset link as hawkBit names it

    QJsonObject toJson() const;
    static std::optional<MgmtAutoAssignmentResponseBody> fromJson(const QJsonObject &o, DecodeError *error);
    static const QList<FieldSpec> &fields();
    bool operator==(const MgmtAutoAssignmentResponseBody &) const = default;
};

// The body of POST /autoassignments (hawkBit's MgmtAutoAssignmentRestRequestBodyPost) and, name and description
// only, of PUT /autoassignments/{id} (what is absent stays).
struct MgmtAutoAssignmentRequestBody
{
    std::optional<QString> name;
    std::optional<QString> description;
    QString targetFilterQuery;
    std::optional<qint64> distributionSetId;
    std::optional<qint64> startAt; // ms
    std::optional<QString> actionType; // absent: forced
    std::optional<int> weight;
    bool confirmationRequired = false;

    QJsonObject toJson() const;
    static std::optional<MgmtAutoAssignmentRequestBody> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtAutoAssignmentRequestBody &) const = default;
};

} // namespace Flotilla::Mgmt
