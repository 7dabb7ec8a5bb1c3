#include "backend/serverconfig.h"

#include "backend/externalurl.h"
#include "backend/requestratelimiter.h"
#include "proto/ddi/ddimessages.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Flotilla {

ServerConfig ServerConfig::defaults()
{
    ServerConfig c;
    // Under systemd (StateDirectory=) the unit's state directory, else the user's app data.
    const QString data = qEnvironmentVariableIsEmpty("STATE_DIRECTORY")
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : qEnvironmentVariable("STATE_DIRECTORY").section(u':', 0, 0);
    c.database = u"sqlite:"_s + data + u"/flotilla.db"_s;
    c.artifactDirectory = data + u"/artifacts"_s;
    return c;
}

bool ServerConfig::setListen(const QString &value, QString *error)
{
    const qsizetype colon = value.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon >= 0 ? value.mid(colon + 1).toUInt(&ok) : 0;
    if (colon < 0 || !ok || port > 65535) {
        *error = u"'%1' is not HOST:PORT (port 0 picks a free one)"_s.arg(value);
        return false;
    }
    QString host = value.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.isEmpty() || host == u"*"_s)
        address = QHostAddress::Any;
    else if (host == u"localhost"_s)
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host)) {
        *error = u"'%1' is not an IP address to listen on"_s.arg(host);
        return false;
    }
    listenAddress = address;
    listenPort = quint16(port);
    return true;
}

const QStringList &ServerConfig::keys()
{
    static const QStringList known = {
        u"server/listen"_s,
        u"server/tlsCertificate"_s,
        u"server/tlsKey"_s,
        u"server/publicUrl"_s,
        u"server/trustedProxies"_s,
        u"server/httpThreads"_s,
        u"database/url"_s,
        u"limits/readsPerSecond"_s,
        u"limits/writesPerSecond"_s,
        u"limits/exempt"_s,
        u"limits/connectionsPerAddress"_s,
        u"limits/idleTimeout"_s,
        u"limits/headerTimeout"_s,
        u"audit/retentionDays"_s,
        u"artifacts/directory"_s,
        u"artifacts/maxSize"_s,
        u"artifacts/downloadBaseUrl"_s,
        u"ddi/tenant"_s,
        u"ddi/gatewayToken"_s,
        u"ddi/gatewayTargets"_s,
        u"ddi/registerTargets"_s,
        u"ddi/registrationsPerMinute"_s,
        u"ddi/anonymous"_s,
        u"tenant/pollingTime"_s,
        u"tenant/pollingOverdueTime"_s,
        u"tenant/minPollingTime"_s,
        u"tenant/maintenanceWindowPollCount"_s,
        u"tenant/autoClose"_s,
        u"tenant/consentFlow"_s,
        u"tenant/multiAssignment"_s,
        u"metrics/enabled"_s,
        u"metrics/token"_s,
    };
    return known;
}

