#include "qml/style/statuspalette.h"

#include <QGuiApplication>
#include <QHash>
#include <QPalette>
#include <QThread>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {

struct Pair
{
    const char *light;
    const char *dark;
};

// Material-like tones: green done, red failed, blue moving, teal downloaded, orange waiting for a person, amber
// warned, blue-grey waiting for its turn, grey stopped or unknown, purple registered.
constexpr Pair Done { "#1e7d32", "#81c784" };
constexpr Pair Failed { "#c62828", "#ef9a9a" };
constexpr Pair Moving { "#1565c0", "#64b5f6" };
constexpr Pair Fetched { "#00897b", "#4db6ac" };
constexpr Pair NeedsPerson { "#ef6c00", "#ffb74d" };
constexpr Pair Warned { "#b26a00", "#ffd54f" };
constexpr Pair Queued { "#78909c", "#b0bec5" };
constexpr Pair Stopped { "#616161", "#bdbdbd" };
constexpr Pair Stopping { "#757575", "#e0e0e0" };
constexpr Pair Registered { "#6a1b9a", "#ce93d8" };

// The application palette is the GUI thread's: there the answer is read from it (and remembered); the timeline's
// render thread, which draws while the GUI thread waits, gets the one remembered last.
std::atomic<bool> lastDark { false };

bool dark(StatusPalette::Tone tone)
{
    if (tone != StatusPalette::Tone::FromPalette)
        return tone == StatusPalette::Tone::Dark;
    const QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return lastDark.load(std::memory_order_relaxed);
    const bool isDark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    lastDark.store(isDark, std::memory_order_relaxed);
    return isDark;
}

QColor pick(const QHash<QString, Pair> &table, const QString &status, Pair fallback, StatusPalette::Tone tone)
{
    const Pair p = table.value(status.toLower(), fallback);
    return QColor(QLatin1StringView(dark(tone) ? p.dark : p.light));
}

} // namespace

QColor StatusPalette::target(const QString &status, Tone tone)
{
    static const QHash<QString, Pair> table {
        { u"in_sync"_s, Done },
        { u"pending"_s, Moving },
        { u"error"_s, Failed },
        { u"registered"_s, Registered },
    };
    return pick(table, status, Stopped, tone);
}

QColor StatusPalette::action(const QString &status, Tone tone)
{
    static const QHash<QString, Pair> table {
        { u"finished"_s, Done },
        { u"error"_s, Failed },
        { u"canceled"_s, Stopped },
        { u"canceling"_s, Stopping },
        { u"canceled_rejected"_s, Warned },
        { u"cancel_rejected"_s, Warned },
        { u"scheduled"_s, Queued },
        { u"wait_for_confirmation"_s, NeedsPerson },
        { u"warning"_s, Warned },
        { u"denied"_s, Warned },
        { u"downloaded"_s, Fetched },
        { u"running"_s, Moving },
        { u"retrieved"_s, Moving },
        { u"download"_s, Moving },
        { u"confirmed"_s, Moving },
    };
    return pick(table, status, Moving, tone);
}

QColor StatusPalette::rollout(const QString &status, Tone tone)
{
    static const QHash<QString, Pair> table {
        { u"finished"_s, Done },  { u"error"_s, Failed },      { u"approval_denied"_s, Failed },
        { u"running"_s, Moving }, { u"starting"_s, Moving },   { u"scheduled"_s, Queued },
        { u"ready"_s, Queued },   { u"creating"_s, Queued },   { u"waiting_for_approval"_s, NeedsPerson },
        { u"paused"_s, Warned },  { u"stopping"_s, Stopping }, { u"stopped"_s, Stopped },
    };
    return pick(table, status, Stopped, tone);
}

} // namespace Flotilla
