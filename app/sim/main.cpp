#include "app/common/clockrate.h"
#include "app/common/programinfo.h"
#include "app/common/unixsignalwatcher.h"
#include "sim/simulatedfleet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("main", text);
}

// "controllerId token" per line (or "controllerId=token", "controllerId,token"); # starts a comment.
std::optional<QList<std::pair<QString, QString>>> readTokens(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("--tokens: %1 cannot be read: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QList<std::pair<QString, QString>> out;
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(f.readLine()).trimmed();
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        static const QRegularExpression separator(u"[\\s=,]+"_s);
        const QStringList parts = text.split(separator, Qt::SkipEmptyParts);
        if (parts.size() != 2) {
            *error = tr("--tokens: %1 line %2: expected \"controllerId token\"").arg(path).arg(line);
            return std::nullopt;
        }
        out.append({ parts.at(0), parts.at(1) });
    }
    if (out.isEmpty()) {
        *error = tr("--tokens: %1 names no device").arg(path);
        return std::nullopt;
    }
    return out;
}

bool positive(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max, int *out,
              QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = tr("--%1: expected a whole number from %2 to %3").arg(option.names().constFirst()).arg(min).arg(max);
        return false;
    }
    *out = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    Flotilla::setApplicationInfo(u"flotilla-sim"_s);

    QCommandLineParser parser;
    Flotilla::addStandardOptions(parser,
                                 tr("Flotilla fleet simulator: N simulated devices, each running the device agent, "
                                    "polling a hawkBit DDI server over real HTTP."));
    const QCommandLineOption server(u"server"_s, tr("The DDI server's URL (scheme://host:port)."), u"URL"_s);
    const QCommandLineOption tenant(u"tenant"_s, tr("The tenant (default DEFAULT)."), u"TENANT"_s, u"DEFAULT"_s);
    const QCommandLineOption gateway(u"gateway-token"_s,
                                     tr("The tenant's gateway token: devices register on their first poll."), u"KEY"_s);
    const QCommandLineOption tokens(u"tokens"_s,
                                    tr("Devices and their target tokens, \"controllerId token\" per line."), u"FILE"_s);
    const QCommandLineOption devices(u"devices"_s, tr("How many devices (with --tokens: the first N of the file)."),
                                     u"N"_s);
    const QCommandLineOption prefix(u"prefix"_s, tr("Devices are named PREFIX<n> (default sim-)."), u"PREFIX"_s,
                                    u"sim-"_s);
    const QCommandLineOption fleet(
        u"fleet"_s, tr("The fleet description: JSON profiles, or INI when FILE ends in .ini or .conf."), u"FILE"_s);
    const QCommandLineOption duration(u"duration"_s, tr("Stop after S seconds (default: until SIGTERM)."), u"S"_s);
    const QCommandLineOption report(u"report"_s, tr("Write the final report (JSON) to FILE."), u"FILE"_s);
    const QCommandLineOption stateDir(
        u"state-dir"_s, tr("Keep the devices' agent state in DIR (default: a temporary directory in /dev/shm)."),
        u"DIR"_s);
    const QCommandLineOption caFile(u"ca-file"_s, tr("The CA certificate(s) for an https server (PEM)."), u"FILE"_s);
    const QCommandLineOption seed(u"seed"_s, tr("The seed of the simulated failures (default 1)."), u"N"_s);
    const QCommandLineOption rampUp(u"ramp-up"_s, tr("Spread the devices' first polls over S seconds."), u"S"_s);
    const QCommandLineOption concurrency(u"max-concurrent-polls"_s, tr("Polls on the wire at once (default 64)."),
                                         u"N"_s);
    const QCommandLineOption connections(u"connections"_s, tr("HTTP connections to the server at once (default 64)."),
                                         u"N"_s);
    const QCommandLineOption interval(u"status-interval"_s,
                                      tr("Print a status line every S seconds (default 5, 0: never)."), u"S"_s);
    const QCommandLineOption verbose(u"verbose"_s, tr("Log what every device's agent does."));
    const QCommandLineOption clockRate(u"clock-rate"_s,
                                       tr("The server's clock runs R times faster than the wall clock (flotillad "
                                          "--clock-rate R): the profiles' times and the ramp-up are in its seconds."),
                                       u"R"_s);
    parser.addOptions({ server, tenant, gateway, tokens, devices, prefix, fleet, duration, report, stateDir, caFile,
                        seed, rampUp, concurrency, connections, interval, verbose, clockRate });
    parser.process(app);

    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(u"flotilla.agent.info=false\nflotilla.agent.warning=false"_s);

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "flotilla-sim: %s\n", qUtf8Printable(message));
        return 2;
    };
    Flotilla::Sim::FleetOptions options;
    options.server = QUrl(parser.value(server));
    options.tenant = parser.value(tenant);
    options.gatewayToken = parser.value(gateway);
    options.prefix = parser.value(prefix);
    options.caFile = parser.value(caFile);
    QString error;
    if (!parser.isSet(server))
        return fail(tr("--server is required"));
    if (parser.isSet(gateway) == parser.isSet(tokens))
        return fail(tr("give either --gateway-token or --tokens"));
    int count = 0;
    int seconds = 0;
    int statusSeconds = 5;
    int ramp = 0;
    int seedValue = 1;
    if (!positive(parser, devices, 1, 1000000, &count, &error)
        || !positive(parser, duration, 1, 86400 * 30, &seconds, &error)
        || !positive(parser, interval, 0, 86400, &statusSeconds, &error)
        || !positive(parser, rampUp, 0, 86400, &ramp, &error)
        || !positive(parser, concurrency, 1, 10000, &options.maxConcurrentPolls, &error)
        || !positive(parser, connections, 1, 1000, &options.connections, &error)
        || !positive(parser, seed, 0, std::numeric_limits<int>::max(), &seedValue, &error))
        return fail(error);
    options.rampUpSeconds = ramp;
    if (parser.isSet(clockRate)) {
        const std::optional<double> rate = Flotilla::parseClockRate(parser.value(clockRate));
        if (!rate)
            return fail(tr("--clock-rate: '%1' is not a number from %2 to %3")
                            .arg(parser.value(clockRate))
                            .arg(Flotilla::MinClockRate)
                            .arg(Flotilla::MaxClockRate));
        options.clockRate = *rate;
    }
    options.seed = quint64(seedValue);
    if (parser.isSet(tokens)) {
        auto list = readTokens(parser.value(tokens), &error);
        if (!list)
            return fail(error);
        if (count > 0 && count < list->size())
            list->resize(count);
        options.devices = *list;
    } else if (count <= 0) {
        return fail(tr("--devices is required with --gateway-token"));
    } else {
        options.count = count;
    }
    if (parser.isSet(fleet)) {
        const auto description = Flotilla::Sim::FleetDescription::load(parser.value(fleet), &error);
        if (!description)
            return fail(tr("--fleet: %1").arg(error));
        options.fleet = *description;
    }
    std::unique_ptr<QTemporaryDir> temporary;
    if (parser.isSet(stateDir)) {
        options.stateDir = parser.value(stateDir);
    } else {
        // Memory-backed when the machine has it (/dev/shm): a simulated device's state need not survive a power
        // loss, and thousands of agents syncing their state files to a disk would measure the disk, not the server.
        const QString shm = u"/dev/shm"_s;
        const QString base = QFileInfo(shm).isDir() && QFileInfo(shm).isWritable() ? shm : QDir::tempPath();
        temporary = std::make_unique<QTemporaryDir>(QDir(base).filePath(u"flotilla-sim-XXXXXX"_s));
        if (!temporary->isValid())
            return fail(tr("no temporary directory: %1").arg(temporary->errorString()));
        options.stateDir = temporary->path();
    }

    Flotilla::Sim::SimulatedFleet sim(options);
    const QString reportPath = parser.value(report);
    // The report goes to --report (or stdout); false when it cannot be written.
    const auto writeReport = [&sim, reportPath] {
        const QJsonDocument doc(sim.takeReport());
        if (reportPath.isEmpty()) {
            std::fprintf(stdout, "%s", doc.toJson().constData());
            std::fflush(stdout);
            return true;
        }
        QSaveFile out(reportPath);
        if (!out.open(QIODevice::WriteOnly) || out.write(doc.toJson()) < 0 || !out.commit()) {
            std::fprintf(stderr, "flotilla-sim: the report cannot be written to %s: %s\n", qUtf8Printable(reportPath),
                         qUtf8Printable(out.errorString()));
            return false;
        }
        return true;
    };
    QObject::connect(&sim, &Flotilla::Sim::SimulatedFleet::stopped, &app, [&sim, writeReport] {
        std::fprintf(stderr, "%s\n", qUtf8Printable(sim.statusLine()));
        QCoreApplication::exit(writeReport() ? 0 : 1);
    });
    // SIGTERM, SIGINT: stop and report. SIGUSR1: the report so far (its window: since the previous one), and the
    // run goes on.
    Flotilla::UnixSignalWatcher signals({ SIGTERM, SIGINT, SIGUSR1 });
    QObject::connect(&signals, &Flotilla::UnixSignalWatcher::unixSignal, &sim, [&sim, writeReport](int sig) {
        if (sig == SIGUSR1)
            writeReport();
        else
            sim.stop();
    });
    if (!sim.start(&error))
        return fail(error);
    QTimer status;
    if (statusSeconds > 0) {
        QObject::connect(&status, &QTimer::timeout, &sim,
                         [&sim] { std::fprintf(stderr, "%s\n", qUtf8Printable(sim.statusLine())); });
        status.start(std::chrono::seconds(statusSeconds));
    }
    if (seconds > 0)
        QTimer::singleShot(std::chrono::seconds(seconds), &sim, &Flotilla::Sim::SimulatedFleet::stop);
    return app.exec();
}
