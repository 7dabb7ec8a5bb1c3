#include "agent/localapi/localapiserver.h"

#include "agent/agentlogging.h"
#include "agent/deviceagent.h"
#include "agent/localapi/localrequests.h"
#include "agent/queuedwriter.h"
#include "device/v1/localupdate.grpc.pb.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <grpcpp/grpcpp.h>

#include <map>
#include <mutex>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

namespace pb = flotilla::device::v1;

std::string toStd(const QString &s)
{
    return s.toStdString();
}

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

class Subscribers;

// One SubscribeNotifications stream.
class Subscriber final : public QueuedWriter<grpc::ServerWriteReactor<pb::DeviceNotification>, pb::DeviceNotification>
{
public:
    Subscriber(Subscribers *owner, quint64 id)
        : QueuedWriter(grpc::Status::CANCELLED)
        , m_owner(owner)
        , m_id(id)
    { }
    void OnDone() override;

private:
    Subscribers *m_owner;
    quint64 m_id;
};

class Subscribers
{
public:
    std::function<void(quint64)> opened; // posts to the agent's thread
    Subscriber *add()
    {
        std::lock_guard lock(m_mutex);
        const quint64 id = ++m_lastId;
        auto *s = new Subscriber(this, id);
        m_all.emplace(id, s);
        return s;
    }
    void remove(quint64 id)
    {
        std::lock_guard lock(m_mutex);
        m_all.erase(id);
    }
    void send(quint64 id, const pb::DeviceNotification &n)
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_all.find(id); it != m_all.end())
            it->second->send(n);
    }
    void sendAll(const pb::DeviceNotification &n)
    {
        std::lock_guard lock(m_mutex);
        for (auto &[id, s] : m_all)
            s->send(n);
    }
    size_t count()
    {
        std::lock_guard lock(m_mutex);
        return m_all.size();
    }

private:
    std::mutex m_mutex;
    std::map<quint64, Subscriber *> m_all;
    quint64 m_lastId = 0;
};

void Subscriber::OnDone()
{
    m_owner->remove(m_id);
    delete this;
}

grpc::Status notLocal(const std::string &peer)
{
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                        "the local update API answers only clients on this device, not " + peer);
}

