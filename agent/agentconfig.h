#pragma once

// flotilla-agent's configuration: an INI file (every key documented in the README), then the command line's
// overrides. A bad value stops start-up with a message that names the key.
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace Flotilla::Agent {

enum class ConsentPolicy : quint8 { Confirm, Deny, Wait };

struct HandlerSpec
{
    enum class Kind : quint8 { File, Script, Swupdate, Firmware };
    Kind kind = Kind::File;
    QString argument; // file: the directory; script: the executable; swupdate: an optional socket path
};

struct AgentConfig
{
    // server/*
    QUrl serverUrl; // scheme://host:port, the DDI root (without /{tenant}/controller/v1)
    QString tenant = QStringLiteral("DEFAULT");
    QString caFile;
    QString clientCertificate;
    QString clientKey;
    QStringList downloadHosts; // hosts besides the server's own that artifact links may point at (a CDN)
    int retryIntervalSeconds = 5; // first retry after a failed request, doubling up to maxRetryInterval
    int maxRetryIntervalSeconds = 300;
    int requestTimeoutSeconds = 60; // a request that sends or receives nothing for this long fails
    // device/*
    QString controllerId;
    QMap<QString, QString> attributes;
    QString attributesCommand;
    QString bootIdFile = QStringLiteral("/proc/sys/kernel/random/boot_id");
    // auth/*
    QString targetToken;
    QString gatewayToken;
    // paths/*
    QString stateDir;
    QString downloadDir;
    // downloads/*
    qint64 maxArtifactSize = qint64(4) << 30; // 4 GiB
    bool verifyAllHashes = false; // also SHA-1 and MD5 when a SHA-256 is given
    // handlers/*
    QMap<QString, HandlerSpec> handlers; // part (software module type key) -> handler
    std::optional<HandlerSpec> defaultHandler;
    int scriptTimeoutSeconds = 3600;
    // consent/*
    ConsentPolicy consentPolicy = ConsentPolicy::Wait;
    // reboot/*, health/*, workflow/*
    QString rebootCommand = QStringLiteral("/usr/bin/systemctl reboot");
    QString healthCommand;
    int healthTimeoutSeconds = 300;
    int maxResumes = 10; // starts of the agent while one action is in progress before it is failed
    // updateManagers/* (the UMService hub for firmware Update Managers, AosCore's protocol)
    QString umListen; // host:port; empty: no hub (a "firmware" handler then fails its chunks, saying so)
    QString umCertificate; // TLS for the hub: certificate and key (PEM) ...
    QString umKey;
    QString umCaFile; // ... and, for mutual TLS, the CA that signs the Update Managers' certificates
    QStringList umExpected; // node ids that must be connected before a firmware update starts; others refused
    int umConnectTimeoutSeconds = 600;
    int umTimeoutSeconds = 600; // the longest wait for one Update Manager's answer (WaitingActive)
    // StartUpdate order: ascending priority value first (AosCore's Update Manager protocol).
    bool umPriorityDescending = false;
    bool umImagesOverHttp = false; // updateManagers/imageUrls = http: images from the agent's loopback server
    QString umImageServer = QStringLiteral("127.0.0.1:0"); // where that server listens
    // localApi/* (the kiosk's LocalUpdateService)
    QString localSocket; // a Unix socket path, or
    QString localListen; // a loopback host:port; neither: no local API
    QString localGroup; // the socket's group (mode 0660)
    bool localAllowInstallNow = false; // InstallNow may start an update waiting for its maintenance window
    bool localHoldSoftActions = false; // soft actions wait after downloading until a person says Install now
    int localResultSeconds = 600; // how long the last result stays on the screen
    bool hasLocalApi() const { return !localSocket.isEmpty() || !localListen.isEmpty(); }
    // A simulated device only (flotilla-sim --clock-rate; no config key): the server's clock runs this many times
    // faster than the wall clock, so its poll sleep is in that clock's seconds.
    double clockRate = 1.0;

    // The wait before retry number `failures` (1, 2, ...): retryInterval doubling, capped at maxRetryInterval.
    int retryDelaySeconds(int failures) const
    {
        return std::min(retryIntervalSeconds << std::clamp(failures - 1, 0, 10), maxRetryIntervalSeconds);
    }

    // The handler for a chunk's part: handlers/<part>, else handlers/default.
    std::optional<HandlerSpec> handlerFor(const QString &part) const;

    // Reads FILE (may be empty: defaults only) and applies overrides (key -> value, as in the file, e.g.
    // "server/url"). Returns nullopt with *error naming the key when a value is bad or a required one missing.
    static std::optional<AgentConfig> load(const QString &file, const QMap<QString, QString> &overrides,
                                           QString *error);
};

std::optional<HandlerSpec> parseHandlerSpec(const QString &text);

} // namespace Flotilla::Agent
