#include "agent/ddi/artifacthasher.h"

#include <openssl/evp.h>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

struct ArtifactHasher::Digest
{
    const char *name;
    QString expected;
    EVP_MD_CTX *ctx = nullptr;
    Digest(const char *n, QString e, const EVP_MD *md)
        : name(n)
        , expected(std::move(e))
        , ctx(EVP_MD_CTX_new())
    {
        EVP_DigestInit_ex(ctx, md, nullptr);
    }
    ~Digest() { EVP_MD_CTX_free(ctx); }
};

ArtifactHasher::ArtifactHasher(const Expected &expected, bool all)
{
    if (!expected.sha256.isEmpty())
        m_digests[0] = std::make_unique<Digest>("sha256", expected.sha256, EVP_sha256());
    const bool others = all || expected.sha256.isEmpty();
    if (others && !expected.sha1.isEmpty())
        m_digests[1] = std::make_unique<Digest>("sha1", expected.sha1, EVP_sha1());
    if (others && !expected.md5.isEmpty())
        m_digests[2] = std::make_unique<Digest>("md5", expected.md5, EVP_md5());
}

ArtifactHasher::~ArtifactHasher() = default;

void ArtifactHasher::addData(const char *data, qsizetype size)
{
    for (const auto &d : m_digests) {
        if (d)
            EVP_DigestUpdate(d->ctx, data, size_t(size));
    }
}

QStringList ArtifactHasher::mismatches()
{
    QStringList result;
    for (const auto &d : m_digests) {
        if (!d)
            continue;
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(d->ctx, md, &length);
        const QString actual = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(length)).toHex());
        if (actual != d->expected)
            result << u"%1 %2, expected %3"_s.arg(QLatin1StringView(d->name), actual, d->expected);
    }
    return result;
}

QStringList ArtifactHasher::checked() const
{
    QStringList names;
    for (const auto &d : m_digests) {
        if (d)
            names << QLatin1StringView(d->name);
    }
    return names;
}

} // namespace Flotilla::Agent
