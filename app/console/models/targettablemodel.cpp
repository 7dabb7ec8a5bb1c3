#include "app/console/models/targettablemodel.h"
#include "app/console/serverconnection.h"
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Flotilla {

TargetTableModel::TargetTableModel(ServerConnection &connection, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(300); // a burst of events (a bulk create) costs one refresh
    connect(&m_refresh, &QTimer::timeout, this, &TargetTableModel::refreshLoaded);
    connect(&connection, &ServerConnection::event, this, &TargetTableModel::onEvent);
    connect(&connection, &ServerConnection::resyncNeeded, this, &TargetTableModel::refreshLoaded);
    connect(&connection, &ServerConnection::serverChanged, this, [this] {
        beginResetModel();
        m_pages.clear();
        m_inFlight.clear();
        m_total = 0;
        ++m_generation;
        endResetModel();
        if (m_connection.isOpen())
            reload();
    });
}

TargetTableModel::~TargetTableModel() = default;

int TargetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_total);
}

int TargetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QUrlQuery TargetTableModel::queryFor(int page) const
{
    QUrlQuery q;
    q.addQueryItem(u"offset"_s, QString::number(qint64(page) * PageSize));
    q.addQueryItem(u"limit"_s, QString::number(PageSize));
    q.addQueryItem(u"sort"_s, m_sort);
    if (!m_filter.isEmpty())
        q.addQueryItem(u"q"_s, QString::fromUtf8(QUrl::toPercentEncoding(m_filter)));
    return q;
}

void TargetTableModel::requestPage(int page) const
{
    if (m_inFlight.contains(page) || !m_connection.isOpen())
        return;
    const bool wasLoading = !m_inFlight.isEmpty();
    m_inFlight.insert(page);
    auto *self = const_cast<TargetTableModel *>(this);
    ApiReply *reply = self->m_connection.api().get(u"/targets"_s, queryFor(page));
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, self, [self, page, generation](const QJsonDocument &body) {
        self->onPage(page, generation, body.object(), false);
    });
    connect(reply, &ApiReply::failed, self, [self, page, generation](int, const QString &message) {
        if (generation != self->m_generation)
            return;
        self->m_inFlight.remove(page);
        if (self->m_inFlight.isEmpty())
            Q_EMIT self->loadingChanged(false);
        Q_EMIT self->loadFailed(message);
    });
    if (!wasLoading)
        Q_EMIT self->loadingChanged(true);
}

void TargetTableModel::setTotal(qint64 total)
{
    if (total > m_total) {
        beginInsertRows({}, int(m_total), int(total - 1));
        m_total = total;
        endInsertRows();
    } else if (total < m_total) {
        beginRemoveRows({}, int(total), int(m_total - 1));
        m_total = total;
        // Pages past the end are gone.
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            if (qint64(it.key()) * PageSize >= total)
                it = m_pages.erase(it);
            else
                ++it;
        }
        endRemoveRows();
    }
}

