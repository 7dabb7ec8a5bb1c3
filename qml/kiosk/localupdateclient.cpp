#include "qml/kiosk/localupdateclient.h"

#include "localupdate.qpb.h"
#include "localupdate_client.grpc.qpb.h"

#include <QGrpcCallReply>
#include <QGrpcHttp2Channel>
#include <QGrpcServerStream>
#include <QGrpcStatus>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;
namespace pb = flotilla::device::v1;

namespace Flotilla::Kiosk {

namespace {
Q_LOGGING_CATEGORY(lcKiosk, "flotilla.kiosk", QtInfoMsg)

QDateTime fromSecs(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs) : QDateTime();
}

QUrl channelUrl(const QString &address)
{
    if (address.startsWith("unix:"_L1)) {
        const QString path = address.mid(5);
        return QUrl(u"unix://"_s + (path.startsWith(u"//"_s) ? path.mid(2) : path));
    }
    if (address.startsWith(u'/'))
        return QUrl(u"unix://"_s + address);
    return QUrl(u"http://"_s + address);
}
} // namespace

LocalUpdateClient::LocalUpdateClient(QObject *parent)
    : QObject(parent)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(std::chrono::seconds(2));
    connect(&m_retry, &QTimer::timeout, this, &LocalUpdateClient::open);
}

LocalUpdateClient::~LocalUpdateClient()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->cancel();
    }
}

void LocalUpdateClient::setAddress(const QString &address)
{
    if (address == m_address)
        return;
    m_address = address;
    Q_EMIT addressChanged();
    if (!m_address.isEmpty())
        open();
}

void LocalUpdateClient::open()
{
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream.release()->deleteLater();
    }
    m_client = std::make_unique<pb::LocalUpdateService::Client>();
    m_client->attachChannel(std::make_shared<QGrpcHttp2Channel>(channelUrl(m_address)));
    pb::SubscribeRequest request;
    request.setClient(u"kiosk"_s);
    m_stream = m_client->SubscribeNotifications(request);
    connect(m_stream.get(), &QGrpcServerStream::messageReceived, this, &LocalUpdateClient::received);
    connect(m_stream.get(), &QGrpcServerStream::finished, this, &LocalUpdateClient::ended);
}

void LocalUpdateClient::received()
{
    const std::optional<pb::DeviceNotification> n = m_stream->read<pb::DeviceNotification>();
    if (!n)
        return;
    if (!m_connected)
        qCInfo(lcKiosk, "connected to the agent at %s", qUtf8Printable(m_address));
    m_connected = true;
    apply(*n);
}

void LocalUpdateClient::ended(const QGrpcStatus &status)
{
    if (m_connected)
        qCWarning(lcKiosk, "the agent went away (%s); reconnecting", qUtf8Printable(status.message()));
    const bool was = m_connected;
    m_connected = false;
    if (was)
        Q_EMIT changed();
    m_retry.start();
}

void LocalUpdateClient::apply(const pb::DeviceNotification &n)
{
    static constexpr State states[]
        = { State::Idle,       State::WaitingForConsent, State::Downloading, State::WaitingForWindow,
            State::Installing, State::Rebooting,         State::Succeeded,   State::Failed,
            State::Postponed,  State::ReadyToInstall };
    const int s = int(n.state());
    m_state = s >= 0 && s < int(std::size(states)) ? states[s] : State::Idle;
    m_deviceName = n.deviceName();
    m_installedVersion = n.installedVersion();
    m_lastCheck = fromSecs(qint64(n.lastCheck()));
    m_serverReachable = n.agentOnline();
    m_actionId = n.actionId();
    m_title = n.title();
    m_bytesDone = double(quint64(n.bytesDone()));
    m_bytesTotal = double(quint64(n.bytesTotal()));
    m_windowStart = fromSecs(qint64(n.windowStart()));
    m_windowEnd = fromSecs(qint64(n.windowEnd()));
    m_step = n.step();
    m_percent = int(n.percent());
    m_message = n.message();
    m_postponedUntil = fromSecs(qint64(n.postponedUntil()));
    m_installNowAllowed = n.installNowAllowed();
    m_consents.clear();
    for (const pb::PendingConsent &c : n.consents()) {
        QVariantList modules;
        for (const pb::SoftwareModuleInfo &m : c.modules())
            modules << QVariantMap { { u"name"_s, m.name() },
                                     { u"version"_s, m.version() },
                                     { u"type"_s, m.type() },
                                     { u"size"_s, double(quint64(m.size())) } };
        m_consents << QVariantMap { { u"actionId"_s, c.actionId() },
                                    { u"title"_s, c.title() },
                                    { u"modules"_s, modules },
                                    { u"releaseNotes"_s, c.releaseNotes() },
                                    { u"downloadSize"_s, double(quint64(c.downloadSize())) },
                                    { u"rebootRequired"_s, c.rebootRequired() },
                                    { u"deadline"_s, fromSecs(qint64(c.deadline())) } };
    }
    m_received = true;
    Q_EMIT changed();
}

