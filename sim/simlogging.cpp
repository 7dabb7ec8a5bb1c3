#include "sim/simlogging.h"

namespace Flotilla {
Q_LOGGING_CATEGORY(lcSim, "flotilla.sim", QtInfoMsg)
}
