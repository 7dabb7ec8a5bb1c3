#include "agent/agentconfig.h"
#include "agent/deviceagent.h"
#include "agent/localapi/localapi.h"
#include "app/common/programinfo.h"
#include "app/common/systemdnotifier.h"
#include "app/common/unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcMain, "flotilla.agent", QtInfoMsg)
}

int main(int argc, char *argv[])
{
    // Qt's own UNIX event dispatcher instead of GLib's, as flotillad: no GLib users here, and an idle agent then
    // does not touch GLib at all. A QT_NO_GLIB already in the environment is left alone.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    Flotilla::setApplicationInfo(QStringLiteral("flotilla-agent"));

    QCommandLineParser parser;
    Flotilla::addStandardOptions(
        parser,
        QCoreApplication::translate("main",
                                    "Flotilla device agent: polls the rollout server over hawkBit DDI and runs updates "
                                    "through step handlers and Update Managers."));
    const QCommandLineOption config(
        u"config"_s, QCoreApplication::translate("main", "Read the configuration from FILE (INI)."), u"FILE"_s);
    // Command-line overrides of configuration keys, for tests and one-off runs.
    const QList<std::pair<QCommandLineOption, QString>> overrides = {
        { QCommandLineOption(u"server"_s, QCoreApplication::translate("main", "The server's URL (server/url)."),
                             u"URL"_s),
          u"server/url"_s },
        { QCommandLineOption(u"tenant"_s, QCoreApplication::translate("main", "The tenant (server/tenant)."),
                             u"TENANT"_s),
          u"server/tenant"_s },
        { QCommandLineOption(u"controller-id"_s,
                             QCoreApplication::translate("main", "This device's controller id (device/controllerId)."),
                             u"ID"_s),
          u"device/controllerId"_s },
        { QCommandLineOption(u"target-token"_s,
                             QCoreApplication::translate("main", "The device's target token (auth/targetToken)."),
                             u"TOKEN"_s),
          u"auth/targetToken"_s },
        { QCommandLineOption(u"gateway-token"_s,
                             QCoreApplication::translate("main", "The tenant's gateway token (auth/gatewayToken)."),
                             u"KEY"_s),
          u"auth/gatewayToken"_s },
        { QCommandLineOption(u"state-dir"_s,
                             QCoreApplication::translate("main", "Where the agent keeps its state (paths/state)."),
                             u"DIR"_s),
          u"paths/state"_s },
        { QCommandLineOption(u"download-dir"_s,
                             QCoreApplication::translate("main", "Where artifacts are downloaded (paths/downloads)."),
                             u"DIR"_s),
          u"paths/downloads"_s },
        { QCommandLineOption(u"um-listen"_s,
                             QCoreApplication::translate(
                                 "main", "Serve Update Managers (UMService) on HOST:PORT (updateManagers/listen)."),
                             u"HOST:PORT"_s),
          u"updateManagers/listen"_s },
        { QCommandLineOption(u"local-api"_s,
                             QCoreApplication::translate(
                                 "main", "Serve the local API (the kiosk) on a loopback HOST:PORT (localApi/listen)."),
                             u"HOST:PORT"_s),
          u"localApi/listen"_s },
    };
    parser.addOption(config);
    for (const auto &[option, key] : overrides)
        parser.addOption(option);
    parser.process(app);

    QMap<QString, QString> values;
    for (const auto &[option, key] : overrides) {
        if (parser.isSet(option))
            values.insert(key, parser.value(option));
    }
    QString error;
    const std::optional<Flotilla::Agent::AgentConfig> loaded
        = Flotilla::Agent::AgentConfig::load(parser.value(config), values, &error);
    if (!loaded) {
        std::fprintf(stderr, "flotilla-agent: %s\n", qUtf8Printable(error));
        return 2;
    }

    Flotilla::SystemdNotifier systemd;
    Flotilla::Agent::DeviceAgent agent(*loaded);
    Flotilla::UnixSignalWatcher signals({ SIGTERM, SIGINT });
    QObject::connect(&signals, &Flotilla::UnixSignalWatcher::unixSignal, &agent, [&agent, &systemd](int sig) {
        qCInfo(lcMain, "received %s, stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
        systemd.stopping();
        agent.stop();
    });
    QObject::connect(&agent, &Flotilla::Agent::DeviceAgent::stopped, &app, [] { QCoreApplication::exit(0); });
    QObject::connect(&agent, &Flotilla::Agent::DeviceAgent::restartRequested, &app, [&systemd] {
        systemd.stopping();
        QCoreApplication::exit(0); // the unit's Restart=always starts the agent again
    });
    if (!agent.start(&error)) {
        std::fprintf(stderr, "flotilla-agent: %s\n", qUtf8Printable(error));
        return 2;
    }
    // The device's own screen (flotilla-kiosk) and local tools.
    std::unique_ptr<Flotilla::Agent::LocalApi> localApi;
    if (loaded->hasLocalApi()) {
        localApi = Flotilla::Agent::LocalApi::create(&agent, &error);
        if (!localApi || !localApi->listen(&error)) {
            std::fprintf(stderr, "flotilla-agent: localApi: %s\n", qUtf8Printable(error));
            return 2;
        }
    }
    systemd.ready(QCoreApplication::translate("main", "polling %1").arg(loaded->serverUrl.toDisplayString()));
    qCInfo(lcMain, "%s %s started (pid %lld)", qUtf8Printable(QCoreApplication::applicationName()),
           qUtf8Printable(QCoreApplication::applicationVersion()), QCoreApplication::applicationPid());
    const int rc = app.exec();
    qCInfo(lcMain, "stopped");
    return rc;
}