void TargetTableModel::onPage(int page, quint64 generation, const QJsonObject &body, bool isFilterChange)
{
    if (generation != m_generation)
        return; // an answer for an earlier filter or sort
    m_inFlight.remove(page);
    Mgmt::DecodeError error;
    std::optional<Mgmt::PagedList<Mgmt::MgmtTarget>> decoded = Mgmt::decodePage<Mgmt::MgmtTarget>(body, &error);
    if (!decoded) {
        m_filterInFlight = m_filterInFlight && !isFilterChange;
        if (m_inFlight.isEmpty())
            Q_EMIT loadingChanged(false);
        Q_EMIT loadFailed(tr("The server sent a list of targets the console cannot read: %1").arg(error.message));
        return;
    }
    const QList<Mgmt::MgmtTarget> rows = std::move(decoded->content);
    const qint64 total = decoded->total;
    if (isFilterChange) {
        m_filterInFlight = false;
        beginResetModel();
        m_pages.clear();
        m_total = total;
        m_pages.insert(page, rows);
        m_pageUse.insert(page, ++m_useClock);
        endResetModel();
        Q_EMIT filterAccepted(total);
    } else {
        setTotal(total);
        if (qint64(page) * PageSize < m_total) {
            m_pages.insert(page, rows);
            m_pageUse.insert(page, ++m_useClock);
            const int first = page * PageSize;
            const int last = int(std::min<qint64>(m_total, qint64(first) + PageSize)) - 1;
            if (last >= first)
                Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        }
    }
    // Keep memory bounded: drop the least recently used pages.
    while (m_pages.size() > MaxPages) {
        int oldest = -1;
        for (auto it = m_pageUse.cbegin(); it != m_pageUse.cend(); ++it) {
            if (it.key() != page && m_pages.contains(it.key()) && (oldest < 0 || it.value() < m_pageUse.value(oldest)))
                oldest = it.key();
        }
        if (oldest < 0)
            break;
        m_pages.remove(oldest);
        m_pageUse.remove(oldest);
    }
    if (m_inFlight.isEmpty())
        Q_EMIT loadingChanged(false);
}

QVariant TargetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int page = index.row() / PageSize;
    const auto it = m_pages.constFind(page);
    if (it == m_pages.cend() || index.row() % PageSize >= it->size()) {
        if (it == m_pages.cend())
            requestPage(page);
        if (role == LoadedRole)
            return false;
        if (role == Qt::DisplayRole && index.column() == ControllerId)
            return tr("Loading…");
        return {};
    }
    m_pageUse.insert(page, ++m_useClock);
    const Mgmt::MgmtTarget &t = it->at(index.row() % PageSize);
    const QString &status = t.updateStatus;
    switch (role) {
    case LoadedRole:
        return true;
    case ControllerIdRole:
        return t.controllerId;
    case StatusRole:
        return status;
    case TargetIdRole:
        return t.id;
    case AssignedSetIdRole:
        return t.assignedDistributionSetId.value_or(0);
    case InstalledSetIdRole:
        return t.installedDistributionSetId.value_or(0);
    case Qt::DecorationRole:
        return index.column() == Status ? QVariant(StatusStyle::targetIcon(status)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == Status ? QVariant(StatusStyle::targetColor(status)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == LastPoll && t.lastControllerRequestAt)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(*t.lastControllerRequestAt).toLocalTime(),
                                      QLocale::LongFormat);
        return index.column() == Status ? StatusLabels::targetDescription(status) : QVariant();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case ControllerId:
            return t.controllerId;
        case Name:
            return t.name;
        case Status:
            return StatusLabels::target(status);
        case LastPoll:
            return t.lastControllerRequestAt
                ? StatusStyle::relativeTime(QDateTime::fromMSecsSinceEpoch(*t.lastControllerRequestAt))
                : tr("never");
        case Installed:
        case Assigned: {
            const qint64 id = (index.column() == Installed ? t.installedDistributionSetId : t.assignedDistributionSetId)
                                  .value_or(0);
            return id ? m_setNames.value(id, u"#%1"_s.arg(id)) : QString();
        }
        case Address:
            return t.address;
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant TargetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ControllerId:
        return tr("Controller ID");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case LastPoll:
        return tr("Last poll");
    case Installed:
        return tr("Installed");
    case Assigned:
        return tr("Assigned");
    case Address:
        return tr("Address");
    case ColumnCount:
        break;
    }
    return {};
}

void TargetTableModel::sort(int column, Qt::SortOrder order)
{
    static const QHash<int, QString> fields { { ControllerId, u"controllerId"_s },
                                              { Name, u"name"_s },
                                              { Status, u"updateStatus"_s },
                                              { LastPoll, u"lastControllerRequestAt"_s },
                                              { Address, u"ipAddress"_s } };
    const QString field = fields.value(column);
    if (field.isEmpty())
        return;
    const QString sort = field + (order == Qt::AscendingOrder ? u":ASC"_s : u":DESC"_s);
    if (sort == m_sort)
        return;
    m_sort = sort;
    reload();
}

