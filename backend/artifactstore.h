#pragma once

#include <QIODevice>
#include <QString>

#include <optional>

namespace Flotilla {

// Artifact contents on disk, content-addressed by sha256 (<dir>/<2 hex>/<sha256>): the same file uploaded
// twice is stored once. Adding streams the source through the three hashes into a temporary file and moves it
// into place only when everything matched, so a failed upload leaves nothing behind.
class ArtifactStore
{
public:
    explicit ArtifactStore(const QString &directory);

    // Creates the directory and removes uploads abandoned an hour or more ago (temporary files a crash left);
    // false with errorString() when the directory cannot be used.
    bool open();
    static constexpr int AbandonedUploadSeconds = 3600;
    QString directory() const { return m_directory; }
    QString errorString() const { return m_error; }

    struct Hashes
    {
        QString sha1;
        QString md5;
        QString sha256;
    };
    struct Stored
    {
        Hashes hashes;
        qint64 size = 0;
    };
    // A hash mismatch names the hash (hawkBit answers each with its own error code).
    enum class AddError : quint8 { None, TooLarge, Sha1Mismatch, Md5Mismatch, Sha256Mismatch, Io, NoSpace };

    // Reads source to its end. Declared hashes (empty ones are not checked) must match what was read.
    std::optional<Stored> add(QIODevice &source, const Hashes &declared, qint64 maxBytes, AddError *error = nullptr);
    // The file of a stored sha256 (which need not exist).
    QString pathOf(const QString &sha256) const;
    bool contains(const QString &sha256) const;

private:
    void removeAbandonedUploads();

    QString m_directory;
    QString m_error;
};

} // namespace Flotilla