qint64 secs(const QDateTime &t)
{
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

// What a consent question shows: the modules, their sizes, release notes, whether a reboot comes, a deadline.
pb::PendingConsent consentMessage(const PendingConsent &c, const AgentConfig &config)
{
    pb::PendingConsent out;
    out.set_action_id(toStd(c.actionId));
    out.set_title(toStd(DeviceAgent::titleOf(c.deployment)));
    quint64 total = 0;
    bool reboot = false;
    QStringList notes;
    for (const Flotilla::Ddi::Chunk &chunk : c.deployment.chunks) {
        pb::SoftwareModuleInfo *m = out.add_modules();
        m->set_name(toStd(chunk.name));
        m->set_version(toStd(chunk.version));
        m->set_type(toStd(chunk.part));
        quint64 size = 0;
        for (const Flotilla::Ddi::Artifact &a : chunk.artifacts)
            size += quint64(std::max<qint64>(0, a.size));
        m->set_size(size);
        total += size;
        const std::optional<HandlerSpec> handler = config.handlerFor(chunk.part);
        if (handler && handler->kind == HandlerSpec::Kind::Firmware)
            reboot = true;
        for (const auto &[key, value] : chunk.metadata) {
            const QString k = key.toLower();
            if (k == "release_notes"_L1 || k == "releasenotes"_L1 || k == "description"_L1)
                notes << value;
            else if ((k == "reboot"_L1 || k == "rebootrequired"_L1 || k == "reboot_required"_L1)
                     && (value.toLower() == "true"_L1 || value == "1"_L1))
                reboot = true;
            else if (k == "deadline"_L1) {
                const QDateTime deadline = QDateTime::fromString(value, Qt::ISODate);
                if (deadline.isValid())
                    out.set_deadline(deadline.toSecsSinceEpoch());
            }
        }
    }
    if (c.deployment.forceTimeMs)
        out.set_deadline(*c.deployment.forceTimeMs / 1000); // time-forced: installs by itself then
    out.set_release_notes(toStd(notes.join(u"\n\n"_s)));
    out.set_download_size(total);
    out.set_reboot_required(reboot);
    return out;
}

pb::DeviceNotification snapshot(const DeviceAgent &agent)
{
    using Phase = UpdateWorkflow::Phase;
    const AgentConfig &config = agent.config();
    const AgentState &state = agent.state();
    pb::DeviceNotification n;
    n.set_device_name(toStd(config.controllerId));
    n.set_installed_version(toStd(state.installedTitle));
    n.set_last_check(secs(state.lastCheck));
    n.set_agent_online(agent.isOnline());
    n.set_percent(-1);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (agent.isRebooting()) {
        n.set_state(pb::REBOOTING);
    } else if (state.current) {
        n.set_action_id(toStd(state.current->actionId));
        n.set_title(toStd(agent.currentTitle()));
        switch (agent.phase()) {
        case Phase::ProcessDeployment:
        case Phase::Download:
            n.set_state(pb::DOWNLOADING);
            n.set_bytes_done(quint64(std::max<qint64>(0, agent.downloadDone())));
            n.set_bytes_total(quint64(std::max<qint64>(0, agent.downloadTotal())));
            break;
        case Phase::WaitForWindow: {
            n.set_state(agent.isHeldForAPerson() ? pb::READY_TO_INSTALL : pb::WAITING_FOR_WINDOW);
            n.set_install_now_allowed(agent.installNowAllowed());
            if (const Flotilla::Ddi::Deployment *d = agent.currentDeployment(); d && d->maintenanceWindowStartMs) {
                n.set_window_start(*d->maintenanceWindowStartMs / 1000);
                n.set_window_end(*d->maintenanceWindowEndMs / 1000);
            }
            break;
        }
        case Phase::AwaitRestart:
            n.set_state(pb::REBOOTING);
            break;
        default:
            n.set_state(pb::INSTALLING);
            n.set_step(toStd(UpdateWorkflow::nameOf(agent.phase())));
            n.set_percent(agent.installPercent());
            break;
        }
    } else {
        QDateTime postponed;
        for (const PendingConsent &c : agent.pendingConsents()) {
            if (c.postponedUntil.isValid() && c.postponedUntil > now) {
                if (!postponed.isValid() || c.postponedUntil < postponed)
                    postponed = c.postponedUntil;
                continue;
            }
            *n.add_consents() = consentMessage(c, config);
        }
        const bool recent
            = agent.lastResultAt().isValid() && agent.lastResultAt().secsTo(now) < config.localResultSeconds;
        if (n.consents_size() > 0) {
            n.set_state(pb::WAITING_FOR_CONSENT);
        } else if (postponed.isValid()) {
            n.set_state(pb::POSTPONED);
            n.set_postponed_until(secs(postponed));
        } else if (recent) {
            n.set_state(state.lastOutcome == "Succeeded"_L1 ? pb::SUCCEEDED : pb::FAILED);
            n.set_action_id(toStd(state.lastActionId));
            n.set_message(toStd(agent.lastResultMessage()));
        } else {
            n.set_state(pb::IDLE);
        }
    }
    return n;
}

} // namespace

struct LocalApiServer::Private final : public pb::LocalUpdateService::CallbackService
{
    LocalApiServer *q = nullptr;
    Subscribers subscribers;
    std::unique_ptr<grpc::Server> server;
    QString address;

