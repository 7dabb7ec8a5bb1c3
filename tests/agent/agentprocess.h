#pragma once

// The real flotilla-agent as a test drives it: a configuration file written from key/value pairs, started,
// killed with SIGKILL or stopped with SIGTERM, its log collected for assertions and failure messages.
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>

#include <csignal>

namespace FlotillaTest {

class AgentProcess
{
public:
    explicit AgentProcess(QString directory)
        : m_dir(std::move(directory))
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(&m_process, &QProcess::readyRead, &m_process, [this] { m_log += m_process.readAll(); });
    }
    ~AgentProcess() { kill(); }

    QString configPath() const { return m_dir + QStringLiteral("/agent.ini"); }
    QString stateDir() const { return m_dir + QStringLiteral("/state"); }
    QString downloadDir() const { return m_dir + QStringLiteral("/downloads"); }

    // Writes agent.ini: the given keys over test defaults (fast retries, its own state and download dirs, a
    // boot id file the test controls).
    void configure(const QMap<QString, QString> &keys)
    {
        QMap<QString, QString> all {
            { QStringLiteral("server/retryInterval"), QStringLiteral("1") },
            { QStringLiteral("server/maxRetryInterval"), QStringLiteral("2") },
            { QStringLiteral("server/requestTimeout"), QStringLiteral("10") },
            { QStringLiteral("paths/state"), stateDir() },
            { QStringLiteral("paths/downloads"), downloadDir() },
            { QStringLiteral("device/bootIdFile"), bootIdFile() },
            { QStringLiteral("reboot/command"), QStringLiteral("/bin/false") },
        };
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            all.insert(it.key(), it.value());
        QFile::remove(configPath());
        QSettings ini(configPath(), QSettings::IniFormat);
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            ini.setValue(it.key(), it.value());
        ini.sync();
        if (!QFile::exists(bootIdFile()))
            setBootId(QStringLiteral("boot-1"));
    }
    QString bootIdFile() const { return m_dir + QStringLiteral("/boot_id"); }
    void setBootId(const QString &id)
    {
        QFile f(bootIdFile());
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(id.toUtf8() + '\n');
    }

    void setEnvironment(const QString &name, const QString &value)
    {
        QProcessEnvironment env = m_process.processEnvironment().isEmpty() ? QProcessEnvironment::systemEnvironment()
                                                                           : m_process.processEnvironment();
        env.insert(name, value);
        m_process.setProcessEnvironment(env);
    }

    bool start()
    {
        m_process.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + QStringLiteral("/flotilla-agent"),
                        { QStringLiteral("--config"), configPath() });
        if (!m_process.waitForStarted(5000))
            return false;
        ++m_starts;
        return true;
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    void kill()
    {
        if (!isRunning())
            return;
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
        m_log += m_process.readAll();
    }
    int terminate()
    {
        if (!isRunning())
            return m_process.exitCode();
        ::kill(pid_t(m_process.processId()), SIGTERM);
        m_process.waitForFinished(10000);
        m_log += m_process.readAll();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    // Runs the event loop meanwhile: the agent may be talking to servers or proxies of the test process.
    bool waitForExit(int ms)
    {
        const bool ok = QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, ms);
        m_log += m_process.readAll();
        return ok;
    }
    QString log() const { return QString::fromUtf8(m_log); }
    int count(const QString &text) const { return int(log().count(text)); }
    bool waitForLog(const QString &text, int ms = 15000)
    {
        return QTest::qWaitFor([this, &text] { return log().contains(text); }, ms);
    }
    int starts() const { return m_starts; }

private:
    QString m_dir;
    QProcess m_process;
    QByteArray m_log;
    int m_starts = 0;
};

// A step-handler script for handlers/<part> = script:PATH, written into dir. It appends "<Step> <version>" to
// steps.log for every call; Install copies the artifacts to dir/installed/ and appends "installed <version>"
// when done; IsInstalled says installed when dir/installed/<version> exists. A file hold-<Step> makes the step
// write at-<Step> and wait until hold-<Step> is removed; exit-<Step> holds the exit code to use (once: the
// file is removed when read); crash-<Step> makes the step kill the agent (SIGKILL), as a crash would.
inline QString writeStepScript(const QString &dir)
{
    const QString path = dir + QStringLiteral("/handler.sh");
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(R"(#!/bin/sh
step="$1"; work="$2"; d=")"
            + dir.toUtf8() + R"("
echo "$step $FLOTILLA_VERSION" >> "$d/steps.log"
if [ -e "$d/hold-$step" ]; then
    touch "$d/at-$step"
    while [ -e "$d/hold-$step" ]; do sleep 0.05; done
fi
if [ -e "$d/crash-$step" ]; then
    echo "crash $FLOTILLA_VERSION" >> "$d/steps.log"
    kill -KILL $PPID
    sleep 5
fi
if [ -e "$d/exit-$step" ]; then
    code=$(cat "$d/exit-$step"); rm -f "$d/exit-$step"
    echo "the test asked $step to exit with $code"
    exit "$code"
fi
case "$step" in
IsInstalled)
    [ -e "$d/installed/$FLOTILLA_VERSION" ] && exit 0 || exit 1 ;;
Install)
    mkdir -p "$d/installed"
    cp "$work"/files/* "$d/installed/" || exit 1
    touch "$d/installed/$FLOTILLA_VERSION"
    echo "installed $FLOTILLA_VERSION" >> "$d/steps.log"
    echo "script: installed $FLOTILLA_VERSION" ;;
Restore)
    rm -f "$d/installed/$FLOTILLA_VERSION"
    echo "restored $FLOTILLA_VERSION" >> "$d/steps.log" ;;
esac
exit 0
)");
    f.close();
    f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
    return path;
}

inline QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace FlotillaTest
