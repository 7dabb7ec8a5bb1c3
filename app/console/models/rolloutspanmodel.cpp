#include "rolloutspanmodel.h"
#include "serverconnection.h"
#include "statusstyle.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
qint64 msOf(const QJsonObject &row, QLatin1StringView key)
{
    const QJsonValue v = row.value(key);
    return v.isDouble() ? v.toInteger() : -1;
}
} // namespace

RolloutSpanModel::RolloutSpanModel(ServerConnection &connection, QObject *parent)
    : JsonListModel(parent)
    , m_connection(connection)
{
    m_reload.setSingleShot(true);
    m_reload.setInterval(300);
    connect(&m_reload, &QTimer::timeout, this, &RolloutSpanModel::reload);
    connect(&connection, &ServerConnection::event, this, &RolloutSpanModel::onEvent);
    connect(&connection, &ServerConnection::resyncNeeded, this, &RolloutSpanModel::reload);
    connect(&connection, &ServerConnection::serverChanged, this, [this] { setRollout(0); });
}

int RolloutSpanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void RolloutSpanModel::setRollout(qint64 rolloutId)
{
    if (rolloutId == m_rolloutId)
        return;
    m_rolloutId = rolloutId;
    ++m_generation;
    clear();
    reload();
}

void RolloutSpanModel::reload()
{
    m_reload.stop();
    const quint64 generation = ++m_generation;
    m_incoming.clear();
    if (!m_rolloutId || !m_connection.isOpen()) {
        m_loading = false;
        clear();
        return;
    }
    m_loading = true;
    requestPage(generation, 0);
}

void RolloutSpanModel::requestPage(quint64 generation, int offset)
{
    QUrlQuery query;
    query.addQueryItem(u"offset"_s, QString::number(offset));
    query.addQueryItem(u"limit"_s, QString::number(PageSize));
    ApiReply *reply = m_connection.api().get(u"/rollouts/%1/actions"_s.arg(m_rolloutId), query);
    connect(reply, &ApiReply::finished, this, [this, generation, offset](const QJsonDocument &body) {
        if (generation != m_generation)
            return;
        const QJsonArray content = body.object().value("content"_L1).toArray();
        for (const QJsonValue &v : content)
            m_incoming.append(v.toObject());
        const qint64 total = body.object().value("total"_L1).toInteger();
        if (!content.isEmpty() && offset + content.size() < total)
            return requestPage(generation, offset + int(content.size()));
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

void RolloutSpanModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (!m_rolloutId)
        return;
    if ((type == u"action.changed"_s || type == u"action.created"_s)
        && data.value("rolloutId"_L1).toInteger() == m_rolloutId)
        m_reload.start();
    else if (type == u"rollout.changed"_s && data.value("id"_L1).toInteger() == m_rolloutId)
        m_reload.start();
}

QHash<int, QByteArray> RolloutSpanModel::roleNames() const
{
    QHash<int, QByteArray> names = JsonListModel::roleNames();
    names.insert(IdRole, "actionId");
    names.insert(LabelRole, "label");
    names.insert(GroupRole, "lane");
    names.insert(StatusRole, "status");
    names.insert(CreatedRole, "createdMs");
    names.insert(StartedRole, "startedMs");
    names.insert(ClosedRole, "endMs");
    return names;
}

QVariant RolloutSpanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return JsonListModel::headerData(section, orientation, role);
    switch (section) {
    case Target:
        return tr("Target");
    case Group:
        return tr("Group");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    case Started:
        return tr("Started");
    case Closed:
        return tr("Closed");
    }
    return {};
}

QVariant RolloutSpanModel::cellData(const QJsonObject &row, int column, int role) const
{
    const QString status = row.value("status"_L1).toString();
    switch (role) {
    case StatusRole:
        return status;
    case LabelRole:
        return row.value("target"_L1).toString();
    case GroupRole:
        return row.value("group"_L1).toInteger();
    case CreatedRole:
        return msOf(row, "createdAt"_L1);
    case StartedRole:
        return msOf(row, "startedAt"_L1);
    case ClosedRole:
        return msOf(row, "closedAt"_L1);
    case Qt::DecorationRole:
        return column == Status ? QVariant(StatusStyle::actionIcon(status)) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const auto time = [&](QLatin1StringView key) -> QVariant {
        const qint64 ms = msOf(row, key);
        return ms < 0 ? QVariant()
                      : QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat));
    };
    switch (column) {
    case Target:
        return row.value("target"_L1).toString();
    case Group:
        return row.value("group"_L1).toInteger();
    case Status:
        return StatusStyle::actionLabel(status);
    case Created:
        return time("createdAt"_L1);
    case Started:
        return time("startedAt"_L1);
    case Closed:
        return time("closedAt"_L1);
    }
    return {};
}

} // namespace Flotilla
