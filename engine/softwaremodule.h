#pragma once

#include <QDateTime>
#include <QString>

namespace Flotilla {

// One file of a software module, as the artifact store keeps it (content-addressed by sha256).
struct Artifact
{
    qint64 id = 0;
    qint64 moduleId = 0;
    QString filename;
    qint64 size = 0;
    QString sha1; // lower-case hex
    QString md5;
    QString sha256;
    QDateTime createdAt;
};

// A piece of software a distribution set is made of (firmware, OS, application, ...). typeKey is the
// SoftwareModuleType's key; DDI presents it as the chunk's "part".
struct SoftwareModule
{
    qint64 id = 0;
    QString typeKey;
    QString name;
    QString version;
    QString vendor;
    QString description;
    bool encrypted = false;
};

} // namespace Flotilla
