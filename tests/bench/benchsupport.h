#pragma once

// What every benchmark prints with and measures processes by.
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace FlotillaBench {

inline void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Stops the benchmark with a message on stderr, prefixed by its name.
[[noreturn]] inline void die(const char *bench, const QString &why)
{
    std::fprintf(stderr, "%s: %s\n", bench, qPrintable(why));
    std::exit(1);
}

// Runs the event loop for ms milliseconds without spinning (a benchmark that busy-waits takes a core from what
// it measures).
inline void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until the reply (a QNetworkReply) has finished.
template<typename Reply> void waitFor(Reply *reply)
{
    if (reply->isFinished())
        return;
    QEventLoop loop;
    QObject::connect(reply, &Reply::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

// Resident memory of a process in KiB (VmRSS), 0 when it is gone.
inline qint64 rssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// User + system CPU seconds of a process (/proc/<pid>/stat fields 14 and 15), 0 when it is gone.
inline double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

// User + system CPU seconds of a process and its children alive now (a PostgreSQL postmaster and its backends):
// each /proc/<pid>/stat whose parent (field 4) is pid, added to pid's own.
inline double cpuSecondsWithChildren(qint64 pid)
{
    double total = cpuSeconds(pid);
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        const qint64 child = entry.toLongLong(&number);
        if (!number || child == pid)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(child));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        if (stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(1).toLongLong() == pid)
            total += cpuSeconds(child);
    }
    return total;
}

// Memory only this process holds (smaps_rollup: Private_Clean + Private_Dirty), without the pages of shared
// libraries that RSS counts.
inline qint64 privateKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    qint64 total = 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:"))
            total += line.mid(line.indexOf(':') + 1).trimmed().split(' ').first().toLongLong();
    }
    return total;
}

// Resident memory of a process by what brought it in: each "chain" is a shared library named by its soname
// (libproxy.so.1) with everything it needs (ldd), less what Qt Core needs anyway and what an earlier chain took.
// Answers {chain soname -> KiB} plus "" for the rest (the program, Qt Core, the C++ runtime, heap and stacks).
// For the question "what would a device image's own Qt build save": Debian's libQt6Network loads libproxy
// (curl, gnutls, krb5, glib...), and its libQt6StateMachine links libQt6Gui (GL, X11, fonts, D-Bus).
inline QMap<QString, qint64> rssByChainKiB(qint64 pid, const QStringList &chains)
{
    QMap<QString, qint64> out;
    QHash<QString, qint64> byFile; // RSS per mapped file path
    QHash<QString, QString> pathOf; // soname or file name -> mapped path
    {
        QFile smaps(QStringLiteral("/proc/%1/smaps").arg(pid));
        if (!smaps.open(QIODevice::ReadOnly))
            return out;
        QString current;
        for (const QByteArray &line : smaps.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (!f.isEmpty() && f.first().contains('-') && f.size() >= 5 && !line.startsWith("VmFlags")) {
                current = f.size() >= 6 ? QString::fromUtf8(f.at(5)) : QString();
                if (current.startsWith(u'/'))
                    pathOf.insert(current.section(u'/', -1), current);
            } else if (line.startsWith("Rss:")) {
                byFile[current] += f.value(1).toLongLong();
            }
        }
    }
    // What `ldd` resolves for a library: the paths of everything it needs.
    const auto closure = [](const QString &path) {
        QSet<QString> needed { path };
        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), { path });
        ldd.waitForFinished(10000);
        for (const QByteArray &line : ldd.readAllStandardOutput().split('\n')) {
            const qsizetype arrow = line.indexOf("=> /");
            if (arrow >= 0)
                needed << QString::fromUtf8(line.mid(arrow + 3, line.indexOf(" (", arrow) - arrow - 3)).trimmed();
        }
        return needed;
    };
    // Mapped paths are the real files (libproxy.so.0.5.9); ldd names them by soname links: compare canonically.
    const auto canonical = [](const QSet<QString> &paths) {
        QSet<QString> files;
        for (const QString &p : paths)
            files << QFileInfo(p).canonicalFilePath();
        return files;
    };
    const auto findLibrary = [&pathOf](const QString &soname) {
        for (auto it = pathOf.cbegin(); it != pathOf.cend(); ++it) {
            if (it.key().startsWith(soname))
                return it.value();
        }
        return QString();
    };
    QSet<QString> taken;
    const QString core = findLibrary(QStringLiteral("libQt6Core.so"));
    if (!core.isEmpty())
        taken = canonical(closure(core));
    for (const QString &chain : chains) {
        const QString root = findLibrary(chain);
        if (root.isEmpty())
            continue;
        const QSet<QString> mine = canonical(closure(root)) - taken;
        qint64 kib = 0;
        for (auto it = byFile.cbegin(); it != byFile.cend(); ++it) {
            if (it.key().startsWith(u'/') && mine.contains(QFileInfo(it.key()).canonicalFilePath()))
                kib += it.value();
        }
        out.insert(chain, kib);
        taken += mine;
    }
    qint64 total = 0;
    for (qint64 v : std::as_const(byFile))
        total += v;
    qint64 chained = 0;
    for (qint64 v : std::as_const(out))
        chained += v;
    out.insert(QString(), total - chained);
    return out;
}

} // namespace FlotillaBench
