#pragma once

// A whole Server (the composition flotillad runs) for a test: on loopback, any free port, its database and
// artifacts in a temporary directory, and the first administrator admin / admin-password.
#include "backend/server.h"
#include "tests/common/httpclient.h"

#include <QHostAddress>
#include <QTemporaryDir>

#include <memory>

namespace FlotillaTest {

inline Flotilla::ServerConfig loopbackServerConfig(const QTemporaryDir &dir)
{
    Flotilla::ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    config.httpThreads = 1; // tests that want more say so (tst_httpthreads, tst_pgnodes)
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

// The smallest complete repository, through the Management API: module type "os", set type "fw" that needs it,
// module linux 6.1, set fw 1 holding it. The set's id; 0 (with the refused answer logged) when any step fails.
inline qint64 addFirmwareSet(HttpClient &api)
{
    const std::pair<QString, QByteArray> steps[] = {
        { QStringLiteral("/softwaremoduletypes"), R"([{"key":"os","name":"OS"}])" },
        { QStringLiteral("/distributionsettypes"), R"([{"key":"fw","name":"FW","mandatorymodules":["os"]}])" },
        { QStringLiteral("/softwaremodules"), R"([{"type":"os","name":"linux","version":"6.1"}])" },
        { QStringLiteral("/distributionsets"), R"([{"name":"fw","version":"1","type":"fw","modules":[{"id":1}]}])" },
    };
    HttpAnswer last;
    for (const auto &[path, body] : steps) {
        last = api.post(path, body);
        if (last.status != 201) {
            qWarning().noquote() << "POST" << path << "answered" << last.status << last.body;
            return 0;
        }
    }
    return last.jsonArray()[0][QStringLiteral("id")].toInteger();
}

} // namespace FlotillaTest
