#pragma once

// What every benchmark prints with and measures processes by.
#include <QEventLoop>
#include <QFile>
#include <QString>
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

} // namespace FlotillaBench
