// Timeline benchmark (issue 7): the rollout timeline (QML Flotilla.Timeline) with N actions (default 10,000)
// in 5 groups over 8 hours, panned continuously for a few seconds. Prints frame times (interval between
// presented frames, and the render-thread time per frame) against the goal of 16 ms; exits 1 if missed.
//   tools/devroot run xvfb-run -a build/ci/tests/bin/bench_timeline [actions=10000] [seconds=5]
// (offscreen without DISPLAY; FLOTILLA_SCREENSHOT_DIR saves a picture of it.)
#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QRandomGenerator>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>
#include <mutex>

Q_IMPORT_QML_PLUGIN(Flotilla_TimelinePlugin)

using namespace Qt::StringLiterals;

namespace {

// Spans as the console's RolloutSpanModel names them.
class Spans : public QAbstractListModel
{
public:
    struct Span
    {
        qint64 id, lane, created, started, end;
        QString status;
    };
    explicit Spans(int n)
    {
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 8 * 3600 * 1000;
        auto *random = QRandomGenerator::global();
        const int perGroup = n / 5;
        for (int i = 0; i < n; ++i) {
            const int group = std::min(4, i / perGroup);
            const qint64 groupStart = t0 + group * 90 * 60 * 1000;
            const qint64 started = groupStart + random->bounded(20 * 60 * 1000);
            const qint64 duration = 5 * 60 * 1000 + random->bounded(60 * 60 * 1000);
            const bool open = group == 4 && random->bounded(3) == 0;
            const bool failed = random->bounded(40) == 0;
            m_spans.append({ i + 1, group + 1, t0, started, open ? -1 : started + duration,
                             open         ? u"running"_s
                                 : failed ? u"error"_s
                                          : u"finished"_s });
        }
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_spans.size()); }
    QVariant data(const QModelIndex &index, int role) const override
    {
        const Span &s = m_spans.at(index.row());
        switch (role) {
        case Qt::UserRole + 1:
            return s.id;
        case Qt::UserRole + 2:
            return u"device-%1"_s.arg(s.id);
        case Qt::UserRole + 3:
            return s.lane;
        case Qt::UserRole + 4:
            return s.status;
        case Qt::UserRole + 5:
            return s.created;
        case Qt::UserRole + 6:
            return s.started;
        case Qt::UserRole + 7:
            return s.end;
        }
        return {};
    }
    QHash<int, QByteArray> roleNames() const override
    {
        return { { Qt::UserRole + 1, "actionId" }, { Qt::UserRole + 2, "label" },     { Qt::UserRole + 3, "lane" },
                 { Qt::UserRole + 4, "status" },   { Qt::UserRole + 5, "createdMs" }, { Qt::UserRole + 6, "startedMs" },
                 { Qt::UserRole + 7, "endMs" } };
    }

private:
    QList<Span> m_spans;
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min(qsizetype(v.size() - 1), qsizetype(p * double(v.size()))));
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int actions = argc > 1 ? std::max(100, atoi(argv[1])) : 10000;
    const int seconds = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    Spans spans(actions);
    QQuickView view;
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1400, 600);
    QQmlComponent component(view.engine());
    component.loadFromModule("Flotilla.Timeline", "RolloutTimeline");
    QObject *root = component.createWithInitialProperties({ { u"spans"_s, QVariant::fromValue<QObject *>(&spans) } });
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 2;
    }
    view.setContent(QUrl(), &component, root);
    view.show();

    std::mutex lock;
    QList<double> renderMs;
    QElapsedTimer renderTimer;
    QObject::connect(&view, &QQuickWindow::beforeRendering, &view, [&] { renderTimer.start(); }, Qt::DirectConnection);
    QObject::connect(
        &view, &QQuickWindow::afterRendering, &view,
        [&] {
            const std::lock_guard guard(lock);
            renderMs.append(renderTimer.nsecsElapsed() / 1e6);
        },
        Qt::DirectConnection);
    QList<double> intervals;
    QElapsedTimer frameClock;
    bool measuring = false;
    QObject::connect(&view, &QQuickWindow::frameSwapped, &view, [&] {
        if (measuring && frameClock.isValid())
            intervals.append(frameClock.nsecsElapsed() / 1e6);
        frameClock.restart();
    });
    // Wait for the first frames, then pan: move the view by 1/200 of its span every animation tick.
    QElapsedTimer wait;
    wait.start();
    while (!root->property("viewInitialised").toBool() && wait.elapsed() < 10000)
        app.processEvents(QEventLoop::AllEvents, 20);
    const double span = root->property("viewEnd").toDouble() - root->property("viewStart").toDouble();
    // A zoomed-in view (2 hours across) so panning crosses many bars entering and leaving.
    root->setProperty("viewStart", root->property("viewStart").toDouble() + span / 4);
    root->setProperty("viewEnd", root->property("viewStart").toDouble() + 2 * 3600 * 1000.0);
    QTimer pan;
    pan.setTimerType(Qt::PreciseTimer);
    int direction = 1;
    int step = 0;
    QObject::connect(&pan, &QTimer::timeout, &view, [&] {
        const double s = root->property("viewStart").toDouble();
        const double e = root->property("viewEnd").toDouble();
        const double d = direction * (e - s) / 200;
        root->setProperty("viewStart", s + d);
        root->setProperty("viewEnd", e + d);
        if (++step % 400 == 0)
            direction = -direction;
    });
    {
        const std::lock_guard guard(lock);
        renderMs.clear();
    }
    measuring = true;
    pan.start(8);
    QElapsedTimer run;
    run.start();
    while (run.elapsed() < seconds * 1000)
        app.processEvents(QEventLoop::AllEvents, 5);
    pan.stop();
    measuring = false;
    QQuickItem *bars = root->findChild<QQuickItem *>(u"timelineBars"_s);
    std::printf(
        "platform %s, %d actions in 5 groups over 8 h; panned for %d s (a step every 8 ms): %lld frames; at the "
        "end %d bars in view drawn as %d quads\n",
        qPrintable(QGuiApplication::platformName()), actions, seconds, qlonglong(intervals.size()),
        bars ? bars->property("visibleBars").toInt() : -1, bars ? bars->property("quads").toInt() : -1);
    QList<double> render;
    {
        const std::lock_guard guard(lock);
        render = renderMs;
    }
    bool ok = !intervals.isEmpty();
    const auto line = [&](const char *what, double value, bool goal) {
        std::printf("%-52s %8.2f ms%s\n", what, value,
                    goal ? (value <= 16.0 ? "  goal <= 16 ms  OK" : "  goal <= 16 ms  MISSED") : "");
        if (goal)
            ok &= value <= 16.0;
    };
    line("frame interval, median", percentile(intervals, 0.5), false);
    line("frame interval, 95th percentile", percentile(intervals, 0.95), true);
    line("frame interval, worst", percentile(intervals, 1.0), false);
    line("render-thread time per frame, median", percentile(render, 0.5), false);
    line("render-thread time per frame, 95th percentile", percentile(render, 0.95), true);
    const QString dir = qEnvironmentVariable("FLOTILLA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        view.grabWindow().save(dir + u"/timeline-10000.png"_s);
    return ok ? 0 : 1;
}
