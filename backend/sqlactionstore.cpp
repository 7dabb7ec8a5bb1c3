#include "backend/sqlactionstore.h"

#include "backend/rsqlcompiler.h"
#include "backend/sqlitestatement.h"
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

namespace {

// A target's open actions in presentation order: one statement shape for every reader, and for its query plan.
QString openActionsSelect(const QString &columns, const QString &targetId = QStringLiteral("?"))
{
    return QStringLiteral("SELECT %1 FROM actions WHERE target_id = %2 AND active = 1 ORDER BY weight DESC, id")
        .arg(columns, targetId);
}

// What presenting an action to a polling device needs (openActionsForPoll).
const QString pollActionColumns
    = QStringLiteral("id, type, force_time, weight, mw_schedule, mw_duration, mw_timezone, state");

// Whether reading a statement's rows failed (next() said false for an error, not for their end).
bool rowsFailed(const QSqlQuery &q)
{
    return q.lastError().isValid();
}

bool rowsFailed(const SqliteStatement &q)
{
    return !q.error().isEmpty();
}

// An action of pollActionColumns, from column 0 on.
template<typename Row> Action pollActionFrom(const Row &q, qint64 targetId)
{
    Action a;
    a.id = q.value(0).toLongLong();
    a.targetId = targetId;
    a.type = ActionType(q.value(1).toInt());
    a.forceTime = fromMs(q.value(2));
    a.weight = q.value(3).toInt();
    a.maintenanceWindow = scheduleFrom(q, 4);
    a.state = ActionState(q.value(7).toInt());
    return a;
}

// A polling device's target and its open actions in presentation order: the actions' columns first (all null when
// it has none), then the target's. On PostgreSQL the actions are a LATERAL subquery of openActionsSelect's shape, so
// that its plan is that statement's (the partial index actions_open); as a plain LEFT JOIN, the generic plan of the
// prepared statement hashed every open action of the fleet (0.18 ms a poll instead of 0.007, at 100,000 targets).
// SQLite has no LATERAL and joins by nested loops anyway.
QString pollReadSelect(bool postgres)
{
    const QString targetColumns = QString(deviceTargetColumns).replace(u", "_s, u", t."_s);
    const QString actionColumns = u"a."_s + QString(pollActionColumns).replace(u", "_s, u", a."_s);
    if (postgres)
        return u"SELECT %1, t.%2 FROM targets t LEFT JOIN LATERAL (%3) a ON true WHERE t.controller_id = ? "
               u"ORDER BY a.weight DESC, a.id"_s.arg(actionColumns, targetColumns,
                                                     openActionsSelect(pollActionColumns, u"t.id"_s));
    return u"SELECT %1, t.%2 FROM targets t LEFT JOIN actions a ON a.target_id = t.id AND a.active = 1 "
           u"WHERE t.controller_id = ? ORDER BY a.weight DESC, a.id"_s.arg(actionColumns, targetColumns);
}
constexpr int PollActionColumnCount = 8;

// The columns an insert writes, and their values for one action (after its id, when given).
const QString insertColumns
    = QStringLiteral("target_id, ds_id, type, force_time, weight, mw_schedule, mw_duration, mw_timezone, "
                     "confirmation_required, state, active, created_at, last_modified, rollout_id, rollout_group_id, "
                     "initiator");
constexpr int InsertColumnCount = 16;

// An action's values for insertColumns, in order.
QVariantList insertValues(const Action &a)
{
    const QVariant nullText(QMetaType::fromType<QString>());
    return { a.targetId,
             a.distributionSetId,
             int(a.type),
             msOrNull(a.forceTime),
             a.weight,
             a.maintenanceWindow ? QVariant(a.maintenanceWindow->schedule()) : nullText,
             a.maintenanceWindow ? QVariant(a.maintenanceWindow->duration()) : nullText,
             a.maintenanceWindow ? QVariant(a.maintenanceWindow->timezone()) : nullText,
             a.confirmationRequired ? 1 : 0,
             int(a.state),
             a.isActive() ? 1 : 0,
             toMs(a.createdAt),
             toMs(a.lastModifiedAt.isValid() ? a.lastModifiedAt : a.createdAt),
             idOrNull(a.rolloutId),
             idOrNull(a.rolloutGroupId),
             a.initiator };
}
// The PostgreSQL types of insertColumns, for unnest().
const QStringList insertTypes
    = { u"bigint"_s,   u"bigint"_s,   u"smallint"_s, u"bigint"_s, u"integer"_s, u"text"_s,   u"text"_s,   u"text"_s,
        u"smallint"_s, u"smallint"_s, u"smallint"_s, u"bigint"_s, u"bigint"_s,  u"bigint"_s, u"bigint"_s, u"text"_s };

void bindInsert(QSqlQuery &q, const Action &a)
{
    for (const QVariant &v : insertValues(a))
        q.addBindValue(v);
}

// Rows per multi-row statement on SQLite: well under its limit of bound values.
constexpr qsizetype RowsPerStatement = 500;

// The VALUES list of a multi-row insert: "(?,?,…)" once per row, one "?" per column.
QString valueRows(qsizetype rows, int columns)
{
    const QString row = u'(' + QStringList(columns, QStringLiteral("?")).join(u',') + u')';
    return QStringList(rows, row).join(u',');
}

} // namespace

