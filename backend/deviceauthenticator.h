#pragma once

#include <QByteArray>
#include <QString>

namespace Flotilla {

// Who a DDI request speaks for. "Authorization: TargetToken <token>" is one target's own token;
// "Authorization: GatewayToken <key>" is the tenant's gateway key and may act for any controllerId (and
// register new ones); anonymous access only when the configuration enables it explicitly.
class DeviceAuthenticator
{
public:
    enum class Kind : quint8 { Denied, Target, Gateway, Anonymous };
    DeviceAuthenticator(QString gatewayToken, bool anonymousAllowed);

    // Checks the Authorization header of a request for one controllerId. For a TargetToken, securityToken is that
    // target's stored token: empty when the target does not exist, which is denied exactly like a wrong token.
    // modes are the tenant's authentication.* settings: either scheme can be switched off, and the tenant's
    // gateway key (when set) replaces the configured one.
    struct Modes
    {
        bool targetToken = true;
        bool gatewayToken = true;
        QString gatewayKey;
    };
    Kind authenticate(const QByteArray &authorization, const QString &securityToken, const Modes &modes) const;
    Kind authenticate(const QByteArray &authorization, const QString &securityToken) const;

    // Compares in time independent of where the inputs differ.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

private:
    QByteArray m_gatewayToken;
    bool m_anonymousAllowed;
};

} // namespace Flotilla
