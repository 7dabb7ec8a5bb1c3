#pragma once

#include "backend/rsqlcompiler.h"
#include "engine/result.h"
#include "engine/store.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>

namespace Flotilla {

// The Store on QtSql: SQLite by default (one file, WAL), PostgreSQL for scale. Opening runs the versioned
// schema migrations; a database whose schema is newer than this code is refused and left untouched.
// One SqlStore per thread (a QSqlDatabase connection belongs to the thread that opened it).
// A committed change, for the event stream: what changed and its id (and the id it belongs to).
struct StoreChange
{
    enum class Kind : quint8 {
        TargetCreated,
        TargetUpdated,
        TargetDeleted,
        ActionCreated,
        ActionChanged, // state or a new status history entry
        RolloutCreated,
        RolloutChanged,
        RolloutGroupChanged,
        ArtifactCreated,
        RepositoryChanged, // a module, set or type was created or changed
    };
    Kind kind;
    qint64 id = 0;
    friend bool operator==(const StoreChange &, const StoreChange &) = default;
};

class SqlStore final : public Store
{
public:
    SqlStore();
    ~SqlStore() override;
    Q_DISABLE_COPY_MOVE(SqlStore)

    // url: "sqlite:/path/to/file.db", a plain file path, or "postgres://user:password@host:port/database".
    bool open(const QString &url);
    bool isOpen() const;
    int schemaVersion();
    static int latestSchemaVersion();
    QString driverName() const;

    bool begin() override;
    bool commit() override;
    void rollback() override;
    QString lastError() const override { return m_error; }

    TenantConfiguration tenantConfiguration() override;
    bool setTenantConfiguration(const TenantConfiguration &config) override;

    qint64 insertTarget(const Target &target) override;
    std::optional<Target> target(qint64 id) override;
    std::optional<Target> targetByControllerId(const QString &controllerId) override;
    bool updateTarget(const Target &target) override;
    std::optional<DeviceTarget> deviceTarget(const QString &controllerId) override;
    std::optional<QList<qint64>> targetIdsMatching(const QString &rsqlFilter) override;
    bool recordPolls(const QList<PollRecord> &polls) override;
    bool recordPoll(const PollRecord &poll, TargetState state) override;
    QMap<QString, QString> targetAttributes(qint64 targetId) override;
    bool setTargetAttributes(qint64 targetId, const QMap<QString, QString> &attributes) override;

    qint64 insertDistributionSet(const DistributionSet &set) override;
    std::optional<DistributionSet> distributionSet(qint64 id) override;
    std::optional<DistributionSet> distributionSetByNameVersion(const QString &name, const QString &version) override;
    bool lockDistributionSet(qint64 id) override;
    bool addModuleToSet(qint64 distributionSetId, qint64 moduleId) override;
    QList<SoftwareModule> modulesOfSet(qint64 distributionSetId) override;

    qint64 insertSoftwareModuleType(const SoftwareModuleType &type) override;
    std::optional<SoftwareModuleType> softwareModuleType(const QString &key) override;
    qint64 insertDistributionSetType(const DistributionSetType &type) override;
    std::optional<DistributionSetType> distributionSetType(const QString &key) override;
    qint64 insertTargetType(const TargetType &type) override;
    std::optional<TargetType> targetType(const QString &key) override;
    qint64 insertSoftwareModule(const SoftwareModule &module) override;
    std::optional<SoftwareModule> softwareModule(qint64 id) override;
    qint64 insertArtifact(const Artifact &artifact) override;
    QList<Artifact> artifacts(qint64 moduleId) override;
    QList<std::pair<QString, QString>> deviceMetadata(qint64 moduleId) override;
    QList<TargetFilter> targetFilters() override;
    QList<AutoAssignment> autoAssignments() override;
    bool updateAutoAssignment(const AutoAssignment &autoAssignment) override;
    // hawkBit's /autoassignments beyond what the engine needs (sqlstoreautoassignments.cpp); where and orderBy
    // over "auto_assignments aa", as the RSQL compiler writes them.
    Result<QList<AutoAssignment>> autoAssignmentsWhere(const QString &where, const QVariantList &binds,
                                                       const QString &orderBy, int offset, int limit);
    std::optional<AutoAssignment> autoAssignment(qint64 id);
    qint64 insertAutoAssignment(const AutoAssignment &autoAssignment); // the id, 0 on failure
    bool deleteAutoAssignment(qint64 id);
    bool deleteAutoAssignmentsOfSet(qint64 setId); // an invalidated set is never auto-assigned again
    QSet<qint64> targetsWithActionFor(qint64 distributionSetId) override;
    qint64 insertTargetFilter(const TargetFilter &filter);
    std::optional<TargetFilter> targetFilter(qint64 id);
    bool updateTargetFilter(const TargetFilter &filter); // everything of filter.id
    bool deleteTargetFilter(qint64 id);
    bool moduleVisibleToTarget(qint64 moduleId, qint64 targetId) override;

