#include "timelinestyle.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Flotilla {

QColor TimelineStyle::colourFor(const QString &status)
{
    static const QHash<QString, QColor> colours {
        { u"running"_s, QColor(0x1e, 0x88, 0xe5) },
        { u"finished"_s, QColor(0x2e, 0x7d, 0x32) },
        { u"downloaded"_s, QColor(0x00, 0x89, 0x7b) },
        { u"download"_s, QColor(0x42, 0xa5, 0xf5) },
        { u"retrieved"_s, QColor(0x64, 0xb5, 0xf6) },
        { u"error"_s, QColor(0xd3, 0x2f, 0x2f) },
        { u"warning"_s, QColor(0xf9, 0xa8, 0x25) },
        { u"canceled"_s, QColor(0x75, 0x75, 0x75) },
        { u"canceling"_s, QColor(0x9e, 0x9e, 0x9e) },
        { u"scheduled"_s, QColor(0xb0, 0xbe, 0xc5) },
        { u"wait_for_confirmation"_s, QColor(0xef, 0x8f, 0x00) },
    };
    return colours.value(status.toLower(), QColor(0x90, 0xa4, 0xae));
}

} // namespace Flotilla
