#include "qml/timeline/timelinebars.h"
#include "qml/timeline/timelinemodel.h"
#include "qml/timeline/timelinestyle.h"

#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>

using namespace Qt::StringLiterals;

namespace Flotilla {

TimelineBars::TimelineBars(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

void TimelineBars::setModel(TimelineModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &TimelineModel::barsChanged, this, &QQuickItem::update);
    update();
    Q_EMIT modelChanged();
}

void TimelineBars::setViewStart(qreal ms)
{
    if (qFuzzyCompare(ms, m_viewStart))
        return;
    m_viewStart = ms;
    update();
    Q_EMIT viewChanged();
}

void TimelineBars::setViewEnd(qreal ms)
{
    if (qFuzzyCompare(ms, m_viewEnd))
        return;
    m_viewEnd = ms;
    update();
    Q_EMIT viewChanged();
}

void TimelineBars::setNowMs(qreal ms)
{
    if (qFuzzyCompare(ms, m_now))
        return;
    m_now = ms;
    update();
    Q_EMIT nowChanged();
}

void TimelineBars::setLaneHeight(qreal h)
{
    if (qFuzzyCompare(h, m_laneHeight))
        return;
    m_laneHeight = h;
    update();
    Q_EMIT laneHeightChanged();
}

qreal TimelineBars::xForTime(qreal ms) const
{
    const qreal span = std::max<qreal>(1, m_viewEnd - m_viewStart);
    return (ms - m_viewStart) / span * width();
}

qreal TimelineBars::timeForX(qreal x) const
{
    return m_viewStart + x / std::max<qreal>(1, width()) * (m_viewEnd - m_viewStart);
}

qint64 TimelineBars::actionAt(qreal x, qreal y) const
{
    if (!m_model)
        return 0;
    const qreal t = timeForX(x);
    const int lane = int(y / m_laneHeight);
    // Rows within a lane are stacked thinly: the bar nearest in time whose span covers t.
    qint64 best = 0;
    for (const TimelineModel::Bar &b : m_model->bars()) {
        if (b.lane != lane)
            continue;
        const qreal end = b.end >= 0 ? qreal(b.end) : m_now;
        const qreal slack = (m_viewEnd - m_viewStart) / std::max<qreal>(1, width()) * 3; // 3 px
        if (t >= qreal(b.created) - slack && t <= end + slack) {
            best = b.actionId;
            if (b.started >= 0 && t >= qreal(b.started))
                return best;
        }
    }
    return best;
}

QSGNode *TimelineBars::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *node = static_cast<QSGGeometryNode *>(old);
    if (!node) {
        node = new QSGGeometryNode;
        auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
    }
    QSGGeometry *geometry = node->geometry();
    constexpr int SubRows = 12; // bars in a lane share its height in sub-rows so overlapping actions stay apart
    const QList<TimelineModel::Bar> empty;
    const QList<TimelineModel::Bar> &bars = m_model ? m_model->bars() : empty;
    const qreal rowHeight = std::max<qreal>(1.5, (m_laneHeight - 6) / SubRows);
    // Batching: quads of one colour in one sub-row that touch or overlap (within a pixel) become one quad, so
    // thousands of overlapping bars cost a few hundred quads; the picture is the same.
    struct Piece
    {
        int row; // lane * SubRows + sub-row
        int colour; // index into colours
        qreal x0;
        qreal x1;
    };
    QList<QColor> colours;
    const auto colourIndex = [&colours](const QColor &c) {
        const qsizetype i = colours.indexOf(c);
        if (i >= 0)
            return int(i);
        colours.append(c);
        return int(colours.size() - 1);
    };
    QColor waiting = TimelineStyle::colourFor(u"scheduled"_s);
    waiting.setAlpha(150);
    const int waitingColour = colourIndex(waiting);
    QList<Piece> pieces;
    pieces.reserve(qsizetype(bars.size()) * 2);
    int visible = 0;
    for (const TimelineModel::Bar &bar : bars) {
        if (bar.lane < 0)
            continue;
        const int sub = std::min(SubRows - 1, int(bar.slot * SubRows));
        const qreal end = bar.end >= 0 ? qreal(bar.end) : m_now;
        if (end < m_viewStart || qreal(bar.created) > m_viewEnd)
            continue; // culled
        ++visible;
        const int row = bar.lane * SubRows + sub;
        const qreal xCreated = std::max<qreal>(-2, xForTime(qreal(bar.created)));
        const qreal xEnd = std::min<qreal>(width() + 2, std::max(xForTime(end), xCreated + 2));
        const qreal xStarted = bar.started >= 0 ? std::clamp(xForTime(qreal(bar.started)), xCreated, xEnd) : xEnd;
        if (xStarted > xCreated)
            pieces.append({ row, waitingColour, xCreated, xStarted });
        if (xEnd > xStarted)
            pieces.append({ row, colourIndex(TimelineStyle::colourFor(bar.status)), xStarted, xEnd });
    }
    std::sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) {
        return std::tie(a.row, a.colour, a.x0) < std::tie(b.row, b.colour, b.x0);
    });
    QList<QSGGeometry::ColoredPoint2D> vertices;
    vertices.reserve(pieces.size() * 6);
    const auto quad = [&](const Piece &p) {
        const QColor &c = colours.at(p.colour);
        const uchar r = uchar(c.red()), g = uchar(c.green()), b = uchar(c.blue()), a = uchar(c.alpha());
        const qreal y0 = (p.row / SubRows) * m_laneHeight + 3 + (p.row % SubRows) * rowHeight;
        const qreal y1 = y0 + std::max<qreal>(1, rowHeight - 0.5);
        const auto v = [&](qreal x, qreal y) {
            QSGGeometry::ColoredPoint2D point;
            point.set(float(x), float(y), r, g, b, a);
            return point;
        };
        vertices << v(p.x0, y0) << v(p.x1, y0) << v(p.x0, y1) << v(p.x1, y0) << v(p.x1, y1) << v(p.x0, y1);
    };
    for (qsizetype i = 0; i < pieces.size();) {
        Piece merged = pieces.at(i++);
        while (i < pieces.size() && pieces.at(i).row == merged.row && pieces.at(i).colour == merged.colour
               && pieces.at(i).x0 <= merged.x1 + 1) {
            merged.x1 = std::max(merged.x1, pieces.at(i).x1);
            ++i;
        }
        quad(merged);
    }
    m_quads = int(vertices.size() / 6);
    geometry->allocate(int(vertices.size()));
    std::copy(vertices.cbegin(), vertices.cend(), geometry->vertexDataAsColoredPoint2D());
    node->markDirty(QSGNode::DirtyGeometry);
    if (visible != m_visibleBars) {
        m_visibleBars = visible;
        QMetaObject::invokeMethod(this, &TimelineBars::painted, Qt::QueuedConnection);
    }
    return node;
}

} // namespace Flotilla
