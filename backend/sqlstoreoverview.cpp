// SqlStore: what the console's overview counts — the fleet by state, and the errors devices reported lately.
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

Result<SqlStore::FleetCounts> SqlStore::fleetCounts(qint64 overdueBeforeMs)
{
    // One pass over the targets: by state, with the never-seen and overdue ones counted on the way.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state, COUNT(*), SUM(CASE WHEN last_poll IS NULL THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN last_poll < ? THEN 1 ELSE 0 END), "
                             "MIN(CASE WHEN last_poll >= ? THEN last_poll END) FROM targets GROUP BY state"));
    q.addBindValue(overdueBeforeMs);
    q.addBindValue(overdueBeforeMs);
    if (!q.exec())
        return failed(QStringLiteral("counting targets by state"), q);
    FleetCounts counts;
    while (q.next()) {
        const int state = q.value(0).toInt();
        const qint64 n = q.value(1).toLongLong();
        if (state >= 0 && state < counts.byState.size())
            counts.byState[state] += n;
        counts.total += n;
        counts.neverSeen += q.value(2).toLongLong();
        counts.overdue += q.value(3).toLongLong();
        if (!q.value(4).isNull() && (counts.oldestFreshPoll == 0 || q.value(4).toLongLong() < counts.oldestFreshPoll))
            counts.oldestFreshPoll = q.value(4).toLongLong();
    }
    return counts;
}

Result<SqlStore::RecentErrors> SqlStore::recentErrors(qint64 sinceMs, int scanLimit)
{
    // The status is a literal, not a bound value: the partial index action_status_errors serves only a query
    // whose condition is visibly its own.
    QSqlQuery q(m_db);
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

} // namespace Flotilla
