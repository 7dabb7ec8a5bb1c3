#include "app/console/models/jsonlistmodel.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
qint64 idOf(const QJsonObject &o)
{
    return o.value("id"_L1).toInteger();
}
} // namespace

JsonListModel::JsonListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int JsonListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant JsonListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    if (role == IdRole)
        return idOf(row);
    if (role == ObjectRole)
        return row;
    return cellDataAt(index.row(), index.column(), role);
}

int JsonListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (idOf(m_rows.at(i)) == id)
            return i;
    }
    return -1;
}

bool JsonListModel::updateRow(qint64 id, const QJsonObject &fields)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        m_rows[row].insert(it.key(), it.value());
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    return true;
}

void JsonListModel::setRows(const QList<QJsonObject> &rows)
{
    QHash<qint64, int> wanted;
    for (int i = 0; i < rows.size(); ++i)
        wanted.insert(idOf(rows.at(i)), i);
    // 1. Remove rows that are gone (from the back, in runs).
    for (int i = int(m_rows.size()) - 1; i >= 0;) {
        if (wanted.contains(idOf(m_rows.at(i)))) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !wanted.contains(idOf(m_rows.at(first - 1))))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    // 2. Walk the new order: update rows in place, insert the new ones where they belong. Rows that moved are
    // taken out and put back at their new place.
    for (int i = 0; i < rows.size(); ++i) {
        const qint64 id = idOf(rows.at(i));
        if (i < m_rows.size() && idOf(m_rows.at(i)) == id) {
            if (m_rows.at(i) != rows.at(i)) {
                m_rows[i] = rows.at(i);
                Q_EMIT dataChanged(index(i, 0), index(i, columnCount() - 1));
            }
            continue;
        }
        int at = -1;
        for (int j = i + 1; j < m_rows.size(); ++j) {
            if (idOf(m_rows.at(j)) == id) {
                at = j;
                break;
            }
        }
        if (at >= 0) {
            beginMoveRows({}, at, at, {}, i);
            m_rows.move(at, i);
            endMoveRows();
            if (m_rows.at(i) != rows.at(i)) {
                m_rows[i] = rows.at(i);
                Q_EMIT dataChanged(index(i, 0), index(i, columnCount() - 1));
            }
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(i, rows.at(i));
            endInsertRows();
        }
    }
}

} // namespace Flotilla
