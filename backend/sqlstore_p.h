#pragma once

// Row <-> value helpers shared by SqlStore and its aggregate stores (backend/sql*store.cpp). Not part of any API.
#include "engine/action.h"
#include "engine/result.h"
#include "engine/target.h"

#include <QMap>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace Flotilla::SqlStoreDetail {

// Versioned migrations (sqlstoreschema.cpp); SqlStore::migrate() runs the ones a database lacks.
const QList<QStringList> &migrations();

inline qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

inline QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

inline QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::UTC);
}

inline QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

inline const QString actionColumns = QStringLiteral(
    "id, target_id, ds_id, type, force_time, weight, mw_schedule, mw_duration, mw_timezone, confirmation_required, "
    "state, created_at, last_modified, rollout_id, rollout_group_id, initiator");

// The maintenance window stored in three columns from `first` on (schedule, duration, time zone); none when null.
// Row: a QSqlQuery, or a SqliteStatement (anything with value(int) giving a QVariant).
template<typename Row> std::optional<MaintenanceSchedule> scheduleFrom(const Row &q, int first)
{
    if (q.value(first).isNull())
        return std::nullopt;
    return MaintenanceSchedule::create(q.value(first).toString(), q.value(first + 1).toString(),
                                       q.value(first + 2).toString());
}

template<typename Row> Action actionFrom(const Row &q)
{
    Action a;
    a.id = q.value(0).toLongLong();
    a.targetId = q.value(1).toLongLong();
    a.distributionSetId = q.value(2).toLongLong();
    a.type = ActionType(q.value(3).toInt());
    a.forceTime = fromMs(q.value(4));
    a.weight = q.value(5).toInt();
    a.maintenanceWindow = scheduleFrom(q, 6);
    a.confirmationRequired = q.value(9).toInt() != 0;
    a.state = ActionState(q.value(10).toInt());
    a.createdAt = fromMs(q.value(11));
    a.lastModifiedAt = fromMs(q.value(12));
    a.rolloutId = q.value(13).toLongLong();
    a.rolloutGroupId = q.value(14).toLongLong();
    a.initiator = q.value(15).toString();
    return a;
}

// What a device's request reads of its target (DeviceTarget), in the columns from `first` on.
inline const QString deviceTargetColumns
    = QStringLiteral("id, state, security_token, address, last_poll, installed_ds, request_attributes");
template<typename Row> DeviceTarget deviceTargetFrom(const Row &q, int first, const QString &controllerId)
{
    return DeviceTarget { q.value(first).toLongLong(),
                          controllerId,
                          TargetState(q.value(first + 1).toInt()),
                          q.value(first + 2).toString(),
                          q.value(first + 3).toString(),
                          fromMs(q.value(first + 4)),
                          q.value(first + 5).toLongLong(),
                          q.value(first + 6).toInt() != 0 };
}

inline const QString targetColumns = QStringLiteral(
    "id, controller_id, name, description, state, security_token, address, last_poll, installed_ds, assigned_ds, "
    "auto_confirm, auto_confirm_initiator, auto_confirm_remark, created_at, request_attributes, target_type, "
    "target_group");

// One page of a Management listing: "SELECT columns FROM from WHERE where ORDER BY orderBy LIMIT ? OFFSET ?" with
// where's binds, then limit and offset. False when the statement fails (q holds the error).
inline bool execPage(QSqlQuery &q, const QString &columns, const QString &from, const QString &where,
                     const QVariantList &binds, const QString &orderBy, int offset, int limit)
{
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT ? OFFSET ?")
                  .arg(columns, from, where.isEmpty() ? QStringLiteral("1=1") : where, orderBy));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    return q.exec();
}

// sql with "%1" standing for an IN list of the ids: one bound value per id, after the leading binds. The ids are
// numbers the caller read from the store. Callers skip an empty list ("IN ()" is not SQL).
// A PostgreSQL array literal ({1,NULL,"a \"b\""}) of one column's values, bound as one value and cast,
// for unnest(CAST(? AS type[]), ...): a batch of rows as a few bound values. Null values are NULL; text is quoted
// with its backslashes and double quotes escaped; numbers are written as they are.
class PgArray
{
public:
    void add(const QVariant &v)
    {
        if (v.isNull())
            m_items.append(QStringLiteral("NULL"));
        else if (v.typeId() == QMetaType::QString)
            m_items.append(u'"'
                           + v.toString().replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""))
                           + u'"');
        else
            m_items.append(v.toString());
    }
    QString text() const { return u'{' + m_items.join(u',') + u'}'; }

