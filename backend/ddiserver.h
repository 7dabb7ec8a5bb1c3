#pragma once

#include "backend/artifactstore.h"
#include "backend/deviceauthenticator.h"
#include "backend/externalurl.h"
#include "backend/pollanswerencoder.h"
#include "backend/polleventthrottle.h"
#include "engine/deploymentservice.h"
#include "engine/rolloutservice.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QObject>
#include <QTimer>

#include <QRegularExpression>

#include <atomic>
#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerRequest;

namespace Flotilla {

class RegistrationBudget;
class ServerMetrics;

struct DdiSettings
{
    QString tenant = QStringLiteral("DEFAULT"); // compared case-insensitively, as hawkBit does
    ExternalUrl externalUrl;
    QString gatewayToken; // empty: gateway authentication is off
    // What a gateway token may do (its limits; hawkBit's has none): act only for controller ids matching one of
    // these wildcard patterns ('*' any run, '?' one character; none: every target), and register unknown targets
    // at all (false: a poll of an unknown target is 404, as without plug and play).
    QStringList gatewayTargets;
    bool registerTargets = true;
    // Registrations of unknown targets (gateway or anonymous) per minute, shared by every HTTP thread (none: no
    // limit); over it a poll of an unknown target is 429 with Retry-After and registers nothing.
    std::shared_ptr<RegistrationBudget> registrations;
    bool anonymous = false; // DDI without credentials; off unless configured
    qint64 maxBodyBytes = 512 * 1024; // larger request bodies get 413
    // How often polls that only move the time are written (lazy poll persistence); shorter with a faster clock.
    int pollFlushIntervalMs = 10000;
    // Artifact download links point here ("<base>/<2 hex>/<sha256>", the artifact directory's layout) instead of at
    // this server; empty: this server serves them.
    QString downloadBaseUrl;
};

// hawkBit's DDI API v1 under /{tenant}/controller/v1/{controllerId}, on a QHttpServer: the base poll, deployment,
// cancel, installed and confirmation resources with their feedback, configData, and artifact downloads. Every
// answer other than 2xx/304 carries a JSON error body; a request that fails validation changes nothing.
// Runs on the thread of the QHttpServer and the Store it is given.
class DdiServer : public QObject
{
    Q_OBJECT
public:
    // The services are the composition root's (Server, or a test's fixture); they outlive this object.
    DdiServer(const Stores &stores, ArtifactStore &artifacts, const Clock &clock, DeploymentService &deployment,
              RolloutService &rollouts, DdiSettings settings, QObject *parent = nullptr);
    ~DdiServer() override;

    // Registers the DDI routes on the server.
    void install(QHttpServer &server);

    struct Context; // one request: who asks, for which target
    using Handler = void (DdiServer::*)(Context &ctx, const QString &arg);
    // Every route below /{tenant}/controller/v1/{controllerId}, as install() serves it (and tst_badinput walks it).
    struct Route
    {
        QHttpServerRequest::Methods methods;
        QString path; // the suffix, with <arg> for path parameters (the artifact route has two)
        Handler handler;
        bool registers; // a gateway token registers an unknown target here (base poll, confirmation base)
        // Group commit (StoreSession::beginGroup): the feedback routes. Such requests handled in one turn of this
        // thread's event loop share one commit, and each is answered once it is durable. Their arg is the action
        // id, read together with the target (targetWithAction).
        bool groups = false;
        // The base poll: the target's open actions are read with it (targetWithOpenActions).
        bool readsOpenActions = false;
    };
    static const QList<Route> &routes();
    // A route's full path as the metrics name it: "/{tenant}/controller/v1/{controllerId}/deploymentBase/{actionId}".
    static const QString &templateOf(const Route &route);

Q_SIGNALS:
    // A device polled (for the event stream).
    void polled(qint64 targetId, const QString &controllerId);

public:
    // Writes the polls recorded in memory to the store (also done every pollFlushInterval and on destruction).
    void flushPolls();
    // Downloads still streaming.
    int activeTransfers() const { return m_activeTransfers.load(); }
    // Where each request's route, status and duration, polls and download bytes are counted (none: not counted).
    void setMetrics(ServerMetrics *metrics) { m_metrics = metrics; }

private:
    void dispatch(const QString &tenant, const QString &controllerId, const QHttpServerRequest &request,
                  QHttpServerResponder &responder, const Route &route, const QString &arg);
    // Size, tenant, credentials, the target (registered when the route allows), then the handler.
    void serve(Context &ctx, const QString &tenant, const QString &controllerId, const Route &route,
               const QString &arg);

