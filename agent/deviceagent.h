#pragma once

// flotilla-agent's core: polls the server over DDI, turns what it presents into an UpdateWorkflow, reports
// feedback through the FeedbackQueue, and persists everything on every transition so that a crash, a kill
// or a reboot resumes where it stopped (as AosCore's update flow does). Consent questions are answered by
// consent/policy.
#include "agent/agentconfig.h"
#include "agent/agentstate.h"
#include "agent/ddi/artifactdownloader.h"
#include "agent/ddi/ddiclient.h"
#include "agent/ddi/feedbackqueue.h"
#include "agent/handlers/stephandlerregistry.h"
#include "agent/um/updatemanagerhub.h"
#include "agent/workflow/updateworkflow.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Flotilla::Agent {

// An action waiting for a person's consent (consent/policy = wait and a local API): what the kiosk shows.
struct PendingConsent
{
    QString actionId;
    QUrl href; // confirmationBase/{id}
    Flotilla::Ddi::Deployment deployment;
    QDateTime postponedUntil; // "Later" on the kiosk: not shown before then
};

class DeviceAgent : public QObject
{
    Q_OBJECT
public:
    explicit DeviceAgent(AgentConfig config, QObject *parent = nullptr);
    // A device of a simulated fleet: it shares the fleet's network (connections and thread) and runs every
    // chunk through `handler`, whatever handlers/* say.
    DeviceAgent(AgentConfig config, QNetworkAccessManager *network, std::unique_ptr<StepHandler> handler,
                QObject *parent = nullptr);
    ~DeviceAgent() override;

    // Prepares directories and TLS, loads the saved state and resumes; false (with *error) when it cannot run.
    bool start(QString *error);
    // SIGTERM: stops the download and any step that can stop, saves, and emits stopped().
    void stop();

    const AgentState &state() const { return m_state; }
    UpdateWorkflow::Phase phase() const { return m_workflow->phase(); }
    bool isBusy() const { return m_state.current.has_value(); }
    // Nothing to do until the next poll: no action, no feedback owed, no consent question open, no request on
    // the wire. A simulated fleet lets such a device sleep.
    bool isQuiet() const;
    // The UMService hub (nullptr without updateManagers/listen).
    UpdateManagerHub *updateManagerHub() const { return m_umHub.get(); }

