#pragma once

#include "proto/mgmt/mgmtevents.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

namespace Flotilla {

class ServerConnection;

// The targets of a server, page by page over the Management API: rowCount() is the server's total for the
// current RSQL filter, and a page (100 rows) is fetched only when a view asks for one of its rows, so 100,000
// targets cost a few pages of memory. At most 64 pages are kept (least recently used go). Events keep it live:
// a target's status and last poll change in place; created and deleted targets refresh the counts and the pages
// in view, without a reset (selection and scroll stay).
class TargetTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ControllerId, Name, Status, LastPoll, Installed, Assigned, Address, ColumnCount };
    enum Role {
        ControllerIdRole = Qt::UserRole + 1,
        StatusRole, // hawkBit's updateStatus: registered, pending, in_sync, error, unknown
        TargetIdRole,
        AssignedSetIdRole,
        InstalledSetIdRole,
        LoadedRole, // false while the row's page is on its way
    };
    static constexpr int PageSize = 100;
    static constexpr int MaxPages = 64;

    explicit TargetTableModel(ServerConnection &connection, QObject *parent = nullptr);
    ~TargetTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    // An RSQL query (empty: all). A query the server refuses keeps the current rows; filterError() says why.
    void setFilter(const QString &rsql);
    QString filter() const { return m_filter; }
    void reload();
    // Names for the set columns ("name 1.2"), from the Software page's set list.
    void setSetNames(const QHash<qint64, QString> &names);

    qint64 total() const { return m_total; }
    bool isLoading() const { return !m_inFlight.isEmpty(); }
    // The loaded target at row (nothing while its page is not there yet).
    std::optional<Mgmt::MgmtTarget> targetAt(int row) const;
    int loadedPageCount() const { return int(m_pages.size()); }

Q_SIGNALS:
    void filterError(const QString &message);
    void filterAccepted(qint64 total);
    void loadingChanged(bool loading);
    void loadFailed(const QString &message);

private:
    void requestPage(int page) const;
    void onPage(int page, quint64 generation, const QJsonObject &body, bool isFilterChange);
    void setTotal(qint64 total);
    void onEvent(const QString &type, const QJsonObject &data);
    void refreshLoaded();
    Mgmt::MgmtTarget *findLoaded(const QString &controllerId, int *row);
    QUrlQuery queryFor(int page) const;

    ServerConnection &m_connection;
    QString m_filter;
    QString m_sort = QStringLiteral("controllerId:ASC");
    qint64 m_total = 0;
    quint64 m_generation = 0;
    // mutable: data() asks for a missing page.
    mutable QHash<int, QList<Mgmt::MgmtTarget>> m_pages;
    mutable QHash<int, quint64> m_pageUse;
    mutable quint64 m_useClock = 0;
    mutable QSet<int> m_inFlight;
    bool m_filterInFlight = false;
    QHash<qint64, QString> m_setNames;
    QTimer m_refresh;
};

} // namespace Flotilla
