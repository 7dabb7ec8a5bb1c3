#pragma once

// The real flotilla-um as a test drives it: started with its options, killed with SIGKILL or stopped with
// SIGTERM, its log collected; and its A/B slot directory, prepared and read.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>

namespace FlotillaTest {

class UmProcess
{
public:
    UmProcess(QString nodeId, QString slotDir, QStringList options)
        : m_nodeId(std::move(nodeId))
        , m_slotDir(std::move(slotDir))
        , m_options(std::move(options))
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(&m_process, &QProcess::readyRead, &m_process, [this] { m_log += m_process.readAll(); });
    }
    ~UmProcess() { kill(); }

    QString nodeId() const { return m_nodeId; }
    QString slotDir() const { return m_slotDir; }

    // A component's slot, as the device had it before the update.
    void install(const QString &component, const QString &slot, const QString &version, const QByteArray &image)
    {
        QDir().mkpath(m_slotDir + u'/' + component + u'/' + slot);
        write(component + u'/' + slot + QStringLiteral("/version"), version.toUtf8());
        write(component + u'/' + slot + QStringLiteral("/image"), image);
        write(component + QStringLiteral("/boot"), slot.toUtf8());
    }
    QString bootSlot(const QString &component) const
    {
        return QString::fromUtf8(read(component + QStringLiteral("/boot"))).trimmed();
    }
    QString version(const QString &component, const QString &slot) const
    {
        return QString::fromUtf8(read(component + u'/' + slot + QStringLiteral("/version"))).trimmed();
    }
    QByteArray image(const QString &component, const QString &slot) const
    {
        return read(component + u'/' + slot + QStringLiteral("/image"));
    }
    bool hasImage(const QString &component, const QString &slot) const
    {
        return QFile::exists(m_slotDir + u'/' + component + u'/' + slot + QStringLiteral("/image"));
    }

    bool start()
    {
        m_process.start(qEnvironmentVariable("FLOTILLA_BIN_DIR") + QStringLiteral("/flotilla-um"),
                        QStringList { QStringLiteral("--node-id"), m_nodeId, QStringLiteral("--slot-dir"), m_slotDir,
                                      QStringLiteral("--reconnect-interval"), QStringLiteral("1") }
                            + m_options);
        return m_process.waitForStarted(5000);
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    void kill()
    {
        if (!isRunning())
            return;
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
        m_log += m_process.readAll();
    }
    void terminate()
    {
        if (!isRunning())
            return;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        m_process.waitForFinished(10000);
        m_log += m_process.readAll();
    }
    // SIGSTOP / SIGCONT: a UM that is there but does not answer.
    void pause() { ::kill(pid_t(m_process.processId()), SIGSTOP); }
    void resume() { ::kill(pid_t(m_process.processId()), SIGCONT); }
    QString log() const { return QString::fromUtf8(m_log); }
    bool waitForLog(const QString &text, int ms = 20000)
    {
        return QTest::qWaitFor([this, &text] { return log().contains(text); }, ms);
    }

private:
    void write(const QString &relative, const QByteArray &content)
    {
        QFile f(m_slotDir + u'/' + relative);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(content);
    }
    QByteArray read(const QString &relative) const
    {
        QFile f(m_slotDir + u'/' + relative);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QString m_nodeId;
    QString m_slotDir;
    QStringList m_options;
    QProcess m_process;
    QByteArray m_log;
};

} // namespace FlotillaTest
