// Management API: routing, authentication and permissions, the OpenAPI document, users, tokens.
#include "backend/managementserver_p.h"
#include "engine/repositoryservice.h"
#include "proto/mgmt/mgmtautoassignments.h"
#include "proto/mgmt/mgmtconfiguration.h"
#include "proto/mgmt/mgmtmetadata.h"
#include "proto/mgmt/mgmtoverview.h"
#include "proto/mgmt/mgmttypes.h"

#include <QElapsedTimer>
#include <QHttpServer>

using namespace Qt::StringLiterals;

namespace Flotilla {

Q_LOGGING_CATEGORY(lcMgmt, "flotilla.mgmt", QtInfoMsg)

using namespace Mgmt;

ManagementServer::ManagementServer(SqlStore &store, ArtifactStore &artifacts, DeploymentService &deployment,
                                   RolloutService &rollouts, OperatorAccounts &accounts, qint64 maxArtifactBytes,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_artifacts(artifacts)
    , m_deployment(deployment)
    , m_rollouts(rollouts)
    , m_accounts(accounts)
    , m_maxArtifactBytes(maxArtifactBytes)
{ }

ManagementServer::~ManagementServer() = default;

const QList<ManagementServer::Route> &ManagementServer::routes()
{
    using P = Permission;
    using M = ManagementServer;
    static const QList<Route> table = {
        { Method::Post, u"/auth/token"_s, P::ReadTarget, &M::issueToken, u"Issue a bearer token for the caller"_s },
        { Method::Get, u"/userinfo"_s, P::ReadTarget, &M::userInfo,
          u"Who the caller is: tenant, username, permissions (hawkBit's MgmtUserInfo)"_s },
        { Method::Get, u"/users"_s, P::UserAdmin, &M::listUsers, u"List users"_s },
        { Method::Get, u"/audit"_s, P::UserAdmin, &M::listAudit,
          u"The audit trail of operator changes, newest first (q: RSQL over id, at, actor, address, method, path, "
          "status, entity, entityId)"_s },
        { Method::Post, u"/users"_s, P::UserAdmin, &M::createUser, u"Create a user {username, password, roles}"_s },
        { Method::Get, u"/targets"_s, P::ReadTarget, &M::listTargets, u"List targets (offset, limit, sort, q)"_s },
        { Method::Post, u"/targets"_s, P::CreateTarget, &M::createTargets, u"Create targets"_s },
        { Method::Get, u"/autoassignments"_s, P::ReadTarget, &M::listAutoAssignments,
          u"List auto-assignments (offset, limit, sort, q)"_s },
        { Method::Post, u"/autoassignments"_s, P::UpdateTarget, &M::createAutoAssignment,
          u"Create an auto-assignment {name, targetFilterQuery, distributionSetId, startAt, actionType, weight, "
          "confirmationRequired}"_s },
        { Method::Get, u"/autoassignments/<arg>"_s, P::ReadTarget, &M::getAutoAssignment, u"One auto-assignment"_s },
        { Method::Put, u"/autoassignments/<arg>"_s, P::UpdateTarget, &M::updateAutoAssignment,
          u"Change an auto-assignment's name, description"_s },
        { Method::Delete, u"/autoassignments/<arg>"_s, P::UpdateTarget, &M::deleteAutoAssignment,
          u"Delete an auto-assignment (its actions stay)"_s },
        { Method::Post, u"/autoassignments/<arg>/approve"_s, P::ApproveRollout, &M::autoAssignmentCommand,
          u"Approve an auto-assignment waiting for approval (?remark=)"_s },
        { Method::Post, u"/autoassignments/<arg>/deny"_s, P::ApproveRollout, &M::autoAssignmentCommand,
          u"Deny an auto-assignment waiting for approval (?remark=)"_s },
        { Method::Post, u"/autoassignments/<arg>/start"_s, P::UpdateTarget, &M::autoAssignmentCommand,
          u"Start a ready auto-assignment before its start time"_s },
        { Method::Post, u"/autoassignments/<arg>/pause"_s, P::UpdateTarget, &M::autoAssignmentCommand,
          u"Pause a running auto-assignment"_s },
        { Method::Post, u"/autoassignments/<arg>/resume"_s, P::UpdateTarget, &M::autoAssignmentCommand,
          u"Resume a paused auto-assignment"_s },
        { Method::Get, u"/targetgroups"_s, P::ReadTarget, &M::listTargetGroups, u"The groups targets are in"_s },
        { Method::Get, u"/targetgroups/assigned"_s, P::ReadTarget, &M::listTargetsInGroup,
          u"The targets of ?group=Parent/Child, with &subgroups=true those of its subgroups too"_s },
        { Method::Get, u"/targetgroups/<arg>/assigned"_s, P::ReadTarget, &M::listTargetsInGroup,
          u"The targets of a top-level group (offset, limit, sort, q)"_s },
        { Method::Put, u"/targetgroups/assigned"_s, P::UpdateTarget, &M::setTargetsGroup,
          u"Put a list of controllerIds in ?group=Parent/Child"_s },
        { Method::Put, u"/targetgroups/<arg>/assigned"_s, P::UpdateTarget, &M::setTargetsGroup,
          u"Put a list of controllerIds in a top-level group"_s },
        { Method::Put, u"/targetgroups/<arg>"_s, P::UpdateTarget, &M::setTargetsGroup,
          u"Put the targets ?q= matches in a top-level group"_s },
        { Method::Put, u"/targetgroups"_s, P::UpdateTarget, &M::setTargetsGroup,
          u"Put the targets ?q= matches in ?group=Parent/Child"_s },
        { Method::Delete, u"/targetgroups/assigned"_s, P::UpdateTarget, &M::setTargetsGroup,
          u"Take a list of controllerIds out of their groups"_s },
        { Method::Delete, u"/targetgroups"_s, P::UpdateTarget, &M::setTargetsGroup,
          u"Take the targets ?q= matches (all without q) out of their groups"_s },
        { Method::Get, u"/overview/targets"_s, P::ReadTarget, &M::overviewTargets,
          u"Flotilla: the fleet by update status, overdue and never-seen targets, each with its RSQL filter"_s },
        { Method::Get, u"/overview/errors"_s, P::ReadTarget, &M::overviewErrors,
          u"Flotilla: the most frequent error messages of the last hours (hours, limit), each with the RSQL filter "
          "of its targets"_s },
        { Method::Get, u"/targets/<arg>"_s, P::ReadTarget, &M::getTarget, u"One target"_s },
        { Method::Delete, u"/targets/<arg>"_s, P::DeleteTarget, &M::deleteTarget, u"Delete a target"_s },
        { Method::Get, u"/targets/<arg>/attributes"_s, P::ReadTarget, &M::getTargetAttributes,
          u"The attributes a target reported"_s },
        { Method::Get, u"/targets/<arg>/actions"_s, P::ReadTarget, &M::listTargetActions, u"A target's actions"_s },
        { Method::Get, u"/targets/<arg>/actions/<arg>"_s, P::ReadTarget, &M::getTargetAction,
          u"One action with its status history"_s },
        { Method::Delete, u"/targets/<arg>/actions/<arg>"_s, P::UpdateTarget, &M::cancelTargetAction,
          u"Cancel an action (?force=true force-quits a canceling one)"_s },
        { Method::Post, u"/targets/<arg>/assignedDS"_s, P::UpdateTarget, &M::assignToTarget,
          u"Assign a distribution set to the target"_s },
        { Method::Post, u"/softwaremoduletypes"_s, P::CreateRepository, &M::createModuleTypes,
          u"Create software module types"_s },
        { Method::Post, u"/distributionsettypes"_s, P::CreateRepository, &M::createSetTypes,
          u"Create distribution set types"_s },
        { Method::Post, u"/targettypes"_s, P::CreateTarget, &M::createTargetTypes, u"Create target types"_s },
        { Method::Get, u"/softwaremodules"_s, P::ReadRepository, &M::listModules, u"List software modules"_s },
        { Method::Post, u"/softwaremodules"_s, P::CreateRepository, &M::createModules, u"Create software modules"_s },
        { Method::Get, u"/softwaremodules/<arg>"_s, P::ReadRepository, &M::getModule,
          u"One software module with its artifacts"_s },
        { Method::Post, u"/softwaremodules/<arg>/artifacts"_s, P::CreateRepository, &M::uploadArtifact,
          u"Upload an artifact (multipart: file, filename, md5sum, sha1sum, sha256sum)"_s },
        { Method::Get, u"/distributionsets"_s, P::ReadRepository, &M::listSets, u"List distribution sets"_s },
        { Method::Post, u"/distributionsets"_s, P::CreateRepository, &M::createSets, u"Create distribution sets"_s },
        { Method::Get, u"/distributionsets/<arg>"_s, P::ReadRepository, &M::getSet, u"One distribution set"_s },
        { Method::Post, u"/distributionsets/<arg>/assignedSM"_s, P::UpdateRepository, &M::assignModulesToSet,
          u"Add software modules to a set"_s },
        { Method::Post, u"/distributionsets/<arg>/assignedTargets"_s, P::UpdateTarget, &M::assignTargetsToSet,
          u"Assign the set to targets"_s },
        { Method::Get, u"/rollouts"_s, P::ReadRollout, &M::listRollouts, u"List rollouts"_s },
        { Method::Post, u"/rollouts"_s, P::CreateRollout, &M::createRollout, u"Create a rollout"_s },
        { Method::Post, u"/rollouts/forecast"_s, P::ReadRollout, &M::forecastRollout,
          u"Flotilla: what a rollout (the body of POST /rollouts) would do and when, played by the engine on a copy "
          "of the fleet with its polling time, past install times and failure rate; nothing is created"_s },
        { Method::Get, u"/rollouts/<arg>"_s, P::ReadRollout, &M::getRollout, u"One rollout"_s },
        { Method::Get, u"/rollouts/<arg>/deploygroups"_s, P::ReadRollout, &M::listGroups,
          u"A rollout's groups with counts by status"_s },
        { Method::Post, u"/rollouts/<arg>/<arg>"_s, P::HandleRollout, &M::rolloutCommand,
          u"start, pause, resume, stop, triggerNextGroup (HANDLE_ROLLOUT); approve, deny (APPROVE_ROLLOUT)"_s },
        { Method::Get, u"/rollouts/<arg>/deploygroups/<arg>"_s, P::ReadRollout, &M::getGroup,
          u"One group of a rollout"_s },
        { Method::Get, u"/system/configs"_s, P::TenantConfiguration, &M::getConfigs, u"The tenant configuration"_s },
        { Method::Get, u"/system/configs/<arg>"_s, P::TenantConfiguration, &M::getConfig,
          u"One tenant configuration value"_s },
        { Method::Put, u"/system/configs"_s, P::TenantConfiguration, &M::setConfigs,
          u"Set several tenant configuration values at once {key: value, ...}"_s },
        { Method::Delete, u"/system/configs/<arg>"_s, P::TenantConfiguration, &M::deleteConfig,
          u"Reset a tenant configuration value to its default"_s },
        { Method::Put, u"/system/configs/<arg>"_s, P::TenantConfiguration, &M::setConfig,
          u"Change one tenant configuration key {value}"_s },
        { Method::Put, u"/targets/<arg>"_s, P::UpdateTarget, &M::updateTarget,
          u"Change name, description, targetType, requestAttributes"_s },
        { Method::Get, u"/targets/<arg>/assignedDS"_s, P::ReadTarget, &M::getTargetSet,
          u"The set assigned to the target"_s },
        { Method::Get, u"/targets/<arg>/installedDS"_s, P::ReadTarget, &M::getTargetSet,
          u"The set installed on the target"_s },
        { Method::Get, u"/targets/<arg>/autoConfirm"_s, P::ReadTarget, &M::getAutoConfirm,
          u"The target's auto-confirm state"_s },
        { Method::Post, u"/targets/<arg>/autoConfirm/<arg>"_s, P::UpdateTarget, &M::setAutoConfirm,
          u"activate {initiator, remark} or deactivate auto-confirm"_s },
        { Method::Get, u"/targets/<arg>/actions/<arg>/status"_s, P::ReadTarget, &M::getActionStatus,
          u"An action's status history, paged (offset, limit)"_s },
        { Method::Put, u"/targets/<arg>/actions/<arg>"_s, P::UpdateTarget, &M::updateAction,
          u"Switch an action to forced {forceType: forced}"_s },
        { Method::Put, u"/targets/<arg>/actions/<arg>/confirmation"_s, P::UpdateTarget, &M::confirmAction,
          u"Confirm or deny on the device's behalf {confirmation, details}"_s },
        { Method::Get, u"/softwaremoduletypes/<arg>"_s, P::ReadRepository, &M::getModuleType,
          u"One software module type, by id or key"_s },
        { Method::Get, u"/distributionsettypes/<arg>"_s, P::ReadRepository, &M::getSetType,
          u"One distribution set type, by id or key"_s },
        { Method::Get, u"/softwaremoduletypes"_s, P::ReadRepository, &M::listModuleTypes,
          u"List software module types"_s },
        { Method::Get, u"/distributionsettypes"_s, P::ReadRepository, &M::listSetTypes,
          u"List distribution set types"_s },
        { Method::Get, u"/targettypes"_s, P::ReadTarget, &M::listTargetTypes, u"List target types"_s },
        { Method::Get, u"/targettypes/<arg>"_s, P::ReadTarget, &M::getTargetType, u"One target type, by id or key"_s },
        { Method::Put, u"/softwaremoduletypes/<arg>"_s, P::UpdateRepository, &M::updateType,
          u"Change a module type's description, colour"_s },
        { Method::Put, u"/distributionsettypes/<arg>"_s, P::UpdateRepository, &M::updateType,
          u"Change a set type's description, colour"_s },
        { Method::Put, u"/targettypes/<arg>"_s, P::UpdateTarget, &M::updateType,
          u"Change a target type's name, description, colour"_s },
        { Method::Get, u"/distributionsettypes/<arg>/mandatorymoduletypes/<arg>"_s, P::ReadRepository,
          &M::getSetTypeModuleType, u"One of a set type's mandatory module types"_s },
        { Method::Get, u"/distributionsettypes/<arg>/optionalmoduletypes/<arg>"_s, P::ReadRepository,
          &M::getSetTypeModuleType, u"One of a set type's optional module types"_s },
        { Method::Post, u"/distributionsettypes/<arg>/mandatorymoduletypes"_s, P::UpdateRepository,
          &M::changeSetTypeModuleTypes, u"Add a mandatory module type {id} to a set type no set uses yet"_s },
        { Method::Post, u"/distributionsettypes/<arg>/optionalmoduletypes"_s, P::UpdateRepository,
          &M::changeSetTypeModuleTypes, u"Add an optional module type {id} to a set type no set uses yet"_s },
        { Method::Delete, u"/distributionsettypes/<arg>/mandatorymoduletypes/<arg>"_s, P::UpdateRepository,
          &M::changeSetTypeModuleTypes, u"Remove a mandatory module type from a set type no set uses yet"_s },
        { Method::Delete, u"/distributionsettypes/<arg>/optionalmoduletypes/<arg>"_s, P::UpdateRepository,
          &M::changeSetTypeModuleTypes, u"Remove an optional module type from a set type no set uses yet"_s },
        { Method::Get, u"/targettypes/<arg>/compatibledistributionsettypes"_s, P::ReadTarget,
          &M::listCompatibleSetTypes, u"The distribution set types a target type takes"_s },
        { Method::Post, u"/targettypes/<arg>/compatibledistributionsettypes"_s, P::UpdateTarget,
          &M::changeCompatibleSetTypes, u"Add set types [{id}] a target type takes"_s },
        { Method::Delete, u"/targettypes/<arg>/compatibledistributionsettypes/<arg>"_s, P::UpdateTarget,
          &M::changeCompatibleSetTypes, u"Remove a set type a target type takes"_s },
        { Method::Get, u"/softwaremodules/<arg>/artifacts"_s, P::ReadRepository, &M::listArtifacts,
          u"A module's artifacts"_s },
        { Method::Get, u"/softwaremodules/<arg>/artifacts/<arg>/download"_s, P::DownloadRepositoryArtifact,
          &M::downloadArtifact, u"Download an artifact"_s },
        { Method::Delete, u"/softwaremodules/<arg>/artifacts/<arg>"_s, P::DeleteRepository, &M::deleteArtifact,
          u"Delete an artifact"_s },
        { Method::Delete, u"/rollouts/<arg>"_s, P::DeleteRollout, &M::deleteRollout,
          u"Delete a rollout that is not running"_s },
        { Method::Get, u"/rollouts/<arg>/deploygroups/<arg>/targets"_s, P::ReadRollout, &M::listGroupTargets,
          u"A group's targets"_s },
        { Method::Get, u"/rollouts/<arg>/actions"_s, P::ReadRollout, &M::listRolloutActions,
          u"A rollout's actions as spans in time: createdAt, startedAt, closedAt, group, status (offset, limit)"_s },
        { Method::Get, u"/actions"_s, P::ReadTarget, &M::listActions,
          u"Actions across targets (offset, limit, sort, q)"_s },
        { Method::Delete, u"/actions"_s, P::DeleteTarget, &M::deleteActions,
          u"Delete closed actions with their history, by ?q= or ?ids=1,2 (open ones stay)"_s },
        { Method::Delete, u"/softwaremodules/<arg>"_s, P::DeleteRepository, &M::deleteModule,
          u"Delete a module no set holds"_s },
        { Method::Delete, u"/distributionsets/<arg>"_s, P::DeleteRepository, &M::deleteSet,
          u"Delete a set nothing refers to"_s },
        { Method::Delete, u"/softwaremoduletypes/<arg>"_s, P::DeleteRepository, &M::deleteType,
          u"Delete an unused software module type"_s },
        { Method::Delete, u"/distributionsettypes/<arg>"_s, P::DeleteRepository, &M::deleteType,
          u"Delete an unused distribution set type"_s },
        { Method::Delete, u"/targettypes/<arg>"_s, P::DeleteTarget, &M::deleteType, u"Delete an unused target type"_s },
        { Method::Put, u"/users/<arg>"_s, P::UserAdmin, &M::updateUser, u"Change roles and/or password"_s },
        { Method::Delete, u"/users/<arg>"_s, P::UserAdmin, &M::deleteUser, u"Delete a user"_s },
        { Method::Get, u"/distributionsettypes/<arg>/mandatorymoduletypes"_s, P::ReadRepository,
          &M::listSetTypeModuleTypes, u"A set type's mandatory module types"_s },
        { Method::Get, u"/distributionsettypes/<arg>/optionalmoduletypes"_s, P::ReadRepository,
          &M::listSetTypeModuleTypes, u"A set type's optional module types"_s },
        { Method::Put, u"/softwaremodules/<arg>"_s, P::UpdateRepository, &M::updateModule,
          u"Change a module's description, vendor"_s },
        { Method::Put, u"/distributionsets/<arg>"_s, P::UpdateRepository, &M::updateSet,
          u"Change a set's name, version, description, requiredMigrationStep; lock it"_s },
        { Method::Put, u"/rollouts/<arg>"_s, P::UpdateRollout, &M::updateRollout,
          u"Change a rollout's name, description"_s },
        { Method::Get, u"/targets/<arg>/metadata"_s, P::ReadTarget, &M::listMetadata, u"A target's metadata"_s },
        { Method::Post, u"/targets/<arg>/metadata"_s, P::UpdateTarget, &M::createMetadata,
          u"Add metadata to a target [{key, value}]"_s },
        { Method::Get, u"/targets/<arg>/metadata/<arg>"_s, P::ReadTarget, &M::getMetadata, u"One metadata value"_s },
        { Method::Put, u"/targets/<arg>/metadata/<arg>"_s, P::UpdateTarget, &M::updateMetadata,
          u"Change one metadata value {value}"_s },
        { Method::Delete, u"/targets/<arg>/metadata/<arg>"_s, P::UpdateTarget, &M::deleteMetadata,
          u"Remove one metadata value"_s },
        { Method::Get, u"/softwaremodules/<arg>/metadata"_s, P::ReadRepository, &M::listMetadata,
          u"A module's metadata"_s },
        { Method::Post, u"/softwaremodules/<arg>/metadata"_s, P::UpdateRepository, &M::createMetadata,
          u"Add metadata to a module [{key, value}]"_s },
        { Method::Get, u"/softwaremodules/<arg>/metadata/<arg>"_s, P::ReadRepository, &M::getMetadata,
          u"One metadata value"_s },
        { Method::Put, u"/softwaremodules/<arg>/metadata/<arg>"_s, P::UpdateRepository, &M::updateMetadata,
          u"Change one metadata value {value}"_s },
        { Method::Delete, u"/softwaremodules/<arg>/metadata/<arg>"_s, P::UpdateRepository, &M::deleteMetadata,
          u"Remove one metadata value"_s },
        { Method::Get, u"/distributionsets/<arg>/metadata"_s, P::ReadRepository, &M::listMetadata,
          u"A set's metadata"_s },
        { Method::Post, u"/distributionsets/<arg>/metadata"_s, P::UpdateRepository, &M::createMetadata,
          u"Add metadata to a set [{key, value}]"_s },
        { Method::Get, u"/distributionsets/<arg>/metadata/<arg>"_s, P::ReadRepository, &M::getMetadata,
          u"One metadata value"_s },
        { Method::Put, u"/distributionsets/<arg>/metadata/<arg>"_s, P::UpdateRepository, &M::updateMetadata,
          u"Change one metadata value {value}"_s },
        { Method::Delete, u"/distributionsets/<arg>/metadata/<arg>"_s, P::UpdateRepository, &M::deleteMetadata,
          u"Remove one metadata value"_s },
        { Method::Get, u"/targettags"_s, P::ReadTarget, &M::listTags, u"List target tags"_s },
        { Method::Post, u"/targettags"_s, P::CreateTarget, &M::createTags,
          u"Create target tags [{name, description, colour}]"_s },
        { Method::Get, u"/targettags/<arg>"_s, P::ReadTarget, &M::getTag, u"One target tag"_s },
        { Method::Put, u"/targettags/<arg>"_s, P::UpdateTarget, &M::updateTag, u"Change a target tag"_s },
        { Method::Delete, u"/targettags/<arg>"_s, P::DeleteTarget, &M::deleteTag,
          u"Delete a target tag (its members stay)"_s },
        { Method::Get, u"/targettags/<arg>/assigned"_s, P::ReadTarget, &M::listTagMembers, u"A tag's targets"_s },
        { Method::Post, u"/targettags/<arg>/assigned"_s, P::UpdateTarget, &M::tagMembers,
          u"Tag targets (a list of ids)"_s },
        { Method::Delete, u"/targettags/<arg>/assigned"_s, P::UpdateTarget, &M::tagMembers,
          u"Untag targets (a list of ids)"_s },
        { Method::Post, u"/targettags/<arg>/assigned/<arg>"_s, P::UpdateTarget, &M::tagMember, u"Tag one target"_s },
        { Method::Delete, u"/targettags/<arg>/assigned/<arg>"_s, P::UpdateTarget, &M::tagMember,
          u"Untag one target"_s },
        { Method::Get, u"/targets/<arg>/tags"_s, P::ReadTarget, &M::listMemberTags, u"A target's tags"_s },
        { Method::Get, u"/distributionsettags"_s, P::ReadRepository, &M::listTags, u"List distribution set tags"_s },
        { Method::Post, u"/distributionsettags"_s, P::CreateRepository, &M::createTags,
          u"Create distribution set tags [{name, description, colour}]"_s },
        { Method::Get, u"/distributionsettags/<arg>"_s, P::ReadRepository, &M::getTag, u"One distribution set tag"_s },
        { Method::Put, u"/distributionsettags/<arg>"_s, P::UpdateRepository, &M::updateTag,
          u"Change a distribution set tag"_s },
        { Method::Delete, u"/distributionsettags/<arg>"_s, P::DeleteRepository, &M::deleteTag,
          u"Delete a distribution set tag (its members stay)"_s },
        { Method::Get, u"/distributionsettags/<arg>/assigned"_s, P::ReadRepository, &M::listTagMembers,
          u"A tag's distribution sets"_s },
        { Method::Post, u"/distributionsettags/<arg>/assigned"_s, P::UpdateRepository, &M::tagMembers,
          u"Tag distribution sets (a list of ids)"_s },
        { Method::Delete, u"/distributionsettags/<arg>/assigned"_s, P::UpdateRepository, &M::tagMembers,
          u"Untag distribution sets (a list of ids)"_s },
        { Method::Post, u"/distributionsettags/<arg>/assigned/<arg>"_s, P::UpdateRepository, &M::tagMember,
          u"Tag one distribution set"_s },
        { Method::Delete, u"/distributionsettags/<arg>/assigned/<arg>"_s, P::UpdateRepository, &M::tagMember,
          u"Untag one distribution set"_s },
        { Method::Get, u"/distributionsets/<arg>/tags"_s, P::ReadRepository, &M::listMemberTags,
          u"A distribution set's tags"_s },
        { Method::Get, u"/targetfilters"_s, P::ReadTarget, &M::listFilters, u"List target filters"_s },
        { Method::Post, u"/targetfilters"_s, P::CreateTarget, &M::createFilter,
          u"Save a target filter {name, query}"_s },
        { Method::Get, u"/targetfilters/<arg>"_s, P::ReadTarget, &M::getFilter, u"One target filter"_s },
        { Method::Put, u"/targetfilters/<arg>"_s, P::UpdateTarget, &M::updateFilter,
          u"Change a target filter's name, query"_s },
        { Method::Delete, u"/targetfilters/<arg>"_s, P::DeleteTarget, &M::deleteFilter, u"Delete a target filter"_s },
        { Method::Get, u"/targetfilters/<arg>/autoAssignDS"_s, P::ReadTarget, &M::getFilterSet,
          u"The set a filter auto-assigns (204: none)"_s },
        { Method::Post, u"/targetfilters/<arg>/autoAssignDS"_s, P::UpdateTarget, &M::setFilterSet,
          u"Auto-assign a set to what the filter matches {id, type, weight, confirmationRequired}"_s },
        { Method::Delete, u"/targetfilters/<arg>/autoAssignDS"_s, P::UpdateTarget, &M::deleteFilterSet,
          u"Stop a filter's auto-assignment"_s },
        { Method::Post, u"/distributionsets/<arg>/invalidate"_s, P::UpdateRepository, &M::invalidateSet,
          u"Invalidate a set {actionCancelationType: none|soft|force, cancelRollouts}: never assigned again"_s },
        { Method::Get, u"/distributionsets/<arg>/statistics"_s, P::ReadRepository, &M::setStatistics,
          u"How many of a set's actions and rollouts are in each state, and its auto-assignments"_s },
        { Method::Get, u"/distributionsets/<arg>/statistics/actions"_s, P::ReadRepository, &M::setStatistics,
          u"A set's actions by state"_s },
        { Method::Get, u"/distributionsets/<arg>/statistics/rollouts"_s, P::ReadRepository, &M::setStatistics,
          u"A set's rollouts by state"_s },
        { Method::Get, u"/distributionsets/<arg>/statistics/autoassignments"_s, P::ReadRepository, &M::setStatistics,
          u"How many target filters auto-assign a set"_s },
        // Last: QHttpServer takes the first route that matches, and this one matches every /distributionsets/x/y.
        { Method::Get, u"/distributionsets/<arg>/<arg>"_s, P::ReadTarget, &M::listSetTargets,
          u"assignedSM, assignedTargets or installedTargets of a set"_s },
    };
    return table;
}

// The resources' fields as the API sends them (hawkBit's names; Flotilla's additions marked in the README): the
// Management API's wire types (proto/mgmt) document themselves. tst_hawkbitcompat checks every field of every
// response against this list.
static QJsonObject schemas()
{
    static const QList<std::pair<const char *, const QList<Mgmt::FieldSpec> *>> all = {
        { "Target", &Mgmt::MgmtTarget::fields() },
        { "Action", &Mgmt::MgmtAction::fields() },
        { "Rollout", &Mgmt::MgmtRolloutResponseBody::fields() },
        { "RolloutGroup", &Mgmt::MgmtRolloutGroupResponseBody::fields() },
        { "SoftwareModule", &Mgmt::MgmtSoftwareModule::fields() },
        { "DistributionSet", &Mgmt::MgmtDistributionSet::fields() },
        { "Error", &Mgmt::ExceptionInfo::fields() },
        { "AuditEntry", &Mgmt::MgmtAuditEntry::fields() },
        { "User", &Mgmt::MgmtUser::fields() },
        { "ActionSpan", &Mgmt::MgmtActionSpan::fields() },
        { "RolloutForecast", &Mgmt::MgmtRolloutForecast::fields() },
        { "Tag", &Mgmt::MgmtTag::fields() },
        { "SoftwareModuleType", &Mgmt::MgmtSoftwareModuleType::fields() },
        { "DistributionSetType", &Mgmt::MgmtDistributionSetType::fields() },
        { "TargetType", &Mgmt::MgmtTargetType::fields() },
        { "TargetFilter", &Mgmt::MgmtTargetFilterQuery::fields() },
        { "AutoAssignment", &Mgmt::MgmtAutoAssignmentResponseBody::fields() },
        { "Metadata", &Mgmt::MgmtMetadata::fields() },
        { "TargetAssignmentResponse", &Mgmt::MgmtTargetAssignmentResponseBody::fields() },
        { "DistributionSetStatistics", &Mgmt::MgmtDistributionSetStatistics::fields() },
        { "TenantConfigurationValue", &Mgmt::MgmtSystemTenantConfigurationValue::fields() },
        { "TargetAutoConfirm", &Mgmt::MgmtTargetAutoConfirm::fields() },
        { "Token", &Mgmt::MgmtToken::fields() },
        { "UserInfo", &Mgmt::MgmtUserInfo::fields() },
        { "ActionsDeleted", &Mgmt::MgmtActionsDeleted::fields() },
    };
    // MgmtBaseEntity's audit fields, on what the API records them for.
    static const QStringList audited = { u"Target"_s,      u"AutoAssignment"_s,     u"Rollout"_s,
                                         u"Tag"_s,         u"SoftwareModuleType"_s, u"DistributionSetType"_s,
                                         u"TargetType"_s,  u"SoftwareModule"_s,     u"DistributionSet"_s,
                                         u"TargetFilter"_s };
    QJsonObject out;
    for (const auto &[name, fields] : all) {
        QJsonObject properties;
        if (audited.contains(QLatin1StringView(name))) {
            for (const Mgmt::FieldSpec &f : Mgmt::MgmtAudit::fields())
                properties.insert(QLatin1StringView(f.name), QJsonObject { { "type"_L1, QLatin1StringView(f.type) } });
        }
        for (const Mgmt::FieldSpec &f : *fields) {
            QJsonObject p;
            if (*f.type)
                p.insert("type"_L1, QLatin1StringView(f.type));
            properties.insert(QLatin1StringView(f.name), p);
        }
        out.insert(QLatin1StringView(name),
                   QJsonObject { { "type"_L1, u"object"_s }, { "properties"_L1, properties } });
    }
    return out;
}

const QString &ManagementServer::templateOf(const Route &route)
{
    // <arg> -> {id}, {id2}: OpenAPI path templates, made once per route (routes() is static).
    static const QHash<const Route *, QString> templates = [] {
        QHash<const Route *, QString> out;
        for (const Route &r : routes()) {
            QString path = Base + r.path;
            const bool rolloutCommand = r.handler == &ManagementServer::rolloutCommand;
            for (int n = 1; path.contains(u"<arg>"_s); ++n)
                path.replace(path.indexOf(u"<arg>"_s), 5,
                             rolloutCommand && n == 2 ? u"{command}"_s
                                 : n == 1             ? u"{id}"_s
                                                      : u"{id%1}"_s.arg(n));
            out.insert(&r, path);
        }
        return out;
    }();
    return *templates.constFind(&route);
}

QJsonObject ManagementServer::openApi()
{
    QJsonObject paths;
    for (const Route &r : routes()) {
        const QString path = templateOf(r);
        QJsonArray parameters;
        for (const QString &name : { u"id"_s, u"id2"_s, u"command"_s }) {
            if (path.contains(u'{' + name + u'}'))
                parameters.append(QJsonObject { { "name"_L1, name },
                                                { "in"_L1, u"path"_s },
                                                { "required"_L1, true },
                                                { "schema"_L1, QJsonObject { { "type"_L1, u"string"_s } } } });
        }
        if (r.method == Method::Get && !path.endsWith(u'}')) {
            for (const QString &name : { u"offset"_s, u"limit"_s, u"sort"_s, u"q"_s })
                parameters.append(QJsonObject { { "name"_L1, name },
                                                { "in"_L1, u"query"_s },
                                                { "schema"_L1, QJsonObject { { "type"_L1, u"string"_s } } } });
        }
        const QJsonObject error {
            { "description"_L1, u"error: hawkBit's ExceptionInfo {exceptionClass, errorCode, message}"_s },
            { "content"_L1,
              QJsonObject { { "application/json"_L1,
                              QJsonObject { { "schema"_L1,
                                              QJsonObject { { "$ref"_L1, u"#/components/schemas/Error"_s } } } } } } }
        };
        QJsonObject operation { { "summary"_L1, r.summary },
                                { "description"_L1, u"Requires %1."_s.arg(nameOf(r.permission)) },
                                { "parameters"_L1, parameters },
                                { "responses"_L1,
                                  QJsonObject { { "200"_L1, QJsonObject { { "description"_L1, u"OK"_s } } },
                                                { "400"_L1, error },
                                                { "401"_L1, error },
                                                { "403"_L1, error },
                                                { "404"_L1, error } } } };
        const QString method = r.method == Method::Get ? u"get"_s
            : r.method == Method::Post                 ? u"post"_s
            : r.method == Method::Put                  ? u"put"_s
                                                       : u"delete"_s;
        QJsonObject item = paths.value(path).toObject();
        item.insert(method, operation);
        paths.insert(path, item);
    }
    paths.insert(
        Base + u"/events"_s,
        QJsonObject { { "get"_L1,
                        QJsonObject { { "summary"_L1, u"WebSocket of live events (?since=<seq> replays)"_s },
                                      { "responses"_L1,
                                        QJsonObject { { "101"_L1,
                                                        QJsonObject { { "description"_L1,
                                                                        u"Switching protocols"_s } } } } } } } });
    return {
        { "openapi"_L1, u"3.0.3"_s },
        { "info"_L1, QJsonObject { { "title"_L1, u"Flotilla Management API"_s }, { "version"_L1, u"v1"_s } } },
        { "paths"_L1, paths },
        { "components"_L1,
          QJsonObject {
              { "securitySchemes"_L1,
                QJsonObject {
                    { "basic"_L1, QJsonObject { { "type"_L1, u"http"_s }, { "scheme"_L1, u"basic"_s } } },
                    { "bearer"_L1, QJsonObject { { "type"_L1, u"http"_s }, { "scheme"_L1, u"bearer"_s } } } } },
              { "schemas"_L1, schemas() } } },
        { "security"_L1,
          QJsonArray { QJsonObject { { "basic"_L1, QJsonArray() } }, QJsonObject { { "bearer"_L1, QJsonArray() } } } },
    };
}

void ManagementServer::install(QHttpServer &server)
{
    for (const Route &route : routes()) {
        const int args = int(route.path.count(u"<arg>"_s));
        const QString pattern = Base + route.path;
        const Route *r = &route; // routes() is static: the pointer stays valid
        if (args == 0)
            server.route(pattern, route.method, this,
                         [=, this](const QHttpServerRequest &q, QHttpServerResponder &w) { handle(q, w, *r, {}); });
        else if (args == 1)
            server.route(pattern, route.method, this,
                         [=, this](const QString &a, const QHttpServerRequest &q, QHttpServerResponder &w) {
                             handle(q, w, *r, { a });
                         });
        else
            server.route(pattern, route.method, this,
                         [=, this](const QString &a, const QString &b, const QHttpServerRequest &q,
                                   QHttpServerResponder &w) { handle(q, w, *r, { a, b }); });
    }
    // The API describes itself (no credentials needed to read the description).
    server.route(Base + u"/openapi.json"_s, Method::Get, this, [](const QHttpServerRequest &, QHttpServerResponder &w) {
        w.write(QJsonDocument(openApi()), QHttpServerResponder::StatusCode::Ok);
    });
}

void ManagementServer::handle(const QHttpServerRequest &request, QHttpServerResponder &responder, const Route &route,
                              QStringList args)
{
    QElapsedTimer timer;
    timer.start();
    Context ctx { request, responder, std::move(args), {}, m_externalUrl.baseFor(request) };
    serve(ctx, route);
    if (m_metrics)
        m_metrics->recordRequest("mgmt"_L1, templateOf(route), httpMethodName(route.method), ctx.answered,
                                 timer.nsecsElapsed());
}

void ManagementServer::serve(Context &ctx, const Route &route)
{
    const QHttpServerRequest &request = ctx.request;
    Permission permission = route.permission;
    const Handler handler = route.handler;
    const Lookup<Operator> who = m_accounts.authenticate(request.value("authorization"));
    if (who.failed()) // not "wrong credentials": a client would ask its user for a password that is right
        return ctx.fail(Errors::Generic, u"the credentials could not be checked: %1"_s.arg(who.error().message));
    if (who.absent())
        return ctx.fail(Status::Unauthorized, u"valid Basic or Bearer credentials are required"_s);
    ctx.who = *who;
    // Approving is its own permission; every other rollout command needs HANDLE_ROLLOUT.
    const QString command = ctx.args.value(1);
    if (handler == &ManagementServer::rolloutCommand && (command == u"approve"_s || command == u"deny"_s))
        permission = Permission::ApproveRollout;
    if (!who->can(permission))
        return ctx.fail(Status::Forbidden, u"%1 lacks the permission %2"_s.arg(who->name, nameOf(permission)));
    if (changes(route))
        return handleChange(ctx, route);
    (this->*handler)(ctx);
}

std::optional<QJsonArray> ManagementServer::createEach(Context &ctx, qsizetype count,
                                                       const std::function<std::optional<QJsonObject>(int)> &create)
{
    QJsonArray out;
    StoreTransaction tx(m_store); // a failed item rolls back the ones before it
    for (int i = 0; i < count; ++i) {
        std::optional<QJsonObject> created = create(i);
        if (!created)
            return std::nullopt;
        out.append(*created);
    }
    if (!ctx.succeeded(tx.commit()))
        return std::nullopt;
    return out;
}

Result<MgmtDistributionSet> ManagementServer::setOf(const DistributionSet &set)
{
    const Result<QList<SoftwareModule>> modules = m_store.repository().modulesOfSet(set.id);
    if (!modules)
        return modules.error();
    const Result<bool> complete = RepositoryService(m_store.stores()).isComplete(set.id);
    if (!complete)
        return complete.error();
    return mgmtSet(set, *modules, *complete);
}

namespace {
// What the API answers when an account change is refused or fails (a failure of the store is hawkBit's generic 500).
Error accountError(const Failure &failure)
{
    if (failure.code == OperatorAccounts::Invalid)
        return errorFor(Status::BadRequest);
    if (failure.code == OperatorAccounts::Unknown)
        return errorFor(Status::NotFound);
    if (failure.code == OperatorAccounts::Exists || failure.code == OperatorAccounts::LastAdministrator)
        return errorFor(Status::Conflict);
    return Errors::Generic;
}
} // namespace

void ManagementServer::issueToken(Context &ctx)
{
    const Result<std::pair<QString, QDateTime>> token = m_accounts.issueToken(ctx.who, 8 * 3600);
    if (!ctx.succeeded(token))
        return;
    ctx.send(Mgmt::MgmtToken { token->first, token->second.toMSecsSinceEpoch() }.toJson(), Status::Created);
}

void ManagementServer::userInfo(Context &ctx)
{
    Mgmt::MgmtUserInfo info { m_tenant, ctx.who.name, {} };
    for (int p = 0; p <= int(Permission::UserAdmin); ++p) {
        if (ctx.who.can(Permission(p)))
            info.permissions.append(nameOf(Permission(p)));
    }
    ctx.send(info.toJson());
}

void ManagementServer::listUsers(Context &ctx)
{
    const Result<QList<Operator>> users = m_accounts.users();
    if (!ctx.succeeded(users))
        return;
    QJsonArray list;
    for (const Operator &op : *users)
        list.append(Mgmt::MgmtUser { op.id, op.name, op.roles }.toJson());
    ctx.sendPage(list, list.size());
}

void ManagementServer::createUser(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    Mgmt::DecodeError error;
    const std::optional<Mgmt::MgmtUserRequestBody> user = Mgmt::MgmtUserRequestBody::fromJson(*body, &error);
    if (!user)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    const Result<Operator> created
        = m_accounts.createUser(user->username.value_or(QString()), user->password.value_or(QString()), user->roles);
    if (!created)
        return ctx.fail(accountError(created.error()), created.error().message);
    ctx.send(Mgmt::MgmtUser { created->id, created->name, created->roles }.toJson(), Status::Created);
}

void ManagementServer::updateUser(Context &ctx)
{
    const auto body = ctx.jsonObject();
    if (!body)
        return;
    Mgmt::DecodeError error;
    const std::optional<Mgmt::MgmtUserRequestBody> user = Mgmt::MgmtUserRequestBody::fromJson(*body, &error);
    if (!user)
        return ctx.fail(Errors::BodyNotReadable, error.message);
    const QStringList &roles = user->roles;
    const Result<Operator> updated
        = m_accounts.updateUser(ctx.args.value(0), user->password.value_or(QString()), roles);
    if (!updated)
        return ctx.fail(accountError(updated.error()), updated.error().message);
    ctx.send(Mgmt::MgmtUser { updated->id, updated->name, updated->roles }.toJson());
}

void ManagementServer::deleteUser(Context &ctx)
{
    if (const Result<void> deleted = m_accounts.deleteUser(ctx.args.value(0)); !deleted)
        return ctx.fail(accountError(deleted.error()), deleted.error().message);
    ctx.send(QJsonValue(), Status::NoContent);
}

} // namespace Flotilla
