// Console benchmarks (issue 6). Prints figures and goals; exits 1 if a goal is missed.
//   tools/devroot run build/ci/tests/bin/bench_console [targets=100000] [runs=5]
// Runs offscreen unless DISPLAY is set (run it under xvfb-run for X11 figures).
//   1. start to first painted window: the real flotilla-console binary on a store holding N targets, from
//      process start until its start page, the Overview, has painted every card's numbers (--report-first-paint);
//      median and worst of several cold starts (each a new process; the store's file is warm in the page cache).
//   1b. the Overview in-process: from connecting to an embedded server on that store until every card has its
//      numbers and the page has painted them (the server counts; one request per card).
//   2. scrolling the targets page: in-process, the same pages against an embedded server on that store; wheel
//      steps, page-downs and thumb drags across the whole list. "Frame" is the longest single event dispatch on
//      the GUI thread (paints, replies, JSON); also the longest gap seen by a 5 ms timer (what a user feels).
#include "app/console/firstpaintprobe.h"
#include "app/console/mainwindow.h"
#include "app/console/models/targettablemodel.h"
#include "app/console/pages/overviewpage.h"
#include "app/console/pages/targetspage.h"
#include "app/console/pagestack.h"
#include "backend/serverthread.h"
#include "backend/sqlstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QWheelEvent>

#include <algorithm>
#include <cstdio>

using namespace Flotilla;
using namespace Qt::StringLiterals;

namespace {

// Times every top-level event dispatch on the GUI thread while measuring is on.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!measuring)
            return QApplication::notify(receiver, event);
        const bool paint = event->type() == QEvent::Paint && receiver == viewport;
        if (depth > 0 && !paint)
            return QApplication::notify(receiver, event);
        ++depth;
        QElapsedTimer t;
        t.start();
        const bool r = QApplication::notify(receiver, event);
        const qint64 ns = t.nsecsElapsed();
        --depth;
        if (paint) {
            longestPaintNs = std::max(longestPaintNs, ns);
            ++paints;
        }
        if (depth == 0 && ns > longestNs) {
            longestNs = ns;
            longestType = event->type();
        }
        return r;
    }
    QObject *viewport = nullptr; // whose paints are counted
    bool measuring = false;
    int depth = 0;
    qint64 longestNs = 0;
    qint64 longestPaintNs = 0;
    int paints = 0;
    QEvent::Type longestType = QEvent::None;
};

bool report(const char *what, double value, const char *unit, double goal)
{
    const bool ok = value <= goal;
    std::printf("%-58s %10.1f %-3s goal <= %.0f %s  %s\n", what, value, unit, goal, unit, ok ? "OK" : "MISSED");
    return ok;
}

bool fillStore(const QString &path, int targets)
{
    SqlStore store;
    if (!store.open(u"sqlite:"_s + path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.lastError()));
        return false;
    }
    StoreTransaction tx(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < targets; ++i) {
        Target t;
        t.controllerId = u"device-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        t.securityToken = u"token-%1"_s.arg(i);
        t.state = i % 7 == 0 ? TargetState::Error : (i % 3 == 0 ? TargetState::InSync : TargetState::Registered);
        // Polls spread over the last 20 minutes (half of them overdue at the default 5 + 5 minutes); one in
        // eleven never polled.
        if (i % 11 != 0)
            t.lastPoll = now.addSecs(-(i % 1200));
        else
            t.state = TargetState::Unknown;
        store.targets().insertTarget(t).value();
    }
    if (const Result<void> committed = tx.commit(); !committed) {
        std::fprintf(stderr, "%s\n", qPrintable(committed.error().message));
        return false;
    }
    return true;
}

