#include "agent/agentlogging.h"

namespace Flotilla {
Q_LOGGING_CATEGORY(lcAgent, "flotilla.agent", QtInfoMsg)
}
