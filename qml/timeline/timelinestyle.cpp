#include "timelinestyle.h"

#include "statuspalette.h"

namespace Flotilla {

QColor TimelineStyle::colourFor(const QString &status)
{
    return StatusPalette::action(status);
}

} // namespace Flotilla
