#include "programinfo.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcMain, "flotilla.um", QtInfoMsg)
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Flotilla::setApplicationInfo(QStringLiteral("flotilla-um"));

    QCommandLineParser parser;
    Flotilla::addStandardOptions(
        parser,
        QCoreApplication::translate(
            "main",
            "Flotilla reference firmware Update Manager: registers with the agent over gRPC (UMService.RegisterUM)."));
    parser.process(app);

    Flotilla::quitOnTerminationSignals(&app);
    qCInfo(lcMain, "%s %s started (pid %lld)", qUtf8Printable(QCoreApplication::applicationName()),
           qUtf8Printable(QCoreApplication::applicationVersion()), QCoreApplication::applicationPid());
    const int rc = app.exec();
    qCInfo(lcMain, "stopped");
    return rc;
}
