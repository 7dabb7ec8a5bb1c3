#pragma once

// The digests an artifact is verified with, computed as its bytes arrive, through OpenSSL's EVP (SHA-NI and
// friends: SHA-256 at about 1.5 GB/s here, against 124 MB/s for QCryptographicHash's own implementation).
// SHA-256 is always checked when the server gives it; SHA-1 and MD5 (which add nothing once a SHA-256 matches)
// only when there is no SHA-256, or when downloads/verifyAllHashes asks for them.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace Flotilla::Agent {

class ArtifactHasher
{
public:
    struct Expected
    {
        QString sha256, sha1, md5; // lower-case hex; empty: not given
    };
    ArtifactHasher(const Expected &expected, bool all);
    ~ArtifactHasher();
    ArtifactHasher(const ArtifactHasher &) = delete;
    ArtifactHasher &operator=(const ArtifactHasher &) = delete;

    void addData(const char *data, qsizetype size);
    void addData(const QByteArray &data) { addData(data.constData(), data.size()); }
    // "sha256 <actual>, expected <given>" for every digest that does not match; empty when all match.
    QStringList mismatches();
    // The names of the digests this hasher checks ("sha256", ...).
    QStringList checked() const;

private:
    struct Digest;
    std::unique_ptr<Digest> m_digests[3];
};

} // namespace Flotilla::Agent
