// Management API: software modules and artifacts, distribution sets (types: mgmttypes.cpp).
#include "backend/managementserver_p.h"
#include "engine/repositoryservice.h"
#include "proto/mgmt/mgmtoverview.h"

#include "backend/multipartform.h"
#include "proto/http/segmentdevice.h"

#include <QBuffer>
#include <QFile>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Flotilla::Mgmt;

namespace Flotilla {

namespace {
// The status of a module the repository's rules refuse for a set.
Status moduleRefusal(const Failure &refusal)
{
    if (refusal.code == RepositoryService::UnknownModule || refusal.code == RepositoryService::UnknownSet)
        return Status::NotFound;
    if (refusal.code == RepositoryService::Locked)
        return Status::Locked;
    if (refusal.code == RepositoryService::TypeNotAllowed || refusal.code == RepositoryService::TooManyOfType)
        return Status::BadRequest;
    return Status::InternalServerError;
}
} // namespace

void ManagementServer::listModules(Context &ctx)
{
    const std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::SoftwareModule, u"m"_s);
    if (!l)
        return;
    // One query for the page, one for its artifacts (and the count).
    const auto modules
        = m_store.repository().modulesWhere(l->condition.sql, l->condition.binds, l->orderBy, l->offset, l->limit);
    const auto total = m_store.countWhere(RsqlCompiler::Entity::SoftwareModule, l->condition.sql, l->condition.binds);
    if (!ctx.succeeded(modules, total))
        return;
    QList<qint64> ids;
    for (const SoftwareModule &m : *modules)
        ids << m.id;
    const auto artifacts = m_store.repository().artifactsOfModules(ids);
    if (!ctx.succeeded(artifacts))
        return;
    QList<MgmtSoftwareModule> content;
    for (const SoftwareModule &m : *modules)
        content.append(mgmtModule(m, artifacts->value(m.id)));
    ctx.sendPage(modulesOut(content), *total);
}