Result<qint64> SqlActionStore::insertAction(const Action &a)
{
    static const QString sql = QStringLiteral("INSERT INTO actions (%1) VALUES %2 RETURNING id")
                                   .arg(insertColumns, valueRows(1, InsertColumnCount));
    QSqlQuery &q = prepared(sql);
    bindInsert(q, a);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("inserting an action for target %1").arg(a.targetId), q);
    const qint64 id = q.value(0).toLongLong();
    q.finish(); // done: outside a transaction, SQLite commits the write now
    changed(StoreChange::Kind::ActionCreated, id);
    return id;
}

Lookup<Action> SqlActionStore::action(qint64 id)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM actions WHERE id = ?").arg(actionColumns);
    QSqlQuery &q = prepared(sql);
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading action %1").arg(id), q);
    if (!q.next())
        return std::nullopt;
    return actionFrom(q);
}

Result<QHash<qint64, Action>> SqlActionStore::actionsById(const QList<qint64> &ids)
{
    QHash<qint64, Action> found;
    for (qsizetype from = 0; from < ids.size(); from += IdsPerStatement) {
        std::optional<QSqlQuery> scratch;
        QSqlQuery &q
            = withIds(scratch, QStringLiteral("SELECT %1 FROM actions WHERE id IN (%2)").arg(actionColumns, u"%1"_s),
                      ids.mid(from, IdsPerStatement));
        if (!q.isActive())
            return failed(QStringLiteral("reading %1 actions").arg(ids.size()), q);
        while (q.next()) {
            Action a = actionFrom(q);
            found.insert(a.id, std::move(a));
        }
    }
    return found;
}

Result<QList<Action>> SqlActionStore::openActions(qint64 targetId)
{
    QList<Action> result;
    static const QString sql = openActionsSelect(actionColumns);
    QSqlQuery &q = prepared(sql);
    q.addBindValue(targetId);
    if (!q.exec())
        return failed(QStringLiteral("reading open actions of target %1").arg(targetId), q);
    while (q.next())
        result.append(actionFrom(q));
    return result;
}

Result<QList<Action>> SqlActionStore::openActionsForPoll(qint64 targetId)
{
    QList<Action> result;
    static const QString sql = openActionsSelect(pollActionColumns);
    QSqlQuery &q = prepared(sql);
    q.addBindValue(targetId);
    if (!q.exec())
        return failed(QStringLiteral("reading open actions of target %1").arg(targetId), q);
    while (q.next())
        result.append(pollActionFrom(q, targetId));
    return result;
}