    void basePoll(Context &ctx, const QString &);
    void putConfigData(Context &ctx, const QString &);
    void getDeploymentBase(Context &ctx, const QString &actionId);
    void postDeploymentFeedback(Context &ctx, const QString &actionId);
    void getCancelAction(Context &ctx, const QString &actionId);
    void postCancelFeedback(Context &ctx, const QString &actionId);
    void getInstalledBase(Context &ctx, const QString &actionId);
    void putInstalledBase(Context &ctx, const QString &);
    void getConfirmationBase(Context &ctx, const QString &);
    void getConfirmationAction(Context &ctx, const QString &actionId);
    void postConfirmationFeedback(Context &ctx, const QString &actionId);
    void activateAutoConfirm(Context &ctx, const QString &);
    void deactivateAutoConfirm(Context &ctx, const QString &);
    // The module's id when the device may see it; else answers 404 (it may not, or there is no such id) or 500 (that
    // could not be read).
    std::optional<qint64> visibleModule(Context &ctx, const QString &moduleId);
    void getModuleArtifacts(Context &ctx, const QString &moduleId);
    void getArtifact(Context &ctx, const QString &moduleAndFile);

    // Group commit: an answer held until its group is committed (or, failing that, turned into a 500).
    struct Held
    {
        QHttpServerResponder responder;
        QByteArray body;
        QHttpHeaders headers;
        QHttpServerResponder::StatusCode status;
        QString route;
        QLatin1StringView method; // a literal (httpMethodName)
        qint64 nanoseconds; // the handler's time
    };
    // This request's writes go into the open group (one is opened) and its answer waits for the commit.
    void joinGroup(Context &ctx);
    bool openGroup();
    // A feedback route's target, and its action (ctx.readAction) in the same read.
    Lookup<DeviceTarget> targetWithAction(Context &ctx, const QString &controllerId, const QString &actionId);
    // The base poll's target, and its open actions (ctx.openActions) in the same read.
    Lookup<DeviceTarget> targetWithOpenActions(Context &ctx, const QString &controllerId);
    void closeGroup(); // commits the open group, then answers its requests

    // The action the request names, if it is one of this target's; else answers 404 (500 when it could not be read).
    std::optional<Action> actionOf(Context &ctx, const QString &actionId);
    template<typename T, typename Read> std::optional<T> ownAction(Context &ctx, const QString &actionId, Read read);
    // A feedback request's body (Ddi::ActionFeedback or Ddi::ConfirmationFeedback) and the action it is for, with
    // the size of its history (one read: the engine does not read it again); else answers 400 (a body it cannot
    // read) or as actionOf() does.
    template<typename Feedback>
    std::optional<std::pair<Feedback, ActionWithHistorySize>> feedbackFor(Context &ctx, const QString &actionId);
    // The deployment (or confirmation) JSON of an action; nullopt when the store failed (ctx has the 500).
    std::optional<QByteArray> deploymentJson(Context &ctx, const Action &action, int historyCount, bool confirmation);
    void applyFeedback(Context &ctx, const ActionWithHistorySize &read, ActionEvent event, const QStringList &messages,
                       std::optional<int> code, QHttpServerResponder::StatusCode refusedStatus);
    QString controllerBase(const Context &ctx) const;
    bool gatewayMayActFor(const QString &controllerId) const;

    StoreSession &m_session;
    bool m_groupOpen = false;
    std::vector<Held> m_held;
    QMetaObject::Connection m_idle; // this thread's event loop about to wait: the group is closed
    QTimer m_groupDeadline; // or at the latest this long after it opened (a loop that never waits)
    ConfigurationStore &m_configuration;
    TargetStore &m_targets;
    ActionStore &m_actions;
    RepositoryStore &m_repository;
    ArtifactStore &m_artifacts;
    const Clock &m_clock;
    DdiSettings m_settings;
    DeploymentService &m_deployment;
    RolloutService &m_rollouts;
    DeviceAuthenticator m_authenticator;
    QList<QRegularExpression> m_gatewayTargets; // DdiSettings::gatewayTargets, compiled
    std::atomic<int> m_activeTransfers = 0; // read by the server's other threads
    ServerMetrics *m_metrics = nullptr;
    // Lazy poll persistence: a poll that changes nothing but the time is kept here and written in batches.
    QHash<qint64, TargetStore::PollRecord> m_pendingPolls;
    PollEventThrottle m_pollEvents; // polled(): one a target a second
    PollAnswerEncoder m_pollAnswers;
    QTimer m_pollFlush;
};

} // namespace Flotilla
