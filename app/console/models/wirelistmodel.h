#pragma once

#include "app/console/models/apilistmodel.h"
#include "proto/mgmt/mgmtevents.h"
#include "proto/mgmt/mgmtmessages.h"

#include <functional>
#include <optional>

namespace Flotilla {

// An ApiListModel whose rows are one of the Management API's wire types (proto/mgmt, T: MgmtAction,
// MgmtDistributionSet, ...). An answer is decoded whole when it arrives: a row the console cannot read fails the
// load, saying what is wrong, instead of showing a row of defaults. Subclasses read typed rows in cell(); the
// decoded rows are kept until the next change of the model's rows, so painting decodes nothing.
template<typename T> class WireListModel : public ApiListModel
{
public:
    explicit WireListModel(ServerConnection &connection, QObject *parent = nullptr)
        : ApiListModel(connection, parent)
    {
        const auto forget = [this] {
            m_decoded.clear();
        };
        connect(this, &QAbstractItemModel::rowsInserted, this, forget);
        connect(this, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(this, &QAbstractItemModel::rowsMoved, this, forget);
        connect(this, &QAbstractItemModel::modelReset, this, forget);
        connect(this, &QAbstractItemModel::dataChanged, this, forget);
    }

    // The row as its wire type (a default value for a row out of range).
    const T &rowAt(int row) const
    {
        if (row < 0 || row >= rows().size()) {
            static const T none {};
            return none;
        }
        if (m_decoded.size() != rows().size())
            m_decoded = QList<std::optional<T>>(rows().size());
        std::optional<T> &slot = m_decoded[row];
        if (!slot)
            slot = T::fromJson(rows().at(row), nullptr).value_or(T {}); // rows were checked when they arrived
        return *slot;
    }

    // Changes one row (by id) in place through its wire type; false when no row has that id.
    bool updateRow(qint64 id, const std::function<void(T &)> &change)
    {
        const int row = rowOf(id);
        if (row < 0)
            return false;
        T value = rowAt(row);
        change(value);
        return ApiListModel::updateRow(id, value.toJson());
    }

protected:
    virtual QVariant cell(const T &row, int column, int role) const = 0;

    QVariant cellDataAt(int row, int column, int role) const final { return cell(rowAt(row), column, role); }
    QVariant cellData(const QJsonObject &, int, int) const final { return {}; }
    QString unreadable(const QList<QJsonObject> &rows) const override
    {
        for (qsizetype i = 0; i < rows.size(); ++i) {
            Mgmt::DecodeError error;
            if (!T::fromJson(rows.at(i), &error))
                return QStringLiteral("[%1].%2").arg(i).arg(error.message);
        }
        return {};
    }

private:
    mutable QList<std::optional<T>> m_decoded;
};

} // namespace Flotilla
