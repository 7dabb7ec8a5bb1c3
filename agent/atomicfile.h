#pragma once

// Writes a whole file so that after a crash or power loss it holds either the old or the new content, never
// a mix: a temporary file in the same directory, fsync, rename over the target, fsync the directory.
#include <QByteArray>
#include <QString>

namespace Flotilla::Agent {

bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error);
// fsync of a directory, so a rename (or a new file) in it survives a power loss.
bool syncDirectory(const QString &directory, QString *error);

} // namespace Flotilla::Agent
