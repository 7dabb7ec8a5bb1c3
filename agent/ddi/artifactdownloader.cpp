#include "agent/ddi/artifactdownloader.h"

#include "agent/agentlogging.h"

#include <QDir>
#include <QStorageInfo>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

constexpr int maxFailures = 8; // consecutive attempts without a byte of progress
constexpr qint64 readBufferSize = 256 * 1024;
constexpr qint64 writeBackChunk = 32 * 1024 * 1024;

QString hashName(const Flotilla::Ddi::Artifact &a)
{
    if (!a.sha256.isEmpty())
        return a.sha256;
    return !a.sha1.isEmpty() ? a.sha1 : a.md5;
}

} // namespace

ArtifactDownloader::ArtifactDownloader(DdiClient &client, const AgentConfig &config, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_config(config)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ArtifactDownloader::request);
}

ArtifactDownloader::~ArtifactDownloader()
{
    stopTransfer();
}

QString ArtifactDownloader::finalPath(const Flotilla::Ddi::Artifact &artifact) const
{
    return QDir(m_config.downloadDir).filePath(hashName(artifact));
}

void ArtifactDownloader::start(const QList<Request> &requests)
{
    m_requests = requests;
    m_index = -1;
    m_total = 0;
    m_doneBytes = 0;
    m_running = true;
    if (!QDir().mkpath(m_config.downloadDir))
        return fail(tr("the download directory %1 cannot be created").arg(m_config.downloadDir));
    qint64 needed = 0;
    for (const Request &r : std::as_const(m_requests)) {
        const auto &a = r.artifact;
        if (a.sha256.isEmpty() && a.sha1.isEmpty() && a.md5.isEmpty())
            return fail(
                tr("%1: the server gave no hash for %2, so it cannot be verified").arg(r.chunkLabel, a.filename));
        if (a.size > m_config.maxArtifactSize)
            return fail(tr("%1: %2 is %3 bytes, more than downloads/maxSize (%4)")
                            .arg(r.chunkLabel, a.filename)
                            .arg(a.size)
                            .arg(m_config.maxArtifactSize));
        const QUrl primary(m_config.serverUrl.scheme() == "https"_L1 ? a.links.download : a.links.downloadHttp);
        const QUrl secondary(m_config.serverUrl.scheme() == "https"_L1 ? a.links.downloadHttp : a.links.download);
        if (primary.isEmpty() && secondary.isEmpty())
            return fail(tr("%1: %2 has no download link").arg(r.chunkLabel, a.filename));
        if (!m_client.isDownloadLink(primary) && !m_client.isDownloadLink(secondary))
            return fail(tr("%1: %2 is to be downloaded from %3, which is not the server (allow a host with "
                           "server/downloadHosts)")
                            .arg(r.chunkLabel, a.filename, (primary.isEmpty() ? secondary : primary).host()));
        m_total += a.size;
        if (!QFile::exists(finalPath(a)))
            needed += a.size - QFileInfo(finalPath(a) + u".part"_s).size();
    }
    const QStorageInfo storage(m_config.downloadDir);
    if (storage.isValid() && storage.bytesAvailable() >= 0 && needed > storage.bytesAvailable())
        return fail(tr("the download needs %1 bytes but %2 has only %3 free")
                        .arg(needed)
                        .arg(m_config.downloadDir)
                        .arg(storage.bytesAvailable()));
    next();
}

void ArtifactDownloader::next()
{
    if (m_index >= 0) {
        const auto &a = m_requests.at(m_index).artifact;
        m_doneBytes += a.size;
    }
    ++m_index;
    if (m_index >= m_requests.size()) {
        m_running = false;
        Q_EMIT progress(m_total, m_total);
        Q_EMIT finished(StepResult::success());
        return;
    }
    const auto &a = m_requests.at(m_index).artifact;
    const QString path = finalPath(a);
    if (QFile::exists(path)) {
        // Verified before it got this name; its size is checked again (a file that changed is fetched again).
        if (QFileInfo(path).size() == a.size) {
            qCDebug(lcAgent, "%s is already downloaded", qUtf8Printable(a.filename));
            return next();
        }
        QFile::remove(path);
    }
    const bool https = m_config.serverUrl.scheme() == "https"_L1;
    const QUrl primary(https ? a.links.download : a.links.downloadHttp);
    const QUrl secondary(https ? a.links.downloadHttp : a.links.download);
    m_url = m_client.isDownloadLink(primary) ? primary : secondary;
    m_file.setFileName(path + u".part"_s);
    if (!m_file.open(QIODevice::ReadWrite))
        return fail(tr("%1 cannot be written: %2").arg(m_file.fileName(), m_file.errorString()));
    m_failures = 0;
    resetHashes();
    m_offset = 0;
    const qint64 existing = m_file.size();
    if (existing > a.size) {
        m_file.resize(0);
    } else if (existing > 0 && !hashExisting(existing)) {
        return fail(tr("%1 cannot be read: %2").arg(m_file.fileName(), m_file.errorString()));
    }
    qCInfo(lcAgent, "downloading %s (%lld bytes%s) from %s", qUtf8Printable(a.filename), a.size,
           m_offset > 0 ? qPrintable(u", resuming at %1"_s.arg(m_offset)) : "",
           qUtf8Printable(m_url.toDisplayString()));
    request();
}