Lookup<DeviceTargetAndOpenActions> SqlActionStore::deviceTargetAndOpenActions(TargetStore &,
                                                                              const QString &controllerId)
{
    static const QString postgres = pollReadSelect(true);
    static const QString sqlite = pollReadSelect(false);
    const auto what = [&] {
        return QStringLiteral("reading open actions of target %1, with the target").arg(controllerId);
    };
    // The same rows from either statement: the target's columns on each, an action's on each but when it has none.
    const auto read = [&](auto &q) -> Lookup<DeviceTargetAndOpenActions> {
        if (!q.next())
            return rowsFailed(q) ? Lookup<DeviceTargetAndOpenActions>(failed(what(), q)) : std::nullopt;
        DeviceTargetAndOpenActions rows { deviceTargetFrom(q, PollActionColumnCount, controllerId), {} };
        do {
            if (!q.value(0).isNull())
                rows.open.append(pollActionFrom(q, rows.target.id));
        } while (q.next());
        if (rowsFailed(q))
            return failed(what(), q);
        return rows;
    };
    // Every DDI request reads this first: on SQLite through SQLite's own API (SqliteStatement says why).
    if (SqliteStatement *native = sqliteStatement(sqlite)) {
        if (!native->exec({ controllerId }))
            return failed(what(), *native);
        return read(*native);
    }
    QSqlQuery &q = prepared(postgres);
    q.addBindValue(controllerId);
    if (!q.exec())
        return failed(what(), q);
    return read(q);
}

QString SqlActionStore::explain(const QString &select, const QString &what)
{
    QSqlQuery q(db());
    QStringList lines;
    if (q.exec((isPostgres() ? QStringLiteral("EXPLAIN ") : QStringLiteral("EXPLAIN QUERY PLAN ")) + select)) {
        while (q.next())
            lines << q.value(q.record().count() - 1).toString();
    } else {
        setError(QStringLiteral("explaining %1").arg(what), q);
    }
    return lines.join(QLatin1Char('\n'));
}

QString SqlActionStore::explainOpenActions(qint64 targetId)
{
    // PostgreSQL cannot prepare an EXPLAIN with parameters: the id (a number, never text) goes in literally.
    return explain(openActionsSelect(pollActionColumns, QString::number(targetId)), u"the presentation lookup"_s);
}

QString SqlActionStore::explainPollRead(const QString &controllerId)
{
    // The statement every poll runs; the controller id goes in as the driver quotes a text literal.
    QString select = pollReadSelect(isPostgres());
    select.replace(u"t.controller_id = ?"_s, u"t.controller_id = "_s + literal(controllerId));
    return explain(select, u"the poll's read"_s);
}

Result<int> SqlActionStore::countActions(qint64 targetId)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT COUNT(*) FROM actions WHERE target_id = ?"));
    q.addBindValue(targetId);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting the actions of target %1").arg(targetId), q);
    return q.value(0).toInt();
}

Result<void> SqlActionStore::updateActionState(qint64 actionId, ActionState state, const QDateTime &at)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE actions SET state = ?, active = ?, last_modified = ? WHERE id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(isClosed(state) ? 0 : 1);
    q.addBindValue(toMs(at));
    q.addBindValue(actionId);
    if (!q.exec())
        return failed(QStringLiteral("updating action %1").arg(actionId), q);
    if (q.numRowsAffected() != 1) // deleted meanwhile
        return noSuch(QStringLiteral("updating action %1").arg(actionId), QStringLiteral("action"));
    changed(StoreChange::Kind::ActionChanged, actionId);
    return {};
}

Result<void> SqlActionStore::appendStatus(qint64 actionId, const ActionStatusEntry &e)
{
    const QVariantList values {
        actionId, toMs(e.at), int(e.status), e.code ? QVariant(*e.code) : QVariant(QMetaType::fromType<int>()),
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(e.messages)).toJson(QJsonDocument::Compact))
    };
    // In a group on PostgreSQL the entry goes with the connection's next statement (its id is not read), as the
    // statement prepareOnServer() prepared.
    if (isPostgres()) {
        QStringList literals;
        for (const QVariant &v : values)
            literals << literal(v);
        if (deferWrite(u"EXECUTE flotilla_append_status (%1)"_s.arg(literals.join(u", ")))) {
            changed(StoreChange::Kind::ActionChanged, actionId);
            return {};
        }
    }
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO action_status (action_id, at, status, code, messages) VALUES (?,?,?,?,?)"));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return failed(QStringLiteral("adding a status to action %1").arg(actionId), q);
    changed(StoreChange::Kind::ActionChanged, actionId);
    return {};
}

