#include "backend/backendlogging.h"

namespace Flotilla {
Q_LOGGING_CATEGORY(lcStore, "flotilla.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcArtifacts, "flotilla.artifacts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "flotilla.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "flotilla.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCluster, "flotilla.cluster", QtInfoMsg)
} // namespace Flotilla
