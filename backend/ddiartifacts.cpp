#include "backend/ddiserver.h"
#include "backend/ddiserver_p.h"
#include "backend/servermetrics.h"

#include "proto/http/httprange.h"
#include "proto/http/segmentdevice.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace Flotilla::DdiDetail;

namespace Flotilla {

std::optional<qint64> DdiServer::visibleModule(Context &ctx, const QString &moduleId)
{
    bool ok = false;
    const qint64 id = moduleId.toLongLong(&ok);
    const Result<bool> visible = ok ? m_repository.moduleVisibleToTarget(id, ctx.target.id) : Result<bool>(false);
    if (!visible) {
        qCWarning(lcDdi).noquote() << visible.error().message;
        ctx.fail(Status::InternalServerError, u"the software module could not be read"_s);
        return std::nullopt;
    }
    if (!*visible) {
        ctx.fail(Status::NotFound, u"software module '%1' is not assigned to this target"_s.arg(moduleId));
        return std::nullopt;
    }
    return id;
}

void DdiServer::getModuleArtifacts(Context &ctx, const QString &moduleId)
{
    const std::optional<qint64> visible = visibleModule(ctx, moduleId);
    if (!visible)
        return;
    const qint64 id = *visible;
    const QString controller = controllerBase(ctx);
    const Result<QList<Flotilla::Artifact>> artifacts = m_repository.artifacts(id);
    if (!artifacts)
        return ctx.fail(Status::InternalServerError, u"the artifacts could not be read"_s);
    QList<Ddi::Artifact> list;
    for (const Flotilla::Artifact &a : *artifacts)
        list.append(ddiArtifact(controller, a, m_settings.downloadBaseUrl));
    ctx.send(Ddi::encodeArtifacts(list));
}

void DdiServer::getArtifact(Context &ctx, const QString &moduleAndFile)
{
    const qsizetype slash = moduleAndFile.indexOf(u'/');
    const std::optional<qint64> visible = visibleModule(ctx, moduleAndFile.left(slash));
    if (!visible)
        return;
    const qint64 moduleId = *visible;
    QString filename = moduleAndFile.mid(slash + 1);
    const bool md5sum = filename.endsWith(u".MD5SUM"_s);
    std::optional<Flotilla::Artifact> artifact;
    const Result<QList<Flotilla::Artifact>> artifacts = m_repository.artifacts(moduleId);
    if (!artifacts)
        return ctx.fail(Status::InternalServerError, u"the artifacts could not be read"_s);
    auto find = [&](const QString &name) {
        for (const Flotilla::Artifact &a : *artifacts) {
            if (a.filename == name)
                return std::optional(a);
        }
        return std::optional<Flotilla::Artifact>();
    };
    artifact = find(filename);
    if (!artifact && md5sum) {
        filename.chop(7);
        artifact = find(filename);
    } else {
        // A file really named "x.MD5SUM" is served as itself.
    }
    if (!artifact)
        return ctx.fail(Status::NotFound, u"artifact '%1' does not exist in module %2"_s.arg(filename).arg(moduleId));
    const bool head = ctx.request.method() == QHttpServerRequest::Method::Head;
    if (md5sum && artifact->filename == filename && !filename.endsWith(u".MD5SUM"_s)) {
        const QByteArray text = artifact->md5.toLatin1() + "  " + artifact->filename.toUtf8() + '\n';
        QHttpHeaders h;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "text/plain");
        h.append(QHttpHeaders::WellKnownHeader::ContentDisposition,
                 "attachment;filename=" + QUrl::toPercentEncoding(artifact->filename) + ".MD5SUM");
        return ctx.send(head ? QByteArray() : text, Status::Ok, h);
    }

