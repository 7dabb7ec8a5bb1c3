#pragma once

// A whole Server (the composition flotillad runs) for a test: on loopback, any free port, its database and
// artifacts in a temporary directory, and the first administrator admin / admin-password.
#include "backend/server.h"

#include <QHostAddress>
#include <QTemporaryDir>

#include <memory>

namespace FlotillaTest {

inline Flotilla::ServerConfig loopbackServerConfig(const QTemporaryDir &dir)
{
    Flotilla::ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    config.database = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("db"));
    config.artifactDirectory = dir.filePath(QStringLiteral("artifacts"));
    return config;
}

// Starts the server with the first administrator; nullptr with *error when it does not start.
inline std::unique_ptr<Flotilla::Server> startWithAdmin(const Flotilla::ServerConfig &config, QString *error)
{
    qputenv("FLOTILLA_ADMIN_USER", "admin");
    qputenv("FLOTILLA_ADMIN_PASSWORD", "admin-password");
    auto server = std::make_unique<Flotilla::Server>(config);
    const bool started = server->start();
    qunsetenv("FLOTILLA_ADMIN_USER");
    qunsetenv("FLOTILLA_ADMIN_PASSWORD");
    if (!started) {
        *error = server->errorString();
        return nullptr;
    }
    return server;
}

} // namespace FlotillaTest
