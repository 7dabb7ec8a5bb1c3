#pragma once

// handlers/<part> = file:DIR. Puts each artifact of the chunk into DIR under its own name, atomically (write a
// temporary file, fsync, rename, fsync the directory); Backup keeps the files it will replace, Restore puts
// them back (and removes the ones that were new); isInstalled compares the SHA-256 of what is in DIR.
#include "agent/handlers/stephandler.h"

namespace Flotilla::Agent {

class FileStepHandler : public StepHandler
{
    Q_OBJECT
public:
    FileStepHandler(QString directory, QObject *parent = nullptr);

    QString name() const override { return QStringLiteral("file"); }
    void isInstalled(const WorkItem &item) override;
    void backup(const WorkItem &item) override;
    void install(const WorkItem &item) override;
    void restore(const WorkItem &item) override;

private:
    QString m_directory;
};

// Copies source to destination atomically (temporary file beside it, fsync, rename, fsync the directory).
bool copyFileAtomically(const QString &source, const QString &destination, QString *error);
// The SHA-256 of a file as lower-case hex; empty when it cannot be read.
QString sha256Of(const QString &path);

} // namespace Flotilla::Agent
