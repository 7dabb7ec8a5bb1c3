#include "app/console/models/apilistmodel.h"
#include "app/console/serverconnection.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Flotilla {

ApiListModel::ApiListModel(ServerConnection &connection, QObject *parent)
    : JsonListModel(parent)
    , m_connection(connection)
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(200);
    connect(&m_reload, &QTimer::timeout, this, &ApiListModel::reload);
    connect(&connection, &ServerConnection::event, this, &ApiListModel::onEvent);
    connect(&connection, &ServerConnection::resyncNeeded, this, &ApiListModel::reload);
    connect(&connection, &ServerConnection::serverChanged, this, [this] {
        ++m_generation;
        clear();
        reload();
    });
}

void ApiListModel::setSource(const QString &path, const QUrlQuery &query)
{
    if (path == m_path && query == m_query)
        return;
    const bool samePath = path == m_path;
    m_path = path;
    m_query = query;
    ++m_generation;
    if (!samePath)
        clear(); // another target's actions are not this one's
    reload();
}

void ApiListModel::reload()
{
    m_reload.stop();
    if (m_path.isEmpty() || !m_connection.isOpen()) {
        clear();
        return;
    }
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_incoming.clear();
    requestFrom(generation, 0);
}

void ApiListModel::requestFrom(quint64 generation, int offset)
{
    QUrlQuery query = m_query;
    if (m_pageSize > 0) {
        query.addQueryItem(u"offset"_s, QString::number(offset));
        query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    }
    ApiReply *reply = m_connection.api().get(m_path, query);
    connect(reply, &ApiReply::finished, this, [this, generation, offset](const QJsonDocument &body) {
        if (generation != m_generation)
            return;
        const QList<QJsonObject> rows = rowsFrom(body);
        if (const QString why = unreadable(rows); !why.isEmpty()) {
            m_loading = false;
            m_incoming.clear();
            Q_EMIT loadFailed(tr("The server sent a list the console cannot read: %1").arg(why));
            return;
        }
        m_incoming += rows;
        if (m_pageSize > 0 && !rows.isEmpty() && offset + rows.size() < body.object().value("total"_L1).toInteger())
            return requestFrom(generation, offset + int(rows.size()));
        m_loading = false;
        setRows(std::exchange(m_incoming, {}));
        Q_EMIT loaded();
    });
    connect(reply, &ApiReply::failed, this, [this, generation](int, const QString &message) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_incoming.clear();
        Q_EMIT loadFailed(message);
    });
}

void ApiListModel::onEvent(const QString &, const QJsonObject &) { }

QString ApiListModel::unreadable(const QList<QJsonObject> &) const
{
    return {};
}

QList<QJsonObject> ApiListModel::rowsFrom(const QJsonDocument &body) const
{
    QList<QJsonObject> rows;
    const QJsonArray content = body.isArray() ? body.array() : body.object().value("content"_L1).toArray();
    for (const QJsonValue &v : content)
        rows.append(v.toObject());
    return rows;
}

} // namespace Flotilla
