// Management API: targets, their actions and assignments.
#include "backend/managementserver_p.h"

#include <limits>

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace Flotilla {

QJsonArray ManagementServer::actionsOut(QList<MgmtAction> actions)
{
    // hawkBit's MgmtAction names its rollout (rolloutName) beside the id: one read per distinct rollout; and
    // carries the code of its newest status entry with one (lastStatusCode): one query for the page.
    QHash<qint64, QString> names;
    QList<qint64> ids;
    for (const MgmtAction &a : actions)
        ids.append(a.id);
    // A decoration of a list already read: a failed read leaves it out (logged), it does not fail the answer.
    const Result<QHash<qint64, int>> codes = m_store.actions().lastStatusCodes(ids);
    if (!codes)
        qCWarning(lcMgmt).noquote() << "actions shown without their last status code:" << codes.error().message;
    for (MgmtAction &a : actions) {
        if (const auto code = codes ? codes->constFind(a.id) : QHash<qint64, int>::const_iterator();
            codes && code != codes->cend())
            a.lastStatusCode = *code;
        if (a.rollout) {
            if (!names.contains(*a.rollout)) {
                const auto r = m_store.rollouts().rollout(*a.rollout);
                if (r.failed()) // a decoration: left out
                    qCWarning(lcMgmt).noquote() << "action shown without its rollout's name:" << r.error().message;
                names.insert(*a.rollout, r.found() ? r->name : QString());
            }
            if (!names.value(*a.rollout).isEmpty())
                a.rolloutName = names.value(*a.rollout);
        }
    }
    return jsonOf(actions);
}

QJsonArray ManagementServer::targetsOut(QList<MgmtTarget> targets)
{
    // hawkBit's targetType is the type's id, with targetTypeName beside it (mgmtTarget holds the key).
    QHash<QString, TargetType> types;
    const bool typed
        = std::any_of(targets.begin(), targets.end(), [](const MgmtTarget &t) { return !t.targetTypeKey.isEmpty(); });
    if (typed) {
        // A decoration of a list already read: a failed read leaves it out (logged), it does not fail the answer.
        const Result<QStringList> keys = m_store.repository().typeKeys(SqlRepositoryStore::TypeKind::Target);
        if (!keys)
            qCWarning(lcMgmt).noquote() << "targets shown without their type's name:" << keys.error().message;
        for (const QString &key : keys ? *keys : QStringList()) {
            const auto t = m_store.repository().targetType(key);
            if (t.failed())
                qCWarning(lcMgmt).noquote() << "targets shown without their type's name:" << t.error().message;
            if (t.found())
                types.insert(key, *t);
        }
    }
    for (MgmtTarget &t : targets) {
        if (const auto it = types.constFind(t.targetTypeKey); it != types.cend()) {
            t.targetType = it->id;
            t.targetTypeName = it->name;
        }
    }
    return withAudit(u"target"_s, targets);
}

Lookup<QString> ManagementServer::targetTypeKeyOf(const QJsonValue &v)
{
    // hawkBit names the type by id; Flotilla's first form was the key. Empty: no type.
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        return QString();
    const Lookup<TargetType> t = typeByIdOrKey<TargetType>(
        v.isDouble() ? m_store.repository().typeKeyOf(SqlRepositoryStore::TypeKind::Target, idOf(v))
                     : Lookup<QString>(std::nullopt),
        [this](const QString &k) { return m_store.repository().targetType(k); }, v.toString());
    if (t.failed())
        return t.error();
    return t.found() ? Lookup<QString>(t->key) : std::nullopt;
}

void ManagementServer::listTargets(Context &ctx)
{
    const std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::Target, u"t"_s);
    if (!l)
        return;
    const bool tokens = ctx.who.can(Permission::ReadTargetSecurityToken);
    const auto targets
        = m_store.targets().targetsWhere(l->condition.sql, l->condition.binds, l->orderBy, l->offset, l->limit);
    const auto total = m_store.targets().countTargetsWhere(l->condition.sql, l->condition.binds);
    if (!ctx.succeeded(targets, total))
        return;
    QList<MgmtTarget> content;
    for (const Target &t : *targets)
        content.append(mgmtTarget(t, tokens));
    ctx.sendPage(targetsOut(content), *total);
}

