#pragma once

#include <QChartView>
#include <QTimer>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Flotilla {

class RolloutSpanModel;

// Running, finished and failed actions of one rollout over time, as step lines (Qt Charts), redrawn (debounced)
// whenever the span model changes. Colours are the status colours; background and text follow the palette.
class RolloutChart : public QChartView
{
    Q_OBJECT
public:
    explicit RolloutChart(RolloutSpanModel &spans, QWidget *parent = nullptr);

    // What is drawn, for tests: the points of the running / finished / error lines.
    QList<QPointF> runningPoints() const;
    QList<QPointF> finishedPoints() const;
    QList<QPointF> errorPoints() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyPalette();

    RolloutSpanModel &m_spans;
    QLineSeries *m_running;
    QLineSeries *m_finished;
    QLineSeries *m_error;
    QDateTimeAxis *m_time;
    QValueAxis *m_count;
    QTimer m_rebuild;
    QTimer m_tick;
};

} // namespace Flotilla
