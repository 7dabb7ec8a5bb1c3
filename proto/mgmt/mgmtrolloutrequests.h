#pragma once

// The bodies that create and change rollouts (hawkBit's MgmtRolloutRestRequestBodyPost with its MgmtRolloutGroup
// list, MgmtRolloutRestRequestBodyPut), as plain values: the console encodes them, the server decodes them (POST
// /rollouts, and POST /rollouts/forecast, which takes the same body). Decoding checks the types; what the values
// mean (a percentage from 0 to 100, NEXTGROUP or PAUSE, amountGroups or groups) the server checks.
#include "proto/mgmt/mgmtrequests.h"

namespace Flotilla::Mgmt {

// hawkBit's MgmtRolloutCondition: {"condition": "THRESHOLD", "expression": "80"} (a percentage, as text).
struct MgmtRolloutCondition
{
    std::optional<QString> condition; // absent: THRESHOLD, the only one there is
    std::optional<QString> expression; // absent: the default percentage

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutCondition> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtRolloutCondition &) const = default;
};

// hawkBit's MgmtRolloutSuccessAction and MgmtRolloutErrorAction: {"action": "NEXTGROUP", "expression": ""}.
struct MgmtRolloutAction
{
    std::optional<QString> action; // success: NEXTGROUP (absent) or PAUSE; error: PAUSE
    QString expression;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutAction> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtRolloutAction &) const = default;
};

// One group of a rollout as a request names it (hawkBit's MgmtRolloutGroup); what is absent is the rollout's.
struct MgmtRolloutGroup
{
    QString name;
    QString description;
    QString targetFilterQuery; // narrows the rollout's filter; empty: all of it
    std::optional<double> targetPercentage; // of what is left of its filter; absent: 100
    std::optional<MgmtRolloutCondition> successCondition;
    std::optional<MgmtRolloutAction> successAction;
    std::optional<MgmtRolloutCondition> errorCondition;
    std::optional<MgmtRolloutAction> errorAction;
    std::optional<bool> confirmationRequired;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutGroup> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtRolloutGroup &) const = default;
};

// The body of POST /rollouts and POST /rollouts/forecast: groups either by number (amountGroups, of equal size)
// or listed (groups).
struct MgmtRolloutRestRequestBodyPost
{
    QString name;
    QString description;
    QString targetFilterQuery;
    std::optional<qint64> distributionSetId;
    std::optional<QString> type; // forced (absent), soft, timeforced, downloadonly
    std::optional<qint64> forcetime; // ms; timeforced only
    std::optional<qint64> startAt; // ms; absent: started by the operator
    std::optional<int> weight;
    bool confirmationRequired = false;
    bool dynamic = false;
    bool approvalRequired = false; // Flotilla: wait for an approver even when the tenant does not ask for it
    std::optional<MgmtRolloutCondition> successCondition;
    std::optional<MgmtRolloutAction> successAction;
    std::optional<MgmtRolloutCondition> errorCondition;
    std::optional<MgmtRolloutAction> errorAction;
    std::optional<int> amountGroups;
    std::optional<QList<MgmtRolloutGroup>> groups;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutRestRequestBodyPost> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtRolloutRestRequestBodyPost &) const = default;
};

// The body of PUT /rollouts/{id} (hawkBit's MgmtRolloutRestRequestBodyPut): what is absent stays.
struct MgmtRolloutRestRequestBodyPut
{
    std::optional<QString> name;
    std::optional<QString> description;

    QJsonObject toJson() const;
    static std::optional<MgmtRolloutRestRequestBodyPut> fromJson(const QJsonObject &o, DecodeError *error);
    bool operator==(const MgmtRolloutRestRequestBodyPut &) const = default;
};

} // namespace Flotilla::Mgmt
