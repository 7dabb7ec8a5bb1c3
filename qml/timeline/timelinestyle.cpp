#include "qml/timeline/timelinestyle.h"

#include "qml/style/statuslabels.h"
#include "qml/style/statuspalette.h"

namespace Flotilla {

QColor TimelineStyle::colourFor(const QString &status)
{
    return StatusPalette::action(status);
}

QString TimelineStyle::labelFor(const QString &status)
{
    return StatusLabels::action(status);
}

} // namespace Flotilla
