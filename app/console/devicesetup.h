#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace Flotilla {

// What a device needs to talk DDI to this server, and the same as ready-to-paste configuration for the clients
// operators use: flotilla-agent's INI, SWUpdate's suricatta (its config section and its -u command line) and
// rauc-hawkbit-updater's config file. Either a target token (the target created beforehand) or the tenant's
// gateway token (the device registers itself on its first poll).
struct DeviceSetup
{
    QUrl server; // the DDI base: http(s)://host:port[/prefix]
    QString tenant = QStringLiteral("DEFAULT");
    QString controllerId;
    QString targetToken;
    QString gatewayToken;

    QString agentIni() const;
    QString suricattaConfig() const; // the "suricatta : { ... };" section of swupdate.cfg
    QString suricattaCommandLine() const; // swupdate -u "..."
    QString raucHawkbitConfig() const;

    // The URLs devices can reach a server at: for a server bound to this machine (the console's embedded one, a
    // loopback or wildcard URL), one per non-loopback address of this machine, with the server's port and
    // scheme; for any other server, its own URL.
    static QList<QUrl> deviceUrls(const QUrl &serverUrl);
};

} // namespace Flotilla
