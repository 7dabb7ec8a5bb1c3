#include "programinfo.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcMain, "flotilla.server", QtInfoMsg)
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Flotilla::setApplicationInfo(QStringLiteral("flotillad"));

    QCommandLineParser parser;
    Flotilla::addStandardOptions(
        parser,
        QCoreApplication::translate(
            "main", "Flotilla rollout server: hawkBit DDI API for devices, Management API for operators."));
    parser.process(app);

    Flotilla::quitOnTerminationSignals(&app);
    qCInfo(lcMain, "%s %s started (pid %lld)", qUtf8Printable(QCoreApplication::applicationName()),
           qUtf8Printable(QCoreApplication::applicationVersion()), QCoreApplication::applicationPid());
    const int rc = app.exec();
    qCInfo(lcMain, "stopped");
    return rc;
}
