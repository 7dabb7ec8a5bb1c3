#pragma once

#include <QLoggingCategory>

namespace Flotilla {
Q_DECLARE_LOGGING_CATEGORY(lcClient)
Q_DECLARE_LOGGING_CATEGORY(lcEvents)
} // namespace Flotilla
