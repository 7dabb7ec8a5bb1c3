// SqlStore: the schema, as versioned migrations.
#include "backend/sqlstore_p.h"

namespace Flotilla::SqlStoreDetail {

// Versioned migrations. {PK} becomes the driver's auto-increment primary key. Never edit a released
// migration: add a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> m = {
        // 1: targets, distribution sets, actions, status history, feedback receipts, tenant configuration
        {
            QStringLiteral("CREATE TABLE tenant_config (key VARCHAR(128) PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE distribution_sets (id {PK}, name VARCHAR(128) NOT NULL, version VARCHAR(64) NOT NULL, "
                "type_key VARCHAR(64), required_migration SMALLINT NOT NULL DEFAULT 0, "
                "locked SMALLINT NOT NULL DEFAULT 0, UNIQUE (name, version))"),
            QStringLiteral(
                "CREATE TABLE targets (id {PK}, controller_id VARCHAR(256) NOT NULL UNIQUE, name VARCHAR(256), "
                "description TEXT, state SMALLINT NOT NULL, security_token VARCHAR(128) NOT NULL, "
                "address VARCHAR(512), last_poll BIGINT, installed_ds BIGINT REFERENCES distribution_sets(id), "
                "assigned_ds BIGINT REFERENCES distribution_sets(id), auto_confirm SMALLINT NOT NULL DEFAULT 0, "
                "auto_confirm_initiator VARCHAR(256), auto_confirm_remark TEXT, created_at BIGINT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE actions (id {PK}, target_id BIGINT NOT NULL REFERENCES targets(id), "
                "ds_id BIGINT NOT NULL REFERENCES distribution_sets(id), type SMALLINT NOT NULL, force_time BIGINT, "
                "weight INTEGER NOT NULL, mw_schedule VARCHAR(128), mw_duration VARCHAR(16), mw_timezone VARCHAR(64), "
                "confirmation_required SMALLINT NOT NULL, state SMALLINT NOT NULL, active SMALLINT NOT NULL, "
                "created_at BIGINT NOT NULL, last_modified BIGINT NOT NULL, rollout_id BIGINT, "
                "rollout_group_id BIGINT, initiator VARCHAR(256))"),
            // The presentation lookup: a target's open actions by weight, then age. Partial: closed actions cost
            // nothing.
            QStringLiteral("CREATE INDEX actions_open ON actions (target_id, weight DESC, id) WHERE active = 1"),
            QStringLiteral("CREATE INDEX actions_target ON actions (target_id)"),
            QStringLiteral("CREATE TABLE action_status (id {PK}, action_id BIGINT NOT NULL REFERENCES actions(id), "
                           "at BIGINT NOT NULL, status SMALLINT NOT NULL, code INTEGER, messages TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX action_status_action ON action_status (action_id, id)"),
            QStringLiteral("CREATE TABLE feedback_receipts (action_id BIGINT NOT NULL REFERENCES actions(id), "
                           "dedup_key VARCHAR(128) NOT NULL, PRIMARY KEY (action_id, dedup_key))"),
        },
        // 2: rollouts and their groups
        {
            QStringLiteral(
                "CREATE TABLE rollouts (id {PK}, name VARCHAR(128) NOT NULL UNIQUE, description TEXT, "
                "target_filter TEXT, ds_id BIGINT NOT NULL REFERENCES distribution_sets(id), type SMALLINT NOT NULL, "
                "force_time BIGINT, start_at BIGINT, weight INTEGER NOT NULL, confirmation_required SMALLINT NOT NULL, "
                "dynamic SMALLINT NOT NULL, state SMALLINT NOT NULL, created_at BIGINT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE rollout_groups (id {PK}, rollout_id BIGINT NOT NULL REFERENCES rollouts(id), "
                "position INTEGER NOT NULL, name VARCHAR(128) NOT NULL, state SMALLINT NOT NULL, "
                "success_pct INTEGER NOT NULL, success_action SMALLINT NOT NULL, error_pct INTEGER NOT NULL, "
                "target_pct DOUBLE PRECISION NOT NULL, UNIQUE (rollout_id, position))"),
            QStringLiteral(
                "CREATE TABLE rollout_group_targets (group_id BIGINT NOT NULL REFERENCES rollout_groups(id), "
                "target_id BIGINT NOT NULL REFERENCES targets(id), PRIMARY KEY (group_id, target_id))"),
            QStringLiteral("CREATE INDEX actions_group ON actions (rollout_group_id, state)"),
        },
        // 3: software modules and their artifacts, the modules of a set, target attributes
        {
            QStringLiteral(
                "CREATE TABLE software_modules (id {PK}, type_key VARCHAR(64) NOT NULL, name VARCHAR(128) NOT NULL, "
                "version VARCHAR(64) NOT NULL, vendor VARCHAR(256), description TEXT, "
                "encrypted SMALLINT NOT NULL DEFAULT 0, UNIQUE (type_key, name, version))"),
            QStringLiteral(
                "CREATE TABLE artifacts (id {PK}, module_id BIGINT NOT NULL REFERENCES software_modules(id), "
                "filename VARCHAR(256) NOT NULL, size BIGINT NOT NULL, sha1 CHAR(40) NOT NULL, md5 CHAR(32) NOT NULL, "
                "sha256 CHAR(64) NOT NULL, created_at BIGINT NOT NULL, UNIQUE (module_id, filename))"),
            QStringLiteral(
                "CREATE TABLE ds_modules (ds_id BIGINT NOT NULL REFERENCES distribution_sets(id), "
                "module_id BIGINT NOT NULL REFERENCES software_modules(id), PRIMARY KEY (ds_id, module_id))"),
            QStringLiteral("CREATE INDEX ds_modules_module ON ds_modules (module_id)"),
            QStringLiteral("CREATE TABLE target_attributes (target_id BIGINT NOT NULL REFERENCES targets(id), "
                           "key VARCHAR(128) NOT NULL, value VARCHAR(128) NOT NULL, PRIMARY KEY (target_id, key))"),
            QStringLiteral("ALTER TABLE targets ADD COLUMN request_attributes SMALLINT NOT NULL DEFAULT 1"),
        },
        // 4: module, set and target types
        {
            QStringLiteral("CREATE TABLE software_module_types (id {PK}, key VARCHAR(64) NOT NULL UNIQUE, "
                           "name VARCHAR(128) NOT NULL, max_assignments INTEGER NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE ds_types (id {PK}, key VARCHAR(64) NOT NULL UNIQUE, name VARCHAR(128) NOT NULL)"),
            QStringLiteral("CREATE TABLE ds_type_module_types (ds_type_id BIGINT NOT NULL REFERENCES ds_types(id), "
                           "module_type_key VARCHAR(64) NOT NULL, mandatory SMALLINT NOT NULL, "
                           "PRIMARY KEY (ds_type_id, module_type_key))"),
            QStringLiteral(
                "CREATE TABLE target_types (id {PK}, key VARCHAR(64) NOT NULL UNIQUE, name VARCHAR(128) NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE target_type_ds_types (target_type_id BIGINT NOT NULL REFERENCES target_types(id), "
                "ds_type_key VARCHAR(64) NOT NULL, PRIMARY KEY (target_type_id, ds_type_key))"),
            QStringLiteral("ALTER TABLE targets ADD COLUMN target_type VARCHAR(64)"),
        },
        // 5: operators of the Management API and their bearer tokens
        {
            QStringLiteral(
                "CREATE TABLE users (id {PK}, name VARCHAR(64) NOT NULL UNIQUE, password_hash TEXT NOT NULL, "
                "roles TEXT NOT NULL, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE api_tokens (token_hash CHAR(64) PRIMARY KEY, "
                           "user_id BIGINT NOT NULL REFERENCES users(id), expires_at BIGINT NOT NULL)"),
        },
        // 6: target tags
        {
            QStringLiteral("CREATE TABLE target_tags (id {PK}, name VARCHAR(64) NOT NULL UNIQUE, description TEXT, "
                           "colour VARCHAR(16))"),
            QStringLiteral("CREATE TABLE target_tag_assignments (tag_id BIGINT NOT NULL REFERENCES target_tags(id), "
                           "target_id BIGINT NOT NULL REFERENCES targets(id), PRIMARY KEY (tag_id, target_id))"),
            QStringLiteral("CREATE INDEX target_tag_assignments_target ON target_tag_assignments (target_id)"),
        },
        // 7: hawkBit's rollout group fields: description, the group's own filter, its consent setting
        {
            QStringLiteral("ALTER TABLE rollout_groups ADD COLUMN description TEXT"),
            QStringLiteral("ALTER TABLE rollout_groups ADD COLUMN target_filter TEXT"),
            QStringLiteral("ALTER TABLE rollout_groups ADD COLUMN confirmation_required SMALLINT"),
        },
        // 8: who created and last changed what through the Management API
        {
            QStringLiteral("CREATE TABLE entity_audit (kind VARCHAR(32) NOT NULL, entity_id BIGINT NOT NULL, "
                           "created_by VARCHAR(256), created_at BIGINT, modified_by VARCHAR(256), "
                           "modified_at BIGINT, PRIMARY KEY (kind, entity_id))"),
            QStringLiteral("ALTER TABLE distribution_sets ADD COLUMN description TEXT"),
        },
        // 9: metadata of targets, modules and sets
        {
            QStringLiteral("CREATE TABLE entity_metadata (kind VARCHAR(32) NOT NULL, entity_id BIGINT NOT NULL, "
                           "meta_key VARCHAR(128) NOT NULL, meta_value TEXT NOT NULL, "
                           "target_visible SMALLINT NOT NULL DEFAULT 0, PRIMARY KEY (kind, entity_id, meta_key))"),
        },
        // 10: distribution set tags
        {
            QStringLiteral("CREATE TABLE ds_tags (id {PK}, name VARCHAR(64) NOT NULL UNIQUE, description TEXT, "
                           "colour VARCHAR(16))"),
            QStringLiteral("CREATE TABLE ds_tag_assignments (tag_id BIGINT NOT NULL REFERENCES ds_tags(id), "
                           "ds_id BIGINT NOT NULL REFERENCES distribution_sets(id), PRIMARY KEY (tag_id, ds_id))"),
            QStringLiteral("CREATE INDEX ds_tag_assignments_set ON ds_tag_assignments (ds_id)"),
        },
        // 11: target filters and their auto-assignments
        {
            QStringLiteral(
                "CREATE TABLE target_filters (id {PK}, name VARCHAR(64) NOT NULL UNIQUE, query TEXT NOT NULL, "
                "auto_ds BIGINT REFERENCES distribution_sets(id), auto_type SMALLINT NOT NULL DEFAULT 0, "
                "auto_weight INTEGER NOT NULL DEFAULT 1000, auto_confirm SMALLINT NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX actions_set ON actions (ds_id, target_id)"),
        },
        // 12: invalidated distribution sets
        {
            QStringLiteral("ALTER TABLE distribution_sets ADD COLUMN valid SMALLINT NOT NULL DEFAULT 1"),
        },
        // 13: hawkBit's type details (description, colour, minArtifacts), target groups, auto-assignments
        {
            QStringLiteral("ALTER TABLE software_module_types ADD COLUMN description TEXT"),
            QStringLiteral("ALTER TABLE software_module_types ADD COLUMN colour VARCHAR(16)"),
            QStringLiteral("ALTER TABLE software_module_types ADD COLUMN min_artifacts INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE ds_types ADD COLUMN description TEXT"),
            QStringLiteral("ALTER TABLE ds_types ADD COLUMN colour VARCHAR(16)"),
            QStringLiteral("ALTER TABLE target_types ADD COLUMN description TEXT"),
            QStringLiteral("ALTER TABLE target_types ADD COLUMN colour VARCHAR(16)"),
            QStringLiteral("ALTER TABLE targets ADD COLUMN target_group VARCHAR(256)"),
            QStringLiteral("CREATE INDEX targets_group ON targets (target_group)"),
            QStringLiteral(
                "CREATE TABLE auto_assignments (id {PK}, name VARCHAR(128) NOT NULL UNIQUE, description TEXT, "
                "query TEXT NOT NULL, ds_id BIGINT NOT NULL REFERENCES distribution_sets(id), "
                "status SMALLINT NOT NULL, start_at BIGINT, action_type SMALLINT NOT NULL, weight INTEGER NOT NULL, "
                "confirmation_required SMALLINT NOT NULL, decided_by VARCHAR(64), remark VARCHAR(255))"),
        },
        // 14: the overview's recent errors: error statuses by time (a partial index: only error rows pay for it)
        {
            QStringLiteral("CREATE INDEX action_status_errors ON action_status (at) WHERE status = %1")
                .arg(int(HistoryStatus::Error)),
        },
        // 15: the audit trail of operator changes (append-only; retention removes by time)
        {
            QStringLiteral("CREATE TABLE audit_log (id {PK}, at BIGINT NOT NULL, actor VARCHAR(64) NOT NULL, "
                           "address VARCHAR(64), method VARCHAR(8) NOT NULL, path TEXT NOT NULL, "
                           "status SMALLINT NOT NULL, entity VARCHAR(64), entity_id VARCHAR(256), request TEXT, "
                           "before_value TEXT, after_value TEXT)"),
            QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)"),
        },
        // 16: what the Management API's filters and sorts need at a million targets (tests/bench/queryplans.cpp
        // prints the plans): RSQL compares text in lower case, so its indexes are on LOWER(column); the total of a
        // rollout's actions and its timeline by rollout; the action list by state. Not indexed on purpose: the
        // last poll time and the address (polls write them; an index there would make each poll's update write
        // every index of the table on PostgreSQL, and that index on SQLite) and the target type (a handful of
        // values, each a large share of the fleet).
        {
            QStringLiteral("CREATE INDEX targets_controller_lower ON targets (LOWER(controller_id){PATTERN})"),
            QStringLiteral("CREATE INDEX targets_name_lower ON targets (LOWER(name){PATTERN})"),
            QStringLiteral("CREATE INDEX targets_name ON targets (name, id)"),
            QStringLiteral("CREATE INDEX targets_group_lower ON targets (LOWER(target_group){PATTERN})"),
            QStringLiteral("CREATE INDEX targets_state ON targets (state)"),
            QStringLiteral("CREATE INDEX targets_assigned ON targets (assigned_ds)"),
            QStringLiteral("CREATE INDEX targets_installed ON targets (installed_ds)"),
            QStringLiteral("CREATE INDEX target_attributes_value ON target_attributes (key, LOWER(value){PATTERN})"),
            QStringLiteral("CREATE INDEX actions_rollout ON actions (rollout_id, id)"),
            QStringLiteral("CREATE INDEX actions_state ON actions (state)"),
        },
    };
    return m;
}

} // namespace Flotilla::SqlStoreDetail
