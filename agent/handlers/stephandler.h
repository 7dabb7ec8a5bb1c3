#pragma once

// A StepHandler does the device-specific work of one kind of software module (the chunk's "part"), as Azure
// Device Update's content handlers do (its docs/agent-reference/goal-state-support.md): isInstalled, download, backup,
// install, apply, restore, cancel. Every call ends, sooner or later, in exactly one finished() signal (never inside the
// call itself), so a handler may work synchronously or run a process.
#include "proto/ddi/ddimessages.h"

#include <QObject>

namespace Flotilla::Agent {

enum class Step : quint8 { IsInstalled, Download, Backup, Install, Apply, Restore };
QString nameOf(Step step);

// An artifact the agent downloaded and verified (size and every hash the server gave).
struct LocalArtifact
{
    QString filename; // as the server named it (a plain name)
    QString path; // the verified file
    qint64 size = 0;
    QString sha256;
};

// One chunk of an action: what a handler works on.
struct WorkItem
{
    QString actionId;
    int index = 0; // the chunk's position in the deployment
    Flotilla::Ddi::Chunk chunk;
    QList<LocalArtifact> files;
    QString workDir; // the handler's own directory for this action and chunk (exists; kept until the action ends)
};

struct StepResult
{
    enum class Code : quint8 { Success, Failure, Cancelled, Installed, NotInstalled };
    // What the step asks of the device once it returns (Azure Device Update's result codes 605-608): an immediate
    // request skips the step's remaining chunks, a deferred one lets them run first.
    enum class Restart : quint8 { None, ImmediateReboot, DeferredReboot, ImmediateAgentRestart, DeferredAgentRestart };

    Code code = Code::Success;
    int extendedCode = 0;
    QString message;
    Restart restart = Restart::None;
    QString output; // the tail of what the handler printed (at most 2 KiB), for the feedback details

    bool succeeded() const { return code == Code::Success || code == Code::Installed; }
    static StepResult success(const QString &message = {}) { return { Code::Success, 0, message, {}, {} }; }
    static StepResult failure(const QString &message, int extendedCode = 0)
    {
        return { Code::Failure, extendedCode, message, {}, {} };
    }
};

class StepHandler : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString name() const = 0;
    // Cheap, free of side effects, deterministic; Installed only once the chunk is really in use (after any
    // reboot it needed), NotInstalled otherwise.
    virtual void isInstalled(const WorkItem &item) = 0;
    // The agent has downloaded and verified the files; a handler may check them further. Default: success.
    virtual void download(const WorkItem &item);
    // Default: success (nothing to back up).
    virtual void backup(const WorkItem &item);
    virtual void install(const WorkItem &item) = 0;
    // Default: success (install already made it active).
    virtual void apply(const WorkItem &item);
    // Best effort after a failed install or apply. Default: success with a message that nothing was restored.
    virtual void restore(const WorkItem &item);
    // Asks the running step to stop; it then finishes with Cancelled (or its own result if it was too late).
    // False when the running step cannot be cancelled. Default: false.
    virtual bool cancel();

    // Before the first step of an action, the workflow tells each handler every chunk it will get, so that a
    // handler that works on them together (firmware: one PrepareUpdate per Update Manager) can. Default: nothing.
    virtual void jobStarted(const QString &actionId, const QList<WorkItem> &items);
    // Whether an Install or Apply that the device's restart interrupted may simply run again (firmware: the
    // Update Managers keep the state and report it when they register again). Default: false, the workflow
    // restores.
    virtual bool resumesAfterInterruption() const { return false; }

    void run(Step step, const WorkItem &item);

Q_SIGNALS:
    void finished(const Flotilla::Agent::StepResult &result);

protected:
    // Emits finished() from the event loop, never from inside the call that started the step.
    void finishLater(const StepResult &result);
};

} // namespace Flotilla::Agent