    qint64 insertAction(const Action &action) override;
    std::optional<Action> action(qint64 id) override;
    QList<Action> openActions(qint64 targetId) override;
    QList<Action> openActionsForPoll(qint64 targetId) override;
    int countActions(qint64 targetId) override;
    qint64 installedActionId(qint64 targetId) override;
    bool updateActionState(qint64 actionId, ActionState state, const QDateTime &at) override;

    bool appendStatus(qint64 actionId, const ActionStatusEntry &entry) override;
    QList<ActionStatusEntry> statusHistory(qint64 actionId, int offset, int limit) override;
    int countStatus(qint64 actionId) override;
    bool recordFeedbackOnce(qint64 actionId, const QString &key) override;

    qint64 insertRollout(const Rollout &rollout) override;
    std::optional<Rollout> rollout(qint64 id) override;
    QList<qint64> rolloutIdsInStates(const QList<RolloutState> &states) override;
    bool updateRolloutState(qint64 id, RolloutState state) override;
    qint64 insertRolloutGroup(const RolloutGroup &group) override;
    QList<RolloutGroup> rolloutGroups(qint64 rolloutId) override;
    bool updateRolloutGroupState(qint64 groupId, RolloutGroupState state) override;
    bool addRolloutGroupTargets(qint64 groupId, const QList<qint64> &targetIds) override;
    QList<qint64> rolloutGroupTargets(qint64 groupId) override;
    QList<Action> rolloutGroupActions(qint64 groupId) override;
    GroupCounts rolloutGroupCounts(qint64 groupId) override;

    // Called with the changes of each committed transaction (or single write outside one), in order and
    // without repeats; rolled-back changes are never reported.
    void setChangeListener(std::function<void(const QList<StoreChange> &)> listener);

