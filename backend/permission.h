#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla {

// What an operator may do, in hawkBit's names (Management API).
enum class Permission : quint8 {
    ReadTarget,
    CreateTarget,
    UpdateTarget,
    DeleteTarget,
    ReadTargetSecurityToken,
    ReadRepository,
    CreateRepository,
    UpdateRepository,
    DeleteRepository,
    DownloadRepositoryArtifact,
    ReadRollout,
    CreateRollout,
    UpdateRollout,
    DeleteRollout,
    HandleRollout,
    ApproveRollout,
    TenantConfiguration,
    UserAdmin,
};
QString nameOf(Permission permission); // "READ_TARGET", ...

// A role is a named set of permissions:
//   admin     everything, including users
//   operator  read/create/update/delete targets, repository and rollouts, handle rollouts, download artifacts
//   approver  read everything, approve or deny rollouts
//   viewer    read targets, repository and rollouts
class Roles
{
public:
    static QStringList names();
    static std::optional<QList<Permission>> permissionsOf(const QString &role);
    static bool grants(const QStringList &roles, Permission permission);
};

} // namespace Flotilla
