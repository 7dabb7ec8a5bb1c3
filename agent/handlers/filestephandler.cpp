#include "agent/handlers/filestephandler.h"

#include "agent/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    if (!h.addData(&f))
        return {};
    return QString::fromLatin1(h.result().toHex());
}

bool copyFileAtomically(const QString &source, const QString &destination, QString *error)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = u"%1 cannot be read: %2"_s.arg(source, in.errorString());
        return false;
    }
    const QString temp
        = QFileInfo(destination).absolutePath() + u"/."_s + QFileInfo(destination).fileName() + u".flotilla-tmp"_s;
    QFile out(temp);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = u"%1 cannot be written: %2"_s.arg(temp, out.errorString());
        return false;
    }
    QByteArray buffer;
    while (!(buffer = in.read(1 << 20)).isEmpty()) {
        if (out.write(buffer) != buffer.size()) {
            *error = u"%1 cannot be written: %2"_s.arg(temp, out.errorString());
            out.remove();
            return false;
        }
    }
    if (in.error() != QFileDevice::NoError || !out.flush() || ::fsync(out.handle()) != 0) {
        *error = u"copying %1 to %2 failed"_s.arg(source, temp);
        out.remove();
        return false;
    }
    out.close();
    if (::rename(QFile::encodeName(temp).constData(), QFile::encodeName(destination).constData()) != 0) {
        *error = u"%1 cannot be renamed to %2"_s.arg(temp, destination);
        QFile::remove(temp);
        return false;
    }
    return syncDirectory(QFileInfo(destination).absolutePath(), error);
}

FileStepHandler::FileStepHandler(QString directory, QObject *parent)
    : StepHandler(parent)
    , m_directory(std::move(directory))
{ }

void FileStepHandler::isInstalled(const WorkItem &item)
{
    // The chunk is installed when every artifact is in the directory with its SHA-256. Without a local file
    // (a restart before the download) the server's hash is what counts.
    for (const Flotilla::Ddi::Artifact &a : item.chunk.artifacts) {
        const QString installed = QDir(m_directory).filePath(a.filename);
        if (a.sha256.isEmpty() || !QFileInfo::exists(installed) || QFileInfo(installed).size() != a.size
            || sha256Of(installed) != a.sha256)
            return finishLater({ StepResult::Code::NotInstalled, 0, {}, {}, {} });
    }
    finishLater({ StepResult::Code::Installed, 0, {}, {}, {} });
}

void FileStepHandler::backup(const WorkItem &item)
{
    const QDir backupDir(item.workDir + u"/backup"_s);
    QDir().mkpath(backupDir.path());
    QStringList created;
    for (const LocalArtifact &f : item.files) {
        const QString installed = QDir(m_directory).filePath(f.filename);
        QString error;
        if (!QFileInfo::exists(installed))
            created << f.filename;
        else if (!QFileInfo::exists(backupDir.filePath(f.filename))
                 && !copyFileAtomically(installed, backupDir.filePath(f.filename), &error))
            return finishLater(StepResult::failure(u"backup: "_s + error));
    }
    QString error;
    if (!writeFileAtomically(backupDir.filePath(u".created"_s), created.join(u'\n').toUtf8(), &error))
        return finishLater(StepResult::failure(u"backup: "_s + error));
    finishLater(StepResult::success());
}

void FileStepHandler::install(const WorkItem &item)
{
    if (!QDir().mkpath(m_directory))
        return finishLater(StepResult::failure(u"the directory %1 cannot be created"_s.arg(m_directory)));
    for (const LocalArtifact &f : item.files) {
        const QString destination = QDir(m_directory).filePath(f.filename);
        if (QFileInfo(destination).size() == f.size && sha256Of(destination) == f.sha256)
            continue; // done before a restart
        QString error;
        if (!copyFileAtomically(f.path, destination, &error))
            return finishLater(StepResult::failure(error));
    }
    finishLater(StepResult::success(u"%1 file(s) in %2"_s.arg(item.files.size()).arg(m_directory)));
}

void FileStepHandler::restore(const WorkItem &item)
{
    const QDir backupDir(item.workDir + u"/backup"_s);
    QFile createdFile(backupDir.filePath(u".created"_s));
    if (!createdFile.open(QIODevice::ReadOnly))
        return finishLater(StepResult::success(u"nothing was backed up"_s));
    const QStringList created = QString::fromUtf8(createdFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QStringList problems;
    for (const LocalArtifact &f : item.files) {
        const QString installed = QDir(m_directory).filePath(f.filename);
        QString error;
        if (created.contains(f.filename)) {
            if (QFileInfo::exists(installed) && !QFile::remove(installed))
                problems << u"%1 cannot be removed"_s.arg(installed);
        } else if (QFileInfo::exists(backupDir.filePath(f.filename))
                   && !copyFileAtomically(backupDir.filePath(f.filename), installed, &error)) {
            problems << error;
        }
    }
    if (!problems.isEmpty())
        return finishLater(StepResult::failure(problems.join(u"; "_s)));
    finishLater(StepResult::success(u"the previous files are back in %1"_s.arg(m_directory)));
}

} // namespace Flotilla::Agent
