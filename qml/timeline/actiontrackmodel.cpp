#include "qml/timeline/actiontrackmodel.h"
#include "qml/timeline/rolesbyname.h"

#include <QScopedValueRollback>

#include <algorithm>

namespace Flotilla {

ActionTrackModel::ActionTrackModel(QObject *parent)
    : QIdentityProxyModel(parent)
{
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(this, signal, this, &ActionTrackModel::recompute);
    connect(this, &QAbstractItemModel::dataChanged, this, &ActionTrackModel::recompute);
    connect(this, &QAbstractItemModel::modelReset, this, &ActionTrackModel::recompute);
}

void ActionTrackModel::setHistory(QAbstractItemModel *history)
{
    if (history == sourceModel())
        return;
    m_sourceRoles = rolesByName(history);
    setSourceModel(history);
    recompute();
    Q_EMIT historyChanged();
}

QHash<int, QByteArray> ActionTrackModel::roleNames() const
{
    return { { AtRole, "atMs" },   { StatusRole, "status" },     { MessagesRole, "messages" },
             { CodeRole, "code" }, { PositionRole, "position" }, { SilentBeforeRole, "silentBeforeMs" } };
}

qint64 ActionTrackModel::timeOf(int row) const
{
    return sourceModel() ? sourceModel()->index(row, 0).data(m_sourceRoles.value("atMs", -1)).toLongLong() : 0;
}

QVariant ActionTrackModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !sourceModel())
        return {};
    const QModelIndex source = mapToSource(index);
    const auto get = [&](const char *name) {
        return source.data(m_sourceRoles.value(name, -1));
    };
    switch (role) {
    case AtRole:
        return get("atMs");
    case StatusRole:
        return get("status");
    case MessagesRole:
        return get("messages");
    case CodeRole:
        return get("code");
    case PositionRole: {
        const qreal span = endMs() - m_first;
        return span <= 0 ? 0.0 : (qreal(timeOf(index.row())) - m_first) / span;
    }
    case SilentBeforeRole: {
        const qint64 at = timeOf(index.row());
        const auto it = std::lower_bound(m_sortedTimes.cbegin(), m_sortedTimes.cend(), at);
        if (it == m_sortedTimes.cbegin())
            return 0.0;
        const qreal gap = qreal(at - *(it - 1));
        return gap > m_silentAfter ? gap : 0.0;
    }
    }
    return QIdentityProxyModel::data(index, role);
}

int ActionTrackModel::silences() const
{
    int n = 0;
    for (qsizetype i = 1; i < m_sortedTimes.size(); ++i)
        n += qreal(m_sortedTimes.at(i) - m_sortedTimes.at(i - 1)) > m_silentAfter;
    return n;
}

void ActionTrackModel::setSilentAfterMs(qreal ms)
{
    if (qFuzzyCompare(ms, m_silentAfter))
        return;
    m_silentAfter = ms;
    recompute();
    Q_EMIT silentAfterMsChanged();
}

void ActionTrackModel::setEndMs(qreal ms)
{
    m_end = ms;
    recompute();
}

void ActionTrackModel::recompute()
{
    if (m_recomputing)
        return; // our own dataChanged below
    const QScopedValueRollback guard(m_recomputing, true);
    m_sortedTimes.clear();
    const int rows = rowCount();
    for (int r = 0; r < rows; ++r)
        m_sortedTimes.append(timeOf(r));
    std::sort(m_sortedTimes.begin(), m_sortedTimes.end());
    m_first = m_sortedTimes.isEmpty() ? 0 : qreal(m_sortedTimes.first());
    m_last = m_sortedTimes.isEmpty() ? 0 : qreal(m_sortedTimes.last());
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(rows - 1, 0), { PositionRole, SilentBeforeRole });
    Q_EMIT trackChanged();
}

} // namespace Flotilla