void ManagementServer::createModules(Context &ctx)
{
    QList<MgmtSoftwareModule> created;
    const auto items = ctx.items<MgmtSoftwareModuleRequestBodyPost>();
    if (!items)
        return;
    const std::optional<QJsonArray> out = createEach(ctx, items->size(), [&](int i) -> std::optional<QJsonObject> {
        const MgmtSoftwareModuleRequestBodyPost &o = items->at(i);
        SoftwareModule m { 0, o.type, o.name, o.version, o.vendor, o.description, o.encrypted };
        if (m.typeKey.isEmpty() || m.name.isEmpty() || m.version.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: type, name and version are required"_s.arg(i)), std::nullopt;
        if (!ctx.found(m_store.repository().softwareModuleType(m.typeKey),
                       u"[%1].type: software module type '%2' does not exist"_s.arg(i).arg(m.typeKey)))
            return std::nullopt;
        // Asked before the insert (as for users, rollouts and sets): a failed insert is the store's 500, and
        // PostgreSQL refuses every statement after a failed one in the change's transaction.
        const Lookup<SoftwareModule> existing = m_store.repository().softwareModuleNamed(m.typeKey, m.name, m.version);
        if (!ctx.succeeded(existing))
            return std::nullopt;
        if (existing.found())
            return ctx.fail(Status::Conflict,
                            u"[%1]: %2 %3 of type %4 exists"_s.arg(i).arg(m.name, m.version, m.typeKey)),
                   std::nullopt;
        const Result<qint64> id = m_store.repository().insertSoftwareModule(m);
        if (!ctx.succeeded(id))
            return std::nullopt;
        m.id = *id;
        created.append(mgmtModule(m, {}));
        return created.constLast().toJson();
    });
    if (!out)
        return;
    recordCreated(ctx, u"softwaremodule"_s, *out);
    ctx.send(modulesOut(created), Status::Created);
}

void ManagementServer::getModule(Context &ctx)
{
    const auto id = ctx.idArg(0, u"software module"_s);
    if (!id)
        return;
    const Lookup<SoftwareModule> m = m_store.repository().softwareModule(*id);
    if (!ctx.found(m, u"software module %1 does not exist"_s.arg(*id)))
        return;
    const Result<QList<Artifact>> artifacts = m_store.repository().artifacts(m->id);
    if (!ctx.succeeded(artifacts))
        return;
    ctx.send(modulesOut({ mgmtModule(*m, *artifacts) }).first());
}

void ManagementServer::uploadArtifact(Context &ctx)
{
    const auto id = ctx.idArg(0, u"software module"_s);
    if (!id)
        return;
    if (!ctx.found(m_store.repository().softwareModule(*id), u"software module %1 does not exist"_s.arg(*id)))
        return;
    const auto parts = parseMultipartForm(ctx.request.value("content-type"), ctx.request.body());
    if (!parts)
        return ctx.fail(Status::BadRequest, u"the body must be multipart/form-data with a 'file' part"_s);
    const FormPart *file = nullptr;
    QHash<QString, QString> fields;
    for (const FormPart &p : *parts) {
        if (p.name == u"file"_s)
            file = &p;
        else
            fields.insert(p.name, QString::fromUtf8(p.data).trimmed());
    }
    if (!file)
        return ctx.fail(Status::BadRequest, u"the form has no 'file' part"_s);
    // hawkBit takes these as request parameters: form fields or the query string (curl -F or ?md5sum=...).
    const QUrlQuery query = ctx.request.query();
    for (const QString &name : { u"filename"_s, u"sha1sum"_s, u"md5sum"_s, u"sha256sum"_s }) {
        if (!fields.contains(name) && query.hasQueryItem(name))
            fields.insert(name, query.queryItemValue(name, QUrl::FullyDecoded).trimmed());
    }
    const QString filename = fields.value(u"filename"_s, file->filename);
    if (filename.isEmpty() || filename.contains(u'/'))
        return ctx.fail(Status::BadRequest, u"the artifact needs a file name without '/'"_s);
    const Result<QList<Artifact>> existing = m_store.repository().artifacts(*id);
    if (!ctx.succeeded(existing))
        return;
    for (const Artifact &a : *existing) {
        if (a.filename == filename)
            return ctx.fail(Status::Conflict, u"module %1 already has an artifact '%2'"_s.arg(*id).arg(filename));
    }
    // A view of the request body, not a copy: the upload is in memory once (QHttpServer holds the body).
    QByteArray bytes = QByteArray::fromRawData(file->data.data(), file->data.size());
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    ArtifactStore::AddError error = ArtifactStore::AddError::None;
    const auto stored = m_artifacts.add(
        buffer, { fields.value(u"sha1sum"_s), fields.value(u"md5sum"_s), fields.value(u"sha256sum"_s) },
        m_maxArtifactBytes, &error);
    if (!stored) {
        switch (error) {
        case ArtifactStore::AddError::TooLarge:
            return ctx.fail(Errors::FileSizeQuotaExceeded, m_artifacts.errorString());
        case ArtifactStore::AddError::Sha1Mismatch:
            return ctx.fail(Errors::Sha1Mismatch, m_artifacts.errorString());
        case ArtifactStore::AddError::Md5Mismatch:
            return ctx.fail(Errors::Md5Mismatch, m_artifacts.errorString());
        case ArtifactStore::AddError::Sha256Mismatch:
            return ctx.fail(Errors::Sha256Mismatch, m_artifacts.errorString());
        case ArtifactStore::AddError::NoSpace:
            return ctx.fail(Status::InsufficientStorage, m_artifacts.errorString());
        default:
            return ctx.fail(Status::InternalServerError, m_artifacts.errorString());
        }
    }
    Artifact a { 0,
                 *id,
                 filename,
                 stored->size,
                 stored->hashes.sha1,
                 stored->hashes.md5,
                 stored->hashes.sha256,
                 QDateTime::currentDateTimeUtc() };
    const Result<qint64> artifactId = m_store.repository().insertArtifact(a);
    if (!ctx.succeeded(artifactId))
        return;
    a.id = *artifactId;
    ctx.send(MgmtArtifact { a.id, a.filename, a.size, a.sha1, a.md5, a.sha256 }.toJson(), Status::Created);
}

void ManagementServer::listSets(Context &ctx)
{
    const std::optional<Listing> l = listingOf(ctx, RsqlCompiler::Entity::DistributionSet, u"s"_s);
    if (!l)
        return;
    const auto sets = m_store.repository().distributionSetsWhere(l->condition.sql, l->condition.binds, l->orderBy,
                                                                 l->offset, l->limit);
    const auto total = m_store.countWhere(RsqlCompiler::Entity::DistributionSet, l->condition.sql, l->condition.binds);
    if (!ctx.succeeded(sets, total))
        return;
    QList<MgmtDistributionSet> content;
    for (const DistributionSet &set : *sets) {
        const Result<MgmtDistributionSet> shown = setOf(set);
        if (!ctx.succeeded(shown))
            return;
        content.append(*shown);
    }
    ctx.sendPage(setsOut(content), *total);
}

void ManagementServer::createSets(Context &ctx)
{
    const auto items = ctx.items<MgmtDistributionSetRequestBodyPost>();
    if (!items)
        return;
    QList<MgmtDistributionSet> out;
    StoreTransaction tx(m_store);
    RepositoryService repository(m_store.stores());
    for (int i = 0; i < items->size(); ++i) {
        const MgmtDistributionSetRequestBodyPost &o = items->at(i);
        DistributionSet s { 0, o.name, o.version, o.type, o.requiredMigrationStep, false, o.description };
        if (s.name.isEmpty() || s.version.isEmpty() || s.typeKey.isEmpty())
            return ctx.fail(Status::BadRequest, u"[%1]: name, version and type are required"_s.arg(i));
        if (!ctx.found(m_store.repository().distributionSetType(s.typeKey),
                       u"[%1].type: distribution set type '%2' does not exist"_s.arg(i).arg(s.typeKey)))
            return;
        const Lookup<DistributionSet> existing = m_store.repository().distributionSetByNameVersion(s.name, s.version);
        if (!ctx.succeeded(existing))
            return;
        if (existing.found())
            return ctx.fail(Status::Conflict, u"[%1]: distribution set %2 %3 exists"_s.arg(i).arg(s.name, s.version));
        const Result<qint64> id = m_store.repository().insertDistributionSet(s);
        if (!ctx.succeeded(id))
            return;
        s.id = *id;
        for (qint64 module : o.modules) {
            if (const Result<void> added = repository.addModuleToSet(s.id, module); !added)
                return ctx.fail(moduleRefusal(added.error()), u"[%1].modules: %2"_s.arg(i).arg(added.error().message));
        }
        const Result<MgmtDistributionSet> shown = setOf(s);
        if (!ctx.succeeded(shown))
            return;
        out.append(*shown);
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    recordCreated(ctx, u"distributionset"_s, jsonOf(out));
    ctx.send(setsOut(out), Status::Created);
}

void ManagementServer::getSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    if (!id)
        return;
    const Lookup<DistributionSet> s = m_store.repository().distributionSet(*id);
    if (!ctx.found(s, u"distribution set %1 does not exist"_s.arg(*id)))
        return;
    const Result<MgmtDistributionSet> shown = setOf(*s);
    if (!ctx.succeeded(shown))
        return;
    ctx.send(setsOut({ *shown }).first());
}

void ManagementServer::assignModulesToSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    const auto body = id ? ctx.jsonArray() : std::nullopt;
    if (!body)
        return;
    Mgmt::DecodeError error;
    const std::optional<QList<qint64>> items = idsOf(*body, &error); // hawkBit's [{"id": n}, ...]
    if (!items)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    StoreTransaction tx(m_store);
    RepositoryService repository(m_store.stores());
    for (int i = 0; i < items->size(); ++i) {
        if (const Result<void> added = repository.addModuleToSet(*id, items->at(i)); !added)
            return ctx.fail(moduleRefusal(added.error()), u"[%1]: %2"_s.arg(i).arg(added.error().message));
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    recordModified(ctx, u"distributionset"_s, *id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::assignTargetsToSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    const auto items = id ? ctx.items<MgmtTargetAssignmentRequestBody>() : std::nullopt;
    if (!items)
        return;
    assign(ctx, *id, *items);
}

QJsonArray ManagementServer::modulesOut(QList<MgmtSoftwareModule> modules)
{
    // hawkBit's MgmtSoftwareModule: typeName beside the type's key, locked once a locked set holds it (hawkBit
    // locks a set's modules with the set), never deleted (Flotilla refuses to delete what is used).
    QList<qint64> ids;
    for (const MgmtSoftwareModule &m : modules)
        ids << m.id;
    // Decorations of a list already read: a failed read leaves them out (logged), it does not fail the answer.
    const Result<QSet<qint64>> locked = m_store.repository().modulesInLockedSets(ids);
    if (!locked)
        qCWarning(lcMgmt).noquote() << "modules shown without their lock:" << locked.error().message;
    QHash<QString, QString> typeNames;
    for (MgmtSoftwareModule &m : modules) {
        if (!typeNames.contains(m.type)) {
            const auto t = m_store.repository().softwareModuleType(m.type);
            if (t.failed()) // a decoration: the key stands in for the name
                qCWarning(lcMgmt).noquote() << "module type name:" << t.error().message;
            typeNames.insert(m.type, t.found() ? t->name : m.type);
        }
        m.typeName = typeNames.value(m.type);
        m.locked = locked && locked->contains(m.id);
        m.deleted = false;
    }
    return withAudit(u"softwaremodule"_s, modules);
}

QJsonArray ManagementServer::setsOut(QList<MgmtDistributionSet> sets)
{
    // hawkBit's MgmtDistributionSet: typeName; never deleted (see modulesOut).
    QHash<QString, QString> typeNames;
    for (MgmtDistributionSet &s : sets) {
        if (!typeNames.contains(s.type)) {
            const auto t = m_store.repository().distributionSetType(s.type);
            if (t.failed()) // a decoration: the key stands in for the name
                qCWarning(lcMgmt).noquote() << "set type name:" << t.error().message;
            typeNames.insert(s.type, t.found() ? t->name : s.type);
        }
        s.typeName = typeNames.value(s.type);
        s.deleted = false;
    }
    return withAudit(u"distributionset"_s, sets);
}

void ManagementServer::updateModule(Context &ctx)
{
    const auto id = ctx.idArg(0, u"software module"_s);
    const auto body = id ? ctx.object<MgmtSoftwareModuleRequestBodyPut>() : std::nullopt;
    if (!body)
        return;
    Lookup<SoftwareModule> m = m_store.repository().softwareModule(*id);
    if (!ctx.found(m, u"software module %1 does not exist"_s.arg(*id)))
        return;
    // hawkBit's MgmtSoftwareModuleRequestBodyPut: description, vendor, locked (true only).
    if (body->locked.value_or(false))
        return ctx.fail(Status::BadRequest,
                        u"Flotilla locks a module with the set that holds it; lock the distribution set"_s);
    m->description = body->description.value_or(m->description);
    m->vendor = body->vendor.value_or(m->vendor);
    if (!ctx.succeeded(m_store.repository().updateSoftwareModule(*m)))
        return;
    recordModified(ctx, u"softwaremodule"_s, m->id);
    const Result<QList<Artifact>> artifacts = m_store.repository().artifacts(m->id);
    if (!ctx.succeeded(artifacts))
        return;
    ctx.send(modulesOut({ mgmtModule(*m, *artifacts) }).first());
}

void ManagementServer::updateSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    const auto body = id ? ctx.object<MgmtDistributionSetRequestBodyPut>() : std::nullopt;
    if (!body)
        return;
    Lookup<DistributionSet> s = m_store.repository().distributionSet(*id);
    if (!ctx.found(s, u"distribution set %1 does not exist"_s.arg(*id)))
        return;
    // hawkBit's MgmtDistributionSetRequestBodyPut: name, description, version, requiredMigrationStep, locked
    // (true locks; a lock is not undone, as in hawkBit).
    if (body->name)
        s->name = body->name->trimmed();
    if (body->version)
        s->version = body->version->trimmed();
    s->description = body->description.value_or(s->description);
    s->requiredMigrationStep = body->requiredMigrationStep.value_or(s->requiredMigrationStep);
    if (body->locked) {
        if (!*body->locked && s->locked)
            return ctx.fail(Errors::Locked, u"distribution set %1 is locked; a lock is not undone"_s.arg(s->id));
        s->locked = s->locked || *body->locked;
    }
    if (s->name.isEmpty() || s->version.isEmpty())
        return ctx.fail(Status::BadRequest, u"name and version must not be empty"_s);
    const Lookup<DistributionSet> other = m_store.repository().distributionSetByNameVersion(s->name, s->version);
    if (!ctx.succeeded(other))
        return;
    if (other.found() && other->id != s->id)
        return ctx.fail(Status::Conflict, u"distribution set %1 %2 exists"_s.arg(s->name, s->version));
    if (!ctx.succeeded(m_store.repository().updateDistributionSet(*s)))
        return;
    recordModified(ctx, u"distributionset"_s, s->id);
    const Result<MgmtDistributionSet> shown = setOf(*s);
    if (!ctx.succeeded(shown))
        return;
    ctx.send(setsOut({ *shown }).first());
}

void ManagementServer::invalidateSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    const auto body = id ? ctx.object<MgmtInvalidateDistributionSetRequestBody>() : std::nullopt;
    if (!body)
        return;
    Lookup<DistributionSet> s = m_store.repository().distributionSet(*id);
    if (!ctx.found(s, u"distribution set %1 does not exist"_s.arg(*id)))
        return;
    // hawkBit's MgmtInvalidateDistributionSetRequestBody: actionCancelationType none | soft | force, cancelRollouts.
    const QString cancelation = body->actionCancelationType.value_or(u"none"_s).toLower();
    if (cancelation != u"none"_s && cancelation != u"soft"_s && cancelation != u"force"_s)
        return ctx.fail(Status::BadRequest, u"actionCancelationType is none, soft or force"_s);
    // Cancelling the actions stops the set's rollouts too (they would create more), as in hawkBit.
    const bool stopRollouts = body->cancelRollouts || cancelation != u"none"_s;
    StoreTransaction tx(m_store);
    s->valid = false;
    if (!ctx.succeeded(m_store.repository().updateDistributionSet(*s)))
        return;
    Result<QList<TargetFilter>> filters = m_store.filters().targetFilters();
    if (!ctx.succeeded(filters))
        return;
    for (TargetFilter &f : *filters) { // no more auto-assignments of it
        if (f.autoAssignSetId == s->id) {
            f.autoAssignSetId = 0;
            if (!ctx.succeeded(m_store.filters().updateTargetFilter(f)))
                return;
        }
    }
    // hawkBit deletes them (cancelAutoAssignmentForDistributionSet).
    if (!ctx.succeeded(m_store.filters().deleteAutoAssignmentsOfSet(s->id)))
        return;
    if (stopRollouts) {
        const Result<QList<qint64>> rollouts = m_store.rollouts().rolloutIdsOfSet(s->id);
        if (!ctx.succeeded(rollouts))
            return;
        for (qint64 rollout : *rollouts) {
            const auto r = m_store.rollouts().rollout(rollout);
            if (!ctx.succeeded(r))
                return;
            static const QList<RolloutState> stoppable = { RolloutState::Ready, RolloutState::WaitingForApproval,
                                                           RolloutState::Running, RolloutState::Paused };
            if (r.found() && stoppable.contains(r->state) && !ctx.succeeded(m_rollouts.stop(rollout)))
                return;
        }
    }
    if (cancelation != u"none"_s) {
        const QString message = u"Update Server: distribution set invalidated by %1"_s.arg(ctx.who.name);
        const Result<QList<qint64>> open = m_store.actions().openActionIdsOfSet(s->id);
        if (!ctx.succeeded(open))
            return;
        for (qint64 actionId : *open) {
            const Lookup<Action> a = m_store.actions().action(actionId);
            if (!ctx.succeeded(a))
                return;
            if (a.absent() || !a->isActive())
                continue; // a stopped rollout closed it already
            if (a->state != ActionState::Canceling && !ctx.succeeded(m_deployment.cancel(*a, message)))
                return;
            const Lookup<Action> canceling = m_store.actions().action(actionId);
            if (!ctx.succeeded(canceling))
                return;
            if (cancelation == u"force"_s && canceling.found() && canceling->isActive()) {
                const FeedbackResult quit
                    = m_deployment.feedback(canceling->targetId, canceling->id, ActionEvent::ForceQuit, { message });
                if (quit.outcome != FeedbackResult::Outcome::Applied)
                    return ctx.fail(Status::InternalServerError,
                                    u"force-quitting action %1: %2"_s.arg(canceling->id).arg(quit.message));
            }
        }
    }
    if (!ctx.succeeded(tx.commit()))
        return;
    recordModified(ctx, u"distributionset"_s, s->id);
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::setStatistics(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    if (!id)
        return;
    if (!ctx.found(m_store.repository().distributionSet(*id), u"distribution set %1 does not exist"_s.arg(*id)))
        return;
    // hawkBit's MgmtDistributionSetStatistics: counts by state name (ACTION and ROLLOUT states in capitals) with a
    // "total"; /statistics/actions, /rollouts and /autoassignments answer one part of it.
    auto withTotal = [](const auto &counts) {
        QMap<QString, qint64> out;
        qint64 total = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            out.insert(nameOf(it.key()).toUpper(), it.value());
            total += it.value();
        }
        out.insert(u"total"_s, total);
        return out;
    };
    const QString part = ctx.request.url().path().section(u'/', -1);
    const Result<QMap<ActionState, qint64>> actionCounts = m_store.actions().actionCountsOfSet(*id);
    const Result<QMap<RolloutState, qint64>> rolloutCounts = m_store.rollouts().rolloutCountsOfSet(*id);
    const Result<QList<TargetFilter>> filters = m_store.filters().targetFilters();
    const Result<int> ofSet = m_store.filters().countAutoAssignmentsOfSet(*id);
    if (!ctx.succeeded(actionCounts, rolloutCounts, filters, ofSet))
        return;
    // Both forms: target filters with the set as their autoAssignDS, and /autoassignments of it.
    const qint64 autoAssignments = std::count_if(filters->cbegin(), filters->cend(),
                                                 [&](const TargetFilter &f) { return f.autoAssignSetId == *id; })
        + *ofSet;
    MgmtDistributionSetStatistics statistics;
    if (part == u"actions"_s || part == u"statistics"_s)
        statistics.actions = withTotal(*actionCounts);
    if (part == u"rollouts"_s || part == u"statistics"_s)
        statistics.rollouts = withTotal(*rolloutCounts);
    if (part == u"autoassignments"_s || part == u"statistics"_s)
        statistics.totalAutoAssignments = autoAssignments;
    ctx.send(statistics.toJson());
}

