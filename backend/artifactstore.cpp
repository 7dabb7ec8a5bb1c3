#include "backend/artifactstore.h"

#include "backend/backendlogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStorageInfo>
#include <QTemporaryFile>
#include <QTimeZone>

#include <cerrno>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flotilla {

ArtifactStore::ArtifactStore(const QString &directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{ }

bool ArtifactStore::open()
{
    if (!QDir().mkpath(m_directory)) {
        m_error = u"artifact directory '%1' cannot be created"_s.arg(m_directory);
        return false;
    }
    if (!QFileInfo(m_directory).isWritable()) {
        m_error = u"artifact directory '%1' is not writable"_s.arg(m_directory);
        return false;
    }
    removeAbandonedUploads();
    return true;
}

void ArtifactStore::removeAbandonedUploads()
{
    // An upload cut off by a crash (kill -9, power loss) leaves its temporary file behind; nothing ever names it.
    // A live upload writes its file as the bytes come, so only files untouched for an hour are removed: another
    // server sharing the directory may be receiving one right now.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-AbandonedUploadSeconds);
    const QFileInfoList incoming = QDir(m_directory).entryInfoList({ u"incoming-*"_s }, QDir::Files | QDir::Hidden);
    int removed = 0;
    for (const QFileInfo &file : incoming) {
        if (file.lastModified(QTimeZone::UTC) < before && QFile::remove(file.filePath()))
            ++removed;
    }
    if (removed > 0)
        qCInfo(lcArtifacts, "removed %d upload(s) abandoned by an earlier run", removed);
}

QString ArtifactStore::pathOf(const QString &sha256) const
{
    return m_directory + u'/' + sha256.left(2) + u'/' + sha256;
}

bool ArtifactStore::contains(const QString &sha256) const
{
    return QFileInfo::exists(pathOf(sha256));
}

namespace {
constexpr qsizetype ChunkBytes = 256 * 1024; // read and written at a time
} // namespace

std::optional<ArtifactStore::Stored> ArtifactStore::add(QIODevice &source, const Hashes &declared, qint64 maxBytes,
                                                        AddError *error)
{
    auto fail = [&](AddError e, const QString &message) -> std::optional<Stored> {
        m_error = message;
        if (error)
            *error = e;
        return std::nullopt;
    };
    // A write that failed because the disk is full says so (the upload gets 507, the operator knows what to do).
    auto writeFailed = [&](const QString &what, const QFileDevice &file) -> std::optional<Stored> {
        if (errno == ENOSPC || errno == EDQUOT || QStorageInfo(m_directory).bytesAvailable() < ChunkBytes)
            return fail(
                AddError::NoSpace,
                u"the disk of the artifact store '%1' is full (%2 bytes free); nothing was stored"_s.arg(m_directory)
                    .arg(QStorageInfo(m_directory).bytesAvailable()));
        return fail(AddError::Io, u"%1 failed: %2"_s.arg(what, file.errorString()));
    };
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    // The temporary file lives in the store's directory so that the final move is a rename.
    QTemporaryFile out(m_directory + u"/incoming-XXXXXX"_s); // removed unless it is renamed into place
    if (!out.open())
        return fail(AddError::Io, u"cannot write into '%1': %2"_s.arg(m_directory, out.errorString()));
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    QCryptographicHash md5(QCryptographicHash::Md5);
    QCryptographicHash sha256(QCryptographicHash::Sha256);
    qint64 size = 0;
    for (;;) {
        if (!source.bytesAvailable() && !source.atEnd())
            source.waitForReadyRead(30000);
        const qint64 n = source.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(AddError::Io, u"reading the upload failed: %1"_s.arg(source.errorString()));
        if (n == 0 && source.atEnd())
            break;
        size += n;
        if (size > maxBytes)
            return fail(AddError::TooLarge, u"the artifact exceeds the limit of %1 bytes"_s.arg(maxBytes));
        const QByteArrayView chunk(buffer.constData(), n);
        sha1.addData(chunk);
        md5.addData(chunk);
        sha256.addData(chunk);
        if (out.write(chunk.data(), n) != n)
            return writeFailed(u"writing the artifact"_s, out);
    }
    Stored stored { { QString::fromLatin1(sha1.result().toHex()), QString::fromLatin1(md5.result().toHex()),
                      QString::fromLatin1(sha256.result().toHex()) },
                    size };
    const std::pair<QString, QString> checks[] = { { declared.sha1, stored.hashes.sha1 },
                                                   { declared.md5, stored.hashes.md5 },
                                                   { declared.sha256, stored.hashes.sha256 } };
    const char *names[] = { "sha1", "md5", "sha256" };
    const AddError errors[] = { AddError::Sha1Mismatch, AddError::Md5Mismatch, AddError::Sha256Mismatch };
    for (int i = 0; i < 3; ++i) {
        if (!checks[i].first.isEmpty() && checks[i].first.compare(checks[i].second, Qt::CaseInsensitive) != 0)
            return fail(errors[i],
                        u"declared %1 %2 does not match the uploaded file's %3"_s.arg(
                            QLatin1StringView(names[i]), checks[i].first, checks[i].second));
    }
    const QString target = pathOf(stored.hashes.sha256);
    if (QFileInfo::exists(target))
        return stored; // the same content is already there
    if (!QDir().mkpath(QFileInfo(target).path()))
        return fail(AddError::Io, u"cannot create '%1'"_s.arg(QFileInfo(target).path()));
    // On the disk before it has its name: a crash never leaves a visible artifact with missing bytes.
    if (!out.flush() || ::fsync(out.handle()) != 0)
        return writeFailed(u"writing the artifact"_s, out);
    if (!out.rename(target))
        return fail(AddError::Io, u"moving the artifact to '%1' failed: %2"_s.arg(target, out.errorString()));
    out.setAutoRemove(false);
    qCInfo(lcArtifacts).noquote() << "artifact stored:" << stored.hashes.sha256 << size << "bytes";
    return stored;
}

} // namespace Flotilla