    const QString path = m_artifacts.pathOf(artifact->sha256);
    const QFileInfo info(path);
    if (!info.exists())
        return ctx.fail(Status::Gone, u"the content of artifact '%1' is missing from the store"_s.arg(filename));
    const qint64 size = artifact->size;
    const QByteArray etag = '"' + artifact->sha1.toLatin1() + '"';
    const QByteArray lastModified
        = QLocale::c().toString(artifact->createdAt.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
    const QByteArray ifMatch = ctx.request.value("if-match");
    if (!ifMatch.isEmpty() && ifMatch != "*" && !ifMatch.split(',').contains(etag)
        && !ifMatch.split(',').contains(artifact->sha1.toLatin1()))
        return ctx.fail(Status::PreconditionFailed, u"If-Match does not match the artifact's SHA-1"_s);

    QHttpHeaders h;
    h.append(QHttpHeaders::WellKnownHeader::ETag, etag);
    h.append(QHttpHeaders::WellKnownHeader::AcceptRanges, "bytes");
    h.append(QHttpHeaders::WellKnownHeader::LastModified, lastModified);
    h.append(QHttpHeaders::WellKnownHeader::ContentDisposition,
             "attachment;filename=" + QUrl::toPercentEncoding(artifact->filename));
    h.append("X-Content-Type-Options", "nosniff");

    // Range applies unless If-Range names another version of the file.
    std::optional<QList<ByteRange>> ranges = parseRangeHeader(ctx.request.value("range"), size);
    const QByteArray ifRange = ctx.request.value("if-range").trimmed();
    if (ranges && !ifRange.isEmpty() && ifRange != etag && ifRange != lastModified)
        ranges.reset();

    auto *device = new SegmentDevice(path);
    device->setHeadOnly(head);
    Status status = Status::Ok;
    if (!ranges) {
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/octet-stream");
        device->appendFileRange(0, size);
        // A full download is history (and counts against the status quota); a Range request is not (#1249).
        if (!head) {
            const Result<QList<Action>> openActions = m_actions.openActions(ctx.target.id);
            if (!openActions)
                qCWarning(lcDdi).noquote() << "download history not recorded:" << openActions.error().message;
            for (const Action &open : openActions ? *openActions : QList<Action>()) {
                const Result<QList<SoftwareModule>> modules = m_repository.modulesOfSet(open.distributionSetId);
                if (!modules) {
                    qCWarning(lcDdi).noquote() << "download history not recorded:" << modules.error().message;
                    break;
                }
                if (std::any_of(modules->cbegin(), modules->cend(),
                                [&](const SoftwareModule &m) { return m.id == moduleId; })) {
                    m_deployment.feedback(ctx.target.id, open.id, ActionEvent::Download,
                                          { ServerMessagePrefix + u"Target downloads "_s + ctx.request.url().path() });
                    break;
                }
            }
        }
    } else if (ranges->isEmpty()) {
        delete device;
        QHttpHeaders e = jsonHeaders();
        e.append(QHttpHeaders::WellKnownHeader::ContentRange, "bytes */" + QByteArray::number(size));
        return ctx.send(
            Ddi::encodeError(errorCodeFor(Status::RequestRangeNotSatisfiable),
                             u"no requested range lies within the %1 bytes of '%2'"_s.arg(size).arg(filename)),
            Status::RequestRangeNotSatisfiable, e);
    } else if (ranges->size() == 1) {
        const ByteRange r = ranges->first();
        status = Status::PartialContent;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/octet-stream");
        h.append(QHttpHeaders::WellKnownHeader::ContentRange,
                 "bytes " + QByteArray::number(r.first) + '-' + QByteArray::number(r.last) + '/'
                     + QByteArray::number(size));
        device->appendFileRange(r.first, r.length());
    } else {
        static const QByteArray boundary = "THIS_STRING_SEPARATES_MULTIPART";
        status = Status::PartialContent;
        h.append(QHttpHeaders::WellKnownHeader::ContentType, "multipart/byteranges; boundary=" + boundary);
        for (const ByteRange &r : std::as_const(*ranges)) {
            device->appendBytes("\r\n--" + boundary
                                + "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes "
                                + QByteArray::number(r.first) + '-' + QByteArray::number(r.last) + '/'
                                + QByteArray::number(size) + "\r\n\r\n");
            device->appendFileRange(r.first, r.length());
        }
        device->appendBytes("\r\n--" + boundary + "--\r\n");
    }
    ++m_activeTransfers;
    connect(device, &QObject::destroyed, this, [this] { --m_activeTransfers; });
    if (m_metrics)
        device->setReadObserver([metrics = m_metrics](qint64 bytes) { metrics->recordDownloadBytes(bytes); });
    ctx.send(device, h, status);
}

} // namespace Flotilla
