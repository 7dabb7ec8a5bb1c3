#pragma once

// Makes one table of a store unreadable for a scope, so a test can see what a failed read does: the table is
// renamed away on the store's own connection (SQLite holds its file exclusively: no second connection gets in)
// and back when the scope ends.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>

namespace FlotillaTest {

// The open connection of a SqlStore ("flotilla-store-N"), of the one on databaseName when given (a path; the store
// opens it as a file: URI).
inline QSqlDatabase storeConnection(const QString &databaseName = {})
{
    QSqlDatabase found;
    for (const QString &name : QSqlDatabase::connectionNames()) {
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        if (name.startsWith(QLatin1String("flotilla-store-")) && db.isOpen()
            && (databaseName.isEmpty() || QUrl(db.databaseName()).toLocalFile() == databaseName))
            found = db;
    }
    return found;
}

class TableAway
{
public:
    TableAway(const QSqlDatabase &db, const QString &table)
        : m_db(db)
        , m_table(table)
    {
        QSqlQuery q(m_db);
        m_away = m_db.isOpen() && q.exec(QStringLiteral("ALTER TABLE %1 RENAME TO gone_%1").arg(m_table));
        if (!m_away)
            m_error = m_db.isOpen() ? q.lastError().text() : QStringLiteral("no open store connection");
    }
    ~TableAway()
    {
        if (m_away)
            QSqlQuery(m_db).exec(QStringLiteral("ALTER TABLE gone_%1 RENAME TO %1").arg(m_table));
    }
    Q_DISABLE_COPY_MOVE(TableAway)

    bool isAway() const { return m_away; }
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_table;
    bool m_away = false;
    QString m_error;
};

} // namespace FlotillaTest
