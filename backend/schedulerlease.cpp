#include "backend/schedulerlease.h"

#include "backend/backendlogging.h"
#include "backend/sqlstore.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
QAtomicInteger<int> leaseConnections;
}

SchedulerLease::SchedulerLease(const QString &url, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_connection(u"flotilla-lease-%1"_s.arg(leaseConnections.fetchAndAddRelaxed(1)))
{
    m_db = SqlStore::addPostgresConnection(url, m_connection);
    // A lost server is noticed by the kernel's keepalives too, not only by a closed socket.
    m_db.setConnectOptions(u"connect_timeout=5;keepalives_idle=5;keepalives_interval=2;keepalives_count=2"_s);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &SchedulerLease::tryOnce);
}

SchedulerLease::~SchedulerLease()
{
    m_timer.stop();
    m_db.close(); // the lock goes with the connection
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

void SchedulerLease::start()
{
    tryOnce();
    m_timer.start();
}

void SchedulerLease::giveUp(const QString &why)
{
    m_db.close();
    if (!m_held)
        return;
    m_held = false;
    qCWarning(lcCluster).noquote() << "scheduler lease lost:" << why << "- the periodic work stops on this node";
    Q_EMIT lost();
}

void SchedulerLease::tryOnce()
{
    if (!m_db.isOpen() && !m_db.open())
        return giveUp(m_db.lastError().text());
    QSqlQuery q(m_db);
    if (m_held) {
        // Still connected, so still the holder (the lock lives as long as this session).
        if (!q.exec(u"SELECT 1"_s))
            giveUp(q.lastError().text());
        return;
    }
    if (!q.exec(u"SELECT pg_try_advisory_lock(%1)"_s.arg(SqlStore::SchedulerLockKey)) || !q.next())
        return giveUp(q.lastError().text());
    if (!q.value(0).toBool())
        return; // another server holds it
    m_held = true;
    qCInfo(lcCluster) << "scheduler lease taken: this node runs the rollout scheduler and the periodic work";
    Q_EMIT acquired();
}

} // namespace Flotilla
