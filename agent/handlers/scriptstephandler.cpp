#include "agent/handlers/scriptstephandler.h"

#include "agent/agentlogging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

constexpr qsizetype outputTail = 2048;

bool prepareWorkDir(const WorkItem &item, QString *error)
{
    const QDir work(item.workDir);
    if (!QDir().mkpath(work.filePath(u"files"_s))) {
        *error = u"the work directory %1 cannot be created"_s.arg(item.workDir);
        return false;
    }
    QJsonArray artifacts;
    for (const LocalArtifact &f : item.files) {
        const QString link = work.filePath(u"files/"_s + f.filename);
        QFile::remove(link);
        if (!QFile::link(f.path, link)) {
            *error = u"%1 cannot be linked into %2"_s.arg(f.path, link);
            return false;
        }
        artifacts.append(QJsonObject { { "filename"_L1, f.filename },
                                       { "path"_L1, link },
                                       { "size"_L1, double(f.size) },
                                       { "sha256"_L1, f.sha256 } });
    }
    QJsonObject metadata;
    for (const auto &[key, value] : item.chunk.metadata)
        metadata.insert(key, value);
    const QJsonObject chunk { { "actionId"_L1, item.actionId }, { "part"_L1, item.chunk.part },
                              { "name"_L1, item.chunk.name },   { "version"_L1, item.chunk.version },
                              { "metadata"_L1, metadata },      { "artifacts"_L1, artifacts } };
    QFile f(work.filePath(u"chunk.json"_s));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QJsonDocument(chunk).toJson()) < 0) {
        *error = u"%1 cannot be written"_s.arg(f.fileName());
        return false;
    }
    return true;
}

} // namespace

ScriptStepHandler::ScriptStepHandler(QString program, int timeoutSeconds, QObject *parent)
    : StepHandler(parent)
    , m_program(std::move(program))
    , m_timeoutSeconds(timeoutSeconds)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        m_timedOut = true;
        m_process->terminate();
        QTimer::singleShot(std::chrono::seconds(10), m_process, [p = m_process] { p->kill(); });
    });
}

ScriptStepHandler::~ScriptStepHandler()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void ScriptStepHandler::isInstalled(const WorkItem &item)
{
    start(Step::IsInstalled, item);
}
void ScriptStepHandler::download(const WorkItem &item)
{
    start(Step::Download, item);
}
void ScriptStepHandler::backup(const WorkItem &item)
{
    start(Step::Backup, item);
}
void ScriptStepHandler::install(const WorkItem &item)
{
    start(Step::Install, item);
}
void ScriptStepHandler::apply(const WorkItem &item)
{
    start(Step::Apply, item);
}
void ScriptStepHandler::restore(const WorkItem &item)
{
    start(Step::Restore, item);
}

bool ScriptStepHandler::cancel()
{
    if (!m_process || (m_step != Step::Download && m_step != Step::Backup))
        return false;
    m_canceled = true;
    m_process->terminate();
    return true;
}

void ScriptStepHandler::start(Step step, const WorkItem &item)
{
    QString error;
    if (!prepareWorkDir(item, &error))
        return finishLater(StepResult::failure(error));
    m_step = step;
    m_output.clear();
    m_timedOut = m_canceled = false;
    auto *process = new QProcess(this);
    m_process = process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"FLOTILLA_ACTION_ID"_s, item.actionId);
    env.insert(u"FLOTILLA_PART"_s, item.chunk.part);
    env.insert(u"FLOTILLA_NAME"_s, item.chunk.name);
    env.insert(u"FLOTILLA_VERSION"_s, item.chunk.version);
    env.insert(u"FLOTILLA_STEP"_s, nameOf(step));
    env.insert(u"FLOTILLA_WORK_DIR"_s, item.workDir);
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(item.workDir);
    // The script must not outlive the agent: a restarted agent would otherwise run a second one beside it.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    connect(process, &QProcess::readyRead, this, [this, process] {
        m_output += process->readAll();
        if (m_output.size() > 4 * outputTail)
            m_output = m_output.right(outputTail);
    });
    connect(process, &QProcess::finished, this, &ScriptStepHandler::processFinished);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_timeout.stop();
        const QString why = process->errorString();
        process->deleteLater();
        finishLater(StepResult::failure(u"the script %1 cannot be started: %2"_s.arg(m_program, why)));
    });
    qCDebug(lcAgent, "running %s %s %s", qUtf8Printable(m_program), qUtf8Printable(nameOf(step)),
            qUtf8Printable(item.workDir));
    m_timeout.start(std::chrono::seconds(m_timeoutSeconds));
    process->start(m_program, { nameOf(step), item.workDir });
}

void ScriptStepHandler::processFinished(int exitCode, QProcess::ExitStatus status)
{
    m_timeout.stop();
    QProcess *process = m_process;
    if (process) {
        m_output += process->readAll();
        process->deleteLater();
    }
    StepResult r;
    r.output = QString::fromUtf8(m_output.right(outputTail));
    const QString step = nameOf(m_step);
    if (m_timedOut) {
        r.code = StepResult::Code::Failure;
        r.message
            = u"the script's %1 step did not finish within %2 s and was stopped"_s.arg(step).arg(m_timeoutSeconds);
    } else if (m_canceled) {
        r.code = StepResult::Code::Cancelled;
        r.message = u"canceled"_s;
    } else if (status != QProcess::NormalExit) {
        r.code = StepResult::Code::Failure;
        r.message = u"the script crashed in its %1 step"_s.arg(step);
    } else if (m_step == Step::IsInstalled) {
        if (exitCode == Ok || exitCode == Failed) {
            r.code = exitCode == Ok ? StepResult::Code::Installed : StepResult::Code::NotInstalled;
        } else {
            r.code = StepResult::Code::Failure;
            r.extendedCode = exitCode;
            r.message = u"the script's IsInstalled step exited with %1"_s.arg(exitCode);
        }
    } else {
        switch (exitCode) {
        case Ok:
            break;
        case NotSupported:
            if (m_step == Step::Install) {
                r.code = StepResult::Code::Failure;
                r.extendedCode = exitCode;
                r.message = u"the script does not support Install"_s;
            } else {
                r.message = u"%1 not supported by the script"_s.arg(step);
            }
            break;
        case RebootNow:
            r.restart = StepResult::Restart::ImmediateReboot;
            break;
        case RebootLater:
            r.restart = StepResult::Restart::DeferredReboot;
            break;
        case RestartAgentNow:
            r.restart = StepResult::Restart::ImmediateAgentRestart;
            break;
        case RestartAgentLater:
            r.restart = StepResult::Restart::DeferredAgentRestart;
            break;
        default:
            r.code = StepResult::Code::Failure;
            r.extendedCode = exitCode;
            r.message = u"the script's %1 step exited with %2"_s.arg(step).arg(exitCode);
        }
    }
    Q_EMIT finished(r);
}

} // namespace Flotilla::Agent