void TargetTableModel::setFilter(const QString &rsql)
{
    if (!m_connection.isOpen())
        return;
    const quint64 generation = ++m_generation;
    m_inFlight.clear();
    m_inFlight.insert(0);
    m_filterInFlight = true;
    const QString previous = m_filter;
    m_filter = rsql.trimmed();
    ApiReply *reply = m_connection.api().get(u"/targets"_s, queryFor(0));
    connect(reply, &ApiReply::finished, this,
            [this, generation](const QJsonDocument &body) { onPage(0, generation, body.object(), true); });
    connect(reply, &ApiReply::failed, this, [this, generation, previous](int status, const QString &message) {
        if (generation != m_generation)
            return;
        m_inFlight.clear();
        m_filterInFlight = false;
        Q_EMIT loadingChanged(false);
        if (status == 400) {
            // The rows shown still belong to the previous filter.
            m_filter = previous;
            ++m_generation;
            Q_EMIT filterError(message);
        } else {
            Q_EMIT loadFailed(message);
        }
    });
    Q_EMIT loadingChanged(true);
}

void TargetTableModel::reload()
{
    setFilter(m_filter);
}

void TargetTableModel::setSetNames(const QHash<qint64, QString> &names)
{
    m_setNames = names;
    if (m_total > 0)
        Q_EMIT dataChanged(index(0, Installed), index(int(m_total) - 1, Assigned), { Qt::DisplayRole });
}

std::optional<Mgmt::MgmtTarget> TargetTableModel::targetAt(int row) const
{
    const auto it = m_pages.constFind(row / PageSize);
    if (it == m_pages.cend() || row % PageSize >= it->size())
        return std::nullopt;
    return it->at(row % PageSize);
}

Mgmt::MgmtTarget *TargetTableModel::findLoaded(const QString &controllerId, int *row)
{
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if ((*it)[i].controllerId == controllerId) {
                *row = it.key() * PageSize + i;
                return &(*it)[i];
            }
        }
    }
    return nullptr;
}

void TargetTableModel::onEvent(const QString &type, const QJsonObject &data)
{
    if (type == Mgmt::EventType::TargetCreated || type == Mgmt::EventType::TargetDeleted) {
        m_refresh.start();
        return;
    }
    int row = -1;
    if (type == Mgmt::EventType::TargetPolled) {
        const auto e = Mgmt::TargetPolledEvent::fromJson(data, nullptr);
        Mgmt::MgmtTarget *t = e ? findLoaded(e->controllerId, &row) : nullptr;
        if (!t)
            return;
        t->lastControllerRequestAt = e->at;
        Q_EMIT dataChanged(index(row, LastPoll), index(row, LastPoll));
    } else if (type == Mgmt::EventType::TargetUpdated) {
        const auto e = Mgmt::TargetChangedEvent::fromJson(data, nullptr);
        Mgmt::MgmtTarget *t = e ? findLoaded(e->controllerId, &row) : nullptr;
        if (!t)
            return;
        t->updateStatus = e->updateStatus;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        m_refresh.start(); // the sets it holds may have changed too
    }
}

void TargetTableModel::refreshLoaded()
{
    if (!m_connection.isOpen())
        return;
    // A filter's answer is on its way: a new generation now would drop it. Its rows are fresh; refresh after.
    if (m_filterInFlight) {
        m_refresh.start();
        return;
    }
    // Re-ask for the pages on screen (and the total) under a new generation; stale rows stay until then.
    ++m_generation;
    m_inFlight.clear();
    QList<int> pages = m_pages.keys();
    if (pages.isEmpty())
        pages << 0;
    for (int page : std::as_const(pages))
        requestPage(page);
}

} // namespace Flotilla
