#include "app/console/devicesetup.h"

#include <QHostAddress>
#include <QNetworkInterface>

using namespace Qt::StringLiterals;

namespace Flotilla {

namespace {
QString base(const QUrl &url)
{
    return url.toString(QUrl::StripTrailingSlash);
}

// A value for a libconfig string (swupdate.cfg): quotes and backslashes escaped.
QString quoted(const QString &value)
{
    QString v = value;
    v.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + v + u'"';
}
} // namespace

QString DeviceSetup::agentIni() const
{
    QString ini = u"; flotilla-agent: /etc/flotilla/agent.conf (then: systemctl restart flotilla-agent)\n"
                  "[server]\nurl=%1\ntenant=%2\n\n[device]\ncontrollerId=%3\n\n[auth]\n"_s.arg(base(server), tenant,
                                                                                               controllerId);
    ini += gatewayToken.isEmpty() ? u"targetToken=%1\n"_s.arg(targetToken) : u"gatewayToken=%1\n"_s.arg(gatewayToken);
    ini += u"\n[handlers]\n; software module type (a chunk's \"part\") = file:DIR | script:PATH | swupdate | firmware\n"
           "os=swupdate\n"_s;
    return ini;
}

QString DeviceSetup::suricattaConfig() const
{
    QString cfg = u"suricatta : {\n\tserver = \"hawkbit\";\n\turl = %1;\n\ttenant = %2;\n\tid = %3;\n"_s.arg(
        quoted(base(server)), quoted(tenant), quoted(controllerId));
    cfg += gatewayToken.isEmpty() ? u"\ttargettoken = %1;\n"_s.arg(quoted(targetToken))
                                  : u"\tgatewaytoken = %1;\n"_s.arg(quoted(gatewayToken));
    if (server.scheme() == u"https"_s)
        cfg += u"\t/* cafile = \"/etc/ssl/certs/flotilla-ca.pem\"; */\n"_s;
    cfg += u"};\n"_s;
    return cfg;
}

QString DeviceSetup::suricattaCommandLine() const
{
    const QString auth = gatewayToken.isEmpty() ? u"-k %1"_s.arg(targetToken) : u"-g %1"_s.arg(gatewayToken);
    return u"swupdate -u \"-S hawkbit -t %1 -u %2 -i %3 %4\""_s.arg(tenant, base(server), controllerId, auth);
}

QString DeviceSetup::raucHawkbitConfig() const
{
    // rauc-hawkbit-updater takes host:port and a separate ssl switch; a path prefix is not supported.
    const bool tls = server.scheme() == u"https"_s;
    const int port = server.port(tls ? 443 : 80);
    QString conf = u"[client]\nhawkbit_server            = %1:%2\nssl                       = %3\n"
                   "ssl_verify                = %3\ntenant_id                 = %4\ntarget_name               = %5\n"_s
                       .arg(server.host())
                       .arg(port)
                       .arg(tls ? u"true"_s : u"false"_s, tenant, controllerId);
    conf += gatewayToken.isEmpty() ? u"auth_token                = %1\n"_s.arg(targetToken)
                                   : u"gateway_token             = %1\n"_s.arg(gatewayToken);
    conf += u"bundle_download_location  = /tmp/bundle.raucb\nretry_wait                = 60\n"
            "post_update_reboot        = true\n\n[device]\nproduct                   = my-device\n"_s;
    return conf;
}

QList<QUrl> DeviceSetup::deviceUrls(const QUrl &serverUrl)
{
    const QHostAddress host(serverUrl.host());
    const bool local = serverUrl.host() == u"localhost"_s || host.isLoopback() || host == QHostAddress::Any
        || host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6;
    if (!local)
        return { serverUrl };
    QList<QUrl> urls;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.isLinkLocal() || address.isMulticast())
            continue;
        QUrl url = serverUrl;
        url.setHost(address.toString());
        urls << url;
    }
    // IPv4 first: what most devices' configuration expects.
    std::stable_partition(urls.begin(), urls.end(), [](const QUrl &u) { return !u.host().contains(u':'); });
    if (urls.isEmpty())
        urls << serverUrl; // no network: loopback is all there is (a device on this machine)
    return urls;
}

} // namespace Flotilla
