#include "backend/eventrelay.h"

#include "backend/backendlogging.h"
#include "backend/eventlog.h"
#include "backend/postgreslistener.h"
#include "backend/sqlstore.h"
#include "backend/sqlstore_p.h"

#include <QAtomicInteger>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using Flotilla::SqlStoreDetail::execAll;
using Flotilla::SqlStoreDetail::PgArray;
using Flotilla::SqlStoreDetail::unnestOf;

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
    m_insert.reset();
    m_fetch.reset();
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
    QString why;
    const auto failed = [&why](const QSqlError &e) {
        why = e.text();
        return false;
    };
    // Three round trips: the transaction with its durability and the append lock, the rows, then the NOTIFY (and
    // now and then the pruning) with the COMMIT.
    bool ok
        = execAll(q,
                  u"BEGIN; SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock(%1)"_s.arg(AppendLockKey))
        || failed(q.lastError());
    if (ok) {
        // One statement for the whole batch: the rows as two bound arrays, numbered in their order.
        PgArray types;
        PgArray data;
        for (const auto &[type, body] : events) {
            types.add(type);
            data.add(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
        }
        if (!m_insert) {
            m_insert.emplace(m_db);
            m_insert->prepare(u"INSERT INTO event_log (type, data) SELECT type, data FROM %1 WITH ORDINALITY "
                              "AS e(type, data, n) ORDER BY n"_s.arg(unnestOf({ u"text"_s, u"text"_s })));
        }
        m_insert->addBindValue(types.text());
        m_insert->addBindValue(data.text());
        ok = m_insert->exec() || failed(m_insert->lastError());
        m_insert->finish();
    }
    if (ok) {
        const QString prune = ++m_appends % 1000 == 0
            ? u"DELETE FROM event_log WHERE seq < (SELECT MAX(seq) FROM event_log) - %1; "_s.arg(KeptRows)
            : QString();
        ok = execAll(q, u"NOTIFY %1; %2COMMIT"_s.arg(Channel, prune)) || failed(q.lastError());
    }
    if (!ok) {
        qCWarning(lcCluster).noquote() << events.size() << "events are lost for every server:" << why;
        QSqlQuery(m_db).exec(u"ROLLBACK"_s); // a transaction left open (or aborted) would hold the next append's
        m_insert.reset(); // prepared again on the next append
        return;
    }
    fetch();
}

void EventRelay::fetch()
{
    if (!m_fetch) {
        m_fetch.emplace(m_db);
        m_fetch->setForwardOnly(true);
        m_fetch->prepare(u"SELECT seq, type, data FROM event_log WHERE seq > ? ORDER BY seq LIMIT 10000"_s);
    }
    QSqlQuery &q = *m_fetch;
    q.addBindValue(m_last);
    if (!q.exec()) {
        qCWarning(lcCluster).noquote() << "reading the shared event log:" << q.lastError().text();
        m_fetch.reset();
        return;
    }
    int read = 0;
    while (q.next()) {
        m_last = q.value(0).toLongLong();
        m_log.publishAs(quint64(m_last), q.value(1).toString(),
                        QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
        ++read;
    }
    q.finish();
    if (read == 10000)
        QMetaObject::invokeMethod(this, &EventRelay::fetch, Qt::QueuedConnection); // more: the next batch
}

} // namespace Flotilla
