// Target filters and auto-assignments (declared in mgmtautoassignments.h).
#include "proto/mgmt/mgmtautoassignments.h"
#include "proto/mgmt/mgmtcodec_p.h"

using namespace Qt::StringLiterals;

namespace Flotilla::Mgmt {

using namespace Detail;

QJsonObject MgmtTargetFilterQuery::toJson() const
{
    QJsonObject o {
        { "id"_L1, double(id) }, { "name"_L1, name }, { "query"_L1, query }, { "_links"_L1, linksJson(links) }
    };
    if (autoAssignDistributionSet)
        o.insert("autoAssignDistributionSet"_L1, double(*autoAssignDistributionSet));
    insertIf(o, "autoAssignActionType"_L1, autoAssignActionType);
    if (autoAssignWeight)
        o.insert("autoAssignWeight"_L1, *autoAssignWeight);
    if (confirmationRequired)
        o.insert("confirmationRequired"_L1, *confirmationRequired);
    insertAudit(o, audit);
    if (createdAt)
        o.insert("createdAt"_L1, double(*createdAt));
    return o;
}

std::optional<MgmtTargetFilterQuery> MgmtTargetFilterQuery::fromJson(const QJsonObject &o, DecodeError *error)
{
    MgmtTargetFilterQuery f;
    Reader r(o, {}, error);
    r.read("id"_L1, &f.id);
    r.read("name"_L1, &f.name);
    r.read("query"_L1, &f.query);
    r.read("autoAssignDistributionSet"_L1, &f.autoAssignDistributionSet);
    r.read("autoAssignActionType"_L1, &f.autoAssignActionType);
    r.read("autoAssignWeight"_L1, &f.autoAssignWeight);
    r.read("confirmationRequired"_L1, &f.confirmationRequired);
    r.readAudit(&f.audit);
    r.read("createdAt"_L1, &f.createdAt);
    r.read("_links"_L1, &f.links);
    return done(r, std::move(f));
}

const QList<FieldSpec> &MgmtTargetFilterQuery::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" },
                                           { "name", "string" },
                                           { "query", "string" },
                                           { "autoAssignDistributionSet", "integer" },
                                           { "autoAssignActionType", "string" },
                                           { "autoAssignWeight", "integer" },
                                           { "confirmationRequired", "boolean" },
                                           { "_links", "object" } };
    return list;
}

QJsonObject MgmtTargetFilterQueryRequestBody::toJson() const
{
    QJsonObject o;
    insertIf(o, "name"_L1, name);
    insertIf(o, "query"_L1, query);
    return o;
}

std::optional<MgmtTargetFilterQueryRequestBody> MgmtTargetFilterQueryRequestBody::fromJson(const QJsonObject &o,
                                                                                           DecodeError *error)
{
    MgmtTargetFilterQueryRequestBody f;
    Reader r(o, {}, error);
    r.read("name"_L1, &f.name);
    r.read("query"_L1, &f.query);
    return done(r, std::move(f));
}

QJsonObject MgmtDistributionSetAutoAssignment::toJson() const
{
    QJsonObject o { { "id"_L1, double(id) } };
    insertIf(o, "type"_L1, type);
    if (weight)
        o.insert("weight"_L1, *weight);
    if (confirmationRequired)
        o.insert("confirmationRequired"_L1, *confirmationRequired);
    return o;
}

std::optional<MgmtDistributionSetAutoAssignment> MgmtDistributionSetAutoAssignment::fromJson(const QJsonObject &o,
                                                                                             DecodeError *error)
{
    MgmtDistributionSetAutoAssignment a;
    Reader r(o, {}, error);
    r.read("id"_L1, &a.id);
    r.read("type"_L1, &a.type);
    r.read("weight"_L1, &a.weight);
    r.read("confirmationRequired"_L1, &a.confirmationRequired);
    return done(r, std::move(a));
}

