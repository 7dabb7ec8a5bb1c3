#include "qml/timeline/timelinemodel.h"
#include "qml/timeline/rolesbyname.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Flotilla {

TimelineModel::TimelineModel(QObject *parent)
    : QIdentityProxyModel(parent)
{
    // A burst of source changes (a reload merges thousands of rows) costs one rebuild.
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0);
    connect(&m_rebuild, &QTimer::timeout, this, &TimelineModel::rebuild);
    const auto changed = [this] {
        m_barsValid = false;
        m_rebuild.start();
    };
    connect(this, &QAbstractItemModel::rowsInserted, this, changed);
    connect(this, &QAbstractItemModel::rowsRemoved, this, changed);
    connect(this, &QAbstractItemModel::dataChanged, this, changed);
    connect(this, &QAbstractItemModel::modelReset, this, changed);
    connect(this, &QAbstractItemModel::layoutChanged, this, changed);
}

void TimelineModel::setSpans(QAbstractItemModel *spans)
{
    if (spans == sourceModel())
        return;
    m_sourceRoles = rolesByName(spans);
    setSourceModel(spans);
    rebuild();
    Q_EMIT spansChanged();
}

int TimelineModel::sourceRole(const char *name) const
{
    return m_sourceRoles.value(QByteArray(name), -1);
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return { { ActionIdRole, "actionId" }, { LabelRole, "label" },   { LaneKeyRole, "laneKey" },
             { LaneRole, "lane" },         { StatusRole, "status" }, { CreatedRole, "createdMs" },
             { StartedRole, "startedMs" }, { EndRole, "endMs" } };
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !sourceModel())
        return {};
    const QModelIndex source = mapToSource(index);
    const auto get = [&](const char *name) {
        const int r = sourceRole(name);
        return r < 0 ? QVariant() : source.data(r);
    };
    switch (role) {
    case ActionIdRole:
        return get("actionId");
    case LabelRole:
        return get("label");
    case LaneKeyRole:
        return get("lane");
    case LaneRole:
        return int(m_lanes.indexOf(get("lane").toLongLong()));
    case StatusRole:
        return get("status");
    case CreatedRole:
        return get("createdMs");
    case StartedRole:
        return get("startedMs");
    case EndRole:
        return get("endMs");
    }
    return QIdentityProxyModel::data(index, role);
}

qint64 TimelineModel::actionIdAt(int row) const
{
    return index(row, 0).data(ActionIdRole).toLongLong();
}

const QList<TimelineModel::Bar> &TimelineModel::bars() const
{
    if (m_barsValid)
        return m_bars;
    m_bars.clear();
    const QAbstractItemModel *src = sourceModel();
    if (src) {
        const int rId = sourceRole("actionId"), rLane = sourceRole("lane"), rStatus = sourceRole("status"),
                  rCreated = sourceRole("createdMs"), rStarted = sourceRole("startedMs"), rEnd = sourceRole("endMs");
        const int rows = src->rowCount();
        m_bars.reserve(rows);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex i = src->index(row, 0);
            Bar b;
            b.actionId = i.data(rId).toLongLong();
            b.lane = int(m_lanes.indexOf(i.data(rLane).toLongLong()));
            b.status = i.data(rStatus).toString();
            b.created = i.data(rCreated).toLongLong();
            b.started = rStarted < 0 ? -1 : i.data(rStarted).toLongLong();
            b.end = i.data(rEnd).toLongLong();
            m_bars.append(b);
        }
        // Slots: within a lane, bars of one state side by side (finished, running, then the rarer ones), each
        // ordered by start, so a shrunken view shows each state in proportion rather than overlapping.
        static const QStringList order { u"finished"_s,  u"downloaded"_s, u"running"_s,  u"wait_for_confirmation"_s,
                                         u"scheduled"_s, u"canceling"_s,  u"canceled"_s, u"error"_s };
        QHash<int, QList<int>> byLane;
        for (int i = 0; i < m_bars.size(); ++i)
            byLane[m_bars.at(i).lane].append(i);
        for (QList<int> &members : byLane) {
            std::sort(members.begin(), members.end(), [this](int a, int b) {
                const Bar &x = m_bars.at(a);
                const Bar &y = m_bars.at(b);
                const auto rank = [](const QString &s) {
                    const qsizetype i = order.indexOf(s);
                    return i < 0 ? order.size() : i;
                };
                return std::tuple(rank(x.status), x.started, x.actionId)
                    < std::tuple(rank(y.status), y.started, y.actionId);
            });
            for (int k = 0; k < members.size(); ++k)
                m_bars[members.at(k)].slot = float(k) / float(members.size());
        }
    }
    m_barsValid = true;
    return m_bars;
}