// Seconds from process start to "first-paint" on its stdout, or -1.
double firstPaint(const QString &program, const QString &database, const QString &home)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    if (!env.contains(u"DISPLAY"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer t;
    t.start();
    p.start(program,
            { u"--database"_s, u"sqlite:"_s + database, u"--listen"_s, u"127.0.0.1:0"_s, u"--report-first-paint"_s });
    double seconds = -1;
    while (p.waitForReadyRead(20000)) {
        if (p.readAll().contains("first-paint")) {
            seconds = t.nsecsElapsed() / 1e9;
            break;
        }
    }
    p.terminate();
    if (!p.waitForFinished(10000))
        p.kill();
    return seconds;
}

void settle(TimingApplication &app, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        app.processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    const int targets = argc > 1 ? std::max(1000, atoi(argv[1])) : 100000;
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QTemporaryDir dir;
    const QString db = dir.filePath(u"flotilla.db"_s);
    QElapsedTimer timer;
    timer.start();
    if (!fillStore(db, targets))
        return 2;
    std::printf("platform %s, %d targets (store filled in %.1f s)\n",
                qEnvironmentVariableIsSet("DISPLAY") ? "xcb" : "offscreen", targets, timer.elapsed() / 1000.0);

    // 1. Start to first paint, the real binary.
    const QString console = QCoreApplication::applicationDirPath() + u"/../../bin/flotilla-console"_s;
    QList<double> starts;
    for (int i = 0; i < runs; ++i) {
        const double s = firstPaint(console, db, dir.filePath(u"home"_s));
        if (s < 0) {
            std::fprintf(stderr, "flotilla-console (%s) never reported its first paint\n", qPrintable(console));
            return 2;
        }
        starts.append(s * 1000);
    }
    std::sort(starts.begin(), starts.end());
    bool ok = true;
    std::printf("start to first paint, %d runs (ms):", runs);
    for (double s : starts)
        std::printf(" %.0f", s);
    std::printf("\n");
    ok &= report("start to first painted overview, every card (median)", starts.at(starts.size() / 2), "ms", 1500);
    ok &= report("start to first painted overview, every card (worst)", starts.last(), "ms", 1500);

    // 2. Scrolling, in-process against an embedded server on the same store.
    ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    config.database = u"sqlite:"_s + db;
    config.artifactDirectory = dir.filePath(u"artifacts"_s);
    config.localCredentialFile = dir.filePath(u"bench-credential"_s); // the console's own administrator
    ServerThread server(config);
    QSignalSpy started(&server, &ServerThread::started);
    server.start();
    if (!started.wait(20000)) {
        std::fprintf(stderr, "embedded server did not start\n");
        return 2;
    }
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    const auto [user, password] = server.localCredential();
    QSignalSpy overviewLoaded(window.overviewPage(), &OverviewPage::loaded);
    QElapsedTimer opening;
    opening.start();
    window.connectToServer({ QUrl(started.first().at(0).toString()), user, password });
    if (!overviewLoaded.wait(20000)) {
        std::fprintf(stderr, "the overview never loaded\n");
        return 2;
    }
    window.overviewPage()->repaint();
    const double overviewMs = opening.nsecsElapsed() / 1e6;
    std::printf(
        "overview: %lld targets, %lld overdue, %lld never seen\n", qlonglong(window.overviewPage()->count(u"total"_s)),
        qlonglong(window.overviewPage()->count(u"overdue"_s)), qlonglong(window.overviewPage()->count(u"neverSeen"_s)));
    ok &= report("connect to painted overview, every card (in-process)", overviewMs, "ms", 1000);

    window.pages()->setCurrentPage(window.targetsPage());
    QTableView *view = window.targetsPage()->view();
    QSignalSpy painted(new FirstPaintProbe(view, TargetTableModel::LoadedRole, &window), &FirstPaintProbe::painted);
    if (!painted.wait(20000)) {
        std::fprintf(stderr, "targets page never showed data\n");
        return 2;
    }
    auto *model = qobject_cast<TargetTableModel *>(view->model());
    std::printf("targets page shows %d rows\n", model ? model->rowCount() : -1);

    // A 5 ms heartbeat: the longest gap between its ticks is the longest the GUI did not respond.
    QElapsedTimer beat;
    qint64 longestGapNs = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &heartbeat, [&] {
        longestGapNs = std::max(longestGapNs, beat.nsecsElapsed());
        beat.restart();
    });
    app.viewport = view->viewport();
    app.measuring = true;
    beat.start();
    heartbeat.start(5);
    QScrollBar *bar = view->verticalScrollBar();
    QElapsedTimer scrolling;
    scrolling.start();
    // Wheel: 300 notches down, as a user spinning the wheel (one per 16 ms).
    const QPoint centre = view->viewport()->rect().center();
    for (int i = 0; i < 300; ++i) {
        QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        settle(app, 16);
    }
    // Page down 100 times.
    for (int i = 0; i < 100; ++i) {
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        settle(app, 16);
    }
    // Thumb drags: 200 jumps anywhere in the list (pages not loaded yet), 16 ms apart, then a pause.
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 200; ++i) {
        bar->setValue(random->bounded(bar->maximum() + 1));
        settle(app, 16);
    }
    settle(app, 500);
    heartbeat.stop();
    app.measuring = false;
    const double seconds = scrolling.elapsed() / 1000.0;
    std::printf("scrolled %.1f s: 300 wheel notches, 100 page-downs, 200 thumb jumps; %d paints; %d pages loaded "
                "(at most %d kept)\n",
                seconds, app.paints, model ? model->loadedPageCount() : -1, TargetTableModel::MaxPages);
    std::printf("longest event dispatch was of type %d (QEvent::Type)\n", int(app.longestType));
    ok &= report("longest paint of the targets page while scrolling", app.longestPaintNs / 1e6, "ms", 50);
    ok &= report("longest GUI event dispatch while scrolling (frame)", app.longestNs / 1e6, "ms", 50);
    ok &= report("longest GUI stall seen by a 5 ms timer", longestGapNs / 1e6, "ms", 50);
    return ok ? 0 : 1;
}