bool ServerConfig::load(const QString &file, QString *error)
{
    if (!QFileInfo(file).isReadable()) {
        *error = u"%1: cannot read the configuration file"_s.arg(file);
        return false;
    }
    QSettings s(file, QSettings::IniFormat);
    if (s.status() != QSettings::NoError) {
        *error = u"%1: not a valid INI file"_s.arg(file);
        return false;
    }
    const QStringList &known = keys();
    auto bad = [&](const QString &key, const QString &why) {
        *error = u"%1: %2: %3"_s.arg(file, key, why);
        return false;
    };
    for (const QString &key : s.allKeys()) {
        if (!known.contains(key))
            return bad(key, u"unknown key"_s);
    }
    auto text = [&](const QString &key) {
        return s.value(key).toString().trimmed();
    };
    auto boolean = [&](const QString &key, std::optional<bool> *out) {
        const QString v = text(key).toLower();
        if (v == u"true"_s || v == u"1"_s || v == u"yes"_s || v == u"on"_s)
            *out = true;
        else if (v == u"false"_s || v == u"0"_s || v == u"no"_s || v == u"off"_s)
            *out = false;
        else
            return bad(key, u"'%1' is not a boolean (true/false)"_s.arg(text(key)));
        return true;
    };
    auto duration = [&](const QString &key, std::optional<qint64> *out) {
        const std::optional<qint64> secs = Ddi::parseSleep(text(key));
        if (!secs)
            return bad(key, u"'%1' is not a duration HH:mm:ss"_s.arg(text(key)));
        *out = *secs;
        return true;
    };
    QString why;
    if (s.contains(u"server/listen"_s) && !setListen(text(u"server/listen"_s), &why))
        return bad(u"server/listen"_s, why);
    if (s.contains(u"server/tlsCertificate"_s))
        tlsCertificate = text(u"server/tlsCertificate"_s);
    if (s.contains(u"server/tlsKey"_s))
        tlsKey = text(u"server/tlsKey"_s);
    // An empty value is the default (none), as the shipped flotillad.conf shows it ("publicUrl=").
    if (s.contains(u"server/publicUrl"_s) && text(u"server/publicUrl"_s).isEmpty()) {
        publicUrl = QUrl();
    } else if (s.contains(u"server/publicUrl"_s)) {
        publicUrl = QUrl(text(u"server/publicUrl"_s), QUrl::StrictMode);
        if (!publicUrl.isValid() || (publicUrl.scheme() != u"http"_s && publicUrl.scheme() != u"https"_s)
            || publicUrl.host().isEmpty())
            return bad(u"server/publicUrl"_s, u"'%1' is not an http(s) URL"_s.arg(text(u"server/publicUrl"_s)));
    }
    if (s.contains(u"server/trustedProxies"_s)) {
        // QSettings splits an unquoted comma list; join it back.
        trustedProxies = s.value(u"server/trustedProxies"_s).toStringList().join(u',');
        QList<std::pair<QHostAddress, int>> parsed;
        if (!ExternalUrl::parseProxies(trustedProxies, &parsed, &why))
            return bad(u"server/trustedProxies"_s, why);
    }
    if (s.contains(u"database/url"_s))
        database = text(u"database/url"_s);
    if (s.contains(u"artifacts/directory"_s))
        artifactDirectory = text(u"artifacts/directory"_s);
    if (s.contains(u"artifacts/maxSize"_s)) {
        bool ok = false;
        maxArtifactBytes = text(u"artifacts/maxSize"_s).toLongLong(&ok);
        if (!ok || maxArtifactBytes <= 0)
            return bad(u"artifacts/maxSize"_s,
                       u"'%1' is not a positive number of bytes"_s.arg(text(u"artifacts/maxSize"_s)));
    }
    if (s.contains(u"artifacts/downloadBaseUrl"_s)) {
        const QString value = text(u"artifacts/downloadBaseUrl"_s);
        downloadBaseUrl = value.isEmpty() ? QUrl() : QUrl(value, QUrl::StrictMode);
        if (!value.isEmpty()
            && (!downloadBaseUrl.isValid() || downloadBaseUrl.host().isEmpty()
                || (downloadBaseUrl.scheme() != u"http"_s && downloadBaseUrl.scheme() != u"https"_s)))
            return bad(u"artifacts/downloadBaseUrl"_s, u"'%1' is not an http(s) URL"_s.arg(value));
    }
    auto number = [&](const QString &key, double low, double high, auto *out) {
        bool ok = false;
        const double v = text(key).toDouble(&ok);
        if (!ok || v < low || v > high)
            return bad(key, u"'%1' is not a number from %2 to %3"_s.arg(text(key)).arg(low).arg(high));
        *out = std::remove_pointer_t<decltype(out)>(v);
        return true;
    };
    if ((s.contains(u"limits/readsPerSecond"_s) && !number(u"limits/readsPerSecond"_s, 0, 1e6, &readsPerSecond))
        || (s.contains(u"limits/writesPerSecond"_s) && !number(u"limits/writesPerSecond"_s, 0, 1e6, &writesPerSecond))
        || (s.contains(u"limits/connectionsPerAddress"_s)
            && !number(u"limits/connectionsPerAddress"_s, 0, 1e6, &connectionsPerAddress))
        || (s.contains(u"limits/idleTimeout"_s) && !number(u"limits/idleTimeout"_s, 0, 86400, &idleTimeoutSecs))
        || (s.contains(u"limits/headerTimeout"_s) && !number(u"limits/headerTimeout"_s, 0, 3600, &headerTimeoutSecs))
        || (s.contains(u"server/httpThreads"_s) && !number(u"server/httpThreads"_s, 0, 256, &httpThreads)))
        return false;
    if (s.contains(u"limits/exempt"_s)) {
        // A list in INI arrives as a QStringList when it has commas.
        rateLimitExempt = s.value(u"limits/exempt"_s).toStringList().join(u',').trimmed();
        QList<std::pair<QHostAddress, int>> parsed;
        if (!exemptSubnets(&parsed, &why))
            return bad(u"limits/exempt"_s, why);
    }
    if (s.contains(u"ddi/tenant"_s)) {
        tenant = text(u"ddi/tenant"_s);
        if (tenant.isEmpty() || tenant.contains(u'/'))
            return bad(u"ddi/tenant"_s, u"must be a non-empty name without '/'"_s);
    }
    if (s.contains(u"ddi/gatewayToken"_s))
        gatewayToken = text(u"ddi/gatewayToken"_s);
    if (s.contains(u"ddi/gatewayTargets"_s)) {
        // A list in INI arrives as a QStringList when it has commas; empty: every target.
        gatewayTargets.clear();
        for (const QString &item : s.value(u"ddi/gatewayTargets"_s).toStringList().join(u',').split(u',')) {
            const QString pattern = item.trimmed();
            if (pattern.isEmpty())
                continue;
            if (pattern.contains(u' ') || pattern.contains(u'/'))
                return bad(
                    u"ddi/gatewayTargets"_s,
                    u"'%1' is not a controller id pattern (letters, digits, '*' and '?'; no spaces or '/')"_s.arg(
                        pattern));
            gatewayTargets.append(pattern);
        }
    }
    std::optional<bool> registers;
    if (s.contains(u"ddi/registerTargets"_s)) {
        if (!boolean(u"ddi/registerTargets"_s, &registers))
            return false;
        registerTargets = *registers;
    }
    if (s.contains(u"ddi/registrationsPerMinute"_s)
        && !number(u"ddi/registrationsPerMinute"_s, 0, 1e6, &registrationsPerMinute))
        return false;
    std::optional<bool> anonymous;
    if (s.contains(u"ddi/anonymous"_s)) {
        if (!boolean(u"ddi/anonymous"_s, &anonymous))
            return false;
        anonymousDdi = *anonymous;
    }
    std::optional<bool> metrics;
    if (s.contains(u"metrics/enabled"_s)) {
        if (!boolean(u"metrics/enabled"_s, &metrics))
            return false;
        metricsEnabled = *metrics;
    }
    if (s.contains(u"metrics/token"_s)) {
        metricsToken = text(u"metrics/token"_s);
        if (!metricsToken.isEmpty() && metricsToken.size() < 16)
            return bad(u"metrics/token"_s, u"must have at least 16 characters (or be empty: no token)"_s);
    }
    if ((s.contains(u"tenant/pollingTime"_s) && !duration(u"tenant/pollingTime"_s, &pollingSecs))
        || (s.contains(u"tenant/pollingOverdueTime"_s)
            && !duration(u"tenant/pollingOverdueTime"_s, &pollingOverdueSecs))
        || (s.contains(u"tenant/minPollingTime"_s) && !duration(u"tenant/minPollingTime"_s, &minPollingSecs))
        || (s.contains(u"tenant/autoClose"_s) && !boolean(u"tenant/autoClose"_s, &autoClose))
        || (s.contains(u"tenant/consentFlow"_s) && !boolean(u"tenant/consentFlow"_s, &consentFlow))
        || (s.contains(u"tenant/multiAssignment"_s) && !boolean(u"tenant/multiAssignment"_s, &multiAssignment)))
        return false;
    if (s.contains(u"tenant/maintenanceWindowPollCount"_s)) {
        bool ok = false;
        const int n = text(u"tenant/maintenanceWindowPollCount"_s).toInt(&ok);
        if (!ok || n < 1)
            return bad(u"tenant/maintenanceWindowPollCount"_s, u"must be a positive integer"_s);
        maintenanceWindowPollCount = n;
    }
    return true;
}