    // Runs `work` on the agent's thread, then finishes the call with what it returned.
    grpc::ServerUnaryReactor *onAgentThread(grpc::CallbackServerContext *context, std::function<grpc::Status()> work)
    {
        grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
        if (!LocalApiServer::isLocalPeer(fromStd(context->peer()))) {
            reactor->Finish(notLocal(context->peer()));
            return reactor;
        }
        QMetaObject::invokeMethod(q, [reactor, work] { reactor->Finish(work()); }, Qt::QueuedConnection);
        return reactor;
    }

    grpc::ServerWriteReactor<pb::DeviceNotification> *
    SubscribeNotifications(grpc::CallbackServerContext *context, const pb::SubscribeRequest *request) override
    {
        Subscriber *s = subscribers.add();
        if (!LocalApiServer::isLocalPeer(fromStd(context->peer()))) {
            s->finish(notLocal(context->peer()));
            return s;
        }
        const QString client = fromStd(request->client());
        qCInfo(lcAgent, "local API: %s subscribed (%s)", qUtf8Printable(client.isEmpty() ? u"a client"_s : client),
               context->peer().c_str());
        // The current state first: the next broadcast goes to everyone, this one included.
        QMetaObject::invokeMethod(q, [this] { q->broadcast(); }, Qt::QueuedConnection);
        return s;
    }

    grpc::ServerUnaryReactor *ListPendingConsents(grpc::CallbackServerContext *context,
                                                  const pb::ListPendingConsentsRequest *,
                                                  pb::PendingConsents *response) override
    {
        return onAgentThread(context, [this, response] {
            const pb::DeviceNotification now = snapshot(*q->m_agent);
            for (const pb::PendingConsent &c : now.consents())
                *response->add_consents() = c;
            return grpc::Status::OK;
        });
    }

