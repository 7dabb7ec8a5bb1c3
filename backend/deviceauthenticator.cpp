#include "backend/deviceauthenticator.h"

#include <algorithm>

namespace Flotilla {

DeviceAuthenticator::DeviceAuthenticator(QString gatewayToken, bool anonymousAllowed)
    : m_gatewayToken(gatewayToken.toUtf8())
    , m_anonymousAllowed(anonymousAllowed)
{ }

bool DeviceAuthenticator::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // The loop runs over the longer input whatever the contents, so the time reveals at most the lengths.
    const qsizetype n = std::max(a.size(), b.size());
    unsigned difference = a.size() == b.size() ? 0u : 1u;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? uchar(a[i]) : 0;
        const unsigned char y = i < b.size() ? uchar(b[i]) : 0;
        difference |= unsigned(x ^ y);
    }
    return difference == 0;
}

DeviceAuthenticator::Kind DeviceAuthenticator::authenticate(const QByteArray &authorization,
                                                            const QString &securityToken) const
{
    return authenticate(authorization, securityToken, Modes());
}

DeviceAuthenticator::Kind DeviceAuthenticator::authenticate(const QByteArray &authorization,
                                                            const QString &securityToken, const Modes &modes) const
{
    const QByteArray header = authorization.trimmed();
    if (header.isEmpty())
        return m_anonymousAllowed ? Kind::Anonymous : Kind::Denied;
    const qsizetype space = header.indexOf(' ');
    if (space < 0)
        return Kind::Denied;
    const QByteArray scheme = header.left(space);
    const QByteArray credential = header.mid(space + 1).trimmed();
    if (credential.isEmpty())
        return Kind::Denied;
    if (scheme.compare("TargetToken", Qt::CaseInsensitive) == 0) {
        if (!modes.targetToken)
            return Kind::Denied;
        // A missing target is compared against a dummy so that its absence takes the same time as a wrong token.
        static const QByteArray dummy(32, 'x');
        const QByteArray expected = securityToken.isEmpty() ? dummy : securityToken.toUtf8();
        const bool match = constantTimeEquals(credential, expected);
        return match && !securityToken.isEmpty() ? Kind::Target : Kind::Denied;
    }
    if (scheme.compare("GatewayToken", Qt::CaseInsensitive) == 0) {
        const QByteArray key = modes.gatewayKey.isEmpty() ? m_gatewayToken : modes.gatewayKey.toUtf8();
        if (!modes.gatewayToken || key.isEmpty())
            return Kind::Denied;
        return constantTimeEquals(credential, key) ? Kind::Gateway : Kind::Denied;
    }
    return Kind::Denied;
}

} // namespace Flotilla
