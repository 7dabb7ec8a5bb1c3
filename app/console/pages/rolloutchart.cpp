#include "app/console/pages/rolloutchart.h"
#include "app/console/models/rolloutprogress.h"
#include "app/console/models/rolloutspanmodel.h"
#include "app/console/statusstyle.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace Flotilla {

RolloutChart::RolloutChart(RolloutSpanModel &spans, QWidget *parent)
    : QChartView(parent)
    , m_spans(spans)
    , m_running(new QLineSeries(this))
    , m_finished(new QLineSeries(this))
    , m_error(new QLineSeries(this))
    , m_time(new QDateTimeAxis(this))
    , m_count(new QValueAxis(this))
{
    setAccessibleName(tr("Rollout progress over time"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    // The view's own chart: QChartView makes one and setChart() would only release it, not delete it.
    QChart *chart = this->chart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_running->setName(tr("Running"));
    m_finished->setName(tr("Finished"));
    m_error->setName(tr("Error"));
    m_time->setTickCount(4);
    m_count->setLabelFormat(u"%d"_s);
    m_count->setMin(0);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_count, Qt::AlignLeft);
    for (QLineSeries *s : { m_running, m_finished, m_error }) {
        chart->addSeries(s);
        s->attachAxis(m_time);
        s->attachAxis(m_count);
    }
    applyPalette();

    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(100);
    connect(&m_rebuild, &QTimer::timeout, this, &RolloutChart::rebuild);
    connect(&spans, &QAbstractItemModel::modelReset, &m_rebuild, qOverload<>(&QTimer::start));
    connect(&spans, &QAbstractItemModel::rowsInserted, &m_rebuild, qOverload<>(&QTimer::start));
    connect(&spans, &QAbstractItemModel::rowsRemoved, &m_rebuild, qOverload<>(&QTimer::start));
    connect(&spans, &QAbstractItemModel::dataChanged, &m_rebuild, qOverload<>(&QTimer::start));
    // "Now" moves on: while something runs, the lines are extended every 30 s.
    m_tick.setInterval(30000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (isVisible() && m_running->count() > 0 && m_running->at(m_running->count() - 1).y() > 0)
            rebuild();
    });
    m_tick.start();
    rebuild();
}

void RolloutChart::rebuild()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<RolloutProgressPoint> points = RolloutProgress::overTime(m_spans.spans(), now);
    // Step lines: each count holds until the next change.
    QList<QPointF> running, finished, error;
    int maxCount = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const RolloutProgressPoint &p = points.at(i);
        const qreal x = qreal(p.ms);
        if (i > 0) {
            const RolloutProgressPoint &q = points.at(i - 1);
            running.append({ x, qreal(q.running) });
            finished.append({ x, qreal(q.finished) });
            error.append({ x, qreal(q.error) });
        }
        running.append({ x, qreal(p.running) });
        finished.append({ x, qreal(p.finished) });
        error.append({ x, qreal(p.error) });
        maxCount = std::max({ maxCount, p.running, p.finished, p.error });
    }
    m_running->replace(running);
    m_finished->replace(finished);
    m_error->replace(error);
    const qint64 from = points.isEmpty() ? now - 3600 * 1000 : points.first().ms;
    const qint64 to = std::max(now, from + 60000);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    // Labels as short as the range allows: times within a day, dates beyond.
    m_time->setFormat(to - from <= 10 * 60 * 1000         ? u"HH:mm:ss"_s
                          : to - from <= 24 * 3600 * 1000 ? u"HH:mm"_s
                                                          : u"dd.MM. HH:mm"_s);
    const int top = std::max(1, maxCount);
    m_count->setMax(top);
    m_count->setTickCount(std::min(top, 4) + 1);
}

void RolloutChart::applyPalette()
{
    QChart *c = chart();
    const QPalette pal = palette();
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis : { static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_count) }) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    const auto pen = [](const QColor &color) {
        return QPen(color, 2);
    };
    m_running->setPen(pen(StatusStyle::actionColor(u"running"_s)));
    m_finished->setPen(pen(StatusStyle::actionColor(u"finished"_s)));
    m_error->setPen(pen(StatusStyle::actionColor(u"error"_s)));
    setBackgroundBrush(pal.color(QPalette::Base));
}

void RolloutChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

QList<QPointF> RolloutChart::runningPoints() const
{
    return m_running->points();
}

QList<QPointF> RolloutChart::finishedPoints() const
{
    return m_finished->points();
}

QList<QPointF> RolloutChart::errorPoints() const
{
    return m_error->points();
}

} // namespace Flotilla
