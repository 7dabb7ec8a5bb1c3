#include "backend/sqlitefile.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
// The files this process holds, with how many stores use each: the last one's release closes the file (and its
// lock) under the registry's lock, so a store opening the file again right after never finds it still locked.
QMutex s_registryLock;
QHash<QString, std::pair<SqliteFile *, int>> &registry()
{
    static QHash<QString, std::pair<SqliteFile *, int>> files;
    return files;
}
} // namespace

SqliteFile::SqliteFile(QString path, int fd)
    : m_path(std::move(path))
    , m_fd(fd)
{ }

SqliteFile::~SqliteFile()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

QByteArray SqliteFile::head(qsizetype n) const
{
    QByteArray bytes(n, Qt::Uninitialized);
    qsizetype got = 0;
    while (m_fd >= 0 && got < n) {
        const ssize_t r = ::pread(m_fd, bytes.data() + got, size_t(n - got), off_t(got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += r;
    }
    bytes.truncate(got);
    return bytes;
}

std::shared_ptr<SqliteFile> SqliteFile::acquire(const QString &path, QString *error)
{
    if (path == u":memory:"_s || path.startsWith(u"file::memory:"_s))
        return std::shared_ptr<SqliteFile>(new SqliteFile(path, -1));
    const QString key = QFileInfo(path).absoluteFilePath();
    const auto release = [key](SqliteFile *file) {
        QMutexLocker locker(&s_registryLock);
        auto it = registry().find(key);
        if (it == registry().end() || it->first != file || --it->second > 0)
            return;
        registry().erase(it);
        delete file;
    };
    QMutexLocker locker(&s_registryLock);
    if (auto it = registry().find(key); it != registry().end()) {
        ++it->second;
        return std::shared_ptr<SqliteFile>(it->first, release);
    }
    // SQLite creates the file on open; the lock needs it now.
    const int fd = ::open(QFile::encodeName(key).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = u"database: cannot open %1: %2"_s.arg(key, QString::fromLocal8Bit(std::strerror(errno)));
        return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        *error = err == EWOULDBLOCK
            ? u"database: %1 is in use by another process (one server owns an SQLite file; stop the other one, or "
              "use PostgreSQL for several servers)"_s.arg(key)
            : u"database: cannot lock %1: %2"_s.arg(key, QString::fromLocal8Bit(std::strerror(err)));
        return nullptr;
    }
    auto *file = new SqliteFile(key, fd);
    registry().insert(key, { file, 1 });
    return std::shared_ptr<SqliteFile>(file, release);
}

} // namespace Flotilla
