#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Flotilla {

class Store;
struct Target;

// Who a DDI request speaks for. "Authorization: TargetToken <token>" is one target's own token;
// "Authorization: GatewayToken <key>" is the tenant's gateway key and may act for any controllerId (and
// register new ones); anonymous access only when the configuration enables it explicitly.
class DeviceAuthenticator
{
public:
    enum class Kind : quint8 { Denied, Target, Gateway, Anonymous };
    DeviceAuthenticator(QString gatewayToken, bool anonymousAllowed);

    // Checks the Authorization header for controllerId. For a TargetToken, target is the stored target (or
    // nullopt when it does not exist, which is denied exactly like a wrong token).
    Kind authenticate(const QByteArray &authorization, const std::optional<Target> &target) const;

    // Compares in time independent of where the inputs differ.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

private:
    QByteArray m_gatewayToken;
    bool m_anonymousAllowed;
};

} // namespace Flotilla