Result<QList<ActionStatusEntry>> SqlActionStore::statusHistory(qint64 actionId, int offset, int limit)
{
    QList<ActionStatusEntry> result;
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT at, status, code, messages FROM action_status WHERE action_id = ? ORDER BY id "
                       "LIMIT ? OFFSET ?"));
    q.addBindValue(actionId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return failed(QStringLiteral("reading the history of action %1").arg(actionId), q);
    while (q.next()) {
        ActionStatusEntry e;
        e.at = fromMs(q.value(0));
        e.status = HistoryStatus(q.value(1).toInt());
        if (!q.value(2).isNull())
            e.code = q.value(2).toInt();
        const QJsonArray messages = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array();
        for (const QJsonValue &m : messages)
            e.messages.append(m.toString());
        result.append(e);
    }
    return result;
}

Result<int> SqlActionStore::countStatus(qint64 actionId)
{
    QSqlQuery &q = prepared(QStringLiteral("SELECT COUNT(*) FROM action_status WHERE action_id = ?"));
    q.addBindValue(actionId);
    if (!q.exec() || !q.next())
        return failed(QStringLiteral("counting the history of action %1").arg(actionId), q);
    return q.value(0).toInt();
}

Lookup<ActionWithHistorySize> SqlActionStore::actionWithHistorySize(qint64 id)
{
    static const QString sql
        = QStringLiteral("SELECT %1, (SELECT COUNT(*) FROM action_status WHERE action_id = actions.id) FROM actions "
                         "WHERE id = ?")
              .arg(actionColumns);
    static const int size = int(actionColumns.count(u',')) + 1;
    QSqlQuery &q = prepared(sql);
    q.addBindValue(id);
    if (!q.exec())
        return failed(QStringLiteral("reading action %1").arg(id), q);
    if (!q.next())
        return std::nullopt;
    return ActionWithHistorySize { actionFrom(q), q.value(size).toInt() };
}

namespace {

// A device's target with one of its actions, with "%3" for the action id and "%4" for the controller id. The
// action's columns come first (actionFrom reads from 0), all null when the target has no such action.
QString targetAndActionSql(const QString &actionId, const QString &controllerId)
{
    return QStringLiteral(
               "SELECT a.%1, (SELECT COUNT(*) FROM action_status WHERE action_id = a.id), t.%2 FROM "
               "targets t LEFT JOIN actions a ON a.id = %3 AND a.target_id = t.id WHERE t.controller_id = %4")
        .arg(QString(actionColumns).replace(u", "_s, u", a."_s),
             QString(deviceTargetColumns).replace(u", "_s, u", t."_s), actionId, controllerId);
}

} // namespace

bool SqlActionStore::prepareOnServer()
{
    return exec(u"PREPARE flotilla_target_action (bigint, text) AS "_s + targetAndActionSql(u"$1"_s, u"$2"_s))
        && exec(u"PREPARE flotilla_append_status (bigint, bigint, smallint, integer, text) AS INSERT INTO "
                "action_status (action_id, at, status, code, messages) VALUES ($1, $2, $3, $4, $5)"_s);
}

