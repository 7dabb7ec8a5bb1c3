#include "backendlogging.h"

namespace Flotilla {
Q_LOGGING_CATEGORY(lcBackend, "flotilla.backend", QtInfoMsg)
}
