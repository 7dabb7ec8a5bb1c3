#include "app/common/programinfo.h"
#include "app/common/unixsignalwatcher.h"
#include "qml/kiosk/localupdateclient.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <functional>

Q_IMPORT_QML_PLUGIN(Flotilla_KioskPlugin)

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcMain, "flotilla.kiosk", QtInfoMsg)

// FLOTILLA_KIOSK_REPORT_TARGETS=1: prints "target NAME X Y" (window coordinates of the centre) for every
// visible button whenever it moves or appears, so an integration test can press it with a real mouse.
void reportTargets(QQuickWindow *window, QHash<QString, QPoint> *last)
{
    QHash<QString, QPoint> now;
    QList<QQuickItem *> items;
    std::function<void(QQuickItem *)> collect = [&](QQuickItem *root) {
        for (QQuickItem *child : root->childItems()) {
            items << child;
            collect(child);
        }
    };
    collect(window->contentItem());
    for (QQuickItem *item : std::as_const(items)) {
        if (!item->objectName().endsWith("Button"_L1) || !item->isVisible() || !item->isEnabled() || item->width() <= 0)
            continue;
        bool shown = true;
        for (QQuickItem *p = item; p; p = p->parentItem())
            shown = shown && p->isVisible() && p->opacity() > 0;
        if (!shown)
            continue;
        now.insert(item->objectName(), item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint());
    }
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (last->value(it.key(), QPoint(-1, -1)) != it.value())
            std::printf("target %s %d %d\n", qPrintable(it.key()), it.value().x(), it.value().y());
    }
    std::fflush(stdout);
    *last = now;
}
} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    Flotilla::setApplicationInfo(QStringLiteral("flotilla-kiosk"));
    // The device's language (LANG / LC_MESSAGES), German included. (The .qm files live in the QML module's static
    // library, whose resources are only linked when named.)
    Q_INIT_RESOURCE(kiosk_translations);
    QTranslator translator;
    if (translator.load(QLocale(), u"flotilla-kiosk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    Flotilla::addStandardOptions(
        parser,
        QGuiApplication::translate("main",
                                   "Flotilla kiosk: update consent, schedule and progress on the device's screen."));
    const QCommandLineOption windowedOption(
        u"windowed"_s, QGuiApplication::translate("main", "Run in a window instead of full screen."));
    const QCommandLineOption agentOption(
        u"agent"_s,
        QGuiApplication::translate("main", "The agent's local API: a socket path or HOST:PORT (default %1).")
            .arg(u"/run/flotilla-agent/local.sock"_s),
        u"ADDRESS"_s, u"/run/flotilla-agent/local.sock"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QGuiApplication::translate("main", "Save the screen to FILE once the agent's first state is shown, then quit."),
        u"FILE"_s);
    parser.addOptions({ windowedOption, agentOption, screenshotOption });
    parser.process(app);

    Flotilla::quitOnTerminationSignals(&app);

    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.setInitialProperties(
        { { u"windowed"_s, parser.isSet(windowedOption) }, { u"agentAddress"_s, parser.value(agentOption) } });
    engine.loadFromModule("Flotilla.Kiosk", "Main");
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    auto *client = window->findChild<Flotilla::Kiosk::LocalUpdateClient *>(u"client"_s);
    qCInfo(lcMain, "flotilla-kiosk started (pid %lld), agent %s", QCoreApplication::applicationPid(),
           qUtf8Printable(parser.value(agentOption)));

    if (parser.isSet(screenshotOption)) {
        // Once the first state is there and painted: grab, save, quit.
        const QString file = parser.value(screenshotOption);
        auto grab = [window, file] {
            QTimer::singleShot(700, window, [window, file] {
                const bool ok = window->grabWindow().save(file);
                std::fprintf(ok ? stdout : stderr, ok ? "screenshot saved: %s\n" : "cannot save %s\n",
                             qPrintable(file));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        if (client && client->hasReceived())
            grab();
        else if (client)
            QObject::connect(client, &Flotilla::Kiosk::LocalUpdateClient::changed, window, [client, grab] {
                static bool once = false;
                if (!once && client->hasReceived()) {
                    once = true;
                    grab();
                }
            });
    }
    QHash<QString, QPoint> lastTargets;
    QTimer targets;
    if (qEnvironmentVariableIsSet("FLOTILLA_KIOSK_REPORT_TARGETS")) {
        QObject::connect(&targets, &QTimer::timeout, window,
                         [window, &lastTargets] { reportTargets(window, &lastTargets); });
        targets.start(250);
    }
    return app.exec();
}
