#pragma once

// handlers/<part> = script:PATH. Runs PATH once per step, as Mender's update modules do:
//
//   PATH <Step> <work dir>       Step: IsInstalled | Download | Backup | Install | Apply | Restore
//
// The work dir holds files/<filename> (the verified artifacts) and chunk.json (part, name, version,
// metadata, artifacts); the environment has FLOTILLA_ACTION_ID, FLOTILLA_PART, FLOTILLA_NAME, FLOTILLA_VERSION,
// FLOTILLA_STEP and FLOTILLA_WORK_DIR. Exit codes:
//   0  success (IsInstalled: installed)           1  failure (IsInstalled: not installed)
//   2  step not supported (Download, Backup, Apply, Restore: counts as success)
//   10 reboot now   11 reboot after the other chunks' step   12 restart the agent now   13 ... after
//   any other: failure, with the code as the extended result code.
// stdout and stderr (the last 2 KiB) go into the feedback details. A step that runs longer than
// handlers/scriptTimeout is killed (TERM, then KILL after 10 s) and fails. Download and Backup can be canceled
// (TERM). The script dies with the agent (PR_SET_PDEATHSIG), so a restarted agent never runs two at once.
#include "agent/handlers/stephandler.h"

#include <QPointer>
#include <QProcess>
#include <QTimer>

namespace Flotilla::Agent {

class ScriptStepHandler : public StepHandler
{
    Q_OBJECT
public:
    ScriptStepHandler(QString program, int timeoutSeconds, QObject *parent = nullptr);
    ~ScriptStepHandler() override;

    QString name() const override { return QStringLiteral("script"); }
    void isInstalled(const WorkItem &item) override;
    void download(const WorkItem &item) override;
    void backup(const WorkItem &item) override;
    void install(const WorkItem &item) override;
    void apply(const WorkItem &item) override;
    void restore(const WorkItem &item) override;
    bool cancel() override;

    enum ExitCode : int {
        Ok = 0,
        Failed = 1,
        NotSupported = 2,
        RebootNow = 10,
        RebootLater = 11,
        RestartAgentNow = 12,
        RestartAgentLater = 13,
    };

private:
    void start(Step step, const WorkItem &item);
    void processFinished(int exitCode, QProcess::ExitStatus status);

    QString m_program;
    int m_timeoutSeconds;
    QPointer<QProcess> m_process;
    Step m_step = Step::IsInstalled;
    QByteArray m_output;
    QTimer m_timeout;
    bool m_timedOut = false;
    bool m_canceled = false;
};

} // namespace Flotilla::Agent