    // --- for the local API (deviceagentlocal.cpp) ---
    const AgentConfig &config() const { return m_config; }
    QList<PendingConsent> pendingConsents() const { return m_consents.values(); }
    // The decision goes to the server as confirmationBase feedback naming who decided; false with *message
    // when there is no such open question (already decided: the first decision wins).
    bool answerConsent(const QString &actionId, bool confirm, const QString &decidedBy, const QString &remark,
                       QString *message);
    // Starts an update that waits for its maintenance window (when localApi/allowInstallNow allows it).
    bool installNow(const QString &actionId, const QString &requestedBy, QString *message);
    bool installNowAllowed() const;
    // A soft action that waits after its download until a person says Install now (localApi/holdSoftActions).
    bool heldForAPerson(const Flotilla::Ddi::Deployment &deployment) const;
    bool isHeldForAPerson() const;
    // Hides a consent question until `until` ("Later"); the agent keeps polling, the server keeps asking.
    bool postpone(const QString &actionId, const QDateTime &until, const QString &requestedBy, QString *message);
    qint64 downloadDone() const { return m_downloadDone; }
    qint64 downloadTotal() const { return m_downloadTotal; }
    int installPercent() const { return m_installPercent; }
    bool isRebooting() const { return m_rebooting; }
    bool isOnline() const { return m_state.lastCheck.isValid() && !m_unreachableSince.isValid(); }
    QString lastResultMessage() const { return m_lastResultMessage; }
    QDateTime lastResultAt() const { return m_lastResultAt; }
    // "rootfs 2.0, mcu 3.1": what the current action installs.
    QString currentTitle() const;
    // The current action's deployment, decoded once per body the server sent (nullptr: none, or unreadable).
    const Flotilla::Ddi::Deployment *currentDeployment() const;
    static QString titleOf(const Flotilla::Ddi::Deployment &deployment);

Q_SIGNALS:
    // Anything the local API shows changed (phase, progress, consent questions, the server's reachability).
    void statusChanged();
    void stopped();
    // The agent asks to be restarted by its supervisor (a step handler asked for an agent restart).
    void restartRequested();
    void actionEnded(const QString &actionId, Flotilla::Agent::UpdateWorkflow::Phase phase);

private:
    // Says statusChanged() once `until` has come (a postponed consent question is asked again).
    void remindAt(const QDateTime &until);
    // polling
    void poll();
    void scheduleNextPoll(qint64 seconds);
    void pollAnswered(const DdiReply &reply);
    void serverUnreachable(const QString &why);
    // what the server presents
    void sendConfigData(const QUrl &href);
    void handleCancel(const QUrl &href);
    void handleConfirmation(const QUrl &href);
    void consentDetailsRead(const QUrl &href, const DdiReply &reply);
    void forgetConsentsBut(const QString &actionId);
    void handleDeployment(const QUrl &href);
    void deploymentRead(const QUrl &href, const DdiReply &reply);
    // the action
    bool startAction(const QUrl &href, const QByteArray &body, const Flotilla::Ddi::Deployment &deployment);
    void resume();
    UpdateWorkflow::Job jobFor(const Flotilla::Ddi::Deployment &deployment) const;
    void phaseChanged(UpdateWorkflow::Phase phase, int item);
    void downloadRequested();
    void downloadProgress(qint64 done, qint64 total);
    void installProgress(int percent);
    void restartRequestedByWorkflow(StepResult::Restart restart);
    void workflowEnded(UpdateWorkflow::Phase phase);
    void runRebootCommand();
    void rememberEnded(const QString &actionId);
    void failWithoutWorkflow(const QString &actionId, const QUrl &feedbackHref, const QString &message);
    // feedback
    void sendFeedback(const QString &actionId, const QUrl &href, Flotilla::Ddi::Execution execution,
                      Flotilla::Ddi::Finished finished, const QStringList &details, std::optional<int> code = {},
                      std::optional<std::pair<int, int>> progress = {});
    static QUrl feedbackUrl(const QUrl &resource);
    // The action id in a DDI resource link: the path segment after deploymentBase/, cancelAction/ or
    // confirmationBase/.
    static QString actionIdIn(const QUrl &href, QLatin1StringView resource);
    QString bootId() const;
    void save();

    AgentConfig m_config;
    DdiClient m_client;
    StateFile m_stateFile;
    AgentState m_state;
    std::unique_ptr<UpdateManagerHub> m_umHub; // before the handlers that use it, so it outlives them
    StepHandlerRegistry m_handlers; // declared before the workflow that uses them, so it outlives it
    std::unique_ptr<FeedbackQueue> m_feedback;
    std::unique_ptr<ArtifactDownloader> m_downloader;
    std::unique_ptr<UpdateWorkflow> m_workflow;
    QTimer m_pollTimer;
    qint64 m_sleepSeconds = 300;
    int m_pollFailures = 0;
    QDateTime m_unreachableSince;
    bool m_polling = false;
    bool m_stopping = false;
    // progress feedback limits: one per 10 % and one per 5 s
    int m_lastProgressDecile = -1;
    int m_lastInstallDecile = -1;
    QElapsedTimer m_lastProgressSent;
    QStringList m_handledCancels; // stopIds answered or being answered
    std::optional<std::pair<QUrl, QByteArray>> m_pendingReplacement; // a newer action, once the old one ended
    // the local API's view
    QMap<QString, PendingConsent> m_consents;
    QStringList m_consentFetching;
    qint64 m_downloadDone = 0;
    qint64 m_downloadTotal = 0;
    int m_installPercent = -1;
    bool m_rebooting = false;
    QString m_lastResultMessage;
    QString m_installNowGiven; // the action a person released with InstallNow
    mutable QByteArray m_decodedBody; // what currentDeployment() decoded last
    mutable std::optional<Flotilla::Ddi::Deployment> m_decodedDeployment;
    QDateTime m_lastResultAt;
};

} // namespace Flotilla::Agent