void TimelineModel::setThresholds(const QVariantList &percentages)
{
    if (percentages == m_thresholds)
        return;
    m_thresholds = percentages;
    rebuild();
    Q_EMIT thresholdsChanged();
}

void TimelineModel::setWindows(const QVariantList &windows)
{
    if (windows == m_windows)
        return;
    m_windows = windows;
    Q_EMIT windowsChanged();
}

void TimelineModel::rebuild()
{
    m_rebuild.stop();
    m_barsValid = false;
    QList<qint64> lanes;
    const QAbstractItemModel *src = sourceModel();
    const int rLane = sourceRole("lane");
    if (src && rLane >= 0) {
        for (int row = 0; row < src->rowCount(); ++row) {
            const qint64 key = src->index(row, 0).data(rLane).toLongLong();
            if (!lanes.contains(key))
                lanes.append(key);
        }
    }
    std::sort(lanes.begin(), lanes.end());
    m_lanes = lanes;
    const QList<Bar> &all = bars();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_first = all.isEmpty() ? now - 3600 * 1000 : std::numeric_limits<qint64>::max();
    m_last = all.isEmpty() ? now : 0;
    struct LaneState
    {
        qint64 start = std::numeric_limits<qint64>::max();
        qint64 finish = 0;
        int total = 0;
        int open = 0;
        QList<qint64> finishedAt;
    };
    QList<LaneState> perLane(m_lanes.size());
    for (const Bar &b : all) {
        m_first = std::min(m_first, b.created);
        m_last = std::max(m_last, b.end >= 0 ? b.end : now);
        if (b.lane < 0)
            continue;
        LaneState &l = perLane[b.lane];
        ++l.total;
        if (b.started >= 0)
            l.start = std::min(l.start, b.started);
        if (b.end < 0) {
            ++l.open;
        } else {
            l.finish = std::max(l.finish, b.end);
            if (b.status == u"finished"_s || b.status == u"downloaded"_s)
                l.finishedAt.append(b.end);
        }
    }
    m_markers.clear();
    for (int lane = 0; lane < perLane.size(); ++lane) {
        LaneState &l = perLane[lane];
        if (l.start != std::numeric_limits<qint64>::max())
            m_markers.append(
                QVariantMap { { u"lane"_s, lane }, { u"ms"_s, double(l.start) }, { u"kind"_s, u"start"_s } });
        if (l.open == 0 && l.total > 0 && l.finish > 0)
            m_markers.append(
                QVariantMap { { u"lane"_s, lane }, { u"ms"_s, double(l.finish) }, { u"kind"_s, u"finish"_s } });
        const double pct = lane < m_thresholds.size() ? m_thresholds.at(lane).toDouble() : -1;
        if (pct > 0 && l.total > 0) {
            std::sort(l.finishedAt.begin(), l.finishedAt.end());
            const int needed = int(std::ceil(l.total * pct / 100.0));
            if (needed >= 1 && needed <= l.finishedAt.size())
                m_markers.append(QVariantMap { { u"lane"_s, lane },
                                               { u"ms"_s, double(l.finishedAt.at(needed - 1)) },
                                               { u"kind"_s, u"threshold"_s } });
        }
    }
    Q_EMIT layoutUpdated();
    Q_EMIT barsChanged();
}

} // namespace Flotilla
