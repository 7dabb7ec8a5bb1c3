#include "client/clientlogging.h"

namespace Flotilla {
Q_LOGGING_CATEGORY(lcClient, "flotilla.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEvents, "flotilla.client.events", QtInfoMsg)
} // namespace Flotilla
