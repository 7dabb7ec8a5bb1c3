#pragma once

// One firmware deployment across the device's Update Managers, as AosCore's communication manager drives
// them (AosCore's multi-UM coordination in umcontroller.go and its update phases):
//
//   Pending        wait for updateManagers/expected (connectTimeout); route each component to the UM that
//                  reports its component_id; a component no UM reports fails here, before anything is prepared
//   Installing     PrepareUpdate to every UM that has components; wait until all are PREPARED
//   Launching      StartUpdate to one UM at a time, in priority order (updateManagers/priorityOrder) ...
//   WaitingActive  ... waiting for its UPDATED (updateManagers/timeout); then the next
//   Updated        every UM is UPDATED (revertible)
//   Finalizing     ApplyUpdate to all; wait until all are IDLE with the new versions installed
//   Done
//   Reverting      after any FAILED or timeout: RevertUpdate to every UM that prepared or updated; then
//   Failed         with each UM's ErrorInfo
//
// It reconciles rather than replays: every step looks at the UMs' reported states (a UM that rebooted and
// re-registered UPDATED counts as updated), so a restarted agent, or a UM that restarted, continues where
// the UMs are. The phase and the errors are persisted on every transition (a JSON file in the action's work
// directory), so a crash during Reverting still ends in a revert.
#include "agent/um/updatemanagertypes.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace Flotilla::Agent {

class UpdateManagerHub;
class UmHandler;

class FirmwareUpdate : public QObject
{
    Q_OBJECT
public:
    enum class Phase : quint8 {
        Pending,
        Installing,
        Launching,
        WaitingActive,
        Updated,
        Finalizing,
        Done,
        Reverting,
        Failed,
    };
    Q_ENUM(Phase)
    static QString nameOf(Phase phase);

    struct Options
    {
        QStringList expected; // node ids
        int connectTimeoutSeconds = 600;
        int timeoutSeconds = 600;
        bool descending = false; // StartUpdate to the highest priority value first
    };

    // stateFile: where the phase and errors are kept (read now if it exists).
    FirmwareUpdate(UpdateManagerHub *hub, QList<UmPrepareComponent> components, Options options, QString stateFile,
                   QObject *parent = nullptr);
    ~FirmwareUpdate() override;

    Phase phase() const { return m_phase; }
    // The UMs' node ids in StartUpdate order, once routed.
    QStringList order() const { return m_order; }

    // Each ends in exactly one finished(), from the event loop.
    void route(); // Pending
    void install(); // Installing .. Updated (on failure: Reverting .. Failed)
    void apply(); // Finalizing .. Done
    void revert(); // Reverting; succeeds when nothing is left to revert
    // Stops waiting in Pending (the only phase in which nothing has been sent yet); false elsewhere.
    bool cancel();

Q_SIGNALS:
    void finished(bool ok, const QString &message);
    // A line for the action's feedback details ("node-a: PREPARED").
    void progress(const QString &line);

private:
    enum class Mode : quint8 { None, Route, Install, Apply, Revert };
    void begin(Mode mode);
    void drive();
    void driveOnce();
    bool routeComponents(QString *problem);
    void driveInstall();
    void driveApply();
    void driveRevert();
    void timedOut();
    void setPhase(Phase phase);
    void addError(const QString &error);
    void end(bool ok, const QString &message);
    void save();
    void note(const QString &line);
    QList<UmHandler *> involved() const;

    UpdateManagerHub *m_hub;
    QList<UmPrepareComponent> m_components;
    Options m_options;
    QString m_stateFile;
    Phase m_phase = Phase::Pending;
    Mode m_mode = Mode::None;
    QStringList m_errors; // every UM error and timeout, in order
    QMap<QString, QList<UmPrepareComponent>> m_routes; // node id -> its components
    QStringList m_order;
    QTimer m_timer; // the wait that is running out
    QString m_progressKey; // the involved UMs' states when the timer last started
    bool m_revertingAfterFailure = false;
    bool m_driving = false;
    bool m_driveAgain = false;
};

} // namespace Flotilla::Agent
