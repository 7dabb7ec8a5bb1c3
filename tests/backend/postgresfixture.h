#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

// A throw-away PostgreSQL server for tests: initdb + pg_ctl from the build root (Debian's postgresql
// package), in a temporary directory, on a free loopback port; stopped and removed when the fixture goes.
class PostgresFixture
{
public:
    ~PostgresFixture() { stop(); }

    // Empty when the server runs; otherwise why it does not (missing binaries are a reason to skip).
    // durable: fsync on, as in production (benchmarks); tests run without it.
    QString start(bool durable = false)
    {
        const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql"))
                                         .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
        for (const QString &v : versions) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
            if (QFile::exists(bin + QStringLiteral("/initdb")) && QFile::exists(bin + QStringLiteral("/pg_ctl"))) {
                m_bin = bin;
                break;
            }
        }
        if (m_bin.isEmpty())
            return QStringLiteral("PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql");
        if (!m_dir.isValid())
            return QStringLiteral("cannot create a temporary directory");
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return QStringLiteral("no free port");
        m_port = probe.serverPort();
        probe.close();
        const QString data = m_dir.path() + QStringLiteral("/data");
        // initdb refuses to run as root: run it as the postgres user the package created.
        if (::geteuid() == 0
            && !run(QStringLiteral("chown"), { QStringLiteral("-R"), QStringLiteral("postgres"), m_dir.path() }))
            return QStringLiteral("cannot hand the data directory to the postgres user");
        if (!run(m_bin + QStringLiteral("/initdb"),
                 { QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("flotilla"),
                   QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
                   QStringLiteral("UTF8") }))
            return QStringLiteral("initdb failed: ") + m_output;
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=%3")
                                    .arg(m_port)
                                    .arg(m_dir.path(), durable ? QStringLiteral("on") : QStringLiteral("off"))
            // More settings for a profile, e.g. "-c shared_preload_libraries=pg_stat_statements".
            + QLatin1Char(' ') + qEnvironmentVariable("FLOTILLA_PG_OPTIONS");
        if (!run(m_bin + QStringLiteral("/pg_ctl"),
                 { QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-w"),
                   QStringLiteral("-l"), m_dir.path() + QStringLiteral("/log"), QStringLiteral("start") }))
            return QStringLiteral("pg_ctl start failed: ") + m_output;
        m_running = true;
        return {};
    }

    QString url(const QString &database = QStringLiteral("postgres")) const
    {
        return QStringLiteral("postgres://flotilla@127.0.0.1:%1/%2").arg(m_port).arg(database);
    }

    // The postmaster's process id (the first line of postmaster.pid), 0 when the server is not running.
    qint64 serverPid() const
    {
        QFile f(m_dir.path() + QStringLiteral("/data/postmaster.pid"));
        if (!m_running || !f.open(QIODevice::ReadOnly))
            return 0;
        return f.readLine().trimmed().toLongLong();
    }

    // The server's log (pg_ctl -l): where auto_explain writes the plans the benchmarks print.
    QString logPath() const { return m_dir.path() + QStringLiteral("/log"); }

    bool createDatabase(const QString &name)
    {
        return run(m_bin + QStringLiteral("/createdb"),
                   { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                     QStringLiteral("-U"), QStringLiteral("flotilla"), name });
    }

    void stop()
    {
        if (!m_running)
            return;
        run(m_bin + QStringLiteral("/pg_ctl"),
            { QStringLiteral("-D"), m_dir.path() + QStringLiteral("/data"), QStringLiteral("-m"),
              QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop") });
        m_running = false;
    }

private:
    bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (::geteuid() == 0 && program != QLatin1String("chown"))
            p.start(QStringLiteral("runuser"),
                    QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program }
                        + args);
        else
            p.start(program, args);
        const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        m_output = QString::fromLocal8Bit(p.readAll());
        return ok;
    }

    QTemporaryDir m_dir { QStringLiteral("/tmp/flotilla-pg-XXXXXX") };
    QString m_bin;
    QString m_output;
    quint16 m_port = 0;
    bool m_running = false;
};
