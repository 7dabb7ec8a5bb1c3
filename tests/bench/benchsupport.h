#pragma once

// What every benchmark prints with and measures processes by.
#include <QFile>
#include <QString>

#include <cstdio>
#include <cstdlib>

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
