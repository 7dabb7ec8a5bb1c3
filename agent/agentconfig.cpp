#include "agent/agentconfig.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Flotilla::Agent {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Flotilla::Agent::AgentConfig", text);
}

// Reads the keys from the file, then the overrides.
class Values
{
public:
    Values(const QString &file, const QMap<QString, QString> &overrides)
        : m_overrides(overrides)
    {
        if (!file.isEmpty())
            m_settings.emplace(file, QSettings::IniFormat);
    }
    QString error() const
    {
        if (m_settings && m_settings->status() != QSettings::NoError)
            return tr("the configuration file %1 cannot be read").arg(m_settings->fileName());
        return {};
    }
    bool contains(const QString &key) const
    {
        return m_overrides.contains(key) || (m_settings && m_settings->contains(key));
    }
    QString value(const QString &key, const QString &fallback = {}) const
    {
        if (const auto it = m_overrides.constFind(key); it != m_overrides.cend())
            return it.value();
        if (m_settings && m_settings->contains(key)) {
            // QSettings splits an unquoted value at commas into a list.
            const QVariant v = m_settings->value(key);
            return v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',') : v.toString();
        }
        return fallback;
    }
    QStringList keys(const QString &group) const
    {
        QStringList result;
        if (m_settings) {
            m_settings->beginGroup(group);
            for (const QString &k : m_settings->childKeys())
                result << group + u'/' + k;
            m_settings->endGroup();
        }
        for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it) {
            if (it.key().startsWith(group + u'/') && !result.contains(it.key()))
                result << it.key();
        }
        return result;
    }

private:
    mutable std::optional<QSettings> m_settings;
    QMap<QString, QString> m_overrides;
};

bool intValue(const Values &v, const QString &key, int min, int max, int *out, QString *error)
{
    if (!v.contains(key))
        return true;
    bool ok = false;
    const int n = v.value(key).trimmed().toInt(&ok);
    if (!ok || n < min || n > max) {
        *error = tr("%1: \"%2\" is not a whole number from %3 to %4").arg(key, v.value(key)).arg(min).arg(max);
        return false;
    }
    *out = n;
    return true;
}

} // namespace

std::optional<HandlerSpec> parseHandlerSpec(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype colon = t.indexOf(u':');
    const QString kind = colon < 0 ? t : t.left(colon);
    const QString arg = colon < 0 ? QString() : t.mid(colon + 1).trimmed();
    if (kind == "file"_L1 && !arg.isEmpty())
        return HandlerSpec { HandlerSpec::Kind::File, arg };
    if (kind == "script"_L1 && !arg.isEmpty())
        return HandlerSpec { HandlerSpec::Kind::Script, arg };
    if (kind == "swupdate"_L1)
        return HandlerSpec { HandlerSpec::Kind::Swupdate, arg };
    if (kind == "firmware"_L1 && arg.isEmpty())
        return HandlerSpec { HandlerSpec::Kind::Firmware, {} };
    return std::nullopt;
}

std::optional<HandlerSpec> AgentConfig::handlerFor(const QString &part) const
{
    if (const auto it = handlers.constFind(part); it != handlers.cend())
        return it.value();
    return defaultHandler;
}

