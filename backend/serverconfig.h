#pragma once

#include "engine/target.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <optional>

namespace Flotilla {

// Everything a Flotilla server (flotillad, or the console's embedded one) is configured with. Read from an INI
// file, then overridden by the command line; every key is documented in the README. An invalid value stops
// start-up with a message naming the key.
struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 listenPort = 8080; // 0: pick a free port (logged)
    QString tlsCertificate; // PEM; with tlsKey: HTTPS
    QString tlsKey;
    // server/httpThreads: threads serving HTTP, each with its own store connection; 0: one per core. The console's
    // embedded server (ServerThread) keeps one unless told otherwise.
    int httpThreads = 0;
    QString database; // "sqlite:PATH", a path, or "postgres://..."
    QString artifactDirectory;
    QUrl publicUrl;
    QUrl downloadBaseUrl; // artifacts/downloadBaseUrl: devices download from there (a CDN, a static web server)
    QString trustedProxies; // "10.0.0.1, 192.168.0.0/16"
    QString tenant = QStringLiteral("DEFAULT");
    QString gatewayToken;
    // The gateway token's limits (DdiSettings): ddi/gatewayTargets (controller id patterns), ddi/registerTargets,
    // ddi/registrationsPerMinute (0: no limit).
    QStringList gatewayTargets;
    bool registerTargets = true;
    double registrationsPerMinute = 0;
    bool anonymousDdi = false;
    qint64 maxArtifactBytes = qint64(1) << 30;
    // The first administrator when the store has no user yet (else FLOTILLA_ADMIN_USER/PASSWORD are used).
    QString initialAdminUser;
    QString initialAdminPassword;
    // The console's own credential: a file (mode 0600) holding the password of the administrator "console",
    // generated on first run. Read on the server's thread.
    QString localCredentialFile;
    // Tenant configuration keys the file sets (only those are written to the store at start).
    std::optional<bool> autoClose;
    std::optional<bool> consentFlow;
    std::optional<bool> multiAssignment;
    std::optional<qint64> pollingSecs;
    std::optional<qint64> pollingOverdueSecs;
    std::optional<qint64> minPollingSecs;
    std::optional<int> maintenanceWindowPollCount;
    // What one client may take (ConnectionGuard): requests per second per client address (0: no limit), the
    // addresses never rate-limited ("private": loopback and the private ranges, as hawkBit's DoS filter; "none";
    // or a subnet list), concurrent connections per address (0: no cap), and how long an idle connection and an
    // incomplete request header are waited for.
    double readsPerSecond = 200;
    double writesPerSecond = 50;
    QString rateLimitExempt = QStringLiteral("private");
    int connectionsPerAddress = 1000;
    int idleTimeoutSecs = 60;
    int headerTimeoutSecs = 10;
    // GET /metrics (Prometheus): off unless enabled; any operator's credentials, or "Bearer <metricsToken>".
    bool metricsEnabled = false;
    QString metricsToken;
    // Audit entries older than this many days are removed (hourly); 0 keeps them for ever.
    int auditRetentionDays = 365;
    // Simulations only (flotillad --clock-rate, never the INI file): the server's time runs this many times
    // faster than the wall clock, its timers this much more often (engine/clock.h, ScaledClock).
    double clockRate = 1.0;

    // Defaults for database and artifacts: in $STATE_DIRECTORY under systemd, else the application data location.
    static ServerConfig defaults();
    // Every key an INI file may set, as "group/key" (packaging/flotillad/flotillad.conf documents each).
    static const QStringList &keys();
    // Reads an INI file over the current values. False with a message naming the file and key.
    bool load(const QString &file, QString *error);
    // One "HOST:PORT" (or "[v6]:PORT", or ":PORT") value, as --listen and server/listen take it.
    bool setListen(const QString &value, QString *error);
    // Checks what can be checked before start-up (files exist, values consistent).
    bool validate(QString *error) const;
    void applyTo(TenantConfiguration &config) const;
    // rateLimitExempt as subnets; false with a message when it cannot be read.
    bool exemptSubnets(QList<std::pair<QHostAddress, int>> *out, QString *error) const;
};

} // namespace Flotilla