void ArtifactDownloader::resetHashes()
{
    const auto &a = m_requests.at(m_index).artifact;
    m_hasher = std::make_unique<ArtifactHasher>(ArtifactHasher::Expected { a.sha256, a.sha1, a.md5 },
                                                m_config.verifyAllHashes);
}

bool ArtifactDownloader::hashExisting(qint64 length)
{
    m_file.seek(0);
    QByteArray buffer;
    qint64 read = 0;
    while (read < length) {
        buffer = m_file.read(std::min<qint64>(1 << 20, length - read));
        if (buffer.isEmpty())
            return false;
        m_hasher->addData(buffer);
        read += buffer.size();
    }
    m_offset = length;
    return true;
}

void ArtifactDownloader::request()
{
    const auto &a = m_requests.at(m_index).artifact;
    if (m_offset == a.size) {
        // Everything is here (a restart after the last byte): only the verification is left.
        QString problem;
        if (!verify(&problem))
            return fail(problem);
        return next();
    }
    QNetworkRequest r = m_client.downloadRequest(m_url);
    if (m_offset > 0) {
        r.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        if (!a.sha1.isEmpty())
            r.setRawHeader("If-Range", '"' + a.sha1.toLatin1() + '"'); // hawkBit's ETag is the SHA-1
    }
    m_requestStart = m_offset;
    m_syncedUpTo = m_offset;
    m_replyChecked = false;
    m_replyProblem.clear();
    m_file.seek(m_offset);
    m_reply = m_client.network()->get(r);
    m_reply->setReadBufferSize(readBufferSize);
    connect(m_reply, &QNetworkReply::readyRead, this, &ArtifactDownloader::readData);
    connect(m_reply, &QNetworkReply::finished, this, &ArtifactDownloader::replyFinished);
}

void ArtifactDownloader::readData()
{
    if (!m_reply)
        return;
    const auto &a = m_requests.at(m_index).artifact;
    if (!m_replyChecked) {
        m_replyChecked = true;
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 && m_offset > 0) {
            // The server sent the whole file (it ignored the range, or the file changed): start over.
            qCInfo(lcAgent, "the server sent all of %s again; starting over", qUtf8Printable(a.filename));
            m_file.resize(0);
            m_file.seek(0);
            m_offset = m_requestStart = m_syncedUpTo = 0;
            resetHashes();
        } else if (status == 206) {
            const QByteArray range = m_reply->rawHeader("Content-Range");
            if (!range.startsWith(QByteArray("bytes " + QByteArray::number(m_offset) + '-'))) {
                m_replyProblem = tr("the server answered the range request with %1").arg(QString::fromLatin1(range));
                m_reply->abort();
                return;
            }
        } else if (status != 200) {
            return; // an error body: read when finished
        }
    }
    if (!m_replyProblem.isEmpty())
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return;
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray data = m_reply->read(readBufferSize);
        if (m_offset + data.size() > a.size) {
            m_replyProblem
                = tr("the server sent more than the %1 bytes it announced for %2").arg(a.size).arg(a.filename);
            m_reply->abort();
            return;
        }
        if (m_file.write(data) != data.size()) {
            m_replyProblem = tr("%1 cannot be written: %2").arg(m_file.fileName(), m_file.errorString());
            m_reply->abort();
            return;
        }
        m_hasher->addData(data);
        m_offset += data.size();
        // Start the write-back of every 32 MiB as it completes, so the fsync before verification has little
        // left to do (it took 0.45 s of a 1 GB download when it had all of it).
        if (m_offset - m_syncedUpTo >= writeBackChunk) {
            m_file.flush();
            ::sync_file_range(m_file.handle(), m_syncedUpTo, m_offset - m_syncedUpTo, SYNC_FILE_RANGE_WRITE);
            m_syncedUpTo = m_offset;
        }
    }
    Q_EMIT progress(m_doneBytes + m_offset, m_total);
}

