#include "programinfo.h"
#include "unixsignalwatcher.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Flotilla_KioskPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    Flotilla::setApplicationInfo(QStringLiteral("flotilla-kiosk"));

    QCommandLineParser parser;
    Flotilla::addStandardOptions(
        parser,
        QGuiApplication::translate("main",
                                   "Flotilla kiosk: update consent, schedule and progress on the device's screen."));
    QCommandLineOption windowedOption(QStringLiteral("windowed"),
                                      QGuiApplication::translate("main", "Run in a window instead of full screen."));
    parser.addOption(windowedOption);
    parser.process(app);

    Flotilla::quitOnTerminationSignals(&app);

    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.setInitialProperties({ { QStringLiteral("windowed"), parser.isSet(windowedOption) } });
    engine.loadFromModule("Flotilla.Kiosk", "Main");
    return app.exec();
}