void ManagementServer::listArtifacts(Context &ctx)
{
    const auto id = ctx.idArg(0, u"software module"_s);
    if (!id)
        return;
    const Lookup<SoftwareModule> m = m_store.repository().softwareModule(*id);
    if (!ctx.found(m, u"software module %1 does not exist"_s.arg(*id)))
        return;
    const Result<QList<Artifact>> artifacts = m_store.repository().artifacts(*id);
    if (!ctx.succeeded(artifacts))
        return;
    ctx.send(jsonOf(*mgmtModule(*m, *artifacts).artifacts));
}

namespace {
// A module's artifact by id: nullopt when there is none, a Failure when the store could not say.
Result<std::optional<Artifact>> artifactOf(SqlStore &store, qint64 moduleId, qint64 artifactId)
{
    const Result<QList<Artifact>> artifacts = store.repository().artifacts(moduleId);
    if (!artifacts)
        return artifacts.error();
    for (const Artifact &a : *artifacts) {
        if (a.id == artifactId)
            return std::optional(a);
    }
    return std::optional<Artifact>();
}
} // namespace

void ManagementServer::downloadArtifact(Context &ctx)
{
    const auto moduleId = ctx.idArg(0, u"software module"_s);
    const auto artifactId = moduleId ? ctx.idArg(1, u"artifact"_s) : std::nullopt;
    if (!artifactId)
        return;
    const Result<std::optional<Artifact>> found = artifactOf(m_store, *moduleId, *artifactId);
    if (!ctx.succeeded(found))
        return;
    const std::optional<Artifact> &a = *found;
    if (!a)
        return ctx.fail(Status::NotFound, u"artifact %1 of module %2 does not exist"_s.arg(*artifactId).arg(*moduleId));
    auto *device = new SegmentDevice(m_artifacts.pathOf(a->sha256));
    device->appendFileRange(0, a->size);
    if (m_metrics)
        device->setReadObserver([metrics = m_metrics](qint64 bytes) { metrics->recordDownloadBytes(bytes); });
    QHttpHeaders h;
    h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/octet-stream");
    h.append(QHttpHeaders::WellKnownHeader::ETag, '"' + a->sha1.toLatin1() + '"');
    h.append(QHttpHeaders::WellKnownHeader::ContentDisposition,
             "attachment;filename=" + QUrl::toPercentEncoding(a->filename));
    ctx.answer(device, h, Status::Ok);
}