Lookup<DeviceTargetAndAction> SqlActionStore::deviceTargetAndAction(TargetStore &, const QString &controllerId,
                                                                    qint64 actionId)
{
    static const QString sql = targetAndActionSql(u"?"_s, u"?"_s);
    static const int size = int(actionColumns.count(u',')) + 1;
    const auto what = [&] {
        return QStringLiteral("reading action %1 of target %2").arg(actionId).arg(controllerId);
    };
    const auto readFrom = [&](auto &q) -> Lookup<DeviceTargetAndAction> {
        if (!q.next())
            return rowsFailed(q) ? Lookup<DeviceTargetAndAction>(failed(what(), q)) : std::nullopt;
        DeviceTargetAndAction read { deviceTargetFrom(q, size + 1, controllerId), std::nullopt };
        if (!q.value(0).isNull())
            read.action = ActionWithHistorySize { actionFrom(q), q.value(size).toInt() };
        q.finish(); // one row
        return read;
    };
    // Every feedback reads this first: on SQLite through SQLite's own API (SqliteStatement says why).
    if (SqliteStatement *native = sqliteStatement(sql)) {
        if (!native->exec({ actionId, controllerId }))
            return failed(what(), *native);
        return readFrom(*native);
    }
    // A feedback's read, between two scopes of a group, also sets the savepoint of the scope that follows (the
    // feedback's own), after the writes the scope before deferred: one round trip, not three. The statement was
    // prepared on the server by prepareOnServer(); its arguments are written as QPSQL writes those of a statement it
    // prepared (the driver's formatValue).
    const QString prefix = savepointPrefix();
    QSqlQuery q(db()); // not forward-only: QPSQL keeps the results of all the text's statements
    if (!execAll(q,
                 u"%1EXECUTE flotilla_target_action (%2, %3)"_s.arg(prefix, QString::number(actionId),
                                                                    literal(controllerId))))
        return failed(what(), q);
    if (!prefix.isEmpty())
        savepointSet();
    return readFrom(q);
}