void LocalUpdateClient::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

namespace {
// Sends a unary call and reports its DecisionResult through decided().
template<typename Reply>
void follow(LocalUpdateClient *self, std::unique_ptr<Reply> reply, const std::function<void(bool, QString)> &done)
{
    Reply *raw = reply.release();
    QObject::connect(raw, &Reply::finished, self, [raw, done](const QGrpcStatus &status) {
        raw->deleteLater();
        if (!status.isOk())
            return done(false, status.message());
        const std::optional<pb::DecisionResult> r = raw->template read<pb::DecisionResult>();
        done(r && r->accepted(), r ? r->message() : QString());
    });
}
} // namespace

void LocalUpdateClient::confirm(const QString &actionId)
{
    if (!m_client)
        return;
    pb::ConsentDecision d;
    d.setActionId(actionId);
    d.setDecidedBy(u"kiosk"_s);
    d.setRemark(u"confirmed on the device's screen"_s);
    setBusy(true);
    follow(this, m_client->Confirm(d), [this](bool ok, const QString &message) {
        setBusy(false);
        Q_EMIT decided(ok, message);
    });
}

void LocalUpdateClient::deny(const QString &actionId)
{
    if (!m_client)
        return;
    pb::ConsentDecision d;
    d.setActionId(actionId);
    d.setDecidedBy(u"kiosk"_s);
    d.setRemark(u"declined on the device's screen"_s);
    setBusy(true);
    follow(this, m_client->Deny(d), [this](bool ok, const QString &message) {
        setBusy(false);
        Q_EMIT decided(ok, message);
    });
}

void LocalUpdateClient::installNow(const QString &actionId)
{
    if (!m_client)
        return;
    pb::ActionRequest r;
    r.setActionId(actionId);
    r.setRequestedBy(u"kiosk"_s);
    setBusy(true);
    follow(this, m_client->InstallNow(r), [this](bool ok, const QString &message) {
        setBusy(false);
        Q_EMIT decided(ok, message);
    });
}

void LocalUpdateClient::postpone(const QString &actionId, int minutes)
{
    if (!m_client)
        return;
    pb::PostponeRequest r;
    r.setActionId(actionId);
    r.setUntil(QDateTime::currentSecsSinceEpoch() + qint64(minutes) * 60);
    r.setRequestedBy(u"kiosk"_s);
    setBusy(true);
    follow(this, m_client->Postpone(r), [this](bool ok, const QString &message) {
        setBusy(false);
        Q_EMIT decided(ok, message);
    });
}

QString LocalUpdateClient::formatBytes(double bytes)
{
    // In the screen's language: "4.5 MB", "4,5 MB".
    const QLocale locale;
    if (bytes >= 1e9)
        return tr("%1 GB").arg(locale.toString(bytes / 1e9, 'f', 1));
    if (bytes >= 1e6)
        return tr("%1 MB").arg(locale.toString(bytes / 1e6, 'f', bytes >= 1e8 ? 0 : 1));
    if (bytes >= 1e3)
        return tr("%1 kB").arg(locale.toString(bytes / 1e3, 'f', 0));
    return tr("%1 bytes").arg(qint64(bytes));
}

QString LocalUpdateClient::formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 d = seconds / 86400, h = (seconds % 86400) / 3600, m = (seconds % 3600) / 60, s = seconds % 60;
    if (d > 0)
        return tr("%1 d %2 h").arg(d).arg(h);
    if (h > 0)
        return tr("%1 h %2 min").arg(h).arg(m);
    if (m > 0)
        return tr("%1 min %2 s").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return tr("%1 s").arg(s);
}

} // namespace Flotilla::Kiosk
