#pragma once

#include "qml/timeline/timelinemodel.h"

#include <QPointer>
#include <QQuickItem>

namespace Flotilla {

// Draws every action of a TimelineModel as a bar in its lane — waiting part (created → started) pale, then
// coloured by state up to its close (or to "now") — in one scene-graph geometry node, culled to the visible
// time range: thousands of bars cost one draw call. Time maps to x by viewStart/viewEnd (ms since the epoch).
class TimelineBars : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::TimelineModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(qreal viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(qreal viewEnd READ viewEnd WRITE setViewEnd NOTIFY viewChanged)
    Q_PROPERTY(qreal nowMs READ nowMs WRITE setNowMs NOTIFY nowChanged)
    Q_PROPERTY(qreal laneHeight READ laneHeight WRITE setLaneHeight NOTIFY laneHeightChanged)
    Q_PROPERTY(int visibleBars READ visibleBars NOTIFY painted)
    Q_PROPERTY(int quads READ quads NOTIFY painted) // after batching
public:
    explicit TimelineBars(QQuickItem *parent = nullptr);

    TimelineModel *model() const { return m_model; }
    void setModel(TimelineModel *model);
    qreal viewStart() const { return m_viewStart; }
    void setViewStart(qreal ms);
    qreal viewEnd() const { return m_viewEnd; }
    void setViewEnd(qreal ms);
    qreal nowMs() const { return m_now; }
    void setNowMs(qreal ms);
    qreal laneHeight() const { return m_laneHeight; }
    void setLaneHeight(qreal h);
    int visibleBars() const { return m_visibleBars; }
    int quads() const { return m_quads; }

    // The action whose bar is at (x, y), or 0.
    Q_INVOKABLE qint64 actionAt(qreal x, qreal y) const;
    Q_INVOKABLE qreal xForTime(qreal ms) const;
    Q_INVOKABLE qreal timeForX(qreal x) const;

Q_SIGNALS:
    void modelChanged();
    void viewChanged();
    void nowChanged();
    void laneHeightChanged();
    void painted();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;

private:
    QPointer<TimelineModel> m_model;
    qreal m_viewStart = 0;
    qreal m_viewEnd = 1;
    qreal m_now = 0;
    qreal m_laneHeight = 28;
    int m_visibleBars = 0;
    int m_quads = 0;
};

} // namespace Flotilla
