// The rollout request bodies (declared in mgmtrolloutrequests.h).
#include "proto/mgmt/mgmtrolloutrequests.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

namespace {
template<typename T> void insertObject(QJsonObject &o, QLatin1StringView key, const std::optional<T> &v)
{
    if (v)
        o.insert(key, v->toJson());
}
} // namespace

QJsonObject MgmtRolloutCondition::toJson() const
{
    QJsonObject o;
    insertIf(o, "expression"_L1, expression);
    insertIf(o, "condition"_L1, condition);
    return o;
}

std::optional<MgmtRolloutCondition> MgmtRolloutCondition::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtRolloutCondition c;
    Reader r(o, {}, error);
    r.read("condition"_L1, &c.condition);
    r.read("expression"_L1, &c.expression);
    return done(r, std::move(c));
}

QJsonObject MgmtRolloutAction::toJson() const
{
    QJsonObject o { { "expression"_L1, expression } };
    insertIf(o, "action"_L1, action);
    return o;
}

std::optional<MgmtRolloutAction> MgmtRolloutAction::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtRolloutAction a;
    Reader r(o, {}, error);
    r.read("action"_L1, &a.action);
    r.read("expression"_L1, &a.expression);
    return done(r, std::move(a));
}

QJsonObject MgmtRolloutGroup::toJson() const
{
    QJsonObject o { { "name"_L1, name }, { "description"_L1, description } };
    if (!targetFilterQuery.isEmpty())
        o.insert("targetFilterQuery"_L1, targetFilterQuery);
    if (targetPercentage)
        o.insert("targetPercentage"_L1, *targetPercentage);
    insertObject(o, "successCondition"_L1, successCondition);
    insertObject(o, "successAction"_L1, successAction);
    insertObject(o, "errorCondition"_L1, errorCondition);
    insertObject(o, "errorAction"_L1, errorAction);
    if (confirmationRequired)
        o.insert("confirmationRequired"_L1, *confirmationRequired);
    return o;
}

std::optional<MgmtRolloutGroup> MgmtRolloutGroup::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtRolloutGroup g;
    Reader r(o, {}, error);
    r.read("name"_L1, &g.name);
    r.read("description"_L1, &g.description);
    r.read("targetFilterQuery"_L1, &g.targetFilterQuery);
    if (r.value("targetPercentage"_L1)) {
        double pct = 0;
        r.read("targetPercentage"_L1, &pct);
        g.targetPercentage = pct;
    }
    r.read("successCondition"_L1, &g.successCondition);
    r.read("successAction"_L1, &g.successAction);
    r.read("errorCondition"_L1, &g.errorCondition);
    r.read("errorAction"_L1, &g.errorAction);
    r.read("confirmationRequired"_L1, &g.confirmationRequired);
    return done(r, std::move(g));
}

QJsonObject MgmtRolloutRestRequestBodyPost::toJson() const
{
    QJsonObject o { { "name"_L1, name },
                    { "description"_L1, description },
                    { "targetFilterQuery"_L1, targetFilterQuery },
                    { "confirmationRequired"_L1, confirmationRequired },
                    { "dynamic"_L1, dynamic },
                    { "approvalRequired"_L1, approvalRequired } };
    if (distributionSetId)
        o.insert("distributionSetId"_L1, double(*distributionSetId));
    insertIf(o, "type"_L1, type);
    if (forcetime)
        o.insert("forcetime"_L1, double(*forcetime));
    if (startAt)
        o.insert("startAt"_L1, double(*startAt));
    if (weight)
        o.insert("weight"_L1, *weight);
    insertObject(o, "successCondition"_L1, successCondition);
    insertObject(o, "successAction"_L1, successAction);
    insertObject(o, "errorCondition"_L1, errorCondition);
    insertObject(o, "errorAction"_L1, errorAction);
    if (amountGroups)
        o.insert("amountGroups"_L1, *amountGroups);
    if (groups)
        o.insert("groups"_L1, arrayOf(*groups));
    return o;
}

std::optional<MgmtRolloutRestRequestBodyPost> MgmtRolloutRestRequestBodyPost::fromJson(const QJsonObject &o,
                                                                                       DecodeError *error)
{
    MgmtRolloutRestRequestBodyPost b;
    Reader r(o, {}, error);
    r.read("name"_L1, &b.name);
    r.read("description"_L1, &b.description);
    r.read("targetFilterQuery"_L1, &b.targetFilterQuery);
    r.read("distributionSetId"_L1, &b.distributionSetId);
    r.read("type"_L1, &b.type);
    r.read("forcetime"_L1, &b.forcetime);
    r.read("startAt"_L1, &b.startAt);
    r.read("weight"_L1, &b.weight);
    r.read("confirmationRequired"_L1, &b.confirmationRequired);
    r.read("dynamic"_L1, &b.dynamic);
    r.read("approvalRequired"_L1, &b.approvalRequired);
    r.read("successCondition"_L1, &b.successCondition);
    r.read("successAction"_L1, &b.successAction);
    r.read("errorCondition"_L1, &b.errorCondition);
    r.read("errorAction"_L1, &b.errorAction);
    r.read("amountGroups"_L1, &b.amountGroups);
    if (r.value("groups"_L1)) {
        QList<MgmtRolloutGroup> groups;
        r.read("groups"_L1, &groups);
        b.groups = std::move(groups);
    }
    return done(r, std::move(b));
}

QJsonObject MgmtRolloutRestRequestBodyPut::toJson() const
{
    QJsonObject o;
    insertIf(o, "name"_L1, name);
    insertIf(o, "description"_L1, description);
    return o;
}

std::optional<MgmtRolloutRestRequestBodyPut> MgmtRolloutRestRequestBodyPut::fromJson(const QJsonObject &o,
                                                                                     DecodeError *error)
{
    MgmtRolloutRestRequestBodyPut b;
    Reader r(o, {}, error);
    r.read("name"_L1, &b.name);
    r.read("description"_L1, &b.description);
    return done(r, std::move(b));
}

} // namespace Flotilla::Mgmt
