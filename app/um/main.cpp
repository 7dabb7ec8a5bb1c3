#include "app/common/programinfo.h"
#include "app/common/systemdnotifier.h"
#include "app/common/unixsignalwatcher.h"
#include "app/um/agentconnection.h"
#include "app/um/referenceupdatemanager.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcMain, "flotilla.um", QtInfoMsg)

int fail(const QString &message)
{
    std::fprintf(stderr, "flotilla-um: %s\n", qUtf8Printable(message));
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    Flotilla::setApplicationInfo(QStringLiteral("flotilla-um"));

    QCommandLineParser parser;
    Flotilla::addStandardOptions(
        parser,
        QCoreApplication::translate("main",
                                    "Flotilla reference firmware Update Manager: registers with the agent over "
                                    "gRPC (UMService.RegisterUM) and installs A/B firmware images."));
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("main", text);
    };
    const QCommandLineOption config(u"config"_s, tr("Read the configuration from FILE (INI, group [um])."), u"FILE"_s);
    const QCommandLineOption agent(u"agent"_s, tr("The agent's UMService, HOST:PORT (um/agent)."), u"HOST:PORT"_s);
    const QCommandLineOption nodeId(u"node-id"_s, tr("This Update Manager's node id (um/nodeId)."), u"ID"_s);
    const QCommandLineOption priority(u"priority"_s, tr("Its update priority (um/priority, default 0)."), u"N"_s);
    const QCommandLineOption slotDir(u"slot-dir"_s, tr("The A/B image directory (um/slotDir)."), u"DIR"_s);
    const QCommandLineOption component(
        u"component"_s, tr("A component it owns, ID:TYPE; repeatable (um/components, comma-separated)."), u"ID:TYPE"_s);
    const QCommandLineOption updateCommand(
        u"update-command"_s,
        tr("Run at StartUpdate for each component: CMD <component> <image> <version>; non-zero exit = FAILED "
           "(um/updateCommand)."),
        u"CMD"_s);
    const QCommandLineOption rebootCommand(
        u"reboot-command"_s, tr("Reboot after StartUpdate switched the slots (um/rebootCommand)."), u"CMD"_s);
    const QCommandLineOption caFile(u"ca-file"_s, tr("TLS: the CA of the agent's certificate (um/caFile)."), u"FILE"_s);
    const QCommandLineOption certificate(u"certificate"_s,
                                         tr("Mutual TLS: this UM's certificate, PEM (um/certificate)."), u"FILE"_s);
    const QCommandLineOption key(u"key"_s, tr("Mutual TLS: its private key, PEM (um/key)."), u"FILE"_s);
    const QCommandLineOption reconnect(
        u"reconnect-interval"_s,
        tr("Seconds between attempts while the agent is away (um/reconnectInterval, default 3)."), u"S"_s);
    parser.addOptions({ config, agent, nodeId, priority, slotDir, component, updateCommand, rebootCommand, caFile,
                        certificate, key, reconnect });
    parser.process(app);

    QSettings settings(parser.value(config), QSettings::IniFormat);
    if (parser.isSet(config) && settings.status() != QSettings::NoError)
        return fail(tr("%1 cannot be read").arg(parser.value(config)));
    const auto value = [&](const QCommandLineOption &option, const QString &settingKey, const QString &fallback = {}) {
        return parser.isSet(option)
            ? parser.value(option)
            : (parser.isSet(config) ? settings.value(settingKey, fallback).toString() : fallback);
    };

    Flotilla::Um::ReferenceUpdateManager::Options options;
    options.nodeId = value(nodeId, u"um/nodeId"_s).trimmed();
    if (options.nodeId.isEmpty())
        return fail(tr("--node-id (um/nodeId) is required"));
    bool ok = false;
    options.priority = value(priority, u"um/priority"_s, u"0"_s).toUInt(&ok);
    if (!ok)
        return fail(tr("--priority (um/priority) must be a whole number >= 0"));
    options.slotDir = value(slotDir, u"um/slotDir"_s).trimmed();
    if (options.slotDir.isEmpty())
        return fail(tr("--slot-dir (um/slotDir) is required"));
    QStringList components = parser.values(component);
    if (components.isEmpty() && parser.isSet(config))
        components = settings.value(u"um/components"_s).toString().split(u',', Qt::SkipEmptyParts);
    if (components.isEmpty())
        return fail(tr("name at least one --component ID:TYPE (um/components)"));
    for (const QString &c : std::as_const(components)) {
        const QStringList parts = c.trimmed().split(u':');
        if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty() || parts.at(0).contains(u'/'))
            return fail(tr("--component \"%1\" is not ID:TYPE").arg(c));
        options.components.append({ parts.at(0), parts.at(1) });
    }
    options.updateCommand = value(updateCommand, u"um/updateCommand"_s).trimmed();
    options.rebootCommand = value(rebootCommand, u"um/rebootCommand"_s).trimmed();
    const QString agentAddress = value(agent, u"um/agent"_s, u"127.0.0.1:8091"_s).trimmed();
    const int reconnectSeconds = value(reconnect, u"um/reconnectInterval"_s, u"3"_s).toInt(&ok);
    if (!ok || reconnectSeconds < 1 || reconnectSeconds > 3600)
        return fail(tr("--reconnect-interval (um/reconnectInterval) must be 1..3600 seconds"));

    QGrpcChannelOptions channelOptions;
    const QString ca = value(caFile, u"um/caFile"_s).trimmed();
    const QString cert = value(certificate, u"um/certificate"_s).trimmed();
    const QString privateKey = value(key, u"um/key"_s).trimmed();
    if (cert.isEmpty() != privateKey.isEmpty())
        return fail(tr("mutual TLS needs both --certificate and --key"));
    if (!ca.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(ca);
        if (cas.isEmpty())
            return fail(tr("%1 holds no PEM certificate").arg(ca));
        tls.setCaCertificates(cas);
        tls.setAllowedNextProtocols({ QByteArrayLiteral("h2") });
        if (!cert.isEmpty()) {
            const QList<QSslCertificate> own = QSslCertificate::fromPath(cert);
            QFile keyFile(privateKey);
            if (own.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
                return fail(tr("cannot read %1 or %2").arg(cert, privateKey));
            const QByteArray pem = keyFile.readAll();
            QSslKey sslKey(pem, QSsl::Rsa);
            if (sslKey.isNull())
                sslKey = QSslKey(pem, QSsl::Ec);
            if (sslKey.isNull())
                return fail(tr("%1 holds no RSA or EC private key").arg(privateKey));
            tls.setLocalCertificate(own.first());
            tls.setPrivateKey(sslKey);
        }
        channelOptions.setSslConfiguration(tls);
    } else if (!cert.isEmpty()) {
        return fail(tr("mutual TLS needs --ca-file too"));
    }
    const QUrl url(u"%1://%2"_s.arg(ca.isEmpty() ? u"http"_s : u"https"_s, agentAddress));
    if (!url.isValid() || url.port() <= 0)
        return fail(tr("--agent \"%1\" is not HOST:PORT").arg(agentAddress));

    Flotilla::Um::ReferenceUpdateManager manager(options);
    QString error;
    if (!manager.load(&error))
        return fail(error);
    Flotilla::Um::AgentConnection connection(url, channelOptions, &manager, reconnectSeconds);
    Flotilla::quitOnTerminationSignals(&app);
    qCInfo(lcMain, "%s %s started (pid %lld): node %s, priority %u, agent %s", qUtf8Printable(app.applicationName()),
           qUtf8Printable(app.applicationVersion()), app.applicationPid(), qUtf8Printable(options.nodeId),
           options.priority, qUtf8Printable(url.toDisplayString()));
    connection.start();
    // Type=notify under systemd: ready once its slots are loaded and it is dialling the agent; WATCHDOG=1 while
    // its event loop runs.
    Flotilla::SystemdNotifier systemd;
    systemd.ready(tr("node %1, agent %2").arg(options.nodeId, url.toDisplayString()));
    const int rc = app.exec();
    qCInfo(lcMain, "stopped");
    return rc;
}
