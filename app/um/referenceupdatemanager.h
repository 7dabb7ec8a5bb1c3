#pragma once

// flotilla-um's Update Manager: the device side of AosCore's Update Manager protocol over an A/B image directory
// (FirmwareSlots). Its states and commands (AosCore's reference Update Manager, aos_updatemanager):
//
//   IDLE     --PrepareUpdate-->  PREPARED   images copied into the inactive slots and verified (else FAILED)
//   PREPARED --StartUpdate-->    UPDATED    boot pointers switched (revertible; may reboot, persisting first;
//                                           --update-command flashes each component, else FAILED)
//   UPDATED  --ApplyUpdate-->    IDLE       committed: the old slots emptied
//   PREPARED, UPDATED, FAILED --RevertUpdate--> IDLE   boot pointers back, staged images dropped
//
// A plain transition table rather than QStateMachine: the UM stays free of QtStateMachine (and the GUI
// libraries Debian's build of it drags in), to keep its idle memory small. Every command is idempotent
// (the controller re-sends by the reported state after a reboot: a repeated command in the state it leads to
// re-reports the status), a command invalid in the current state is refused (logged, status re-sent), and
// the state is persisted atomically on every change, before any reboot.
#include "app/um/firmwareslots.h"
#include "updatemanager.qpb.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QProcess;

namespace Flotilla::Um {

class ReferenceUpdateManager : public QObject
{
    Q_OBJECT
public:
    enum class State : quint8 { Idle, Prepared, Updated, Failed };
    Q_ENUM(State)

    struct Component
    {
        QString id;
        QString type;
    };
    struct Options
    {
        QString nodeId;
        quint32 priority = 0;
        QString slotDir;
        QList<Component> components;
        QString updateCommand; // run per component at StartUpdate: CMD <component> <image> <version>
        QString rebootCommand; // run after StartUpdate switched the slots; empty: no reboot
    };

    explicit ReferenceUpdateManager(Options options, QObject *parent = nullptr);
    ~ReferenceUpdateManager() override;

    // Reads the persisted state (a reboot that StartUpdate asked for has now happened).
    bool load(QString *error);
    State state() const { return m_state; }
    // The full status, as sent on registration and on every change.
    updatemanager::v2::UpdateStatus status() const;
    // Whether the UM is going down for a reboot (it reports again after the restart).
    bool isRebooting() const { return m_rebooting; }

    void handle(const updatemanager::v2::CMMessages &command);

Q_SIGNALS:
    void statusChanged();

private:
    struct Pending
    {
        QString id;
        QString type;
        QString version;
        QString slot; // the slot it was staged into (the inactive one at PrepareUpdate)
    };
    struct StageJob
    {
        QString id, source, version;
        QByteArray sha256;
        quint64 size = 0;
        QUrl url; // http(s): fetched into `source` first
    };
    void prepare(const updatemanager::v2::PrepareUpdate &prepare);
    void fetchNext(QList<StageJob> jobs, int index);
    void startUpdate();
    void runUpdateCommand(int index);
    void finishStartUpdate();
    void apply();
    void revert();
    void fail(const QString &message, int exitCode = 0, const QString &component = {});
    void setState(State state);
    bool save();
    void refuse(const QString &command);
    void revertIfAsked();

    Options m_options;
    FirmwareSlots m_slots;
    QString m_stateFile;
    State m_state = State::Idle;
    QList<Pending> m_pending;
    QString m_errorMessage;
    int m_errorExitCode = 0;
    QString m_errorComponent;
    bool m_awaitingReboot = false;
    bool m_busy = false; // a PrepareUpdate or StartUpdate is running
    bool m_rebooting = false;
    bool m_revertWhenIdle = false; // RevertUpdate came while busy
    QPointer<QProcess> m_process;
    QNetworkAccessManager *m_network = nullptr; // made on the first http(s) image
};

} // namespace Flotilla::Um
