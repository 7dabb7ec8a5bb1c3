#include "app/common/clockrate.h"
#include "app/common/programinfo.h"
#include "app/common/systemdnotifier.h"
#include "app/common/unixsignalwatcher.h"
#include "backend/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcMain, "flotilla.server", QtInfoMsg)

int fail(const QString &message)
{
    qCCritical(lcMain).noquote() << message;
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    // Qt's own UNIX event dispatcher instead of GLib's: flotillad is a socket server with no GLib users, and each
    // socket write through the GLib dispatcher costs an extra wake-up write (bench_ddi: about 10% more polls per
    // second). A QT_NO_GLIB already in the environment is left alone (set and empty: GLib again).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    Flotilla::setApplicationInfo(u"flotillad"_s);

    QCommandLineParser parser;
    Flotilla::addStandardOptions(
        parser,
        QCoreApplication::translate(
            "main", "Flotilla rollout server: hawkBit DDI API for devices, Management API for operators."));
    const QCommandLineOption config(
        u"config"_s, QCoreApplication::translate("main", "Read settings from the INI <file>."), u"file"_s);
    const QCommandLineOption listen(u"listen"_s,
                                    QCoreApplication::translate("main", "Listen on <host:port> (port 0: a free one)."),
                                    u"host:port"_s);
    const QCommandLineOption database(
        u"database"_s, QCoreApplication::translate("main", "Database: sqlite:PATH or postgres://user:pw@host/db."),
        u"url"_s);
    const QCommandLineOption artifactDir(u"artifact-dir"_s,
                                         QCoreApplication::translate("main", "Store artifacts in <dir>."), u"dir"_s);
    const QCommandLineOption publicUrl(
        u"public-url"_s, QCoreApplication::translate("main", "The URL devices reach this server at."), u"url"_s);
    const QCommandLineOption gatewayToken(
        u"gateway-token"_s, QCoreApplication::translate("main", "Accept 'Authorization: GatewayToken <key>'."),
        u"key"_s);
    const QCommandLineOption clockRate(
        u"clock-rate"_s,
        QCoreApplication::translate("main",
                                    "Simulations only: run the server's clock <rate> times faster than the wall clock "
                                    "(with flotilla-sim --clock-rate <rate>)."),
        u"rate"_s);
    parser.addOptions({ config, listen, database, artifactDir, publicUrl, gatewayToken, clockRate });
    parser.process(app);

    // The file first, then the command line over it.
    Flotilla::ServerConfig settings = Flotilla::ServerConfig::defaults();
    QString error;
    if (parser.isSet(config) && !settings.load(parser.value(config), &error))
        return fail(error);
    if (parser.isSet(listen) && !settings.setListen(parser.value(listen), &error))
        return fail(u"--listen: "_s + error);
    if (parser.isSet(database))
        settings.database = parser.value(database);
    if (parser.isSet(artifactDir))
        settings.artifactDirectory = parser.value(artifactDir);
    if (parser.isSet(publicUrl)) {
        settings.publicUrl = QUrl(parser.value(publicUrl), QUrl::StrictMode);
        if (!settings.publicUrl.isValid() || settings.publicUrl.host().isEmpty())
            return fail(u"--public-url: '%1' is not an http(s) URL"_s.arg(parser.value(publicUrl)));
    }
    if (parser.isSet(gatewayToken))
        settings.gatewayToken = parser.value(gatewayToken);

    if (parser.isSet(clockRate)) {
        const std::optional<double> rate = Flotilla::parseClockRate(parser.value(clockRate));
        if (!rate)
            return fail(u"--clock-rate: '%1' is not a number from %2 to %3"_s.arg(parser.value(clockRate))
                            .arg(Flotilla::MinClockRate)
                            .arg(Flotilla::MaxClockRate));
        settings.clockRate = *rate;
        qCWarning(lcMain, "simulation: the server's clock runs %g times faster than the wall clock",
                  settings.clockRate);
    }

    Flotilla::Server server(settings);
    if (!server.start())
        return fail(server.errorString());

    // Type=notify under systemd: READY=1 once listening, STOPPING=1 on the way out (nothing outside systemd).
    Flotilla::SystemdNotifier systemd;
    // SIGTERM/SIGINT: stop accepting, let running downloads finish, exit 0.
    auto *watcher = new Flotilla::UnixSignalWatcher({ SIGTERM, SIGINT }, &app);
    QObject::connect(watcher, &Flotilla::UnixSignalWatcher::unixSignal, &server, [&server, &systemd] {
        qCInfo(lcMain, "stopping: finishing %d running download(s)", server.activeTransfers());
        systemd.stopping();
        server.shutdown();
    });
    QObject::connect(&server, &Flotilla::Server::drained, &app, &QCoreApplication::quit);
    // Said once the signal handlers are in place: a service manager (or a test) may stop it from here on.
    qCInfo(lcMain, "%s %s started (pid %lld), listening on %s", qUtf8Printable(QCoreApplication::applicationName()),
           qUtf8Printable(QCoreApplication::applicationVersion()), QCoreApplication::applicationPid(),
           qUtf8Printable(server.url()));
    systemd.ready(QCoreApplication::translate("main", "listening on %1").arg(server.url()));
    const int rc = app.exec();
    qCInfo(lcMain, "stopped");
    return rc;
}
