#include "engine/enginelogging.h"

namespace Flotilla {
Q_LOGGING_CATEGORY(lcEngine, "flotilla.engine", QtInfoMsg)
}
