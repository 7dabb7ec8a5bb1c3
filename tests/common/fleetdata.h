#pragma once

// Test data straight into a store: targets with tokens, distribution sets whose module carries one artifact
// (stored in an ArtifactStore), for tests that need a fleet before the Management API exists.
#include "backend/artifactstore.h"
#include "engine/store.h"

#include <QBuffer>
#include <QtTest/qtestcase.h>

namespace FlotillaTest {

inline Flotilla::Target makeTarget(const Flotilla::Stores &stores, const QString &controllerId,
                                   Flotilla::TargetState state = Flotilla::TargetState::Registered)
{
    Flotilla::Target t;
    t.controllerId = controllerId;
    t.name = controllerId;
    t.state = state;
    t.securityToken = Flotilla::Target::generateSecurityToken();
    t.createdAt = QDateTime::currentDateTimeUtc();
    t.id = stores.targets.insertTarget(t).value();
    return t;
}

struct SetWithArtifact
{
    qint64 setId = 0;
    qint64 moduleId = 0;
    Flotilla::Artifact artifact;
};

// A software module of type typeKey holding one artifact (not yet in a set); its id, 0 on failure.
inline qint64 makeModule(const Flotilla::Stores &stores, Flotilla::ArtifactStore &artifacts, const QString &typeKey,
                         const QString &name, const QString &version, const QString &filename,
                         const QByteArray &content)
{
    const qint64 moduleId
        = stores.repository
              .insertSoftwareModule({ 0, typeKey, name, version, QStringLiteral("Flotilla tests"), {}, false })
              .value();
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    const auto stored = artifacts.add(buffer, {}, qint64(1) << 32);
    if (!stored)
        return 0;
    Flotilla::Artifact a { 0,
                           moduleId,
                           filename,
                           stored->size,
                           stored->hashes.sha1,
                           stored->hashes.md5,
                           stored->hashes.sha256,
                           QDateTime::currentDateTimeUtc() };
    return stores.repository.insertArtifact(a).value() > 0 ? moduleId : 0;
}

// A distribution set "name version" with one module of type typeKey holding one artifact.
inline SetWithArtifact makeSet(const Flotilla::Stores &stores, Flotilla::ArtifactStore &artifacts, const QString &name,
                               const QString &version, const QString &filename, const QByteArray &content,
                               const QString &typeKey = QStringLiteral("os"))
{
    SetWithArtifact s;
    s.moduleId = stores.repository
                     .insertSoftwareModule({ 0, typeKey, name, version, QStringLiteral("Flotilla tests"), {}, false })
                     .value();
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    const auto stored = artifacts.add(buffer, {}, qint64(1) << 32);
    if (!stored)
        return s;
    s.artifact = { 0,
                   s.moduleId,
                   filename,
                   stored->size,
                   stored->hashes.sha1,
                   stored->hashes.md5,
                   stored->hashes.sha256,
                   QDateTime::currentDateTimeUtc() };
    s.artifact.id = stores.repository.insertArtifact(s.artifact).value();
    s.setId = stores.repository.insertDistributionSet({ 0, name, version, typeKey, false, false, {} }).value();
    if (const Flotilla::Result<void> added = stores.repository.addModuleToSet(s.setId, s.moduleId); !added)
        qFatal("fleet data: %s", qPrintable(added.error().message));
    return s;
}

} // namespace FlotillaTest