std::optional<AgentConfig> AgentConfig::load(const QString &file, const QMap<QString, QString> &overrides,
                                             QString *error)
{
    if (!file.isEmpty() && !QFileInfo(file).isReadable()) {
        *error = tr("the configuration file %1 cannot be read").arg(file);
        return std::nullopt;
    }
    const Values v(file, overrides);
    if (!v.error().isEmpty()) {
        *error = v.error();
        return std::nullopt;
    }
    AgentConfig c;
    const auto bad = [error](const QString &key, const QString &why) {
        *error = u"%1: %2"_s.arg(key, why);
        return std::nullopt;
    };

    const QString url = v.value(u"server/url"_s).trimmed();
    if (url.isEmpty())
        return bad(u"server/url"_s, tr("is required (the server's address, e.g. https://rollouts.example.com)"));
    c.serverUrl = QUrl(url, QUrl::StrictMode);
    if (!c.serverUrl.isValid() || c.serverUrl.host().isEmpty()
        || (c.serverUrl.scheme() != "http"_L1 && c.serverUrl.scheme() != "https"_L1))
        return bad(u"server/url"_s, tr("\"%1\" is not an http:// or https:// URL").arg(url));
    if (c.serverUrl.path().endsWith(u'/'))
        c.serverUrl.setPath(c.serverUrl.path().chopped(1));
    c.tenant = v.value(u"server/tenant"_s, c.tenant).trimmed();
    if (c.tenant.isEmpty() || c.tenant.contains(u'/'))
        return bad(u"server/tenant"_s, tr("must be a non-empty name without '/'"));
    for (const auto &[key, out] : { std::pair { u"server/caFile"_s, &c.caFile },
                                    std::pair { u"server/clientCertificate"_s, &c.clientCertificate },
                                    std::pair { u"server/clientKey"_s, &c.clientKey } }) {
        *out = v.value(key).trimmed();
        if (!out->isEmpty() && !QFileInfo(*out).isReadable())
            return bad(key, tr("the file %1 cannot be read").arg(*out));
    }
    if (c.clientCertificate.isEmpty() != c.clientKey.isEmpty())
        return bad(c.clientKey.isEmpty() ? u"server/clientKey"_s : u"server/clientCertificate"_s,
                   tr("a client certificate needs its key, and a key its certificate"));
    for (const QString &h : v.value(u"server/downloadHosts"_s).split(u',', Qt::SkipEmptyParts))
        c.downloadHosts << h.trimmed().toLower();
    if (!intValue(v, u"server/retryInterval"_s, 1, 3600, &c.retryIntervalSeconds, error)
        || !intValue(v, u"server/maxRetryInterval"_s, 1, 86400, &c.maxRetryIntervalSeconds, error)
        || !intValue(v, u"server/requestTimeout"_s, 1, 3600, &c.requestTimeoutSeconds, error))
        return std::nullopt;
    c.maxRetryIntervalSeconds = std::max(c.maxRetryIntervalSeconds, c.retryIntervalSeconds);

    c.controllerId = v.value(u"device/controllerId"_s).trimmed();
    if (c.controllerId.isEmpty() || c.controllerId.size() > 256 || c.controllerId.contains(u'/'))
        return bad(u"device/controllerId"_s,
                   tr("is required: this device's name on the server (at most 256 "
                      "characters, no '/')"));
    for (const QString &key : v.keys(u"device"_s)) {
        const QString name = key.mid(7);
        if (name.startsWith("attributes."_L1)) {
            const QString attribute = name.mid(11);
            const QString value = v.value(key);
            if (attribute.isEmpty() || attribute.size() > 128 || value.size() > 128)
                return bad(key, tr("attribute names and values have at most 128 characters"));
            c.attributes.insert(attribute, value);
        }
    }
    c.attributesCommand = v.value(u"device/attributesCommand"_s).trimmed();
    c.bootIdFile = v.value(u"device/bootIdFile"_s, c.bootIdFile).trimmed();

    c.targetToken = v.value(u"auth/targetToken"_s).trimmed();
    c.gatewayToken = v.value(u"auth/gatewayToken"_s).trimmed();
    if (!c.targetToken.isEmpty() && !c.gatewayToken.isEmpty())
        return bad(u"auth/gatewayToken"_s, tr("give a target token or a gateway token, not both"));

    // Under systemd (StateDirectory=) the unit's state directory, else the user's app data.
    const QString base = qEnvironmentVariableIsEmpty("STATE_DIRECTORY")
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : qEnvironmentVariable("STATE_DIRECTORY").section(u':', 0, 0);
    c.stateDir = v.value(u"paths/state"_s, base).trimmed();
    c.downloadDir = v.value(u"paths/downloads"_s, c.stateDir + u"/downloads"_s).trimmed();
    if (c.stateDir.isEmpty())
        return bad(u"paths/state"_s, tr("is required"));
    if (c.downloadDir.isEmpty())
        return bad(u"paths/downloads"_s, tr("is required"));

    if (v.contains(u"downloads/maxSize"_s)) {
        bool ok = false;
        c.maxArtifactSize = v.value(u"downloads/maxSize"_s).trimmed().toLongLong(&ok);
        if (!ok || c.maxArtifactSize <= 0)
            return bad(u"downloads/maxSize"_s, tr("must be a positive number of bytes"));
    }

    if (v.contains(u"downloads/verifyAllHashes"_s)) {
        const QString b = v.value(u"downloads/verifyAllHashes"_s).trimmed().toLower();
        if (b != "true"_L1 && b != "false"_L1)
            return bad(u"downloads/verifyAllHashes"_s, tr("must be true or false"));
        c.verifyAllHashes = b == "true"_L1;
    }

    for (const QString &key : v.keys(u"handlers"_s)) {
        const QString part = key.mid(9);
        if (part == "scriptTimeout"_L1)
            continue;
        const auto spec = parseHandlerSpec(v.value(key));
        if (!spec)
            return bad(key,
                       tr("\"%1\" is not one of file:DIR, script:PATH, swupdate[:SOCKET], firmware").arg(v.value(key)));
        if (part == "default"_L1)
            c.defaultHandler = spec;
        else
            c.handlers.insert(part, *spec);
    }
    if (!intValue(v, u"handlers/scriptTimeout"_s, 1, 7 * 86400, &c.scriptTimeoutSeconds, error))
        return std::nullopt;

    const QString policy = v.value(u"consent/policy"_s, u"wait"_s).trimmed();
    if (policy == "confirm"_L1)
        c.consentPolicy = ConsentPolicy::Confirm;
    else if (policy == "deny"_L1)
        c.consentPolicy = ConsentPolicy::Deny;
    else if (policy == "wait"_L1)
        c.consentPolicy = ConsentPolicy::Wait;
    else
        return bad(u"consent/policy"_s, tr("\"%1\" is not one of confirm, deny, wait").arg(policy));

    c.rebootCommand = v.value(u"reboot/command"_s, c.rebootCommand).trimmed();
    if (c.rebootCommand.isEmpty())
        return bad(u"reboot/command"_s, tr("must not be empty"));
    c.healthCommand = v.value(u"health/command"_s).trimmed();
    if (!intValue(v, u"health/timeout"_s, 1, 86400, &c.healthTimeoutSeconds, error)
        || !intValue(v, u"workflow/maxResumes"_s, 1, 1000, &c.maxResumes, error))
        return std::nullopt;

    c.umListen = v.value(u"updateManagers/listen"_s).trimmed();
    if (!c.umListen.isEmpty()) {
        const qsizetype colon = c.umListen.lastIndexOf(u':');
        bool ok = false;
        const int port = colon > 0 ? c.umListen.mid(colon + 1).toInt(&ok) : -1;
        if (!ok || port < 0 || port > 65535)
            return bad(u"updateManagers/listen"_s, tr("\"%1\" is not host:port").arg(c.umListen));
    }
    c.umCertificate = v.value(u"updateManagers/certificate"_s).trimmed();
    c.umKey = v.value(u"updateManagers/key"_s).trimmed();
    c.umCaFile = v.value(u"updateManagers/caFile"_s).trimmed();
    if (c.umCertificate.isEmpty() != c.umKey.isEmpty())
        return bad(c.umKey.isEmpty() ? u"updateManagers/key"_s : u"updateManagers/certificate"_s,
                   tr("TLS needs both a certificate and its key"));
    if (!c.umCaFile.isEmpty() && c.umCertificate.isEmpty())
        return bad(u"updateManagers/caFile"_s, tr("mutual TLS needs the hub's own certificate and key too"));
    for (const QString &node : v.value(u"updateManagers/expected"_s).split(u',', Qt::SkipEmptyParts)) {
        if (!node.trimmed().isEmpty() && !c.umExpected.contains(node.trimmed()))
            c.umExpected << node.trimmed();
    }
    if (!intValue(v, u"updateManagers/connectTimeout"_s, 1, 86400, &c.umConnectTimeoutSeconds, error)
        || !intValue(v, u"updateManagers/timeout"_s, 1, 7 * 86400, &c.umTimeoutSeconds, error))
        return std::nullopt;
    const QString order = v.value(u"updateManagers/priorityOrder"_s, u"ascending"_s).trimmed();
    if (order != "ascending"_L1 && order != "descending"_L1)
        return bad(u"updateManagers/priorityOrder"_s, tr("\"%1\" is not ascending or descending").arg(order));
    c.umPriorityDescending = order == "descending"_L1;
    const QString urls = v.value(u"updateManagers/imageUrls"_s, u"file"_s).trimmed();
    if (urls != "file"_L1 && urls != "http"_L1)
        return bad(u"updateManagers/imageUrls"_s, tr("\"%1\" is not file or http").arg(urls));
    c.umImagesOverHttp = urls == "http"_L1;
    c.umImageServer = v.value(u"updateManagers/imageServer"_s, c.umImageServer).trimmed();
    c.localSocket = v.value(u"localApi/socket"_s).trimmed();
    // Under systemd (RuntimeDirectory=flotilla-agent) the local API is on by default, at the kiosk's default path.
    if (c.localSocket.isEmpty() && !v.contains(u"localApi/listen"_s)
        && !qEnvironmentVariableIsEmpty("RUNTIME_DIRECTORY"))
        c.localSocket = qEnvironmentVariable("RUNTIME_DIRECTORY").section(u':', 0, 0) + u"/local.sock"_s;
    c.localListen = v.value(u"localApi/listen"_s).trimmed();
    c.localGroup = v.value(u"localApi/group"_s).trimmed();
    if (!c.localSocket.isEmpty() && !c.localListen.isEmpty())
        return bad(u"localApi/listen"_s, tr("give localApi/socket or localApi/listen, not both"));
    if (!c.localListen.isEmpty()) {
        // Only local clients: a loopback address, never a network one.
        const qsizetype colon = c.localListen.lastIndexOf(u':');
        bool ok = false;
        const int port = colon > 0 ? c.localListen.mid(colon + 1).toInt(&ok) : -1;
        QString host = c.localListen.left(std::max<qsizetype>(colon, 0));
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        if (!ok || port < 0 || port > 65535
            || !(host == "localhost"_L1 || host.startsWith("127."_L1) || host == "::1"_L1))
            return bad(u"localApi/listen"_s,
                       tr("\"%1\" is not a loopback host:port (127.0.0.1:PORT, [::1]:PORT): the local API is for "
                          "this device only")
                           .arg(c.localListen));
    }
    if (v.contains(u"localApi/allowInstallNow"_s)) {
        const QString b = v.value(u"localApi/allowInstallNow"_s).trimmed().toLower();
        if (b != "true"_L1 && b != "false"_L1)
            return bad(u"localApi/allowInstallNow"_s, tr("must be true or false"));
        c.localAllowInstallNow = b == "true"_L1;
    }
    if (v.contains(u"localApi/holdSoftActions"_s)) {
        const QString b = v.value(u"localApi/holdSoftActions"_s).trimmed().toLower();
        if (b != "true"_L1 && b != "false"_L1)
            return bad(u"localApi/holdSoftActions"_s, tr("must be true or false"));
        c.localHoldSoftActions = b == "true"_L1;
    }
    if (!intValue(v, u"localApi/resultSeconds"_s, 0, 7 * 86400, &c.localResultSeconds, error))
        return std::nullopt;
    {
        const qsizetype colon = c.umImageServer.lastIndexOf(u':');
        bool ok = false;
        const int port = colon > 0 ? c.umImageServer.mid(colon + 1).toInt(&ok) : -1;
        if (!ok || port < 0 || port > 65535)
            return bad(u"updateManagers/imageServer"_s, tr("\"%1\" is not host:port").arg(c.umImageServer));
    }
    return c;
}

} // namespace Flotilla::Agent
