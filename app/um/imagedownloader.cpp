#include "app/um/imagedownloader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Flotilla::Um {

ImageDownloader::ImageDownloader(QNetworkAccessManager *network, QUrl url, QString path, qint64 size, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_file(path)
    , m_size(size)
{ }

void ImageDownloader::start()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString error = u"cannot write %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
        QTimer::singleShot(0, this, [this, error] { Q_EMIT finished(error); });
        return;
    }
    request();
}

void ImageDownloader::request()
{
    ++m_attempts;
    QNetworkRequest r(m_url);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    r.setTransferTimeout(std::chrono::seconds(60));
    const qint64 have = m_file.size();
    if (have > 0)
        r.setRawHeader("Range", "bytes=" + QByteArray::number(have) + '-');
    m_restarted = false;
    m_reply = m_network->get(r);
    connect(m_reply, &QNetworkReply::readyRead, this, &ImageDownloader::consume);
    connect(m_reply, &QNetworkReply::finished, this, &ImageDownloader::done);
}

void ImageDownloader::consume()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return;
    if (status == 200 && !m_restarted && m_file.size() > 0) {
        // The server ignored the Range: start over.
        m_file.resize(0);
        m_file.seek(0);
    }
    m_restarted = true;
    const QByteArray chunk = m_reply->readAll();
    if (m_file.size() + chunk.size() > m_size) {
        m_reply->abort();
        return;
    }
    m_file.write(chunk);
}

void ImageDownloader::done()
{
    consume(); // what arrived with the end
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_file.flush();
    if (reply->error() == QNetworkReply::NoError && (status == 200 || status == 206)) {
        m_file.close();
        return Q_EMIT finished({});
    }
    const bool transient = status == 0 || status >= 500;
    if (transient && m_attempts < 5 && m_file.size() <= m_size) {
        QTimer::singleShot(std::chrono::seconds(m_attempts), this, &ImageDownloader::request);
        return;
    }
    m_file.close();
    Q_EMIT finished(status ? u"%1 answered HTTP %2"_s.arg(m_url.toDisplayString()).arg(status)
                           : u"%1: %2"_s.arg(m_url.toDisplayString(), reply->errorString()));
}

} // namespace Flotilla::Um
