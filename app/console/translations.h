#pragma once

#include <QLocale>

namespace Flotilla {

// Installs Qt's and Flotilla's translations for the locale on the application. Returns whether Flotilla's own
// translation was found (English needs none).
bool installTranslations(const QLocale &locale);

} // namespace Flotilla
