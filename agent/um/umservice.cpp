#include "agent/um/umservice.h"

#include "agent/agentlogging.h"
#include "agent/queuedwriter.h"
#include "agent/um/umstatuscodec.h"
#include "um/v2/updatemanager.grpc.pb.h"

#include <QFile>

#include <grpcpp/grpcpp.h>

#include <map>
#include <mutex>

namespace Flotilla::Agent {

namespace {

namespace pb = updatemanager::v2;

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

pb::CMMessages encode(const UmCommand &command)
{
    pb::CMMessages out;
    switch (command.kind) {
    case UmCommand::Kind::PrepareUpdate: {
        pb::PrepareUpdate *prepare = out.mutable_prepare_update();
        for (const UmPrepareComponent &c : command.components) {
            pb::PrepareComponentInfo *info = prepare->add_components();
            info->set_component_id(toStd(c.componentId));
            info->set_component_type(toStd(c.componentType));
            info->set_version(toStd(c.version));
            info->set_annotations(toStd(c.annotations));
            info->set_url(toStd(c.url));
            info->set_sha256(c.sha256.toStdString());
            info->set_size(c.size);
        }
        break;
    }
    case UmCommand::Kind::StartUpdate:
        out.mutable_start_update();
        break;
    case UmCommand::Kind::ApplyUpdate:
        out.mutable_apply_update();
        break;
    case UmCommand::Kind::RevertUpdate:
        out.mutable_revert_update();
        break;
    }
    return out;
}

class Registry;

// One RegisterUM stream. Lives from RegisterUM() until OnDone(), which deletes it.
class Stream final : public QueuedWriter<grpc::ServerBidiReactor<pb::UpdateStatus, pb::CMMessages>, pb::CMMessages>
{
public:
    Stream(Registry *registry, quint64 id, QString peer);
    void start() { StartRead(&m_in); }

    void OnReadDone(bool ok) override;
    void OnDone() override;

private:
    Registry *m_registry;
    quint64 m_id;
    QString m_peer;
    pb::UpdateStatus m_in;
    bool m_sawMessage = false;
};

// The live streams by id, and the way back to the hub.
class Registry
{
public:
    explicit Registry(UmService::Callbacks callbacks)
        : m_callbacks(std::move(callbacks))
    { }

    Stream *open(const std::string &peer)
    {
        std::lock_guard lock(m_mutex);
        const quint64 id = ++m_lastId;
        auto *stream = new Stream(this, id, fromStd(peer));
        m_streams.emplace(id, stream);
        return stream;
    }
    void forget(quint64 id)
    {
        {
            std::lock_guard lock(m_mutex);
            m_streams.erase(id);
        }
        m_callbacks.closed(id);
    }
    void status(quint64 id, const UmStatus &status, const QString &peer) { m_callbacks.status(id, status, peer); }
    template<typename F> void with(quint64 id, F &&f)
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_streams.find(id); it != m_streams.end())
            f(it->second);
    }

private:
    UmService::Callbacks m_callbacks;
    std::mutex m_mutex;
    std::map<quint64, Stream *> m_streams;
    quint64 m_lastId = 0;
};

Stream::Stream(Registry *registry, quint64 id, QString peer)
    : QueuedWriter(grpc::Status(grpc::StatusCode::UNAVAILABLE, "write failed"))
    , m_registry(registry)
    , m_id(id)
    , m_peer(std::move(peer))
{ }

void Stream::OnReadDone(bool ok)
{
    if (!ok) {
        // The UM closed its side, the connection broke, or a message could not be parsed.
        finish(m_sawMessage ? grpc::Status::OK
                            : grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                           "the first message on RegisterUM must be an UpdateStatus"));
        return;
    }
    m_sawMessage = true;
    m_registry->status(m_id, umStatusOf(m_in), m_peer);
    unlessFinishing([this] { StartRead(&m_in); });
}

void Stream::OnDone()
{
    m_registry->forget(m_id);
    delete this;
}

class Service final : public pb::UMService::CallbackService
{
public:
    explicit Service(Registry *registry)
        : m_registry(registry)
    { }
    grpc::ServerBidiReactor<pb::UpdateStatus, pb::CMMessages> *RegisterUM(grpc::CallbackServerContext *context) override
    {
        Stream *stream = m_registry->open(context->peer());
        stream->start();
        return stream;
    }

private:
    Registry *m_registry;
};

bool readFile(const QString &path, std::string *out, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return false;
    }
    *out = f.readAll().toStdString();
    return true;
}

class GrpcUmService final : public UmService
{
public:
    explicit GrpcUmService(Callbacks callbacks);
    ~GrpcUmService() override;
    bool start(const QString &listen, const Tls &tls, QString *error) override;
    int port() const override;
    void send(quint64 stream, const UmCommand &command) override;
    void close(quint64 stream, Code code, const QString &message) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace

std::unique_ptr<UmService> makeGrpcUmService(UmService::Callbacks callbacks)
{
    return std::make_unique<GrpcUmService>(std::move(callbacks));
}

struct GrpcUmService::Private
{
    explicit Private(Callbacks callbacks)
        : registry(std::move(callbacks))
        , service(&registry)
    { }
    Registry registry;
    Service service;
    std::unique_ptr<grpc::Server> server;
    int port = 0;
};

GrpcUmService::GrpcUmService(Callbacks callbacks)
    : d(std::make_unique<Private>(std::move(callbacks)))
{ }

GrpcUmService::~GrpcUmService()
{
    if (d->server) {
        d->server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
        d->server->Wait();
    }
}

bool GrpcUmService::start(const QString &listen, const Tls &tls, QString *error)
{
    std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
    if (!tls.certificate.isEmpty()) {
        grpc::SslServerCredentialsOptions options;
        grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
        if (!readFile(tls.certificate, &pair.cert_chain, error) || !readFile(tls.key, &pair.private_key, error))
            return false;
        options.pem_key_cert_pairs.push_back(pair);
        if (!tls.caFile.isEmpty()) {
            if (!readFile(tls.caFile, &options.pem_root_certs, error))
                return false;
            options.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
        }
        credentials = grpc::SslServerCredentials(options);
    }
    grpc::ServerBuilder builder;
    builder.AddListeningPort(toStd(listen), credentials, &d->port);
    builder.RegisterService(&d->service);
    // A UM that vanishes without closing its connection (power cut) is noticed within a minute.
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20000);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    d->server = builder.BuildAndStart();
    if (!d->server || d->port == 0) {
        d->server.reset();
        *error = QStringLiteral("cannot listen for Update Managers on %1").arg(listen);
        return false;
    }
    qCInfo(lcAgent, "UMService listening on %s (port %d)%s", qUtf8Printable(listen), d->port,
           tls.certificate.isEmpty() ? "" : (tls.caFile.isEmpty() ? ", TLS" : ", mutual TLS"));
    return true;
}

int GrpcUmService::port() const
{
    return d->port;
}

void GrpcUmService::send(quint64 stream, const UmCommand &command)
{
    pb::CMMessages message = encode(command);
    d->registry.with(stream, [&](Stream *s) { s->send(std::move(message)); });
}

void GrpcUmService::close(quint64 stream, Code code, const QString &message)
{
    d->registry.with(stream, [&](Stream *s) { s->finish(grpc::Status(grpc::StatusCode(int(code)), toStd(message))); });
}

} // namespace Flotilla::Agent