    // Refuses a request that does not pass agent/localapi/localrequests.h: INVALID_ARGUMENT, naming the field.
    static grpc::ServerUnaryReactor *refuse(grpc::CallbackServerContext *context, const QString &why)
    {
        grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
        reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, toStd(why)));
        return reactor;
    }

    grpc::ServerUnaryReactor *decide(grpc::CallbackServerContext *context, const pb::ConsentDecision *request,
                                     pb::DecisionResult *response, bool confirm)
    {
        LocalRequest<LocalDecision> decision = LocalRequests::decisionOf(*request);
        if (const QString *why = std::get_if<QString>(&decision))
            return refuse(context, *why);
        return onAgentThread(context, [this, d = std::get<LocalDecision>(std::move(decision)), response, confirm] {
            QString message;
            response->set_accepted(q->m_agent->answerConsent(d.actionId, confirm, d.by, d.remark, &message));
            response->set_message(toStd(message));
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *Confirm(grpc::CallbackServerContext *context, const pb::ConsentDecision *request,
                                      pb::DecisionResult *response) override
    {
        return decide(context, request, response, true);
    }
    grpc::ServerUnaryReactor *Deny(grpc::CallbackServerContext *context, const pb::ConsentDecision *request,
                                   pb::DecisionResult *response) override
    {
        return decide(context, request, response, false);
    }

    grpc::ServerUnaryReactor *InstallNow(grpc::CallbackServerContext *context, const pb::ActionRequest *request,
                                         pb::DecisionResult *response) override
    {
        LocalRequest<LocalActionRequest> asked = LocalRequests::actionRequestOf(*request);
        if (const QString *why = std::get_if<QString>(&asked))
            return refuse(context, *why);
        return onAgentThread(context, [this, r = std::get<LocalActionRequest>(std::move(asked)), response] {
            QString message;
            response->set_accepted(q->m_agent->installNow(r.actionId, r.by, &message));
            response->set_message(toStd(message));
            return grpc::Status::OK;
        });
    }

    grpc::ServerUnaryReactor *Postpone(grpc::CallbackServerContext *context, const pb::PostponeRequest *request,
                                       pb::DecisionResult *response) override
    {
        LocalRequest<LocalPostpone> asked = LocalRequests::postponeOf(*request, QDateTime::currentDateTimeUtc());
        if (const QString *why = std::get_if<QString>(&asked))
            return refuse(context, *why);
        return onAgentThread(context, [this, p = std::get<LocalPostpone>(std::move(asked)), response] {
            QString message;
            response->set_accepted(q->m_agent->postpone(p.actionId, p.until, p.by, &message));
            response->set_message(toStd(message));
            return grpc::Status::OK;
        });
    }
};

std::unique_ptr<LocalApi> makeLocalApiServer(DeviceAgent *agent)
{
    return std::make_unique<LocalApiServer>(agent);
}

bool LocalApiServer::isLocalPeer(const QString &peer)
{
    return peer.startsWith("unix:"_L1) || peer.startsWith("unix-abstract:"_L1) || peer.startsWith("ipv4:127."_L1)
        || peer.startsWith("ipv6:[::1]"_L1) || peer.startsWith("ipv6:%5B::1%5D"_L1)
        || peer.startsWith("ipv6:[::ffff:127."_L1);
}

LocalApiServer::LocalApiServer(DeviceAgent *agent, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_agent(agent)
{
    d->q = this;
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(100);
    connect(&m_coalesce, &QTimer::timeout, this, &LocalApiServer::broadcast);
    connect(m_agent, &DeviceAgent::statusChanged, this, &LocalApiServer::scheduleBroadcast);
}

LocalApiServer::~LocalApiServer()
{
    if (d->server) {
        d->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
        d->server->Wait();
    }
    const AgentConfig &c = m_agent->config();
    if (!c.localSocket.isEmpty())
        QFile::remove(c.localSocket);
}

QString LocalApiServer::address() const
{
    return d->address;
}

bool LocalApiServer::listen(QString *error)
{
    const AgentConfig &c = m_agent->config();
    std::string address;
    if (!c.localSocket.isEmpty()) {
        QDir().mkpath(QFileInfo(c.localSocket).absolutePath());
        QFile::remove(c.localSocket); // a stale socket of an agent that died
        address = "unix:" + toStd(QFileInfo(c.localSocket).absoluteFilePath());
    } else {
        address = toStd(c.localListen);
    }
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(address, grpc::InsecureServerCredentials(), c.localSocket.isEmpty() ? &port : nullptr);
    builder.RegisterService(d.get());
    d->server = builder.BuildAndStart();
    if (!d->server || (c.localSocket.isEmpty() && port == 0)) {
        d->server.reset();
        *error = tr("the local API cannot listen on %1").arg(fromStd(address));
        return false;
    }
    if (!c.localSocket.isEmpty()) {
        const QByteArray path = QFile::encodeName(c.localSocket);
        ::chmod(path.constData(), 0660);
        if (!c.localGroup.isEmpty()) {
            const struct group *g = ::getgrnam(c.localGroup.toLocal8Bit().constData());
            if (!g || ::chown(path.constData(), uid_t(-1), g->gr_gid) != 0)
                qCWarning(lcAgent, "local API: the socket's group cannot be set to %s", qUtf8Printable(c.localGroup));
        }
        d->address = u"unix:"_s + QFileInfo(c.localSocket).absoluteFilePath();
    } else {
        d->address = c.localListen.left(c.localListen.lastIndexOf(u':')) + u':' + QString::number(port);
    }
    qCInfo(lcAgent, "local API listening on %s", qUtf8Printable(d->address));
    return true;
}

void LocalApiServer::scheduleBroadcast()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void LocalApiServer::broadcast()
{
    if (!d->server)
        return;
    d->subscribers.sendAll(snapshot(*m_agent));
    // A result stays on the screen for localApi/resultSeconds: say so when that time is over.
    const QDateTime at = m_agent->lastResultAt();
    if (at.isValid()) {
        const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(at.addSecs(m_agent->config().localResultSeconds));
        if (left > 0)
            QTimer::singleShot(std::chrono::milliseconds(left + 50), this, &LocalApiServer::scheduleBroadcast);
    }
}

} // namespace Flotilla::Agent