private:
    QStringList m_items;
};

// Runs sql, several statements in one text: one round trip on PostgreSQL (the simple query protocol; QPSQL keeps
// each statement's result, and the first error stops the rest). True when every statement ran; q is then on the
// rows of the first that returned some (a SELECT), which must be the text's last: what follows it is not checked.
inline bool execAll(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        return false;
    while (!q.isSelect()) {
        if (!q.nextResult())
            return !q.lastError().isValid();
    }
    return true;
}

// "unnest(CAST(? AS bigint[]), CAST(? AS text[]), ...)": rows from one bound PgArray per column of these types.
inline QString unnestOf(const QStringList &types)
{
    QStringList casts;
    for (const QString &type : types)
        casts.append(QStringLiteral("CAST(? AS %1[])").arg(type));
    return QStringLiteral("unnest(%1)").arg(casts.join(QStringLiteral(", ")));
}

// Binds each column's array, in order, and runs the statement.
inline bool execArrays(QSqlQuery &q, const QList<PgArray> &columns)
{
    for (const PgArray &column : columns)
        q.addBindValue(column.text());
    return q.exec();
}

// Ids per IN list (SqlAggregate::withIds) when a batch reads many entities at once.
constexpr qsizetype IdsPerStatement = 1000;

// A column list with every column prefixed by an alias ("id, name" -> "s.id, s.name").
inline QString qualified(const QString &columns, const QString &alias)
{
    QStringList list = columns.split(QStringLiteral(", "));
    for (QString &c : list)
        c.prepend(alias + u'.');
    return list.join(QStringLiteral(", "));
}

// targetColumns with the alias t, for queries over "targets t".
inline QString qualifiedTargetColumns()
{
    static const QString columns = [] {
        QStringList list = targetColumns.split(QStringLiteral(", "));
        for (QString &c : list)
            c.prepend(QStringLiteral("t."));
        return list.join(QStringLiteral(", "));
    }();
    return columns;
}

inline Target targetFrom(const QSqlQuery &q)
{
    Target t;
    t.id = q.value(0).toLongLong();
    t.controllerId = q.value(1).toString();
    t.name = q.value(2).toString();
    t.description = q.value(3).toString();
    t.state = TargetState(q.value(4).toInt());
    t.securityToken = q.value(5).toString();
    t.address = q.value(6).toString();
    t.lastPoll = fromMs(q.value(7));
    t.installedDistributionSetId = q.value(8).toLongLong();
    t.assignedDistributionSetId = q.value(9).toLongLong();
    t.autoConfirm = q.value(10).toInt() != 0;
    t.autoConfirmInitiator = q.value(11).toString();
    t.autoConfirmRemark = q.value(12).toString();
    t.createdAt = fromMs(q.value(13));
    t.requestAttributes = q.value(14).toInt() != 0;
    t.targetTypeKey = q.value(15).toString();
    t.group = q.value(16).toString();
    return t;
}

inline const QString distributionSetColumns
    = QStringLiteral("id, name, version, type_key, required_migration, locked, description, valid");

inline DistributionSet distributionSetFrom(const QSqlQuery &q)
{
    return DistributionSet { q.value(0).toLongLong(), q.value(1).toString(),   q.value(2).toString(),
                             q.value(3).toString(),   q.value(4).toInt() != 0, q.value(5).toInt() != 0,
                             q.value(6).toString(),   q.value(7).toInt() != 0 };
}

// The first column of every row as text; a failed statement is the Failure failed makes of it.
inline Result<QStringList> column(QSqlQuery &q, const std::function<Failure(const QSqlQuery &)> &failed)
{
    QStringList values;
    if (!q.exec())
        return failed(q);
    while (q.next())
        values << q.value(0).toString();
    return values;
}

// "SELECT state, COUNT(*) ... GROUP BY state" (with its bind values), as counts by state.
template<typename State>
Result<QMap<State, qint64>> countsByState(QSqlQuery &q, const QVariantList &binds,
                                          const std::function<Failure(const QSqlQuery &)> &failed)
{
    QMap<State, qint64> counts;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return failed(q);
    while (q.next())
        counts.insert(State(q.value(0).toInt()), q.value(1).toLongLong());
    return counts;
}

} // namespace Flotilla::SqlStoreDetail
