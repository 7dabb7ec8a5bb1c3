#include "app/console/firstpaintprobe.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QTimer>

namespace Flotilla {

FirstPaintProbe::FirstPaintProbe(QAbstractItemView *view, int loadedRole, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_loadedRole(loadedRole)
{
    m_view->viewport()->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_done && event->type() == QEvent::Paint && m_view->model()
        && m_view->model()->index(0, 0).data(m_loadedRole).toBool()) {
        m_done = true;
        m_view->viewport()->removeEventFilter(this);
        // Queued: this paint event is handled (the pixels are drawn) before painted() is emitted.
        QTimer::singleShot(0, this, &FirstPaintProbe::painted);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Flotilla
