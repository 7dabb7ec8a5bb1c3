#pragma once

// How a simulated fleet behaves: profiles, each with its share of the devices, read from a JSON or INI file
// (README, "flotilla-sim"). Device n of N gets its profile by blocks in the file's order (the first shares
// round to whole devices by the largest remainder), so a fleet file and a device count always give the same
// devices the same behaviour.
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Flotilla::Sim {

struct DeviceProfile
{
    enum class ConsentAnswer : quint8 { Confirm, Deny, Never };

    QString name = QStringLiteral("default");
    double share = 1.0;
    // Polling while idle: 0 follows the server's sleep (config.polling.sleep); otherwise this many seconds.
    int pollSeconds = 0;
    double pollJitter = 0.1; // ± this fraction of the interval
    qint64 bandwidthBytesPerSecond = 0; // 0: the download takes as long as the real transfer
    double installSeconds = 1.0;
    double rebootSeconds = 0.0; // the Apply step (a reboot into the new version)
    // The probability that a step fails, per action.
    double downloadFailure = 0.0;
    double installFailure = 0.0;
    double applyFailure = 0.0;
    ConsentAnswer consent = ConsentAnswer::Confirm;
    double consentDelaySeconds = 0.0;
    // "ignore": a device whose person presses Install now as soon as the download is verified, whatever the
    // maintenance window says (the agent's localApi/allowInstallNow). "respect" (the default) waits for it.
    bool ignoresMaintenanceWindow = false;
    // Offline for forSeconds out of every everySeconds (0: always online), at a phase of its own per device.
    int offlineEverySeconds = 0;
    int offlineForSeconds = 0;
    // Sent as the device's attributes; "{n}" becomes the device's number, "{id}" its controller id.
    QMap<QString, QString> attributes;

    QMap<QString, QString> attributesOf(int number, const QString &controllerId) const;
};

struct FleetDescription
{
    QList<DeviceProfile> profiles { DeviceProfile {} };

    // nullopt with *error naming the profile and key when the document is not a fleet description.
    static std::optional<FleetDescription> fromJson(const QByteArray &json, QString *error);
    // The same profiles as INI (QSettings): one section per profile, its name the section's; nested keys with a
    // dot (failure.install, consent.answer, offline.everySeconds, attributes.<name>); "[fleet] profiles=a, b"
    // gives the order (otherwise the sections' in alphabetical order, which is all QSettings keeps).
    static std::optional<FleetDescription> fromIni(const QString &path, QString *error);
    // INI when the file name ends in .ini or .conf, JSON otherwise.
    static std::optional<FleetDescription> load(const QString &path, QString *error);

    // The profile index of every device, in order (device i of count).
    QList<int> assign(int count) const;
};

} // namespace Flotilla::Sim
