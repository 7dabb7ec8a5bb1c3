#include "backend/permission.h"

#include <array>

namespace Flotilla {

QString nameOf(Permission permission)
{
    static constexpr std::array names = {
        "READ_TARGET",
        "CREATE_TARGET",
        "UPDATE_TARGET",
        "DELETE_TARGET",
        "READ_TARGET_SECURITY_TOKEN",
        "READ_REPOSITORY",
        "CREATE_REPOSITORY",
        "UPDATE_REPOSITORY",
        "DELETE_REPOSITORY",
        "DOWNLOAD_REPOSITORY_ARTIFACT",
        "READ_ROLLOUT",
        "CREATE_ROLLOUT",
        "UPDATE_ROLLOUT",
        "DELETE_ROLLOUT",
        "HANDLE_ROLLOUT",
        "APPROVE_ROLLOUT",
        "TENANT_CONFIGURATION",
        "USER_ADMIN",
    };
    return QString::fromLatin1(names.at(std::size_t(permission)));
}

QStringList Roles::names()
{
    return { QStringLiteral("admin"), QStringLiteral("operator"), QStringLiteral("approver"),
             QStringLiteral("viewer") };
}

std::optional<QList<Permission>> Roles::permissionsOf(const QString &role)
{
    using P = Permission;
    const QList<Permission> read = { P::ReadTarget, P::ReadRepository, P::ReadRollout };
    if (role == QLatin1String("viewer"))
        return read;
    if (role == QLatin1String("approver"))
        return read + QList<Permission> { P::ApproveRollout };
    if (role == QLatin1String("operator"))
        return read
            + QList<Permission> { P::CreateTarget,
                                  P::UpdateTarget,
                                  P::DeleteTarget,
                                  P::CreateRepository,
                                  P::UpdateRepository,
                                  P::DeleteRepository,
                                  P::DownloadRepositoryArtifact,
                                  P::CreateRollout,
                                  P::UpdateRollout,
                                  P::DeleteRollout,
                                  P::HandleRollout };
    if (role == QLatin1String("admin")) {
        QList<Permission> all;
        for (int p = 0; p <= int(P::UserAdmin); ++p)
            all << Permission(p);
        return all;
    }
    return std::nullopt;
}

bool Roles::grants(const QStringList &roles, Permission permission)
{
    for (const QString &role : roles) {
        if (permissionsOf(role).value_or(QList<Permission>()).contains(permission))
            return true;
    }
    return false;
}

} // namespace Flotilla
