#include "qml/timeline/timelinestyle.h"

#include "qml/style/statuspalette.h"

namespace Flotilla {

QColor TimelineStyle::colourFor(const QString &status)
{
    return StatusPalette::action(status);
}

} // namespace Flotilla