void ManagementServer::removeUnreferencedContent(const QString &sha256)
{
    const Result<int> left = m_store.repository().countArtifactsWithContent(sha256);
    if (!left) // kept: a file too many is harmless, one missing is not
        qCWarning(lcMgmt).noquote() << "content" << sha256 << "kept:" << left.error().message;
    else if (*left == 0)
        QFile::remove(m_artifacts.pathOf(sha256));
}

void ManagementServer::deleteArtifact(Context &ctx)
{
    const auto moduleId = ctx.idArg(0, u"software module"_s);
    const auto artifactId = moduleId ? ctx.idArg(1, u"artifact"_s) : std::nullopt;
    if (!artifactId)
        return;
    const Result<std::optional<Artifact>> found = artifactOf(m_store, *moduleId, *artifactId);
    if (!ctx.succeeded(found))
        return;
    const std::optional<Artifact> &a = *found;
    if (!a)
        return ctx.fail(Status::NotFound, u"artifact %1 of module %2 does not exist"_s.arg(*artifactId).arg(*moduleId));
    if (!ctx.succeeded(m_store.repository().deleteArtifact(a->id)))
        return;
    // Content-addressed: the file goes when no artifact refers to it any more.
    removeUnreferencedContent(a->sha256);
    ctx.send(QJsonValue(), Status::NoContent);
}

