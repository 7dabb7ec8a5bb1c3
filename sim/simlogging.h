#pragma once

#include <QLoggingCategory>

namespace Flotilla {
Q_DECLARE_LOGGING_CATEGORY(lcSim)
}