bool ServerConfig::validate(QString *error) const
{
    if (tlsCertificate.isEmpty() != tlsKey.isEmpty()) {
        *error = u"server/tlsCertificate and server/tlsKey: give both for HTTPS, or neither"_s;
        return false;
    }
    for (const auto &[key, path] :
         { std::pair(u"server/tlsCertificate"_s, tlsCertificate), std::pair(u"server/tlsKey"_s, tlsKey) }) {
        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
            *error = u"%1: cannot read '%2'"_s.arg(key, path);
            return false;
        }
    }
    if (database.isEmpty()) {
        *error = u"database/url: no database given"_s;
        return false;
    }
    if (artifactDirectory.isEmpty()) {
        *error = u"artifacts/directory: no directory given"_s;
        return false;
    }
    if (minPollingSecs && pollingSecs && *minPollingSecs > *pollingSecs) {
        *error = u"tenant/minPollingTime: longer than tenant/pollingTime"_s;
        return false;
    }
    return true;
}

bool ServerConfig::exemptSubnets(QList<std::pair<QHostAddress, int>> *out, QString *error) const
{
    const QString v = rateLimitExempt.trimmed().toLower();
    if (v == u"private"_s) {
        *out = RequestRateLimiter::privateRanges();
        return true;
    }
    if (v.isEmpty() || v == u"none"_s) {
        out->clear();
        return true;
    }
    return ExternalUrl::parseProxies(rateLimitExempt, out, error);
}

void ServerConfig::applyTo(TenantConfiguration &c) const
{
    if (autoClose)
        c.autoClose = *autoClose;
    if (consentFlow)
        c.consentFlow = *consentFlow;
    if (multiAssignment)
        c.multiAssignment = *multiAssignment;
    if (pollingSecs)
        c.pollingSecs = *pollingSecs;
    if (pollingOverdueSecs)
        c.pollingOverdueSecs = *pollingOverdueSecs;
    if (minPollingSecs)
        c.minPollingSecs = *minPollingSecs;
    if (maintenanceWindowPollCount)
        c.maintenanceWindowPollCount = *maintenanceWindowPollCount;
}

} // namespace Flotilla