// GET /distributionsets/{id}/assignedSM | assignedTargets | installedTargets
void ManagementServer::listSetTargets(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    if (!id)
        return;
    const QString which = ctx.args.value(1);
    if (which != u"assignedTargets"_s && which != u"installedTargets"_s && which != u"assignedSM"_s)
        return ctx.fail(Status::NotFound,
                        u"no list '%1'; use assignedSM, assignedTargets or installedTargets"_s.arg(which));
    if (!ctx.found(m_store.repository().distributionSet(*id), u"distribution set %1 does not exist"_s.arg(*id)))
        return;
    if (which == u"assignedSM"_s) {
        const Result<QList<SoftwareModule>> inSet = m_store.repository().modulesOfSet(*id);
        if (!ctx.succeeded(inSet))
            return;
        QList<MgmtSoftwareModule> modules;
        for (const SoftwareModule &m : *inSet) {
            const Result<QList<Artifact>> artifacts = m_store.repository().artifacts(m.id);
            if (!ctx.succeeded(artifacts))
                return;
            modules.append(mgmtModule(m, *artifacts));
        }
        return ctx.sendPage(modulesOut(modules), modules.size());
    }
    int offset = 0;
    int limit = 0;
    if (!ctx.paging(&offset, &limit))
        return;
    const SqlCondition c = SqlTargetStore::targetsWithSet(*id, which != u"assignedTargets"_s);
    const auto targets = m_store.targets().targetsWhere(c.sql, c.binds, u"t.id"_s, offset, limit);
    const auto total = m_store.targets().countTargetsWhere(c.sql, c.binds);
    if (!ctx.succeeded(targets, total))
        return;
    QList<MgmtTarget> content;
    for (const Target &t : *targets)
        content.append(mgmtTarget(t, ctx.who.can(Permission::ReadTargetSecurityToken)));
    ctx.sendPage(targetsOut(content), *total);
}