void ManagementServer::createTargets(Context &ctx)
{
    const auto items = ctx.items<MgmtTargetRequestBody>();
    if (!items)
        return;
    QList<Target> created;
    // Validate everything first: a bad entry creates nothing.
    for (int i = 0; i < items->size(); ++i) {
        const MgmtTargetRequestBody &o = items->at(i);
        Target t;
        t.controllerId = o.controllerId;
        if (!isValidControllerId(t.controllerId))
            return ctx.fail(Status::BadRequest,
                            u"[%1].controllerId is required: 1 to %2 characters, none of them white "
                            "space or control characters"_s.arg(i)
                                .arg(MaxControllerIdLength));
        const Lookup<Target> existing = m_store.targets().targetByControllerId(t.controllerId);
        if (!ctx.succeeded(existing))
            return;
        if (existing.found())
            return ctx.fail(Status::Conflict, u"target '%1' exists"_s.arg(t.controllerId));
        t.name = o.name.value_or(t.controllerId);
        t.description = o.description;
        const QJsonValue typeValue = o.targetType ? QJsonValue(double(*o.targetType)) : QJsonValue(o.targetTypeKey);
        const Lookup<QString> type = targetTypeKeyOf(typeValue);
        if (!ctx.found(type,
                       u"[%1].targetType %2 does not exist"_s.arg(i).arg(
                           QString::fromUtf8(QJsonDocument(QJsonArray { typeValue }).toJson(QJsonDocument::Compact)))))
            return;
        t.targetTypeKey = *type;
        t.group = o.group.trimmed();
        if (const QString e = t.group.isEmpty() ? QString() : targetGroupError(t.group); !e.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1].group: %2"_s.arg(i).arg(e));
        t.securityToken = o.securityToken.value_or(QString());
        if (t.securityToken.isEmpty())
            t.securityToken = Target::generateSecurityToken();
        t.state = TargetState::Unknown; // pre-commissioned until its first poll
        t.createdAt = QDateTime::currentDateTimeUtc();
        created.append(t);
    }
    StoreTransaction tx(m_store);
    QList<MgmtTarget> out;
    for (Target &t : created) {
        const Result<qint64> id = m_store.targets().insertTarget(t);
        if (!ctx.succeeded(id))
            return;
        t.id = *id;
        out.append(mgmtTarget(t, ctx.who.can(Permission::ReadTargetSecurityToken)));
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    recordCreated(ctx, u"target"_s, jsonOf(out));
    ctx.send(targetsOut(out), Status::Created);
}

void ManagementServer::getTarget(Context &ctx)
{
    const std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    ctx.send(targetsOut({ mgmtTarget(*t, ctx.who.can(Permission::ReadTargetSecurityToken)) }).first());
}

void ManagementServer::deleteTarget(Context &ctx)
{
    const std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    if (!ctx.succeeded(m_store.targets().deleteTarget(t->id)))
        return;
    forget(u"target"_s, t->id);
    // Within the change's transaction: metadata that cannot be deleted keeps the target too (a 500).
    if (!ctx.succeeded(m_store.metadataStore().deleteMetadata(u"target"_s, t->id, {})))
        return;
    ctx.send(QJsonValue(), Status::NoContent); // hawkBit 0.10 answers 204
}

void ManagementServer::getTargetAttributes(Context &ctx)
{
    const std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    const Result<QMap<QString, QString>> attributes = m_store.targets().targetAttributes(t->id);
    if (!ctx.succeeded(attributes))
        return;
    QJsonObject o;
    for (auto it = attributes->cbegin(); it != attributes->cend(); ++it)
        o.insert(it.key(), it.value());
    ctx.send(o);
}

void ManagementServer::listTargetActions(Context &ctx)
{
    int offset = 0;
    int limit = 0;
    const std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    if (!ctx.paging(&offset, &limit))
        return;
    const Result<QList<Action>> actions = m_store.actions().actionsOfTarget(t->id, offset, limit);
    const Result<int> total = m_store.actions().countActions(t->id);
    if (!ctx.succeeded(actions, total))
        return;
    QList<MgmtAction> content;
    for (const Action &a : *actions)
        content.append(mgmtAction(a, t->controllerId));
    ctx.sendPage(actionsOut(content), *total);
}

void ManagementServer::getTargetAction(Context &ctx)
{
    const auto ta = targetAction(ctx);
    if (!ta)
        return;
    const Action *a = &ta->second;
    MgmtAction o = mgmtAction(*a, ta->first.controllerId);
    const Result<QList<ActionStatusEntry>> history = m_store.actions().statusHistory(a->id, 0, 1000);
    if (!ctx.succeeded(history))
        return;
    o.statusHistory = QList<MgmtActionStatus>();
    for (const ActionStatusEntry &e : *history)
        o.statusHistory->append(mgmtActionStatus(e));
    ctx.send(actionsOut({ o }).first());
}

void ManagementServer::cancelTargetAction(Context &ctx)
{
    const auto ta = targetAction(ctx);
    if (!ta)
        return;
    const Target *t = &ta->first;
    const Action *a = &ta->second;
    const bool force = ctx.request.query().queryItemValue(u"force"_s, QUrl::FullyDecoded) == u"true"_s;
    if (force) {
        const FeedbackResult r = m_deployment.feedback(t->id, a->id, ActionEvent::ForceQuit,
                                                       { u"Update Server: force-quit by %1"_s.arg(ctx.who.name) });
        if (r.outcome != FeedbackResult::Outcome::Applied) // hawkBit: 405, only a canceling action can be
            return ctx.fail(Errors::ActionNotForceQuitable, r.message);
        return ctx.send(QJsonValue(), Status::NoContent);
    }
    if (!a->isActive() || a->state == ActionState::Canceling)
        return ctx.fail(Errors::ActionNotCancelable,
                        u"action %1 is %2 and cannot be canceled"_s.arg(a->id).arg(nameOf(a->state)));
    if (!ctx.succeeded(m_deployment.cancel(*a, u"Update Server: canceled by %1"_s.arg(ctx.who.name))))
        return;
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::assign(Context &ctx, qint64 setId, const QList<MgmtTargetAssignmentRequestBody> &items)
{
    // hawkBit groups the body by request parameters; each distinct set of parameters is one assignment.
    MgmtTargetAssignmentResponseBody answer;
    StoreTransaction tx(m_store);
    for (int i = 0; i < items.size(); ++i) {
        const MgmtTargetAssignmentRequestBody &o = items.at(i);
        const Lookup<Target> t = m_store.targets().targetByControllerId(o.id);
        if (!ctx.found(t, u"[%1].id: target '%2' does not exist"_s.arg(i).arg(o.id)))
            return;
        AssignmentRequest request;
        const QString type = o.type.value_or(u"forced"_s);
        const std::optional<ActionType> actionType = actionTypeFromString(type);
        if (!actionType)
            return ctx.fail(Status::BadRequest,
                            u"[%1].type '%2' is not one of forced, soft, timeforced, downloadonly"_s.arg(i).arg(type));
        request.type = *actionType;
        if (request.type == ActionType::TimeForced) {
            if (!o.forcetime)
                return ctx.fail(Status::BadRequest, u"[%1].forcetime (ms) is required for timeforced"_s.arg(i));
            request.forceTime = QDateTime::fromMSecsSinceEpoch(*o.forcetime, QTimeZone::UTC);
        }
        request.weight = o.weight.value_or(DefaultWeight);
        request.confirmationRequired = o.confirmationRequired.value_or(false);
        request.initiator = ctx.who.name;
        if (const auto &mw = o.maintenanceWindow;
            mw && !(mw->schedule.isEmpty() && mw->duration.isEmpty() && mw->timezone.isEmpty())) {
            ScheduleError why;
            request.maintenanceWindow = MaintenanceSchedule::create(mw->schedule, mw->duration, mw->timezone, &why);
            if (!request.maintenanceWindow)
                return ctx.fail(Status::BadRequest,
                                u"[%1].maintenanceWindow.%2: %3"_s.arg(i).arg(why.field, why.message));
        }
        const AssignmentResult r = m_deployment.assign({ t->id }, setId, request);
        switch (r.error) {
        case AssignmentResult::Error::None:
            break;
        case AssignmentResult::Error::InvalidDistributionSet:
            return ctx.fail(Errors::DistributionSetInvalid, u"[%1]: %2"_s.arg(i).arg(r.message));
        case AssignmentResult::Error::IncompleteDistributionSet:
            return ctx.fail(Errors::DistributionSetIncomplete, u"[%1]: %2"_s.arg(i).arg(r.message));
        case AssignmentResult::Error::UnknownDistributionSet:
        case AssignmentResult::Error::UnknownTarget:
            return ctx.fail(Status::NotFound, r.message);
        case AssignmentResult::Error::Quota:
            return ctx.fail(Status::TooManyRequests, r.message);
        case AssignmentResult::Error::Store:
            return ctx.fail(Status::InternalServerError, r.message);
        default:
            return ctx.fail(Status::BadRequest, u"[%1]: %2"_s.arg(i).arg(r.message));
        }
        answer.assigned += r.assigned;
        answer.alreadyAssigned += r.alreadyAssigned;
        for (qint64 id : r.actionIds)
            answer.assignedActions.append({ id, t->controllerId });
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    answer.total = int(items.size());
    ctx.send(answer.toJson());
}

void ManagementServer::assignToTarget(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    Mgmt::DecodeError error;
    std::optional<MgmtTargetAssignmentRequestBody> item
        = MgmtTargetAssignmentRequestBody::fromSetAssignment(*body, &error);
    if (!item)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    const qint64 setId = item->setId.value_or(0);
    item->id = ctx.args.value(0);
    item->setId.reset();
    assign(ctx, setId, { *item });
}

std::optional<Target> ManagementServer::targetOf(Context &ctx)
{
    Lookup<Target> t = m_store.targets().targetByControllerId(ctx.args.value(0));
    if (!ctx.found(t, u"target '%1' does not exist"_s.arg(ctx.args.value(0))))
        return std::nullopt;
    return std::move(t).optional();
}

std::optional<std::pair<Target, Action>> ManagementServer::targetAction(Context &ctx)
{
    const Lookup<Target> t = m_store.targets().targetByControllerId(ctx.args.value(0));
    bool ok = false;
    const qint64 id = ctx.args.value(1).toLongLong(&ok);
    const Lookup<Action> a = ok ? m_store.actions().action(id) : std::nullopt;
    if (!ctx.succeeded(t, a))
        return std::nullopt;
    if (!t.found() || !a.found() || a->targetId != t->id) {
        ctx.fail(Status::NotFound,
                 u"action %1 of target '%2' does not exist"_s.arg(ctx.args.value(1), ctx.args.value(0)));
        return std::nullopt;
    }
    return std::pair(*t, *a);
}

void ManagementServer::updateTarget(Context &ctx)
{
    std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    const auto body = ctx.object<MgmtTargetRequestBodyPut>();
    if (!body)
        return;
    if (body->name) {
        t->name = *body->name;
        if (t->name.isEmpty())
            return ctx.fail(Status::BadRequest, u"name must not be empty"_s);
    }
    t->description = body->description.value_or(t->description);
    if (body->targetType) {
        const Lookup<QString> type = targetTypeKeyOf(*body->targetType);
        if (!ctx.found(type, u"the targetType does not exist"_s))
            return;
        t->targetTypeKey = *type;
    }
    t->requestAttributes = body->requestAttributes.value_or(t->requestAttributes);
    if (body->group) { // hawkBit's MgmtTargetRequestBody.group; null or "" leaves every group
        t->group = body->group->trimmed();
        if (const QString e = t->group.isEmpty() ? QString() : targetGroupError(t->group); !e.isEmpty())
            return ctx.fail(Status::BadRequest, e);
    }
    StoreTransaction tx(m_store);
    if (!ctx.succeeded(m_store.targets().updateTarget(*t))
        || (body->group && !ctx.succeeded(m_store.targets().setTargetGroup({ t->id }, t->group))))
        return;
    if (!ctx.succeeded(tx.commit()))
        return;
    recordModified(ctx, u"target"_s, t->id);
    ctx.send(targetsOut({ mgmtTarget(*t, ctx.who.can(Permission::ReadTargetSecurityToken)) }).first());
}

void ManagementServer::getTargetSet(Context &ctx)
{
    const std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    const bool installed = ctx.request.url().path().endsWith(u"/installedDS"_s);
    const qint64 id = installed ? t->installedDistributionSetId : t->assignedDistributionSetId;
    const Lookup<DistributionSet> set = id ? m_store.repository().distributionSet(id) : std::nullopt;
    if (!ctx.succeeded(set))
        return;
    if (set.absent())
        return ctx.send(QJsonValue(), Status::NoContent);
    // hawkBit answers the whole set (MgmtDistributionSet), as GET /distributionsets/{id} does.
    const Result<MgmtDistributionSet> shown = setOf(*set);
    if (!ctx.succeeded(shown))
        return;
    ctx.send(setsOut({ *shown }).first());
}

void ManagementServer::getAutoConfirm(Context &ctx)
{
    const std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    MgmtTargetAutoConfirm state { t->autoConfirm, std::nullopt, std::nullopt };
    if (t->autoConfirm) {
        state.initiator = t->autoConfirmInitiator;
        state.remark = t->autoConfirmRemark;
    }
    ctx.send(state.toJson());
}

void ManagementServer::setAutoConfirm(Context &ctx)
{
    const std::optional<Target> t = targetOf(ctx);
    if (!t)
        return;
    const QString command = ctx.args.value(1);
    if (command == u"deactivate"_s) {
        const Result<DeploymentService::AutoConfirmOutcome> deactivated = m_deployment.deactivateAutoConfirm(t->id);
        if (!ctx.succeeded(deactivated))
            return;
        if (*deactivated == DeploymentService::AutoConfirmOutcome::UnknownTarget)
            return ctx.fail(Status::NotFound, u"target %1 does not exist"_s.arg(t->controllerId));
        return ctx.send(QJsonValue(), Status::NoContent);
    }
    if (command != u"activate"_s)
        return ctx.fail(Status::NotFound, u"no auto-confirm command '%1'; use activate or deactivate"_s.arg(command));
    MgmtTargetAutoConfirmUpdate body;
    if (!ctx.request.body().trimmed().isEmpty()) {
        auto parsed = ctx.object<MgmtTargetAutoConfirmUpdate>();
        if (!parsed)
            return;
        body = std::move(*parsed);
    }
    const QString initiator = body.initiator.value_or(ctx.who.name);
    const Result<DeploymentService::AutoConfirmOutcome> activated
        = m_deployment.activateAutoConfirm(t->id, initiator, body.remark.value_or(QString()));
    if (!ctx.succeeded(activated))
        return;
    switch (*activated) {
    case DeploymentService::AutoConfirmOutcome::AlreadyActive:
        return ctx.fail(Errors::AutoConfirmationAlreadyActive,
                        u"auto-confirm is already active for '%1'"_s.arg(t->controllerId));
    case DeploymentService::AutoConfirmOutcome::UnknownTarget:
        return ctx.fail(Status::NotFound, u"target %1 does not exist"_s.arg(t->controllerId));
    default:
        return ctx.send(QJsonValue(), Status::NoContent);
    }
}

void ManagementServer::getActionStatus(Context &ctx)
{
    const auto ta = targetAction(ctx);
    int offset = 0;
    int limit = 0;
    if (!ta || !ctx.paging(&offset, &limit))
        return;
    const Result<QList<ActionStatusEntry>> history = m_store.actions().statusHistory(ta->second.id, offset, limit);
    const Result<int> total = m_store.actions().countStatus(ta->second.id);
    if (!ctx.succeeded(history, total))
        return;
    QList<MgmtActionStatus> content;
    for (const ActionStatusEntry &e : *history)
        content.append(mgmtActionStatus(e));
    ctx.sendPage(jsonOf(content), *total);
}

void ManagementServer::updateAction(Context &ctx)
{
    const auto ta = targetAction(ctx);
    const auto body = ta ? ctx.object<MgmtActionRequestBodyPut>() : std::nullopt;
    if (!body)
        return;
    if (body->forceType != u"forced"_s)
        return ctx.fail(Status::BadRequest, u"the only change is {\"forceType\": \"forced\"}"_s);
    if (!ta->second.isActive())
        return ctx.fail(Status::Conflict, u"action %1 is closed"_s.arg(ta->second.id));
    if (!ctx.succeeded(m_store.actions().updateActionType(ta->second.id, ActionType::Forced)))
        return;
    const Lookup<Action> forced = m_store.actions().action(ta->second.id);
    if (!ctx.found(forced, u"action %1 does not exist"_s.arg(ta->second.id)))
        return;
    ctx.send(actionsOut({ mgmtAction(*forced, ta->first.controllerId) }).first());
}

void ManagementServer::confirmAction(Context &ctx)
{
    const auto ta = targetAction(ctx);
    const auto body = ta ? ctx.object<MgmtActionConfirmationRequestBodyPut>() : std::nullopt;
    if (!body)
        return;
    const QString decision = body->confirmation;
    if (decision != u"confirmed"_s && decision != u"denied"_s)
        return ctx.fail(Status::BadRequest, u"confirmation is confirmed or denied"_s);
    QStringList messages { u"%1 on the device's behalf by %2"_s.arg(
        decision == u"confirmed"_s ? u"Confirmed"_s : u"Denied"_s, ctx.who.name) };
    messages << body->details;
    const FeedbackResult r = m_deployment.feedback(
        ta->first.id, ta->second.id, decision == u"confirmed"_s ? ActionEvent::Confirm : ActionEvent::Deny, messages);
    if (r.outcome != FeedbackResult::Outcome::Applied)
        return ctx.fail(r.outcome == FeedbackResult::Outcome::Store ? Status::InternalServerError : Status::Conflict,
                        r.message);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::listActions(Context &ctx)
{
    const std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::Action, u"a"_s);
    if (!l)
        return;
    const auto actions
        = m_store.actions().actionsWhere(l->condition.sql, l->condition.binds, l->orderBy, l->offset, l->limit);
    const auto total = m_store.countWhere(RsqlCompiler::Entity::Action, l->condition.sql, l->condition.binds);
    if (!ctx.succeeded(actions, total))
        return;
    QList<MgmtAction> content;
    for (const auto &[action, controllerId] : *actions) {
        MgmtAction o = mgmtAction(action, controllerId);
        o.target = controllerId;
        content.append(o);
    }
    ctx.sendPage(actionsOut(content), *total);
}

void ManagementServer::deleteActions(Context &ctx)
{
    const QUrlQuery query = ctx.request.query();
    QList<qint64> ids;
    if (query.hasQueryItem(u"ids"_s)) {
        for (const QString &part : query.queryItemValue(u"ids"_s, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            ids << part.trimmed().toLongLong(&ok);
            if (!ok)
                return ctx.fail(Status::BadRequest, u"ids: '%1' is not an action id"_s.arg(part));
        }
    } else if (query.hasQueryItem(u"q"_s)) {
        const std::optional<SqlCondition> condition = queryOf(ctx, RsqlCompiler::Entity::Action);
        if (!condition)
            return;
        // A failed read is a 500, never "nothing matched, nothing deleted".
        Result<QList<qint64>> matching
            = m_store.idsWhere(RsqlCompiler::Entity::Action, condition->sql, condition->binds, u"a.id"_s, 0,
                               std::numeric_limits<int>::max());
        if (!ctx.succeeded(matching))
            return;
        ids = std::move(matching).value();
    } else {
        return ctx.fail(Status::BadRequest, u"give ?q= or ?ids= (deleting every action needs q=id=ge=0)"_s);
    }
    const Result<int> deleted = m_store.actions().deleteClosedActions(ids);
    if (!ctx.succeeded(deleted))
        return;
    ctx.send(MgmtActionsDeleted { *deleted, ids.size() - *deleted }.toJson());
}

} // namespace Flotilla
