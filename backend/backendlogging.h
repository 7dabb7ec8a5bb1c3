#pragma once

#include <QLoggingCategory>

namespace Flotilla {
Q_DECLARE_LOGGING_CATEGORY(lcStore) // flotilla.store: the SQL store, migrations
Q_DECLARE_LOGGING_CATEGORY(lcArtifacts) // flotilla.artifacts: the artifact store
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // flotilla.http: listener, TLS, shutdown
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // flotilla.auth: operator accounts, password hashes
Q_DECLARE_LOGGING_CATEGORY(lcCluster) // flotilla.cluster: several servers on one PostgreSQL
} // namespace Flotilla
