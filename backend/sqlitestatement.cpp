#include "backend/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}
} // namespace

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const QString &sql)
{
    sqlite3 *connection = handleOf(db);
    if (!connection) {
        m_error = u"not an open SQLite connection"_s;
        return;
    }
    const int code = sqlite3_prepare16_v3(connection, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                          SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (code != SQLITE_OK) {
        m_error = u"preparing: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(connection)));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

bool SqliteStatement::exec(const QVariantList &binds)
{
    m_row = false;
    m_firstPending = false;
    if (!m_statement)
        return false; // error() still says why it could not be prepared
    m_error.clear();
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (binds.size() != sqlite3_bind_parameter_count(m_statement))
        return fail(u"%1 values for %2 parameters"_s.arg(binds.size()).arg(sqlite3_bind_parameter_count(m_statement)),
                    SQLITE_RANGE);
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        int code = SQLITE_OK;
        if (v.isNull()) {
            code = sqlite3_bind_null(m_statement, i + 1);
        } else {
            switch (v.metaType().id()) {
            case QMetaType::Int:
            case QMetaType::LongLong:
            case QMetaType::Bool:
                code = sqlite3_bind_int64(m_statement, i + 1, v.toLongLong());
                break;
            case QMetaType::Double:
                code = sqlite3_bind_double(m_statement, i + 1, v.toDouble());
                break;
            case QMetaType::QByteArray: {
                const QByteArray bytes = v.toByteArray();
                code = sqlite3_bind_blob(m_statement, i + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
                break;
            }
            case QMetaType::QString: {
                const QString text = v.toString();
                code = sqlite3_bind_text16(m_statement, i + 1, text.utf16(), int(text.size() * sizeof(char16_t)),
                                           SQLITE_TRANSIENT);
                break;
            }
            default:
                return fail(u"value %1 has a type SQLite does not store (%2)"_s.arg(i + 1).arg(
                                QString::fromLatin1(v.metaType().name())),
                            SQLITE_MISMATCH);
            }
        }
        if (code != SQLITE_OK)
            return fail(u"binding value %1"_s.arg(i + 1), code);
    }
    if (!step())
        return m_error.isEmpty(); // no row: an empty result, not an error
    m_firstPending = true;
    return true;
}

bool SqliteStatement::next()
{
    if (m_firstPending) {
        m_firstPending = false;
        return true;
    }
    if (!m_row)
        return false;
    return step();
}

bool SqliteStatement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) {
        m_row = true;
        return true;
    }
    if (code != SQLITE_DONE)
        return fail(u"reading"_s, code); // resets too
    m_row = false;
    sqlite3_reset(m_statement); // the read transaction ends with the rows
    return false;
}

QVariant SqliteStatement::value(int i) const
{
    if (!m_row || i < 0 || i >= sqlite3_column_count(m_statement))
        return {};
    switch (sqlite3_column_type(m_statement, i)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_statement, i)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, i));
    case SQLITE_BLOB: {
        const void *bytes = sqlite3_column_blob(m_statement, i);
        return QVariant(QByteArray(static_cast<const char *>(bytes), sqlite3_column_bytes(m_statement, i)));
    }
    case SQLITE_TEXT: {
        const void *text = sqlite3_column_text16(m_statement, i);
        return QVariant(QString(static_cast<const QChar *>(text),
                                sqlite3_column_bytes16(m_statement, i) / qsizetype(sizeof(QChar))));
    }
    default:
        return {};
    }
}

void SqliteStatement::finish()
{
    m_row = false;
    m_firstPending = false;
    if (m_statement)
        sqlite3_reset(m_statement);
}

bool SqliteStatement::fail(const QString &what, int code)
{
    m_row = false;
    m_firstPending = false;
    sqlite3 *connection = m_statement ? sqlite3_db_handle(m_statement) : nullptr;
    const QString message = connection && sqlite3_errcode(connection) == code
        ? QString::fromUtf8(sqlite3_errmsg(connection))
        : QString::fromUtf8(sqlite3_errstr(code));
    m_error = u"%1: %2"_s.arg(what, message);
    if (m_statement)
        sqlite3_reset(m_statement);
    return false;
}

} // namespace Flotilla
