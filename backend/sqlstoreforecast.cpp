// SqlStore: what the rollout forecast reads — the history of closed actions and the targets' attributes.
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <algorithm>

using namespace Flotilla::SqlStoreDetail;

namespace Flotilla {

Result<SqlStore::ActionOutcomes> SqlStore::actionOutcomes(qint64 sinceMs, int limit)
{
    // From the moment the device fetched the action (RETRIEVED) to the closing feedback: what the device itself
    // takes. Not from the action's creation or its group's start, which add the wait for the device's next poll
    // (the forecast plays that wait itself).
    QSqlQuery q(m_db);
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

Result<QHash<qint64, QMap<QString, QString>>> SqlStore::targetAttributesWhere(const QString &where,
                                                                              const QVariantList &binds)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.target_id, a.key, a.value FROM target_attributes a JOIN targets t ON t.id = "
                             "a.target_id WHERE %1")
                  .arg(where.isEmpty() ? QStringLiteral("1=1") : where));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return failed(QStringLiteral("reading target attributes"), q);
    QHash<qint64, QMap<QString, QString>> attributes;
    while (q.next())
        attributes[q.value(0).toLongLong()].insert(q.value(1).toString(), q.value(2).toString());
    return attributes;
}

} // namespace Flotilla