    // Listings for the Management API. where is compiled RSQL (placeholders only); orderBy is one of the
    // caller's own column lists, never user text.
    // A failed statement is a Failure (code "flotilla.store"), never an empty page.
    Result<QList<Target>> targetsWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                       int offset, int limit);
    Result<int> countTargetsWhere(const QString &where, const QVariantList &binds);
    // One page of sets / actions (with the target's controllerId) in one query; where and orderBy over
    // "distribution_sets s" / "actions a", as the RSQL compiler writes them.
    Result<QList<DistributionSet>> distributionSetsWhere(const QString &where, const QVariantList &binds,
                                                         const QString &orderBy, int offset, int limit);
    Result<QList<std::pair<Action, QString>>> actionsWhere(const QString &where, const QVariantList &binds,
                                                           const QString &orderBy, int offset, int limit);
    // One page of modules ("software_modules m") / rollouts ("rollouts r") in one query, and what each row shows
    // for a whole page in one more: the modules' artifacts, the rollouts' groups, the groups' action counts.
    Result<QList<SoftwareModule>> modulesWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                               int offset, int limit);
    Result<QHash<qint64, QList<Artifact>>> artifactsOfModules(const QList<qint64> &moduleIds);
    Result<QList<Rollout>> rolloutsWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                         int offset, int limit);
    Result<QHash<qint64, QList<RolloutGroup>>> rolloutGroupsOf(const QList<qint64> &rolloutIds); // by position
    Result<QHash<qint64, GroupCounts>> rolloutGroupCountsOf(const QList<qint64> &groupIds);
    // The console's overview, one query each. Targets by update status (index: TargetState), those that never
    // polled, and those whose last poll is older than overdueBeforeMs.
    struct FleetCounts
    {
        QList<qint64> byState = QList<qint64>(int(TargetState::Error) + 1, 0);
        qint64 total = 0;
        qint64 neverSeen = 0;
        qint64 overdue = 0;
        qint64 oldestFreshPoll = 0; // ms: the oldest last poll not yet overdue (0: none), when the next one turns
    };
    Result<FleetCounts> fleetCounts(qint64 overdueBeforeMs);
    // Error statuses reported since sinceMs, grouped by their last message (the reason, in DDI feedback), most
    // frequent first: how many statuses and how many distinct targets. At most scanLimit statuses, the newest,
    // are read; truncated says whether there were more.
    struct ErrorCount
    {
        QString message;
        qint64 count = 0;
        qint64 targets = 0;
    };
    struct RecentErrors
    {
        QList<ErrorCount> errors;
        bool truncated = false;
    };
    Result<RecentErrors> recentErrors(qint64 sinceMs, int scanLimit = 200000);
    // What the rollout forecast learns from history: of the newest `limit` actions closed since sinceMs as
    // finished or in error, how many of each, and the median time from a device's first report on an action to
    // its last (-1 without any).
    struct ActionOutcomes
    {
        qint64 finished = 0;
        qint64 failed = 0;
        qint64 medianSecs = -1;
    };
    Result<ActionOutcomes> actionOutcomes(qint64 sinceMs, int limit = 10000);
    // The attributes of the targets matching compiled RSQL over "targets t", by target id, in one query.
    Result<QHash<qint64, QMap<QString, QString>>> targetAttributesWhere(const QString &where,
                                                                        const QVariantList &binds);
    QList<Action> actionsOfTarget(qint64 targetId, int offset, int limit); // newest first
    int countRows(const QString &table);
    // Ids of an entity's rows matching compiled RSQL (RsqlCompiler: its alias, t, m, s, r, a or aa), by id.
    QList<qint64> idsWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds,
                           const QString &orderBy, int offset, int limit);
    Result<int> countWhere(RsqlCompiler::Entity entity, const QString &where, const QVariantList &binds);
    // What uses a set or a rollout, counted (the Management API's checks and statistics).
    Result<int> countSetsOfType(const QString &setTypeKey);
    Result<int> countAutoAssignmentsOfSet(qint64 setId);
    Result<int> countActionsOfRollout(qint64 rolloutId);
    // The three kinds of type; the Management API names them, the store alone knows their tables.
    enum class TypeKind : quint8 { SoftwareModule, DistributionSet, Target };
    QStringList typeKeys(TypeKind kind); // oldest first
    bool updateActionType(qint64 actionId, ActionType type);
    bool deleteArtifact(qint64 artifactId); // the row; the caller removes unreferenced content
    int countArtifactsWithContent(const QString &sha256);
    bool deleteRollout(qint64 rolloutId); // groups and their target lists; actions keep their history
    // A rollout's actions as spans in time, for charts and timelines: created, started (the first history entry
    // that is neither SCHEDULED nor WAIT_FOR_CONFIRMATION; null while it has none) and closed (null while open).
    struct ActionSpan
    {
        qint64 id = 0;
        QString controllerId;
        qint64 groupId = 0;
        ActionState state = ActionState::Scheduled;
        QDateTime createdAt;
        QDateTime startedAt;
        QDateTime closedAt;
    };
    QList<ActionSpan> rolloutActionSpans(qint64 rolloutId, int offset, int limit);
    // What refers to a module / set / type, in words, for a refused delete; empty when nothing does.
    QStringList dependentsOfModule(qint64 moduleId);
    QStringList dependentsOfSet(qint64 setId);
    QStringList dependentsOfType(TypeKind kind, const QString &key);
    bool deleteSoftwareModule(qint64 moduleId); // with its artifact rows
    bool deleteDistributionSet(qint64 setId);
    bool deleteType(TypeKind kind, const QString &key);
    // hawkBit's PUT on a type: name, description and colour (key and content stay).
    bool updateTypeDetails(TypeKind kind, const QString &key, const QString &name, const QString &description,
                           const QString &colour);
    bool setCompatibleSetTypes(qint64 targetTypeId, const QStringList &setTypeKeys); // a target type's
    bool setModuleTypesOfSetType(qint64 setTypeId, const QStringList &mandatory, const QStringList &optional);
    // Closed actions with their history; open ones are left alone. Returns how many went.
    int deleteClosedActions(const QList<qint64> &actionIds);
    bool updateUser(qint64 id, const QString &passwordHash, const QStringList &roles); // empty hash: keep
    bool deleteUser(qint64 id);
    // Conditions over "targets t" for targetsWhere / countTargetsWhere, to combine with compiled RSQL: the targets
    // of a group (with its subgroups: the group and every path below it), and those a set is assigned to or
    // installed on.
    static SqlCondition targetsInGroup(const QString &group, bool withSubgroups);
    static SqlCondition targetsWithSet(qint64 setId, bool installed);
    // The targets of a rollout group, over "targets t": a whole list in one query, not one read per target.
    static SqlCondition targetsOfRolloutGroup(qint64 groupId);
    std::optional<AutoAssignment> autoAssignmentByName(const QString &name);
    // Puts targets in a target group (empty: in none), in one transaction; and the groups targets are in, sorted.
    bool setTargetGroup(const QList<qint64> &targetIds, const QString &group);
    QStringList targetGroups();
    // Removes a target with its actions, their history and its attributes.
    bool deleteTarget(qint64 targetId);

    // Tags: target tags (labels operators group targets by; RSQL field `tag`) and distribution set tags, each
    // kind in its own tables, as hawkBit keeps them. A member is a target or a set, by id.
    enum class TagKind : quint8 { Target, DistributionSet };
    struct TagRow
    {
        qint64 id = 0;
        QString name;
        QString description;
        QString colour;
    };
    qint64 insertTag(TagKind kind, const TagRow &tag);
    QList<TagRow> tags(TagKind kind);
    std::optional<TagRow> tag(TagKind kind, qint64 id);
    bool deleteTag(TagKind kind, qint64 id);
    bool tagMember(TagKind kind, qint64 tagId, qint64 memberId, bool tagged); // idempotent
    // The members of a tag as a condition over "targets t" or "distribution_sets s" (by its kind), for
    // targetsWhere / distributionSetsWhere: the list in one query.
    static SqlCondition membersOfTag(TagKind kind, qint64 tagId);
    QList<qint64> tagsOf(TagKind kind, qint64 memberId);
    bool updateTag(TagKind kind, const TagRow &tag); // name, description, colour of tag.id

    // The Management API's PUTs (hawkBit's MgmtDistributionSetRequestBodyPut, MgmtSoftwareModuleRequestBodyPut,
    // MgmtRolloutRestRequestBodyPut).
    bool updateDistributionSet(const DistributionSet &set); // name, version, description, migration step, lock, valid
    QList<qint64> openActionIdsOfSet(qint64 setId); // hawkBit's invalidation cancels them
    QList<qint64> rolloutIdsOfSet(qint64 setId);
    // hawkBit's set statistics: how many of the set's actions, and of its rollouts, are in each state.
    QMap<ActionState, qint64> actionCountsOfSet(qint64 setId);
    QMap<RolloutState, qint64> rolloutCountsOfSet(qint64 setId);
    bool updateSoftwareModule(const SoftwareModule &module); // description, vendor
    bool updateRolloutText(qint64 id, const QString &name, const QString &description);
    // Modules that belong to a locked set (hawkBit locks a set's modules with it), of the given ones.
    QSet<qint64> modulesInLockedSets(const QList<qint64> &moduleIds);

    // Metadata (hawkBit's MgmtMetadata) of targets, software modules and distribution sets, by kind ("target",
    // "softwaremodule", "distributionset") and id. targetVisible only means something for modules.
    struct MetadataEntry
    {
        QString key;
        QString value;
        bool targetVisible = false;
    };
    QList<MetadataEntry> metadata(const QString &kind, qint64 id); // by key
    std::optional<MetadataEntry> metadataEntry(const QString &kind, qint64 id, const QString &key);
    bool setMetadata(const QString &kind, qint64 id, const MetadataEntry &entry); // insert or replace
    bool deleteMetadata(const QString &kind, qint64 id, const QString &key); // empty key: all of the entity's

    // Who created and last changed an entity through the Management API (hawkBit's createdBy/createdAt/
    // lastModifiedBy/lastModifiedAt), by kind ("target", "softwaremodule", ...) and id.
    struct AuditRow
    {
        QString createdBy;
        QDateTime createdAt;
        QString modifiedBy;
        QDateTime modifiedAt;
    };
    bool recordAudit(const QString &kind, qint64 id, const QString &who, const QDateTime &at, bool created);
    QHash<qint64, AuditRow> audit(const QString &kind, const QList<qint64> &ids); // one query
    // The code of each action's newest status entry that carries one (hawkBit's lastStatusCode); one query.
    QHash<qint64, int> lastStatusCodes(const QList<qint64> &actionIds);
    bool forgetAudit(const QString &kind, qint64 id);

    // The audit trail: one entry per operator change through the Management API, written in the change's own
    // transaction; append-only (nothing but retention removes an entry).
    struct AuditEntry
    {
        qint64 id = 0;
        QDateTime at;
        QString actor; // the operator
        QString address; // the client's address (behind a trusted proxy: the one it forwards for)
        QString method; // POST, PUT, PATCH, DELETE
        QString path; // below /rest/v1, with its query
        int status = 0; // what was answered
        QString entity; // the collection: "targets", "distributionsets", ...
        QString entityId; // its first path segment after the collection, if any
        QByteArray request; // compact JSON (secrets redacted), or a description of a non-JSON body
        QByteArray before; // the resource as a GET answered it before the change (JSON), or empty
        QByteArray after; // the answer (JSON), or empty
    };
    bool appendAuditEntry(const AuditEntry &entry);
    Result<QList<AuditEntry>> auditEntriesWhere(const QString &where, const QVariantList &binds, const QString &orderBy,
                                                int offset, int limit);
    // Removes the entries older than `before`; how many.
    Result<int> pruneAuditEntries(const QDateTime &before);

    // Operators of the Management API (not the engine's business: no Store interface).
    struct UserRow
    {
        qint64 id = 0;
        QString name;
        QString passwordHash;
        QStringList roles;
    };
    qint64 insertUser(const QString &name, const QString &passwordHash, const QStringList &roles);
    std::optional<UserRow> userByName(const QString &name);
    QList<UserRow> users();
    int countUsers();
    bool insertToken(qint64 userId, const QString &tokenHash, const QDateTime &expires);
    std::optional<UserRow> userByTokenHash(const QString &tokenHash, const QDateTime &now);

    // The query plan of the open-actions lookup every poll runs (EXPLAIN), for benchmarks and tests.
    QString explainOpenActions(qint64 targetId);

private:
    static QString typeTable(TypeKind kind);
    bool migrate();
    bool exec(const QString &sql);
    // Statements are prepared once per connection and reused (forward-only).
    QSqlQuery &prepared(const QString &sql);
    void finishStatements();
    // sql selects targetColumns with one bound value.
    std::optional<Target> targetWhere(const QString &sql, const QVariant &value);
    bool setError(const QString &what, const QSqlQuery &q);
    // setError, as the Error a Result carries.
    Failure failed(const QString &what, const QSqlQuery &q);

    QSqlDatabase m_db;
    QString m_connection;
    QString m_error;
    bool m_postgres = false;
    std::optional<TenantConfiguration> m_config;
    QHash<QString, QSqlQuery> m_statements;
    int m_txDepth = 0;
    bool m_rollbackOnly = false;
    void changed(StoreChange::Kind kind, qint64 id);
    void deliverChanges();
    std::function<void(const QList<StoreChange> &)> m_listener;
    QList<StoreChange> m_changes;
};

} // namespace Flotilla
