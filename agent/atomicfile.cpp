#include "agent/atomicfile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

QString errnoText(const QString &what, const QString &path)
{
    return u"%1 %2: %3"_s.arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

bool syncDirectory(const QString &directory, QString *error)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = errnoText(u"cannot open directory"_s, directory);
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    if (!ok)
        *error = errnoText(u"cannot sync directory"_s, directory);
    ::close(fd);
    return ok;
}

bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error)
{
    const QString temp = path + u".tmp"_s;
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = errnoText(u"cannot create"_s, temp);
        return false;
    }
    qsizetype written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + written, size_t(content.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = errnoText(u"cannot write"_s, temp);
            ::close(fd);
            ::unlink(tempName.constData());
            return false;
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        *error = errnoText(u"cannot sync"_s, temp);
        ::close(fd);
        ::unlink(tempName.constData());
        return false;
    }
    ::close(fd);
    if (::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        *error = errnoText(u"cannot rename over"_s, path);
        ::unlink(tempName.constData());
        return false;
    }
    return syncDirectory(QFileInfo(path).absolutePath(), error);
}

} // namespace Flotilla::Agent
