#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace Flotilla {

// Rows of JSON objects from the Management API, identified by their "id". setRows() merges a fresh answer
// into what is shown: rows that stayed are updated in place (dataChanged), new ones inserted, vanished ones
// removed — never a reset, so selection and scroll survive a live update. Subclasses say what the columns are.
class JsonListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, ObjectRole };

    explicit JsonListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setRows(const QList<QJsonObject> &rows);
    void clear() { setRows({}); }
    // Changes fields of one row (by id) in place; false when no row has that id.
    bool updateRow(qint64 id, const QJsonObject &fields);
    const QList<QJsonObject> &rows() const { return m_rows; }
    QJsonObject rowObject(int row) const { return m_rows.value(row); }
    int rowOf(qint64 id) const;

protected:
    virtual QVariant cellData(const QJsonObject &row, int column, int role) const = 0;
    // The cell of the row at index row; cellData() of its object unless a subclass reads rows another way.
    virtual QVariant cellDataAt(int row, int column, int role) const { return cellData(m_rows.at(row), column, role); }

private:
    QList<QJsonObject> m_rows;
};

} // namespace Flotilla
