#include "agent/handlers/swupdatestephandler.h"

#include "agent/agentlogging.h"
#include "agent/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

SwupdateStepHandler::SwupdateStepHandler(QString socket, QString stateDir, int timeoutSeconds, QObject *parent)
    : StepHandler(parent)
    , m_socket(std::move(socket))
    , m_stateDir(std::move(stateDir))
    , m_timeoutSeconds(timeoutSeconds)
{ }

SwupdateStepHandler::~SwupdateStepHandler()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString SwupdateStepHandler::recordPath() const
{
    return QDir(m_stateDir).filePath(u"swupdate-installed"_s);
}

QString SwupdateStepHandler::fingerprint(const WorkItem &item)
{
    QStringList hashes;
    for (const Flotilla::Ddi::Artifact &a : item.chunk.artifacts)
        hashes << a.filename + u' ' + a.sha256;
    return item.chunk.name + u' ' + item.chunk.version + u'\n' + hashes.join(u'\n');
}

void SwupdateStepHandler::isInstalled(const WorkItem &item)
{
    QFile record(recordPath());
    const bool installed = record.open(QIODevice::ReadOnly) && QString::fromUtf8(record.readAll()) == fingerprint(item);
    finishLater({ installed ? StepResult::Code::Installed : StepResult::Code::NotInstalled, 0, {}, {}, {} });
}

void SwupdateStepHandler::install(const WorkItem &item)
{
    if (QStandardPaths::findExecutable(u"swupdate-client"_s).isEmpty())
        return finishLater(StepResult::failure(u"swupdate-client is not installed on this device"_s));
    m_item = item;
    m_next = 0;
    m_output.clear();
    installNext();
}

void SwupdateStepHandler::installNext()
{
    if (m_next >= m_item.files.size()) {
        QString error;
        if (!writeFileAtomically(recordPath(), fingerprint(m_item).toUtf8(), &error))
            return finishLater(StepResult::failure(error));
        StepResult r = StepResult::success(u"SWUpdate installed %1 image(s)"_s.arg(m_item.files.size()));
        r.output = QString::fromUtf8(m_output.right(2048));
        return finishLater(r);
    }
    const LocalArtifact &file = m_item.files.at(m_next);
    QStringList args { u"-v"_s };
    auto *process = new QProcess(this);
    m_process = process;
    if (!m_socket.isEmpty()) {
        // SWUpdate's sockets (sockinstctrl, swupdateprog) live in its TMPDIR: the client finds both there;
        // -s only names the control socket, and the progress messages would then be looked for in /tmp.
        const QFileInfo socket(m_socket);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"TMPDIR"_s, socket.absolutePath());
        process->setProcessEnvironment(env);
        if (socket.fileName() != "sockinstctrl"_L1)
            args << u"-s"_s << m_socket;
    }
    args << file.path;
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, &QProcess::kill);
    connect(process, &QProcess::readyRead, this, [this, process] {
        const QByteArray data = process->readAll();
        m_output += data;
        // swupdate-client -v prints the installer's messages; a "NN%" becomes install progress.
        static const QRegularExpression percent(u"(\\d{1,3})%"_s);
        QRegularExpressionMatchIterator it = percent.globalMatch(QString::fromUtf8(data));
        int last = -1;
        while (it.hasNext())
            last = it.next().captured(1).toInt();
        if (last >= 0 && last <= 100)
            Q_EMIT installProgress(last);
    });
    connect(process, &QProcess::finished, this, [this, process, file](int code, QProcess::ExitStatus status) {
        m_output += process->readAll();
        process->deleteLater();
        if (status != QProcess::NormalExit || code != 0) {
            StepResult r = StepResult::failure(
                status == QProcess::NormalExit
                    ? u"SWUpdate refused or failed to install %1 (swupdate-client exit code %2)"_s.arg(file.filename)
                          .arg(code)
                    : u"swupdate-client did not finish within %1 s or crashed"_s.arg(m_timeoutSeconds),
                code);
            r.output = QString::fromUtf8(m_output.right(2048));
            Q_EMIT finished(r);
            return;
        }
        ++m_next;
        installNext();
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        process->deleteLater();
        finishLater(StepResult::failure(u"swupdate-client cannot be started: %1"_s.arg(process->errorString())));
    });
    timer->start(std::chrono::seconds(m_timeoutSeconds));
    qCInfo(lcAgent, "handing %s to SWUpdate", qUtf8Printable(file.filename));
    process->start(u"swupdate-client"_s, args);
}

} // namespace Flotilla::Agent
