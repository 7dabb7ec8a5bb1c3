#pragma once

// Private to backend/ddiserver*.cpp: what the DDI server's resources share (the request context, error codes,
// links). The resources live one group per file: ddiserver.cpp (routes, authentication, dispatch), ddipoll.cpp
// (the base poll and configData), ddideployment.cpp (deployment, cancel, installedBase, confirmation, feedback)
// and ddiartifacts.cpp (a module's artifacts and their download).
#include "backend/ddiserver.h"
#include "backend/steadyclock.h"
#include "proto/ddi/ddimessages.h"

#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QUrl>
#include <QUrlQuery>

namespace Flotilla {

Q_DECLARE_LOGGING_CATEGORY(lcDdi)

namespace DdiDetail {

using namespace Qt::StringLiterals;
using Status = QHttpServerResponder::StatusCode;

constexpr int MaxActionHistory = 100; // hawkBit's RepositoryConstants.MAX_ACTION_HISTORY_MSG_COUNT
inline const QString ServerMessagePrefix = u"Update Server: "_s;

inline QString errorCodeFor(Status status)
{
    switch (status) {
    case Status::BadRequest:
        return u"flotilla.ddi.badRequest"_s;
    case Status::Unauthorized:
        return u"flotilla.ddi.unauthorized"_s;
    case Status::NotFound:
        return u"flotilla.ddi.notFound"_s;
    case Status::MethodNotAllowed:
        return u"flotilla.ddi.notCanceling"_s;
    case Status::Conflict:
        return u"flotilla.ddi.conflict"_s;
    case Status::Gone:
        return u"flotilla.ddi.actionClosed"_s;
    case Status::PreconditionFailed:
        return u"flotilla.ddi.preconditionFailed"_s;
    case Status::PayloadTooLarge:
        return u"flotilla.ddi.bodyTooLarge"_s;
    case Status::RequestRangeNotSatisfiable:
        return u"flotilla.ddi.rangeNotSatisfiable"_s;
    case Status::TooManyRequests:
        return u"flotilla.ddi.quotaExceeded"_s;
    default:
        return u"flotilla.ddi.serverError"_s;
    }
}

inline QHttpHeaders jsonHeaders()
{
    // Built once: every DDI answer starts from it (QHttpHeaders is implicitly shared).
    static const QHttpHeaders h = [] {
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
        return headers;
    }();
    return h;
}

// The cache-buster of a link: changes when what the device should do changes (soft -> forced, window opens).
inline QString cacheBuster(const Presentation &p)
{
    const size_t h = qHashMulti(0, p.actionId, int(p.kind), int(p.download), int(p.update),
                                p.maintenanceWindowAvailable.value_or(true));
    return QString::number(qint32(quint32(h)));
}

// An artifact as the DDI API shows it, with its links below the controller's base URL (both rels carry the
// externally visible URL: one scheme per server). With a download base (artifacts/downloadBaseUrl: a CDN or a
// static web server in front of the artifact directory) the download links point there instead, at the content's
// place in the directory ("<base>/<first 2 hex digits>/<sha256>"); the .MD5SUM stays with the server.
inline Ddi::Artifact ddiArtifact(const QString &controller, const Flotilla::Artifact &a,
                                 const QString &downloadBase = {})
{
    const QString href = controller + u"/softwaremodules/%1/artifacts/"_s.arg(a.moduleId)
        + QString::fromLatin1(QUrl::toPercentEncoding(a.filename));
    const QString download = downloadBase.isEmpty()
        ? href
        : downloadBase + (downloadBase.endsWith(u'/') ? u""_s : u"/"_s) + a.sha256.left(2) + u'/' + a.sha256;
    return { a.filename, a.size,   a.sha1,
             a.md5,      a.sha256, { download, download, href + u".MD5SUM"_s, href + u".MD5SUM"_s } };
}

} // namespace DdiDetail

struct DdiServer::Context
{
    const QHttpServerRequest &request;
    QHttpServerResponder &responder;
    DeviceTarget target {};
    QString base {}; // externally visible scheme://host[:port]
    int answered = 0; // the status written (metrics); 0: none yet
    // Group commit: the answer is kept here, to be written once the group is committed.
    struct Kept
    {
        QByteArray body;
        QHttpHeaders headers;
    };
    bool held = false; // in a group: answered once it is committed
    std::optional<Kept> kept {}; // the answer, when held
    // A feedback route's action, read with the target (serve, targetWithAction): set for every feedback route; its
    // action is absent when this target has none of that id.
    struct ReadAction
    {
        std::optional<ActionWithHistorySize> action;
    };
    std::optional<ReadAction> readAction {};
    std::optional<QList<Action>> openActions {}; // the base poll's, read with the target

    void send(const QByteArray &json, DdiDetail::Status status = DdiDetail::Status::Ok,
              QHttpHeaders headers = DdiDetail::jsonHeaders())
    {
        answered = int(status);
        if (held)
            kept.emplace(Kept { json, std::move(headers) });
        else
            responder.write(json, headers, status);
    }
    void send(QIODevice *stream, const QHttpHeaders &headers, DdiDetail::Status status)
    {
        answered = int(status);
        responder.write(stream, headers, status);
    }
    void fail(DdiDetail::Status status, const QString &message)
    {
        qCDebug(lcDdi).noquote() << int(status) << request.url().path() << message;
        send(Ddi::encodeError(DdiDetail::errorCodeFor(status), message), status);
    }
    QUrlQuery query() const { return request.query(); }
};

} // namespace Flotilla
