#pragma once

#include <QIdentityProxyModel>
#include <QQmlEngine>
#include <QTimer>

namespace Flotilla {

// The data behind the rollout timeline: a proxy over any list model whose roles are named actionId, label,
// lane, status, createdMs, startedMs and endMs (-1 while open; the bar then reaches "now"). It numbers the lanes
// (distinct lane keys in ascending order: a rollout's groups in order), knows the time range, and derives the
// markers drawn on each lane: when the group started, when it finished, and when its finished share crossed its
// success threshold. Source changes arrive as row inserts/changes (never a reset), so the view keeps its zoom.
class TimelineModel : public QIdentityProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QAbstractItemModel *spans READ sourceModel WRITE setSpans NOTIFY spansChanged)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY layoutUpdated)
    Q_PROPERTY(qreal firstMs READ firstMs NOTIFY layoutUpdated)
    Q_PROPERTY(qreal lastMs READ lastMs NOTIFY layoutUpdated)
    Q_PROPERTY(QVariantList markers READ markers NOTIFY layoutUpdated)
    Q_PROPERTY(QVariantList thresholds READ thresholds WRITE setThresholds NOTIFY thresholdsChanged)
    Q_PROPERTY(QVariantList windows READ windows WRITE setWindows NOTIFY windowsChanged)
public:
    enum Role {
        ActionIdRole = Qt::UserRole + 500,
        LabelRole,
        LaneKeyRole,
        LaneRole, // 0-based lane index
        StatusRole,
        CreatedRole,
        StartedRole,
        EndRole,
    };
    Q_ENUM(Role)
    struct Bar
    {
        qint64 actionId = 0;
        int lane = 0;
        qint64 created = 0;
        qint64 started = -1;
        qint64 end = -1; // -1: open
        QString status;
        float slot = 0; // 0..1: where in its lane's height the bar goes (same states together, by start)
    };

    explicit TimelineModel(QObject *parent = nullptr);

    void setSpans(QAbstractItemModel *spans);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int laneCount() const { return int(m_lanes.size()); }
    QList<qint64> laneKeys() const { return m_lanes; }
    qreal firstMs() const { return qreal(m_first); }
    qreal lastMs() const { return qreal(m_last); }
    QVariantList markers() const { return m_markers; }
    QVariantList thresholds() const { return m_thresholds; }
    void setThresholds(const QVariantList &percentages); // success threshold per lane, in lane order
    QVariantList windows() const { return m_windows; }
    void setWindows(const QVariantList &windows); // [{startMs, endMs}] shaded behind the bars
    // All bars, for the renderer (cached; rebuilt when the source changes).
    const QList<Bar> &bars() const;
    Q_INVOKABLE qint64 actionIdAt(int row) const;

Q_SIGNALS:
    void spansChanged();
    void layoutUpdated();
    void barsChanged();
    void thresholdsChanged();
    void windowsChanged();

private:
    void rebuild();
    int sourceRole(const char *name) const;

    QHash<QByteArray, int> m_sourceRoles;
    QList<qint64> m_lanes;
    qint64 m_first = 0;
    qint64 m_last = 0;
    QVariantList m_markers;
    QVariantList m_thresholds;
    QVariantList m_windows;
    mutable QList<Bar> m_bars;
    mutable bool m_barsValid = false;
    QTimer m_rebuild;
};

} // namespace Flotilla
