#include "agent/um/imageserver.h"

#include "agent/agentlogging.h"
#include "proto/http/httprange.h"
#include "proto/http/segmentdevice.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

void sendError(QHttpServerResponder &responder, QHttpServerResponder::StatusCode status, const QString &message,
               const QHttpHeaders &extra = {})
{
    QHttpHeaders h = extra;
    h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json");
    QString escaped = message;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    responder.write(u"{\"message\":\"%1\"}"_s.arg(escaped).toUtf8(), h, status);
}

} // namespace

ImageServer::ImageServer(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<QHttpServer>())
{
    using Method = QHttpServerRequest::Method;
    m_http->route(u"/images/<arg>"_s, Method::Get | Method::Head, this,
                  [this](const QString &name, const QHttpServerRequest &request, QHttpServerResponder &responder) {
                      const QString path = m_files.value(name.toLower());
                      const QFileInfo info(path);
                      if (path.isEmpty() || !info.isFile())
                          return sendError(responder, QHttpServerResponder::StatusCode::NotFound,
                                           u"no image %1 is offered"_s.arg(name));
                      const qint64 size = info.size();
                      QHttpHeaders h;
                      h.append(QHttpHeaders::WellKnownHeader::AcceptRanges, "bytes");
                      h.append(QHttpHeaders::WellKnownHeader::ContentType, "application/octet-stream");
                      h.append(QHttpHeaders::WellKnownHeader::ETag, '"' + name.toLower().toLatin1() + '"');
                      auto *device = new SegmentDevice(path);
                      device->setHeadOnly(request.method() == Method::Head);
                      const std::optional<QList<ByteRange>> ranges = parseRangeHeader(request.value("range"), size);
                      if (ranges && ranges->isEmpty()) {
                          delete device;
                          QHttpHeaders e;
                          e.append(QHttpHeaders::WellKnownHeader::ContentRange, "bytes */" + QByteArray::number(size));
                          return sendError(responder, QHttpServerResponder::StatusCode::RequestRangeNotSatisfiable,
                                           u"no requested range lies within the %1 bytes"_s.arg(size), e);
                      }
                      // One range is served as asked; several (no UM asks for them) as the whole file.
                      if (ranges && ranges->size() == 1) {
                          const ByteRange r = ranges->first();
                          h.append(QHttpHeaders::WellKnownHeader::ContentRange,
                                   "bytes " + QByteArray::number(r.first) + '-' + QByteArray::number(r.last) + '/'
                                       + QByteArray::number(size));
                          device->appendFileRange(r.first, r.length());
                          return responder.write(device, h, QHttpServerResponder::StatusCode::PartialContent);
                      }
                      device->appendFileRange(0, size);
                      responder.write(device, h, QHttpServerResponder::StatusCode::Ok);
                  });
    m_http->setMissingHandler(this, [](const QHttpServerRequest &, QHttpServerResponder &responder) {
        sendError(responder, QHttpServerResponder::StatusCode::NotFound, u"no such resource"_s);
    });
}

ImageServer::~ImageServer() = default;

bool ImageServer::listen(const QString &address, QString *error)
{
    const qsizetype colon = address.lastIndexOf(u':');
    const QHostAddress host(address.left(colon));
    const quint16 port = quint16(address.mid(colon + 1).toUInt());
    auto listener = std::make_unique<QTcpServer>();
    if (host.isNull() || !listener->listen(host, port) || !m_http->bind(listener.get())) {
        *error = u"cannot serve Update Manager images on %1: %2"_s.arg(address, listener->errorString());
        return false;
    }
    m_listener = listener.release();
    m_base
        = u"http://%1:%2/images/"_s
              .arg(host.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + host.toString() + u']' : host.toString())
              .arg(m_listener->serverPort());
    qCInfo(lcAgent, "serving Update Manager images on %s", qUtf8Printable(m_base));
    return true;
}

QUrl ImageServer::offer(const QString &path, const QString &sha256Hex)
{
    m_files.insert(sha256Hex.toLower(), path);
    return QUrl(m_base + sha256Hex.toLower());
}

void ImageServer::withdrawAll()
{
    m_files.clear();
}

} // namespace Flotilla::Agent
