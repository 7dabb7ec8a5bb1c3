#include "app/console/pages/fleetchart.h"
#include "app/console/statusstyle.h"
#include "qml/style/statuslabels.h"

#include <QChart>
#include <QEvent>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>

using namespace Qt::StringLiterals;

namespace Flotilla {

QStringList FleetChart::states()
{
    return { u"in_sync"_s, u"pending"_s, u"error"_s, u"registered"_s, u"unknown"_s };
}

FleetChart::FleetChart(QWidget *parent)
    : QChartView(parent)
    , m_series(new QPieSeries(this))
{
    setObjectName(u"fleetChart"_s);
    setAccessibleName(tr("Fleet by target state"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(220, 200);
    setToolTip(tr("Click a slice to list its targets"));
    m_series->setHoleSize(0.55);
    for (const QString &state : states()) {
        auto *slice = new QPieSlice(StatusLabels::target(state), 0, m_series);
        slice->setProperty("state", state);
        m_series->append(slice);
        connect(slice, &QPieSlice::clicked, this, [this, state] { Q_EMIT stateClicked(state); });
        connect(slice, &QPieSlice::hovered, slice, [slice](bool on) { slice->setExploded(on); });
    }
    // The view's own chart: QChartView makes one and setChart() would only release it, not delete it.
    QChart *chart = this->chart();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->legend()->hide();
    chart->addSeries(m_series);
    applyPalette();
}

void FleetChart::setCounts(const QHash<QString, qint64> &counts)
{
    m_counts = counts;
    qint64 total = 0;
    for (QPieSlice *slice : m_series->slices()) {
        const qint64 n = counts.value(slice->property("state").toString());
        slice->setValue(qreal(n));
        total += n;
    }
    chart()->setTitle(tr("%1 targets").arg(QLocale().toString(total)));
}

qint64 FleetChart::countOf(const QString &state) const
{
    return m_counts.value(state);
}

void FleetChart::applyPalette()
{
    const QPalette pal = palette();
    chart()->setBackgroundBrush(pal.color(QPalette::Base));
    chart()->setBackgroundPen(Qt::NoPen);
    chart()->setTitleBrush(pal.color(QPalette::Text));
    setBackgroundBrush(pal.color(QPalette::Base));
    for (QPieSlice *slice : m_series->slices()) {
        slice->setBrush(StatusStyle::targetColor(slice->property("state").toString()));
        slice->setBorderColor(pal.color(QPalette::Base));
        slice->setBorderWidth(2);
    }
}

void FleetChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

} // namespace Flotilla
