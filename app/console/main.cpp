#include "mainwindow.h"
#include "programinfo.h"
#include "translations.h"
#include "unixsignalwatcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QScreen>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Flotilla::setApplicationInfo(QStringLiteral("flotilla-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Flotilla Console"));
    QApplication::setDesktopFileName(QStringLiteral("flotilla-console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/flotilla/flotilla.svg")));

    Flotilla::installTranslations(QLocale());

    QCommandLineParser parser;
    Flotilla::addStandardOptions(parser, QApplication::translate("main", "Flotilla operator console."));
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a screenshot of the main window to <file> once it is shown, then quit."),
        QStringLiteral("file"));
    parser.addOption(screenshotOption);
    parser.process(app);

    Flotilla::quitOnTerminationSignals(&app);

    Flotilla::MainWindow window;
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
