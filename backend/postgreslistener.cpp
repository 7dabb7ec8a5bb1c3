#include "backend/postgreslistener.h"

#include "backend/backendlogging.h"
#include "backend/sqlstore.h"
#include "backend/threadhandoff.h"

#include <QAtomicInteger>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Flotilla {

// The listening connection, on the listener's thread.
class PostgresListenerConnection : public QObject
{
public:
    PostgresListenerConnection(const QString &url, NotificationFanout &fanout)
        : m_name(u"flotilla-listen-%1"_s.arg(s_counter.fetchAndAddRelaxed(1)))
        , m_fanout(fanout)
        , m_url(url)
    {
        m_check.setInterval(PostgresListener::CheckIntervalMs);
        connect(&m_check, &QTimer::timeout, this, &PostgresListenerConnection::check);
    }

    ~PostgresListenerConnection() override
    {
        m_check.stop();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    // On the listener's thread, where the driver and its socket notifier must live.
    bool open(QString *error)
    {
        m_db = SqlStore::addPostgresConnection(m_url, m_name);
        // Named in pg_stat_activity; a dead peer found by TCP keepalives as well as by the health check.
        m_db.setConnectOptions(
            u"application_name=flotilla-listener;connect_timeout=5;keepalives_idle=5;keepalives_interval=2;"
            "keepalives_count=2"_s);
        // The driver stays the same across a close and an open again.
        connect(m_db.driver(), &QSqlDriver::notification, this,
                [this](const QString &channel, QSqlDriver::NotificationSource, const QVariant &payload) {
                    m_fanout.deliver(channel, payload.toString());
                });
        if (!connectAndListen()) {
            *error = m_db.lastError().text();
            return false;
        }
        m_check.start();
        return true;
    }

    bool listen(const QString &channel, QString *error)
    {
        if (m_channels.contains(channel))
            return true;
        if (!m_db.driver()->subscribeToNotification(channel)) {
            *error = m_db.driver()->lastError().text();
            return false;
        }
        m_channels.insert(channel);
        lookForQueued();
        return true;
    }

private:
    static inline QAtomicInteger<int> s_counter;
    QString m_name;
    NotificationFanout &m_fanout;
    QString m_url;
    QSqlDatabase m_db;
    QSet<QString> m_channels;
    QTimer m_check { this }; // a child: moves to the listener's thread with this
    bool m_lost = false;

    // Opens the connection and LISTENs for every channel asked for so far.
    bool connectAndListen()
    {
        if (!m_db.open())
            return false;
        for (const QString &channel : std::as_const(m_channels)) {
            if (!m_db.driver()->subscribeToNotification(channel)) {
                m_db.close();
                return false;
            }
        }
        lookForQueued();
        return true;
    }

    // Hands on what libpq has already read (see the class comment in the header): the driver's own handler, the
    // one its socket notifier runs.
    void lookForQueued()
    {
        if (m_db.isOpen())
            QMetaObject::invokeMethod(m_db.driver(), "_q_handleNotification", Qt::DirectConnection);
    }

    void check()
    {
        QSqlQuery q(m_db);
        if (m_db.isOpen() && q.exec(u"SELECT 1"_s)) {
            q.finish();
            lookForQueued();
            return;
        }
        if (!m_lost)
            qCWarning(lcCluster).noquote()
                << "the notification connection to PostgreSQL is lost ("
                << (q.lastError().isValid() ? q.lastError() : m_db.lastError()).text() << "); opening it again";
        m_lost = true;
        m_db.close();
        if (!connectAndListen())
            return; // the next check tries again
        qCInfo(lcCluster) << "the notification connection to PostgreSQL is back";
        m_lost = false;
        // What was sent while it was lost is unknown: every channel once.
        for (const QString &channel : std::as_const(m_channels))
            m_fanout.deliver(channel, QString());
    }
};

namespace {
QMutex s_registryLock;
QHash<QString, std::weak_ptr<PostgresListener>> &registry()
{
    static QHash<QString, std::weak_ptr<PostgresListener>> listeners;
    return listeners;
}
} // namespace

std::shared_ptr<PostgresListener> PostgresListener::acquire(const QString &url, QString *error)
{
    QMutexLocker locker(&s_registryLock);
    if (std::shared_ptr<PostgresListener> existing = registry().value(url).lock())
        return existing;
    std::shared_ptr<PostgresListener> listener(new PostgresListener);
    if (!listener->start(url, error))
        return nullptr;
    registry().insert(url, listener);
    return listener;
}

bool PostgresListener::start(const QString &url, QString *error)
{
    m_thread.setObjectName(u"flotilla-pg-listen"_s);
    m_thread.start();
    m_connection = new PostgresListenerConnection(url, m_notifications);
    m_connection->moveToThread(&m_thread);
    bool ok = false;
    invokeOnThread(
        m_connection,
        [this, error, &ok] {
            QString why;
            ok = m_connection->open(&why);
            if (!ok)
                *error = u"database: the notification connection cannot open: %1"_s.arg(why);
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

PostgresListener::~PostgresListener()
{
    if (m_connection) // closed and deleted on its thread
        invokeOnThread(m_connection, [this] { delete m_connection; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool PostgresListener::listen(const QString &channel, QString *error)
{
    bool ok = false;
    QString why;
    invokeOnThread(m_connection, [&] { ok = m_connection->listen(channel, &why); }, Qt::BlockingQueuedConnection);
    if (!ok)
        *error = u"listening to %1: %2"_s.arg(channel, why);
    return ok;
}

} // namespace Flotilla
