#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <memory>
#include <optional>

namespace Flotilla {

class EventLog;
class PostgresListener;

// The live events of several servers on one PostgreSQL, in one order: every server appends the events of its own
// committed changes to a shared table (event_log) instead of numbering them itself, and every server, told by a
// NOTIFY (heard through the process's PostgresListener; and, should one be missed, every second), reads the rows after
// the last it has into its EventLog with their global numbers. So a WebSocket client on any server sees every server's
// changes, numbered alike, and ?since= gets the same answer from any of them. Appends are serialised by a transaction
// advisory lock, so the numbers follow the order in which they commit and no reader skips one that commits late. The
// rows are derived (the store holds the truth): appended without waiting for the disk (synchronous_commit off), the
// oldest pruned. On a connection of its own, on the server's thread.
class EventRelay : public QObject
{
    Q_OBJECT
public:
    EventRelay(const QString &url, EventLog &log, QObject *parent = nullptr);
    ~EventRelay() override;
    static constexpr int KeptRows = 100000;

    // Connects, makes the table if needed and loads the newest events the log keeps. False with *error.
    bool start(QString *error);
    // This server's events, in order: appended in one transaction (a failure is logged; they are lost for every
    // server, as the change itself is not), then read back with everyone's.
    void append(const QList<std::pair<QString, QJsonObject>> &events);

private:
    void fetch();

    QString m_connection;
    QString m_url;
    QSqlDatabase m_db;
    std::optional<QSqlQuery> m_insert; // prepared once per connection
    std::optional<QSqlQuery> m_fetch;
    std::shared_ptr<PostgresListener> m_listener;
    EventLog &m_log;
    qint64 m_last = 0;
    int m_appends = 0;
    QTimer m_safetyNet;
};

} // namespace Flotilla
