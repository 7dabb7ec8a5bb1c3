#include "backend/eventrelay.h"

#include "backend/backendlogging.h"
#include "backend/eventlog.h"
#include "backend/postgreslistener.h"
#include "backend/sqlstore.h"

#include <QAtomicInteger>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
QAtomicInteger<int> relayConnections;
constexpr qint64 AppendLockKey = 0x466c6f74696c6c63;
const QString Channel = u"flotilla_events"_s;
} // namespace

EventRelay::EventRelay(const QString &url, EventLog &log, QObject *parent)
    : QObject(parent)
    , m_connection(u"flotilla-events-%1"_s.arg(relayConnections.fetchAndAddRelaxed(1)))
    , m_url(url)
    , m_log(log)
{
    m_db = SqlStore::addPostgresConnection(url, m_connection);
    m_safetyNet.setInterval(1000);
    connect(&m_safetyNet, &QTimer::timeout, this, &EventRelay::fetch);
}

EventRelay::~EventRelay()
{
    m_safetyNet.stop();
    if (m_listener)
        m_listener->notifications().unsubscribe(this);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

bool EventRelay::start(QString *error)
{
    QSqlQuery q(m_db);
    if (!m_db.open()
        || !q.exec(u"CREATE TABLE IF NOT EXISTS event_log (seq BIGSERIAL PRIMARY KEY, type TEXT NOT NULL, "
                   "data TEXT NOT NULL)"_s)) {
        *error = u"the shared event log: %1"_s.arg(m_db.isOpen() ? q.lastError().text() : m_db.lastError().text());
        return false;
    }
    QString why;
    m_listener = PostgresListener::acquire(m_url, &why);
    if (!m_listener || !m_listener->listen(Channel, &why)) {
        *error = u"the shared event log: %1"_s.arg(why);
        return false;
    }
    m_listener->notifications().subscribe(this, [this](const QString &channel, const QString &) {
        if (channel == Channel)
            fetch();
    });
    // Start from as many of the newest rows as the log keeps, so that ?since= answers alike on a server that just
    // started.
    if (!q.exec(u"SELECT COALESCE(MAX(seq), 0) FROM event_log"_s) || !q.next()) {
        *error = u"the shared event log: %1"_s.arg(q.lastError().text());
        return false;
    }
    m_last = std::max<qint64>(0, q.value(0).toLongLong() - m_log.capacity());
    fetch();
    m_safetyNet.start();
    return true;
}

void EventRelay::append(const QList<std::pair<QString, QJsonObject>> &events)
{
    if (events.isEmpty())
        return;
    QSqlQuery q(m_db);
    bool ok = m_db.transaction() && q.exec(u"SET LOCAL synchronous_commit = off"_s)
        && q.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(AppendLockKey));
    if (ok) {
        QVariantList types;
        QVariantList data;
        for (const auto &[type, body] : events) {
            types.append(type);
            data.append(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
        }
        q.prepare(u"INSERT INTO event_log (type, data) VALUES (?, ?)"_s);
        q.addBindValue(types);
        q.addBindValue(data);
        ok = q.execBatch() && q.exec(u"NOTIFY %1"_s.arg(Channel));
        if (ok && ++m_appends % 1000 == 0)
            ok = q.exec(u"DELETE FROM event_log WHERE seq < (SELECT MAX(seq) FROM event_log) - %1"_s.arg(KeptRows));
    }
    if (!ok || !m_db.commit()) {
        qCWarning(lcCluster).noquote() << events.size() << "events are lost for every server:"
                                       << (q.lastError().isValid() ? q.lastError() : m_db.lastError()).text();
        m_db.rollback();
        return;
    }
    fetch();
}

void EventRelay::fetch()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT seq, type, data FROM event_log WHERE seq > ? ORDER BY seq LIMIT 10000"_s);
    q.addBindValue(m_last);
    if (!q.exec()) {
        qCWarning(lcCluster).noquote() << "reading the shared event log:" << q.lastError().text();
        return;
    }
    int read = 0;
    while (q.next()) {
        m_last = q.value(0).toLongLong();
        m_log.publishAs(quint64(m_last), q.value(1).toString(),
                        QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
        ++read;
    }
    if (read == 10000)
        QMetaObject::invokeMethod(this, &EventRelay::fetch, Qt::QueuedConnection); // more: the next batch
}

} // namespace Flotilla
