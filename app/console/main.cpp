#include "app/common/programinfo.h"
#include "app/common/unixsignalwatcher.h"
#include "app/console/mainwindow.h"
#include "app/console/pages/overviewpage.h"
#include "app/console/translations.h"
#include "backend/serverthread.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

#include <cstdio>

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
    QCommandLineOption listenOption(
        QStringLiteral("listen"),
        QApplication::translate("main",
                                "Devices reach the embedded server at <host:port> (default 0.0.0.0:8080; port 0: any "
                                "free one)."),
        QStringLiteral("host:port"));
    QCommandLineOption noServerOption(QStringLiteral("no-server"),
                                      QApplication::translate("main", "Do not start the embedded server."));
    QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QApplication::translate("main",
                                "The embedded server's database: sqlite:PATH or postgres://user:pw@host/db (default: "
                                "flotilla.db in the application data folder)."),
        QStringLiteral("url"));
    // For bench_console: print "first-paint" on stdout once the start page (the Overview) shows all its numbers.
    QCommandLineOption firstPaintOption(QStringLiteral("report-first-paint"));
    firstPaintOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({ listenOption, noServerOption, databaseOption, firstPaintOption });
    parser.process(app);

    Flotilla::quitOnTerminationSignals(&app);

    Flotilla::MainWindow window;
    window.show();

    // The embedded server runs on its own thread; the window learns how it went from signals.
    std::unique_ptr<Flotilla::ServerThread> server;
    if (!parser.isSet(noServerOption)) {
        Flotilla::ServerConfig config = Flotilla::ServerConfig::defaults();
        const QString listen = parser.isSet(listenOption)
            ? parser.value(listenOption)
            : QSettings().value(QStringLiteral("server/listen"), QStringLiteral("0.0.0.0:8080")).toString();
        QString error;
        if (!config.setListen(listen, &error)) {
            window.setConnectionText(QApplication::translate("main", "Embedded server not started: %1").arg(error));
        } else {
            if (parser.isSet(databaseOption))
                config.database = parser.value(databaseOption);
            config.localCredentialFile
                = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/console-admin");
            server = std::make_unique<Flotilla::ServerThread>(config);
            QObject::connect(
                server.get(), &Flotilla::ServerThread::started, &window,
                [&window, &server](const QString &localUrl, const QString &deviceUrl) {
                    // The console is a client of its own server, over loopback, like of any other.
                    const auto [user, password] = server->localCredential();
                    const Flotilla::ServerLogin login { QUrl(localUrl), user, password };
                    window.setEmbeddedLogin(login);
                    window.connectToServer(login);
                    window.setConnectionText(
                        QApplication::translate("main", "Embedded server: devices connect to %1").arg(deviceUrl));
                });
            QObject::connect(server.get(), &Flotilla::ServerThread::failed, &window, [&window](const QString &why) {
                window.setConnectionText(QApplication::translate("main", "Embedded server stopped: %1").arg(why));
            });
            window.setConnectionText(QApplication::translate("main", "Starting the embedded server…"));
            server->start();
        }
    }

    if (parser.isSet(firstPaintOption)) {
        // The page a server with targets opens on: the Overview, painted with every card's numbers.
        Flotilla::OverviewPage *overview = window.overviewPage();
        QObject::connect(overview, &Flotilla::OverviewPage::loaded, &app, [overview] {
            overview->repaint();
            std::fputs("first-paint\n", stdout);
            std::fflush(stdout);
        });
    }

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return app.exec();
}