Result<bool> SqlActionStore::recordFeedbackOnce(qint64 actionId, const QString &key)
{
    QSqlQuery &q = prepared(
        QStringLiteral("INSERT INTO feedback_receipts (action_id, dedup_key) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(actionId);
    q.addBindValue(key);
    if (!q.exec())
        return failed(QStringLiteral("recording feedback for action %1").arg(actionId), q);
    return q.numRowsAffected() == 1;
}

Result<QList<qint64>> SqlActionStore::openActionIdsOfSet(qint64 setId)
{
    QList<qint64> ids;
    QSqlQuery &q = prepared(QStringLiteral("SELECT id FROM actions WHERE ds_id = ? AND active = 1 ORDER BY id"));
    q.addBindValue(setId);
    if (!q.exec())
        return failed(QStringLiteral("reading the open actions of set %1").arg(setId), q);
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

Result<QMap<ActionState, qint64>> SqlActionStore::actionCountsOfSet(qint64 setId)
{
    return countsByState<ActionState>(
        prepared(QStringLiteral("SELECT state, COUNT(*) FROM actions WHERE ds_id = ? GROUP BY state")), { setId },
        [&](const QSqlQuery &q) { return failed(QStringLiteral("counting the actions of set %1").arg(setId), q); });
}

Result<QMap<ActionState, qint64>> SqlActionStore::openActionCounts()
{
    return countsByState<ActionState>(
        prepared(QStringLiteral("SELECT state, COUNT(*) FROM actions WHERE active = 1 GROUP BY state")), {},
        [&](const QSqlQuery &q) { return failed(QStringLiteral("counting the open actions"), q); });
}

Result<QSet<qint64>> SqlActionStore::targetsWithActionFor(qint64 distributionSetId)
{
    QSet<qint64> ids;
    QSqlQuery &q = prepared(QStringLiteral("SELECT DISTINCT target_id FROM actions WHERE ds_id = ?"));
    q.addBindValue(distributionSetId);
    if (!q.exec())
        return failed(QStringLiteral("reading the targets of set %1").arg(distributionSetId), q);
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

Result<SqlActionStore::ActionOutcomes> SqlActionStore::actionOutcomes(qint64 sinceMs, int limit)
{
    // From the moment the device fetched the action (RETRIEVED) to the closing feedback: what the device itself
    // takes. Not from the action's creation or its group's start, which add the wait for the device's next poll
    // (the forecast plays that wait itself).
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.state, a.last_modified - (SELECT MIN(s.at) FROM action_status s "
                             "WHERE s.action_id = a.id AND s.status = ?) FROM actions a "
                             "WHERE a.active = 0 AND a.state IN (?, ?) AND a.last_modified >= ? "
                             "ORDER BY a.last_modified DESC LIMIT ?"));
    q.addBindValue(int(HistoryStatus::Retrieved));
    q.addBindValue(int(ActionState::Finished));
    q.addBindValue(int(ActionState::Error));
    q.addBindValue(sinceMs);
    q.addBindValue(limit);
    if (!q.exec())
        return failed(QStringLiteral("reading the outcomes of past actions"), q);
    ActionOutcomes outcomes;
    QList<qint64> durations;
    while (q.next()) {
        if (q.value(0).toInt() == int(ActionState::Finished))
            ++outcomes.finished;
        else
            ++outcomes.failed;
        if (!q.value(1).isNull() && q.value(1).toLongLong() >= 0)
            durations << q.value(1).toLongLong() / 1000;
    }
    if (!durations.isEmpty()) {
        std::nth_element(durations.begin(), durations.begin() + durations.size() / 2, durations.end());
        outcomes.medianSecs = durations.at(durations.size() / 2);
    }
    return outcomes;
}

Result<QList<std::pair<Action, QString>>> SqlActionStore::actionsWhere(const QString &where, const QVariantList &binds,
                                                                       const QString &orderBy, int offset, int limit)
{
    QList<std::pair<Action, QString>> list;
    QSqlQuery q(db());
    // The target's controllerId comes with the row (alias tt: the RSQL compiler's subqueries use x).
    if (!execPage(q, qualified(actionColumns, u"a"_s) + QStringLiteral(", tt.controller_id"),
                  QStringLiteral("actions a JOIN targets tt ON tt.id = a.target_id"), where, binds, orderBy, offset,
                  limit))
        return failed(QStringLiteral("listing actions"), q);
    const int controllerId = actionColumns.count(u',') + 1;
    while (q.next())
        list.append({ actionFrom(q), q.value(controllerId).toString() });
    return list;
}

Result<QList<Action>> SqlActionStore::actionsOfTarget(qint64 targetId, int offset, int limit)
{
    QList<Action> list;
    QSqlQuery &q
        = prepared(QStringLiteral("SELECT %1 FROM actions WHERE target_id = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                       .arg(actionColumns));
    q.addBindValue(targetId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return failed(QStringLiteral("listing the actions of target %1").arg(targetId), q);
    while (q.next())
        list.append(actionFrom(q));
    return list;
}

Result<void> SqlActionStore::updateActionType(qint64 actionId, ActionType type)
{
    QSqlQuery &q = prepared(QStringLiteral("UPDATE actions SET type = ? WHERE id = ?"));
    q.addBindValue(int(type));
    q.addBindValue(actionId);
    if (!q.exec())
        return failed(QStringLiteral("updating action %1").arg(actionId), q);
    if (q.numRowsAffected() != 1) // deleted meanwhile
        return noSuch(QStringLiteral("updating action %1").arg(actionId), QStringLiteral("action"));
    changed(StoreChange::Kind::ActionChanged, actionId);
    return {};
}

Result<int> SqlActionStore::deleteClosedActions(const QList<qint64> &actionIds)
{
    StoreTransaction tx(m_sql);
    int deleted = 0;
    for (qint64 id : actionIds) {
        const Lookup<Action> a = action(id);
        if (a.failed())
            return a.error();
        if (a.absent() || a->isActive())
            continue;
        for (const QString &sql : { QStringLiteral("DELETE FROM action_status WHERE action_id = ?"),
                                    QStringLiteral("DELETE FROM feedback_receipts WHERE action_id = ?"),
                                    QStringLiteral("DELETE FROM actions WHERE id = ?") }) {
            QSqlQuery &q = prepared(sql);
            q.addBindValue(id);
            if (!q.exec())
                return failed(QStringLiteral("deleting action %1").arg(id), q);
        }
        ++deleted;
    }
    if (Result<void> done = committed(tx, QStringLiteral("deleting %1 closed actions").arg(deleted)); !done)
        return done.error();
    return deleted;
}

Result<qint64> SqlActionStore::installedActionId(qint64 targetId)
{
    QSqlQuery &q = prepared(
        QStringLiteral("SELECT id FROM actions WHERE target_id = ? AND state = ? AND ds_id = (SELECT installed_ds FROM "
                       "targets WHERE id = ?) ORDER BY id DESC LIMIT 1"));
    q.addBindValue(targetId);
    q.addBindValue(int(ActionState::Finished));
    q.addBindValue(targetId);
    if (!q.exec())
        return failed(QStringLiteral("reading the installed action of target %1").arg(targetId), q);
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<SqlActionStore::RecentErrors> SqlActionStore::recentErrors(qint64 sinceMs, int scanLimit)
{
    // The status is a literal, not a bound value: the partial index action_status_errors serves only a query
    // whose condition is visibly its own.
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.messages, a.target_id FROM action_status s JOIN actions a ON a.id = s.action_id "
                             "WHERE s.status = %1 AND s.at >= ? ORDER BY s.at DESC LIMIT ?")
                  .arg(int(HistoryStatus::Error)));
    q.addBindValue(sinceMs);
    q.addBindValue(scanLimit + 1);
    if (!q.exec())
        return failed(QStringLiteral("reading recent errors"), q);
    struct Group
    {
        qint64 count = 0;
        QSet<qint64> targets;
    };
    QHash<QString, Group> groups;
    RecentErrors out;
    int read = 0;
    while (q.next()) {
        if (++read > scanLimit) {
            out.truncated = true;
            break;
        }
        const QJsonArray messages = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
        QString reason;
        for (qsizetype i = messages.size() - 1; i >= 0 && reason.isEmpty(); --i)
            reason = messages.at(i).toString().trimmed();
        Group &g = groups[reason];
        ++g.count;
        g.targets.insert(q.value(1).toLongLong());
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        out.errors.append({ it.key(), it->count, qint64(it->targets.size()) });
    std::sort(out.errors.begin(), out.errors.end(), [](const ErrorCount &a, const ErrorCount &b) {
        return a.count != b.count ? a.count > b.count : a.message < b.message;
    });
    return out;
}

Result<QHash<qint64, int>> SqlActionStore::lastStatusCodes(const QList<qint64> &actionIds)
{
    QHash<qint64, int> codes;
    if (actionIds.isEmpty())
        return codes;
    // The newest history entry with a code, per action.
    std::optional<QSqlQuery> scratch;
    QSqlQuery &q
        = withIds(scratch,
                  QStringLiteral("SELECT s.action_id, s.code FROM action_status s WHERE s.id IN (SELECT MAX(id) "
                                 "FROM action_status WHERE code IS NOT NULL AND action_id IN (%1) GROUP BY "
                                 "action_id)"),
                  actionIds);
    if (!q.isActive())
        return failed(QStringLiteral("reading the actions' last status codes"), q);
    while (q.next())
        codes.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return codes;
}

Result<QHash<qint64, QList<Action>>> SqlActionStore::openActionsOfTargets(const QList<qint64> &targetIds)
{
    QHash<qint64, QList<Action>> open;
    for (qint64 id : targetIds)
        open.insert(id, {});
    for (qsizetype from = 0; from < targetIds.size(); from += IdsPerStatement) {
        std::optional<QSqlQuery> scratch;
        QSqlQuery &q = withIds(scratch,
                               QStringLiteral("SELECT %1 FROM actions WHERE active = 1 AND target_id IN (%2) ORDER BY "
                                              "target_id, weight DESC, id")
                                   .arg(actionColumns, QStringLiteral("%1")),
                               targetIds.mid(from, IdsPerStatement));
        if (!q.isActive())
            return failed(QStringLiteral("reading the open actions of %1 targets").arg(targetIds.size()), q);
        while (q.next()) {
            Action a = actionFrom(q);
            open[a.targetId].append(std::move(a));
        }
    }
    return open;
}

Result<QHash<qint64, int>> SqlActionStore::countActionsOfTargets(const QList<qint64> &targetIds)
{
    QHash<qint64, int> counts;
    for (qint64 id : targetIds)
        counts.insert(id, 0);
    for (qsizetype from = 0; from < targetIds.size(); from += IdsPerStatement) {
        std::optional<QSqlQuery> scratch;
        QSqlQuery &q
            = withIds(scratch,
                      QStringLiteral("SELECT target_id, COUNT(*) FROM actions WHERE target_id IN (%1) GROUP BY "
                                     "target_id"),
                      targetIds.mid(from, IdsPerStatement));
        if (!q.isActive())
            return failed(QStringLiteral("counting the actions of %1 targets").arg(targetIds.size()), q);
        while (q.next())
            counts.insert(q.value(0).toLongLong(), q.value(1).toInt());
    }
    return counts;
}

Result<QList<qint64>> SqlActionStore::insertActions(const QList<Action> &actions)
{
    if (!isPostgres() || actions.size() < 2)
        return ActionStore::insertActions(actions);
    // The ids first, from the table's sequence (so that each row's id is known without relying on the order of a
    // multi-row RETURNING), then the rows in one statement.
    QList<qint64> ids;
    ids.reserve(actions.size());
    {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence('actions', 'id')) FROM generate_series(1, ?)"));
        q.addBindValue(int(actions.size()));
        if (!q.exec())
            return failed(QStringLiteral("numbering %1 new actions").arg(actions.size()), q);
        while (q.next())
            ids.append(q.value(0).toLongLong());
        if (ids.size() != actions.size())
            return failed(QStringLiteral("numbering %1 new actions").arg(actions.size()), q);
    }
    // One array per column, unnested into rows: a handful of bound values for PostgreSQL to parse instead of one
    // literal per row and column (QPSQL sends bound values as literals).
    QList<PgArray> columns(InsertColumnCount + 1);
    for (qsizetype i = 0; i < actions.size(); ++i) {
        columns[0].add(ids.at(i));
        const QVariantList values = insertValues(actions.at(i));
        for (int c = 0; c < InsertColumnCount; ++c)
            columns[c + 1].add(values.at(c));
    }
    QSqlQuery q(db());
    q.prepare(u"INSERT INTO actions (id, %1) SELECT * FROM %2"_s.arg(
        insertColumns, unnestOf(QStringList { u"bigint"_s } + insertTypes)));
    if (!execArrays(q, columns))
        return failed(QStringLiteral("inserting %1 actions").arg(actions.size()), q);
    for (qint64 id : std::as_const(ids))
        changed(StoreChange::Kind::ActionCreated, id);
    return ids;
}

Result<void> SqlActionStore::appendStatuses(const QList<std::pair<qint64, ActionStatusEntry>> &entries)
{
    const auto messages = [](const ActionStatusEntry &e) {
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(e.messages)).toJson(QJsonDocument::Compact));
    };
    if (isPostgres()) { // one array per column, as insertActions
        QList<PgArray> columns(5);
        for (const auto &[actionId, e] : entries) {
            columns[0].add(actionId);
            columns[1].add(toMs(e.at));
            columns[2].add(int(e.status));
            columns[3].add(e.code ? QVariant(*e.code) : QVariant(QMetaType::fromType<int>()));
            columns[4].add(messages(e));
        }
        QSqlQuery q(db());
        q.prepare(u"INSERT INTO action_status (action_id, at, status, code, messages) SELECT * FROM %1"_s.arg(
            unnestOf({ u"bigint"_s, u"bigint"_s, u"smallint"_s, u"integer"_s, u"text"_s })));
        if (!execArrays(q, columns))
            return failed(QStringLiteral("adding the statuses of %1 actions").arg(entries.size()), q);
    } else {
        for (qsizetype from = 0; from < entries.size(); from += RowsPerStatement) {
            const qsizetype rows = std::min(RowsPerStatement, entries.size() - from);
            QSqlQuery q(db());
            q.prepare(QStringLiteral("INSERT INTO action_status (action_id, at, status, code, messages) VALUES %1")
                          .arg(valueRows(rows, 5)));
            for (qsizetype i = from; i < from + rows; ++i) {
                const auto &[actionId, e] = entries.at(i);
                q.addBindValue(actionId);
                q.addBindValue(toMs(e.at));
                q.addBindValue(int(e.status));
                q.addBindValue(e.code ? QVariant(*e.code) : QVariant(QMetaType::fromType<int>()));
                q.addBindValue(messages(e));
            }
            if (!q.exec())
                return failed(QStringLiteral("adding the statuses of %1 actions").arg(entries.size()), q);
        }
    }
    for (const auto &entry : entries)
        changed(StoreChange::Kind::ActionChanged, entry.first);
    return {};
}

} // namespace Flotilla
