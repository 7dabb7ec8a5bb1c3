#include "agent/grpcplugin.h"

#include "agent/agentlogging.h"
#include "agent/localapi/localapi.h"
#include "agent/um/umservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibrary>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace GrpcPlugin {

void *resolve(const char *symbol, QString *error)
{
    static QMutex mutex;
    static QLibrary *library = nullptr;
    static QString loadError;
    const QMutexLocker lock(&mutex);
    if (!library && loadError.isEmpty()) {
        QStringList dirs;
        if (const QString env = qEnvironmentVariable("FLOTILLA_AGENT_PLUGIN_DIR"); !env.isEmpty())
            dirs << env;
        const QString app = QCoreApplication::applicationDirPath();
        dirs << app << app + u"/../lib/flotilla"_s << QStringLiteral(FLOTILLA_AGENT_PLUGIN_BUILD_DIR);
        QStringList tried;
        for (const QString &dir : std::as_const(dirs)) {
            const QString path = QDir::cleanPath(QDir(dir).filePath(u"libflotilla_agent_grpc.so"_s));
            if (!QFile::exists(path))
                continue;
            auto *candidate = new QLibrary(path);
            // The plugin's references to the agent's classes bind to the program's own copies (the agent
            // exports them: ENABLE_EXPORTS), so a DeviceAgent is one class on both sides.
            if (candidate->load()) {
                library = candidate;
                qCInfo(lcAgent, "gRPC plugin loaded from %s", qUtf8Printable(path));
                break;
            }
            tried << candidate->errorString();
            delete candidate;
        }
        if (!library)
            loadError = tried.isEmpty() ? QCoreApplication::translate("Flotilla::Agent::GrpcPlugin",
                                                                      "the gRPC plugin libflotilla_agent_grpc.so is "
                                                                      "in none of %1")
                                              .arg(dirs.join(u", "_s))
                                        : tried.join(u"; "_s);
    }
    if (!library) {
        *error = loadError;
        return nullptr;
    }
    void *address = reinterpret_cast<void *>(library->resolve(symbol));
    if (!address)
        *error = library->errorString();
    return address;
}

} // namespace GrpcPlugin

using UmServiceFactory = UmService *(*)(UmService::Callbacks *);
using LocalApiFactory = LocalApi *(*)(DeviceAgent *);

std::unique_ptr<UmService> UmService::create(Callbacks callbacks, QString *error)
{
    const auto factory
        = reinterpret_cast<UmServiceFactory>(GrpcPlugin::resolve("flotilla_agent_create_um_service", error));
    return std::unique_ptr<UmService>(factory ? factory(&callbacks) : nullptr);
}

std::unique_ptr<LocalApi> LocalApi::create(DeviceAgent *agent, QString *error)
{
    const auto factory
        = reinterpret_cast<LocalApiFactory>(GrpcPlugin::resolve("flotilla_agent_create_local_api", error));
    return std::unique_ptr<LocalApi>(factory ? factory(agent) : nullptr);
}

} // namespace Flotilla::Agent
