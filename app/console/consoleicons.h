#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

namespace Flotilla {

// The console's own icon set (resources/icons/*.svg, bundled): every page has an icon of its own on any desktop,
// with or without an icon theme, and in Xvfb screenshots. The SVGs draw in "currentColor", which becomes the
// palette's text colour (and the highlighted text colour for the selected item), so they follow light and dark
// palettes as the desktop's own icons do.
class ConsoleIcons
{
public:
    // "welcome", "overview", "targets", "software", "rollouts", "consent", "manifests", "settings". A null icon for a
    // name the set does not have.
    static QIcon page(const QString &name, const QPalette &palette);
    static QStringList pageNames();
};

} // namespace Flotilla