void ManagementServer::deleteModule(Context &ctx)
{
    const auto id = ctx.idArg(0, u"software module"_s);
    if (!id)
        return;
    if (!ctx.found(m_store.repository().softwareModule(*id), u"software module %1 does not exist"_s.arg(*id)))
        return;
    const Result<QStringList> users = m_store.repository().dependentsOfModule(*id);
    if (!ctx.succeeded(users))
        return;
    if (!users->isEmpty())
        return ctx.fail(Errors::InUse, u"software module %1 is used by %2"_s.arg(*id).arg(users->join(u", "_s)));
    const Result<QList<Artifact>> artifacts = m_store.repository().artifacts(*id);
    if (!ctx.succeeded(artifacts))
        return;
    if (!ctx.succeeded(m_store.repository().deleteSoftwareModule(*id)))
        return;
    for (const Artifact &a : *artifacts)
        removeUnreferencedContent(a.sha256);
    forget(u"softwaremodule"_s, *id);
    // Within the change's transaction: metadata that cannot be deleted keeps the module too (a 500).
    if (!ctx.succeeded(m_store.metadataStore().deleteMetadata(u"softwaremodule"_s, *id, {})))
        return;
    ctx.send(QJsonValue(), Status::NoContent);
}

void ManagementServer::deleteSet(Context &ctx)
{
    const auto id = ctx.idArg(0, u"distribution set"_s);
    if (!id)
        return;
    if (!ctx.found(m_store.repository().distributionSet(*id), u"distribution set %1 does not exist"_s.arg(*id)))
        return;
    const Result<QStringList> users = m_store.repository().dependentsOfSet(*id);
    if (!ctx.succeeded(users))
        return;
    if (!users->isEmpty())
        return ctx.fail(Errors::InUse, u"distribution set %1 is used by %2"_s.arg(*id).arg(users->join(u", "_s)));
    if (!ctx.succeeded(m_store.repository().deleteDistributionSet(*id)))
        return;
    forget(u"distributionset"_s, *id);
    // Within the change's transaction: metadata that cannot be deleted keeps the set too (a 500).
    if (!ctx.succeeded(m_store.metadataStore().deleteMetadata(u"distributionset"_s, *id, {})))
        return;
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