void ArtifactDownloader::replyFinished()
{
    if (!m_reply || m_finishing)
        return;
    m_finishing = true;
    readData(); // what arrived with the end of the reply
    m_finishing = false;
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const auto &a = m_requests.at(m_index).artifact;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_running)
        return; // canceled
    m_file.flush();
    if (!m_replyProblem.isEmpty()) {
        // Too much data or a range mismatch: what we have cannot be trusted.
        m_file.resize(0);
        return fail(tr("%1: %2").arg(m_requests.at(m_index).chunkLabel, m_replyProblem));
    }
    if (status == 416) {
        // Our partial file does not fit the server's (it is not a prefix of it): start over once.
        m_file.resize(0);
        m_offset = 0;
        resetHashes();
        return retryLater(tr("the server refused the resume range"));
    }
    if (status == 404 || status == 410 || status == 403 || status == 401)
        return fail(
            tr("%1 cannot be downloaded from %2: HTTP %3").arg(a.filename, m_url.toDisplayString()).arg(status));
    if (m_offset < a.size && reply->error() == QNetworkReply::NoError && (status == 200 || status == 206)) {
        // A complete answer that is shorter than announced: the server's file is not the one it described.
        m_file.resize(0);
        return fail(tr("%1: the server sent only %2 of the %3 bytes it announced for %4")
                        .arg(m_requests.at(m_index).chunkLabel)
                        .arg(m_offset)
                        .arg(a.size)
                        .arg(a.filename));
    }
    if (m_offset < a.size) {
        const QString why = status == 0 || reply->error() != QNetworkReply::NoError
            ? reply->errorString()
            : tr("the connection ended after %1 of %2 bytes").arg(m_offset).arg(a.size);
        if (m_offset > m_requestStart)
            m_failures = 0; // progress was made: keep trying
        return retryLater(why);
    }
    QString problem;
    if (!verify(&problem))
        return fail(problem);
    next();
}

void ArtifactDownloader::retryLater(const QString &why)
{
    ++m_failures;
    const auto &a = m_requests.at(m_index).artifact;
    if (m_failures > maxFailures)
        return fail(tr("%1 could not be downloaded (%2 attempts without progress): %3")
                        .arg(a.filename)
                        .arg(m_failures)
                        .arg(why));
    const int delay = m_config.retryDelaySeconds(m_failures);
    qCInfo(lcAgent, "download of %s interrupted at %lld of %lld bytes (%s); resuming in %d s",
           qUtf8Printable(a.filename), m_offset, a.size, qUtf8Printable(why), delay);
    m_retry.start(std::chrono::seconds(delay));
}

bool ArtifactDownloader::verify(QString *problem)
{
    const auto &a = m_requests.at(m_index).artifact;
    const QString label = m_requests.at(m_index).chunkLabel;
    QStringList mismatches;
    if (m_file.size() != a.size)
        mismatches << tr("size %1, expected %2").arg(m_file.size()).arg(a.size);
    mismatches << m_hasher->mismatches();
    if (!mismatches.isEmpty()) {
        m_file.close();
        m_file.remove();
        *problem
            = tr("%1: %2 failed verification and was deleted: %3").arg(label, a.filename, mismatches.join(u"; "_s));
        return false;
    }
    QElapsedTimer syncTime;
    syncTime.start();
    const bool synced = m_file.flush() && ::fsync(m_file.handle()) == 0;
    qCDebug(lcAgent, "fsync of %s took %lld ms", qUtf8Printable(a.filename), syncTime.elapsed());
    if (!synced) {
        *problem = tr("%1 cannot be written: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    m_file.close();
    if (!QFile::rename(m_file.fileName(), finalPath(a))) {
        *problem = tr("%1 cannot be renamed to %2").arg(m_file.fileName(), finalPath(a));
        return false;
    }
    qCInfo(lcAgent, "%s verified (%lld bytes, %s)", qUtf8Printable(a.filename), a.size,
           qUtf8Printable(m_hasher->checked().join(u", "_s)));
    return true;
}

void ArtifactDownloader::stopTransfer()
{
    m_running = false;
    m_retry.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
        reply->deleteLater();
    }
    if (m_file.isOpen()) {
        m_file.flush();
        m_file.close(); // a .part stays for a later resume
    }
}

void ArtifactDownloader::fail(const QString &message)
{
    stopTransfer();
    qCWarning(lcAgent, "%s", qUtf8Printable(message));
    Q_EMIT finished(StepResult::failure(message));
}

void ArtifactDownloader::cancel()
{
    if (m_running)
        stopTransfer();
}

} // namespace Flotilla::Agent