QJsonObject MgmtAutoAssignmentResponseBody::toJson() const
{
    QJsonObject linksObject = linksJson(links);
    if (distributionSetName && linksObject.contains("distributionset"_L1)) {
        QJsonObject ds = linksObject.value("distributionset"_L1).toObject();
        ds.insert("name"_L1, *distributionSetName);
        linksObject.insert("distributionset"_L1, ds);
    }
    QJsonObject o { { "id"_L1, double(id) },
                    { "name"_L1, name },
                    { "description"_L1, description },
                    { "targetFilterQuery"_L1, targetFilterQuery },
                    { "distributionSetId"_L1, double(distributionSetId) },
                    { "status"_L1, status },
                    { "actionType"_L1, actionType },
                    { "weight"_L1, weight },
                    { "confirmationRequired"_L1, confirmationRequired },
                    { "_links"_L1, linksObject } };
    if (startAt)
        o.insert("startAt"_L1, double(*startAt));
    insertIf(o, "approvalDecidedBy"_L1, approvalDecidedBy);
    insertIf(o, "approvalRemark"_L1, approvalRemark);
    insertAudit(o, audit);
    if (createdAt)
        o.insert("createdAt"_L1, double(*createdAt));
    return o;
}

std::optional<MgmtAutoAssignmentResponseBody> MgmtAutoAssignmentResponseBody::fromJson(const QJsonObject &o,
                                                                                       DecodeError *error)
{
    MgmtAutoAssignmentResponseBody a;
    Reader r(o, {}, error);
    r.read("id"_L1, &a.id);
    r.read("name"_L1, &a.name);
    r.read("description"_L1, &a.description);
    r.read("targetFilterQuery"_L1, &a.targetFilterQuery);
    r.read("distributionSetId"_L1, &a.distributionSetId);
    r.read("status"_L1, &a.status);
    r.read("startAt"_L1, &a.startAt);
    r.read("actionType"_L1, &a.actionType);
    r.read("weight"_L1, &a.weight);
    r.read("confirmationRequired"_L1, &a.confirmationRequired);
    r.read("approvalDecidedBy"_L1, &a.approvalDecidedBy);
    r.read("approvalRemark"_L1, &a.approvalRemark);
    r.readAudit(&a.audit);
    r.read("createdAt"_L1, &a.createdAt);
    r.read("_links"_L1, &a.links);
    if (const QJsonValue name = o.value("_links"_L1).toObject().value("distributionset"_L1).toObject().value("name"_L1);
        name.isString())
        a.distributionSetName = name.toString();
    else if (!name.isUndefined())
        r.fail("_links.distributionset.name"_L1, "a string");
    return done(r, std::move(a));
}

const QList<FieldSpec> &MgmtAutoAssignmentResponseBody::fields()
{
    static const QList<FieldSpec> list = { { "id", "integer" },
                                           { "name", "string" },
                                           { "description", "string" },
                                           { "targetFilterQuery", "string" },
                                           { "distributionSetId", "integer" },
                                           { "status", "string" },
                                           { "startAt", "integer" },
                                           { "actionType", "string" },
                                           { "weight", "integer" },
                                           { "confirmationRequired", "boolean" },
                                           { "approvalDecidedBy", "string" },
                                           { "approvalRemark", "string" },
                                           { "_links", "object" } };
    return list;
}

QJsonObject MgmtAutoAssignmentRequestBody::toJson() const
{
    QJsonObject o { { "targetFilterQuery"_L1, targetFilterQuery },
                    { "confirmationRequired"_L1, confirmationRequired } };
    insertIf(o, "name"_L1, name);
    insertIf(o, "description"_L1, description);
    if (distributionSetId)
        o.insert("distributionSetId"_L1, double(*distributionSetId));
    if (startAt)
        o.insert("startAt"_L1, double(*startAt));
    insertIf(o, "actionType"_L1, actionType);
    if (weight)
        o.insert("weight"_L1, *weight);
    return o;
}

std::optional<MgmtAutoAssignmentRequestBody> MgmtAutoAssignmentRequestBody::fromJson(const QJsonObject &o,
                                                                                     DecodeError *error)
{
    MgmtAutoAssignmentRequestBody a;
    Reader r(o, {}, error);
    r.read("name"_L1, &a.name);
    r.read("description"_L1, &a.description);
    r.read("targetFilterQuery"_L1, &a.targetFilterQuery);
    r.read("distributionSetId"_L1, &a.distributionSetId);
    r.read("startAt"_L1, &a.startAt);
    r.read("actionType"_L1, &a.actionType);
    r.read("weight"_L1, &a.weight);
    r.read("confirmationRequired"_L1, &a.confirmationRequired);
    return done(r, std::move(a));
}

} // namespace Flotilla::Mgmt
